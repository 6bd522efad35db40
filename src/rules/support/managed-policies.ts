/**
 * Where templates attach AWS-managed policies, and which of them an attachment names.
 *
 * CloudFormation: `ManagedPolicyArns` of roles, users and groups (an ARN, `!Sub
 * arn:${AWS::Partition}:iam::aws:policy/…`, or the `Fn::Join` the AWS CDK writes); SAM:
 * `Policies` of functions and state machines (a policy name, which SAM turns into the ARN, or an
 * ARN), ignored by SAM when the resource names its own `Role`. Terraform: `policy_arn` of the
 * attachment resources and `managed_policy_arns` of `aws_iam_role`, including templates such as
 * `"arn:${data.aws_partition.current.partition}:iam::aws:policy/AdministratorAccess"` whose policy
 * name is literal.
 */
import type { Resource, Value } from '../../iac/model';
import { getProperty } from '../../iac/model';
import { managedPolicyFact, type ManagedPolicyFact } from '../../knowledge/managed-policies';
import type { RuleContext } from '../rule';
import { items } from '../toolkit/values';

const CFN_ATTACHING_TYPES = ['AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group'];
const SAM_ATTACHING_TYPES = ['AWS::Serverless::Function', 'AWS::Serverless::StateMachine'];
const TF_ATTACHMENT_TYPES = [
  'aws_iam_role_policy_attachment',
  'aws_iam_user_policy_attachment',
  'aws_iam_group_policy_attachment',
  'aws_iam_policy_attachment',
];

/** Every resource type that can attach an AWS-managed policy. */
export const MANAGED_POLICY_ATTACHING_TYPES: readonly string[] = [
  ...CFN_ATTACHING_TYPES,
  ...SAM_ATTACHING_TYPES,
  ...TF_ATTACHMENT_TYPES,
  'aws_iam_role',
];

/** One attachment of a listed AWS-managed policy: the fact about it and the value that names it. */
export interface ManagedPolicyAttachment {
  fact: ManagedPolicyFact;
  /** The value as written in the resource (where a finding points). */
  written: Value;
}

/** The listed AWS-managed policies a resource attaches (unknown ARNs are left out). */
export function attachedManagedPolicies(resource: Resource, context: RuleContext): ManagedPolicyAttachment[] {
  const { type, properties } = resource;
  const written: Value[] = [];
  let samNames = false;
  if (CFN_ATTACHING_TYPES.includes(type)) written.push(...items(getProperty(properties, 'ManagedPolicyArns')?.value));
  if (SAM_ATTACHING_TYPES.includes(type) && !getProperty(properties, 'Role')) {
    written.push(...items(getProperty(properties, 'Policies')?.value));
    samNames = true;
  }
  if (TF_ATTACHMENT_TYPES.includes(type)) {
    const arn = getProperty(properties, 'policy_arn')?.value;
    if (arn) written.push(arn);
  }
  if (type === 'aws_iam_role') written.push(...items(getProperty(properties, 'managed_policy_arns')?.value));
  const found: ManagedPolicyAttachment[] = [];
  for (const value of written) {
    const text = arnText(value, context);
    if (text === undefined) continue;
    const arn = samNames && !text.startsWith('arn:') ? `arn:aws:iam::aws:policy/${text}` : text;
    const fact = managedPolicyFact(arn);
    if (fact) found.push({ fact, written: value });
  }
  return found;
}

/**
 * The text of an ARN as far as it is known, with `${…}` standing for each unknown part, or
 * undefined when it cannot be read at all. Whether an unknown part matters is decided by the ARN
 * pattern: only the partition may be unknown.
 */
function arnText(value: Value, context: RuleContext, depth = 0): string | undefined {
  if (depth > 4) return undefined;
  const resolved = value.kind === 'reference' ? context.resolve(value) : value;
  if (!resolved) return undefined;
  if (resolved.kind === 'literal') return typeof resolved.value === 'string' ? resolved.value : undefined;
  if (resolved.kind === 'reference') return '${' + resolved.target + '}';
  if (resolved.kind !== 'unresolvable') return undefined;
  if (resolved.construct === 'Fn::Sub') {
    const args = resolved.args;
    const template = args?.kind === 'list' ? args.items[0] : args;
    return template?.kind === 'literal' && typeof template.value === 'string' ? template.value : undefined;
  }
  if (resolved.construct === 'Fn::Join') {
    const args = resolved.args;
    if (args?.kind !== 'list' || args.items.length !== 2) return undefined;
    const [delimiter, parts] = args.items;
    if (delimiter.kind !== 'literal' || typeof delimiter.value !== 'string' || parts.kind !== 'list') return undefined;
    const texts = parts.items.map((part) => arnText(part, context, depth + 1) ?? '${?}');
    return texts.join(delimiter.value);
  }
  if (resolved.construct === 'template') {
    // A Terraform string template as written: `"arn:${data.aws_partition.current.partition}:iam::aws:policy/X"`.
    const match = /^"([^"\\\n]*)"$/.exec(resolved.text);
    return match ? match[1] : undefined;
  }
  return undefined;
}

/** How a message names the identity (or attachment) that attaches a managed policy. */
export function attacherName(resource: Resource): string {
  const kind: Record<string, string> = {
    'AWS::IAM::Role': 'Role',
    'AWS::IAM::User': 'User',
    'AWS::IAM::Group': 'Group',
    'AWS::Serverless::Function': 'The role SAM creates for function',
    'AWS::Serverless::StateMachine': 'The role SAM creates for state machine',
    aws_iam_role: 'Role',
  };
  return `${kind[resource.type] ?? 'Policy attachment'} '${resource.id}'`;
}
