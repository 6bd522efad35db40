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
import { setSecureValue } from './parameterised-fixes';
import { booleanOf, key, readFor, writtenRange, type Default } from './values';

export interface RequiredSetting {
  cloudFormation: string;
  terraform: string;
  /** The value the rule asks for. */
  wanted: boolean;
  /** What applies when the property is absent, and who decides it ("CloudFormation and API default"). */
  default: Default<boolean>;
}

/**
 * Which of the rule's `messages` each report prints. Every report carries the placeholders
 * `{resource}` (the resource's id or address) and `{property}` (the property's name in the
 * resource's language), plus `data`.
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
  const name = key(resource, setting.cloudFormation, setting.terraform);
  if (reading.state === 'unknown') return [];
  const data = { ...messages.data, resource: resource.id, property: name };
  if (reading.state === 'absent') {
    if (reading.default?.value === setting.wanted || !messages.absent) return [];
    return [{ messageId: messages.absent, data, range: resource.typeRange }];
  }
  if (reading.value === setting.wanted) return [];
  return [{ messageId: messages.insecure, data, range: writtenRange(reading, resource.typeRange) }];
}

/** The fix for either report: set the property to the wanted value (`title` gets the property name). */
export function fixRequiredSetting(
  resource: Resource,
  context: RuleContext,
  setting: RequiredSetting,
  title: (name: string) => string = (name) => `Set ${name} to ${String(setting.wanted)}`,
): Fix {
  const name = key(resource, setting.cloudFormation, setting.terraform);
  return { title: title(name), edits: setSecureValue(resource, context, name, setting.wanted) };
}
