/**
 * AWS-managed IAM policies whose attachment alone is a finding: what each grants, and since when
 * this was checked against AWS's managed policy reference. AWS can change a managed policy's
 * default version at any time; `checked` is the date the grant below was read from `source`.
 */

/** How much of the account a managed policy hands over. */
export type ManagedPolicyGrant =
  /** Every action on every resource. */
  | 'administrator'
  /** Every IAM action: the holder can grant itself (or anyone) every other permission. */
  | 'iam-full'
  /** Every action except IAM, Organizations and account management. */
  | 'power-user';

export interface ManagedPolicyFact {
  /** The policy's name, the last part of its ARN. */
  name: string;
  /** The ARN path between `policy/` and the name (`/` for these: no path). */
  path: string;
  grant: ManagedPolicyGrant;
  /** What the policy's default version allows, in a few words. */
  grants: string;
  /** The AWS documentation page the grant was read from. */
  source: string;
  /** The policy version and date read, and the date it was checked. */
  version: string;
  checked: string;
}

export const MANAGED_POLICY_FACTS: readonly ManagedPolicyFact[] = [
  {
    name: 'AdministratorAccess',
    path: '/',
    grant: 'administrator',
    grants: 'Action "*" on Resource "*"',
    source: 'https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AdministratorAccess.html',
    version: 'v1 (unchanged since 2015-02-06)',
    checked: '2026-12-07',
  },
  {
    name: 'IAMFullAccess',
    path: '/',
    grant: 'iam-full',
    grants: '"iam:*" on Resource "*" (plus read-only Organizations actions)',
    source: 'https://docs.aws.amazon.com/aws-managed-policy/latest/reference/IAMFullAccess.html',
    version: 'v2 (edited 2019-06-21)',
    checked: '2026-12-07',
  },
  {
    name: 'PowerUserAccess',
    path: '/',
    grant: 'power-user',
    grants:
      'NotAction ["iam:*", "organizations:*", "account:*"] on Resource "*", plus a few IAM, Organizations and account read actions and service-linked role management',
    source: 'https://docs.aws.amazon.com/aws-managed-policy/latest/reference/PowerUserAccess.html',
    version: 'v12 (edited 2026-02-12)',
    checked: '2026-12-07',
  },
];

/**
 * An AWS-managed policy ARN (`arn:<partition>:iam::aws:policy/<path><name>`): its path and name, or
 * undefined for any other ARN. The partition may be anything (`aws`, `aws-cn`, `aws-us-gov`, or a
 * placeholder such as `${AWS::Partition}`): the account `aws` is what makes a policy AWS-managed.
 */
export function parseManagedPolicyArn(arn: string): { path: string; name: string } | undefined {
  const match = /^arn:(?:aws[a-z-]*|\$\{[^}]+\}):iam::aws:policy(\/(?:[\w+=,.@-]+\/)*)([\w+=,.@-]+)$/.exec(arn);
  return match ? { path: match[1], name: match[2] } : undefined;
}

/** The fact about the AWS-managed policy an ARN names, if it is one of the listed ones. */
export function managedPolicyFact(arn: string): ManagedPolicyFact | undefined {
  const parsed = parseManagedPolicyArn(arn);
  if (!parsed) return undefined;
  return MANAGED_POLICY_FACTS.find((fact) => fact.name === parsed.name && fact.path === parsed.path);
}
