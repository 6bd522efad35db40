/**
 * A Terraform plan as JSON (`terraform show -json plan.out > plan.json`, `format_version` 1.x):
 * what the plan will create, every value Terraform itself computed, so there is nothing left to
 * evaluate. Detected by its content (`isTerraformPlanJson`), whatever the file is called.
 *
 * The resources are `planned_values` (the root module's and every child module's, recursively),
 * addressed as the plan addresses them (`module.db.aws_db_instance.this`,
 * `aws_s3_bucket.b["logs"]`). Their values become the same model the `.tf` converter makes, so
 * the rules read them unchanged: attributes as literals, maps (`tags`) as maps, nested blocks
 * (lists of objects in the plan: `versioning = [{ enabled = true }]`) as repeated blocks, `null`
 * and empty lists as absent. What the plan does not know until apply (`resource_changes[]
 * .change.after_unknown`) and what it marks sensitive (`sensitive_values`) is unknown, so it is
 * never reported as insecure and never echoed. Every value keeps the range of its JSON text, so
 * findings land on the attribute in the plan file.
 *
 * Bounded: only `planned_values` is read into the model (one pass finds it and `resource_changes`
 * at the top level, skipping everything else); `resource_changes` is read with `JSON.parse` for
 * its `after_unknown` markers only; at most `MAX_PLAN_RESOURCES` resources, then an info finding.
 */
import { classifyType } from '../../knowledge/services';
import { classificationHints } from '../hints';
import { readStrictJson } from '../json-strict';
import type { ListValue, MapValue, ParseDiagnostic, ParseResult, Property, Range, Resource, Value } from '../model';
import { getProperty } from '../model';
import { emptyModule } from './converter';

/** Most resources read from one plan (the same bound as a module's instances). */
export const MAX_PLAN_RESOURCES = 20_000;
/** Deepest nesting read in `planned_values`. */
const MAX_DEPTH = 128;
/** Module nesting followed in `child_modules`. */
const MAX_MODULE_DEPTH = 64;

/** The plan's resources as one Terraform unit in `file`; never throws. */
export function parseTerraformPlan(file: string, text: string): ParseResult {
  const diagnostics: ParseDiagnostic[] = [];
  const info = (message: string, range: Range = ZERO) => diagnostics.push({ file, range, severity: 'info', message });
  const spans = topLevelSpans(text, ['planned_values', 'resource_changes']);
  if (!spans) {
    info('This Terraform plan is not valid JSON; nothing in it was checked.');
    return { units: [], diagnostics };
  }
  const planned = spans.get('planned_values');
  const unit = emptyModule(directoryOf(file), [file]);
  if (!planned) return { units: [unit], diagnostics };
  const read = readStrictJson(text.slice(planned.start, planned.end), MAX_DEPTH, {
    object: (map) => map,
    duplicateKey: () => undefined,
  });
  if (!read || read.root.kind !== 'map') {
    info('The planned_values of this Terraform plan could not be read; nothing in it was checked.');
    return { units: [unit], diagnostics };
  }
  shiftRanges(read.root, positionAt(text, planned.start));
  const unknowns = afterUnknown(text, spans.get('resource_changes'));
  let truncated = false;
  const visitModule = (module: Value | undefined, depth: number) => {
    if (module?.kind !== 'map' || depth > MAX_MODULE_DEPTH || truncated) return;
    const resources = getProperty(module, 'resources')?.value;
    if (resources?.kind === 'list') {
      for (const item of resources.items) {
        if (unit.resources.length + unit.dataSources.length >= MAX_PLAN_RESOURCES) {
          truncated = true;
          info(
            `This plan has more than ${MAX_PLAN_RESOURCES} resources; the first ${MAX_PLAN_RESOURCES} were checked.`,
            item.range,
          );
          return;
        }
        const resource = planResource(item, file, unknowns);
        if (!resource) continue;
        if (resource.id.startsWith('data.') || resource.id.includes('.data.')) unit.dataSources.push(resource);
        else unit.resources.push(resource);
      }
    }
    const children = getProperty(module, 'child_modules')?.value;
    if (children?.kind === 'list') for (const child of children.items) visitModule(child, depth + 1);
  };
  visitModule(getProperty(read.root, 'root_module')?.value, 0);
  return { units: [unit], diagnostics };
}

const ZERO: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** One `planned_values` resource; undefined for what is not a managed or data resource. */
function planResource(item: Value, file: string, unknowns: Map<string, unknown>): Resource | undefined {
  if (item.kind !== 'map') return undefined;
  const address = getProperty(item, 'address')?.value;
  const type = getProperty(item, 'type')?.value;
  const mode = getProperty(item, 'mode')?.value;
  if (address?.kind !== 'literal' || typeof address.value !== 'string') return undefined;
  if (type?.kind !== 'literal' || typeof type.value !== 'string') return undefined;
  if (mode?.kind === 'literal' && mode.value !== 'managed' && mode.value !== 'data') return undefined;
  const values = getProperty(item, 'values')?.value;
  const sensitive = toPlain(getProperty(item, 'sensitive_values')?.value);
  const properties =
    values?.kind === 'map'
      ? convertObject(values, unknowns.get(address.value), sensitive, 0)
      : { kind: 'map' as const, properties: [], range: item.range, block: false };
  const classification = classifyType(type.value, classificationHints(properties));
  return {
    id: address.value,
    type: type.value,
    service: classification.service,
    tier: classification.tier,
    file,
    syntax: 'terraform',
    range: item.range,
    idRange: address.range,
    typeRange: type.range,
    properties,
    // The plan is Terraform's output, not something to edit: no quick fixes on it.
    generatedBy: 'terraform plan',
  };
}

/** A plan object's attributes in the shape the `.tf` converter gives a block body. */
function convertObject(map: MapValue, unknown: unknown, sensitive: unknown, depth: number): MapValue {
  const properties: Property[] = [];
  const seen = new Set<string>();
  for (const property of map.properties) {
    seen.add(property.key);
    const u = member(unknown, property.key);
    const s = member(sensitive, property.key);
    const value = property.value;
    if (u === true || s === true) {
      properties.push({ ...property, value: unknownValue(value.range, s === true) });
      continue;
    }
    if (value.kind === 'literal' && value.value === null) continue; // null: not set
    if (value.kind === 'list' && value.items.length === 0) continue; // no block, no element
    if (value.kind === 'list' && value.items.every((item) => item.kind === 'map')) {
      // Nested blocks: one block per element, as `.tf` repeats `ingress { … }`.
      value.items.forEach((item, i) =>
        properties.push({
          key: property.key,
          keyRange: property.keyRange,
          value: { ...convertObject(item as MapValue, member(u, i), member(s, i), depth + 1), block: true },
          range: property.range,
        }),
      );
      continue;
    }
    properties.push({ ...property, value: convertValue(value, u, s, depth + 1) });
  }
  // Unknown until apply: the plan leaves these out of `values`, but they will be set.
  if (isObject(unknown))
    for (const [key, u] of Object.entries(unknown)) {
      if (u !== true || seen.has(key)) continue;
      properties.push({ key, keyRange: map.range, value: unknownValue(map.range, false), range: map.range });
    }
  return { kind: 'map', properties, range: map.range, block: false };
}

function convertValue(value: Value, unknown: unknown, sensitive: unknown, depth: number): Value {
  if (unknown === true || sensitive === true) return unknownValue(value.range, sensitive === true);
  if (depth > MAX_DEPTH) return unknownValue(value.range, false);
  if (value.kind === 'map') return convertObject(value, unknown, sensitive, depth + 1);
  if (value.kind === 'list') {
    const list: ListValue = {
      kind: 'list',
      items: value.items.map((item, i) => convertValue(item, member(unknown, i), member(sensitive, i), depth + 1)),
      range: value.range,
    };
    return list;
  }
  return value;
}

function unknownValue(range: Range, sensitive: boolean): Value {
  return {
    kind: 'unresolvable',
    construct: sensitive ? 'plan:sensitive' : 'plan:unknown',
    text: sensitive ? '(sensitive value)' : '(known after apply)',
    range,
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `after_unknown` / `sensitive_values` follow the value's shape: a key of an object, an index of a list. */
function member(marks: unknown, key: string | number): unknown {
  if (marks === true) return true;
  if (typeof key === 'number') return Array.isArray(marks) ? marks[key] : undefined;
  return isObject(marks) ? marks[key] : undefined;
}

/** A model value back to plain JSON (for `sensitive_values`, which is small). */
function toPlain(value: Value | undefined, depth = 0): unknown {
  if (!value || depth > MAX_DEPTH) return undefined;
  if (value.kind === 'literal') return value.value;
  if (value.kind === 'list') return value.items.map((item) => toPlain(item, depth + 1));
  if (value.kind === 'map')
    return Object.fromEntries(value.properties.map((p) => [p.key, toPlain(p.value, depth + 1)]));
  return undefined;
}

/** `resource_changes[].change.after_unknown` by address (read with JSON.parse: no ranges needed). */
function afterUnknown(text: string, span: { start: number; end: number } | undefined): Map<string, unknown> {
  const byAddress = new Map<string, unknown>();
  if (!span) return byAddress;
  let changes: unknown;
  try {
    changes = JSON.parse(text.slice(span.start, span.end));
  } catch {
    return byAddress;
  }
  if (!Array.isArray(changes)) return byAddress;
  for (const change of changes) {
    if (!isObject(change) || typeof change.address !== 'string' || !isObject(change.change)) continue;
    byAddress.set(change.address, change.change.after_unknown);
  }
  return byAddress;
}

/**
 * The value spans of some top-level keys of a JSON object, found in one pass that skips strings
 * and nested values without building them; undefined when the text is not an object.
 */
export function topLevelSpans(text: string, keys: string[]): Map<string, { start: number; end: number }> | undefined {
  const wanted = new Set(keys);
  const spans = new Map<string, { start: number; end: number }>();
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const ws = () => {
    while (i < text.length && ' \t\r\n'.includes(text[i])) i++;
  };
  ws();
  if (text[i] !== '{') return undefined;
  i++;
  for (;;) {
    ws();
    if (text[i] === '}') return spans;
    if (text[i] !== '"') return undefined;
    const keyEnd = skipString(text, i);
    if (keyEnd < 0) return undefined;
    let key: string;
    try {
      key = JSON.parse(text.slice(i, keyEnd)) as string;
    } catch {
      return undefined;
    }
    i = keyEnd;
    ws();
    if (text[i] !== ':') return undefined;
    i++;
    ws();
    const start = i;
    const end = skipValue(text, i);
    if (end < 0) return undefined;
    if (wanted.has(key)) spans.set(key, { start, end });
    i = end;
    ws();
    if (text[i] === ',') i++;
    else if (text[i] === '}') return spans;
    else return undefined;
  }
}

/** The offset after the string that starts at `start` (a `"`), or -1. */
function skipString(text: string, start: number): number {
  let j = start + 1;
  for (;;) {
    const quote = text.indexOf('"', j);
    if (quote < 0) return -1;
    let backslashes = 0;
    for (let k = quote - 1; k > start && text.charCodeAt(k) === 0x5c; k--) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    j = quote + 1;
  }
}

const STRUCTURE = /["{}[\]]/g;

/** The offset after the JSON value that starts at `start`, or -1. */
function skipValue(text: string, start: number): number {
  const c = text[start];
  if (c === '"') return skipString(text, start);
  if (c !== '{' && c !== '[') {
    const scalar = /-?[0-9.eE+-]+|true|false|null/y;
    scalar.lastIndex = start;
    return scalar.test(text) ? scalar.lastIndex : -1;
  }
  let depth = 0;
  STRUCTURE.lastIndex = start;
  for (;;) {
    const match = STRUCTURE.exec(text);
    if (!match) return -1;
    const ch = match[0];
    if (ch === '"') {
      const end = skipString(text, match.index);
      if (end < 0) return -1;
      STRUCTURE.lastIndex = end;
    } else if (ch === '{' || ch === '[') depth++;
    else if (--depth === 0) return match.index + 1;
  }
}

/** Line and UTF-16 character of an offset (one pass over the text before it). */
function positionAt(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}

/** Moves the ranges of a value read from a slice to where the slice is in the file. */
function shiftRanges(root: Value, base: { line: number; character: number }): void {
  if (base.line === 0 && base.character === 0) return;
  // Positions may be shared between ranges: each is moved once.
  const shifted = new WeakSet<object>();
  const shift = (range: Range) => {
    for (const p of [range.start, range.end]) {
      if (shifted.has(p)) continue;
      shifted.add(p);
      if (p.line === 0) p.character += base.character;
      p.line += base.line;
    }
  };
  const stack: Value[] = [root];
  while (stack.length > 0) {
    const value = stack.pop()!;
    shift(value.range);
    if (value.kind === 'map')
      for (const p of value.properties) {
        shift(p.range);
        shift(p.keyRange);
        stack.push(p.value);
      }
    else if (value.kind === 'list') for (const item of value.items) stack.push(item);
  }
}

function directoryOf(file: string): string {
  const slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return slash === -1 ? '.' : file.slice(0, slash) || '/';
}
