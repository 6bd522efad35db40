import { rule } from '../../src/rules/ec2-public-ip';
import type { RuleCases } from './tester';

export const cases: RuleCases = {
  rule,
  valid: [
    {
      syntax: 'yaml',
      code: 'Resources:\n  Web:\n    Type: AWS::EC2::Instance\n    Properties:\n      NetworkInterfaces:\n        - DeviceIndex: "0"\n          AssociatePublicIpAddress: false\n          SubnetId: !Ref Subnet\n',
    },
    {
      syntax: 'yaml',
      name: 'not set: the subnet decides, which this rule cannot see',
      code: 'Resources:\n  Tpl:\n    Type: AWS::EC2::LaunchTemplate\n    Properties:\n      LaunchTemplateData:\n        NetworkInterfaces:\n          - DeviceIndex: 0\n            SubnetId: subnet-123\n',
    },
    {
      syntax: 'yaml',
      name: 'value behind !If is unknown',
      code: 'Resources:\n  Lc:\n    Type: AWS::AutoScaling::LaunchConfiguration\n    Properties:\n      ImageId: ami-1\n      InstanceType: t3.micro\n      AssociatePublicIpAddress: !If [Public, true, false]\n',
    },
    {
      syntax: 'yaml',
      name: 'a parameter without default is unknown',
      code: 'Parameters:\n  Public:\n    Type: String\nResources:\n  Web:\n    Type: AWS::EC2::Instance\n    Properties:\n      NetworkInterfaces:\n        - DeviceIndex: "0"\n          AssociatePublicIpAddress: !Ref Public\n',
    },
    {
      syntax: 'json',
      code: '{"Resources": {"Lc": {"Type": "AWS::AutoScaling::LaunchConfiguration", "Properties": {"ImageId": "ami-1", "InstanceType": "t3.micro", "AssociatePublicIpAddress": false}}}}',
    },
    {
      syntax: 'terraform',
      code: 'resource "aws_instance" "web" {\n  ami                         = "ami-123"\n  associate_public_ip_address = false\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'for_each values are unknown',
      code: 'resource "aws_instance" "web" {\n  for_each                    = var.instances\n  associate_public_ip_address = each.value.public\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a dynamic block is unknown',
      code: 'resource "aws_launch_template" "t" {\n  dynamic "network_interfaces" {\n    for_each = var.interfaces\n    content {\n      associate_public_ip_address = true\n    }\n  }\n}\n',
    },
  ],
  invalid: [
    {
      syntax: 'yaml',
      name: 'instance network interface',
      code: 'Resources:\n  Web:\n    Type: AWS::EC2::Instance\n    Properties:\n      NetworkInterfaces:\n        - AssociatePublicIpAddress: true\n          DeviceIndex: "0"\n',
      findings: [
        {
          line: 6,
          column: 37,
          messageId: 'publicIp',
          message: "You · Network access: EC2 instance 'Web' asks for a public IP address",
          detail:
            "That exposes the instance to the internet as far as its security groups and network ACLs allow. Deciding what is exposed is yours, not AWS's: set AssociatePublicIpAddress to false unless the instance must be reached directly (a bastion or NAT instance).",
        },
      ],
      output:
        'Resources:\n  Web:\n    Type: AWS::EC2::Instance\n    Properties:\n      NetworkInterfaces:\n        - AssociatePublicIpAddress: false\n          DeviceIndex: "0"\n',
    },
    {
      syntax: 'yaml',
      name: 'launch template, second interface, quoted string',
      code: 'Resources:\n  Tpl:\n    Type: AWS::EC2::LaunchTemplate\n    Properties:\n      LaunchTemplateData:\n        NetworkInterfaces:\n          - DeviceIndex: 0\n          - DeviceIndex: 1\n            AssociatePublicIpAddress: "true"\n',
      findings: [
        {
          line: 9,
          column: 39,
          messageId: 'publicIp',
          message: "You · Network access: launch template 'Tpl' asks for a public IP address",
          detail:
            "That exposes its instances to the internet as far as its security groups and network ACLs allow. Deciding what is exposed is yours, not AWS's: set AssociatePublicIpAddress to false unless its instances must be reached directly (a bastion or NAT instance).",
        },
      ],
      output:
        'Resources:\n  Tpl:\n    Type: AWS::EC2::LaunchTemplate\n    Properties:\n      LaunchTemplateData:\n        NetworkInterfaces:\n          - DeviceIndex: 0\n          - DeviceIndex: 1\n            AssociatePublicIpAddress: false\n',
    },
    {
      syntax: 'yaml',
      name: 'a parameter default of true resolves (not fixed here: the parameter decides)',
      code: 'Parameters:\n  Public:\n    Type: String\n    Default: "true"\nResources:\n  Lc:\n    Type: AWS::AutoScaling::LaunchConfiguration\n    Properties:\n      ImageId: ami-1\n      InstanceType: t3.micro\n      AssociatePublicIpAddress: !Ref Public\n',
      findings: [{ line: 11, column: 33 }],
    },
    {
      syntax: 'json',
      code: '{\n  "Resources": {\n    "Lc": {\n      "Type": "AWS::AutoScaling::LaunchConfiguration",\n      "Properties": {\n        "ImageId": "ami-1",\n        "InstanceType": "t3.micro",\n        "AssociatePublicIpAddress": true\n      }\n    }\n  }\n}\n',
      findings: [
        {
          line: 8,
          column: 37,
          messageId: 'publicIp',
          message: "You · Network access: launch configuration 'Lc' asks for a public IP address",
          detail:
            "That exposes its instances to the internet as far as its security groups and network ACLs allow. Deciding what is exposed is yours, not AWS's: set AssociatePublicIpAddress to false unless its instances must be reached directly (a bastion or NAT instance).",
        },
      ],
      output:
        '{\n  "Resources": {\n    "Lc": {\n      "Type": "AWS::AutoScaling::LaunchConfiguration",\n      "Properties": {\n        "ImageId": "ami-1",\n        "InstanceType": "t3.micro",\n        "AssociatePublicIpAddress": false\n      }\n    }\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'instance',
      code: 'resource "aws_instance" "web" {\n  ami                         = "ami-123"\n  associate_public_ip_address = true\n}\n',
      findings: [{ line: 3, column: 33, messageId: 'publicIp', detail: /set associate_public_ip_address to false/ }],
      output:
        'resource "aws_instance" "web" {\n  ami                         = "ami-123"\n  associate_public_ip_address = false\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'launch template network interface',
      code: 'resource "aws_launch_template" "t" {\n  network_interfaces {\n    associate_public_ip_address = "true"\n    security_groups             = [aws_security_group.web.id]\n  }\n}\n',
      findings: [{ line: 3, column: 35 }],
      output:
        'resource "aws_launch_template" "t" {\n  network_interfaces {\n    associate_public_ip_address = false\n    security_groups             = [aws_security_group.web.id]\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'launch configuration with a variable from another file (not fixed here)',
      code: {
        'variables.tf': 'variable "public" {\n  default = true\n}\n',
        'asg.tf':
          'resource "aws_launch_configuration" "lc" {\n  image_id                    = "ami-123"\n  instance_type               = "t3.micro"\n  associate_public_ip_address = var.public\n}\n',
      },
      findings: [{ line: 4, column: 33, file: 'asg.tf' }],
    },
  ],
};
