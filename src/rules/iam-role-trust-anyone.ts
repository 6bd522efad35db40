import { readPolicy, type PolicyCondition, type PolicyStatement } from './toolkit/policy';
import type { Rule, RuleReport } from './rule';
import { statementRange } from './support/iam-policies';
import { key, property } from './toolkit/values';

const ASSUME_ACTIONS = ['sts:AssumeRole', 'sts:AssumeRoleWithSAML', 'sts:AssumeRoleWithWebIdentity'];

/**
 * Condition keys that limit when or how a request is made, not who makes it: with any of them
 * alone, every AWS principal can still assume the role. Any other key (aws:PrincipalOrgID,
 * aws:PrincipalArn, aws:SourceAccount, sts:ExternalId…) counts as narrowing.
 */
const NOT_NARROWING_KEYS = new Set([
  'aws:securetransport',
  'aws:multifactorauthpresent',
  'aws:multifactorauthage',
  'aws:currenttime',
  'aws:epochtime',
  'aws:tokenissuetime',
  'aws:requestedregion',
]);

/** An IAM action pattern (`sts:*`, `sts:Assume*`, `*`) that covers one of the assume actions. */
function coversAssume(pattern: string): boolean {
  const regex = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
    'i',
  );
  return ASSUME_ACTIONS.some((action) => regex.test(action));
}

function narrows(conditions: PolicyCondition[]): boolean {
  return conditions.some((condition) => !NOT_NARROWING_KEYS.has(condition.key.toLowerCase()));
}

/** Allow for `*` (or for everyone but a NotPrincipal list), for an assume action, with nothing that narrows who. */
function trustsAnyone(statement: PolicyStatement): boolean {
  if (
    statement.effect.value !== 'Allow' ||
    statement.conditions.state === 'unknown' ||
    statement.actions.state === 'unknown' ||
    statement.principals.state === 'unknown'
  )
    return false;
  const everyone = statement.notPrincipal ? !statement.anyone : statement.anyone;
  return everyone && statement.actions.value.some(coversAssume) && !narrows(statement.conditions.value);
}

export const rule: Rule = {
  id: 'iam-role-trust-anyone',
  title: 'IAM role can be assumed by any AWS principal',
  concern: 'identity-access',
  severity: 'error',
  appliesTo: ['AWS::IAM::Role', 'aws_iam_role'],
  rationale:
    'A role\'s trust policy decides who may assume it, and AWS applies it as written. `Principal: "*"` (or `{ AWS: "*" }`) without a condition lets any principal in any AWS account assume the role and use its permissions.',
  remediation:
    'Name the accounts, roles or services that may assume the role in `AssumeRolePolicyDocument` (CloudFormation) or `assume_role_policy` (Terraform), or keep `*` only together with a condition that narrows who, such as `aws:PrincipalOrgID`, `aws:PrincipalArn` or `sts:ExternalId`.',
  messages: {
    trustsAnyone: {
      headline: "role '{resource}' trusts {who} with no condition.",
      detail:
        'The trust policy has no condition that narrows who: any AWS principal, in any account, can assume it and use its permissions. AWS applies the trust policy as written; naming who may assume the role is yours.',
    },
  },

  check(resource, context) {
    const trust = property(resource, key(resource, 'AssumeRolePolicyDocument', 'assume_role_policy'));
    const policy = trust && readPolicy(trust.value, context);
    if (!trust || !policy) return [];
    const reports: RuleReport[] = [];
    policy.statements.forEach((statement, index) => {
      if (!trustsAnyone(statement)) return;
      const who = statement.notPrincipal ? 'every principal except those in NotPrincipal' : 'Principal "*"';
      reports.push({
        messageId: 'trustsAnyone',
        data: { resource: resource.id, who },
        range: statementRange(statement, index, trust.value, context, resource),
      });
    });
    return reports;
  },
};
