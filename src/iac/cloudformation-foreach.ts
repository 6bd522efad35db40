/**
 * The `AWS::LanguageExtensions` transform, evaluated where its result can be known from the
 * template alone: `Fn::ForEach` loops over a known collection are written out (the identifier
 * substituted in keys and values: `${Id}`, `&{Id}` with non-alphanumeric characters removed, and
 * `Ref: Id`), and `Fn::Length`, `Fn::ToJsonString` and `Fn::FindInMap` (with `DefaultValue`) are
 * computed when their arguments are known.
 *
 * A collection is known when it is written out, or when it is a `Ref` to a `CommaDelimitedList` or
 * `List<…>` parameter with a `Default` (as a `Ref` to any parameter resolves to its default for
 * the rules). Anything else leaves the loop as it is: its resources are not analysed, and nothing is
 * reported about them. Generated values keep the ranges of the text they come from, so a finding on
 * a generated resource points into the loop's body. Loops nested deeper than CloudFormation allows
 * and expansions past the limits below are not written out, and one `info` diagnostic says so.
 */
import type { MapValue, ParseDiagnostic, Property, Range, Value } from './model';
import { getProperty } from './model';

export const LANGUAGE_EXTENSIONS = 'AWS::LanguageExtensions';
export const FOR_EACH_PREFIX = 'Fn::ForEach::';

/** CloudFormation accepts `Fn::ForEach` nested up to five levels deep. */
export const MAX_FOR_EACH_DEPTH = 5;
/** Entries (resources, properties) written out per template: several times the 500 resources CloudFormation accepts. */
export const MAX_GENERATED_ENTRIES = 2_000;
/** Values copied per template while writing loops out, so that a small template cannot expand into a huge one. */
export const MAX_GENERATED_VALUES = 500_000;

/** The entries a loop wrote out, each with the loop that generated it (`Fn::ForEach::Buckets`). */
export const generatedEntries = new WeakMap<Property, string>();

/** Turns an intrinsic's name and arguments into a model value (the parser's own recogniser). */
export type RecogniseIntrinsic = (name: string, args: Value, at: Range, text: string) => Value;

interface Scope {
  file: string;
  diagnostics: ParseDiagnostic[];
  recognise: RecogniseIntrinsic;
  mappings: MapValue | undefined;
  parameters: MapValue | undefined;
  entries: number;
  values: number;
  /** Loops already reported (a loop inside another is met once per outer item). */
  reported: Set<string>;
}

export function usesLanguageExtensions(transforms: readonly string[]): boolean {
  return transforms.includes(LANGUAGE_EXTENSIONS);
}

/** The template root with its `Resources` section expanded; the same object when nothing changed. */
export function expandLanguageExtensions(
  root: MapValue,
  file: string,
  diagnostics: ParseDiagnostic[],
  recognise: RecogniseIntrinsic,
): MapValue {
  const mappings = getProperty(root, 'Mappings')?.value;
  const parameters = getProperty(root, 'Parameters')?.value;
  const scope: Scope = {
    file,
    diagnostics,
    recognise,
    mappings: mappings?.kind === 'map' ? mappings : undefined,
    parameters: parameters?.kind === 'map' ? parameters : undefined,
    entries: 0,
    values: 0,
    reported: new Set(),
  };
  let changed = false as boolean; // set inside the callbacks below
  const properties = root.properties.map((section) => {
    if (section.key !== 'Resources' || section.value.kind !== 'map') return section;
    const value = transform(section.value, 0, scope);
    if (value === section.value) return section;
    changed = true;
    return { ...section, value };
  });
  return changed ? { ...root, properties } : root;
}

/** Expands the loops in a value and computes the functions that can be computed. */
function transform(value: Value, depth: number, scope: Scope): Value {
  switch (value.kind) {
    case 'map': {
      let changed = false as boolean; // set inside the callbacks below
      const properties: Property[] = [];
      for (const property of value.properties) {
        if (property.key.startsWith(FOR_EACH_PREFIX)) {
          const expanded = expandLoop(property, depth, scope);
          if (expanded) {
            properties.push(...expanded);
            changed = true;
            continue;
          }
          properties.push(property);
          continue;
        }
        const inner = transform(property.value, depth, scope);
        if (inner === property.value) properties.push(property);
        else {
          changed = true;
          properties.push({ ...property, value: inner, range: { start: property.range.start, end: inner.range.end } });
        }
      }
      return changed ? { ...value, properties } : value;
    }
    case 'list': {
      let changed = false as boolean; // set inside the callbacks below
      const items = value.items.map((item) => {
        const inner = transform(item, depth, scope);
        if (inner !== item) changed = true;
        return inner;
      });
      return changed ? { ...value, items } : value;
    }
    case 'unresolvable': {
      const args = value.args && transform(value.args, depth, scope);
      const current = args === value.args ? value : { ...value, args };
      return evaluate(current, scope);
    }
    default:
      return value;
  }
}

/** The entries one loop writes out, or `undefined` to leave it as it is. */
function expandLoop(loop: Property, depth: number, scope: Scope): Property[] | undefined {
  if (loop.value.kind !== 'list' || loop.value.items.length !== 3) return undefined;
  const [identifierValue, collectionValue, body] = loop.value.items;
  if (identifierValue.kind !== 'literal' || typeof identifierValue.value !== 'string' || body.kind !== 'map')
    return undefined;
  const identifier = identifierValue.value;
  if (identifier.length === 0) return undefined;
  const collection = collectionOf(transform(collectionValue, depth, scope), scope);
  if (!collection) return undefined;
  const name = loop.key;
  if (depth >= MAX_FOR_EACH_DEPTH) {
    notExpanded(
      scope,
      loop,
      `${name} is nested more than ${MAX_FOR_EACH_DEPTH} levels deep, which CloudFormation does not accept: what it generates is not analysed.`,
    );
    return undefined;
  }
  const cost = collection.length * sizeOf(body, MAX_GENERATED_VALUES + 1);
  if (scope.values + cost > MAX_GENERATED_VALUES) {
    notExpanded(
      scope,
      loop,
      `${name} would write out more than ${MAX_GENERATED_VALUES.toLocaleString('en-US')} values in this template: what it generates is not analysed.`,
    );
    return undefined;
  }
  scope.values += cost;
  const out: Property[] = [];
  for (const item of collection) {
    const written = substitute(body, identifier, item, scope);
    const expanded = transform(written, depth + 1, scope);
    if (expanded.kind !== 'map') return undefined;
    for (const entry of expanded.properties) {
      if (!generatedEntries.has(entry)) generatedEntries.set(entry, name);
      out.push(entry);
    }
  }
  if (scope.entries + out.length > MAX_GENERATED_ENTRIES) {
    notExpanded(
      scope,
      loop,
      `${name} would write out more than ${MAX_GENERATED_ENTRIES.toLocaleString('en-US')} entries in this template: what it generates is not analysed.`,
    );
    return undefined;
  }
  scope.entries += out.length;
  return out;
}

function notExpanded(scope: Scope, loop: Property, message: string): void {
  const at = `${loop.keyRange.start.line}:${loop.keyRange.start.character}`;
  if (scope.reported.has(at)) return;
  scope.reported.add(at);
  scope.diagnostics.push({ file: scope.file, range: loop.keyRange, severity: 'info', message });
}

/** The loop's items as strings, when they are known. */
function collectionOf(value: Value, scope: Scope): string[] | undefined {
  if (value.kind === 'list') return literalStrings(value.items);
  if (value.kind !== 'reference' || value.attribute !== undefined) return undefined;
  return listParameterDefault(value.target, scope);
}

function literalStrings(items: readonly Value[]): string[] | undefined {
  const strings: string[] = [];
  for (const item of items) {
    if (item.kind !== 'literal' || item.value === null) return undefined;
    strings.push(String(item.value));
  }
  return strings;
}

/** The default of a `CommaDelimitedList` or `List<…>` parameter, split as CloudFormation splits it. */
function listParameterDefault(name: string, scope: Scope): string[] | undefined {
  const parameter = getProperty(scope.parameters, name)?.value;
  if (parameter?.kind !== 'map') return undefined;
  const type = getProperty(parameter, 'Type')?.value;
  if (type?.kind !== 'literal' || typeof type.value !== 'string') return undefined;
  if (type.value !== 'CommaDelimitedList' && !type.value.startsWith('List<')) return undefined;
  const fallback = getProperty(parameter, 'Default')?.value;
  if (fallback?.kind === 'list') return literalStrings(fallback.items);
  if (fallback?.kind !== 'literal' || fallback.value === null) return undefined;
  const text = String(fallback.value);
  return text === '' ? [] : text.split(',').map((part) => part.trim());
}

/** How many values a value holds, counted up to `cap`. */
function sizeOf(value: Value, cap: number): number {
  let count = 0;
  const visit = (v: Value): void => {
    if (++count >= cap) return;
    if (v.kind === 'map') for (const p of v.properties) visit(p.value);
    else if (v.kind === 'list') for (const item of v.items) visit(item);
    else if (v.kind === 'unresolvable' && v.args) visit(v.args);
  };
  visit(value);
  return Math.min(count, cap);
}

/** A copy of the loop body for one item: the identifier replaced in keys, strings and references. */
function substitute(value: Value, identifier: string, item: string, scope: Scope): Value {
  const plain = '${' + identifier + '}';
  const stripped = '&{' + identifier + '}';
  const alphanumeric = item.replace(/[^A-Za-z0-9]/g, '');
  const replace = (text: string): string =>
    text.includes(plain) || text.includes(stripped)
      ? text.split(plain).join(item).split(stripped).join(alphanumeric)
      : text;
  const copy = (v: Value): Value => {
    switch (v.kind) {
      case 'literal':
        return typeof v.value === 'string' ? { ...v, value: replace(v.value) } : v;
      case 'map':
        return {
          ...v,
          properties: v.properties.map((p) => {
            const inner = copy(p.value);
            return { ...p, key: replace(p.key), value: inner };
          }),
        };
      case 'list':
        return { ...v, items: v.items.map(copy) };
      case 'reference':
        if (v.target === identifier && v.attribute === undefined)
          return { kind: 'literal', value: item, range: v.range };
        return {
          ...v,
          target: replace(v.target),
          attribute: v.attribute === undefined ? undefined : replace(v.attribute),
          text: replace(v.text),
        };
      case 'unresolvable': {
        if (!v.args) return { ...v, text: replace(v.text) };
        const args = copy(v.args);
        const text = replace(v.text);
        return v.construct === 'Ref' || v.construct.startsWith('Fn::')
          ? scope.recognise(v.construct, args, v.range, text)
          : { ...v, args, text };
      }
    }
  };
  return copy(value);
}

/** `Fn::Length`, `Fn::ToJsonString` and `Fn::FindInMap` with known arguments; anything else as it is. */
function evaluate(value: Extract<Value, { kind: 'unresolvable' }>, scope: Scope): Value {
  const args = value.args;
  if (!args) return value;
  switch (value.construct) {
    case 'Fn::Length': {
      const items =
        args.kind === 'list'
          ? args.items
          : args.kind === 'reference' && args.attribute === undefined
            ? listParameterDefault(args.target, scope)
            : undefined;
      return items ? { kind: 'literal', value: items.length, range: value.range } : value;
    }
    case 'Fn::ToJsonString': {
      const plain = args.kind === 'map' || args.kind === 'list' ? toPlain(args, 0) : undefined;
      return plain === undefined ? value : { kind: 'literal', value: JSON.stringify(plain), range: value.range };
    }
    case 'Fn::FindInMap':
      return findInMap(value, args, scope) ?? value;
    default:
      return value;
  }
}

/** A value with nothing unknown in it, as plain data; `undefined` when anything in it is unknown. */
function toPlain(value: Value, depth: number): unknown {
  if (depth > 64) return undefined;
  switch (value.kind) {
    case 'literal':
      return value.value;
    case 'list': {
      const items: unknown[] = [];
      for (const item of value.items) {
        const plain = toPlain(item, depth + 1);
        if (plain === undefined) return undefined;
        items.push(plain);
      }
      return items;
    }
    case 'map': {
      const object: Record<string, unknown> = {};
      for (const p of value.properties) {
        const plain = toPlain(p.value, depth + 1);
        if (plain === undefined) return undefined;
        object[p.key] = plain;
      }
      return object;
    }
    default:
      return undefined;
  }
}

/**
 * `[MapName, TopLevelKey, SecondLevelKey, {DefaultValue: …}]`: the mapping's value when every key is
 * known and present (its ranges moved to the call, where the resource uses it), else the default.
 */
function findInMap(call: Extract<Value, { kind: 'unresolvable' }>, args: Value, scope: Scope): Value | undefined {
  if (args.kind !== 'list' || args.items.length < 3 || args.items.length > 4) return undefined;
  const keys = args.items
    .slice(0, 3)
    .map((item) => (item.kind === 'literal' && item.value !== null ? String(item.value) : undefined));
  const options = args.items.at(3);
  const fallback = options?.kind === 'map' ? getProperty(options, 'DefaultValue')?.value : undefined;
  if (options && !fallback) return undefined;
  if (keys.some((key) => key === undefined)) return undefined;
  const [mapName, topKey, secondKey] = keys as string[];
  const top = getProperty(scope.mappings, mapName)?.value;
  const second = top?.kind === 'map' ? getProperty(top, topKey)?.value : undefined;
  const found = second?.kind === 'map' ? getProperty(second, secondKey)?.value : undefined;
  if (found) return moved(found, call.range);
  return fallback;
}

/** A copy of a value with every range set to `at`. */
function moved(value: Value, at: Range): Value {
  switch (value.kind) {
    case 'map':
      return {
        ...value,
        range: at,
        properties: value.properties.map((p) => ({ ...p, keyRange: at, range: at, value: moved(p.value, at) })),
      };
    case 'list':
      return { ...value, range: at, items: value.items.map((item) => moved(item, at)) };
    case 'unresolvable':
      return { ...value, range: at, args: value.args && moved(value.args, at) };
    default:
      return { ...value, range: at };
  }
}
