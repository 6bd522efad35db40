import { rule } from '../../src/rules/s3-bucket-access-logging';
import type { RuleCases } from './tester';

export const cases: RuleCases = {
  rule,
  valid: [
    {
      syntax: 'yaml',
      name: 'the log bucket itself is not asked to log',
      code: 'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      LoggingConfiguration:\n        DestinationBucketName: !Ref Logs\n        LogFilePrefix: data/\n  Logs:\n    Type: AWS::S3::Bucket\n',
    },
    {
      syntax: 'yaml',
      name: 'the log-delivery ACL marks a log bucket',
      code: 'Resources:\n  Logs:\n    Type: AWS::S3::Bucket\n    Properties:\n      AccessControl: LogDeliveryWrite\n',
    },
    {
      syntax: 'yaml',
      name: 'a configuration behind !If is unknown',
      code: 'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      LoggingConfiguration: !If [Log, {DestinationBucketName: logs}, !Ref AWS::NoValue]\n',
    },
    {
      syntax: 'yaml',
      name: 'joined by a parameter without default on both sides',
      code: 'Parameters:\n  LogBucketName:\n    Type: String\nResources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      LoggingConfiguration:\n        DestinationBucketName: !Ref LogBucketName\n  Logs:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Ref LogBucketName\n',
    },
    {
      syntax: 'json',
      code: '{"Resources": {"Data": {"Type": "AWS::S3::Bucket", "Properties": {"LoggingConfiguration": {"DestinationBucketName": "central-logs"}}}}}',
    },
    {
      syntax: 'terraform',
      name: 'v4 companion in another file; its target is not asked to log',
      code: {
        'main.tf':
          'resource "aws_s3_bucket" "data" {\n  bucket = "data"\n}\n\nresource "aws_s3_bucket" "logs" {\n  bucket = "logs"\n}\n',
        'logging.tf':
          'resource "aws_s3_bucket_logging" "data" {\n  bucket        = aws_s3_bucket.data.id\n  target_bucket = aws_s3_bucket.logs.id\n  target_prefix = "data/"\n}\n',
      },
    },
    {
      syntax: 'terraform',
      name: 'legacy inline block',
      code: 'resource "aws_s3_bucket" "b" {\n  logging {\n    target_bucket = "central-logs"\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a dynamic logging block is unknown',
      code: 'resource "aws_s3_bucket" "b" {\n  dynamic "logging" {\n    for_each = var.logging\n    content {\n      target_bucket = logging.value.bucket\n    }\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a companion for a bucket named by a variable without default may be this one',
      code: 'variable "name" {}\n\nresource "aws_s3_bucket" "b" {\n  bucket = var.name\n}\n\nresource "aws_s3_bucket_logging" "x" {\n  bucket        = "some-name"\n  target_bucket = "logs"\n}\n',
    },
  ],
  invalid: [
    {
      syntax: 'yaml',
      code: 'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: data\n',
      findings: [
        {
          line: 3,
          column: 11,
          messageId: 'noLogging',
          message: "Shared · Logging and monitoring: bucket 'Data' has no server access logging",
          detail:
            'Nothing records who read or changed its objects. AWS logs requests only where you ask it to: send access logs to a separate log bucket, or record CloudTrail data events for it.',
          severity: 'info',
        },
      ],
    },
    {
      syntax: 'json',
      name: 'a bucket that logs elsewhere is not exempt',
      code: '{\n  "Resources": {\n    "Data": {\n      "Type": "AWS::S3::Bucket",\n      "Properties": {"LoggingConfiguration": {"DestinationBucketName": "central-logs"}}\n    },\n    "Other": {\n      "Type": "AWS::S3::Bucket"\n    }\n  }\n}\n',
      findings: [{ line: 8, column: 15 }],
    },
    {
      syntax: 'terraform',
      name: 'a companion logging configuration for another bucket does not count',
      code: {
        'main.tf':
          'resource "aws_s3_bucket" "data" {\n  bucket = "data"\n}\n\nresource "aws_s3_bucket" "other" {\n  bucket = "other"\n}\n\nresource "aws_s3_bucket" "logs" {\n  bucket = "logs"\n}\n',
        'logging.tf':
          'resource "aws_s3_bucket_logging" "other" {\n  bucket        = aws_s3_bucket.other.id\n  target_bucket = aws_s3_bucket.logs.id\n  target_prefix = "other/"\n}\n',
      },
      findings: [{ line: 1, column: 10, file: 'main.tf', messageId: 'noLogging', message: /'aws_s3_bucket.data'/ }],
    },
  ],
};
