import { rule } from '../../src/rules/dynamodb-customer-managed-key';
import type { RuleCases } from './tester';

export const cases: RuleCases = {
  rule,
  valid: [
    {
      syntax: 'yaml',
      name: 'a customer managed key',
      code: 'Resources:\n  Orders:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      SSESpecification:\n        SSEEnabled: true\n        SSEType: KMS\n        KMSMasterKeyId: !Ref TableKey\n  TableKey:\n    Type: AWS::KMS::Key\n',
    },
    {
      syntax: 'yaml',
      name: 'SSEEnabled from a parameter without default is unknown',
      code: 'Parameters:\n  Sse:\n    Type: String\nResources:\n  Orders:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      SSESpecification:\n        SSEEnabled: !Ref Sse\n',
    },
    {
      syntax: 'yaml',
      name: 'global table with a key per replica',
      code: 'Resources:\n  Global:\n    Type: AWS::DynamoDB::GlobalTable\n    Properties:\n      SSESpecification:\n        SSEEnabled: true\n        SSEType: KMS\n      Replicas:\n        - Region: eu-west-1\n          SSESpecification:\n            KMSMasterKeyId: alias/orders\n',
    },
    {
      syntax: 'json',
      code: '{"Resources": {"Orders": {"Type": "AWS::DynamoDB::Table", "Properties": {"SSESpecification": {"SSEEnabled": true, "KMSMasterKeyId": "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"}}}}}',
    },
    {
      syntax: 'terraform',
      code: 'resource "aws_dynamodb_table" "orders" {\n  name = "orders"\n  server_side_encryption {\n    enabled     = true\n    kms_key_arn = aws_kms_key.orders.arn\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a dynamic block is unknown',
      code: 'resource "aws_dynamodb_table" "orders" {\n  name = "orders"\n  dynamic "server_side_encryption" {\n    for_each = var.kms_key_arn == null ? [] : [1]\n    content {\n      enabled     = true\n      kms_key_arn = var.kms_key_arn\n    }\n  }\n}\n',
    },
  ],
  invalid: [
    {
      syntax: 'yaml',
      name: 'default encryption: an AWS owned key',
      code: 'Resources:\n  Orders:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      TableName: orders\n',
      findings: [
        {
          line: 3,
          column: 11,
          severity: 'info',
          messageId: 'awsOwnedKey',
          message: "Shared · Data at rest: DynamoDB table 'Orders' uses a key AWS owns (the default)",
          detail:
            'It is encrypted at rest with a key that AWS owns, the default. If you need to audit, restrict or revoke the key that protects this data, that choice is yours: use a customer managed KMS key.',
        },
      ],
    },
    {
      syntax: 'yaml',
      name: 'SSEEnabled without a key: the AWS managed key, reported on the specification',
      code: 'Resources:\n  Orders:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      SSESpecification:\n        SSEEnabled: true\n',
      findings: [{ line: 5, column: 7, messageId: 'awsManagedKey' }],
    },
    {
      syntax: 'yaml',
      name: 'the AWS managed alias named explicitly',
      code: 'Resources:\n  Orders:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      SSESpecification:\n        SSEEnabled: true\n        KMSMasterKeyId: alias/aws/dynamodb\n',
      findings: [{ line: 5, column: 7, messageId: 'awsManagedKey' }],
    },
    {
      syntax: 'yaml',
      name: 'global table without replica keys',
      code: 'Resources:\n  Global:\n    Type: AWS::DynamoDB::GlobalTable\n    Properties:\n      Replicas:\n        - Region: eu-west-1\n',
      findings: [{ line: 3, column: 11, messageId: 'awsOwnedKey' }],
    },
    {
      syntax: 'json',
      code: '{\n  "Resources": {\n    "Orders": {\n      "Type": "AWS::DynamoDB::Table",\n      "Properties": {\n        "SSESpecification": {"SSEEnabled": false}\n      }\n    }\n  }\n}\n',
      findings: [{ line: 6, column: 9, messageId: 'awsOwnedKey' }],
    },
    {
      syntax: 'terraform',
      name: 'no server_side_encryption block',
      code: 'resource "aws_dynamodb_table" "orders" {\n  name = "orders"\n}\n',
      findings: [{ line: 1, column: 10, messageId: 'awsOwnedKey' }],
    },
    {
      syntax: 'terraform',
      name: 'enabled without kms_key_arn: the AWS managed key',
      code: 'resource "aws_dynamodb_table" "orders" {\n  name = "orders"\n  server_side_encryption {\n    enabled = true\n  }\n}\n',
      findings: [{ line: 3, column: 3, messageId: 'awsManagedKey' }],
    },
  ],
};
