import { rule } from '../../src/rules/s3-public-access-block-disabled';
import type { RuleCases } from './tester';

const ACCOUNT_ON = {
  account: '111122223333',
  region: 'eu-west-1',
  checked: '2026-12-01',
  checks: { 's3-account-public-access-block': 'pass' },
} as const;

export const cases: RuleCases = {
  rule,
  valid: [
    // Checkov CKV_AWS_53..56 and CKV2_AWS_6 fail a bucket with no public access block; since April 2023
    // S3 turns all four settings on for every new bucket, so nothing is open and nothing is reported.
    {
      syntax: 'yaml',
      name: 'absent: new buckets block public access by default',
      code: 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n',
    },
    {
      syntax: 'yaml',
      name: 'all four on',
      code: 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      PublicAccessBlockConfiguration:\n        BlockPublicAcls: true\n        BlockPublicPolicy: true\n        IgnorePublicAcls: true\n        RestrictPublicBuckets: true\n',
    },
    {
      syntax: 'yaml',
      name: 'value behind !If is unknown, never insecure',
      code: 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      PublicAccessBlockConfiguration:\n        BlockPublicAcls: true\n        BlockPublicPolicy: !If [IsWebsite, false, true]\n        IgnorePublicAcls: true\n        RestrictPublicBuckets: true\n',
    },
    {
      syntax: 'yaml',
      name: 'a parameter without default is unknown',
      code: 'Parameters:\n  Block:\n    Type: String\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      PublicAccessBlockConfiguration:\n        BlockPublicAcls: !Ref Block\n        BlockPublicPolicy: !Ref Block\n        IgnorePublicAcls: !Ref Block\n        RestrictPublicBuckets: !Ref Block\n',
    },
    {
      syntax: 'json',
      code: '{"Resources": {"Bucket": {"Type": "AWS::S3::Bucket", "Properties": {"PublicAccessBlockConfiguration": {"BlockPublicAcls": "true", "IgnorePublicAcls": true, "BlockPublicPolicy": true, "RestrictPublicBuckets": true}}}}}',
    },
    {
      syntax: 'yaml',
      name: 'the whole configuration behind !If is unknown',
      code: 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      PublicAccessBlockConfiguration: !If [IsWebsite, !Ref AWS::NoValue, {}]\n',
    },
    {
      syntax: 'terraform',
      code: 'resource "aws_s3_bucket_public_access_block" "logs" {\n  bucket                  = aws_s3_bucket.logs.id\n  block_public_acls       = true\n  block_public_policy     = true\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a variable without default is unknown',
      code: 'variable "block" {}\n\nresource "aws_s3_bucket_public_access_block" "logs" {\n  bucket                  = "logs"\n  block_public_acls       = var.block\n  block_public_policy     = var.block\n  ignore_public_acls      = var.block\n  restrict_public_buckets = var.block\n}\n',
    },
  ],
  invalid: [
    {
      syntax: 'yaml',
      name: "the account's Block Public Access is on: info",
      account: ACCOUNT_ON,
      code: 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      PublicAccessBlockConfiguration:\n        BlockPublicAcls: true\n        BlockPublicPolicy: false\n        IgnorePublicAcls: true\n        RestrictPublicBuckets: true\n',
      findings: [
        {
          line: 7,
          column: 28,
          messageId: 'accountBlocks',
          severity: 'info',
          message: /turns off bucket Block Public Access; the account's setting still covers the bucket$/,
          detail: /applies to every bucket \(checked on 2026-12-01\)/,
        },
      ],
    },
    {
      syntax: 'yaml',
      name: 'one setting off',
      code: 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      PublicAccessBlockConfiguration:\n        BlockPublicAcls: true\n        BlockPublicPolicy: false # website\n        IgnorePublicAcls: true\n        RestrictPublicBuckets: true\n',
      findings: [
        {
          line: 7,
          column: 28,
          messageId: 'settingOff',
          message: "Shared · Network access: 'Bucket' sets BlockPublicPolicy to false for the bucket",
          detail:
            'So S3 accepts bucket policies that grant public access. AWS blocks public access by default; switching it off makes public exposure yours to control, so set it to true unless the data is meant for everyone.',
        },
      ],
      output:
        'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      PublicAccessBlockConfiguration:\n        BlockPublicAcls: true\n        BlockPublicPolicy: true # website\n        IgnorePublicAcls: true\n        RestrictPublicBuckets: true\n',
    },
    {
      syntax: 'yaml',
      name: 'a parameter default of false resolves; the parameter is the place to change it',
      code: 'Parameters:\n  Restrict:\n    Type: String\n    Default: "false"\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      PublicAccessBlockConfiguration:\n        BlockPublicAcls: true\n        BlockPublicPolicy: true\n        IgnorePublicAcls: true\n        RestrictPublicBuckets: !Ref Restrict\n',
      findings: [
        {
          line: 13,
          column: 32,
          messageId: 'settingOff',
          message: "Shared · Network access: 'Bucket' sets RestrictPublicBuckets to false for the bucket",
          detail:
            'So a public bucket policy is honoured for anyone, not only for AWS services and your own account. AWS blocks public access by default; switching it off makes public exposure yours to control, so set it to true unless the data is meant for everyone.',
        },
      ],
    },
    {
      syntax: 'json',
      code: '{\n  "Resources": {\n    "Bucket": {\n      "Type": "AWS::S3::Bucket",\n      "Properties": {\n        "PublicAccessBlockConfiguration": {\n          "BlockPublicAcls": false,\n          "IgnorePublicAcls": "false"\n        }\n      }\n    }\n  }\n}\n',
      findings: [
        {
          line: 6,
          column: 9,
          messageId: 'settingsLeftOut',
          message: /leaves BlockPublicPolicy and RestrictPublicBuckets out/,
        },
        { line: 7, column: 30 },
        { line: 8, column: 31 },
      ],
      output:
        '{\n  "Resources": {\n    "Bucket": {\n      "Type": "AWS::S3::Bucket",\n      "Properties": {\n        "PublicAccessBlockConfiguration": {\n          "BlockPublicAcls": true,\n          "IgnorePublicAcls": true,\n          "BlockPublicPolicy": true,\n          "RestrictPublicBuckets": true\n        }\n      }\n    }\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'companion in another file of the module',
      code: {
        'main.tf': 'resource "aws_s3_bucket" "site" {\n  bucket = "site"\n}\n',
        'access.tf':
          'resource "aws_s3_bucket_public_access_block" "site" {\n  bucket                  = aws_s3_bucket.site.id\n  block_public_acls       = true\n  block_public_policy     = false\n  ignore_public_acls      = true\n  restrict_public_buckets = false\n}\n',
      },
      findings: [
        { line: 4, column: 29, file: 'access.tf', messageId: 'settingOff', message: /block_public_policy to false/ },
        {
          line: 6,
          column: 29,
          file: 'access.tf',
          messageId: 'settingOff',
          message: /restrict_public_buckets to false/,
        },
      ],
      output: {
        'access.tf':
          'resource "aws_s3_bucket_public_access_block" "site" {\n  bucket                  = aws_s3_bucket.site.id\n  block_public_acls       = true\n  block_public_policy     = true\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n}\n',
        'main.tf': 'resource "aws_s3_bucket" "site" {\n  bucket = "site"\n}\n',
      },
    },
    // Checkov CKV2_AWS_6 passes a block that sets only block_public_acls and block_public_policy; the
    // provider writes the settings left out as false, so IgnorePublicAcls and RestrictPublicBuckets are off.
    {
      syntax: 'terraform',
      name: 'a block that names only the bucket turns all four off',
      code: 'resource "aws_s3_bucket_public_access_block" "logs" {\n  bucket = aws_s3_bucket.logs.id\n}\n',
      findings: [
        {
          line: 1,
          column: 10,
          messageId: 'settingsLeftOut',
          detail: /leaves block_public_acls, ignore_public_acls, block_public_policy and restrict_public_buckets out/,
        },
      ],
      output:
        'resource "aws_s3_bucket_public_access_block" "logs" {\n  bucket = aws_s3_bucket.logs.id\n  block_public_acls = true\n  ignore_public_acls = true\n  block_public_policy = true\n  restrict_public_buckets = true\n}\n',
    },
    {
      syntax: 'yaml',
      name: 'settings left out are false, and one explicitly false',
      code: 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      PublicAccessBlockConfiguration:\n        BlockPublicAcls: true\n        IgnorePublicAcls: false\n',
      findings: [
        {
          line: 5,
          column: 7,
          messageId: 'settingsLeftOut',
          message: /leaves BlockPublicPolicy and RestrictPublicBuckets out/,
        },
        { line: 7, column: 27 },
      ],
      output:
        'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      PublicAccessBlockConfiguration:\n        BlockPublicAcls: true\n        IgnorePublicAcls: true\n        BlockPublicPolicy: true\n        RestrictPublicBuckets: true\n',
    },
    {
      syntax: 'json',
      name: 'an empty configuration turns all four off',
      code: '{\n  "Resources": {\n    "Bucket": {\n      "Type": "AWS::S3::Bucket",\n      "Properties": {\n        "PublicAccessBlockConfiguration": {}\n      }\n    }\n  }\n}\n',
      findings: [{ line: 6, column: 9 }],
      output:
        '{\n  "Resources": {\n    "Bucket": {\n      "Type": "AWS::S3::Bucket",\n      "Properties": {\n        "PublicAccessBlockConfiguration": {\n          "BlockPublicAcls": true,\n          "IgnorePublicAcls": true,\n          "BlockPublicPolicy": true,\n          "RestrictPublicBuckets": true\n        }\n      }\n    }\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'account-level block',
      code: 'resource "aws_s3_account_public_access_block" "this" {\n  block_public_acls       = false\n  block_public_policy     = true\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n}\n',
      findings: [
        {
          line: 2,
          column: 29,
          messageId: 'accountSettingOff',
          message: /'aws_s3_account_public_access_block\.this' sets block_public_acls to false for the whole account$/,
          detail:
            /^The account-level setting is a guard over every bucket: with it off, each bucket's own Block Public Access decides whether S3 accepts requests that set public ACLs/,
        },
      ],
      output:
        'resource "aws_s3_account_public_access_block" "this" {\n  block_public_acls       = true\n  block_public_policy     = true\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'an account-level block that leaves settings out: each bucket decides alone',
      code: 'resource "aws_s3_account_public_access_block" "this" {\n  block_public_acls   = true\n  block_public_policy = true\n}\n',
      findings: [
        {
          line: 1,
          column: 10,
          messageId: 'accountSettingsLeftOut',
          message:
            /^Shared · Network access: the account's public access block leaves ignore_public_acls and restrict_public_buckets out$/,
          detail:
            /^A setting left out is false for the account, so each bucket's own Block Public Access decides alone/,
        },
      ],
      output:
        'resource "aws_s3_account_public_access_block" "this" {\n  block_public_acls   = true\n  block_public_policy = true\n  ignore_public_acls = true\n  restrict_public_buckets = true\n}\n',
    },
  ],
};
