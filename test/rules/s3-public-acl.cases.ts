import { rule } from '../../src/rules/s3-public-acl';
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
    {
      syntax: 'yaml',
      name: 'no ACL: ACLs are disabled by default',
      code: 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n',
    },
    {
      syntax: 'yaml',
      code: 'Resources:\n  Logs:\n    Type: AWS::S3::Bucket\n    Properties:\n      AccessControl: LogDeliveryWrite\n',
    },
    {
      syntax: 'yaml',
      name: 'value behind !If is unknown',
      code: 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      AccessControl: !If [IsPublic, PublicRead, Private]\n',
    },
    {
      syntax: 'yaml',
      name: 'a parameter without default is unknown',
      code: 'Parameters:\n  Acl:\n    Type: String\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      AccessControl: !Ref Acl\n',
    },
    {
      syntax: 'yaml',
      name: 'IgnorePublicAcls makes S3 disregard the ACL',
      code: 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      AccessControl: PublicRead\n      PublicAccessBlockConfiguration:\n        IgnorePublicAcls: true\n',
    },
    {
      syntax: 'json',
      code: '{"Resources": {"Bucket": {"Type": "AWS::S3::Bucket", "Properties": {"AccessControl": "Private"}}}}',
    },
    {
      syntax: 'json',
      name: 'ACLs disabled by Object Ownership grant nothing (S3 refuses to create this bucket)',
      code: '{"Resources": {"Bucket": {"Type": "AWS::S3::Bucket", "Properties": {"AccessControl": "PublicRead", "OwnershipControls": {"Rules": [{"ObjectOwnership": "BucketOwnerEnforced"}]}}}}}',
    },
    {
      syntax: 'terraform',
      name: 'ownership controls for the same bucket disable ACLs',
      code: 'resource "aws_s3_bucket_acl" "b" {\n  bucket = aws_s3_bucket.b.id\n  acl    = "public-read"\n}\n\nresource "aws_s3_bucket_ownership_controls" "b" {\n  bucket = aws_s3_bucket.b.id\n  rule {\n    object_ownership = "BucketOwnerEnforced"\n  }\n}\n',
    },
    { syntax: 'terraform', code: 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n  acl    = "private"\n}\n' },
    {
      syntax: 'terraform',
      name: 'a variable without default is unknown',
      code: 'variable "acl" {}\n\nresource "aws_s3_bucket_acl" "b" {\n  bucket = aws_s3_bucket.b.id\n  acl    = var.acl\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'dynamic grant blocks are unknown',
      code: 'resource "aws_s3_bucket" "b" {\n  dynamic "grant" {\n    for_each = var.grants\n    content {\n      uri         = grant.value.uri\n      type        = "Group"\n      permissions = ["READ"]\n    }\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'the companion public access block ignores public ACLs',
      code: {
        'main.tf':
          'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n\nresource "aws_s3_bucket_acl" "b" {\n  bucket = aws_s3_bucket.b.id\n  acl    = "public-read"\n}\n',
        'access.tf':
          'resource "aws_s3_bucket_public_access_block" "b" {\n  bucket                  = aws_s3_bucket.b.bucket\n  block_public_acls       = false\n  ignore_public_acls      = true\n  block_public_policy     = true\n  restrict_public_buckets = true\n}\n',
      },
    },
    {
      syntax: 'terraform',
      name: 'the bucket lives elsewhere; a public access block for the same bucket ignores public ACLs',
      code: 'resource "aws_s3_bucket_acl" "b" {\n  bucket = var.bucket_id\n  acl    = "public-read"\n}\n\nresource "aws_s3_bucket_public_access_block" "b" {\n  bucket                  = var.bucket_id\n  block_public_acls       = true\n  ignore_public_acls      = true\n  block_public_policy     = true\n  restrict_public_buckets = true\n}\n',
    },
  ],
  invalid: [
    {
      syntax: 'yaml',
      name: "the account's Block Public Access is on: info",
      account: ACCOUNT_ON,
      code: 'Resources:\n  Site:\n    Type: AWS::S3::Bucket\n    Properties:\n      AccessControl: PublicRead\n',
      findings: [
        {
          line: 5,
          column: 22,
          messageId: 'accountBlocks',
          severity: 'info',
          message: /'Site' makes the bucket public through its ACL, but the account blocks public ACLs$/,
          detail: /blocks public ACLs \(checked on 2026-12-01\)/,
        },
      ],
    },
    {
      syntax: 'yaml',
      code: 'Resources:\n  Site:\n    Type: AWS::S3::Bucket\n    Properties:\n      AccessControl: PublicRead # legacy website\n      WebsiteConfiguration:\n        IndexDocument: index.html\n',
      findings: [
        {
          line: 5,
          column: 22,
          messageId: 'publicCannedAcl',
          message: "Shared · Network access: 'Site' sets the canned ACL PublicRead",
          detail:
            'That ACL lets anyone on the internet list the objects in the bucket. New buckets disable ACLs and block public access by default, so a public ACL is a choice the template makes and its exposure is yours: keep the ACL private and grant deliberate access with a bucket policy.',
        },
      ],
      output:
        'Resources:\n  Site:\n    Type: AWS::S3::Bucket\n    Properties:\n      AccessControl: Private # legacy website\n      WebsiteConfiguration:\n        IndexDocument: index.html\n',
    },
    {
      syntax: 'yaml',
      name: 'a parameter default resolves; the parameter is the place to change it',
      code: 'Parameters:\n  Acl:\n    Type: String\n    Default: AuthenticatedRead\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      AccessControl: !Ref Acl\n',
      findings: [{ line: 9, column: 22, messageId: 'publicCannedAcl', detail: /anyone with an AWS account/ }],
    },
    {
      syntax: 'json',
      code: '{\n  "Resources": {\n    "Bucket": {\n      "Type": "AWS::S3::Bucket",\n      "Properties": {\n        "AccessControl": "PublicReadWrite"\n      }\n    }\n  }\n}\n',
      findings: [{ line: 6, column: 26, messageId: 'publicCannedAcl', detail: /write, overwrite and delete/ }],
      output:
        '{\n  "Resources": {\n    "Bucket": {\n      "Type": "AWS::S3::Bucket",\n      "Properties": {\n        "AccessControl": "Private"\n      }\n    }\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'legacy inline acl',
      code: 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n  acl    = "public-read"\n}\n',
      findings: [{ line: 3, column: 12 }],
      output: 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n  acl    = "private"\n}\n',
    },
    // Checkov CKV_AWS_379 passes a public-read ACL when the bucket policy requires TLS or the block restricts
    // public policies; neither affects an ACL, which still lets anyone list the bucket.
    {
      syntax: 'terraform',
      name: 'v4 companion in another file; the public access block there does not ignore public ACLs',
      code: {
        'main.tf':
          'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n\nresource "aws_s3_bucket_public_access_block" "b" {\n  bucket                  = aws_s3_bucket.b.id\n  block_public_acls       = false\n  ignore_public_acls      = false\n  block_public_policy     = true\n  restrict_public_buckets = true\n}\n',
        'acl.tf':
          'resource "aws_s3_bucket_acl" "b" {\n  bucket = aws_s3_bucket.b.id\n  acl    = "public-read-write"\n}\n',
      },
      findings: [{ line: 3, column: 12, file: 'acl.tf' }],
      output: {
        'acl.tf': 'resource "aws_s3_bucket_acl" "b" {\n  bucket = aws_s3_bucket.b.id\n  acl    = "private"\n}\n',
        'main.tf':
          'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n\nresource "aws_s3_bucket_public_access_block" "b" {\n  bucket                  = aws_s3_bucket.b.id\n  block_public_acls       = false\n  ignore_public_acls      = false\n  block_public_policy     = true\n  restrict_public_buckets = true\n}\n',
      },
    },
    {
      syntax: 'terraform',
      name: 'a grant to everyone: which grants to keep is for a person',
      code: 'resource "aws_s3_bucket_acl" "b" {\n  bucket = aws_s3_bucket.b.id\n  access_control_policy {\n    grant {\n      grantee {\n        type = "Group"\n        uri  = "http://acs.amazonaws.com/groups/global/AllUsers"\n      }\n      permission = "READ"\n    }\n    owner {\n      id = data.aws_canonical_user_id.current.id\n    }\n  }\n}\n',
      findings: [
        {
          line: 7,
          column: 16,
          messageId: 'publicGrant',
          message: /grants anyone on the internet access through an ACL grant/,
        },
      ],
    },
  ],
};
