/**
 * What EC2 instances, launch templates and launch configurations have in common for rules: where
 * their launch settings live (a CloudFormation launch template keeps them under
 * `LaunchTemplateData`), how to name them in a message, and how to edit a map that sits inside a
 * list (a block device mapping, a network interface).
 */
import type { TextEdit } from '../../fixes/types';
import type { MapValue, Property, Resource } from '../../iac/model';
import { emptyMap, getProperty } from '../../iac/model';
import { setProperty, type FixValue } from '../../fixes/edits';
import type { RuleContext } from '../rule';

export const CFN_INSTANCE = 'AWS::EC2::Instance';
export const CFN_LAUNCH_TEMPLATE = 'AWS::EC2::LaunchTemplate';
export const CFN_LAUNCH_CONFIGURATION = 'AWS::AutoScaling::LaunchConfiguration';
export const TF_INSTANCE = 'aws_instance';
export const TF_LAUNCH_TEMPLATE = 'aws_launch_template';
export const TF_LAUNCH_CONFIGURATION = 'aws_launch_configuration';

/** Every resource type that describes how EC2 instances are launched. */
export const LAUNCH_TYPES: readonly string[] = [
  CFN_INSTANCE,
  CFN_LAUNCH_TEMPLATE,
  CFN_LAUNCH_CONFIGURATION,
  TF_INSTANCE,
  TF_LAUNCH_TEMPLATE,
  TF_LAUNCH_CONFIGURATION,
];

export interface LaunchSettings {
  /** The map that holds the launch settings; undefined when it cannot be known statically. */
  map: MapValue | undefined;
  /** The path from the resource's properties to that map (`['LaunchTemplateData']` or `[]`). */
  path: string[];
}

/** Where the resource's launch settings are: its properties, or a launch template's `LaunchTemplateData`. */
export function launchSettings(resource: Resource, context: RuleContext): LaunchSettings {
  if (resource.type !== CFN_LAUNCH_TEMPLATE) return { map: resource.properties, path: [] };
  const data = getProperty(resource.properties, 'LaunchTemplateData');
  if (!data) return { map: emptyMap(resource.typeRange), path: ['LaunchTemplateData'] };
  const value = context.resolve(data.value);
  return { map: value?.kind === 'map' ? value : undefined, path: ['LaunchTemplateData'] };
}

/** One launch setting by name, wherever the resource keeps it. */
export function launchSetting(resource: Resource, context: RuleContext, name: string): Property | undefined {
  return getProperty(launchSettings(resource, context).map, name);
}

/** "EC2 instance 'Web'", "Launch template 'Nodes'": the subject that starts a message. */
export function describeLaunch(resource: Resource): string {
  switch (resource.type) {
    case CFN_LAUNCH_TEMPLATE:
    case TF_LAUNCH_TEMPLATE:
      return `Launch template '${resource.id}'`;
    case CFN_LAUNCH_CONFIGURATION:
    case TF_LAUNCH_CONFIGURATION:
      return `Launch configuration '${resource.id}'`;
    default:
      return `EC2 instance '${resource.id}'`;
  }
}

/** An EC2 instance itself, rather than a template for launching instances. */
export function isInstance(resource: Resource): boolean {
  return resource.type === CFN_INSTANCE || resource.type === TF_INSTANCE;
}

/** "the instance" or "its instances", for messages about what the resource launches. */
export function launchedInstances(resource: Resource): string {
  return isInstance(resource) ? 'the instance' : 'its instances';
}

/**
 * An instance launched from a launch template takes every setting it does not set itself from
 * that template, so a setting missing on the instance is not known to be missing.
 */
export function takesSettingsFromLaunchTemplate(resource: Resource): boolean {
  if (resource.type === CFN_INSTANCE) return getProperty(resource.properties, 'LaunchTemplate') !== undefined;
  if (resource.type === TF_INSTANCE) return getProperty(resource.properties, 'launch_template') !== undefined;
  return false;
}

/** True when every step of `path` that already exists under `map` is a map, so setProperty can write it. */
export function canSetPath(map: MapValue, path: string[]): boolean {
  let current: MapValue = map;
  for (let i = 0; i < path.length - 1; i++) {
    const step = getProperty(current, path[i]);
    if (!step) return true;
    if (step.value.kind !== 'map') return false;
    current = step.value;
  }
  return true;
}

/**
 * setProperty on a map nested anywhere in the resource (an item of `BlockDeviceMappings`, a
 * Terraform `ebs_block_device` block): the edit helpers start from `resource.properties`, so the
 * nested map stands in for it.
 */
export function setPropertyIn(
  resource: Resource,
  context: RuleContext,
  map: MapValue,
  path: string[],
  value: FixValue,
): TextEdit[] {
  return setProperty({ ...resource, properties: map }, context, path, value);
}
