/**
 * Reading one setting of a managed-service resource (ElastiCache, Redshift, OpenSearch, EKS,
 * ECS) by its path, keeping apart the three states a rule must never mix up:
 * - absent: nothing in the template, so the AWS (or provider) default applies;
 * - unknown: decided at deploy time (an intrinsic, a variable without default, a dynamic block,
 *   or an enclosing map that is itself an expression): never reported as insecure;
 * - set: a value written in the template, after following parameter defaults, variables and locals.
 */
import type { MapValue, Property, Range, Resource, Value } from '../../iac/model';
import { getProperty } from '../../iac/model';
import type { RuleContext, TextEdit } from '../rule';
import { asBoolean, asString, isCloudFormation, isUnknown } from '../values';

export type Setting =
  { state: 'absent' } | { state: 'unknown'; property?: Property } | { state: 'set'; property: Property; value: Value };

const ABSENT: Setting = { state: 'absent' };
const UNKNOWN: Setting = { state: 'unknown' };

/** The setting at `path` under the resource's properties (Terraform nested blocks are path steps). */
export function readSetting(resource: Resource, context: RuleContext, path: readonly string[]): Setting {
  let map: MapValue = resource.properties;
  for (let i = 0; i < path.length; i++) {
    const found = getProperty(map, path[i]);
    if (!found) return ABSENT;
    const value = context.resolve(found.value);
    // `!Ref AWS::NoValue` removes the property.
    if (value === undefined) return ABSENT;
    if (isUnknown(value)) return { state: 'unknown', property: found };
    if (i === path.length - 1) return { state: 'set', property: found, value };
    // An enclosing list or scalar where a map belongs is a shape we cannot read: say nothing.
    if (value.kind !== 'map') return UNKNOWN;
    map = value;
  }
  return ABSENT;
}

/** Picks the CloudFormation or the Terraform path for the resource. */
export function readSettingFor(
  resource: Resource,
  context: RuleContext,
  cloudFormation: readonly string[],
  terraform: readonly string[],
): Setting {
  return readSetting(resource, context, isCloudFormation(resource) ? cloudFormation : terraform);
}

/** A boolean setting: its value, or whether it is absent or unknown (a non-boolean literal counts as unknown). */
export function booleanOf(setting: Setting): boolean | 'absent' | 'unknown' {
  if (setting.state !== 'set') return setting.state;
  return asBoolean(setting.value) ?? 'unknown';
}

/** A string setting: its value, or whether it is absent or unknown. */
export function stringOf(setting: Setting): string | 'absent' | 'unknown' {
  if (setting.state !== 'set') return setting.state;
  return asString(setting.value) ?? 'unknown';
}

/** True when a setting exists in some form (written, or decided at deploy time). */
export function isPresent(setting: Setting): boolean {
  return setting.state !== 'absent';
}

/**
 * Replaces a value written in the file with new source text (`false`, the same token in YAML,
 * JSON and HCL), for values that `setProperty` cannot reach, such as items of a list.
 */
export function replaceValue(resource: Resource, value: Value, newText: string): TextEdit[] {
  return [{ file: resource.file, range: value.range, newText }];
}

/** Dotted version numbers (`7.1`, `3.2.6`, `6.x`) as numbers; undefined when there is no leading number. */
export function versionNumbers(text: string): number[] | undefined {
  const match = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(text.trim());
  if (!match) return undefined;
  return match
    .slice(1)
    .filter((part) => part !== undefined)
    .map(Number);
}

/** Compares two versions on the parts both have: `6` against `6.2` compares as equal. */
export function compareVersions(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
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
