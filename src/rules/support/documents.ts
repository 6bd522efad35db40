/**
 * Embedded JSON documents (an EMR security configuration, for example) in every form templates
 * write them: a CloudFormation map, a JSON string or heredoc, Terraform `jsonencode({ … })`. The
 * result is a small tree whose leaves are plain values or UNKNOWN; ranges are kept where the
 * document is written as a map, so findings can point at the offending value.
 */
import * as jsonc from 'jsonc-parser';
import type { Range, Value } from '../../iac/model';
import type { RuleContext } from '../rule';

export const UNKNOWN = Symbol('unknown');

export type DocValue = string | number | boolean | null | DocNode[] | { [key: string]: DocNode } | typeof UNKNOWN;

export interface DocNode {
  value: DocValue;
  /** Where the value is written; absent inside a JSON string. */
  range?: Range;
}

/** Reads a document; undefined when it cannot be known statically (a reference, `file()`, a template). */
export function readDocument(value: Value | undefined, context: RuleContext): DocNode | undefined {
  const resolved = context.resolve(value);
  if (!resolved) return undefined;
  if (resolved.kind === 'literal' && typeof resolved.value === 'string') return fromJsonText(resolved.value);
  if (resolved.kind === 'map') return fromValue(resolved, context, 0);
  if (
    resolved.kind === 'unresolvable' &&
    resolved.construct === 'function:jsonencode' &&
    resolved.args?.kind === 'list'
  ) {
    const [argument] = resolved.args.items;
    return argument?.kind === 'map' ? fromValue(argument, context, 0) : undefined;
  }
  return undefined;
}

/** A member of an object node: the node, UNKNOWN when the object itself is unknown, undefined when absent. */
export function member(node: DocNode | undefined, name: string): DocNode | typeof UNKNOWN | undefined {
  if (!node) return undefined;
  if (node.value === UNKNOWN) return UNKNOWN;
  if (typeof node.value !== 'object' || node.value === null || Array.isArray(node.value)) return undefined;
  return Object.prototype.hasOwnProperty.call(node.value, name) ? node.value[name] : undefined;
}

/** A boolean leaf, accepting "true"/"false" strings; UNKNOWN for anything not literal. */
export function booleanOf(node: DocNode | typeof UNKNOWN | undefined): boolean | typeof UNKNOWN | undefined {
  if (node === undefined) return undefined;
  if (node === UNKNOWN || node.value === UNKNOWN) return UNKNOWN;
  if (typeof node.value === 'boolean') return node.value;
  if (typeof node.value === 'string' && /^(true|false)$/i.test(node.value)) return node.value.toLowerCase() === 'true';
  return UNKNOWN;
}

function fromValue(value: Value, context: RuleContext, depth: number): DocNode {
  if (depth > 32) return { value: UNKNOWN, range: value.range };
  const resolved = context.resolve(value);
  if (!resolved) return { value: null, range: value.range };
  switch (resolved.kind) {
    case 'literal':
      return { value: resolved.value, range: value.range };
    case 'map': {
      const object: { [key: string]: DocNode } = {};
      for (const p of resolved.properties) object[p.key] = fromValue(p.value, context, depth + 1);
      return { value: object, range: value.range };
    }
    case 'list':
      return { value: resolved.items.map((item) => fromValue(item, context, depth + 1)), range: value.range };
    default:
      return { value: UNKNOWN, range: value.range };
  }
}

function fromJsonText(text: string): DocNode | undefined {
  const errors: jsonc.ParseError[] = [];
  const parsed: unknown = jsonc.parse(text, errors, { disallowComments: true });
  return errors.length > 0 ? undefined : fromJson(parsed);
}

function fromJson(value: unknown): DocNode {
  if (Array.isArray(value)) return { value: value.map(fromJson) };
  if (value !== null && typeof value === 'object') {
    return {
      value: Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, fromJson(v)])),
    };
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null)
    return { value };
  return { value: UNKNOWN };
}
