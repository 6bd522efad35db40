import { rule } from '../../src/rules/sqs-queue-encryption';
import type { RuleCases } from './tester';

export const cases: RuleCases = {
  rule,
  valid: [
    {
      syntax: 'yaml',
      name: 'no settings: SSE-SQS by default',
      code: 'Resources:\n  Jobs:\n    Type: AWS::SQS::Queue\n',
    },
    {
      syntax: 'yaml',
      name: 'SSE-SQS explicitly',
      code: 'Resources:\n  Jobs:\n    Type: AWS::SQS::Queue\n    Properties:\n      SqsManagedSseEnabled: true\n',
    },
    {
      syntax: 'yaml',
      name: 'a KMS key with SSE-SQS off',
      code: 'Resources:\n  Jobs:\n    Type: AWS::SQS::Queue\n    Properties:\n      SqsManagedSseEnabled: false\n      KmsMasterKeyId: alias/aws/sqs\n',
    },
    {
      syntax: 'yaml',
      name: 'a parameter without default is unknown',
      code: 'Parameters:\n  Sse:\n    Type: String\nResources:\n  Jobs:\n    Type: AWS::SQS::Queue\n    Properties:\n      SqsManagedSseEnabled: !Ref Sse\n',
    },
    {
      syntax: 'yaml',
      name: 'a KMS key behind !If is unknown',
      code: 'Resources:\n  Jobs:\n    Type: AWS::SQS::Queue\n    Properties:\n      SqsManagedSseEnabled: false\n      KmsMasterKeyId: !If [UseKms, alias/jobs, !Ref AWS::NoValue]\n',
    },
    {
      syntax: 'json',
      code: '{"Resources": {"Jobs": {"Type": "AWS::SQS::Queue", "Properties": {"KmsMasterKeyId": "alias/jobs"}}}}',
    },
    { syntax: 'terraform', name: 'no settings', code: 'resource "aws_sqs_queue" "jobs" {\n  name = "jobs"\n}\n' },
    {
      syntax: 'terraform',
      name: 'a variable without default is unknown',
      code: 'variable "sse" {}\n\nresource "aws_sqs_queue" "jobs" {\n  sqs_managed_sse_enabled = var.sse\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'KMS key with SSE-SQS off',
      code: 'resource "aws_sqs_queue" "jobs" {\n  kms_master_key_id       = aws_kms_key.jobs.arn\n  sqs_managed_sse_enabled = false\n}\n',
    },
  ],
  invalid: [
    {
      syntax: 'yaml',
      code: 'Resources:\n  Jobs:\n    Type: AWS::SQS::Queue\n    Properties:\n      SqsManagedSseEnabled: false\n',
      findings: [
        {
          line: 5,
          column: 29,
          messageId: 'sseOff',
          message: "Shared · Data at rest: SQS queue 'Jobs' turns server-side encryption off",
          detail:
            'It turns server-side encryption off and sets no KMS key, so its messages are stored without the SSE that new queues get by default. Whether messages are encrypted is yours to decide: set SqsManagedSseEnabled to true or use a KMS key.',
        },
      ],
      output: 'Resources:\n  Jobs:\n    Type: AWS::SQS::Queue\n    Properties:\n      SqsManagedSseEnabled: true\n',
    },
    {
      syntax: 'yaml',
      name: 'an empty KMS key is no key, but the fix is left to a person',
      code: 'Resources:\n  Jobs:\n    Type: AWS::SQS::Queue\n    Properties:\n      SqsManagedSseEnabled: false\n      KmsMasterKeyId: ""\n',
      findings: [{ line: 5, column: 29 }],
    },
    {
      syntax: 'json',
      code: '{\n  "Resources": {\n    "Jobs": {\n      "Type": "AWS::SQS::Queue",\n      "Properties": {\n        "SqsManagedSseEnabled": "false"\n      }\n    }\n  }\n}\n',
      findings: [{ line: 6, column: 33 }],
      output:
        '{\n  "Resources": {\n    "Jobs": {\n      "Type": "AWS::SQS::Queue",\n      "Properties": {\n        "SqsManagedSseEnabled": true\n      }\n    }\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      code: 'resource "aws_sqs_queue" "jobs" {\n  name                    = "jobs"\n  sqs_managed_sse_enabled = false\n}\n',
      findings: [{ line: 3, column: 29 }],
      output:
        'resource "aws_sqs_queue" "jobs" {\n  name                    = "jobs"\n  sqs_managed_sse_enabled = true\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'false from a variable default in another file',
      code: {
        'main.tf': 'resource "aws_sqs_queue" "jobs" {\n  sqs_managed_sse_enabled = var.sse\n}\n',
        'variables.tf': 'variable "sse" {\n  default = false\n}\n',
      },
      findings: [{ line: 2, column: 29, file: 'main.tf' }],
    },
  ],
};
