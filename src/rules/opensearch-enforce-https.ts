import type { Resource } from '../iac/model';
import { setProperty } from '../fixes/edits';
import type { Rule, RuleContext, RuleReport } from './rule';
import { SEARCH_DOMAIN_TYPES, SEARCH_PATHS, domainKind, searchPath, searchPathText } from './support/search-domain';
import { checkRequiredSetting, fixRequiredSetting, type RequiredSetting } from './toolkit/required-setting';
import { read, stringOf } from './toolkit/values';

/** The only policy that still accepts TLS 1.0 and 1.1; the others require TLS 1.2 or later. */
const OUTDATED_TLS_POLICY = 'Policy-Min-TLS-1-0-2019-07';
const TLS_12_POLICY = 'Policy-Min-TLS-1-2-2019-07';

const ENFORCE_HTTPS: RequiredSetting = {
  cloudFormation: SEARCH_PATHS.enforceHttps.cfn,
  terraform: SEARCH_PATHS.enforceHttps.tf,
  wanted: true,
  default: { value: false, source: 'OpenSearch Service API, CloudFormation and Terraform default' },
};

export const rule: Rule = {
  id: 'opensearch-enforce-https',
  title: 'OpenSearch domain endpoint accepts HTTP or outdated TLS',
  concern: 'data-in-transit',
  severity: 'warning',
  appliesTo: SEARCH_DOMAIN_TYPES,
  rationale:
    'OpenSearch Service serves the domain endpoint, but whether it refuses plain HTTP and which TLS versions it accepts are settings you choose: by default the endpoint also answers over HTTP, so requests, documents and credentials can cross the network unencrypted.',
  remediation:
    'Set `DomainEndpointOptions.EnforceHTTPS: true` (CloudFormation) or `domain_endpoint_options { enforce_https = true }` (Terraform), and choose a TLS 1.2 policy in `TLSSecurityPolicy` / `tls_security_policy` (`Policy-Min-TLS-1-2-2019-07` or `Policy-Min-TLS-1-2-PFS-2023-10`).',
  messages: {
    httpsNotEnforced: {
      headline: '{subject} accepts plain HTTP requests.',
      detail:
        '{property} is false. The endpoint answers HTTP as well as HTTPS unless you enforce HTTPS, and that setting is yours.',
    },
    httpsNotSet: {
      headline: '{subject} accepts plain HTTP requests.',
      detail:
        '{property} is not set and defaults to false. The endpoint answers HTTP as well as HTTPS unless you enforce HTTPS, and that setting is yours.',
    },
    oldTlsPolicy: {
      headline: "{kind} '{resource}' accepts TLS 1.0 and 1.1.",
      detail:
        'It uses the TLS policy Policy-Min-TLS-1-0-2019-07, which still accepts TLS 1.0 and 1.1. Choosing the TLS policy is yours: use Policy-Min-TLS-1-2-2019-07 or a newer TLS 1.2 policy.',
    },
  },

  check(resource, context) {
    return [...checkEnforceHttps(resource, context), ...checkTlsPolicy(resource, context)];
  },

  fix(report, resource, context) {
    if (report.data?.setting === 'tlsPolicy') {
      return {
        title: `Set ${searchPathText(resource, 'tlsPolicy')} to ${TLS_12_POLICY}`,
        edits: setProperty(resource, context, searchPath(resource, 'tlsPolicy'), TLS_12_POLICY),
      };
    }
    return fixRequiredSetting(resource, context, ENFORCE_HTTPS);
  },
};

function checkEnforceHttps(resource: Resource, context: RuleContext): RuleReport[] {
  return checkRequiredSetting(resource, context, ENFORCE_HTTPS, {
    absent: 'httpsNotSet',
    insecure: 'httpsNotEnforced',
    data: { setting: 'enforceHttps', subject: `${domainKind(resource)} '${resource.id}'` },
  });
}

function checkTlsPolicy(resource: Resource, context: RuleContext): RuleReport[] {
  const setting = read(resource, context, searchPath(resource, 'tlsPolicy'));
  if (setting.state !== 'known' || stringOf(setting).value !== OUTDATED_TLS_POLICY) return [];
  return [
    {
      messageId: 'oldTlsPolicy',
      range: setting.property.value.range,
      data: { setting: 'tlsPolicy', kind: domainKind(resource), resource: resource.id },
    },
  ];
}
