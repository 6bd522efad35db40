/**
 * Elastic Beanstalk option settings, read from an environment and from the configuration template
 * it is created from: CloudFormation `OptionSettings: [{ Namespace, OptionName, Value }]` and
 * Terraform `setting { namespace, name, value }` blocks. `complete` is false when some setting
 * cannot be known (an intrinsic in the list, a dynamic block, a template defined elsewhere): rules
 * that judge an absent setting must then say nothing.
 */
import type { MapValue, Resource, Value } from '../../iac/model';
import { getProperties, getProperty } from '../../iac/model';
import type { RuleContext } from '../rule';
import { absent, stringOf, isCloudFormation, property, unknown, type Reading } from '../toolkit/values';

export interface OptionSetting {
  namespace: string;
  name: string;
  /** The value as written; undefined when the entry has none. */
  value?: Value;
  /** The value after following parameters, variables and locals. */
  resolved?: Value;
  /** The environment or configuration template the setting is written in. */
  owner: Resource;
}

export interface OptionSettings {
  settings: OptionSetting[];
  complete: boolean;
}

export function readOptionSettings(environment: Resource, context: RuleContext): OptionSettings {
  const own = settingsOf(environment, context);
  const template = templateOf(environment, context);
  if (template === 'unknown') return { settings: own.settings, complete: false };
  if (!template) return own;
  const inherited = settingsOf(template, context);
  // A template created from another configuration inherits settings this module cannot see.
  const derived =
    property(template, isCloudFormation(template) ? 'SourceConfiguration' : 'source_configuration') !== undefined;
  // The environment's own settings come first: they override the template's.
  return {
    settings: [...own.settings, ...inherited.settings],
    complete: own.complete && inherited.complete && !derived,
  };
}

/** The first (highest-precedence) setting with this namespace and name. */
export function findSetting(settings: OptionSettings, namespace: string, name: string): OptionSetting | undefined {
  return settings.settings.find(
    (s) => s.namespace.toLowerCase() === namespace.toLowerCase() && s.name.toLowerCase() === name.toLowerCase(),
  );
}

/**
 * The setting's value as a string (booleans and numbers included): absent when the setting is not
 * written, unknown when it is written but its value cannot be known (or it has none).
 */
export function settingText(setting: OptionSetting | undefined): Reading<string> {
  if (!setting) return absent();
  const text = stringOf(setting.resolved);
  return text.state === 'absent' ? unknown() : text;
}

/** True when the setting is written but its value cannot be known. */
export function isUnknownSetting(setting: OptionSetting | undefined): boolean {
  return settingText(setting).state === 'unknown';
}

// ---------------------------------------------------------------------------------------------

function settingsOf(resource: Resource, context: RuleContext): OptionSettings {
  return isCloudFormation(resource) ? cloudFormationSettings(resource, context) : terraformSettings(resource, context);
}

function cloudFormationSettings(resource: Resource, context: RuleContext): OptionSettings {
  const list = property(resource, 'OptionSettings');
  if (!list) return { settings: [], complete: true };
  const resolved = context.resolve(list.value);
  if (resolved === undefined) return { settings: [], complete: true };
  if (resolved.kind !== 'list') return { settings: [], complete: false };
  const settings: OptionSetting[] = [];
  let complete = true;
  for (const item of resolved.items) {
    const entry = context.resolve(item);
    if (entry === undefined) continue; // !Ref AWS::NoValue
    if (entry.kind !== 'map') {
      complete = false;
      continue;
    }
    const setting = entryOf(entry, 'Namespace', 'OptionName', 'Value', resource, context);
    if (setting) settings.push(setting);
    else complete = false;
  }
  return { settings, complete };
}

function terraformSettings(resource: Resource, context: RuleContext): OptionSettings {
  const settings: OptionSetting[] = [];
  let complete = true;
  for (const block of getProperties(resource.properties, 'setting')) {
    // A `dynamic "setting"` block generates settings that cannot be known.
    const setting =
      block.value.kind === 'map' ? entryOf(block.value, 'namespace', 'name', 'value', resource, context) : undefined;
    if (setting) settings.push(setting);
    else complete = false;
  }
  return { settings, complete };
}

function entryOf(
  entry: MapValue,
  namespaceKey: string,
  nameKey: string,
  valueKey: string,
  owner: Resource,
  context: RuleContext,
): OptionSetting | undefined {
  const namespace = stringOf(context.resolve(getProperty(entry, namespaceKey)?.value)).value;
  const name = stringOf(context.resolve(getProperty(entry, nameKey)?.value)).value;
  if (namespace === undefined || name === undefined) return undefined;
  const value = getProperty(entry, valueKey)?.value;
  return { namespace, name, value, resolved: context.resolve(value), owner };
}

/**
 * The configuration template the environment starts from: undefined when there is none, 'unknown'
 * when it is named but not defined in this template or module.
 */
function templateOf(environment: Resource, context: RuleContext): Resource | undefined | 'unknown' {
  const setting = property(environment, isCloudFormation(environment) ? 'TemplateName' : 'template_name');
  if (!setting) return undefined;
  const value = setting.value;
  if (value.kind !== 'reference') return 'unknown';
  const template = context.resourceById(value.target);
  const types = ['AWS::ElasticBeanstalk::ConfigurationTemplate', 'aws_elastic_beanstalk_configuration_template'];
  return template && types.includes(template.type) ? template : 'unknown';
}
