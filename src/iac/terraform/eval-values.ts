/**
 * The values the Terraform evaluator computes, and their way back into the neutral model.
 *
 * An evaluated value is a string, number, bool, null, a list (tuple, list or set), a map (object or
 * map), the result of `jsonencode` (kept as its document so policy rules read it as one), or
 * `Unknown`: anything that cannot be known before `terraform apply` (resource attributes, data
 * sources, unset variables, functions outside the supported set). Unknown is never a guess; it
 * becomes an `unresolvable` (or, for `aws_x.y.attr`, a `reference`) value in the model, which rules
 * never report as insecure.
 */
import type { ListValue, MapValue, Property, Range, ReferenceValue, UnresolvableValue, Value } from '../model';

/** A value that cannot be known statically; `ref` keeps a plain reference (`aws_s3_bucket.b.arn`) as one. */
export class Unknown {
  constructor(
    readonly text: string,
    readonly ref?: ReferenceValue,
  ) {}
}

/** An object or map, keys in the order Terraform iterates them (lexical for maps built from keys). */
export class EvalMap {
  constructor(readonly entries: Map<string, EV>) {}
}

/** What `jsonencode(x)` returns: the document itself, serialised only when a string is needed. */
export class JsonDoc {
  constructor(readonly doc: EV) {}
}

export type EV = null | boolean | number | string | EV[] | EvalMap | JsonDoc | Unknown;

/** Lists made by `toset` (or a set-typed value): `for_each` accepts these and maps only. */
const SETS = new WeakSet<EV[]>();

export function makeSet(items: EV[]): EV[] {
  SETS.add(items);
  return items;
}

export function isSet(value: EV): boolean {
  return Array.isArray(value) && SETS.has(value);
}

export function isUnknown(value: EV): value is Unknown {
  return value instanceof Unknown;
}

/** True when nothing inside the value is unknown. */
export function isWhollyKnown(value: EV, depth = 0): boolean {
  if (depth > 64) return false;
  if (value instanceof Unknown) return false;
  if (Array.isArray(value)) return value.every((v) => isWhollyKnown(v, depth + 1));
  if (value instanceof EvalMap) return [...value.entries.values()].every((v) => isWhollyKnown(v, depth + 1));
  if (value instanceof JsonDoc) return isWhollyKnown(value.doc, depth + 1);
  return true;
}

/** `jsonencode`'s string for a wholly known value (maps with sorted keys, as Terraform writes them). */
export function toJson(value: EV): string | undefined {
  if (!isWhollyKnown(value)) return undefined;
  const plain = (v: EV): unknown => {
    if (v instanceof JsonDoc) return JSON.stringify(plain(v.doc));
    if (Array.isArray(v)) return v.map(plain);
    if (v instanceof EvalMap) {
      const out: Record<string, unknown> = {};
      for (const key of [...v.entries.keys()].sort()) out[key] = plain(v.entries.get(key)!);
      return out;
    }
    return v;
  };
  return JSON.stringify(plain(value));
}

/** A plain JSON value (from `.tfvars.json` or `jsondecode`) as an evaluated value. */
export function fromJson(value: unknown, depth = 0): EV {
  if (depth > 64) return new Unknown('…');
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value;
  if (Array.isArray(value)) return value.map((v) => fromJson(v, depth + 1));
  if (typeof value === 'object') {
    const entries = new Map<string, EV>();
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) entries.set(k, fromJson(v, depth + 1));
    return new EvalMap(entries);
  }
  return new Unknown(String(value));
}

/** Terraform's string conversion of a primitive; undefined for what has none (collections, unknown, null). */
export function asString(value: EV): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof JsonDoc) return toJson(value.doc);
  return undefined;
}

export function formatNumber(n: number): string {
  return Number.isInteger(n) ? n.toFixed(0) : String(n);
}

/** Number of model nodes an evaluated value may become (bounds what one expression can add to a resource). */
export const MAX_VALUE_NODES = 10_000;

/**
 * Back into the model. Every node takes `range` (the expression in the resource block), so
 * findings stay where the reader sees the attribute; unknown parts become `unresolvable` with the
 * expression's text, or the reference they were.
 */
export function toModel(value: EV, range: Range, text: string): Value {
  let budget = MAX_VALUE_NODES;
  const unknown = (why: string): UnresolvableValue => ({
    kind: 'unresolvable',
    construct: 'evaluated',
    text: why,
    range,
  });
  const convert = (v: EV, depth: number): Value => {
    if (--budget < 0 || depth > 64) return unknown(text);
    if (v instanceof Unknown) return v.ref ? { ...v.ref, range } : unknown(v.text || text);
    if (v instanceof JsonDoc) return convert(v.doc, depth);
    if (Array.isArray(v)) {
      const list: ListValue = { kind: 'list', items: v.map((item) => convert(item, depth + 1)), range };
      return list;
    }
    if (v instanceof EvalMap) {
      const properties: Property[] = [];
      for (const [key, item] of v.entries)
        properties.push({ key, keyRange: range, value: convert(item, depth + 1), range });
      const map: MapValue = { kind: 'map', properties, range, block: false };
      return map;
    }
    return { kind: 'literal', value: v, range };
  };
  return convert(value, 0);
}

// ---------------------------------------------------------------------------------------------
// Errors and conversions the expressions and the functions share.

/** An error Terraform would report: the value is unknown (and `try` moves on to its next argument). */
export class EvalError extends Error {}

/** The evaluation budget ran out: the expression is unknown, and the caller says so once. */
export class BudgetError extends EvalError {}

/**
 * A function refused a collection over a limit (`range(1000000)`): Terraform reports the same as an
 * error, so the value is unknown (`try` moves on), and the message says what was not built.
 */
export class LimitError extends EvalError {}

/** Largest collection one `for` expression or function may build. */
export const MAX_COLLECTION = 10_000;

/** The (key, value) pairs a `for` expression or `for_each` visits: index or key order (maps in lexical key order). */
export function iterate(collection: EV): [EV, EV][] {
  if (Array.isArray(collection)) return collection.map((v, i) => [isSet(collection) ? v : i, v]);
  if (collection instanceof EvalMap) return sortedEntries(collection);
  throw new EvalError('not a collection');
}

export function sortedEntries(map: EvalMap): [string, EV][] {
  return [...map.entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

export function toBool(value: EV): boolean {
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new EvalError('not a bool');
}

export function toNumber(value: EV): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
  throw new EvalError('not a number');
}

export function equal(a: EV, b: EV): boolean {
  if (a instanceof JsonDoc || b instanceof JsonDoc) {
    const sa = asString(a);
    const sb = asString(b);
    if (sa === undefined || sb === undefined) throw new EvalError('unknown');
    return sa === sb;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => equal(item, b[i]));
  }
  if (a instanceof EvalMap || b instanceof EvalMap) {
    if (!(a instanceof EvalMap) || !(b instanceof EvalMap) || a.entries.size !== b.entries.size) return false;
    for (const [k, v] of a.entries) if (!b.entries.has(k) || !equal(v, b.entries.get(k)!)) return false;
    return true;
  }
  return a === b;
}
