import type { Rule } from './rule';

import { checkRequiredSetting, fixRequiredSetting, type RequiredSetting } from './toolkit/required-setting';
import { isCloudFormation } from './toolkit/values';

const SETTING: RequiredSetting = {
  cloudFormation: 'Encrypted',
  terraform: 'encrypted',
  wanted: true,
  default: { value: false, source: 'EFS API, CloudFormation and Terraform default (the console turns it on)' },
};

export const rule: Rule = {
  id: 'efs-file-system-encryption',
  title: 'EFS file system is not encrypted at rest',
  concern: 'data-at-rest',
  severity: 'warning',
  appliesTo: ['AWS::EFS::FileSystem', 'aws_efs_file_system'],
  rationale:
    'AWS runs the storage behind EFS and its durability, but whether your files are encrypted at rest is your choice. The EFS console turns encryption on by default, yet the EFS API, CloudFormation and Terraform create an unencrypted file system unless asked, and the setting cannot be changed later: an unencrypted file system can only be replaced by a new, encrypted one.',
  remediation:
    'Set `Encrypted: true` (CloudFormation `AWS::EFS::FileSystem`) or `encrypted = true` (Terraform `aws_efs_file_system`), optionally with a customer managed KMS key in `KmsKeyId` / `kms_key_id`. On a file system that already exists this creates a new, empty file system in its place: copy the data over (for example with AWS DataSync) before switching. The `elasticfilesystem:Encrypted` IAM condition key, in a policy or an SCP, can require encryption for every new file system.',
  messages: {
    unencrypted: {
      headline: "EFS file system '{resource}' stores its files unencrypted.",
      detail:
        '{property} is not set, and {tool} and the EFS API default to false (only the console turns encryption on by default). Encrypting the files at rest is yours to choose on EFS, and it can only be chosen when the file system is created.',
    },
    encryptionOff: {
      headline: "EFS file system '{resource}' turns encryption at rest off.",
      detail:
        'Encrypting the files at rest is yours to choose on EFS, and it can only be chosen when the file system is created: set {property} to true before it holds data (on an existing file system, the change replaces it).',
    },
  },

  check(resource, context) {
    return checkRequiredSetting(resource, context, SETTING, {
      absent: 'unencrypted',
      insecure: 'encryptionOff',
      data: { tool: isCloudFormation(resource) ? 'CloudFormation' : 'Terraform' },
    });
  },

  fix(_report, resource, context) {
    return fixRequiredSetting(
      resource,
      context,
      SETTING,
      (name) => `Set ${name} to true (replaces an existing file system: copy its data first)`,
    );
  },
};
