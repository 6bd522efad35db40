import { settledByAccount } from './toolkit/account';
import type { MapValue, Range, Resource } from '../iac/model';
import { getProperties, getProperty } from '../iac/model';
import type { Rule, RuleContext, RuleReport } from './rule';
import { setProperty } from '../fixes/edits';
import { booleanOf, asMap, stringOf, isCloudFormation, items, key } from './toolkit/values';
import {
  CFN_INSTANCE,
  CFN_LAUNCH_CONFIGURATION,
  LAUNCH_TYPES,
  TF_INSTANCE,
  TF_LAUNCH_CONFIGURATION,
  TF_LAUNCH_TEMPLATE,
  describeLaunch,
  launchSettings,
  setPropertyIn,
  takesSettingsFromLaunchTemplate,
} from './support/ec2-launch';
import { moduleEncryptsEbsByDefault } from './support/ebs';

/** One EBS volume the resource defines: its `Ebs` map (or Terraform block) and how to name it. */
interface EbsDevice {
  /** "block device '/dev/sdf'", "the root block device". */
  label: string;
  ebs: MapValue;
  /** Where to point when `Encrypted` is missing: the `Ebs` key or the Terraform block's name. */
  keyRange: Range;
}

export const rule: Rule = {
  id: 'ec2-block-device-encryption',
  title: 'EBS block device is not encrypted',
  concern: 'data-at-rest',
  severity: 'warning',
  appliesTo: LAUNCH_TYPES,
  rationale:
    'AWS stores EBS volumes on its hardware, but encrypting them is your choice: a volume that does not ask for encryption is encrypted only when its snapshot is or when you have turned on EBS encryption by default for the account and Region, and an unencrypted volume cannot be encrypted in place later. An instance or launch configuration that does not define its root device (no `root_block_device`, or no `BlockDeviceMappings` entry for a root device name such as `/dev/xvda` or `/dev/sda1`) gets the root volume the AMI describes, created from its snapshot, which public AMIs cannot share encrypted: it is unencrypted unless the image or the account says otherwise, exactly like an empty `root_block_device {}`.',
  remediation:
    'Set `Encrypted: true` under each `BlockDeviceMappings[].Ebs` (CloudFormation; under `LaunchTemplateData` for a launch template), or `encrypted = true` in `root_block_device` / `ebs_block_device` (Terraform `aws_instance`, `aws_launch_configuration`) and in `block_device_mappings { ebs { … } }` (`aws_launch_template`). Turning on EBS encryption by default in every Region you use (`aws_ebs_encryption_by_default`) covers volumes that templates forget.',
  messages: {
    accountEncrypts: {
      headline: '{subject} leaves EBS encryption to the account default, which is on.',
      detail:
        'The account encrypts new volumes by default in {region} (checked on {date}). EBS encryption by default is an account setting in each Region: keep it on, or set Encrypted to true so the template does not depend on it.',
    },
    encryptionOff: {
      headline: '{subject} sets {property} to false for {device}.',
      detail:
        'That EBS volume is unencrypted unless EBS encryption by default is turned on for the account and Region. Encrypting data at rest is your choice on EBS: set {property} to true.',
    },
    encryptionNotSet: {
      headline: '{subject} does not set {property} for {device}.',
      detail:
        'That volume is encrypted only if EBS encryption by default is turned on for the account and Region, or if the AMI maps that device to an encrypted snapshot. Encrypting data at rest is your choice on EBS: set {property} to true.',
    },
    rootNotDefined: {
      headline: '{subject} leaves root volume encryption to the AMI.',
      detail:
        "It does not define its root block device ({where}), so the root volume is created from the AMI's snapshot: it is unencrypted unless that snapshot is encrypted or EBS encryption by default is turned on for the account and Region. Encrypting data at rest is your choice on EBS: {remedy}, or turn on EBS encryption by default for the account.",
    },
  },

  check(resource, context) {
    const reports = templateReports(resource, context);
    return settledByAccount(reports, context, 'ebs-default-encryption', 'accountEncrypts');
  },

  fix(report, resource, context) {
    if (report.messageId === 'rootNotDefined') {
      return {
        title: 'Add root_block_device with encrypted = true',
        edits: setProperty(resource, context, ['root_block_device', 'encrypted'], true),
      };
    }
    const device = ebsDevices(resource, context).at(report.data?.index as number);
    if (!device) return undefined;
    const name = key(resource, 'Encrypted', 'encrypted');
    return { title: `Set ${name} to true`, edits: setPropertyIn(resource, context, device.ebs, [name], true) };
  },
};

/** The EBS volumes the resource defines, in source order; devices written with intrinsics or `dynamic` blocks are unknown and left out. */
function ebsDevices(resource: Resource, context: RuleContext): EbsDevice[] {
  if (isCloudFormation(resource)) return cloudFormationDevices(resource, context);
  if (resource.type === TF_LAUNCH_TEMPLATE) return launchTemplateBlocks(resource, context);
  return [
    ...terraformBlocks(resource, context, 'root_block_device'),
    ...terraformBlocks(resource, context, 'ebs_block_device'),
  ];
}

function cloudFormationDevices(resource: Resource, context: RuleContext): EbsDevice[] {
  const mappings = context.resolve(getProperty(launchSettings(resource, context).map, 'BlockDeviceMappings')?.value);
  if (mappings?.kind !== 'list') return [];
  const devices: EbsDevice[] = [];
  for (const item of mappings.items) {
    const mapping = asMap(context.resolve(item));
    const ebsProperty = getProperty(mapping, 'Ebs');
    const ebs = asMap(context.resolve(ebsProperty?.value));
    // NoDevice suppresses the AMI's device: nothing is created.
    if (!mapping || !ebsProperty || !ebs || getProperty(mapping, 'NoDevice')) continue;
    devices.push({
      label: deviceLabel(stringOf(context.resolve(getProperty(mapping, 'DeviceName')?.value)).value),
      ebs,
      keyRange: ebsProperty.keyRange,
    });
  }
  return devices;
}

/** `root_block_device { … }` / `ebs_block_device { … }`, also written as attributes (`= { … }`, `= [ … ]`). */
function terraformBlocks(resource: Resource, context: RuleContext, name: string): EbsDevice[] {
  const devices: EbsDevice[] = [];
  for (const property of getProperties(resource.properties, name)) {
    for (const item of items(context.resolve(property.value))) {
      const block = asMap(context.resolve(item));
      if (!block) continue;
      const label =
        name === 'root_block_device'
          ? 'the root block device'
          : deviceLabel(stringOf(context.resolve(getProperty(block, 'device_name')?.value)).value);
      devices.push({ label, ebs: block, keyRange: property.keyRange });
    }
  }
  return devices;
}

/** `aws_launch_template`: `block_device_mappings { device_name = …, ebs { … } }`. */
function launchTemplateBlocks(resource: Resource, context: RuleContext): EbsDevice[] {
  const devices: EbsDevice[] = [];
  for (const property of getProperties(resource.properties, 'block_device_mappings')) {
    for (const item of items(context.resolve(property.value))) {
      const mapping = asMap(context.resolve(item));
      if (!mapping || getProperty(mapping, 'no_device')) continue;
      for (const ebsProperty of getProperties(mapping, 'ebs')) {
        const ebs = asMap(context.resolve(ebsProperty.value));
        if (ebs)
          devices.push({
            label: deviceLabel(stringOf(context.resolve(getProperty(mapping, 'device_name')?.value)).value),
            ebs,
            keyRange: ebsProperty.keyRange,
          });
      }
    }
  }
  return devices;
}

function deviceLabel(name: string | undefined): string {
  return name ? `block device '${name}'` : 'a block device';
}

/** Device names EC2 uses for root volumes (`/dev/xvda` on Amazon Linux, `/dev/sda1` on most others). */
const ROOT_DEVICE_NAMES = new Set(['/dev/xvda', '/dev/sda1', '/dev/sda']);

interface MissingRoot {
  range: Range;
  fixable: boolean;
  data: { where: string; remedy: string };
}

/**
 * An instance or launch configuration that leaves its root volume to the AMI: Terraform without a
 * `root_block_device` (or with an empty list of them), CloudFormation without a mapping for a root
 * device name while every mapping names a device that is not one. Launch templates are partial
 * (an instance or fleet may add mappings) and instances launched from one take its mappings: not
 * reported. Anything unknown (an intrinsic, a `dynamic` block, an unknown device name) is silent.
 */
function rootNotDefined(resource: Resource, context: RuleContext): MissingRoot | undefined {
  if (takesSettingsFromLaunchTemplate(resource)) return undefined;
  if (resource.type === TF_INSTANCE || resource.type === TF_LAUNCH_CONFIGURATION) {
    const remedy = 'add root_block_device { encrypted = true }';
    const written = getProperties(resource.properties, 'root_block_device');
    if (written.length === 0)
      return { range: resource.typeRange, fixable: true, data: { where: 'no root_block_device', remedy } };
    if (written.length !== 1) return undefined;
    const value = context.resolve(written[0].value);
    if (value?.kind === 'list' && value.items.length === 0)
      return {
        range: written[0].keyRange,
        fixable: false,
        data: { where: 'root_block_device is an empty list', remedy: 'define root_block_device with encrypted = true' },
      };
    return undefined;
  }
  if (resource.type !== CFN_INSTANCE && resource.type !== CFN_LAUNCH_CONFIGURATION) return undefined;
  const remedy = "map the AMI's root device name in BlockDeviceMappings with Ebs: { Encrypted: true }";
  const property = getProperty(resource.properties, 'BlockDeviceMappings');
  if (!property)
    return { range: resource.typeRange, fixable: false, data: { where: 'no BlockDeviceMappings', remedy } };
  const mappings = context.resolve(property.value);
  if (mappings?.kind !== 'list') return undefined; // an intrinsic, or null: unknown
  for (const item of mappings.items) {
    const mapping = asMap(context.resolve(item));
    if (!mapping) return undefined;
    const name = stringOf(context.resolve(getProperty(mapping, 'DeviceName')?.value)).value;
    if (name === undefined || ROOT_DEVICE_NAMES.has(name)) return undefined;
  }
  return {
    range: property.keyRange,
    fixable: false,
    data: { where: 'no mapping for /dev/xvda or /dev/sda1 in BlockDeviceMappings', remedy },
  };
}

/** What the template alone says, before the account's own settings are taken into account. */
function templateReports(resource: Resource, context: RuleContext): RuleReport[] {
  const encryptedKey = key(resource, 'Encrypted', 'encrypted');
  const snapshotKey = key(resource, 'SnapshotId', 'snapshot_id');
  const subject = describeLaunch(resource);
  const defaultOn = moduleEncryptsEbsByDefault(context);
  const reports: RuleReport[] = [];
  if (!defaultOn) {
    const root = rootNotDefined(resource, context);
    if (root)
      reports.push({
        messageId: 'rootNotDefined',
        range: root.range,
        fixable: root.fixable,
        data: { subject, ...root.data },
      });
  }
  const devices = ebsDevices(resource, context).flatMap((device, index): RuleReport[] => {
    // A volume restored from a snapshot takes the snapshot's encryption unless it asks for it.
    const setting = getProperty(device.ebs, encryptedKey);
    const encrypted = booleanOf(context.resolve(setting?.value)).value;
    if (getProperty(device.ebs, snapshotKey) && encrypted !== true) return [];
    if (setting) {
      if (encrypted !== false) return [];
      return [
        {
          messageId: 'encryptionOff',
          range: setting.value.range,
          // A value that comes from a parameter, variable or local is changed where it is defined.
          fixable: setting.value.kind === 'literal',
          data: { index, subject, property: encryptedKey, device: device.label },
        },
      ];
    }
    if (defaultOn) return [];
    return [
      {
        messageId: 'encryptionNotSet',
        range: device.keyRange,
        data: { index, subject, property: encryptedKey, device: device.label },
      },
    ];
  });
  return [...reports, ...devices];
}
