/**
 * Reading values the way rules need them: literal or not, with CloudFormation's and Terraform's
 * loose typing (`"true"`, `"false"`, `"20"`) accepted. Anything that is not a literal is unknown,
 * and unknown is never insecure.
 */
import type { MapValue, Property, Resource, Value } from '../iac/model';
import { getPath } from '../iac/model';

export function asBoolean(value: Value | undefined): boolean | undefined {
  if (value?.kind !== 'literal') return undefined;
  if (typeof value.value === 'boolean') return value.value;
  if (typeof value.value === 'string') {
    const lower = value.value.toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
  }
  return undefined;
}

export function asString(value: Value | undefined): string | undefined {
  if (value?.kind !== 'literal' || value.value === null) return undefined;
  return String(value.value);
}

export function asNumber(value: Value | undefined): number | undefined {
  if (value?.kind !== 'literal' || value.value === null || typeof value.value === 'boolean') return undefined;
  const n = typeof value.value === 'number' ? value.value : Number(value.value);
  return value.value === '' || Number.isNaN(n) ? undefined : n;
}

/** A reference or an expression: its value is decided at deploy time. */
export function isUnknown(value: Value | undefined): boolean {
  return value?.kind === 'reference' || value?.kind === 'unresolvable';
}

export function isCloudFormation(resource: Resource): boolean {
  return resource.syntax !== 'terraform';
}

/** Picks the property name for the resource's language. */
export function key(resource: Resource, cloudFormation: string, terraform: string): string {
  return isCloudFormation(resource) ? cloudFormation : terraform;
}

/** A property by path under the resource's properties. */
export function property(resource: Resource, ...path: string[]): Property | undefined {
  return getPath(resource.properties, ...path);
}

/** The items of a list value, or the value itself when it is a single map (Terraform blocks repeat as properties). */
export function items(value: Value | undefined): Value[] {
  if (!value) return [];
  return value.kind === 'list' ? value.items : [value];
}

export function asMap(value: Value | undefined): MapValue | undefined {
  return value?.kind === 'map' ? value : undefined;
}
