/**
 * Where identity policies live in templates, and where to point a finding about one statement.
 *
 * CloudFormation puts a policy document in `PolicyDocument` (stand-alone policies) or in
 * `Policies[].PolicyDocument` (inline policies of roles, users and groups), SAM in `Policies[]`
 * next to managed policy names; Terraform in `policy`,
 * `inline_policy { policy }` blocks or `inline_policy` (IAM Identity Center permission sets).
 */
import * as jsonc from 'jsonc-parser';
import { lineIndexOf } from '../../fixes/edits';
import type { LiteralValue, Position, Range, Resource, Value } from '../../iac/model';
import { containsPosition, getProperties, getProperty } from '../../iac/model';
import type { PolicyStatement } from '../toolkit/policy';
import type { RuleContext } from '../rule';
import { stringOf, items } from '../toolkit/values';

/** One policy document written in a resource. */
export interface PolicySource {
  /** The document as written: a map, a JSON string, `jsonencode(…)` or a reference. */
  value: Value;
  /** The inline policy's name, when the template gives one literally. */
  name?: string;
}

/** CloudFormation types whose `PolicyDocument` is one identity policy. */
const CFN_POLICY_DOCUMENT_TYPES = [
  'AWS::IAM::Policy',
  'AWS::IAM::ManagedPolicy',
  'AWS::IAM::RolePolicy',
  'AWS::IAM::UserPolicy',
  'AWS::IAM::GroupPolicy',
];
/** CloudFormation types with inline policies in `Policies[].PolicyDocument`. */
const CFN_INLINE_POLICY_TYPES = ['AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group'];
/** SAM types whose `Policies` may hold inline policy documents (next to managed policy names and SAM policy templates). */
const SAM_POLICY_TYPES = ['AWS::Serverless::Function', 'AWS::Serverless::StateMachine'];
/** Terraform types whose `policy` argument is one identity policy. */
const TF_POLICY_TYPES = ['aws_iam_policy', 'aws_iam_role_policy', 'aws_iam_user_policy', 'aws_iam_group_policy'];

export const IDENTITY_POLICY_TYPES: readonly string[] = [
  ...CFN_POLICY_DOCUMENT_TYPES,
  ...CFN_INLINE_POLICY_TYPES,
  ...SAM_POLICY_TYPES,
  ...TF_POLICY_TYPES,
  'aws_iam_role',
  'aws_ssoadmin_permission_set_inline_policy',
];

/** Every identity policy document a resource writes (not the trust policy of a role). */
export function identityPolicies(resource: Resource): PolicySource[] {
  const { type, properties } = resource;
  const found: PolicySource[] = [];
  const add = (value: Value | undefined, name?: Value) => {
    if (value) found.push({ value, name: stringOf(name).value });
  };
  if (CFN_POLICY_DOCUMENT_TYPES.includes(type))
    add(getProperty(properties, 'PolicyDocument')?.value, getProperty(properties, 'PolicyName')?.value);
  if (CFN_INLINE_POLICY_TYPES.includes(type)) {
    for (const item of items(getProperty(properties, 'Policies')?.value)) {
      if (item.kind !== 'map') continue;
      add(getProperty(item, 'PolicyDocument')?.value, getProperty(item, 'PolicyName')?.value);
    }
  }
  if (SAM_POLICY_TYPES.includes(type)) {
    for (const item of items(getProperty(properties, 'Policies')?.value)) {
      if (item.kind === 'map' && getProperty(item, 'Statement')) add(item);
    }
  }
  if (TF_POLICY_TYPES.includes(type))
    add(getProperty(properties, 'policy')?.value, getProperty(properties, 'name')?.value);
  if (type === 'aws_iam_role') {
    for (const block of getProperties(properties, 'inline_policy')) {
      if (block.value.kind === 'map')
        add(getProperty(block.value, 'policy')?.value, getProperty(block.value, 'name')?.value);
    }
  }
  if (type === 'aws_ssoadmin_permission_set_inline_policy') add(getProperty(properties, 'inline_policy')?.value);
  return found;
}

/**
 * The most precise range for a statement of a policy written at `written`: the statement itself
 * when it is written inside the resource, the statement's place inside a JSON heredoc or YAML
 * block string when that can be mapped back to the file, and otherwise the policy value (a policy
 * that comes from a data source, variable or parameter is reported where the resource uses it).
 */
export function statementRange(
  statement: PolicyStatement,
  index: number,
  written: Value,
  context: RuleContext,
  resource: Resource,
): Range {
  const inside =
    containsPosition(written.range, statement.range.start) && containsPosition(written.range, statement.range.end);
  if (!inside) return written.range;
  if (written.kind === 'literal' && typeof written.value === 'string') {
    return statementInString(written, index, context.text(resource.file)) ?? written.range;
  }
  return statement.range;
}

/** Where the `index`-th statement of a JSON policy string starts and ends in the file, when its lines are copied verbatim. */
function statementInString(literal: LiteralValue, index: number, fileText: string | undefined): Range | undefined {
  if (fileText === undefined || typeof literal.value !== 'string') return undefined;
  const tree = jsonc.parseTree(literal.value);
  const statements = tree && jsonc.findNodeAtLocation(tree, ['Statement']);
  const node = statements?.type === 'array' ? statements.children?.[index] : index === 0 ? statements : undefined;
  if (!node) return undefined;
  const start = mapStringOffset(literal, fileText, node.offset);
  const end = mapStringOffset(literal, fileText, node.offset + node.length);
  return start && end ? { start, end } : undefined;
}

/**
 * Maps an offset in a string value back to the file for strings whose lines appear in the file as
 * they are, behind a constant indentation (Terraform heredocs, YAML block scalars). Quoted strings
 * with escapes do not map, and give undefined.
 */
function mapStringOffset(literal: LiteralValue, fileText: string, offset: number): Position | undefined {
  const value = literal.value as string;
  const lines = value.split('\n');
  const fileLines = lineIndexOf(fileText);
  const sourceLine = (line: number): string => {
    const start = fileLines.offset({ line, character: 0 });
    const end = line + 1 < fileLines.lineCount ? fileLines.offset({ line: line + 1, character: 0 }) : fileText.length;
    return fileText.slice(start, end).replace(/\r?\n$/, '');
  };
  // The content starts on the line of the value (rarely) or one or two lines below its opening marker.
  for (let first = literal.range.start.line; first <= literal.range.start.line + 2; first++) {
    const indent = consistentIndent(lines, first, sourceLine, literal.range.end.line);
    if (indent === undefined) continue;
    const before = value.slice(0, offset);
    const line = before.split('\n').length - 1;
    const character = offset - (before.lastIndexOf('\n') + 1);
    return { line: first + line, character: indent + character };
  }
  return undefined;
}

function consistentIndent(
  lines: string[],
  first: number,
  sourceLine: (line: number) => string,
  lastLine: number,
): number | undefined {
  let indent: number | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '');
    if (line.trim() === '') continue;
    if (first + i > lastLine) return undefined;
    const source = sourceLine(first + i);
    if (!source.endsWith(line)) return undefined;
    const lead = source.length - line.length;
    if (source.slice(0, lead).trim() !== '' || (indent !== undefined && lead !== indent)) return undefined;
    indent = lead;
  }
  return indent;
}
