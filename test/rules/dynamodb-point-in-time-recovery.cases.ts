import { rule } from '../../src/rules/dynamodb-point-in-time-recovery';
import type { RuleCases } from './tester';

export const cases: RuleCases = {
  rule,
  valid: [
    {
      syntax: 'yaml',
      code: 'Resources:\n  Orders:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      BillingMode: PAY_PER_REQUEST\n      PointInTimeRecoverySpecification:\n        PointInTimeRecoveryEnabled: true\n',
    },
    {
      syntax: 'yaml',
      name: 'value behind !If is unknown, never insecure',
      code: 'Resources:\n  Orders:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      PointInTimeRecoverySpecification:\n        PointInTimeRecoveryEnabled: !If [IsProd, true, false]\n',
    },
    {
      syntax: 'yaml',
      name: 'a parameter without default is unknown',
      code: 'Parameters:\n  Pitr:\n    Type: String\nResources:\n  Orders:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      PointInTimeRecoverySpecification:\n        PointInTimeRecoveryEnabled: !Ref Pitr\n',
    },
    {
      syntax: 'yaml',
      name: 'global table with recovery on every replica',
      code: 'Resources:\n  Global:\n    Type: AWS::DynamoDB::GlobalTable\n    Properties:\n      Replicas:\n        - Region: eu-west-1\n          PointInTimeRecoverySpecification:\n            PointInTimeRecoveryEnabled: true\n        - Region: us-east-1\n          PointInTimeRecoverySpecification:\n            PointInTimeRecoveryEnabled: true\n',
    },
    {
      syntax: 'yaml',
      name: 'global table replicas behind !If are unknown',
      code: 'Resources:\n  Global:\n    Type: AWS::DynamoDB::GlobalTable\n    Properties:\n      Replicas: !If [TwoRegions, [{ Region: eu-west-1 }], [{ Region: us-east-1 }]]\n',
    },
    {
      syntax: 'json',
      code: '{"Resources": {"Orders": {"Type": "AWS::DynamoDB::Table", "Properties": {"PointInTimeRecoverySpecification": {"PointInTimeRecoveryEnabled": "true"}}}}}',
    },
    {
      syntax: 'terraform',
      code: 'resource "aws_dynamodb_table" "orders" {\n  name     = "orders"\n  hash_key = "id"\n\n  point_in_time_recovery {\n    enabled = true\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a variable without default is unknown',
      code: 'variable "pitr" {}\n\nresource "aws_dynamodb_table" "orders" {\n  name = "orders"\n  point_in_time_recovery {\n    enabled = var.pitr\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a dynamic block is unknown',
      code: 'resource "aws_dynamodb_table" "orders" {\n  name = "orders"\n  dynamic "point_in_time_recovery" {\n    for_each = var.pitr ? [1] : []\n    content {\n      enabled = true\n    }\n  }\n}\n',
    },
  ],
  invalid: [
    {
      syntax: 'yaml',
      name: 'missing',
      code: 'Resources:\n  Orders:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      BillingMode: PAY_PER_REQUEST\n',
      findings: [
        {
          line: 3,
          column: 11,
          messageId: 'notSet',
          message: "Shared · Backup and DR: DynamoDB table 'Orders' has no point-in-time recovery",
          detail:
            'PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled is not set and defaults to false. AWS keeps the table durable, but undoing your own bad writes or deletes needs continuous backups, which you have to turn on.',
        },
      ],
      output:
        'Resources:\n  Orders:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      BillingMode: PAY_PER_REQUEST\n      PointInTimeRecoverySpecification:\n        PointInTimeRecoveryEnabled: true\n',
    },
    {
      syntax: 'yaml',
      name: 'explicitly false, comment kept',
      code: 'Resources:\n  Orders:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      PointInTimeRecoverySpecification:\n        PointInTimeRecoveryEnabled: False # later\n',
      findings: [
        {
          line: 6,
          column: 37,
          messageId: 'turnedOff',
          message: "Shared · Backup and DR: DynamoDB table 'Orders' turns point-in-time recovery off",
          detail:
            'AWS keeps the table durable, but undoing your own bad writes or deletes needs backups that you choose to keep: set PointInTimeRecoveryEnabled to true.',
        },
      ],
      output:
        'Resources:\n  Orders:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      PointInTimeRecoverySpecification:\n        PointInTimeRecoveryEnabled: true # later\n',
    },
    {
      syntax: 'yaml',
      name: 'a parameter default of false resolves',
      code: 'Parameters:\n  Pitr:\n    Type: String\n    Default: "false"\nResources:\n  Orders:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      PointInTimeRecoverySpecification:\n        PointInTimeRecoveryEnabled: !Ref Pitr\n',
      findings: [{ line: 10, column: 37 }],
    },
    {
      syntax: 'yaml',
      name: 'global table: one replica without recovery, reported on its Region',
      code: 'Resources:\n  Global:\n    Type: AWS::DynamoDB::GlobalTable\n    Properties:\n      Replicas:\n        - Region: eu-west-1\n          PointInTimeRecoverySpecification:\n            PointInTimeRecoveryEnabled: true\n        - Region: us-east-1\n',
      findings: [
        {
          line: 9,
          column: 19,
          messageId: 'notSet',
          message:
            "Shared · Backup and DR: the us-east-1 replica of DynamoDB global table 'Global' has no point-in-time recovery",
          detail:
            'PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled is not set and defaults to false. AWS keeps the table durable, but undoing your own bad writes or deletes needs continuous backups, which you have to turn on.',
        },
      ],
      output:
        'Resources:\n  Global:\n    Type: AWS::DynamoDB::GlobalTable\n    Properties:\n      Replicas:\n        - Region: eu-west-1\n          PointInTimeRecoverySpecification:\n            PointInTimeRecoveryEnabled: true\n        - Region: us-east-1\n          PointInTimeRecoverySpecification:\n            PointInTimeRecoveryEnabled: true\n',
    },
    {
      syntax: 'json',
      code: '{\n  "Resources": {\n    "Orders": {\n      "Type": "AWS::DynamoDB::Table",\n      "Properties": {\n        "BillingMode": "PAY_PER_REQUEST"\n      }\n    }\n  }\n}\n',
      findings: [{ line: 4, column: 15 }],
      output:
        '{\n  "Resources": {\n    "Orders": {\n      "Type": "AWS::DynamoDB::Table",\n      "Properties": {\n        "BillingMode": "PAY_PER_REQUEST",\n        "PointInTimeRecoverySpecification": {\n          "PointInTimeRecoveryEnabled": true\n        }\n      }\n    }\n  }\n}\n',
    },
    {
      syntax: 'json',
      name: 'global table replicas',
      code: '{\n  "Resources": {\n    "Global": {\n      "Type": "AWS::DynamoDB::GlobalTable",\n      "Properties": {\n        "Replicas": [\n          {\n            "Region": "eu-west-1"\n          }\n        ]\n      }\n    }\n  }\n}\n',
      findings: [{ line: 8, column: 23 }],
      output:
        '{\n  "Resources": {\n    "Global": {\n      "Type": "AWS::DynamoDB::GlobalTable",\n      "Properties": {\n        "Replicas": [\n          {\n            "Region": "eu-west-1",\n            "PointInTimeRecoverySpecification": {\n              "PointInTimeRecoveryEnabled": true\n            }\n          }\n        ]\n      }\n    }\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'missing block',
      code: 'resource "aws_dynamodb_table" "orders" {\n  name     = "orders"\n  hash_key = "id"\n}\n',
      findings: [{ line: 1, column: 10 }],
      output:
        'resource "aws_dynamodb_table" "orders" {\n  name     = "orders"\n  hash_key = "id"\n  point_in_time_recovery {\n    enabled = true\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'block without enabled is reported on the block',
      code: 'resource "aws_dynamodb_table" "orders" {\n  name = "orders"\n  point_in_time_recovery {\n  }\n}\n',
      findings: [{ line: 3, column: 3 }],
      output:
        'resource "aws_dynamodb_table" "orders" {\n  name = "orders"\n  point_in_time_recovery {\n    enabled = true\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'false from a local in another file of the module',
      code: {
        'locals.tf': 'locals {\n  pitr = false\n}\n',
        'main.tf':
          'resource "aws_dynamodb_table" "orders" {\n  name = "orders"\n  point_in_time_recovery {\n    enabled = local.pitr\n  }\n}\n',
      },
      findings: [{ line: 4, column: 15, file: 'main.tf' }],
    },
  ],
};
