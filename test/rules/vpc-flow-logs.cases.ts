import { rule } from '../../src/rules/vpc-flow-logs';
import type { RuleCases } from './tester';

export const cases: RuleCases = {
  rule,
  valid: [
    {
      syntax: 'yaml',
      code: 'Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: 10.0.0.0/16\n  VpcFlowLog:\n    Type: AWS::EC2::FlowLog\n    Properties:\n      ResourceId: !Ref Vpc\n      ResourceType: VPC\n      TrafficType: ALL\n      LogDestinationType: s3\n      LogDestination: !GetAtt LogBucket.Arn\n',
    },
    {
      syntax: 'yaml',
      name: 'a nested stack for flow logs that is handed the VPC',
      code: 'Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: 10.0.0.0/16\n  FlowLogsStack:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: https://example.com/flow-logs.yaml\n      Parameters:\n        VpcId: !Ref Vpc\n',
    },
    {
      syntax: 'json',
      code: '{"Resources": {"Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/16"}}, "Logs": {"Type": "AWS::EC2::FlowLog", "Properties": {"ResourceId": {"Fn::GetAtt": ["Vpc", "VpcId"]}, "ResourceType": "VPC", "TrafficType": "REJECT", "LogGroupName": "vpc", "DeliverLogsPermissionArn": "arn:aws:iam::123456789012:role/flow"}}}}',
    },
    {
      syntax: 'terraform',
      name: 'the flow log in another file of the module',
      code: {
        'main.tf': 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n',
        'logging.tf':
          'resource "aws_flow_log" "main" {\n  vpc_id               = aws_vpc.main.id\n  traffic_type         = "ALL"\n  log_destination_type = "s3"\n  log_destination      = aws_s3_bucket.logs.arn\n}\n',
      },
    },
    {
      syntax: 'terraform',
      name: 'the VPC id routed through a local',
      code: 'locals {\n  vpc_id = try(aws_vpc.this[0].id, "")\n}\n\nresource "aws_vpc" "this" {\n  count      = 1\n  cidr_block = "10.0.0.0/16"\n}\n\nresource "aws_flow_log" "this" {\n  vpc_id          = local.vpc_id\n  traffic_type    = "ALL"\n  log_destination = aws_s3_bucket.logs.arn\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a flow log module that is handed the VPC',
      code: 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n\nmodule "vpc_flow_logs" {\n  source = "./modules/flow-logs"\n  vpc_id = aws_vpc.main.id\n}\n',
    },
  ],
  invalid: [
    {
      syntax: 'yaml',
      name: 'a flow log on a subnet does not cover the VPC',
      code: 'Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: 10.0.0.0/16\n  Subnet:\n    Type: AWS::EC2::Subnet\n    Properties:\n      VpcId: !Ref Vpc\n      CidrBlock: 10.0.0.0/24\n  SubnetFlowLog:\n    Type: AWS::EC2::FlowLog\n    Properties:\n      ResourceId: !Ref Subnet\n      ResourceType: Subnet\n      TrafficType: ALL\n      LogDestinationType: s3\n      LogDestination: arn:aws:s3:::logs\n',
      findings: [
        {
          line: 3,
          column: 11,
          messageId: 'noFlowLog',
          message: "Shared · Logging and monitoring: VPC 'Vpc' has no flow log in this template",
          detail:
            'AWS records VPC traffic only when you ask it to: add an AWS::EC2::FlowLog with ResourceId: !Ref Vpc and a log destination you control.',
        },
      ],
    },
    {
      syntax: 'json',
      code: '{\n  "Resources": {\n    "Vpc": {\n      "Type": "AWS::EC2::VPC",\n      "Properties": {"CidrBlock": "10.0.0.0/16"}\n    }\n  }\n}\n',
      findings: [{ line: 4, column: 15 }],
    },
    {
      syntax: 'terraform',
      name: 'a module handed the VPC but not about flow logs proves nothing',
      code: 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n\nresource "aws_default_vpc" "default" {}\n\nresource "aws_flow_log" "other" {\n  vpc_id          = aws_vpc.other.id\n  log_destination = aws_s3_bucket.logs.arn\n}\n\nmodule "eks" {\n  source = "terraform-aws-modules/eks/aws"\n  vpc_id = aws_vpc.main.id\n}\n',
      findings: [
        {
          line: 1,
          column: 10,
          messageId: 'noFlowLog',
          message: "Shared · Logging and monitoring: VPC 'aws_vpc.main' has no flow log in this module",
          detail:
            'AWS records VPC traffic only when you ask it to: add an aws_flow_log with vpc_id = aws_vpc.main.id and a log destination you control.',
        },
        { line: 5, column: 10, messageId: 'noFlowLog', message: /aws_default_vpc\.default/ },
      ],
    },
  ],
};
