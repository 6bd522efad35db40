/**
 * Reading a resource property the way rules judge it: absent, `null` and `!Ref AWS::NoValue` all
 * mean "the default applies"; a value that cannot be known statically is neither true nor false.
 */
import type { Property, Resource } from '../../iac/model';
import type { RuleContext } from '../rule';
import { asBoolean, key, property } from '../values';

/**
 * Whether a property is set: written, and not `null` (Terraform, also through a variable default)
 * or `!Ref AWS::NoValue`. A value that cannot be known counts as set: it may be.
 */
export function isSet(resource: Resource, context: RuleContext, name: string): boolean {
  const written = property(resource, name);
  if (!written) return false;
  const value = context.resolve(written.value);
  return value !== undefined && !(value.kind === 'literal' && value.value === null);
}

/** A boolean property: missing (the default applies), unknown, or set to a value. */
export type BooleanSetting =
  { state: 'missing' } | { state: 'unknown' } | { state: 'set'; value: boolean; property: Property };

export function booleanSetting(
  resource: Resource,
  context: RuleContext,
  cloudFormation: string,
  terraform: string,
): BooleanSetting {
  const setting = property(resource, key(resource, cloudFormation, terraform));
  if (!setting) return { state: 'missing' };
  const resolved = context.resolve(setting.value);
  // `!Ref AWS::NoValue` and Terraform's `null` remove the property: the default applies.
  if (resolved === undefined || (resolved.kind === 'literal' && resolved.value === null)) return { state: 'missing' };
  const value = asBoolean(resolved);
  return value === undefined ? { state: 'unknown' } : { state: 'set', value, property: setting };
}
