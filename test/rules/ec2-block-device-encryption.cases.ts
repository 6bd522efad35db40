import { rule } from '../../src/rules/ec2-block-device-encryption';
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
      name: 'encrypted volume and an instance-store device',
      code: 'Resources:\n  Web:\n    Type: AWS::EC2::Instance\n    Properties:\n      BlockDeviceMappings:\n        - DeviceName: /dev/xvda\n          Ebs:\n            VolumeSize: 20\n            Encrypted: true\n        - DeviceName: /dev/sdc\n          VirtualName: ephemeral0\n',
    },
    {
      syntax: 'yaml',
      name: 'a volume from a snapshot inherits its encryption',
      code: 'Resources:\n  Lc:\n    Type: AWS::AutoScaling::LaunchConfiguration\n    Properties:\n      ImageId: ami-1\n      InstanceType: t3.micro\n      BlockDeviceMappings:\n        - DeviceName: /dev/xvda\n          Ebs:\n            Encrypted: true\n        - DeviceName: /dev/sdf\n          Ebs:\n            SnapshotId: snap-0123456789abcdef0\n',
    },
    {
      syntax: 'yaml',
      name: 'NoDevice suppresses the device',
      code: 'Resources:\n  Web:\n    Type: AWS::EC2::Instance\n    Properties:\n      BlockDeviceMappings:\n        - DeviceName: /dev/xvda\n          Ebs:\n            Encrypted: true\n        - DeviceName: /dev/sdf\n          NoDevice: {}\n          Ebs:\n            VolumeSize: 10\n',
    },
    {
      syntax: 'yaml',
      name: 'value behind !If is unknown',
      code: 'Resources:\n  Web:\n    Type: AWS::EC2::Instance\n    Properties:\n      BlockDeviceMappings:\n        - DeviceName: /dev/xvda\n          Ebs:\n            Encrypted: !If [Prod, true, false]\n',
    },
    {
      syntax: 'yaml',
      name: 'mappings behind !If are unknown',
      code: 'Resources:\n  Lc:\n    Type: AWS::AutoScaling::LaunchConfiguration\n    Properties:\n      ImageId: ami-1\n      InstanceType: t3.micro\n      BlockDeviceMappings: !If\n        - Big\n        - - DeviceName: /dev/sdk\n            Ebs:\n              VolumeSize: 500\n        - !Ref AWS::NoValue\n',
    },
    {
      syntax: 'yaml',
      name: 'a parameter without default is unknown',
      code: 'Parameters:\n  Encrypt:\n    Type: String\nResources:\n  Web:\n    Type: AWS::EC2::Instance\n    Properties:\n      BlockDeviceMappings:\n        - DeviceName: /dev/xvda\n          Ebs:\n            Encrypted: !Ref Encrypt\n',
    },
    {
      syntax: 'json',
      code: '{"Resources": {"Tpl": {"Type": "AWS::EC2::LaunchTemplate", "Properties": {"LaunchTemplateData": {"BlockDeviceMappings": [{"DeviceName": "/dev/xvda", "Ebs": {"VolumeSize": 20, "Encrypted": "true"}}]}}}}}',
    },
    {
      syntax: 'terraform',
      code: 'resource "aws_instance" "web" {\n  ami = "ami-123"\n  root_block_device {\n    encrypted = true\n  }\n  ebs_block_device {\n    device_name = "/dev/sdf"\n    encrypted   = true\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a variable default of true resolves; an EBS device from a snapshot inherits',
      code: 'variable "encrypted" {\n  default = true\n}\n\nresource "aws_launch_configuration" "lc" {\n  image_id      = "ami-123"\n  instance_type = "t3.micro"\n  root_block_device {\n    encrypted = var.encrypted\n  }\n  ebs_block_device {\n    device_name = "/dev/sdf"\n    snapshot_id = "snap-0123456789abcdef0"\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a variable without default is unknown',
      code: 'variable "encrypted" {}\n\nresource "aws_instance" "web" {\n  root_block_device {\n    encrypted = var.encrypted\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a dynamic block is unknown',
      code: 'resource "aws_instance" "web" {\n  root_block_device {\n    encrypted = true\n  }\n  dynamic "ebs_block_device" {\n    for_each = var.disks\n    content {\n      device_name = ebs_block_device.key\n    }\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'launch template volume encrypted (a string attribute in the provider)',
      code: 'resource "aws_launch_template" "t" {\n  block_device_mappings {\n    device_name = "/dev/xvda"\n    ebs {\n      volume_size = 20\n      encrypted   = "true"\n    }\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'the module turns on EBS encryption by default',
      code: {
        'account.tf': 'resource "aws_ebs_encryption_by_default" "this" {\n  enabled = true\n}\n',
        'main.tf': 'resource "aws_instance" "web" {\n  root_block_device {\n    volume_size = 20\n  }\n}\n',
      },
    },
    {
      syntax: 'yaml',
      name: 'root device: a mapping with an unknown device name, a root mapping, an instance from a launch template',
      code: `Parameters:
  Device:
    Type: String
Resources:
  Named:
    Type: AWS::EC2::Instance
    Properties:
      BlockDeviceMappings:
        - DeviceName: !Ref Device
          Ebs:
            Encrypted: true
  Ubuntu:
    Type: AWS::EC2::Instance
    Properties:
      BlockDeviceMappings:
        - DeviceName: /dev/sda1
          Ebs:
            Encrypted: true
  FromTemplate:
    Type: AWS::EC2::Instance
    Properties:
      LaunchTemplate:
        LaunchTemplateId: lt-0123456789abcdef0
        Version: "1"
  Tpl:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        ImageId: ami-12345678
`,
    },
    {
      syntax: 'terraform',
      name: 'root device: a dynamic root block is unknown; a launch template may leave it to the instance',
      code: `resource "aws_instance" "web" {
  ami = "ami-123"
  dynamic "root_block_device" {
    for_each = var.roots
    content {
      encrypted = true
    }
  }
}

resource "aws_launch_template" "t" {
  image_id = "ami-123"
}
`,
    },
    {
      syntax: 'terraform',
      name: 'root device: the module turns on EBS encryption by default',
      code: `resource "aws_ebs_encryption_by_default" "this" {}

resource "aws_instance" "web" {
  ami = "ami-123"
}
`,
    },
  ],
  invalid: [
    {
      syntax: 'yaml',
      name: 'no BlockDeviceMappings, with EBS encryption by default on for the account: info',
      account: ACCOUNT_ON,
      code: 'Resources:\n  Web:\n    Type: AWS::EC2::Instance\n    Properties:\n      ImageId: ami-12345678\n',
      findings: [
        {
          line: 3,
          column: 11,
          messageId: 'accountEncrypts',
          severity: 'info',
          message: /: EC2 instance 'Web' leaves EBS encryption to the account default, which is on$/,
          detail: /^The account encrypts new volumes by default in eu-west-1 \(checked on 2026-12-01\)\./,
        },
      ],
    },
    {
      syntax: 'yaml',
      name: "no BlockDeviceMappings: the root volume comes from the AMI snapshot (not fixable: the root device name is the AMI's)",
      code: 'Resources:\n  Web:\n    Type: AWS::EC2::Instance\n    Properties:\n      ImageId: ami-12345678\n',
      findings: [
        {
          line: 3,
          column: 11,
          messageId: 'rootNotDefined',
          data: { where: 'no BlockDeviceMappings' },
          message: "You · Data at rest: EC2 instance 'Web' leaves root volume encryption to the AMI",
          detail:
            "It does not define its root block device (no BlockDeviceMappings), so the root volume is created from the AMI's snapshot: it is unencrypted unless that snapshot is encrypted or EBS encryption by default is turned on for the account and Region. Encrypting data at rest is your choice on EBS: map the AMI's root device name in BlockDeviceMappings with Ebs: { Encrypted: true }, or turn on EBS encryption by default for the account.",
        },
      ],
    },
    {
      syntax: 'json',
      name: 'mappings for data volumes only',
      code: '{"Resources": {"Lc": {"Type": "AWS::AutoScaling::LaunchConfiguration", "Properties": {"ImageId": "ami-1", "InstanceType": "t3.micro", "BlockDeviceMappings": [{"DeviceName": "/dev/sdk", "Ebs": {"Encrypted": true}}]}}}}',
      findings: [
        {
          line: 1,
          column: 135,
          messageId: 'rootNotDefined',
          data: { where: 'no mapping for /dev/xvda or /dev/sda1 in BlockDeviceMappings' },
        },
      ],
    },
    {
      syntax: 'terraform',
      name: 'no root_block_device: the same as an empty one, and fixed the same way',
      code: 'resource "aws_instance" "web" {\n  ami = "ami-123"\n}\n',
      findings: [
        {
          line: 1,
          column: 10,
          messageId: 'rootNotDefined',
          data: { where: 'no root_block_device' },
          message: "You · Data at rest: EC2 instance 'aws_instance.web' leaves root volume encryption to the AMI",
          detail:
            "It does not define its root block device (no root_block_device), so the root volume is created from the AMI's snapshot: it is unencrypted unless that snapshot is encrypted or EBS encryption by default is turned on for the account and Region. Encrypting data at rest is your choice on EBS: add root_block_device { encrypted = true }, or turn on EBS encryption by default for the account.",
        },
      ],
      output:
        'resource "aws_instance" "web" {\n  ami = "ami-123"\n  root_block_device {\n    encrypted = true\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'root_block_device from an empty list variable',
      code: 'variable "roots" {\n  default = []\n}\n\nresource "aws_launch_configuration" "lc" {\n  image_id          = "ami-123"\n  instance_type     = "t3.micro"\n  root_block_device = var.roots\n}\n',
      findings: [
        { line: 8, column: 3, messageId: 'rootNotDefined', data: { where: 'root_block_device is an empty list' } },
      ],
    },
    {
      syntax: 'yaml',
      name: 'one device without Encrypted and one with false',
      code: 'Resources:\n  Lc:\n    Type: AWS::AutoScaling::LaunchConfiguration\n    Properties:\n      ImageId: ami-12345678\n      InstanceType: t3.micro\n      BlockDeviceMappings:\n        - DeviceName: /dev/sdk\n          Ebs:\n            VolumeSize: 50\n        - DeviceName: /dev/sdf\n          Ebs:\n            Encrypted: false\n',
      findings: [
        { line: 7, column: 7, messageId: 'rootNotDefined' },
        {
          line: 9,
          column: 11,
          messageId: 'encryptionNotSet',
          message: "You · Data at rest: launch configuration 'Lc' does not set Encrypted for block device '/dev/sdk'",
          detail:
            'That volume is encrypted only if EBS encryption by default is turned on for the account and Region, or if the AMI maps that device to an encrypted snapshot. Encrypting data at rest is your choice on EBS: set Encrypted to true.',
        },
        {
          line: 13,
          column: 24,
          messageId: 'encryptionOff',
          message: "You · Data at rest: launch configuration 'Lc' sets Encrypted to false for block device '/dev/sdf'",
          detail:
            'That EBS volume is unencrypted unless EBS encryption by default is turned on for the account and Region. Encrypting data at rest is your choice on EBS: set Encrypted to true.',
        },
      ],
      output:
        'Resources:\n  Lc:\n    Type: AWS::AutoScaling::LaunchConfiguration\n    Properties:\n      ImageId: ami-12345678\n      InstanceType: t3.micro\n      BlockDeviceMappings:\n        - DeviceName: /dev/sdk\n          Ebs:\n            VolumeSize: 50\n            Encrypted: true\n        - DeviceName: /dev/sdf\n          Ebs:\n            Encrypted: true\n',
    },
    {
      syntax: 'yaml',
      name: 'launch template with a flow-style Ebs map',
      code: 'Resources:\n  Tpl:\n    Type: AWS::EC2::LaunchTemplate\n    Properties:\n      LaunchTemplateData:\n        BlockDeviceMappings:\n          - DeviceName: /dev/xvda\n            Ebs: {VolumeSize: 20, VolumeType: gp3}\n',
      findings: [
        {
          line: 8,
          column: 13,
          messageId: 'encryptionNotSet',
          message: "You · Data at rest: launch template 'Tpl' does not set Encrypted for block device '/dev/xvda'",
          detail:
            'That volume is encrypted only if EBS encryption by default is turned on for the account and Region, or if the AMI maps that device to an encrypted snapshot. Encrypting data at rest is your choice on EBS: set Encrypted to true.',
        },
      ],
      output:
        'Resources:\n  Tpl:\n    Type: AWS::EC2::LaunchTemplate\n    Properties:\n      LaunchTemplateData:\n        BlockDeviceMappings:\n          - DeviceName: /dev/xvda\n            Ebs: {VolumeSize: 20, VolumeType: gp3, Encrypted: true}\n',
    },
    {
      syntax: 'yaml',
      name: 'a parameter default of false resolves (not fixed here: the parameter decides)',
      code: 'Parameters:\n  Encrypt:\n    Type: String\n    Default: "false"\nResources:\n  Web:\n    Type: AWS::EC2::Instance\n    Properties:\n      BlockDeviceMappings:\n        - DeviceName: /dev/xvda\n          Ebs:\n            Encrypted: !Ref Encrypt\n',
      findings: [{ line: 12, column: 24 }],
    },
    {
      syntax: 'json',
      code: '{\n  "Resources": {\n    "Web": {\n      "Type": "AWS::EC2::Instance",\n      "Properties": {\n        "BlockDeviceMappings": [\n          {\n            "DeviceName": "/dev/xvda",\n            "Ebs": {\n              "VolumeSize": 20\n            }\n          }\n        ]\n      }\n    }\n  }\n}\n',
      findings: [
        {
          line: 9,
          column: 13,
          messageId: 'encryptionNotSet',
          message: /EC2 instance 'Web' does not set Encrypted for block device '\/dev\/xvda'/,
        },
      ],
      output:
        '{\n  "Resources": {\n    "Web": {\n      "Type": "AWS::EC2::Instance",\n      "Properties": {\n        "BlockDeviceMappings": [\n          {\n            "DeviceName": "/dev/xvda",\n            "Ebs": {\n              "VolumeSize": 20,\n              "Encrypted": true\n            }\n          }\n        ]\n      }\n    }\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'an empty root block device',
      code: 'resource "aws_instance" "web" {\n  ami = "ami-123"\n  root_block_device {}\n}\n',
      findings: [
        {
          line: 3,
          column: 3,
          messageId: 'encryptionNotSet',
          message: /does not set encrypted for the root block device/,
        },
      ],
      output:
        'resource "aws_instance" "web" {\n  ami = "ami-123"\n  root_block_device {\n    encrypted = true\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'an unencrypted EBS device next to a root device without the setting',
      code: 'resource "aws_instance" "web" {\n  root_block_device {\n    volume_size = 20\n  }\n\n  ebs_block_device {\n    device_name = "/dev/sdf"\n    encrypted   = false\n  }\n}\n',
      findings: [
        { line: 2, column: 3 },
        { line: 8, column: 19, messageId: 'encryptionOff', message: /block device '\/dev\/sdf'/ },
      ],
      output:
        'resource "aws_instance" "web" {\n  root_block_device {\n    volume_size = 20\n    encrypted = true\n  }\n\n  ebs_block_device {\n    device_name = "/dev/sdf"\n    encrypted   = true\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'launch template volume without the setting',
      code: 'resource "aws_launch_template" "t" {\n  block_device_mappings {\n    device_name = "/dev/xvda"\n    ebs {\n      volume_size = 20\n    }\n  }\n}\n',
      findings: [{ line: 4, column: 5 }],
      output:
        'resource "aws_launch_template" "t" {\n  block_device_mappings {\n    device_name = "/dev/xvda"\n    ebs {\n      volume_size = 20\n      encrypted = true\n    }\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a launch configuration in a module that turns EBS encryption by default off',
      code: {
        'account.tf': 'resource "aws_ebs_encryption_by_default" "this" {\n  enabled = false\n}\n',
        'asg.tf':
          'resource "aws_launch_configuration" "lc" {\n  image_id      = "ami-123"\n  instance_type = "t3.micro"\n  root_block_device {\n    encrypted = false\n  }\n}\n',
      },
      findings: [{ line: 5, column: 17, file: 'asg.tf' }],
      output: {
        'account.tf': 'resource "aws_ebs_encryption_by_default" "this" {\n  enabled = false\n}\n',
        'asg.tf':
          'resource "aws_launch_configuration" "lc" {\n  image_id      = "ami-123"\n  instance_type = "t3.micro"\n  root_block_device {\n    encrypted = true\n  }\n}\n',
      },
    },
  ],
};
