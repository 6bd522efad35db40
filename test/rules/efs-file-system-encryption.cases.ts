import { rule } from '../../src/rules/efs-file-system-encryption';
import type { RuleCases } from './tester';

export const cases: RuleCases = {
  rule,
  valid: [
    {
      syntax: 'yaml',
      code: 'Resources:\n  Files:\n    Type: AWS::EFS::FileSystem\n    Properties:\n      Encrypted: true\n      PerformanceMode: generalPurpose\n',
    },
    {
      syntax: 'yaml',
      name: 'with a customer managed key',
      code: 'Resources:\n  Files:\n    Type: AWS::EFS::FileSystem\n    Properties:\n      Encrypted: "true"\n      KmsKeyId: !GetAtt Key.Arn\n',
    },
    {
      syntax: 'yaml',
      name: 'value behind !If is unknown, never insecure',
      code: 'Resources:\n  Files:\n    Type: AWS::EFS::FileSystem\n    Properties:\n      Encrypted: !If [IsProd, true, false]\n',
    },
    {
      syntax: 'yaml',
      name: 'a parameter without default is unknown',
      code: 'Parameters:\n  Encrypt:\n    Type: String\nResources:\n  Files:\n    Type: AWS::EFS::FileSystem\n    Properties:\n      Encrypted: !Ref Encrypt\n',
    },
    {
      syntax: 'json',
      code: '{"Resources": {"Files": {"Type": "AWS::EFS::FileSystem", "Properties": {"Encrypted": true}}}}',
    },
    {
      syntax: 'json',
      name: '!If in JSON',
      code: '{"Resources": {"Files": {"Type": "AWS::EFS::FileSystem", "Properties": {"Encrypted": {"Fn::If": ["IsProd", true, false]}}}}}',
    },
    {
      syntax: 'terraform',
      code: 'resource "aws_efs_file_system" "files" {\n  creation_token = "files"\n  encrypted      = true\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a variable without default is unknown',
      code: 'variable "encrypt" {}\n\nresource "aws_efs_file_system" "files" {\n  encrypted = var.encrypt\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'an expression is unknown',
      code: 'resource "aws_efs_file_system" "files" {\n  encrypted = var.env == "prod"\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a module output is unknown',
      code: 'resource "aws_efs_file_system" "files" {\n  encrypted = module.settings.encrypt\n}\n',
    },
  ],
  invalid: [
    {
      syntax: 'yaml',
      name: 'missing',
      code: 'Resources:\n  Files:\n    Type: AWS::EFS::FileSystem\n    Properties:\n      PerformanceMode: generalPurpose\n',
      findings: [
        {
          line: 3,
          column: 11,
          messageId: 'unencrypted',
          message: "You · Data at rest: EFS file system 'Files' stores its files unencrypted",
          detail:
            'Encrypted is not set, and CloudFormation and the EFS API default to false (only the console turns encryption on by default). Encrypting the files at rest is yours to choose on EFS, and it can only be chosen when the file system is created.',
        },
      ],
      output:
        'Resources:\n  Files:\n    Type: AWS::EFS::FileSystem\n    Properties:\n      PerformanceMode: generalPurpose\n      Encrypted: true\n',
    },
    {
      syntax: 'yaml',
      name: 'explicitly false, with a comment kept',
      code: 'Resources:\n  Files:\n    Type: AWS::EFS::FileSystem\n    Properties:\n      Encrypted: false # for now\n      ThroughputMode: elastic\n',
      findings: [
        {
          line: 5,
          column: 18,
          messageId: 'encryptionOff',
          message: "You · Data at rest: EFS file system 'Files' turns encryption at rest off",
          detail:
            'Encrypting the files at rest is yours to choose on EFS, and it can only be chosen when the file system is created: set Encrypted to true before it holds data (on an existing file system, the change replaces it).',
        },
      ],
      output:
        'Resources:\n  Files:\n    Type: AWS::EFS::FileSystem\n    Properties:\n      Encrypted: true # for now\n      ThroughputMode: elastic\n',
    },
    {
      syntax: 'yaml',
      name: 'no Properties at all',
      code: 'Resources:\n  Files:\n    Type: AWS::EFS::FileSystem\n  Target:\n    Type: AWS::EFS::MountTarget\n    Properties:\n      FileSystemId: !Ref Files\n',
      findings: [{ line: 3, column: 11 }],
      output:
        'Resources:\n  Files:\n    Type: AWS::EFS::FileSystem\n    Properties:\n      Encrypted: true\n  Target:\n    Type: AWS::EFS::MountTarget\n    Properties:\n      FileSystemId: !Ref Files\n',
    },
    {
      syntax: 'yaml',
      name: 'AWS::NoValue removes the property: the default applies',
      code: 'Resources:\n  Files:\n    Type: AWS::EFS::FileSystem\n    Properties:\n      Encrypted: !Ref AWS::NoValue\n',
      findings: [{ line: 3, column: 11, messageId: 'unencrypted' }],
      output: 'Resources:\n  Files:\n    Type: AWS::EFS::FileSystem\n    Properties:\n      Encrypted: true\n',
    },
    {
      syntax: 'yaml',
      name: 'a parameter default of false: the fix changes the default',
      code: 'Parameters:\n  Encrypt:\n    Type: String\n    Default: "false"\nResources:\n  Files:\n    Type: AWS::EFS::FileSystem\n    Properties:\n      Encrypted: !Ref Encrypt\n',
      findings: [{ line: 9, column: 18 }],
      output:
        'Parameters:\n  Encrypt:\n    Type: String\n    Default: "true"\nResources:\n  Files:\n    Type: AWS::EFS::FileSystem\n    Properties:\n      Encrypted: !Ref Encrypt\n',
    },
    {
      syntax: 'json',
      name: 'missing',
      code: '{\n  "Resources": {\n    "Files": {\n      "Type": "AWS::EFS::FileSystem",\n      "Properties": {\n        "PerformanceMode": "generalPurpose"\n      }\n    }\n  }\n}\n',
      findings: [{ line: 4, column: 15 }],
      output:
        '{\n  "Resources": {\n    "Files": {\n      "Type": "AWS::EFS::FileSystem",\n      "Properties": {\n        "PerformanceMode": "generalPurpose",\n        "Encrypted": true\n      }\n    }\n  }\n}\n',
    },
    {
      syntax: 'json',
      name: 'explicitly false',
      code: '{\n  "Resources": {\n    "Files": {\n      "Type": "AWS::EFS::FileSystem",\n      "Properties": {\n        "Encrypted": false\n      }\n    }\n  }\n}\n',
      findings: [{ line: 6, column: 22, messageId: 'encryptionOff' }],
      output:
        '{\n  "Resources": {\n    "Files": {\n      "Type": "AWS::EFS::FileSystem",\n      "Properties": {\n        "Encrypted": true\n      }\n    }\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'missing',
      code: 'resource "aws_efs_file_system" "files" {\n  creation_token = "files"\n}\n',
      findings: [
        {
          line: 1,
          column: 10,
          messageId: 'unencrypted',
          detail: /encrypted is not set, and Terraform and the EFS API default to false/,
        },
      ],
      output: 'resource "aws_efs_file_system" "files" {\n  creation_token = "files"\n  encrypted = true\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'null means the default applies',
      code: 'resource "aws_efs_file_system" "files" {\n  encrypted = null\n}\n',
      findings: [{ line: 1, column: 10, messageId: 'unencrypted' }],
      output: 'resource "aws_efs_file_system" "files" {\n  encrypted = true\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'explicitly false next to a KMS key',
      code: 'resource "aws_efs_file_system" "files" {\n  encrypted  = false\n  kms_key_id = aws_kms_key.files.arn\n}\n',
      findings: [{ line: 2, column: 16 }],
      output:
        'resource "aws_efs_file_system" "files" {\n  encrypted  = true\n  kms_key_id = aws_kms_key.files.arn\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a variable default of false: the fix changes the default',
      code: 'variable "encrypt" {\n  type    = bool\n  default = false\n}\n\nresource "aws_efs_file_system" "files" {\n  encrypted = var.encrypt\n}\n',
      findings: [{ line: 7, column: 15 }],
      output:
        'variable "encrypt" {\n  type    = bool\n  default = true\n}\n\nresource "aws_efs_file_system" "files" {\n  encrypted = var.encrypt\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'false from a local in another file of the module',
      code: {
        'locals.tf': 'locals {\n  encrypt = false\n}\n',
        'efs.tf': 'resource "aws_efs_file_system" "files" {\n  encrypted = local.encrypt\n}\n',
      },
      findings: [{ line: 2, column: 15, file: 'efs.tf' }],
      output: {
        'locals.tf': 'locals {\n  encrypt = false\n}\n',
        'efs.tf': 'resource "aws_efs_file_system" "files" {\n  encrypted = true\n}\n',
      },
    },
  ],
};
