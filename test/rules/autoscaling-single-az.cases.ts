import { rule } from '../../src/rules/autoscaling-single-az';
import type { RuleCases } from './tester';

const asg = (placement: string) =>
  `Resources:\n  Asg:\n    Type: AWS::AutoScaling::AutoScalingGroup\n    Properties:\n      MinSize: 1\n      MaxSize: 3\n${placement}`;
const subnets = (a: string, b: string) =>
  `Resources:\n  SubnetA:\n    Type: AWS::EC2::Subnet\n    Properties:\n      VpcId: !Ref Vpc\n      CidrBlock: 10.0.0.0/24\n      AvailabilityZone: ${a}\n  SubnetB:\n    Type: AWS::EC2::Subnet\n    Properties:\n      VpcId: !Ref Vpc\n      CidrBlock: 10.0.1.0/24\n      AvailabilityZone: ${b}\n  Asg:\n    Type: AWS::AutoScaling::AutoScalingGroup\n    Properties:\n      MinSize: 1\n      MaxSize: 3\n      VPCZoneIdentifier:\n        - !Ref SubnetA\n        - !Ref SubnetB\n`;

export const cases: RuleCases = {
  rule,
  valid: [
    { syntax: 'yaml', code: asg('      VPCZoneIdentifier:\n        - subnet-0a1b2c3d\n        - subnet-4e5f6a7b\n') },
    { syntax: 'yaml', name: 'every zone of the region', code: asg("      AvailabilityZones: !GetAZs ''\n") },
    {
      syntax: 'yaml',
      name: 'a list parameter cannot be counted',
      code:
        'Parameters:\n  Subnets:\n    Type: List<AWS::EC2::Subnet::Id>\n' +
        asg('      VPCZoneIdentifier: !Ref Subnets\n'),
    },
    {
      syntax: 'yaml',
      name: 'subnets in two zones picked with !Select',
      code: subnets("!Select [0, !GetAZs '']", "!Select [1, !GetAZs '']"),
    },
    {
      syntax: 'yaml',
      name: 'an imported value may hold several subnets',
      code: asg('      VPCZoneIdentifier:\n        - !ImportValue PrivateSubnets\n'),
    },
    { syntax: 'yaml', name: 'subnets whose zones are unknown', code: subnets('!Ref ZoneA', '!Ref ZoneA') },
    {
      syntax: 'json',
      code: '{"Resources": {"Asg": {"Type": "AWS::AutoScaling::AutoScalingGroup", "Properties": {"MinSize": "1", "MaxSize": "2", "AvailabilityZones": ["eu-west-1a", "eu-west-1b"]}}}}',
    },
    {
      syntax: 'terraform',
      code: 'resource "aws_autoscaling_group" "web" {\n  min_size            = 1\n  max_size            = 3\n  vpc_zone_identifier = [aws_subnet.a.id, aws_subnet.b.id]\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a splat cannot be counted',
      code: 'resource "aws_autoscaling_group" "web" {\n  min_size            = 1\n  max_size            = 3\n  vpc_zone_identifier = [aws_subnet.private[*].id]\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a variable without default cannot be counted',
      code: 'variable "subnet_ids" {\n  type = list(string)\n}\n\nresource "aws_autoscaling_group" "web" {\n  min_size            = 1\n  max_size            = 3\n  vpc_zone_identifier = var.subnet_ids\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'the zones of a data source',
      code: 'resource "aws_autoscaling_group" "web" {\n  min_size           = 1\n  max_size           = 3\n  availability_zones = data.aws_availability_zones.available.names\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'instances of a counted subnet are in different zones',
      code: 'resource "aws_subnet" "private" {\n  count             = 2\n  vpc_id            = aws_vpc.main.id\n  cidr_block        = cidrsubnet("10.0.0.0/16", 8, count.index)\n  availability_zone = data.aws_availability_zones.available.names[count.index]\n}\n\nresource "aws_autoscaling_group" "web" {\n  min_size            = 1\n  max_size            = 3\n  vpc_zone_identifier = [aws_subnet.private[0].id, aws_subnet.private[1].id]\n}\n',
    },
  ],
  invalid: [
    {
      syntax: 'yaml',
      name: 'one subnet',
      code: 'Resources:\n  Subnet:\n    Type: AWS::EC2::Subnet\n    Properties:\n      VpcId: !Ref Vpc\n      CidrBlock: 10.0.0.0/24\n  Asg:\n    Type: AWS::AutoScaling::AutoScalingGroup\n    Properties:\n      MinSize: 1\n      MaxSize: 3\n      VPCZoneIdentifier:\n        - !Ref Subnet\n',
      findings: [
        {
          line: 13,
          column: 9,
          messageId: 'singleSubnet',
          message: "You · Region and AZ placement: Auto Scaling group 'Asg' has a single subnet, so a single zone",
          detail:
            "It launches into a single subnet ('Subnet'), so into a single Availability Zone. AWS isolates zones from each other, but spreading the group across them is yours to do: add subnets in at least one more zone so it can replace instances when a zone fails.",
        },
      ],
    },
    {
      syntax: 'yaml',
      name: 'one zone picked with !Select',
      code: asg("      AvailabilityZones:\n        - !Select [0, !GetAZs '']\n"),
      findings: [
        {
          line: 8,
          column: 9,
          messageId: 'singleZone',
          message:
            "You · Region and AZ placement: Auto Scaling group 'Asg' runs in one zone only ('!Select [0, !GetAZs '']')",
          detail:
            "It runs in a single Availability Zone ('!Select [0, !GetAZs '']'). AWS isolates zones from each other, but spreading the group across them is yours to do: list at least two zones so it can replace instances when one fails.",
        },
      ],
    },
    {
      syntax: 'yaml',
      name: 'two subnets in the same zone',
      code: subnets("!Select [0, !GetAZs '']", '!Select [0, !GetAZs ""]'),
      findings: [
        {
          line: 20,
          column: 9,
          messageId: 'subnetsInOneZone',
          detail: /launches into 2 subnets that are all in the same Availability Zone/,
        },
      ],
    },
    {
      syntax: 'yaml',
      name: 'a single-subnet parameter',
      code:
        'Parameters:\n  SubnetId:\n    Type: AWS::EC2::Subnet::Id\n' +
        asg('      VPCZoneIdentifier: [!Ref SubnetId]\n'),
      findings: [{ line: 10, column: 26, messageId: 'singleSubnet', detail: /single subnet \('SubnetId'\)/ }],
    },
    {
      syntax: 'json',
      code: '{\n  "Resources": {\n    "Asg": {\n      "Type": "AWS::AutoScaling::AutoScalingGroup",\n      "Properties": {"MinSize": "1", "MaxSize": "2", "AvailabilityZones": ["eu-west-1a"]}\n    }\n  }\n}\n',
      findings: [{ line: 5, column: 75, messageId: 'singleZone', detail: /\('eu-west-1a'\)/ }],
    },
    {
      syntax: 'terraform',
      name: 'one subnet, and a variable default with one zone',
      code: {
        'main.tf':
          'resource "aws_autoscaling_group" "web" {\n  min_size            = 1\n  max_size            = 3\n  vpc_zone_identifier = [aws_subnet.a.id]\n}\n\nresource "aws_autoscaling_group" "batch" {\n  min_size           = 0\n  max_size           = 3\n  availability_zones = var.zones\n}\n',
        'variables.tf': 'variable "zones" {\n  default = ["eu-west-1a"]\n}\n',
      },
      findings: [
        {
          line: 4,
          column: 25,
          file: 'main.tf',
          messageId: 'singleSubnet',
          detail: /single subnet \('aws_subnet\.a'\)/,
        },
        {
          line: 10,
          column: 24,
          file: 'main.tf',
          messageId: 'singleZone',
          detail: /single Availability Zone \('eu-west-1a'\)/,
        },
      ],
    },
    {
      syntax: 'terraform',
      name: 'two subnets of the module in one zone',
      code: 'resource "aws_subnet" "a" {\n  vpc_id            = aws_vpc.main.id\n  cidr_block        = "10.0.0.0/24"\n  availability_zone = "eu-west-1a"\n}\n\nresource "aws_subnet" "b" {\n  vpc_id            = aws_vpc.main.id\n  cidr_block        = "10.0.1.0/24"\n  availability_zone = "eu-west-1a"\n}\n\nresource "aws_autoscaling_group" "web" {\n  min_size            = 1\n  max_size            = 3\n  vpc_zone_identifier = [aws_subnet.a.id, aws_subnet.b.id]\n}\n',
      findings: [
        {
          line: 16,
          column: 25,
          messageId: 'subnetsInOneZone',
          detail: /2 subnets that are all in the same Availability Zone \(eu-west-1a\)/,
        },
      ],
    },
  ],
};
