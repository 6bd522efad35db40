import { rule } from '../../src/rules/s3-bucket-versioning';
import type { RuleCases } from './tester';

export const cases: RuleCases = {
  rule,
  valid: [
    {
      syntax: 'yaml',
      code: 'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      VersioningConfiguration:\n        Status: Enabled\n',
    },
    {
      syntax: 'yaml',
      name: 'Object Lock keeps versioning on',
      code: 'Resources:\n  Vault:\n    Type: AWS::S3::Bucket\n    Properties:\n      ObjectLockEnabled: true\n',
    },
    {
      syntax: 'yaml',
      name: 'value behind !If is unknown',
      code: 'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      VersioningConfiguration:\n        Status: !If [IsProd, Enabled, Suspended]\n',
    },
    {
      syntax: 'yaml',
      name: 'a parameter without default is unknown',
      code: 'Parameters:\n  Versioning:\n    Type: String\nResources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      VersioningConfiguration:\n        Status: !Ref Versioning\n',
    },
    {
      syntax: 'yaml',
      name: 'the whole Properties behind Fn::If is unknown',
      code: 'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      Fn::If:\n        - IsProd\n        - VersioningConfiguration:\n            Status: Enabled\n        - !Ref AWS::NoValue\n',
    },
    {
      syntax: 'json',
      name: 'the whole Properties behind Fn::If is unknown',
      code: '{"Resources": {"Data": {"Type": "AWS::S3::Bucket", "Properties": {"Fn::If": ["IsProd", {"BucketName": "data"}, {"Ref": "AWS::NoValue"}]}}}}',
    },
    {
      syntax: 'json',
      code: '{"Resources": {"Data": {"Type": "AWS::S3::Bucket", "Properties": {"VersioningConfiguration": {"Status": "Enabled"}}}}}',
    },
    {
      syntax: 'terraform',
      name: 'v4 companion in another file, joined by .bucket',
      code: {
        'main.tf': 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n',
        'versioning.tf':
          'resource "aws_s3_bucket_versioning" "b" {\n  bucket = aws_s3_bucket.b.bucket\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n',
      },
    },
    {
      syntax: 'terraform',
      name: 'legacy inline block',
      code: 'resource "aws_s3_bucket" "b" {\n  versioning {\n    enabled = true\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'legacy inline block from a variable without default',
      code: 'variable "versioning" {}\n\nresource "aws_s3_bucket" "b" {\n  versioning {\n    enabled = var.versioning\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a dynamic versioning block is unknown',
      code: 'resource "aws_s3_bucket" "b" {\n  dynamic "versioning" {\n    for_each = var.versioning\n    content {\n      enabled = versioning.value\n    }\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'repeated bucket and companion joined by index',
      code: 'resource "aws_s3_bucket" "this" {\n  for_each = toset(["a", "b"])\n  bucket   = each.key\n}\n\nresource "aws_s3_bucket_versioning" "this" {\n  for_each = aws_s3_bucket.this\n  bucket   = aws_s3_bucket.this[each.key].id\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'joined by the literal bucket name',
      code: 'resource "aws_s3_bucket" "b" {\n  bucket = "my-data"\n}\n\nresource "aws_s3_bucket_versioning" "b" {\n  bucket = "my-data"\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n',
    },
  ],
  invalid: [
    {
      syntax: 'yaml',
      name: 'missing',
      code: 'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: data\n',
      findings: [
        {
          line: 3,
          column: 11,
          messageId: 'versioningNotEnabled',
          message:
            "Bucket 'Data' does not enable versioning (it is off by default), so a delete or overwrite cannot be undone. S3 stores your objects durably, but recovering from an accidental or malicious delete or overwrite is yours to plan: versioning keeps earlier versions (expire them with a lifecycle rule), and cross-Region replication requires it.",
          severity: 'info',
        },
      ],
      output:
        'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: data\n      VersioningConfiguration:\n        Status: Enabled\n',
    },
    {
      syntax: 'yaml',
      name: 'suspended',
      code: 'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      VersioningConfiguration:\n        Status: Suspended\n',
      findings: [{ line: 6, column: 17, messageId: 'versioningStatus', message: /has versioning Suspended/ }],
      output:
        'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      VersioningConfiguration:\n        Status: Enabled\n',
    },
    {
      syntax: 'json',
      code: '{\n  "Resources": {\n    "Data": {\n      "Type": "AWS::S3::Bucket"\n    }\n  }\n}\n',
      findings: [{ line: 4, column: 15 }],
      output:
        '{\n  "Resources": {\n    "Data": {\n      "Type": "AWS::S3::Bucket",\n      "Properties": {\n        "VersioningConfiguration": {\n          "Status": "Enabled"\n        }\n      }\n    }\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'no versioning: a v4 companion is added',
      code: 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n',
      findings: [{ line: 1, column: 10 }],
      output:
        'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n\nresource "aws_s3_bucket_versioning" "b" {\n  bucket = aws_s3_bucket.b.id\n\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a provider v3 style bucket gets the inline block',
      code: 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n  acl    = "private"\n}\n',
      findings: [{ line: 1, column: 10 }],
      output:
        'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n  acl    = "private"\n  versioning {\n    enabled = true\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'legacy block turned off',
      code: 'resource "aws_s3_bucket" "b" {\n  versioning {\n    enabled = false\n  }\n}\n',
      findings: [{ line: 3, column: 15, messageId: 'versioningBlock', message: /turns versioning off/ }],
      output: 'resource "aws_s3_bucket" "b" {\n  versioning {\n    enabled = true\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'legacy block without enabled',
      code: 'resource "aws_s3_bucket" "b" {\n  versioning {\n    mfa_delete = false\n  }\n}\n',
      findings: [
        { line: 2, column: 3, messageId: 'versioningBlock', message: /versioning block without enabled = true/ },
      ],
      output: 'resource "aws_s3_bucket" "b" {\n  versioning {\n    mfa_delete = false\n    enabled = true\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'suspended in a companion in another file',
      code: {
        'main.tf': 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n',
        'versioning.tf':
          'resource "aws_s3_bucket_versioning" "b" {\n  bucket = aws_s3_bucket.b.id\n  versioning_configuration {\n    status = "Suspended"\n  }\n}\n',
      },
      findings: [
        {
          line: 4,
          column: 14,
          file: 'versioning.tf',
          messageId: 'versioningResource',
          message: /'aws_s3_bucket_versioning.b' sets versioning to Suspended/,
        },
      ],
      output: {
        'main.tf': 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n',
        'versioning.tf':
          'resource "aws_s3_bucket_versioning" "b" {\n  bucket = aws_s3_bucket.b.id\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n',
      },
    },
    {
      syntax: 'terraform',
      name: 'a repeated bucket: the repeated companion is left to a person',
      code: 'resource "aws_s3_bucket" "b" {\n  count = 2\n}\n',
      findings: [{ line: 1, column: 10 }],
    },
  ],
};
