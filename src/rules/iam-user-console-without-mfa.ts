/**
 * "MFA enforcement", as this rule understands it: some identity policy that applies to the user
 * (inline, attached managed policy, or through a group, all defined in the same template or
 * module) has a statement conditioned on `aws:MultiFactorAuthPresent` or `aws:MultiFactorAuthAge`
 * — the pattern AWS documents for requiring MFA (deny everything but MFA set-up unless
 * `aws:MultiFactorAuthPresent` is true). Creating an MFA device is not enforcement: a device made
 * by a template still has to be enabled for the user, and nothing then requires its use.
 *
 * When part of the user's permissions cannot be seen (a group or customer managed policy defined
 * elsewhere, a policy that cannot be read), the enforcement may live there, and the rule is silent.
 */
import type { Resource, Value } from '../iac/model';
import { getProperty } from '../iac/model';
import { readPolicy } from './toolkit/policy';
import type { Rule, RuleContext } from './rule';
import { asMap, isCloudFormation, items, property } from './toolkit/values';

/** What the user's visible policies say about MFA. */
interface Evidence {
  /** Policy documents that apply to the user, as written. */
  documents: Value[];
  /** Some permission of the user is defined outside the template or cannot be read. */
  unknown: boolean;
}

const MFA_KEYS = new Set(['aws:multifactorauthpresent', 'aws:multifactorauthage']);

function refersTo(value: Value | undefined, target: Resource): boolean {
  return items(value).some((item) => item.kind === 'reference' && item.target === target.id);
}

/** AWS managed policies (`arn:aws:iam::aws:policy/…`) never require MFA, so they change nothing here. */
function isAwsManagedPolicyArn(value: Value): boolean {
  if (value.kind === 'literal')
    return typeof value.value === 'string' && /^arn:aws[a-z-]*:iam::aws:policy\//.test(value.value);
  return value.kind === 'unresolvable' && value.text.includes(':iam::aws:policy/');
}

function documentOf(resource: Resource, name: string, evidence: Evidence): void {
  const document = getProperty(resource.properties, name)?.value;
  if (document) evidence.documents.push(document);
  else evidence.unknown = true;
}

/** A managed policy by ARN: one of the template's own, an AWS managed one, or unknown. */
function managedPolicy(
  arn: Value,
  context: RuleContext,
  evidence: Evidence,
  policyType: string,
  documentKey: string,
): void {
  const resolved = context.resolve(arn);
  if (!resolved || isAwsManagedPolicyArn(resolved)) return;
  const policy = resolved.kind === 'reference' ? context.resourceById(resolved.target) : undefined;
  if (policy?.type === policyType) documentOf(policy, documentKey, evidence);
  else evidence.unknown = true;
}

// --- CloudFormation ---------------------------------------------------------------------------

const CFN_POLICY_TYPES = [
  'AWS::IAM::Policy',
  'AWS::IAM::ManagedPolicy',
  'AWS::IAM::UserPolicy',
  'AWS::IAM::GroupPolicy',
];
const CFN_GROUP_ADDITIONS = ['AWS::IAM::UserToGroupAddition'];

function cfnInlinePolicies(resource: Resource, evidence: Evidence): void {
  const policies = getProperty(resource.properties, 'Policies')?.value;
  if (policies && policies.kind !== 'list') evidence.unknown = true;
  for (const item of items(policies)) {
    const document = item.kind === 'map' ? getProperty(item, 'PolicyDocument')?.value : undefined;
    if (document) evidence.documents.push(document);
    else evidence.unknown = true;
  }
}

function cfnManagedPolicies(resource: Resource, context: RuleContext, evidence: Evidence): void {
  const arns = getProperty(resource.properties, 'ManagedPolicyArns')?.value;
  if (arns && arns.kind !== 'list') evidence.unknown = true;
  for (const arn of items(arns)) managedPolicy(arn, context, evidence, 'AWS::IAM::ManagedPolicy', 'PolicyDocument');
}

/** Stand-alone policies that name the user or group in `Users`/`Groups` or `UserName`/`GroupName`. */
function cfnAttachedPolicies(
  principal: Resource,
  context: RuleContext,
  evidence: Evidence,
  list: 'Users' | 'Groups',
  single: 'UserName' | 'GroupName',
): void {
  for (const policy of context.referencing(principal, CFN_POLICY_TYPES)) {
    if (
      refersTo(getProperty(policy.properties, list)?.value, principal) ||
      refersTo(getProperty(policy.properties, single)?.value, principal)
    ) {
      documentOf(policy, 'PolicyDocument', evidence);
    }
  }
}

function cfnGroup(group: Value, context: RuleContext, evidence: Evidence): void {
  const resolved = context.resolve(group);
  const resource = resolved?.kind === 'reference' ? context.resourceById(resolved.target) : undefined;
  if (resource?.type !== 'AWS::IAM::Group') {
    evidence.unknown = true;
    return;
  }
  cfnInlinePolicies(resource, evidence);
  cfnManagedPolicies(resource, context, evidence);
  cfnAttachedPolicies(resource, context, evidence, 'Groups', 'GroupName');
}

function cfnEvidence(user: Resource, context: RuleContext): Evidence {
  const evidence: Evidence = { documents: [], unknown: false };
  cfnInlinePolicies(user, evidence);
  cfnManagedPolicies(user, context, evidence);
  cfnAttachedPolicies(user, context, evidence, 'Users', 'UserName');
  const groups = getProperty(user.properties, 'Groups')?.value;
  if (groups && groups.kind !== 'list') evidence.unknown = true;
  for (const group of items(groups)) cfnGroup(group, context, evidence);
  for (const addition of context.referencing(user, CFN_GROUP_ADDITIONS)) {
    if (!refersTo(getProperty(addition.properties, 'Users')?.value, user)) continue;
    const group = getProperty(addition.properties, 'GroupName')?.value;
    if (group) cfnGroup(group, context, evidence);
    else evidence.unknown = true;
  }
  return evidence;
}

// --- Terraform --------------------------------------------------------------------------------

const TF_GROUP_MEMBERSHIPS = ['aws_iam_user_group_membership', 'aws_iam_group_membership'];
const TF_LOGIN_PROFILES = ['aws_iam_user_login_profile'];

const TF_POLICY_LINKS = [
  'aws_iam_user_policy',
  'aws_iam_group_policy',
  'aws_iam_user_policy_attachment',
  'aws_iam_group_policy_attachment',
  'aws_iam_policy_attachment',
];

/** Policies attached to a user (`user`, `users`) or a group (`group`, `groups`). */
function tfAttachedPolicies(
  principal: Resource,
  context: RuleContext,
  evidence: Evidence,
  single: 'user' | 'group',
  list: 'users' | 'groups',
): void {
  for (const link of context.referencing(principal, TF_POLICY_LINKS)) {
    if (
      !refersTo(getProperty(link.properties, single)?.value, principal) &&
      !refersTo(getProperty(link.properties, list)?.value, principal)
    )
      continue;
    if (link.type === 'aws_iam_user_policy' || link.type === 'aws_iam_group_policy')
      documentOf(link, 'policy', evidence);
    else {
      const arn = getProperty(link.properties, 'policy_arn')?.value;
      if (arn) managedPolicy(arn, context, evidence, 'aws_iam_policy', 'policy');
      else evidence.unknown = true;
    }
  }
}

function tfGroup(group: Value, context: RuleContext, evidence: Evidence): void {
  const resource = group.kind === 'reference' ? context.resourceById(group.target) : undefined;
  if (resource?.type !== 'aws_iam_group') {
    evidence.unknown = true;
    return;
  }
  tfAttachedPolicies(resource, context, evidence, 'group', 'groups');
}

function tfEvidence(user: Resource, context: RuleContext): Evidence {
  const evidence: Evidence = { documents: [], unknown: false };
  tfAttachedPolicies(user, context, evidence, 'user', 'users');
  for (const membership of context.referencing(user, TF_GROUP_MEMBERSHIPS)) {
    if (
      membership.type === 'aws_iam_user_group_membership' &&
      refersTo(getProperty(membership.properties, 'user')?.value, user)
    ) {
      const groups = getProperty(membership.properties, 'groups')?.value;
      if (groups?.kind !== 'list') evidence.unknown = true;
      for (const group of items(groups)) tfGroup(group, context, evidence);
    }
    if (
      membership.type === 'aws_iam_group_membership' &&
      refersTo(getProperty(membership.properties, 'users')?.value, user)
    ) {
      const group = getProperty(membership.properties, 'group')?.value;
      if (group) tfGroup(group, context, evidence);
      else evidence.unknown = true;
    }
  }
  return evidence;
}

function tfHasLoginProfile(user: Resource, context: RuleContext): boolean {
  return context
    .referencing(user, TF_LOGIN_PROFILES)
    .some((profile) => refersTo(getProperty(profile.properties, 'user')?.value, user));
}

// ----------------------------------------------------------------------------------------------

/** 'required' when a visible policy conditions on MFA; 'unknown' when it could be elsewhere. */
function mfaRequirement(evidence: Evidence, context: RuleContext): 'required' | 'unknown' | 'absent' {
  let unknown = evidence.unknown;
  for (const written of evidence.documents) {
    const policy = readPolicy(written, context);
    if (!policy) {
      unknown = true;
      continue;
    }
    for (const statement of policy.statements) {
      if (statement.conditions.state === 'unknown') unknown = true;
      else if (statement.conditions.value.some((condition) => MFA_KEYS.has(condition.key.toLowerCase())))
        return 'required';
    }
  }
  return unknown ? 'unknown' : 'absent';
}

export const rule: Rule = {
  id: 'iam-user-console-without-mfa',
  title: 'IAM user can sign in to the console without MFA being required',
  concern: 'identity-access',
  severity: 'warning',
  appliesTo: ['AWS::IAM::User', 'aws_iam_user'],
  rationale:
    'AWS supports multi-factor authentication for IAM users but does not require it: a console password alone is enough to sign in unless the account owner requires MFA. Requiring it for people with console access is on the customer side of the model (Security Hub control IAM.5 checks the same in a deployed account).',
  remediation:
    'Give people access through IAM Identity Center, which can require MFA for every sign-in. If the IAM user must stay, attach to it or to its group a policy that denies every action except managing its own MFA device when `aws:MultiFactorAuthPresent` is false (`BoolIfExists`), and have the user register a device. The login profile is `LoginProfile` (CloudFormation) or `aws_iam_user_login_profile` (Terraform).',
  messages: {
    noMfa: {
      headline: "IAM user '{resource}' can sign in to the console without MFA.",
      detail:
        'It {signIn}, so it can sign in to the console, and no policy in this {unit} requires MFA for it. AWS supports MFA for IAM users but does not require it; requiring it is yours: deny access when aws:MultiFactorAuthPresent is false, or move people to IAM Identity Center.',
    },
  },

  check(resource, context) {
    const cfn = isCloudFormation(resource);
    const loginProfile = cfn ? property(resource, 'LoginProfile') : undefined;
    const hasConsole = cfn
      ? asMap(context.resolve(loginProfile?.value)) !== undefined
      : tfHasLoginProfile(resource, context);
    if (!hasConsole) return [];
    if (mfaRequirement(cfn ? cfnEvidence(resource, context) : tfEvidence(resource, context), context) !== 'absent')
      return [];
    const signIn = cfn ? 'has a LoginProfile' : 'has an aws_iam_user_login_profile';
    return [
      {
        messageId: 'noMfa',
        data: { resource: resource.id, signIn, unit: cfn ? 'template' : 'module' },
        range: loginProfile ? loginProfile.keyRange : resource.typeRange,
      },
    ];
  },
};
