import { setProperty } from '../fixes/edits';
import type { Rule } from './rule';
import { checkRequiredSetting, pathOf, type RequiredSetting } from './toolkit/required-setting';

const SETTING: RequiredSetting = {
  cloudFormation: 'Encrypted',
  terraform: 'encrypted',
  wanted: true,
  // Absent means encrypted: the API default since January 2025 (and the Terraform provider's since v6).
  default: { value: true, source: 'Redshift API default since January 2025, Terraform AWS provider default since v6' },
};

export const rule: Rule = {
  id: 'redshift-encryption',
  title: 'Redshift cluster opts out of encryption at rest',
  concern: 'data-at-rest',
  severity: 'warning',
  appliesTo: ['AWS::Redshift::Cluster', 'aws_redshift_cluster'],
  rationale:
    'Redshift runs the cluster nodes, but the encryption of your warehouse data and snapshots is a setting you control. Since January 2025 new provisioned clusters are encrypted by default (with an AWS owned key unless you name a KMS key), so only a template that asks for no encryption leaves data unprotected.',
  remediation:
    'Remove `Encrypted: false` or set `Encrypted: true` (CloudFormation) / `encrypted = true` (Terraform), optionally with a customer managed KMS key in `KmsKeyId` / `kms_key_id`.',
  messages: {
    encryptionOff: {
      headline: "Redshift cluster '{resource}' sets {property} to false.",
      detail:
        'Redshift encrypts new provisioned clusters by default, but encrypting your warehouse data and snapshots is your decision, and this template asks for none: set it to true.',
    },
  },

  check(resource, context) {
    return checkRequiredSetting(resource, context, SETTING, { insecure: 'encryptionOff' });
  },

  fix(_report, resource, context) {
    const name = pathOf(resource, SETTING).join('.');
    // Setting true, rather than removing the line, also holds with Terraform AWS providers older than v6, whose default was false.
    // The value is written on the cluster (not in a parameter or variable default it may come from).
    return { title: `Set ${name} to true`, edits: setProperty(resource, context, [name], true) };
  },
};
