import { rule } from '../../src/rules/service-retired';
import type { RuleCases } from './tester';

export const cases: RuleCases = {
  rule,
  valid: [
    {
      syntax: 'terraform',
      name: 'the S3 Glacier storage classes are what AWS recommends instead',
      code: 'resource "aws_s3_bucket_lifecycle_configuration" "archive" {\n  bucket = "b"\n  rule {\n    id     = "archive"\n    status = "Enabled"\n    transition {\n      days          = 30\n      storage_class = "GLACIER"\n    }\n  }\n}\n',
    },
    {
      syntax: 'yaml',
      name: 'a ledger table on Aurora PostgreSQL',
      code: 'Resources:\n  Ledger:\n    Type: AWS::RDS::DBCluster\n    Properties:\n      Engine: aurora-postgresql\n',
    },
    {
      syntax: 'json',
      name: 'a DynamoDB table is of a current service',
      code: '{"Resources": {"Ledger": {"Type": "AWS::DynamoDB::Table", "Properties": {"BillingMode": "PAY_PER_REQUEST"}}}}',
    },
  ],
  invalid: [
    {
      syntax: 'terraform',
      name: 'a Glacier vault: closed to new customers',
      code: 'resource "aws_glacier_vault" "archive" {\n  name = "archive"\n}\n',
      findings: [
        {
          line: 1,
          column: 10,
          messageId: 'closed',
          message:
            "You · Configuration and policies: 'aws_glacier_vault.archive' uses a service closed to new customers since 2025-12-15",
          detail:
            /^Amazon Glacier \(the original vault-based service\) is closed to new customers\. AWS recommends the Glacier storage classes in Amazon S3/,
        },
      ],
    },
    {
      syntax: 'yaml',
      name: 'a Cloud9 environment: closed to new customers, with no date AWS has published',
      code: 'Resources:\n  Ide:\n    Type: AWS::Cloud9::EnvironmentEC2\n    Properties:\n      InstanceType: t3.small\n      ImageId: amazonlinux-2023-x86_64\n',
      findings: [
        {
          line: 3,
          column: 11,
          messageId: 'closedUndated',
          message: "You · Configuration and policies: 'Ide' uses a service AWS no longer offers to new customers",
          detail:
            /^AWS Cloud9 is closed to new customers; existing customers can go on using it\. AWS recommends the AWS IDE Toolkits/,
        },
      ],
    },
    {
      syntax: 'terraform',
      name: 'a vault lock belongs to the same service',
      code: 'resource "aws_glacier_vault_lock" "lock" {\n  vault_name = "archive"\n  complete_lock = false\n  policy = "{}"\n}\n',
      findings: [
        {
          line: 1,
          column: 10,
          messageId: 'closed',
          message: /'aws_glacier_vault_lock.lock' uses a service closed to new customers since 2025-12-15$/,
        },
      ],
    },
    {
      syntax: 'yaml',
      name: 'a QLDB ledger and its stream: end of support',
      code: 'Resources:\n  Ledger:\n    Type: AWS::QLDB::Ledger\n    Properties:\n      PermissionsMode: STANDARD\n  Stream:\n    Type: AWS::QLDB::Stream\n    Properties:\n      LedgerName: !Ref Ledger\n',
      findings: [
        {
          line: 3,
          column: 11,
          messageId: 'endOfSupport',
          message:
            "You · Configuration and policies: 'Ledger' uses a service that reached end of support on 2025-07-31",
          detail: /^Amazon QLDB is no longer supported\. AWS recommends .*Aurora PostgreSQL/,
        },
        {
          line: 7,
          column: 11,
          messageId: 'endOfSupport',
          message: /'Stream' uses a service that reached end of support/,
        },
      ],
    },
    {
      syntax: 'json',
      code: '{"Resources": {"Ledger": {"Type": "AWS::QLDB::Ledger", "Properties": {"PermissionsMode": "STANDARD"}}}}',
      findings: [{ line: 1, column: 35, messageId: 'endOfSupport', message: /end of support on 2025-07-31$/ }],
    },
  ],
};
