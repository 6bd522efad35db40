import { rule } from '../../src/rules/s3-bucket-sse-kms';
import type { RuleCases } from './tester';

export const cases: RuleCases = {
  rule,
  valid: [
    {
      syntax: 'yaml',
      name: 'SSE-KMS with a customer managed key',
      code: 'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketEncryption:\n        ServerSideEncryptionConfiguration:\n          - ServerSideEncryptionByDefault:\n              SSEAlgorithm: aws:kms\n              KMSMasterKeyID: !GetAtt Key.Arn\n            BucketKeyEnabled: true\n',
    },
    {
      syntax: 'yaml',
      name: 'an algorithm behind !If is unknown',
      code: 'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketEncryption:\n        ServerSideEncryptionConfiguration:\n          - ServerSideEncryptionByDefault:\n              SSEAlgorithm: !If [UseKms, aws:kms, AES256]\n',
    },
    {
      syntax: 'yaml',
      name: 'a parameter without default is unknown',
      code: 'Parameters:\n  Algorithm:\n    Type: String\nResources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketEncryption:\n        ServerSideEncryptionConfiguration:\n          - ServerSideEncryptionByDefault:\n              SSEAlgorithm: !Ref Algorithm\n',
    },
    {
      syntax: 'json',
      code: '{"Resources": {"Data": {"Type": "AWS::S3::Bucket", "Properties": {"BucketEncryption": {"ServerSideEncryptionConfiguration": [{"ServerSideEncryptionByDefault": {"SSEAlgorithm": "aws:kms:dsse", "KMSMasterKeyID": "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"}}]}}}}}',
    },
    {
      syntax: 'terraform',
      name: 'a v4 companion decides, in another file',
      code: {
        'main.tf': 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n',
        'encryption.tf':
          'resource "aws_s3_bucket_server_side_encryption_configuration" "b" {\n  bucket = aws_s3_bucket.b.id\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm     = "aws:kms"\n      kms_master_key_id = aws_kms_key.k.arn\n    }\n    bucket_key_enabled = true\n  }\n}\n',
      },
    },
    {
      syntax: 'terraform',
      name: 'legacy inline block with a customer managed key',
      code: 'resource "aws_s3_bucket" "b" {\n  server_side_encryption_configuration {\n    rule {\n      apply_server_side_encryption_by_default {\n        sse_algorithm     = "aws:kms"\n        kms_master_key_id = aws_kms_key.k.arn\n      }\n    }\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a variable without default is unknown',
      code: 'variable "algorithm" {}\n\nresource "aws_s3_bucket_server_side_encryption_configuration" "b" {\n  bucket = "b"\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm = var.algorithm\n    }\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a dynamic rule is unknown',
      code: 'resource "aws_s3_bucket" "b" {\n  dynamic "server_side_encryption_configuration" {\n    for_each = var.sse\n    content {\n      rule {\n        apply_server_side_encryption_by_default {\n          sse_algorithm = "AES256"\n        }\n      }\n    }\n  }\n}\n',
    },
    {
      syntax: 'yaml',
      name: 'a bucket that receives access logs can only use SSE-S3',
      code: 'Resources:\n  Logs:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketEncryption:\n        ServerSideEncryptionConfiguration:\n          - ServerSideEncryptionByDefault:\n              SSEAlgorithm: AES256\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketEncryption:\n        ServerSideEncryptionConfiguration:\n          - ServerSideEncryptionByDefault:\n              SSEAlgorithm: aws:kms\n              KMSMasterKeyID: !GetAtt Key.Arn\n      LoggingConfiguration:\n        DestinationBucketName: !Ref Logs\n',
    },
    {
      syntax: 'json',
      name: 'a bucket with the log-delivery ACL and no encryption settings',
      code: '{"Resources": {"Logs": {"Type": "AWS::S3::Bucket", "Properties": {"AccessControl": "LogDeliveryWrite"}}}}',
    },
    {
      syntax: 'terraform',
      name: 'the SSE-S3 configuration of a log target bucket',
      code: 'resource "aws_s3_bucket" "logs" {}\n\nresource "aws_s3_bucket_server_side_encryption_configuration" "logs" {\n  bucket = aws_s3_bucket.logs.id\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm = "AES256"\n    }\n  }\n}\n\nresource "aws_s3_bucket" "data" {}\n\nresource "aws_s3_bucket_server_side_encryption_configuration" "data" {\n  bucket = aws_s3_bucket.data.id\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm     = "aws:kms"\n      kms_master_key_id = aws_kms_key.data.arn\n    }\n  }\n}\n\nresource "aws_s3_bucket_logging" "data" {\n  bucket        = aws_s3_bucket.data.id\n  target_bucket = aws_s3_bucket.logs.id\n  target_prefix = "data/"\n}\n',
    },
    {
      syntax: 'yaml',
      name: 'buckets that receive load-balancer access logs (classic and v2) take SSE-S3 only',
      code: `Resources:
  LogsBucket:
    Type: AWS::S3::Bucket
  AlbLogs:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: alb-logs-123456789012
  Classic:
    Type: AWS::ElasticLoadBalancing::LoadBalancer
    Properties:
      Listeners: [{ LoadBalancerPort: "80", InstancePort: "80", Protocol: HTTP }]
      AccessLoggingPolicy:
        Enabled: true
        S3BucketName: !Ref LogsBucket
  Alb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      LoadBalancerAttributes:
        - Key: access_logs.s3.enabled
          Value: "true"
        - Key: access_logs.s3.bucket
          Value: alb-logs-123456789012
`,
    },
    {
      syntax: 'json',
      name: 'an ALB access-log bucket by reference',
      code: `{
  "Resources": {
    "AlbLogs": { "Type": "AWS::S3::Bucket" },
    "Alb": {
      "Type": "AWS::ElasticLoadBalancingV2::LoadBalancer",
      "Properties": { "LoadBalancerAttributes": [{ "Key": "access_logs.s3.bucket", "Value": { "Ref": "AlbLogs" } }] }
    }
  }
}
`,
    },
    {
      syntax: 'terraform',
      name: 'an aws_lb access_logs bucket',
      code: `resource "aws_s3_bucket" "lb_logs" {
  bucket = "lb-logs"
}

resource "aws_lb" "web" {
  access_logs {
    bucket  = aws_s3_bucket.lb_logs.id
    enabled = true
  }
}
`,
    },
  ],
  invalid: [
    // Checkov CKV_AWS_19 agrees this bucket is encrypted (SSE-S3 by default since January 2023); this rule
    // only notes that the key belongs to S3. Invalid algorithms (CKV_AWS_19/145 fixtures) fail at deploy: not reported.
    {
      syntax: 'yaml',
      name: 'nothing written: encrypted with SSE-S3 by default',
      code: 'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n',
      findings: [
        {
          line: 3,
          column: 11,
          messageId: 'sseS3Default',
          message: "Shared · Data at rest: bucket 'Data' uses SSE-S3, with keys S3 owns (the default)",
          detail:
            'It is encrypted at rest with SSE-S3, which S3 applies to every new object by default, using keys S3 owns and manages. If you need control over the key (its key policy, who may decrypt, CloudTrail records of its use, revoking access), use SSE-KMS with a customer managed key: that choice is yours.',
          severity: 'info',
        },
      ],
    },
    {
      syntax: 'yaml',
      name: 'an empty Properties is known: nothing written',
      code: 'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties: {}\n    DeletionPolicy: Retain\n',
      findings: [{ line: 3, column: 11 }],
    },
    {
      syntax: 'yaml',
      name: 'SSE-KMS without a key uses the AWS managed key',
      code: 'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketEncryption:\n        ServerSideEncryptionConfiguration:\n          - ServerSideEncryptionByDefault:\n              SSEAlgorithm: aws:kms\n',
      findings: [
        {
          line: 8,
          column: 29,
          messageId: 'awsManagedKey',
          detail: /SSE-KMS under the AWS managed key aws\/s3: the data is encrypted/,
        },
      ],
    },
    {
      syntax: 'json',
      name: 'explicit AES256',
      code: '{\n  "Resources": {\n    "Data": {\n      "Type": "AWS::S3::Bucket",\n      "Properties": {\n        "BucketEncryption": {"ServerSideEncryptionConfiguration": [{"ServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}}]}\n      }\n    }\n  }\n}\n',
      findings: [{ line: 6, column: 119, messageId: 'sseS3' }],
    },
    {
      syntax: 'terraform',
      name: 'nothing written',
      code: 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n',
      findings: [{ line: 1, column: 10 }],
    },
    {
      syntax: 'terraform',
      name: 'the alias of the AWS managed key',
      code: 'resource "aws_s3_bucket" "b" {\n  server_side_encryption_configuration {\n    rule {\n      apply_server_side_encryption_by_default {\n        sse_algorithm     = "aws:kms"\n        kms_master_key_id = "alias/aws/s3"\n      }\n    }\n  }\n}\n',
      findings: [{ line: 6, column: 29, messageId: 'awsManagedKey' }],
    },
    {
      syntax: 'terraform',
      name: 'the AWS managed key looked up by alias',
      code: 'data "aws_kms_alias" "s3" {\n  name = "alias/aws/s3"\n}\n\nresource "aws_s3_bucket_server_side_encryption_configuration" "b" {\n  bucket = "b"\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm     = "aws:kms"\n      kms_master_key_id = data.aws_kms_alias.s3.target_key_arn\n    }\n  }\n}\n',
      findings: [{ line: 10, column: 27, messageId: 'awsManagedKey' }],
    },
    {
      syntax: 'terraform',
      name: 'AES256 in a companion in another file',
      code: {
        'main.tf': 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n',
        'encryption.tf':
          'resource "aws_s3_bucket_server_side_encryption_configuration" "b" {\n  bucket = aws_s3_bucket.b.bucket\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm = "AES256"\n    }\n  }\n}\n',
      },
      findings: [
        {
          line: 5,
          column: 23,
          file: 'encryption.tf',
          messageId: 'sseS3',
          message:
            "Shared · Data at rest: 'aws_s3_bucket_server_s…ryption_configuration.b' encrypts with SSE-S3 (AES256), with keys S3 owns",
          detail:
            "'aws_s3_bucket_server_side_encryption_configuration.b' encrypts with SSE-S3 (AES256), with keys S3 owns. It encrypts at rest with SSE-S3 (AES256), using keys S3 owns and manages: the data is encrypted. If you need control over the key (its key policy, who may decrypt, CloudTrail records of its use, revoking access), use SSE-KMS with a customer managed key: that choice is yours.",
        },
      ],
    },
    {
      syntax: 'yaml',
      name: 'a load balancer logging to another bucket does not exempt this one',
      code: `Resources:
  Data:
    Type: AWS::S3::Bucket
  Alb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      LoadBalancerAttributes:
        - Key: access_logs.s3.bucket
          Value: somewhere-else
`,
      findings: [{ line: 3, column: 11, messageId: 'sseS3Default', data: { bucket: 'Data' } }],
    },
  ],
};
