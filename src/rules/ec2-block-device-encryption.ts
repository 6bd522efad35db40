import type { MapValue, Range, Resource } from '../iac/model';
import { getProperties, getProperty } from '../iac/model';
import type { Rule, RuleContext } from './rule';
import { booleanOf, asMap, stringOf, isCloudFormation, items, key } from './toolkit/values';
import { LAUNCH_TYPES, TF_LAUNCH_TEMPLATE, describeLaunch, launchSettings, setPropertyIn } from './support/ec2-launch';
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
    'AWS stores EBS volumes on its hardware, but encrypting them is your choice: a volume that does not ask for encryption is encrypted only when its snapshot is or when you have turned on EBS encryption by default for the account and Region, and an unencrypted volume cannot be encrypted in place later.',
  remediation:
    'Set `Encrypted: true` under each `BlockDeviceMappings[].Ebs` (CloudFormation; under `LaunchTemplateData` for a launch template), or `encrypted = true` in `root_block_device` / `ebs_block_device` (Terraform `aws_instance`, `aws_launch_configuration`) and in `block_device_mappings { ebs { … } }` (`aws_launch_template`). Turning on EBS encryption by default in every Region you use (`aws_ebs_encryption_by_default`) covers volumes that templates forget.',
  messages: {
    encryptionOff: {
      headline:
        '{subject} sets {property} to false for {device}, so that EBS volume is unencrypted unless EBS encryption by default is turned on for the account and Region.',
      detail: 'Encrypting data at rest is your choice on EBS: set {property} to true.',
    },
    encryptionNotSet: {
      headline:
        '{subject} does not set {property} for {device}: it is encrypted only if EBS encryption by default is turned on for the account and Region, or if the AMI maps that device to an encrypted snapshot.',
      detail: 'Encrypting data at rest is your choice on EBS: set {property} to true.',
    },
  },

  check(resource, context) {
    const encryptedKey = key(resource, 'Encrypted', 'encrypted');
    const snapshotKey = key(resource, 'SnapshotId', 'snapshot_id');
    const subject = describeLaunch(resource);
    const defaultOn = moduleEncryptsEbsByDefault(context);
    return ebsDevices(resource, context).flatMap((device, index) => {
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
  },

  fix(report, resource, context) {
    const device = ebsDevices(resource, context)[report.data?.index as number];
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
