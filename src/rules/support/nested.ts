/**
 * Helpers for settings that live inside list items or repeated Terraform blocks: DynamoDB global
 * table replicas, CloudFront cache behaviors, load balancer listeners. `setProperty` walks keys
 * from the resource's properties; these helpers let a rule point it at one nested map instead.
 */
import type { TextEdit } from '../../fixes/types';
import type { MapValue, Property, Resource, Value } from '../../iac/model';
import { getProperties, getProperty } from '../../iac/model';
import { setProperty, type FixValue } from '../../fixes/edits';
import type { RuleContext } from '../rule';
import { stringOf } from '../toolkit/values';

/** `setProperty` for a path under `map`, a map somewhere inside the resource (a list item, a repeated block). */
export function setNestedProperty(
  resource: Resource,
  context: RuleContext,
  map: MapValue,
  path: string[],
  value: FixValue,
): TextEdit[] {
  return setProperty({ ...resource, properties: map }, context, path, value);
}

/**
 * The maps of a list-valued property (CloudFormation `Replicas: [...]`) or of a repeated
 * Terraform block (`ordered_cache_behavior { … }` written several times). `undefined` when the
 * list itself, or one of its items, cannot be known statically: the caller then says nothing.
 */
export function mapsOf(container: MapValue, key: string, context: RuleContext): MapValue[] | undefined {
  const maps: MapValue[] = [];
  for (const property of getProperties(container, key)) {
    const value = context.resolve(property.value);
    if (!value) continue;
    const items = value.kind === 'list' ? value.items : [value];
    for (const item of items) {
      const resolved = context.resolve(item);
      if (!resolved) continue;
      if (resolved.kind !== 'map') return undefined;
      maps.push(resolved);
    }
  }
  return maps;
}

/** The resolved string of `map[key]`; undefined when absent or unknown. */
export function stringAt(map: MapValue | undefined, key: string, context: RuleContext): string | undefined {
  return stringOf(context.resolve(getProperty(map, key)?.value)).value;
}

/** True when a property is present but its value cannot be known statically. */
export function isUnknownValue(property: Property | undefined, context: RuleContext): boolean {
  if (!property) return false;
  const value = context.resolve(property.value);
  return value !== undefined && (value.kind === 'reference' || value.kind === 'unresolvable');
}

/** The resource a `!Ref X`, `!GetAtt X.Arn` or `aws_lb.x.arn` points at, if it is in the same unit. */
export function referencedResource(value: Value | undefined, context: RuleContext): Resource | undefined {
  if (value?.kind !== 'reference') return undefined;
  return context.resourceById(value.target);
}
