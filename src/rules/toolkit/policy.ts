/**
 * IAM policy documents in every form templates write them, normalised for rules: CloudFormation
 * maps (YAML or JSON), JSON strings and heredocs, Terraform `jsonencode({ … })`, and references to
 * `data "aws_iam_policy_document"`. A document that cannot be read statically is `undefined`: a
 * rule then says nothing. Inside a readable document, each field is a `Present` reading (values.ts):
 * known, or unknown when decided at deploy time; a missing field takes its IAM default (no actions,
 * no conditions), so it is never absent.
 */
import * as jsonc from 'jsonc-parser';
import type { MapValue, Range, Resource, Value } from '../../iac/model';
import { getProperties, getProperty } from '../../iac/model';
import type { RuleContext } from '../rule';
import { known, unknown, type Present } from './values';

export interface PolicyCondition {
  operator: string;
  key: string;
  values: Present<string[]>;
}

export interface PolicyStatement {
  effect: Present<'Allow' | 'Deny'>;
  actions: Present<string[]>;
  notActions: Present<string[]>;
  resources: Present<string[]>;
  /**
   * The `Resource` entries as written (model values; literal strings for a JSON text), for rules
   * that tell an ARN's kind by its shape (a bucket's ARN, or its objects'); empty when absent.
   */
  resourceValues: Value[];
  /** Principals as written (`*`, ARNs, service names); `anyone` when `*` or `{ AWS: "*" }` appears. */
  principals: Present<string[]>;
  anyone: boolean;
  notPrincipal: boolean;
  conditions: Present<PolicyCondition[]>;
  range: Range;
}

export interface PolicyDocument {
  statements: PolicyStatement[];
  range: Range;
}

/** Reads a policy document from a property value; undefined when it cannot be known. */
export function readPolicy(value: Value | undefined, context: RuleContext): PolicyDocument | undefined {
  const resolved = context.resolve(value);
  if (!resolved) return undefined;
  if (resolved.kind === 'map') return fromMap(resolved);
  if (resolved.kind === 'literal' && typeof resolved.value === 'string')
    return fromJsonText(resolved.value, resolved.range);
  if (resolved.kind === 'unresolvable' && resolved.construct === 'template' && resolved.text.startsWith('<<')) {
    const body = heredocBody(resolved.text);
    return body === undefined ? undefined : fromJsonText(body, resolved.range);
  }
  if (
    resolved.kind === 'unresolvable' &&
    resolved.construct === 'function:jsonencode' &&
    resolved.args?.kind === 'list'
  ) {
    const argument = resolved.args.items.at(0);
    return argument?.kind === 'map' ? fromMap(argument) : undefined;
  }
  if (
    resolved.kind === 'reference' &&
    resolved.target.startsWith('data.aws_iam_policy_document.') &&
    context.unit.kind === 'terraform'
  ) {
    const data = context.unit.dataSources.find((d) => d.id === resolved.target);
    return data ? fromPolicyDocumentData(data, context) : undefined;
  }
  return undefined;
}

/** True when some Allow statement lets anyone in without a condition that narrows it. */
export function allowsAnyone(policy: PolicyDocument): PolicyStatement[] {
  return policy.statements.filter(
    (s) =>
      s.effect.value === 'Allow' &&
      (s.anyone || s.notPrincipal) &&
      s.conditions.state === 'known' &&
      s.conditions.value.length === 0,
  );
}

/** True when the policy has a Deny for requests that do not use TLS (`aws:SecureTransport` false). */
export function deniesInsecureTransport(policy: PolicyDocument): Present<boolean> {
  let unknownSeen = false;
  for (const s of policy.statements) {
    if (s.effect.state === 'unknown' || s.conditions.state === 'unknown') {
      unknownSeen = true;
      continue;
    }
    if (s.effect.value !== 'Deny') continue;
    for (const c of s.conditions.value) {
      if (c.key.toLowerCase() !== 'aws:securetransport' || !/^bool(ifexists)?$/i.test(c.operator)) continue;
      if (c.values.state === 'unknown') unknownSeen = true;
      else if (c.values.value.some((v) => v.toLowerCase() === 'false')) return known(true);
    }
  }
  return unknownSeen ? unknown() : known(false);
}

export function matchesAction(actions: Present<string[]>, pattern: RegExp): boolean {
  return actions.state === 'known' && actions.value.some((a) => pattern.test(a));
}

// ---------------------------------------------------------------------------------------------

function fromMap(document: MapValue): PolicyDocument | undefined {
  const statement = getProperty(document, 'Statement')?.value;
  if (!statement) return { statements: [], range: document.range };
  const items = statement.kind === 'list' ? statement.items : [statement];
  const statements: PolicyStatement[] = [];
  for (const item of items) {
    if (item.kind !== 'map') return undefined;
    statements.push(statementFromMap(item));
  }
  return { statements, range: document.range };
}

function statementFromMap(map: MapValue): PolicyStatement {
  const effect = literal(getProperty(map, 'Effect')?.value);
  const principal = getProperty(map, 'Principal')?.value;
  const notPrincipal = getProperty(map, 'NotPrincipal')?.value;
  const principals = principalList(principal ?? notPrincipal);
  return {
    effect: effect === 'Allow' || effect === 'Deny' ? known(effect) : unknown(),
    actions: stringList(getProperty(map, 'Action')?.value, []),
    notActions: stringList(getProperty(map, 'NotAction')?.value, []),
    resources: stringList(getProperty(map, 'Resource')?.value, []),
    resourceValues: entries(getProperty(map, 'Resource')?.value),
    principals,
    anyone: principals.state === 'known' && principals.value.includes('*'),
    notPrincipal: notPrincipal !== undefined,
    conditions: conditionsFromMap(getProperty(map, 'Condition')?.value),
    range: map.range,
  };
}

/** A value that may be one entry or a list of them, as entries. */
function entries(value: Value | undefined): Value[] {
  if (!value) return [];
  return value.kind === 'list' ? value.items : [value];
}

function principalList(value: Value | undefined): Present<string[]> {
  if (!value) return known([]);
  if (value.kind === 'literal') return known(value.value === null ? [] : [String(value.value)]);
  if (value.kind === 'map') {
    const all: string[] = [];
    for (const p of value.properties) {
      const list = stringList(p.value, []);
      if (list.state === 'unknown') return list;
      all.push(...list.value);
    }
    return known(all);
  }
  return stringList(value, []);
}

function conditionsFromMap(value: Value | undefined): Present<PolicyCondition[]> {
  if (!value) return known([]);
  if (value.kind !== 'map') return unknown();
  const conditions: PolicyCondition[] = [];
  for (const operator of value.properties) {
    if (operator.value.kind !== 'map') return unknown();
    for (const entry of operator.value.properties)
      conditions.push({ operator: operator.key, key: entry.key, values: stringList(entry.value, []) });
  }
  return known(conditions);
}

function fromJsonText(text: string, range: Range): PolicyDocument | undefined {
  const errors: jsonc.ParseError[] = [];
  const parsed = jsonc.parse(text, errors, { disallowComments: true });
  if (errors.length > 0 || typeof parsed !== 'object' || parsed === null) return undefined;
  const raw = (parsed as { Statement?: unknown }).Statement;
  const items = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  const statements: PolicyStatement[] = [];
  for (const item of items) {
    if (typeof item !== 'object' || item === null) return undefined;
    statements.push(statementFromJson(item as Record<string, unknown>, range));
  }
  return { statements, range };
}

/** Stands for a Terraform interpolation inside a JSON heredoc; a string containing it is unknown. */
const UNKNOWN_MARKER = '@@srlens-unknown@@';

/**
 * The JSON inside a heredoc (`<<EOF … EOF`, `<<-EOF`), with every `${…}` replaced by a marker so
 * that the known parts can be read. Undefined for template directives (`%{ … }`), which can change
 * the structure.
 */
function heredocBody(text: string): string | undefined {
  const firstNewline = text.indexOf('\n');
  const lastNewline = text.trimEnd().lastIndexOf('\n');
  if (firstNewline === -1 || lastNewline <= firstNewline) return undefined;
  const body = text.slice(firstNewline + 1, lastNewline);
  if (body.includes('%{')) return undefined;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '$' && body[i + 1] === '{') {
      let depth = 0;
      let j = i + 1;
      for (; j < body.length; j++) {
        if (body[j] === '{') depth++;
        else if (body[j] === '}' && --depth === 0) break;
      }
      if (j >= body.length) return undefined;
      out += UNKNOWN_MARKER;
      i = j;
    } else out += body[i];
  }
  return out;
}

function isUnknownText(value: unknown): boolean {
  return typeof value === 'string' && value.includes(UNKNOWN_MARKER);
}

function statementFromJson(s: Record<string, unknown>, range: Range): PolicyStatement {
  const principalRaw = s.Principal ?? s.NotPrincipal;
  const principals = jsonPrincipals(principalRaw);
  const conditions: PolicyCondition[] = [];
  if (s.Condition && typeof s.Condition === 'object') {
    for (const [operator, entries] of Object.entries(s.Condition as Record<string, unknown>)) {
      if (!entries || typeof entries !== 'object') continue;
      for (const [key, values] of Object.entries(entries as Record<string, unknown>))
        conditions.push({ operator, key, values: knownStrings(values) });
    }
  }
  return {
    effect: s.Effect === 'Allow' || s.Effect === 'Deny' ? known(s.Effect) : unknown(),
    actions: knownStrings(s.Action),
    notActions: knownStrings(s.NotAction),
    resources: knownStrings(s.Resource),
    resourceValues: (Array.isArray(s.Resource)
      ? (s.Resource as unknown[])
      : s.Resource === undefined
        ? []
        : [s.Resource]
    ).map((entry): Value =>
      typeof entry === 'string' && !isUnknownText(entry)
        ? { kind: 'literal', value: entry, range }
        : {
            kind: 'unresolvable',
            construct: 'json',
            text: typeof entry === 'string' ? entry : JSON.stringify(entry),
            range,
          },
    ),
    principals,
    anyone: principals.state === 'known' && principals.value.includes('*'),
    notPrincipal: s.NotPrincipal !== undefined,
    conditions: conditions.some((c) => c.values.state === 'unknown' || isUnknownText(c.key))
      ? unknown()
      : known(conditions),
    range,
  };
}

function knownStrings(value: unknown): Present<string[]> {
  const list = jsonStrings(value);
  return list.some(isUnknownText) ? unknown() : known(list);
}

function jsonPrincipals(value: unknown): Present<string[]> {
  if (value === undefined || value === null) return known([]);
  const list =
    typeof value === 'object' && !Array.isArray(value)
      ? Object.values(value as Record<string, unknown>).flatMap((v) => jsonStrings(v))
      : jsonStrings(value);
  return list.some(isUnknownText) ? unknown() : known(list);
}

function jsonStrings(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.map(String);
  return [String(value)];
}

/** `data "aws_iam_policy_document"`: statement blocks with effect, actions, resources, principals and conditions. */
function fromPolicyDocumentData(data: Resource, context: RuleContext): PolicyDocument | undefined {
  const statements: PolicyStatement[] = [];
  for (const statement of getProperties(data.properties, 'statement')) {
    if (statement.value.kind !== 'map') return undefined;
    const body = statement.value;
    // `effect` defaults to Allow; an effect that cannot be read stays unknown.
    const effectValue = getProperty(body, 'effect')?.value;
    const effect = effectValue ? literal(context.resolve(effectValue)) : 'Allow';
    const principalBlocks = [...getProperties(body, 'principals'), ...getProperties(body, 'not_principals')];
    let principals: Present<string[]> = known([]);
    for (const block of principalBlocks) {
      if (block.value.kind !== 'map' || principals.state === 'unknown') {
        principals = unknown();
        continue;
      }
      const type = literal(getProperty(block.value, 'type')?.value);
      const identifiers = stringList(getProperty(block.value, 'identifiers')?.value, []);
      if (identifiers.state === 'unknown') principals = unknown();
      else principals.value.push(...identifiers.value.map((id) => (type === '*' ? '*' : id)));
    }
    let conditions: Present<PolicyCondition[]> = known([]);
    for (const block of getProperties(body, 'condition')) {
      if (block.value.kind !== 'map') {
        conditions = unknown();
        break;
      }
      conditions.value.push({
        operator: literal(getProperty(block.value, 'test')?.value) ?? '',
        key: literal(getProperty(block.value, 'variable')?.value) ?? '',
        values: stringList(getProperty(block.value, 'values')?.value, []),
      });
    }
    statements.push({
      effect: effect === 'Allow' || effect === 'Deny' ? known(effect) : unknown(),
      actions: stringList(getProperty(body, 'actions')?.value, []),
      notActions: stringList(getProperty(body, 'not_actions')?.value, []),
      resources: stringList(getProperty(body, 'resources')?.value, []),
      resourceValues: entries(getProperty(body, 'resources')?.value),
      principals,
      anyone: principals.state === 'known' && principals.value.includes('*'),
      notPrincipal: getProperties(body, 'not_principals').length > 0,
      conditions,
      range: statement.range,
    });
  }
  // Documents merged from others (source_policy_documents…) are not followed.
  if (
    getProperty(data.properties, 'source_policy_documents') ||
    getProperty(data.properties, 'override_policy_documents')
  )
    return undefined;
  return { statements, range: data.range };
}

function literal(value: Value | undefined): string | undefined {
  return value?.kind === 'literal' && typeof value.value === 'string' ? value.value : undefined;
}

function stringList(value: Value | undefined, fallback: string[]): Present<string[]> {
  if (!value) return known(fallback);
  if (value.kind === 'literal') return known(value.value === null ? [] : [String(value.value)]);
  if (value.kind === 'list') {
    const out: string[] = [];
    for (const item of value.items) {
      if (item.kind !== 'literal' || item.value === null) return unknown();
      out.push(String(item.value));
    }
    return known(out);
  }
  return unknown();
}
