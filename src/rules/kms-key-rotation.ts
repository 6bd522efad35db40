import type { Resource } from '../iac/model';
import { setProperty } from '../fixes/edits';
import type { Rule, RuleContext } from './rule';
import { checkRequiredSetting, pathOf, type RequiredSetting } from './toolkit/required-setting';
import { stringOf, isCloudFormation, isUnknown, property } from './toolkit/values';

const SETTING: RequiredSetting = {
  cloudFormation: 'EnableKeyRotation',
  terraform: 'enable_key_rotation',
  wanted: true,
  default: { value: false, source: 'KMS API, CloudFormation and Terraform default' },
};

/**
 * Automatic rotation exists only for symmetric encryption keys whose material KMS generated in
 * its own key store. Returns false for other keys, and undefined when that cannot be known.
 */
function canRotate(resource: Resource, context: RuleContext): boolean | undefined {
  const cfn = isCloudFormation(resource);
  const checks: [string, string][] = cfn
    ? [
        ['KeySpec', 'SYMMETRIC_DEFAULT'],
        ['KeyUsage', 'ENCRYPT_DECRYPT'],
        ['Origin', 'AWS_KMS'],
      ]
    : [
        ['customer_master_key_spec', 'SYMMETRIC_DEFAULT'],
        ['key_usage', 'ENCRYPT_DECRYPT'],
      ];
  for (const [name, rotatable] of checks) {
    const value = context.resolve(property(resource, name)?.value);
    if (value === undefined) continue;
    if (isUnknown(value)) return undefined;
    if (stringOf(value).value !== rotatable) return false;
  }
  // Keys in a custom key store (CloudHSM or external) cannot rotate automatically.
  if (!cfn && (property(resource, 'custom_key_store_id') || property(resource, 'xks_key_id'))) return false;
  return true;
}

export const rule: Rule = {
  id: 'kms-key-rotation',
  title: 'KMS key does not rotate',
  concern: 'data-at-rest',
  severity: 'warning',
  appliesTo: ['AWS::KMS::Key', 'aws_kms_key'],
  rationale:
    'AWS protects KMS key material in its HSMs and rotates AWS managed keys every year, but rotating a customer managed key is your choice and is off by default. Rotation keeps earlier material to decrypt existing data, so turning it on breaks nothing; it only applies to symmetric encryption keys created in KMS.',
  remediation:
    'Set `EnableKeyRotation: true` (CloudFormation `AWS::KMS::Key`) or `enable_key_rotation = true` (Terraform `aws_kms_key`); optionally choose `RotationPeriodInDays` / `rotation_period_in_days` (90–2560, default 365).',
  messages: {
    rotationOff: {
      headline: "KMS key '{resource}' turns automatic rotation off.",
      detail:
        'Rotating a customer managed key is your responsibility, and rotation keeps older material for existing data: set {property} to true.',
    },
    notSet: {
      headline: "KMS key '{resource}' does not rotate.",
      detail:
        '{property} is not set and defaults to false. AWS rotates only the keys it manages; rotating a customer managed key is yours to turn on, and it keeps older material for existing data.',
    },
  },

  check(resource, context) {
    if (canRotate(resource, context) !== true) return [];
    // Terraform's `null` leaves the default (false) in place, like an absent argument: reported as not set.
    return checkRequiredSetting(resource, context, SETTING, { absent: 'notSet', insecure: 'rotationOff' });
  },

  fix(_report, resource, context) {
    const name = pathOf(resource, SETTING).join('.');
    // The value is written on the key (not in a parameter or variable default it may come from).
    return { title: `Set ${name} to true`, edits: setProperty(resource, context, [name], true) };
  },
};
