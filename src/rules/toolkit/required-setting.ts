/**
 * The shape of the many rules that say "property P must be V; absent means default D": deletion
 * protection, log file validation, encryption switches. The rule declares the property's
 * CloudFormation and Terraform names, the value it wants, the default and where that default comes
 * from, and which of its messages to print; `checkRequiredSetting` and `fixRequiredSetting` do the rest:
 *
 * - known and equal to the wanted value: nothing;
 * - unknown (decided at deploy time): nothing, ever;
 * - absent, and the default is not the wanted value: one report at the resource type (`absent`);
 * - known and another value: one report at the value (`insecure`).
 *
 * The fix writes the wanted value on the resource, or in the parameter or variable default it
 * comes from when nothing else reads that default (`setSecureValue`).
 */
import type { Fix } from '../../fixes/types';
import type { Resource } from '../../iac/model';
import type { RuleContext, RuleReport } from '../rule';
import { setProperty } from '../../fixes/edits';
import { editedDefault, setSecureValue } from './parameterised-fixes';
import { absentRange, booleanOf, isCloudFormation, readFor, writtenRange, type Default } from './values';

export interface RequiredSetting {
  /** The property's name, or its path in nested settings (`['EncryptionAtRestOptions', 'Enabled']`). */
  cloudFormation: string | readonly string[];
  terraform: string | readonly string[];
  /** The value the rule asks for. */
  wanted: boolean;
  /** What applies when the property is absent, and who decides it ("CloudFormation and API default"). */
  default: Default<boolean>;
}

/**
 * Which of the rule's `messages` each report prints. Every report carries the placeholders
 * `{resource}` (the resource's id or address) and `{property}` (the property's name in the
 * resource's language; a nested setting's path joined with dots), plus `data`.
 */
export interface RequiredSettingMessages {
  /** The property is absent and its default is not the wanted value (omit when the default is the wanted value). */
  absent?: string;
  /** The property is written with another value. */
  insecure: string;
  /** Placeholder values the messages use besides `{resource}` and `{property}`. */
  data?: Readonly<Record<string, string | number>>;
}

export function checkRequiredSetting(
  resource: Resource,
  context: RuleContext,
  setting: RequiredSetting,
  messages: RequiredSettingMessages,
): RuleReport[] {
  const reading = booleanOf(readFor(resource, context, setting.cloudFormation, setting.terraform), setting.default);
  if (reading.state === 'unknown') return [];
  const path = pathOf(resource, setting);
  const data = { ...messages.data, resource: resource.id, property: path.join('.') };
  if (reading.state === 'absent') {
    if (reading.default?.value === setting.wanted || !messages.absent) return [];
    // The resource type, or the key of the nested block that is written without the setting.
    return [{ messageId: messages.absent, data, range: absentRange(resource, path) }];
  }
  if (reading.value === setting.wanted) return [];
  return [{ messageId: messages.insecure, data, range: writtenRange(reading, resource.typeRange) }];
}

/**
 * The fix for either report: set the property to the wanted value (`title` gets the property name).
 * A nested setting is written on the resource; a top-level one where `setSecureValue` says.
 */
export function fixRequiredSetting(
  resource: Resource,
  context: RuleContext,
  setting: RequiredSetting,
  title: (name: string) => string = (name) => `Set ${name} to ${String(setting.wanted)}`,
): Fix {
  const path = pathOf(resource, setting);
  const edits =
    path.length === 1
      ? setSecureValue(resource, context, path[0], setting.wanted)
      : setProperty(resource, context, [...path], setting.wanted);
  // When the value is a parameter's or a variable's default that nothing else reads, that default is what changes.
  const changed = path.length === 1 ? editedDefault(resource, context, path[0]) : undefined;
  return { title: changed ? `Set ${changed} to ${String(setting.wanted)}` : title(path.join('.')), edits };
}

/** The setting's path in the resource's language. */
export function pathOf(resource: Resource, setting: RequiredSetting): readonly string[] {
  const path = isCloudFormation(resource) ? setting.cloudFormation : setting.terraform;
  return typeof path === 'string' ? [path] : path;
}
