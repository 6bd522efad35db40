import { setProperty } from '../fixes/edits';
import type { Rule } from './rule';
import { stringOf, key, property } from './toolkit/values';

export const rule: Rule = {
  id: 'apigateway-tls-policy',
  title: 'API Gateway custom domain accepts TLS 1.0',
  concern: 'data-in-transit',
  severity: 'warning',
  appliesTo: ['AWS::ApiGateway::DomainName', 'aws_api_gateway_domain_name'],
  rationale:
    "API Gateway terminates TLS for your custom domain with the security policy you pick. The legacy TLS_1_0 policy still accepts clients on TLS 1.0; TLS_1_2 refuses them. Which clients to accept is your decision, not AWS's.",
  remediation:
    'Set `SecurityPolicy: TLS_1_2` (CloudFormation `AWS::ApiGateway::DomainName`) or `security_policy = "TLS_1_2"` (Terraform `aws_api_gateway_domain_name`), or one of the enhanced `SecurityPolicy_TLS13_…` policies.',
  messages: {
    tls10: {
      headline: "API Gateway domain name '{resource}' accepts TLS 1.0 (security policy TLS_1_0).",
      detail:
        'It uses the TLS_1_0 security policy, so it still accepts clients on TLS 1.0. Which TLS versions to accept is yours to choose: set {key} to TLS_1_2.',
    },
  },

  check(resource, context) {
    const setting = property(resource, key(resource, 'SecurityPolicy', 'security_policy'));
    if (!setting || stringOf(context.resolve(setting.value)).value?.toUpperCase() !== 'TLS_1_0') return [];
    return [
      {
        messageId: 'tls10',
        data: { resource: resource.id, key: setting.key },
        range: setting.value.range,
      },
    ];
  },

  fix(_report, resource, context) {
    const name = key(resource, 'SecurityPolicy', 'security_policy');
    return { title: `Set ${name} to TLS_1_2`, edits: setProperty(resource, context, [name], 'TLS_1_2') };
  },
};
