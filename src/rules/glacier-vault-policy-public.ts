import type { Range } from '../iac/model';
import { readPolicy } from './toolkit/policy';
import type { Rule } from './rule';
import { property } from './toolkit/values';
import { openStatements } from './support/open-statements';

export const rule: Rule = {
  id: 'glacier-vault-policy-public',
  title: 'Glacier vault access policy allows anyone',
  concern: 'identity-access',
  severity: 'error',
  // CloudFormation has no Glacier vault resource type; vaults are managed in Terraform or the API.
  appliesTo: ['aws_glacier_vault'],
  rationale:
    'AWS enforces a vault access policy exactly as written; who may read, retrieve or delete your archives is the customer\'s side of the model. An Allow for `Principal: "*"` without a condition that narrows who (a negated condition or a wildcard value does not) opens the vault to everyone.',
  remediation:
    'Name the accounts or roles that need access in the vault `access_policy`, or narrow the statement with a condition such as `aws:PrincipalOrgID`.',
  messages: {
    publicPolicy: {
      headline: 'vault \'{resource}\' has an access policy that allows anyone (Principal "*").',
      detail:
        'The policy has no condition that narrows who. AWS enforces the policy as you write it: name the accounts or roles that need your archives.',
    },
  },

  check(resource, context) {
    const setting = property(resource, 'access_policy');
    if (!setting) return [];
    const policy = readPolicy(setting.value, context);
    if (!policy) return [];
    const open = openStatements(policy);
    if (open.length === 0) return [];
    // Statements read from text (a JSON string, a policy document elsewhere) share one range.
    const inline = setting.value.kind === 'map' || setting.value.kind === 'unresolvable';
    const ranges = new Map<string, Range>();
    for (const statement of open) {
      const range = inline ? statement.range : setting.value.range;
      ranges.set(JSON.stringify(range), range);
    }
    return [...ranges.values()].map((range) => ({
      messageId: 'publicPolicy',
      data: { resource: resource.id },
      range,
    }));
  },
};
