import { rule } from '../../src/rules/ec2-key-pair-credential';
import type { RuleCases } from './tester';

export const cases: RuleCases = {
  rule,
  valid: [
    {
      syntax: 'yaml',
      name: 'no key pair',
      code: 'Resources:\n  Web:\n    Type: AWS::EC2::Instance\n    Properties:\n      ImageId: ami-12345678\n',
    },
    {
      syntax: 'yaml',
      name: 'a key pair behind !If is unknown',
      code: 'Parameters:\n  KeyName:\n    Type: String\n    Default: ""\nConditions:\n  HasKey: !Not [!Equals [!Ref KeyName, ""]]\nResources:\n  Web:\n    Type: AWS::EC2::Instance\n    Properties:\n      KeyName: !If [HasKey, !Ref KeyName, !Ref AWS::NoValue]\n',
    },
    {
      syntax: 'yaml',
      name: 'a free-form String parameter without default may be empty',
      code: 'Parameters:\n  KeyName:\n    Type: String\nResources:\n  Web:\n    Type: AWS::EC2::Instance\n    Properties:\n      KeyName: !Ref KeyName\n',
    },
    {
      syntax: 'yaml',
      name: 'an empty name is no key',
      code: 'Resources:\n  Lc:\n    Type: AWS::AutoScaling::LaunchConfiguration\n    Properties:\n      ImageId: ami-1\n      InstanceType: t3.micro\n      KeyName: ""\n',
    },
    {
      syntax: 'json',
      code: '{"Resources": {"Tpl": {"Type": "AWS::EC2::LaunchTemplate", "Properties": {"LaunchTemplateData": {"ImageId": "ami-1"}}}}}',
    },
    {
      syntax: 'terraform',
      name: 'a variable without default is unknown',
      code: 'variable "key_name" {}\n\nresource "aws_instance" "web" {\n  key_name = var.key_name\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a null name is no key',
      code: 'resource "aws_launch_template" "t" {\n  key_name = null\n}\n',
    },
  ],
  invalid: [
    {
      syntax: 'yaml',
      name: 'a KeyPair::KeyName parameter always names a key',
      code: 'Parameters:\n  KeyName:\n    Type: AWS::EC2::KeyPair::KeyName\nResources:\n  Web:\n    Type: AWS::EC2::Instance\n    Properties:\n      KeyName: !Ref KeyName\n',
      findings: [
        {
          line: 8,
          column: 16,
          messageId: 'keyPair',
          message: "You · Credentials: EC2 instance 'Web' uses the key pair of parameter 'KeyName'",
          detail:
            'It is launched with that key pair, which gives SSH (or Windows password) access: AWS keeps only its public key, so the private key is a credential you must guard, share and rotate yourself. Session Manager or EC2 Instance Connect give shell access through IAM instead, with nothing long-lived to guard.',
          severity: 'info',
        },
      ],
    },
    {
      syntax: 'yaml',
      name: 'a key pair created by CloudFormation, used by a launch template',
      code: 'Resources:\n  Key:\n    Type: AWS::EC2::KeyPair\n    Properties:\n      KeyName: ops\n  Tpl:\n    Type: AWS::EC2::LaunchTemplate\n    Properties:\n      LaunchTemplateData:\n        KeyName: !Ref Key\n',
      findings: [
        {
          line: 3,
          column: 11,
          messageId: 'awsCreatedKey',
          message: "You · Credentials: key pair 'Key' keeps its private key in Parameter Store",
          detail:
            'The key pair is created by AWS, which stores its private key in your account as a Parameter Store parameter (/ec2/keypair/<key pair id>): who can read that parameter, and any copies made of it, are yours to control. Session Manager or EC2 Instance Connect give shell access through IAM instead, with nothing long-lived to guard.',
        },
        {
          line: 10,
          column: 18,
          messageId: 'keyPair',
          message: "You · Credentials: launch template 'Tpl' uses key pair 'Key'",
          detail:
            'It launches instances with that key pair, which gives SSH (or Windows password) access: AWS keeps only its public key, so the private key is a credential you must guard, share and rotate yourself. Session Manager or EC2 Instance Connect give shell access through IAM instead, with nothing long-lived to guard.',
        },
      ],
    },
    {
      syntax: 'yaml',
      name: 'an imported public key',
      code: 'Resources:\n  Key:\n    Type: AWS::EC2::KeyPair\n    Properties:\n      KeyName: ops\n      PublicKeyMaterial: ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExample ops@example\n',
      findings: [{ line: 3, column: 11, messageId: 'importedKey' }],
    },
    {
      syntax: 'json',
      code: '{\n  "Resources": {\n    "Lc": {\n      "Type": "AWS::AutoScaling::LaunchConfiguration",\n      "Properties": {\n        "ImageId": "ami-1",\n        "InstanceType": "t3.micro",\n        "KeyName": "deploy"\n      }\n    }\n  }\n}\n',
      findings: [
        {
          line: 8,
          column: 20,
          messageId: 'keyPair',
          message: "You · Credentials: launch configuration 'Lc' uses key pair 'deploy'",
          detail:
            'It launches instances with that key pair, which gives SSH (or Windows password) access: AWS keeps only its public key, so the private key is a credential you must guard, share and rotate yourself. Session Manager or EC2 Instance Connect give shell access through IAM instead, with nothing long-lived to guard.',
        },
      ],
    },
    {
      syntax: 'terraform',
      name: 'a key name written out',
      code: 'resource "aws_instance" "web" {\n  ami      = "ami-123"\n  key_name = "deploy"\n}\n',
      findings: [{ line: 3, column: 14 }],
    },
    {
      syntax: 'terraform',
      name: 'a key generated by tls_private_key, used from another file',
      code: {
        'keys.tf':
          'resource "tls_private_key" "ops" {\n  algorithm = "ED25519"\n}\n\nresource "aws_key_pair" "ops" {\n  key_name   = "ops"\n  public_key = tls_private_key.ops.public_key_openssh\n}\n',
        'main.tf': 'resource "aws_launch_template" "t" {\n  key_name = aws_key_pair.ops.key_name\n}\n',
      },
      findings: [
        { line: 5, column: 10, file: 'keys.tf', messageId: 'keyInState' },
        { line: 2, column: 14, file: 'main.tf', messageId: 'keyPair', message: /key pair 'aws_key_pair.ops'/ },
      ],
    },
    {
      syntax: 'terraform',
      name: 'an imported public key',
      code: 'resource "aws_key_pair" "deployer" {\n  key_name   = "deployer"\n  public_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExample deployer@example"\n}\n',
      findings: [{ line: 1, column: 10, messageId: 'importedKey' }],
    },
  ],
};
