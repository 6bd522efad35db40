import { rule } from '../../src/rules/dynamodb-deletion-protection';
import type { RuleCases } from './tester';

export const cases: RuleCases = {
  rule,
  valid: [
    {
      syntax: 'yaml',
      code: 'Resources:\n  Orders:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      DeletionProtectionEnabled: true\n',
    },
    {
      syntax: 'yaml',
      name: 'a parameter without default is unknown',
      code: 'Parameters:\n  Protect:\n    Type: String\nResources:\n  Orders:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      DeletionProtectionEnabled: !Ref Protect\n',
    },
    {
      syntax: 'yaml',
      name: '!If is unknown',
      code: 'Resources:\n  Orders:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      DeletionProtectionEnabled: !If [IsProd, true, false]\n',
    },
    {
      syntax: 'yaml',
      name: 'global table with protection on every replica',
      code: 'Resources:\n  Global:\n    Type: AWS::DynamoDB::GlobalTable\n    Properties:\n      Replicas:\n        - Region: eu-west-1\n          DeletionProtectionEnabled: true\n',
    },
    {
      syntax: 'json',
      code: '{"Resources": {"Orders": {"Type": "AWS::DynamoDB::Table", "Properties": {"DeletionProtectionEnabled": true}}}}',
    },
    {
      syntax: 'terraform',
      code: 'resource "aws_dynamodb_table" "orders" {\n  name                        = "orders"\n  deletion_protection_enabled = true\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a variable without default is unknown',
      code: 'variable "protect" {\n  type = bool\n}\n\nresource "aws_dynamodb_table" "orders" {\n  deletion_protection_enabled = var.protect\n}\n',
    },
  ],
  invalid: [
    {
      syntax: 'yaml',
      name: 'missing',
      code: 'Resources:\n  Orders:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      TableName: orders\n',
      findings: [
        {
          line: 3,
          column: 11,
          messageId: 'notSet',
          message: "Shared · Backup and DR: DynamoDB table 'Orders' has no deletion protection",
          detail:
            'DeletionProtectionEnabled is not set and defaults to false, so one DeleteTable call (from a person, a script or a stack change) removes it with its data. Guarding against that is yours: turn it on.',
        },
      ],
      output:
        'Resources:\n  Orders:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      TableName: orders\n      DeletionProtectionEnabled: true\n',
    },
    {
      syntax: 'yaml',
      name: 'explicitly false',
      code: 'Resources:\n  Orders:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      DeletionProtectionEnabled: "false"\n',
      findings: [{ line: 5, column: 34, messageId: 'turnedOff' }],
      output:
        'Resources:\n  Orders:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      DeletionProtectionEnabled: true\n',
    },
    {
      syntax: 'yaml',
      name: 'global table replicas, flow style',
      code: 'Resources:\n  Global:\n    Type: AWS::DynamoDB::GlobalTable\n    Properties:\n      Replicas:\n        - { Region: eu-west-1, DeletionProtectionEnabled: true }\n        - { Region: us-east-1 }\n',
      findings: [
        {
          line: 7,
          column: 21,
          messageId: 'notSet',
          message:
            "Shared · Backup and DR: the us-east-1 replica of DynamoDB global table 'Global' has no deletion protection",
          detail:
            'DeletionProtectionEnabled is not set and defaults to false, so one DeleteTable call (from a person, a script or a stack change) removes it with its data. Guarding against that is yours: turn it on.',
        },
      ],
      output:
        'Resources:\n  Global:\n    Type: AWS::DynamoDB::GlobalTable\n    Properties:\n      Replicas:\n        - { Region: eu-west-1, DeletionProtectionEnabled: true }\n        - { Region: us-east-1, DeletionProtectionEnabled: true }\n',
    },
    {
      syntax: 'json',
      code: '{\n  "Resources": {\n    "Orders": {\n      "Type": "AWS::DynamoDB::Table"\n    }\n  }\n}\n',
      findings: [{ line: 4, column: 15 }],
      output:
        '{\n  "Resources": {\n    "Orders": {\n      "Type": "AWS::DynamoDB::Table",\n      "Properties": {\n        "DeletionProtectionEnabled": true\n      }\n    }\n  }\n}\n',
    },
    {
      syntax: 'yaml',
      name: 'DeletionPolicy and UpdateReplacePolicy Retain: no stack change removes the table',
      code: 'Resources:\n  Orders:\n    Type: AWS::DynamoDB::Table\n    DeletionPolicy: Retain\n    UpdateReplacePolicy: Retain\n    Properties:\n      TableName: orders\n',
      findings: [
        {
          line: 3,
          column: 11,
          messageId: 'notSet',
          data: { deleters: 'from a person or a script; its Retain policies keep it only through stack changes' },
          message: "Shared · Backup and DR: DynamoDB table 'Orders' has no deletion protection",
          detail:
            'DeletionProtectionEnabled is not set and defaults to false, so one DeleteTable call (from a person or a script; its Retain policies keep it only through stack changes) removes it with its data. Guarding against that is yours: turn it on.',
        },
      ],
      output:
        'Resources:\n  Orders:\n    Type: AWS::DynamoDB::Table\n    DeletionPolicy: Retain\n    UpdateReplacePolicy: Retain\n    Properties:\n      TableName: orders\n      DeletionProtectionEnabled: true\n',
    },
    {
      syntax: 'yaml',
      name: 'DeletionPolicy RetainExceptOnCreate alone: a replacing update still deletes it',
      code: 'Resources:\n  Orders:\n    Type: AWS::DynamoDB::Table\n    DeletionPolicy: RetainExceptOnCreate\n    Properties:\n      DeletionProtectionEnabled: false\n',
      findings: [
        {
          line: 6,
          column: 34,
          messageId: 'turnedOff',
          data: {
            deleters:
              'from a person, a script or a stack update that replaces it; DeletionPolicy Retain keeps it only when the stack removes it',
          },
        },
      ],
      output:
        'Resources:\n  Orders:\n    Type: AWS::DynamoDB::Table\n    DeletionPolicy: RetainExceptOnCreate\n    Properties:\n      DeletionProtectionEnabled: true\n',
    },
    {
      syntax: 'json',
      name: 'UpdateReplacePolicy Retain alone, DeletionPolicy Delete',
      code: '{"Resources": {"Orders": {"Type": "AWS::DynamoDB::Table", "DeletionPolicy": "Delete", "UpdateReplacePolicy": "Retain", "Properties": {"DeletionProtectionEnabled": false}}}}',
      findings: [
        {
          line: 1,
          column: 164,
          messageId: 'turnedOff',
          data: {
            deleters:
              'from a person, a script or a stack change that removes it; UpdateReplacePolicy Retain keeps it only through replacement',
          },
        },
      ],
      output:
        '{"Resources": {"Orders": {"Type": "AWS::DynamoDB::Table", "DeletionPolicy": "Delete", "UpdateReplacePolicy": "Retain", "Properties": {"DeletionProtectionEnabled": true}}}}',
    },
    {
      syntax: 'yaml',
      name: 'a policy from a parameter without default is unknown: the message does not decide',
      code: 'Parameters:\n  Policy:\n    Type: String\nResources:\n  Global:\n    Type: AWS::DynamoDB::GlobalTable\n    DeletionPolicy: !Ref Policy\n    UpdateReplacePolicy: Retain\n    Properties:\n      Replicas:\n        - Region: eu-west-1\n',
      findings: [
        {
          line: 11,
          column: 19,
          messageId: 'notSet',
          data: { deleters: 'from a person, a script or possibly a stack change' },
        },
      ],
      output:
        'Parameters:\n  Policy:\n    Type: String\nResources:\n  Global:\n    Type: AWS::DynamoDB::GlobalTable\n    DeletionPolicy: !Ref Policy\n    UpdateReplacePolicy: Retain\n    Properties:\n      Replicas:\n        - Region: eu-west-1\n          DeletionProtectionEnabled: true\n',
    },
    {
      syntax: 'terraform',
      name: 'missing',
      code: 'resource "aws_dynamodb_table" "orders" {\n  name = "orders"\n}\n',
      findings: [{ line: 1, column: 10 }],
      output: 'resource "aws_dynamodb_table" "orders" {\n  name = "orders"\n  deletion_protection_enabled = true\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'variable default false, declared in another file',
      code: {
        'main.tf':
          'resource "aws_dynamodb_table" "orders" {\n  name                        = "orders"\n  deletion_protection_enabled = var.protect\n}\n',
        'variables.tf': 'variable "protect" {\n  default = false\n}\n',
      },
      findings: [{ line: 3, column: 33, file: 'main.tf' }],
    },
  ],
};
