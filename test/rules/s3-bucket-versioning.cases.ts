import { rule } from '../../src/rules/s3-bucket-versioning';
import { dedent } from '../dedent';
import type { RuleCases } from './tester';

export const cases: RuleCases = {
  rule,
  valid: [
    {
      syntax: 'yaml',
      code: dedent`
        Resources:
          Data:
            Type: AWS::S3::Bucket
            Properties:
              VersioningConfiguration:
                Status: Enabled
      `,
    },
    {
      syntax: 'yaml',
      name: 'Object Lock keeps versioning on',
      code: dedent`
        Resources:
          Vault:
            Type: AWS::S3::Bucket
            Properties:
              ObjectLockEnabled: true
      `,
    },
    {
      syntax: 'yaml',
      name: 'value behind !If is unknown',
      code: dedent`
        Resources:
          Data:
            Type: AWS::S3::Bucket
            Properties:
              VersioningConfiguration:
                Status: !If [IsProd, Enabled, Suspended]
      `,
    },
    {
      syntax: 'yaml',
      name: 'a parameter without default is unknown',
      code: dedent`
        Parameters:
          Versioning:
            Type: String
        Resources:
          Data:
            Type: AWS::S3::Bucket
            Properties:
              VersioningConfiguration:
                Status: !Ref Versioning
      `,
    },
    {
      syntax: 'yaml',
      name: 'the whole Properties behind Fn::If is unknown',
      code: dedent`
        Resources:
          Data:
            Type: AWS::S3::Bucket
            Properties:
              Fn::If:
                - IsProd
                - VersioningConfiguration:
                    Status: Enabled
                - !Ref AWS::NoValue
      `,
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
      code: dedent`
        resource "aws_s3_bucket" "b" {
          versioning {
            enabled = true
          }
        }
      `,
    },
    {
      syntax: 'terraform',
      name: 'legacy inline block from a variable without default',
      code: dedent`
        variable "versioning" {}

        resource "aws_s3_bucket" "b" {
          versioning {
            enabled = var.versioning
          }
        }
      `,
    },
    {
      syntax: 'terraform',
      name: 'a dynamic versioning block is unknown',
      code: dedent`
        resource "aws_s3_bucket" "b" {
          dynamic "versioning" {
            for_each = var.versioning
            content {
              enabled = versioning.value
            }
          }
        }
      `,
    },
    {
      syntax: 'terraform',
      name: 'repeated bucket and companion joined by index',
      code: dedent`
        resource "aws_s3_bucket" "this" {
          for_each = toset(["a", "b"])
          bucket   = each.key
        }

        resource "aws_s3_bucket_versioning" "this" {
          for_each = aws_s3_bucket.this
          bucket   = aws_s3_bucket.this[each.key].id
          versioning_configuration {
            status = "Enabled"
          }
        }
      `,
    },
    {
      syntax: 'terraform',
      name: 'joined by the literal bucket name',
      code: dedent`
        resource "aws_s3_bucket" "b" {
          bucket = "my-data"
        }

        resource "aws_s3_bucket_versioning" "b" {
          bucket = "my-data"
          versioning_configuration {
            status = "Enabled"
          }
        }
      `,
    },
  ],
  invalid: [
    {
      syntax: 'yaml',
      name: 'missing',
      code: dedent`
        Resources:
          Data:
            Type: AWS::S3::Bucket
            Properties:
              BucketName: data
      `,
      findings: [
        {
          line: 3,
          column: 11,
          messageId: 'versioningNotEnabled',
          message: "Shared · Backup and DR: bucket 'Data' does not enable versioning",
          detail:
            'Versioning is off by default, so a delete or overwrite cannot be undone. S3 stores your objects durably, but recovering from an accidental or malicious delete or overwrite is yours to plan: versioning keeps earlier versions (expire them with a lifecycle rule), and cross-Region replication requires it.',
          severity: 'info',
        },
      ],
      output: dedent`
        Resources:
          Data:
            Type: AWS::S3::Bucket
            Properties:
              BucketName: data
              VersioningConfiguration:
                Status: Enabled
      `,
    },
    {
      syntax: 'yaml',
      name: 'suspended',
      code: dedent`
        Resources:
          Data:
            Type: AWS::S3::Bucket
            Properties:
              VersioningConfiguration:
                Status: Suspended
      `,
      findings: [{ line: 6, column: 17, messageId: 'versioningStatus', message: /has versioning Suspended/ }],
      output: dedent`
        Resources:
          Data:
            Type: AWS::S3::Bucket
            Properties:
              VersioningConfiguration:
                Status: Enabled
      `,
    },
    {
      syntax: 'json',
      code: dedent`
        {
          "Resources": {
            "Data": {
              "Type": "AWS::S3::Bucket"
            }
          }
        }
      `,
      findings: [{ line: 4, column: 15 }],
      output: dedent`
        {
          "Resources": {
            "Data": {
              "Type": "AWS::S3::Bucket",
              "Properties": {
                "VersioningConfiguration": {
                  "Status": "Enabled"
                }
              }
            }
          }
        }
      `,
    },
    {
      syntax: 'terraform',
      name: 'no versioning: a v4 companion is added',
      code: dedent`
        resource "aws_s3_bucket" "b" {
          bucket = "b"
        }
      `,
      findings: [{ line: 1, column: 10 }],
      output: dedent`
        resource "aws_s3_bucket" "b" {
          bucket = "b"
        }

        resource "aws_s3_bucket_versioning" "b" {
          bucket = aws_s3_bucket.b.id

          versioning_configuration {
            status = "Enabled"
          }
        }
      `,
    },
    {
      syntax: 'terraform',
      name: 'a provider v3 style bucket gets the inline block',
      code: dedent`
        resource "aws_s3_bucket" "b" {
          bucket = "b"
          acl    = "private"
        }
      `,
      findings: [{ line: 1, column: 10 }],
      output: dedent`
        resource "aws_s3_bucket" "b" {
          bucket = "b"
          acl    = "private"
          versioning {
            enabled = true
          }
        }
      `,
    },
    {
      syntax: 'terraform',
      name: 'legacy block turned off',
      code: dedent`
        resource "aws_s3_bucket" "b" {
          versioning {
            enabled = false
          }
        }
      `,
      findings: [{ line: 3, column: 15, messageId: 'versioningBlock', message: /turns versioning off/ }],
      output: dedent`
        resource "aws_s3_bucket" "b" {
          versioning {
            enabled = true
          }
        }
      `,
    },
    {
      syntax: 'terraform',
      name: 'legacy block without enabled',
      code: dedent`
        resource "aws_s3_bucket" "b" {
          versioning {
            mfa_delete = false
          }
        }
      `,
      findings: [
        { line: 2, column: 3, messageId: 'versioningBlock', message: /versioning block without enabled = true/ },
      ],
      output: dedent`
        resource "aws_s3_bucket" "b" {
          versioning {
            mfa_delete = false
            enabled = true
          }
        }
      `,
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
      name: 'a repeated bucket (count = 2), one finding per instance: the repeated companion is left to a person',
      code: dedent`
        resource "aws_s3_bucket" "b" {
          count = 2
        }
      `,
      findings: [
        { line: 1, column: 10, message: /'aws_s3_bucket.b\[0\]'/ },
        { line: 1, column: 10, message: /'aws_s3_bucket.b\[1\]'/ },
      ],
    },
  ],
};
