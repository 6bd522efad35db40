import { settledByAccount } from './toolkit/account';
import type { Range, Resource } from '../iac/model';
import { readPolicy, type PolicyStatement } from './toolkit/policy';
import type { Rule, RuleContext, RuleReport } from './rule';
import { isCloudFormation, property } from './toolkit/values';
import { openStatements } from './support/open-statements';
import { publicAccessFlag } from './support/s3';
import { grantsNoObjectAccess } from './support/s3-policy-resources';

export const rule: Rule = {
  id: 's3-bucket-policy-public',
  title: 'S3 bucket policy allows anyone',
  concern: 'identity-access',
  severity: 'error',
  appliesTo: ['AWS::S3::BucketPolicy', 'aws_s3_bucket_policy', 'aws_s3_bucket'],
  rationale:
    'AWS evaluates the bucket policy exactly as written; deciding who may read or change the data is the customer\'s side of the model. An Allow for `Principal: "*"` without a condition that narrows who (a negated condition, a wildcard value or a TLS requirement does not) opens the bucket to everyone on the internet, unless Block Public Access stops it.',
  remediation:
    'Name the principals that need access (accounts, roles, `cloudfront.amazonaws.com` with an `aws:SourceArn` condition for origin access control), or narrow the statement with a condition such as `aws:PrincipalOrgID`, `aws:SourceVpce` or `aws:SourceArn`. Applies to `AWS::S3::BucketPolicy.PolicyDocument`, `aws_s3_bucket_policy.policy` and the legacy `aws_s3_bucket.policy`.',
  messages: {
    accountBlocks: {
      headline: "Bucket policy of '{resource}' is public, but the account's Block Public Access blocks it.",
      detail:
        "It allows {who} to {what}. The account's S3 Block Public Access blocks public bucket policies (checked on {date}); it protects the bucket while it stays on: narrow the policy so the bucket does not depend on it.",
    },
    publicPolicy: {
      headline: "bucket policy of '{resource}' allows {who} to {what}.",
      detail:
        'The statement has no condition that narrows who. AWS enforces the policy as you write it: name the principals that need access or add a condition, unless this data is meant to be public.',
    },
  },

  check(resource, context) {
    const reports = templateReports(resource, context);
    return settledByAccount(reports, context, 's3-account-public-access-block', 'accountBlocks');
  },
};

function who(statements: PolicyStatement[]): string {
  return statements.every((s) => s.notPrincipal && !s.anyone)
    ? 'everyone except the principals in NotPrincipal'
    : 'anyone (Principal "*")';
}

function what(statements: PolicyStatement[]): string {
  const actions = new Set<string>();
  for (const s of statements) {
    if (s.notActions.state === 'known' && s.notActions.value.length > 0)
      return 'perform every action except those in NotAction';
    if (s.actions.state === 'unknown') return 'act on the bucket';
    for (const action of s.actions.value) actions.add(action);
  }
  const list = [...actions];
  if (list.length === 0) return 'act on the bucket';
  if (list.some((a) => a === '*' || a === 's3:*')) return 'perform any S3 action';
  return list.length > 3 ? `${list.slice(0, 3).join(', ')} and ${list.length - 3} more actions` : list.join(', ');
}

/** What the template alone says, before the account's own settings are taken into account. */
function templateReports(resource: Resource, context: RuleContext): RuleReport[] {
  const cfn = isCloudFormation(resource);
  const setting = property(resource, cfn ? 'PolicyDocument' : 'policy');
  if (!setting) return [];
  const policy = readPolicy(setting.value, context);
  if (!policy) return [];
  // Object actions on the bucket's own ARN match nothing (S3 refuses such a statement).
  const open = openStatements(policy).filter((statement) => !grantsNoObjectAccess(statement, context));
  if (open.length === 0) return [];
  // With RestrictPublicBuckets on, S3 limits a public policy to AWS services and the owner's account.
  if (publicAccessFlag(resource, context, 'RestrictPublicBuckets') === true) return [];
  // Statements read from the same text (a JSON string, a policy document elsewhere) share a range: one report each.
  const inline = setting.value.kind === 'map' || setting.value.kind === 'unresolvable';
  const byRange = new Map<string, { range: Range; statements: PolicyStatement[] }>();
  for (const statement of open) {
    const range = inline ? statement.range : setting.value.range;
    const key = JSON.stringify(range);
    const group = byRange.get(key) ?? { range, statements: [] };
    group.statements.push(statement);
    byRange.set(key, group);
  }
  return [...byRange.values()].map((group): RuleReport => ({
    messageId: 'publicPolicy',
    data: { resource: resource.id, who: who(group.statements), what: what(group.statements) },
    range: group.range,
  }));
}
