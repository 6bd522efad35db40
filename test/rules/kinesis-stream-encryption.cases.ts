import { rule } from '../../src/rules/kinesis-stream-encryption';
import type { RuleCases } from './tester';

export const cases: RuleCases = {
  rule,
  valid: [
    {
      syntax: 'yaml',
      code: 'Resources:\n  Stream:\n    Type: AWS::Kinesis::Stream\n    Properties:\n      ShardCount: 1\n      StreamEncryption:\n        EncryptionType: KMS\n        KeyId: !Ref StreamKey\n',
    },
    {
      syntax: 'yaml',
      name: 'encryption behind !If is unknown, never insecure',
      code: 'Resources:\n  Stream:\n    Type: AWS::Kinesis::Stream\n    Properties:\n      StreamEncryption: !If [Encrypt, {EncryptionType: KMS, KeyId: alias/aws/kinesis}, !Ref AWS::NoValue]\n',
    },
    {
      syntax: 'json',
      code: '{"Resources": {"Stream": {"Type": "AWS::Kinesis::Stream", "Properties": {"StreamEncryption": {"EncryptionType": "KMS", "KeyId": "alias/aws/kinesis"}}}}}',
    },
    {
      syntax: 'terraform',
      code: 'resource "aws_kinesis_stream" "events" {\n  name            = "events"\n  encryption_type = "KMS"\n  kms_key_id      = "alias/aws/kinesis"\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a variable without default is unknown',
      code: 'variable "encryption" {}\n\nresource "aws_kinesis_stream" "events" {\n  encryption_type = var.encryption\n  kms_key_id      = aws_kms_key.streams.arn\n}\n',
    },
  ],
  invalid: [
    {
      syntax: 'yaml',
      name: 'missing',
      code: 'Resources:\n  Stream:\n    Type: AWS::Kinesis::Stream\n    Properties:\n      ShardCount: 1\n',
      findings: [
        {
          line: 3,
          column: 11,
          messageId: 'unencrypted',
          message: "You · Data at rest: Kinesis stream 'Stream' stores its records unencrypted",
          detail:
            'StreamEncryption is not set. Kinesis Data Streams encrypts records at rest only when server-side encryption is turned on for the stream, and turning it on is yours, for example with the AWS managed key alias/aws/kinesis.',
          severity: 'warning',
        },
      ],
      output:
        'Resources:\n  Stream:\n    Type: AWS::Kinesis::Stream\n    Properties:\n      ShardCount: 1\n      StreamEncryption:\n        EncryptionType: KMS\n        KeyId: alias/aws/kinesis\n',
    },
    {
      syntax: 'yaml',
      name: 'no Properties at all (an on-demand stream)',
      code: 'Resources:\n  Stream:\n    Type: AWS::Kinesis::Stream\n  Queue:\n    Type: AWS::SQS::Queue\n',
      findings: [{ line: 3, column: 11 }],
      output:
        'Resources:\n  Stream:\n    Type: AWS::Kinesis::Stream\n    Properties:\n      StreamEncryption:\n        EncryptionType: KMS\n        KeyId: alias/aws/kinesis\n  Queue:\n    Type: AWS::SQS::Queue\n',
    },
    {
      syntax: 'yaml',
      name: 'removed with AWS::NoValue',
      code: 'Resources:\n  Stream:\n    Type: AWS::Kinesis::Stream\n    Properties:\n      StreamEncryption: !Ref AWS::NoValue\n',
      findings: [{ line: 3, column: 11 }],
      output:
        'Resources:\n  Stream:\n    Type: AWS::Kinesis::Stream\n    Properties:\n      StreamEncryption:\n        EncryptionType: KMS\n        KeyId: alias/aws/kinesis\n',
    },
    {
      syntax: 'json',
      code: '{\n  "Resources": {\n    "Stream": {\n      "Type": "AWS::Kinesis::Stream",\n      "Properties": {\n        "ShardCount": 1\n      }\n    }\n  }\n}\n',
      findings: [{ line: 4, column: 15 }],
      output:
        '{\n  "Resources": {\n    "Stream": {\n      "Type": "AWS::Kinesis::Stream",\n      "Properties": {\n        "ShardCount": 1,\n        "StreamEncryption": {\n          "EncryptionType": "KMS",\n          "KeyId": "alias/aws/kinesis"\n        }\n      }\n    }\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'missing: both arguments are added, in order, by one edit',
      code: 'resource "aws_kinesis_stream" "events" {\n  name        = "events"\n  shard_count = 1\n}\n',
      findings: [
        { line: 1, column: 10, messageId: 'unencrypted', detail: /encryption_type is not set and defaults to NONE/ },
      ],
      output:
        'resource "aws_kinesis_stream" "events" {\n  name        = "events"\n  shard_count = 1\n  encryption_type = "KMS"\n  kms_key_id = "alias/aws/kinesis"\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'an empty one-line block',
      code: 'resource "aws_kinesis_stream" "events" {}\n',
      findings: [{ line: 1, column: 10 }],
      output:
        'resource "aws_kinesis_stream" "events" {\n  encryption_type = "KMS"\n  kms_key_id = "alias/aws/kinesis"\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'explicitly NONE',
      code: 'resource "aws_kinesis_stream" "events" {\n  name            = "events"\n  encryption_type = "NONE"\n}\n',
      findings: [{ line: 3, column: 21, messageId: 'encryptionNone' }],
      output:
        'resource "aws_kinesis_stream" "events" {\n  name            = "events"\n  encryption_type = "KMS"\n  kms_key_id = "alias/aws/kinesis"\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a key is named but encryption is not turned on: the key is kept',
      code: 'resource "aws_kinesis_stream" "events" {\n  name       = "events"\n  kms_key_id = aws_kms_key.streams.arn\n}\n',
      findings: [{ line: 1, column: 10 }],
      output:
        'resource "aws_kinesis_stream" "events" {\n  name       = "events"\n  kms_key_id = aws_kms_key.streams.arn\n  encryption_type = "KMS"\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'NONE through a variable default: reported, but the variable is left to a human',
      code: 'variable "encryption" {\n  default = "NONE"\n}\n\nresource "aws_kinesis_stream" "events" {\n  encryption_type = var.encryption\n}\n',
      findings: [{ line: 6, column: 21 }],
    },
  ],
};
