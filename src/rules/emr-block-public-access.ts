import type { Rule } from './rule';
import { checkRequiredSetting, fixRequiredSetting, type RequiredSetting } from './toolkit/required-setting';

const TF_KEY = 'block_public_security_group_rules';

/** The account-level setting (CloudFormation has no resource for it). */
const SETTING: RequiredSetting = {
  cloudFormation: TF_KEY,
  terraform: TF_KEY,
  wanted: true,
  default: { value: true, source: 'AWS default for accounts new to EMR in a Region' },
};

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
  messages: {
    turnedOff: {
      headline: "'{resource}' turns EMR block public access off.",
      detail:
        'It turns it off for the whole account and Region, so clusters may start with security groups open to 0.0.0.0/0 or ::/0 on any port. Network access to your clusters is yours to control; set {property} to true.',
    },
  },

  check(resource, context) {
    return checkRequiredSetting(resource, context, SETTING, { insecure: 'turnedOff' });
  },

  fix(_report, resource, context) {
    return fixRequiredSetting(resource, context, SETTING);
  },
};
