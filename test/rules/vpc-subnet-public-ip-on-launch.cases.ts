import { rule } from '../../src/rules/vpc-subnet-public-ip-on-launch';
import type { RuleCases } from './tester';

export const cases: RuleCases = {
  rule,
  valid: [
    {
      syntax: 'yaml',
      code: 'Resources:\n  Subnet:\n    Type: AWS::EC2::Subnet\n    Properties:\n      VpcId: !Ref Vpc\n      CidrBlock: 10.0.0.0/24\n',
    },
    {
      syntax: 'yaml',
      name: 'explicitly false',
      code: 'Resources:\n  Subnet:\n    Type: AWS::EC2::Subnet\n    Properties:\n      VpcId: !Ref Vpc\n      CidrBlock: 10.0.0.0/24\n      MapPublicIpOnLaunch: false\n',
    },
    {
      syntax: 'yaml',
      name: 'behind !If is unknown',
      code: 'Resources:\n  Subnet:\n    Type: AWS::EC2::Subnet\n    Properties:\n      VpcId: !Ref Vpc\n      CidrBlock: 10.0.0.0/24\n      MapPublicIpOnLaunch: !If [Public, true, false]\n',
    },
    {
      syntax: 'yaml',
      name: 'a parameter without default is unknown',
      code: 'Parameters:\n  Public:\n    Type: String\nResources:\n  Subnet:\n    Type: AWS::EC2::Subnet\n    Properties:\n      VpcId: !Ref Vpc\n      CidrBlock: 10.0.0.0/24\n      MapPublicIpOnLaunch: !Ref Public\n',
    },
    {
      syntax: 'json',
      code: '{"Resources": {"Subnet": {"Type": "AWS::EC2::Subnet", "Properties": {"VpcId": "vpc-1", "CidrBlock": "10.0.0.0/24", "MapPublicIpOnLaunch": "false"}}}}',
    },
    {
      syntax: 'terraform',
      code: 'resource "aws_subnet" "private" {\n  vpc_id     = aws_vpc.main.id\n  cidr_block = "10.0.1.0/24"\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a variable without default is unknown',
      code: 'variable "public" {\n  type = bool\n}\n\nresource "aws_subnet" "s" {\n  vpc_id                  = aws_vpc.main.id\n  cidr_block              = "10.0.1.0/24"\n  map_public_ip_on_launch = var.public\n}\n',
    },
  ],
  invalid: [
    {
      syntax: 'yaml',
      code: 'Resources:\n  PublicSubnet:\n    Type: AWS::EC2::Subnet\n    Properties:\n      VpcId: !Ref Vpc\n      CidrBlock: 10.0.0.0/24\n      MapPublicIpOnLaunch: true\n',
      findings: [
        {
          line: 7,
          column: 28,
          severity: 'info',
          messageId: 'publicIpOnLaunch',
          message:
            "You · Network access: subnet 'PublicSubnet' gives every instance launched into it a public IP address",
          detail:
            "Which workloads face the internet is yours to decide, not the subnet's: turn this off and let instances that must be public ask for an address.",
        },
      ],
      output:
        'Resources:\n  PublicSubnet:\n    Type: AWS::EC2::Subnet\n    Properties:\n      VpcId: !Ref Vpc\n      CidrBlock: 10.0.0.0/24\n      MapPublicIpOnLaunch: false\n',
    },
    {
      syntax: 'yaml',
      name: 'a parameter default is reported, but fixed where it is set, not here',
      code: 'Parameters:\n  Public:\n    Type: String\n    Default: "true"\nResources:\n  Subnet:\n    Type: AWS::EC2::Subnet\n    Properties:\n      VpcId: !Ref Vpc\n      CidrBlock: 10.0.0.0/24\n      MapPublicIpOnLaunch: !Ref Public\n',
      findings: [{ line: 11, column: 28 }],
    },
    {
      syntax: 'json',
      code: '{\n  "Resources": {\n    "Subnet": {\n      "Type": "AWS::EC2::Subnet",\n      "Properties": {\n        "VpcId": "vpc-1",\n        "CidrBlock": "10.0.0.0/24",\n        "MapPublicIpOnLaunch": "true"\n      }\n    }\n  }\n}\n',
      findings: [{ line: 8, column: 32 }],
      output:
        '{\n  "Resources": {\n    "Subnet": {\n      "Type": "AWS::EC2::Subnet",\n      "Properties": {\n        "VpcId": "vpc-1",\n        "CidrBlock": "10.0.0.0/24",\n        "MapPublicIpOnLaunch": false\n      }\n    }\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      code: 'resource "aws_subnet" "public" {\n  vpc_id                  = aws_vpc.main.id\n  cidr_block              = "10.0.0.0/24"\n  map_public_ip_on_launch = true # for the bastion\n}\n\nresource "aws_default_subnet" "a" {\n  availability_zone       = "eu-west-1a"\n  map_public_ip_on_launch = true\n}\n',
      findings: [
        { line: 4, column: 29 },
        { line: 9, column: 29 },
      ],
      output:
        'resource "aws_subnet" "public" {\n  vpc_id                  = aws_vpc.main.id\n  cidr_block              = "10.0.0.0/24"\n  map_public_ip_on_launch = false # for the bastion\n}\n\nresource "aws_default_subnet" "a" {\n  availability_zone       = "eu-west-1a"\n  map_public_ip_on_launch = false\n}\n',
    },
  ],
};
