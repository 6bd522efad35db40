/**
 * The pure Terraform functions the evaluator knows (`try` and `can` are in eval-expressions.ts,
 * which evaluates their arguments lazily). Every other function's result is unknown. A function
 * given an unknown argument returns unknown, except where Terraform's own answer does not depend
 * on it (`length` of a list with unknown items, `keys` of a map with unknown values).
 */
import {
  asString,
  equal,
  EvalError,
  EvalMap,
  type EV,
  formatNumber,
  isWhollyKnown,
  JsonDoc,
  LimitError,
  makeSet,
  MAX_COLLECTION,
  sortedEntries,
  toBool,
  toNumber,
  Unknown,
} from './eval-values';

export const SUPPORTED_FUNCTIONS = new Set([
  'merge',
  'concat',
  'lookup',
  'coalesce',
  'tolist',
  'toset',
  'tomap',
  'flatten',
  'keys',
  'values',
  'length',
  'contains',
  'format',
  'join',
  'split',
  'lower',
  'upper',
  'replace',
  'jsonencode',
  'tostring',
  'tonumber',
  'tobool',
  'range',
]);

/** Terraform's own limit on the numbers `range` returns (beyond it, `terraform plan` fails). */
export const MAX_RANGE = 1024;

function str(value: EV): string {
  const s = asString(value);
  if (s === undefined) throw new EvalError('not a string');
  return s;
}

function list(value: EV): EV[] {
  if (!Array.isArray(value)) throw new EvalError('not a list');
  return value;
}

function map(value: EV): EvalMap {
  if (!(value instanceof EvalMap)) throw new EvalError('not a map');
  return value;
}

function bounded<T>(items: T[]): T[] {
  if (items.length > MAX_COLLECTION) throw new EvalError('collection too large');
  return items;
}

/** `unknown()` is the call's own unknown value (its source text). */
export function callFunction(name: string, args: EV[], unknown: () => Unknown): EV {
  const anyUnknown = args.some((a) => a instanceof Unknown);
  switch (name) {
    case 'length': {
      const [x] = args;
      if (x instanceof Unknown) return unknown();
      if (Array.isArray(x)) return x.length;
      if (x instanceof EvalMap) return x.entries.size;
      if (typeof x === 'string') return [...x].length;
      throw new EvalError('length');
    }
    case 'keys': {
      const [x] = args;
      if (x instanceof Unknown) return unknown();
      return sortedEntries(map(x)).map(([k]) => k);
    }
    case 'jsonencode':
      if (args.length !== 1) throw new EvalError('jsonencode');
      return new JsonDoc(args[0]);
  }
  if (anyUnknown) return unknown();
  switch (name) {
    case 'merge': {
      const entries = new Map<string, EV>();
      for (const arg of args) {
        if (arg === null) continue;
        for (const [k, v] of map(arg).entries) {
          entries.delete(k);
          entries.set(k, v);
        }
      }
      return new EvalMap(entries);
    }
    case 'concat':
      return bounded(args.flatMap((a) => list(a)));
    case 'lookup': {
      const [m, key, fallback] = args;
      const k = str(key);
      const entries = map(m).entries;
      if (entries.has(k)) return entries.get(k)!;
      if (args.length < 3) throw new EvalError('lookup: no such key');
      return fallback;
    }
    case 'coalesce': {
      for (const arg of args) if (arg !== null && arg !== '') return arg;
      throw new EvalError('coalesce: no non-null argument');
    }
    case 'tolist': {
      const [x] = args;
      return [...list(x)];
    }
    case 'toset': {
      const items: EV[] = [];
      for (const item of list(args[0])) {
        if (!isWhollyKnown(item)) return unknown();
        if (!items.some((seen) => equal(seen, item))) items.push(item);
      }
      // A set of strings iterates in lexical order.
      if (items.every((i) => typeof i === 'string')) (items as string[]).sort();
      return makeSet(items);
    }
    case 'tomap': {
      const [x] = args;
      return new EvalMap(new Map(map(x).entries));
    }
    case 'flatten': {
      const out: EV[] = [];
      const walk = (x: EV, depth: number) => {
        if (depth > 64) throw new EvalError('flatten');
        if (Array.isArray(x)) for (const item of x) walk(item, depth + 1);
        else out.push(x);
      };
      walk(list(args[0]), 0);
      return bounded(out);
    }
    case 'values':
      return sortedEntries(map(args[0])).map(([, v]) => v);
    case 'contains': {
      const [xs, value] = args;
      return list(xs).some((item) => equal(item, value));
    }
    case 'format':
      return format(str(args[0]), args.slice(1));
    case 'join': {
      const [separator, ...lists] = args;
      return lists.flatMap((l) => list(l).map(str)).join(str(separator));
    }
    case 'split': {
      const [separator, s] = args;
      return bounded(str(s).split(str(separator)));
    }
    case 'lower':
      return str(args[0]).toLowerCase();
    case 'upper':
      return str(args[0]).toUpperCase();
    case 'replace': {
      const [s, search, replacement] = args;
      const pattern = str(search);
      // `/re/` patterns are regular expressions in Terraform's own (RE2) syntax: not evaluated.
      if (pattern.length >= 2 && pattern.startsWith('/') && pattern.endsWith('/')) return unknown();
      return str(s).split(pattern).join(str(replacement));
    }
    case 'tostring': {
      const [x] = args;
      if (x === null) return null;
      return str(x);
    }
    case 'tonumber': {
      const [x] = args;
      if (x === null) return null;
      return toNumber(x);
    }
    case 'tobool': {
      const [x] = args;
      if (x === null) return null;
      return toBool(x);
    }
    case 'range':
      return range(args.map(toNumber));
    default:
      return unknown();
  }
}

/**
 * `range(limit)`, `range(start, limit)`, `range(start, limit, step)`, as Terraform computes it. The
 * size is worked out before any number is made, so `range(1000000)` costs nothing: over Terraform's
 * 1,024 it is the error Terraform reports (a LimitError, the value unknown).
 */
function range(numbers: number[]): EV[] {
  if (numbers.length < 1 || numbers.length > 3 || numbers.some((n) => !Number.isFinite(n)))
    throw new EvalError('range: arguments');
  const [start, limit] = numbers.length === 1 ? [0, numbers[0]] : [numbers[0], numbers[1]];
  const step = numbers.length === 3 ? numbers[2] : limit >= start ? 1 : -1;
  if (step === 0) {
    if (start === limit) return [];
    throw new EvalError('range: step must not be zero');
  }
  const out: EV[] = [];
  // Terraform's loop: add the step while the number is short of the limit, and fail at the 1,025th.
  for (let n = start; step > 0 ? n < limit : n > limit; n += step) {
    if (out.length === MAX_RANGE) {
      const size = Math.ceil((limit - start) / step);
      const call = `range(${numbers.map(formatNumber).join(', ')})`;
      throw new LimitError(
        `${call} gives ${size} numbers, more than the ${MAX_RANGE} Terraform allows (terraform plan stops with an error there)`,
      );
    }
    out.push(n);
  }
  return out;
}

/** `format` with the verbs that need no type information: %s, %d, %v, %q, %t, %%. */
function format(spec: string, args: EV[]): string {
  let next = 0;
  let out = '';
  for (let i = 0; i < spec.length; i++) {
    const c = spec[i];
    if (c !== '%') {
      out += c;
      continue;
    }
    const verb = spec[++i];
    if (verb === '%') {
      out += '%';
      continue;
    }
    if (next >= args.length) throw new EvalError('format: too few arguments');
    const arg = args[next++];
    switch (verb) {
      case 's':
      case 'v':
        out += str(arg);
        break;
      case 'd': {
        const n = toNumber(arg);
        if (!Number.isInteger(n)) throw new EvalError('format: %d');
        out += formatNumber(n);
        break;
      }
      case 't':
        out += toBool(arg) ? 'true' : 'false';
        break;
      case 'q':
        out += JSON.stringify(str(arg));
        break;
      default:
        throw new EvalError('format: unsupported verb');
    }
  }
  return out;
}
