import type { MapValue, Property, Range, Resource } from '../iac/model';
import { getProperty } from '../iac/model';
import { setProperty } from '../fixes/edits';
import type { Rule, RuleContext, RuleReport } from './rule';
import { mapsOf, referencedResource, stringAt } from './support/nested';
import { booleanOf, stringOf, isCloudFormation, isUnknown, key } from './toolkit/values';

const MODERN_POLICY = 'ELBSecurityPolicy-TLS13-1-2-2021-06';
/** Predefined policies whose minimum is TLS 1.2: TLS13-1-2/1-3, TLS-1-2, FS-1-2 (with their Res, Ext, FIPS and PQ variants). */
const MODERN = /^ELBSecurityPolicy-(TLS13-1-[23]-|TLS-1-2-|FS-1-2-)/;
/** Predefined policies that still accept TLS 1.0 or 1.1: the dated ones, TLS-1-0/1-1, FS-2018-06, FS-1-1, TLS13-1-0/1-1. */
const OUTDATED = /^ELBSecurityPolicy-(20\d\d-\d\d|TLS-1-[01]-|FS-2018-06|FS-1-1-|TLS13-1-[01]-)/;

const LISTENERS_V2 = ['AWS::ElasticLoadBalancingV2::Listener', 'aws_lb_listener', 'aws_alb_listener'];

export const rule: Rule = {
  id: 'elb-listener-https',
  title: 'Load balancer listener accepts plain HTTP or outdated TLS',
  concern: 'data-in-transit',
  severity: 'warning',
  appliesTo: [...LISTENERS_V2, 'AWS::ElasticLoadBalancing::LoadBalancer', 'aws_elb'],
  rationale:
    "AWS terminates TLS on the load balancer with the certificates and security policy you choose, but it does not choose for you: a listener serves plain HTTP if you configure HTTP, and HTTPS or TLS listeners created without a security policy get ELBSecurityPolicy-2016-08, which still accepts TLS 1.0 and 1.1. Protecting data in transit between clients and the load balancer is the customer's side of the model.",
  remediation:
    'Serve HTTPS (`Protocol: HTTPS` with a certificate; Terraform `protocol = "HTTPS"`, `certificate_arn`) and turn HTTP listeners into redirects (`DefaultActions: [{ Type: redirect, RedirectConfig: { Protocol: HTTPS, Port: "443", StatusCode: HTTP_301 } }]`; Terraform `default_action { type = "redirect"  redirect { protocol = "HTTPS", port = "443", status_code = "HTTP_301" } }`). On HTTPS and TLS listeners set `SslPolicy` / `ssl_policy` to a TLS 1.2+ policy such as ELBSecurityPolicy-TLS13-1-2-2021-06. On Classic Load Balancers, use HTTPS or SSL listeners.',
  messages: {
    plainHttp: {
      headline: "Listener '{listener}' serves plain HTTP with no redirect to HTTPS.",
      detail:
        'The listener {where}{said} and does not redirect to HTTPS, so requests and responses cross the network unencrypted. AWS offers HTTPS listeners with ACM certificates, but using them is yours: serve HTTPS and make this listener redirect to it.',
    },
    defaultPolicy: {
      headline: "{protocol} listener '{listener}' accepts TLS 1.0 and 1.1 (no {property}).",
      detail:
        'It does not set {property}, so ELB applies ELBSecurityPolicy-2016-08, which still accepts TLS 1.0 and 1.1. Choosing the TLS versions clients may use is yours: set a TLS 1.2+ policy such as ELBSecurityPolicy-TLS13-1-2-2021-06.',
    },
    oldPolicy: {
      headline: "{protocol} listener '{listener}' accepts {version}.",
      detail:
        'It uses {policy}, which still accepts clients on {version}. Choosing the TLS versions clients may use is yours: set a TLS 1.2+ policy such as ELBSecurityPolicy-TLS13-1-2-2021-06.',
    },
    classicHttp: {
      headline: "Classic Load Balancer '{balancer}'{internal} has an HTTP listener{port}.",
      detail:
        'Requests and responses cross the network unencrypted. AWS offers HTTPS listeners with ACM certificates, but using them is yours: listen on HTTPS instead.',
    },
  },

  check(resource, context) {
    return LISTENERS_V2.includes(resource.type) ? checkListener(resource, context) : checkClassic(resource, context);
  },

  fix(_report, resource, context) {
    const name = key(resource, 'SslPolicy', 'ssl_policy');
    return { title: `Set ${name} to ${MODERN_POLICY}`, edits: setProperty(resource, context, [name], MODERN_POLICY) };
  },
};

// --- Application and Network Load Balancer listeners -------------------------------------------

function checkListener(listener: Resource, context: RuleContext): RuleReport[] {
  const cfn = isCloudFormation(listener);
  const protocolProperty = getProperty(listener.properties, key(listener, 'Protocol', 'protocol'));
  const balancer = referencedResource(
    getProperty(listener.properties, key(listener, 'LoadBalancerArn', 'load_balancer_arn'))?.value,
    context,
  );
  let protocol = protocolValue(protocolProperty, context);
  // Terraform leaves `protocol` optional: Application Load Balancers then listen on HTTP.
  if (!protocolProperty && !cfn && balancer && balancerType(balancer, context) === 'application') protocol = 'HTTP';
  if (protocol === 'HTTP') return checkHttp(listener, protocolProperty, balancer, context);
  if (protocol === 'HTTPS' || protocol === 'TLS') return checkPolicy(listener, protocol, context);
  return [];
}

function protocolValue(property: Property | undefined, context: RuleContext): string | undefined {
  return stringOf(context.resolve(property?.value)).value?.toUpperCase();
}

function checkHttp(
  listener: Resource,
  protocol: Property | undefined,
  balancer: Resource | undefined,
  context: RuleContext,
): RuleReport[] {
  if (redirectsToHttps(listener, context) !== false) return [];
  const internal = balancer !== undefined && isInternal(balancer, context);
  const said = protocol
    ? 'serves plain HTTP'
    : `does not set protocol, so it serves plain HTTP (the default for Application Load Balancers)`;
  const where = internal ? `on internal load balancer '${balancer!.id}' ` : '';
  return [
    {
      messageId: 'plainHttp',
      data: { listener: listener.id, where, said },
      range: protocol?.value.range ?? listener.typeRange,
      // Traffic that never leaves your network is a smaller exposure.
      severity: internal ? 'info' : 'warning',
      // Serving HTTPS needs a certificate and a decision about clients: left to a person.
      fixable: false,
    },
  ];
}

/** true when a default action redirects to HTTPS, 'unknown' when that cannot be known statically. */
function redirectsToHttps(listener: Resource, context: RuleContext): boolean | 'unknown' {
  const cfn = isCloudFormation(listener);
  const actions = mapsOf(listener.properties, cfn ? 'DefaultActions' : 'default_action', context);
  if (!actions) return 'unknown';
  let unknown = false;
  for (const action of actions) {
    const typeProperty = getProperty(action, cfn ? 'Type' : 'type');
    const type = stringOf(context.resolve(typeProperty?.value)).value;
    if (type === undefined) {
      unknown ||= typeProperty !== undefined;
      continue;
    }
    if (type.toLowerCase() !== 'redirect') continue;
    const redirect = context.resolve(getProperty(action, cfn ? 'RedirectConfig' : 'redirect')?.value);
    if (redirect?.kind !== 'map') {
      unknown ||= isUnknown(redirect);
      continue;
    }
    const target = getProperty(redirect, cfn ? 'Protocol' : 'protocol');
    const value = context.resolve(target?.value);
    if (isUnknown(value)) unknown = true;
    else if (stringOf(value).value?.toUpperCase() === 'HTTPS') return true;
  }
  return unknown ? 'unknown' : false;
}

function checkPolicy(listener: Resource, protocol: string, context: RuleContext): RuleReport[] {
  const setting = getProperty(listener.properties, key(listener, 'SslPolicy', 'ssl_policy'));
  const value = context.resolve(setting?.value);
  if (isUnknown(value)) return [];
  const policy = stringOf(value).value;
  if (policy === undefined || policy === '') {
    return [
      {
        messageId: 'defaultPolicy',
        data: { protocol, listener: listener.id, property: key(listener, 'SslPolicy', 'ssl_policy') },
        range: setting?.value.range ?? listener.typeRange,
      },
    ];
  }
  if (MODERN.test(policy) || !OUTDATED.test(policy)) return [];
  return [
    {
      messageId: 'oldPolicy',
      data: { protocol, listener: listener.id, policy, version: oldestVersion(policy) },
      range: setting!.value.range,
    },
  ];
}

function oldestVersion(policy: string): string {
  return /-(TLS-1-1|FS-1-1|TLS13-1-1)-/.test(policy) ? 'TLS 1.1' : 'TLS 1.0 and 1.1';
}

function balancerType(balancer: Resource, context: RuleContext): string | undefined {
  if (!/^(AWS::ElasticLoadBalancingV2::LoadBalancer|aws_lb|aws_alb)$/.test(balancer.type)) return undefined;
  const setting = getProperty(balancer.properties, key(balancer, 'Type', 'load_balancer_type'));
  if (!setting) return 'application';
  return stringOf(context.resolve(setting.value)).value;
}

function isInternal(balancer: Resource, context: RuleContext): boolean {
  if (isCloudFormation(balancer)) return stringAt(balancer.properties, 'Scheme', context) === 'internal';
  return booleanOf(context.resolve(getProperty(balancer.properties, 'internal')?.value)).value === true;
}

// --- Classic Load Balancers --------------------------------------------------------------------

function checkClassic(balancer: Resource, context: RuleContext): RuleReport[] {
  const cfn = isCloudFormation(balancer);
  const listeners = mapsOf(balancer.properties, cfn ? 'Listeners' : 'listener', context);
  if (!listeners) return [];
  const internal = isInternal(balancer, context);
  return listeners.flatMap((listener) =>
    classicHttp(balancer, listener, cfn ? 'Protocol' : 'lb_protocol', internal, context),
  );
}

function classicHttp(
  balancer: Resource,
  listener: MapValue,
  protocolKey: string,
  internal: boolean,
  context: RuleContext,
): RuleReport[] {
  const protocol = getProperty(listener, protocolKey);
  if (protocolValue(protocol, context) !== 'HTTP') return [];
  const port = stringAt(listener, protocolKey === 'Protocol' ? 'LoadBalancerPort' : 'lb_port', context);
  const range: Range = protocol!.value.range;
  return [
    {
      messageId: 'classicHttp',
      data: { balancer: balancer.id, internal: internal ? ' (internal)' : '', port: port ? ` on port ${port}` : '' },
      range,
      severity: internal ? 'info' : 'warning',
      fixable: false,
    },
  ];
}
