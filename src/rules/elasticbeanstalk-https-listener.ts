import type { Resource } from '../iac/model';
import type { Rule, RuleContext } from './rule';
import { findSetting, readOptionSettings, settingText, type OptionSettings } from './support/beanstalk';
import { stringOf, isCloudFormation, property } from './toolkit/values';

const ALB_LISTENER = /^aws:elbv2:listener:(\d+|default)$/i;
const CLB_LISTENER = /^aws:elb:listener(:\d+)?$/i;
const SECURITY_OPTIONS = /^(protocol|listenerprotocol|listenerenabled|sslcertificate.*|loadbalancerhttpsport)$/;

/** Web server tier (the default) or worker tier; undefined when it cannot be known. */
function isWorkerTier(resource: Resource, context: RuleContext): boolean | undefined {
  const tier = property(resource, isCloudFormation(resource) ? 'Tier' : 'tier');
  if (!tier) return false;
  const resolved = context.resolve(tier.value);
  if (isCloudFormation(resource)) {
    if (resolved?.kind !== 'map') return undefined;
    const name = resolved.properties.find((p) => p.key === 'Name');
    if (!name) return false;
    const text = stringOf(context.resolve(name.value)).value;
    return text === undefined ? undefined : text.toLowerCase() === 'worker';
  }
  const text = stringOf(resolved).value;
  return text === undefined ? undefined : text.toLowerCase() === 'worker';
}

/**
 * The load balancer type when the environment has a dedicated one: `classic` (the API default),
 * `application` or `network`; undefined when there is none (single instance, shared load balancer)
 * or it cannot be known.
 */
function dedicatedLoadBalancer(settings: OptionSettings): string | undefined {
  const environmentType = findSetting(settings, 'aws:elasticbeanstalk:environment', 'EnvironmentType');
  const type = environmentType ? settingText(environmentType).value?.toLowerCase() : 'loadbalanced';
  if (type !== 'loadbalanced') return undefined;
  const loadBalancerType = findSetting(settings, 'aws:elasticbeanstalk:environment', 'LoadBalancerType');
  const balancer = loadBalancerType ? settingText(loadBalancerType).value?.toLowerCase() : 'classic';
  // Listener rules of a shared load balancer live on that load balancer, outside the environment.
  const shared = findSetting(settings, 'aws:elasticbeanstalk:environment', 'LoadBalancerIsShared');
  if (shared && settingText(shared).value?.toLowerCase() !== 'false') return undefined;
  return balancer;
}

/** True when some enabled listener uses HTTPS/SSL; undefined when a listener setting cannot be known. */
function hasSecureListener(settings: OptionSettings, balancer: string): boolean | undefined {
  const listenerNamespace = balancer === 'application' ? ALB_LISTENER : CLB_LISTENER;
  const protocolName = balancer === 'application' ? 'protocol' : 'listenerprotocol';
  // Settings per listener namespace; the environment's own settings come first and win.
  const listeners = new Map<string, Map<string, string | undefined>>();
  for (const setting of settings.settings) {
    const namespace = setting.namespace.toLowerCase();
    const relevant =
      listenerNamespace.test(namespace) || (balancer === 'classic' && namespace === 'aws:elb:loadbalancer');
    if (!relevant) continue;
    const name = setting.name.toLowerCase();
    // Only the options that decide whether a listener is secure; an unknown SSLPolicy, say, does not matter.
    if (!SECURITY_OPTIONS.test(name)) continue;
    const options = listeners.get(namespace) ?? new Map<string, string | undefined>();
    if (!options.has(name)) options.set(name, settingText(setting).value?.toLowerCase());
    listeners.set(namespace, options);
  }
  let unknown = false;
  for (const options of listeners.values()) {
    if ([...options.values()].some((v) => v === undefined)) {
      unknown = true;
      continue;
    }
    if (options.get('listenerenabled') === 'false') continue;
    const protocol = options.get(protocolName);
    if (protocol === 'https' || protocol === 'ssl') return true;
    // A certificate on a listener, or the legacy Classic Load Balancer HTTPS port.
    if ([...options.keys()].some((name) => name.startsWith('sslcertificate'))) return true;
    const httpsPort = options.get('loadbalancerhttpsport');
    if (httpsPort !== undefined && httpsPort !== 'off') return true;
  }
  return unknown ? undefined : false;
}

export const rule: Rule = {
  id: 'elasticbeanstalk-https-listener',
  title: 'Elastic Beanstalk load balancer has no HTTPS listener',
  concern: 'data-in-transit',
  // A note rather than a warning: the source bundle's .ebextensions can add the listener unseen.
  severity: 'info',
  appliesTo: ['AWS::ElasticBeanstalk::Environment', 'aws_elastic_beanstalk_environment'],
  rationale:
    'AWS runs the load balancer Elastic Beanstalk creates, but it only listens on HTTP until you give it a certificate and an HTTPS listener: encrypting traffic between clients and your application is yours to configure.',
  remediation:
    'Add an HTTPS listener in the option settings: for an Application Load Balancer, namespace `aws:elbv2:listener:443` with `Protocol: HTTPS` and `SSLCertificateArns` (an ACM certificate); for a Classic Load Balancer, `aws:elb:listener:443` with `ListenerProtocol: HTTPS` and `SSLCertificateId`. Then redirect HTTP to HTTPS or turn the port 80 listener off.',
  messages: {
    noHttpsListener: {
      headline: "Elastic Beanstalk environment '{resource}' has no HTTPS listener.",
      detail:
        "It has a {balancer} Load Balancer with no HTTPS listener in its settings, so clients reach it over plain HTTP. Encrypting that traffic is yours: add {example}, unless your source bundle's .ebextensions already do.",
    },
  },

  check(resource, context) {
    if (isWorkerTier(resource, context) !== false) return [];
    const settings = readOptionSettings(resource, context);
    // Listener settings left out may come from a template or dynamic block this module cannot see.
    if (!settings.complete) return [];
    const balancer = dedicatedLoadBalancer(settings);
    // A Network Load Balancer passes TCP through; TLS is then terminated on the instances.
    if (balancer !== 'classic' && balancer !== 'application') return [];
    if (hasSecureListener(settings, balancer) !== false) return [];
    const example =
      balancer === 'application'
        ? 'aws:elbv2:listener:443 with Protocol HTTPS and SSLCertificateArns'
        : 'aws:elb:listener:443 with ListenerProtocol HTTPS and SSLCertificateId';
    return [
      {
        messageId: 'noHttpsListener',
        data: { resource: resource.id, balancer: balancer === 'application' ? 'Application' : 'Classic', example },
        range: resource.typeRange,
      },
    ];
  },
};
