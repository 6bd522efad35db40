/**
 * The one way rules read values. Every reader returns a `Reading`, which keeps apart the three
 * states a rule must never mix up:
 *
 * - `known`: present, and its value is known statically (a literal, after following parameter
 *   defaults, variable defaults and locals);
 * - `unknown`: present, but decided at deploy time (`!If`, `!Ref` to a parameter without a default,
 *   an unresolved `var.x`, a function call, a `dynamic` block, or an enclosing map that is itself an
 *   expression). Unknown is never reported as insecure;
 * - `absent`: not written, written as `null` (Terraform) or removed with `!Ref AWS::NoValue`: the
 *   default applies. A reader given a `Default` carries it, with where it comes from.
 *
 * CloudFormation's and Terraform's loose typing is accepted: `"true"`, `"false"` and `"20"` read as
 * the boolean and the number. A literal of another type than asked for reads as unknown.
 */
import type { MapValue, Property, Range, Resource, Value } from '../../iac/model';
import { getPath, getProperty } from '../../iac/model';
import type { RuleContext } from '../rule';

/** The value that applies when a setting is absent, and who decides it. */
export interface Default<T> {
  value: T;
  /** Where the default comes from: "AWS default", "AWS default since 2023", "provider default", … */
  source: string;
}

export interface Known<T, P extends Property | undefined = Property | undefined> {
  state: 'known';
  value: T;
  /** The property the value is written in, when it is a property of the resource. */
  property: P;
}

export interface Unknown {
  state: 'unknown';
  value?: undefined;
  property?: Property;
}

export interface Absent<T = never> {
  state: 'absent';
  value?: undefined;
  property?: undefined;
  /** The value that applies instead, when the reader was told. */
  default?: Default<T>;
}

/** What a rule knows about a value: known, unknown (decided at deploy time) or absent (the default applies). */
export type Reading<T, P extends Property | undefined = Property | undefined> = Known<T, P> | Unknown | Absent<T>;

/** A reading of a resource property (`read`, `readFor`): when known, it names the property it is written in. */
export type Setting<T = Value> = Reading<T, Property>;

/** A value that is present: known, or decided at deploy time (policy statements, where absence has a meaning of its own). */
export type Present<T> = Known<T> | Unknown;

export function known<T, P extends Property | undefined = undefined>(value: T, property?: P): Known<T, P> {
  return { state: 'known', value, property: property as P };
}

export function unknown(property?: Property): Unknown {
  return property ? { state: 'unknown', property } : { state: 'unknown' };
}

const ABSENT: Absent = { state: 'absent' };

export function absent<T = never>(fallback?: Default<T>): Absent<T> {
  return fallback ? { state: 'absent', default: fallback } : ABSENT;
}

/** A scalar as documents hold it (see `documents.ts`). */
export type Scalar = string | number | boolean | null;

/** What the typed readers accept: a model value, a reading of one, or a reading of a document node. */
export type Readable = Value | Reading<unknown> | undefined;

function isReading(input: Value | Reading<unknown>): input is Reading<unknown> {
  return 'state' in input;
}

/** Any readable input as a reading of its raw value (a model value or a document scalar). */
function readingOf(input: Readable): Reading<unknown> {
  if (input === undefined) return ABSENT;
  if (!isReading(input)) return valueReading(input);
  return input;
}

/**
 * A model value as a reading: undefined (nothing written, or `!Ref AWS::NoValue` after resolving)
 * is absent, a reference or an expression is unknown, anything else is known. The value is read
 * as it is: follow references first with `context.resolve` when that is wanted.
 */
export function valueReading(value: Value | undefined, property?: Property): Reading<Value> {
  if (value === undefined) return ABSENT;
  if (value.kind === 'reference' || value.kind === 'unresolvable') return unknown(property);
  return known(value, property);
}

/** The scalar held by a known reading: a model literal's value, or a document's scalar leaf. */
function scalarOf(value: unknown): Scalar | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value;
  if (typeof value === 'object' && (value as { kind?: unknown }).kind === 'literal')
    return (value as { value: Scalar }).value;
  return undefined;
}

function typed<T>(input: Readable, convert: (scalar: Scalar) => T | undefined, fallback?: Default<T>): Reading<T> {
  const reading = readingOf(input);
  if (reading.state === 'absent') return fallback ? absent(fallback) : ABSENT;
  if (reading.state === 'unknown') return reading;
  const scalar = scalarOf(reading.value);
  const value = scalar === undefined ? undefined : convert(scalar);
  return value === undefined ? unknown(reading.property) : known(value, reading.property);
}

/** A boolean: `true`, `false`, or the strings `"true"` / `"false"` in any case. */
export function booleanOf(input: Setting<unknown>, fallback?: Default<boolean>): Setting<boolean>;
export function booleanOf(input: Readable, fallback?: Default<boolean>): Reading<boolean>;
export function booleanOf(input: Readable, fallback?: Default<boolean>): Reading<boolean> {
  return typed(
    input,
    (scalar) => {
      if (typeof scalar === 'boolean') return scalar;
      if (typeof scalar === 'string') {
        const lower = scalar.toLowerCase();
        if (lower === 'true') return true;
        if (lower === 'false') return false;
      }
      return undefined;
    },
    fallback,
  );
}

/** A string: any non-null literal, as written (`20` reads as `"20"`). */
export function stringOf(input: Setting<unknown>, fallback?: Default<string>): Setting<string>;
export function stringOf(input: Readable, fallback?: Default<string>): Reading<string>;
export function stringOf(input: Readable, fallback?: Default<string>): Reading<string> {
  return typed(input, (scalar) => (scalar === null ? undefined : String(scalar)), fallback);
}

/** A number: a numeric literal or a string holding one. */
export function numberOf(input: Setting<unknown>, fallback?: Default<number>): Setting<number>;
export function numberOf(input: Readable, fallback?: Default<number>): Reading<number>;
export function numberOf(input: Readable, fallback?: Default<number>): Reading<number> {
  return typed(
    input,
    (scalar) => {
      if (scalar === null || typeof scalar === 'boolean' || scalar === '') return undefined;
      const n = typeof scalar === 'number' ? scalar : Number(scalar);
      return Number.isNaN(n) ? undefined : n;
    },
    fallback,
  );
}

/** A map value; lists, scalars and expressions read as unknown. */
export function mapOf(input: Setting<unknown>): Setting<MapValue>;
export function mapOf(input: Readable): Reading<MapValue>;
export function mapOf(input: Readable): Reading<MapValue> {
  const reading = readingOf(input);
  if (reading.state === 'absent') return ABSENT;
  if (reading.state === 'unknown') return reading;
  const value = reading.value as { kind?: unknown };
  return value.kind === 'map' ? known(value as MapValue, reading.property) : unknown(reading.property);
}

/** A reference or an expression: its value is decided at deploy time. */
export function isUnknown(value: Value | undefined): boolean {
  return valueReading(value).state === 'unknown';
}

/** The map value, when the value is a map (a shape test, not a reading: a map is never unknown). */
export function asMap(value: Value | undefined): MapValue | undefined {
  return value?.kind === 'map' ? value : undefined;
}

export function isCloudFormation(resource: Resource): boolean {
  return resource.syntax !== 'terraform';
}

/** Picks the property name for the resource's language. */
export function key(resource: Resource, cloudFormation: string, terraform: string): string {
  return isCloudFormation(resource) ? cloudFormation : terraform;
}

/** A property by path under the resource's properties, as written (nothing followed). */
export function property(resource: Resource, ...path: string[]): Property | undefined {
  return getPath(resource.properties, ...path);
}

/** The items of a list value, or the value itself when it is a single map (Terraform blocks repeat as properties). */
export function items(value: Value | undefined): Value[] {
  if (!value) return [];
  return value.kind === 'list' ? value.items : [value];
}

/**
 * The setting at `path` under the resource's properties (Terraform nested blocks are path steps),
 * following parameter defaults, variables and locals at every step. `null` and
 * `!Ref AWS::NoValue` are absent; an enclosing value that is not a map is unknown.
 */
export function read(resource: Resource, context: RuleContext, path: readonly string[]): Setting {
  let map: MapValue = resource.properties;
  for (let i = 0; i < path.length; i++) {
    const found = getProperty(map, path[i]);
    if (!found) return ABSENT;
    const value = context.resolve(found.value);
    if (value === undefined || (value.kind === 'literal' && value.value === null)) return ABSENT;
    if (value.kind === 'reference' || value.kind === 'unresolvable') return unknown(found);
    if (i === path.length - 1) return known(value, found);
    // An enclosing list or scalar where a map belongs is a shape we cannot read: say nothing.
    if (value.kind !== 'map') return unknown();
    map = value;
  }
  return ABSENT;
}

/** `read` with the CloudFormation or the Terraform path, whichever the resource is written in. */
export function readFor(
  resource: Resource,
  context: RuleContext,
  cloudFormation: readonly string[] | string,
  terraform: readonly string[] | string,
): Setting {
  const path = isCloudFormation(resource) ? cloudFormation : terraform;
  return read(resource, context, typeof path === 'string' ? [path] : path);
}

/** Where a reading's value is written: its property's value, else `fallback` (the resource type, say). */
export function writtenRange(reading: Reading<unknown>, fallback: Range): Range {
  return reading.property?.value.range ?? fallback;
}

/** Whether a setting is present in some form: known, or decided at deploy time (it may be set). */
export function isPresent(reading: Reading<unknown>): boolean {
  return reading.state !== 'absent';
}

/** Whether the property named `name` is present (written, and not `null` or `!Ref AWS::NoValue`). */
export function isSet(resource: Resource, context: RuleContext, name: string): boolean {
  return isPresent(read(resource, context, [name]));
}

/**
 * Where to point at a setting that is absent: the key of its deepest enclosing map that is written
 * (`EncryptionAtRestOptions` when only `Enabled` is missing), else the resource type.
 */
export function absentRange(resource: Resource, path: readonly string[]): Range {
  let map: MapValue = resource.properties;
  let deepest: Property | undefined;
  for (const step of path.slice(0, -1)) {
    const found = getProperty(map, step);
    if (!found || found.value.kind !== 'map') break;
    deepest = found;
    map = found.value;
  }
  return deepest ? deepest.keyRange : resource.typeRange;
}
