import { setProperty } from '../fixes/edits';
import type { Rule } from './rule';
import { stringOf, isCloudFormation, isUnknown } from './toolkit/values';
import { getPath, getProperty } from '../iac/model';

/** The SES v1 API (and `aws_ses_configuration_set`) spells the value `Require`; SES v2 and CloudFormation spell it `REQUIRE`. */
function requireValue(type: string): string {
  return type === 'aws_ses_configuration_set' ? 'Require' : 'REQUIRE';
}

export const rule: Rule = {
  id: 'ses-tls-required',
  title: 'SES may deliver mail without TLS',
  concern: 'data-in-transit',
  severity: 'warning',
  appliesTo: ['AWS::SES::ConfigurationSet', 'aws_ses_configuration_set', 'aws_sesv2_configuration_set'],
  rationale:
    'SES offers TLS to every receiving mail server, but by default (TLS policy OPTIONAL) it falls back to plain text when the server cannot negotiate TLS. Whether your mail may travel unencrypted is your decision, made per configuration set; requiring TLS means mail to servers without TLS is not delivered.',
  remediation:
    'Set `DeliveryOptions: { TlsPolicy: REQUIRE }` (CloudFormation `AWS::SES::ConfigurationSet`), `delivery_options { tls_policy = "Require" }` (`aws_ses_configuration_set`) or `delivery_options { tls_policy = "REQUIRE" }` (`aws_sesv2_configuration_set`).',
  messages: {
    optional: {
      headline: "SES configuration set '{resource}' does not require TLS ({property} {policy}).",
      detail:
        'It sets {property} to {policy}, so SES delivers mail in plain text when the receiving server does not offer TLS. Requiring TLS is your decision: set it to {wanted}.',
    },
    notSet: {
      headline: "SES configuration set '{resource}' does not require TLS.",
      detail:
        'It does not set {property}, which defaults to optional: SES delivers mail in plain text when the receiving server does not offer TLS. Requiring TLS is your decision: set it to {wanted}.',
    },
  },

  check(resource, context) {
    const path = isCloudFormation(resource) ? ['DeliveryOptions', 'TlsPolicy'] : ['delivery_options', 'tls_policy'];
    const options = getProperty(resource.properties, path[0]);
    if (options && options.value.kind !== 'map' && context.resolve(options.value) !== undefined) return [];
    const setting = getPath(resource.properties, ...path);
    const value = context.resolve(setting?.value);
    if (isUnknown(value)) return [];
    const policy = stringOf(value).value;
    if (policy?.toUpperCase() === 'REQUIRE') return [];
    const wanted = requireValue(resource.type);
    return [
      {
        ...(setting && policy !== undefined
          ? { messageId: 'optional', data: { resource: resource.id, property: path[1], policy, wanted } }
          : { messageId: 'notSet', data: { resource: resource.id, property: path.join('.'), wanted } }),
        range: setting?.value.range ?? options?.keyRange ?? resource.typeRange,
      },
    ];
  },

  fix(_report, resource, context) {
    const path = isCloudFormation(resource) ? ['DeliveryOptions', 'TlsPolicy'] : ['delivery_options', 'tls_policy'];
    const wanted = requireValue(resource.type);
    return { title: `Set ${path[1]} to ${wanted}`, edits: setProperty(resource, context, path, wanted) };
  },
};
