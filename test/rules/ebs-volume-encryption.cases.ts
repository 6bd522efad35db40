import { rule } from '../../src/rules/ebs-volume-encryption';
import type { RuleCases } from './tester';

const ACCOUNT_ON = {
  account: '111122223333',
  region: 'eu-west-1',
  checked: '2026-12-01',
  checks: { 'ebs-default-encryption': 'pass' },
} as const;

export const cases: RuleCases = {
  rule,
  valid: [
    {
      syntax: 'yaml',
      code: 'Resources:\n  Data:\n    Type: AWS::EC2::Volume\n    Properties:\n      AvailabilityZone: us-east-1a\n      Size: 100\n      Encrypted: true\n',
    },
    {
      syntax: 'yaml',
      name: 'a volume restored from a snapshot inherits its encryption',
      code: 'Resources:\n  Data:\n    Type: AWS::EC2::Volume\n    Properties:\n      AvailabilityZone: us-east-1a\n      SnapshotId: snap-0123456789abcdef0\n',
    },
    {
      syntax: 'yaml',
      name: 'value behind !If is unknown',
      code: 'Resources:\n  Data:\n    Type: AWS::EC2::Volume\n    Properties:\n      AvailabilityZone: us-east-1a\n      Encrypted: !If [Prod, true, false]\n',
    },
    {
      syntax: 'yaml',
      name: 'a parameter without default is unknown',
      code: 'Parameters:\n  Encrypt:\n    Type: String\nResources:\n  Data:\n    Type: AWS::EC2::Volume\n    Properties:\n      AvailabilityZone: us-east-1a\n      Encrypted: !Ref Encrypt\n',
    },
    {
      syntax: 'json',
      code: '{"Resources": {"Data": {"Type": "AWS::EC2::Volume", "Properties": {"AvailabilityZone": "us-east-1a", "Size": 10, "Encrypted": "true"}}}}',
    },
    {
      syntax: 'terraform',
      code: 'resource "aws_ebs_volume" "data" {\n  availability_zone = "us-east-1a"\n  size              = 20\n  encrypted         = true\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a variable without default is unknown',
      code: 'variable "encrypted" {}\n\nresource "aws_ebs_volume" "data" {\n  availability_zone = "us-east-1a"\n  encrypted         = var.encrypted\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'restored from a snapshot',
      code: 'resource "aws_ebs_volume" "data" {\n  availability_zone = "us-east-1a"\n  snapshot_id       = aws_ebs_snapshot.base.id\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'the module turns on EBS encryption by default',
      code: {
        'account.tf': 'resource "aws_ebs_encryption_by_default" "this" {}\n',
        'main.tf':
          'resource "aws_ebs_volume" "data" {\n  availability_zone = "us-east-1a"\n  size              = 20\n}\n',
      },
    },
  ],
  invalid: [
    {
      syntax: 'yaml',
      name: 'missing, with EBS encryption by default on for the account: info',
      account: ACCOUNT_ON,
      code: 'Resources:\n  Data:\n    Type: AWS::EC2::Volume\n    Properties:\n      AvailabilityZone: us-east-1a\n      Size: 100\n',
      findings: [
        {
          line: 3,
          column: 11,
          messageId: 'accountEncrypts',
          severity: 'info',
          data: { region: 'eu-west-1', date: '2026-12-01' },
          message: "You · Data at rest: EBS volume 'Data' leaves encryption to the account default, which is on",
          detail:
            /^The account encrypts new volumes by default in eu-west-1 \(checked on 2026-12-01\)\. .*set Encrypted to true/,
        },
      ],
    },
    {
      syntax: 'terraform',
      name: 'a failed account check changes nothing',
      account: { region: 'eu-west-1', checked: '2026-12-01', checks: { 'ebs-default-encryption': 'fail' } },
      code: 'resource "aws_ebs_volume" "data" {\n  availability_zone = "us-east-1a"\n  encrypted         = false\n}\n',
      findings: [{ line: 3, column: 23, messageId: 'encryptionOff', severity: 'warning' }],
      output: 'resource "aws_ebs_volume" "data" {\n  availability_zone = "us-east-1a"\n  encrypted         = true\n}\n',
    },
    {
      syntax: 'yaml',
      name: 'missing',
      code: 'Resources:\n  Data:\n    Type: AWS::EC2::Volume\n    Properties:\n      AvailabilityZone: us-east-1a\n      Size: 100\n',
      findings: [
        {
          line: 3,
          column: 11,
          messageId: 'encryptionNotSet',
          message: "You · Data at rest: EBS volume 'Data' does not set Encrypted",
          detail:
            'It is encrypted only if EBS encryption by default is turned on for the account and Region. Encrypting data at rest is your choice on EBS: set Encrypted to true.',
        },
      ],
      output:
        'Resources:\n  Data:\n    Type: AWS::EC2::Volume\n    Properties:\n      AvailabilityZone: us-east-1a\n      Size: 100\n      Encrypted: true\n',
    },
    {
      syntax: 'yaml',
      name: 'explicitly false, comment kept',
      code: 'Resources:\n  Data:\n    Type: AWS::EC2::Volume\n    Properties:\n      AvailabilityZone: us-east-1a\n      Encrypted: false # scratch\n',
      findings: [
        {
          line: 6,
          column: 18,
          messageId: 'encryptionOff',
          message: "You · Data at rest: EBS volume 'Data' sets Encrypted to false",
          detail:
            'It is unencrypted unless EBS encryption by default is turned on for the account and Region. Encrypting data at rest is your choice on EBS: set Encrypted to true.',
        },
      ],
      output:
        'Resources:\n  Data:\n    Type: AWS::EC2::Volume\n    Properties:\n      AvailabilityZone: us-east-1a\n      Encrypted: true # scratch\n',
    },
    {
      syntax: 'yaml',
      name: 'a parameter default of false resolves (not fixed here: the parameter decides)',
      code: 'Parameters:\n  Encrypt:\n    Type: String\n    Default: "false"\nResources:\n  Data:\n    Type: AWS::EC2::Volume\n    Properties:\n      AvailabilityZone: us-east-1a\n      Encrypted: !Ref Encrypt\n',
      findings: [{ line: 10, column: 18 }],
    },
    {
      syntax: 'json',
      code: '{\n  "Resources": {\n    "Data": {\n      "Type": "AWS::EC2::Volume",\n      "Properties": {\n        "AvailabilityZone": "us-east-1a"\n      }\n    }\n  }\n}\n',
      findings: [{ line: 4, column: 15 }],
      output:
        '{\n  "Resources": {\n    "Data": {\n      "Type": "AWS::EC2::Volume",\n      "Properties": {\n        "AvailabilityZone": "us-east-1a",\n        "Encrypted": true\n      }\n    }\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'missing',
      code: 'resource "aws_ebs_volume" "data" {\n  availability_zone = "us-east-1a"\n  size              = 20\n}\n',
      findings: [{ line: 1, column: 10 }],
      output:
        'resource "aws_ebs_volume" "data" {\n  availability_zone = "us-east-1a"\n  size              = 20\n  encrypted = true\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'explicitly false while the module turns the account default off',
      code: {
        'account.tf': 'resource "aws_ebs_encryption_by_default" "this" {\n  enabled = false\n}\n',
        'main.tf':
          'resource "aws_ebs_volume" "data" {\n  availability_zone = "us-east-1a"\n  encrypted         = false\n}\n',
      },
      findings: [{ line: 3, column: 23, file: 'main.tf' }],
      output: {
        'account.tf': 'resource "aws_ebs_encryption_by_default" "this" {\n  enabled = false\n}\n',
        'main.tf':
          'resource "aws_ebs_volume" "data" {\n  availability_zone = "us-east-1a"\n  encrypted         = true\n}\n',
      },
    },
  ],
};
