import type { Rule } from './rule';
import { setSecureValue } from './toolkit/parameterised-fixes';
import { booleanOf, readFor, writtenRange } from './toolkit/values';

const TF_KEY = 'block_public_security_group_rules';

export const rule: Rule = {
  id: 'emr-block-public-access',
  title: 'EMR block public access is turned off',
  concern: 'network-access',
  severity: 'error',
  // CloudFormation has no resource for this account-level setting.
  appliesTo: ['aws_emr_block_public_access_configuration'],
  rationale:
    'AWS provides EMR block public access, and turns it on by default for accounts that are new to EMR in a Region, but the setting is yours: turned off, any EMR cluster in the account and Region may start with security groups that accept traffic from the whole internet.',
  remediation:
    'Set `block_public_security_group_rules = true` on `aws_emr_block_public_access_configuration`, and keep `permitted_public_security_group_rule_range` to the ports that truly must be public (by default only port 22).',

  check(resource, context) {
    const setting = booleanOf(readFor(resource, context, TF_KEY, TF_KEY));
    if (setting.state !== 'known' || setting.value) return [];
    return [
      {
        message: `'${resource.id}' turns EMR block public access off for the whole account and Region, so clusters may start with security groups open to 0.0.0.0/0 or ::/0 on any port. Network access to your clusters is yours to control; set ${TF_KEY} to true.`,
        range: writtenRange(setting, resource.typeRange),
      },
    ];
  },

  fix(_report, resource, context) {
    return { title: `Set ${TF_KEY} to true`, edits: setSecureValue(resource, context, TF_KEY, true) };
  },
};
