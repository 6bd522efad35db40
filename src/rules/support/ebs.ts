/**
 * EBS encryption facts shared by the rules on volumes and block devices.
 */
import type { RuleContext } from '../rule';
import { booleanOf } from '../toolkit/values';
import { getProperty } from '../../iac/model';
import { resourcesOfType } from '../toolkit/resources';

/**
 * True when the Terraform module turns on EBS encryption by default (`aws_ebs_encryption_by_default`
 * with `enabled` true or left at its default, true): then a volume that does not ask for
 * encryption is encrypted anyway, in that account and Region.
 */
export function moduleEncryptsEbsByDefault(context: RuleContext): boolean {
  if (context.unit.kind !== 'terraform') return false;
  return resourcesOfType(context, 'aws_ebs_encryption_by_default').some((r) => {
    const enabled = getProperty(r.properties, 'enabled');
    return !enabled || booleanOf(context.resolve(enabled.value)).value === true;
  });
}

/** What happens to a new, empty volume that does not ask for encryption, in words true for every account. */
export const UNSET_VOLUME_OUTCOME =
  'it is encrypted only if EBS encryption by default is turned on for the account and Region';

/** The same for a block device, which may also inherit encryption from the AMI's snapshot for that device. */
export const UNSET_DEVICE_OUTCOME =
  'it is encrypted only if EBS encryption by default is turned on for the account and Region, or if the AMI maps that device to an encrypted snapshot';
