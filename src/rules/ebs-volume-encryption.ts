import { settledByAccount } from './toolkit/account';
import { setProperty } from '../fixes/edits';
import type { Resource } from '../iac/model';
import type { Rule, RuleContext, RuleReport } from './rule';
import { booleanOf, key, property } from './toolkit/values';
import { moduleEncryptsEbsByDefault } from './support/ebs';

export const rule: Rule = {
  id: 'ebs-volume-encryption',
  title: 'EBS volume is not encrypted',
  concern: 'data-at-rest',
  severity: 'warning',
  appliesTo: ['AWS::EC2::Volume', 'aws_ebs_volume'],
  rationale:
    'AWS stores EBS volumes on its hardware, but encrypting them is your choice: a volume that does not ask for encryption is encrypted only when its snapshot is or when you have turned on EBS encryption by default for the account and Region, and an unencrypted volume cannot be encrypted in place later.',
  remediation:
    'Set `Encrypted: true` (CloudFormation `AWS::EC2::Volume`) or `encrypted = true` (Terraform `aws_ebs_volume`), optionally with a customer managed KMS key (`KmsKeyId` / `kms_key_id`). Turning on EBS encryption by default in every Region you use (`aws_ebs_encryption_by_default`) covers volumes that templates forget.',
  messages: {
    accountEncrypts: {
      headline: "EBS volume '{resource}' leaves encryption to the account default, which is on.",
      detail:
        'The account encrypts new volumes by default in {region} (checked on {date}). EBS encryption by default is an account setting in each Region: keep it on, or set {property} to true so the template does not depend on it.',
    },
    encryptionOff: {
      headline: "EBS volume '{resource}' sets {property} to false.",
      detail:
        'It is unencrypted unless EBS encryption by default is turned on for the account and Region. Encrypting data at rest is your choice on EBS: set {property} to true.',
    },
    encryptionNotSet: {
      headline: "EBS volume '{resource}' does not set {property}.",
      detail:
        'It is encrypted only if EBS encryption by default is turned on for the account and Region. Encrypting data at rest is your choice on EBS: set {property} to true.',
    },
  },

  check(resource, context) {
    const reports = templateReports(resource, context);
    return settledByAccount(reports, context, 'ebs-default-encryption', 'accountEncrypts');
  },

  fix(_report, resource, context) {
    const name = key(resource, 'Encrypted', 'encrypted');
    return { title: `Set ${name} to true`, edits: setProperty(resource, context, [name], true) };
  },
};

/** What the template alone says, before the account's own settings are taken into account. */
function templateReports(resource: Resource, context: RuleContext): RuleReport[] {
  const name = key(resource, 'Encrypted', 'encrypted');
  const setting = property(resource, name);
  const encrypted = booleanOf(context.resolve(setting?.value)).value;
  // A volume restored from a snapshot keeps the snapshot's encryption unless it asks for it.
  if (property(resource, key(resource, 'SnapshotId', 'snapshot_id')) && encrypted !== true) return [];
  if (setting) {
    if (encrypted !== false) return [];
    return [
      {
        messageId: 'encryptionOff',
        data: { resource: resource.id, property: name },
        range: setting.value.range,
        // A value that comes from a parameter, variable or local is changed where it is defined.
        fixable: setting.value.kind === 'literal',
      },
    ];
  }
  if (moduleEncryptsEbsByDefault(context)) return [];
  return [
    {
      messageId: 'encryptionNotSet',
      data: { resource: resource.id, property: name },
      range: resource.typeRange,
    },
  ];
}
