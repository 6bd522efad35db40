import { rule } from '../../src/rules/s3-bucket-policy-public';
import type { RuleCases } from './tester';

const PUBLIC_JSON =
  '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::site/*"}]}';

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
      name: 'CloudFront origin access control: a service principal with a condition',
      code: 'Resources:\n  Policy:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: !Ref Site\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal:\n              Service: cloudfront.amazonaws.com\n            Action: s3:GetObject\n            Resource: !Sub "${Site.Arn}/*"\n            Condition:\n              StringEquals:\n                AWS:SourceArn: !Sub "arn:aws:cloudfront::${AWS::AccountId}:distribution/${Cdn}"\n',
    },
    {
      syntax: 'yaml',
      name: 'anyone, but only through one VPC endpoint',
      code: 'Resources:\n  Policy:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: !Ref Data\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: "*"\n            Action: s3:GetObject\n            Resource: !Sub "${Data.Arn}/*"\n            Condition:\n              StringEquals:\n                aws:SourceVpce: vpce-1a2b3c4d\n',
    },
    {
      syntax: 'yaml',
      name: 'a Deny for anyone is not a grant',
      code: 'Resources:\n  Policy:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: !Ref Data\n      PolicyDocument:\n        Statement:\n          - Effect: Deny\n            Principal: "*"\n            Action: "s3:*"\n            Resource: "*"\n',
    },
    {
      syntax: 'yaml',
      name: 'a document behind !If is unknown',
      code: 'Resources:\n  Policy:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: !Ref Data\n      PolicyDocument: !If [IsPublic, {}, {}]\n',
    },
    {
      syntax: 'yaml',
      name: 'RestrictPublicBuckets on the bucket limits a public policy to the owner account',
      code: `Resources:\n  Site:\n    Type: AWS::S3::Bucket\n    Properties:\n      PublicAccessBlockConfiguration:\n        RestrictPublicBuckets: true\n  Policy:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: !Ref Site\n      PolicyDocument: '${PUBLIC_JSON}'\n`,
    },
    {
      syntax: 'json',
      code: '{"Resources": {"P": {"Type": "AWS::S3::BucketPolicy", "Properties": {"Bucket": "b", "PolicyDocument": {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "s3:GetObject"}]}}}}}',
    },
    {
      syntax: 'terraform',
      name: 'a variable without default is unknown',
      code: 'variable "policy" {}\n\nresource "aws_s3_bucket_policy" "p" {\n  bucket = "b"\n  policy = var.policy\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a policy document with a principal and a condition',
      code: 'data "aws_iam_policy_document" "p" {\n  statement {\n    principals {\n      type        = "*"\n      identifiers = ["*"]\n    }\n    actions   = ["s3:GetObject"]\n    resources = ["${aws_s3_bucket.b.arn}/*"]\n    condition {\n      test     = "StringEquals"\n      variable = "aws:PrincipalOrgID"\n      values   = ["o-abc123"]\n    }\n  }\n}\n\nresource "aws_s3_bucket_policy" "p" {\n  bucket = aws_s3_bucket.b.id\n  policy = data.aws_iam_policy_document.p.json\n}\n',
    },
    // Object actions on the bucket's own ARN match nothing: S3 refuses the statement, nobody gets in.
    {
      syntax: 'yaml',
      name: 'anyone may s3:GetObject on the bucket ARN (!GetAtt Site.Arn): matches no object',
      code: 'Resources:\n  Site:\n    Type: AWS::S3::Bucket\n  Policy:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: !Ref Site\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: "*"\n            Action: s3:GetObject\n            Resource: !GetAtt Site.Arn\n',
    },
    {
      syntax: 'yaml',
      name: 'object actions on a literal bucket ARN and on !Sub of the bucket ARN',
      code: 'Resources:\n  Site:\n    Type: AWS::S3::Bucket\n  Policy:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: !Ref Site\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: "*"\n            Action: [s3:GetObject, s3:GetObjectVersion]\n            Resource:\n              - arn:aws:s3:::site\n              - !Sub "arn:${AWS::Partition}:s3:::${Site}"\n              - !Sub "${Site.Arn}"\n',
    },
    {
      syntax: 'json',
      name: 'a JSON string policy: s3:PutObject on the bucket ARN',
      code: '{"Resources": {"P": {"Type": "AWS::S3::BucketPolicy", "Properties": {"Bucket": "site", "PolicyDocument": "{\\"Statement\\": [{\\"Effect\\": \\"Allow\\", \\"Principal\\": \\"*\\", \\"Action\\": \\"s3:PutObject\\", \\"Resource\\": \\"arn:aws:s3:::site\\"}]}"}}}}',
    },
    {
      syntax: 'terraform',
      name: 'jsonencode: s3:GetObject on aws_s3_bucket.b.arn',
      code: 'resource "aws_s3_bucket" "b" {\n  bucket = "site"\n}\n\nresource "aws_s3_bucket_policy" "p" {\n  bucket = aws_s3_bucket.b.id\n  policy = jsonencode({\n    Statement = [{ Effect = "Allow", Principal = "*", Action = "s3:GetObject", Resource = aws_s3_bucket.b.arn }]\n  })\n}\n',
    },
  ],
  invalid: [
    {
      syntax: 'yaml',
      name: "the account's Block Public Access is on: info",
      account: ACCOUNT_ON,
      code: 'Resources:\n  Policy:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: !Ref Site\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: "*"\n            Action: s3:GetObject\n            Resource: !Sub "${Site.Arn}/*"\n',
      findings: [
        {
          line: 8,
          column: 13,
          messageId: 'accountBlocks',
          severity: 'info',
          message: /bucket policy of 'Policy' is public, but the account's Block Public Access blocks it$/i,
          detail: /blocks public bucket policies \(checked on 2026-12-01\)/,
        },
      ],
    },
    {
      syntax: 'yaml',
      name: 'a public website bucket policy',
      code: 'Resources:\n  Policy:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: !Ref Site\n      PolicyDocument:\n        Statement:\n          - Sid: PublicRead\n            Effect: Allow\n            Principal: "*"\n            Action: s3:GetObject\n            Resource: !Sub "${Site.Arn}/*"\n',
      findings: [
        {
          line: 8,
          column: 13,
          messageId: 'publicPolicy',
          message:
            'You · Identity and access: bucket policy of \'Policy\' allows anyone (Principal "*") to s3:GetObject',
          detail:
            'The statement has no condition that narrows who. AWS enforces the policy as you write it: name the principals that need access or add a condition, unless this data is meant to be public.',
        },
      ],
    },
    {
      syntax: 'json',
      name: 'NotPrincipal with Allow lets in everyone else',
      code: '{\n  "Resources": {\n    "P": {\n      "Type": "AWS::S3::BucketPolicy",\n      "Properties": {\n        "Bucket": "b",\n        "PolicyDocument": {\n          "Statement": [\n            {"Effect": "Allow", "NotPrincipal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": ["s3:GetObject", "s3:PutObject"]}\n          ]\n        }\n      }\n    }\n  }\n}\n',
      findings: [
        {
          line: 9,
          column: 13,
          messageId: 'publicPolicy',
          detail: /allows everyone except the principals in NotPrincipal to s3:GetObject, s3:PutObject/,
        },
      ],
    },
    {
      syntax: 'terraform',
      name: 'a policy document in another file of the module, AWS "*" principal',
      code: {
        'main.tf':
          'resource "aws_s3_bucket_policy" "p" {\n  bucket = aws_s3_bucket.b.id\n  policy = data.aws_iam_policy_document.p.json\n}\n',
        'policy.tf':
          'data "aws_iam_policy_document" "p" {\n  statement {\n    principals {\n      type        = "AWS"\n      identifiers = ["*"]\n    }\n    actions   = ["s3:*"]\n    resources = ["${aws_s3_bucket.b.arn}/*"]\n  }\n}\n',
      },
      findings: [{ line: 3, column: 12, file: 'main.tf', messageId: 'publicPolicy', detail: /perform any S3 action/ }],
    },
    {
      syntax: 'terraform',
      name: 'jsonencode: reported on the statement',
      code: 'resource "aws_s3_bucket_policy" "p" {\n  bucket = "b"\n  policy = jsonencode({\n    Statement = [\n      { Effect = "Deny", Principal = "*", Action = "s3:*", Condition = { Bool = { "aws:SecureTransport" = "false" } } },\n      { Effect = "Allow", Principal = { AWS = ["*"] }, Action = "s3:ListBucket" },\n    ]\n  })\n}\n',
      findings: [{ line: 6, column: 7, messageId: 'publicPolicy', message: /s3:ListBucket/ }],
    },
    // Checkov CKV_AWS_70 passes `ArnNotEquals aws:PrincipalArn` with Principal "*": that lets in everyone but one user.
    {
      syntax: 'terraform',
      name: 'conditions that do not narrow who: a negated operator, a TLS requirement, an ARN in any account',
      code: `resource "aws_s3_bucket_policy" "p" {
  bucket = "b"
  policy = jsonencode({
    Statement = [
      { Effect = "Allow", Principal = "*", Action = "s3:GetObject", Condition = { ArnNotEquals = { "aws:PrincipalArn" = "arn:aws:iam::123456789012:user/blocked" } } },
      { Effect = "Allow", Principal = "*", Action = "s3:PutObject", Condition = { Bool = { "aws:SecureTransport" = "true" } } },
      { Effect = "Allow", Principal = "*", Action = "s3:ListBucket", Condition = { StringLike = { "aws:PrincipalArn" = ["arn:aws:iam::*:role/ci"] } } },
      { Effect = "Allow", Principal = "*", Action = "s3:DeleteObject", Condition = { StringEquals = { "aws:PrincipalAccount" = "123456789012" }, Bool = { "aws:SecureTransport" = "true" } } },
    ]
  })
}
`,
      findings: [
        { line: 5, column: 7, messageId: 'publicPolicy', message: /s3:GetObject/ },
        { line: 6, column: 7, messageId: 'publicPolicy', message: /s3:PutObject/ },
        { line: 7, column: 7, messageId: 'publicPolicy', message: /s3:ListBucket/ },
      ],
    },
    {
      syntax: 'terraform',
      name: 'legacy inline policy in a heredoc',
      code: `resource "aws_s3_bucket" "b" {\n  bucket = "b"\n  policy = <<POLICY\n${PUBLIC_JSON}\nPOLICY\n}\n`,
      findings: [
        {
          line: 3,
          column: 12,
          messageId: 'publicPolicy',
          message:
            'You · Identity and access: bucket policy of \'aws_s3_bucket.b\' allows anyone (Principal "*") to s3:GetObject',
          detail:
            'The statement has no condition that narrows who. AWS enforces the policy as you write it: name the principals that need access or add a condition, unless this data is meant to be public.',
        },
      ],
    },
    {
      syntax: 'yaml',
      name: 'the bucket ARN and its objects: the objects are open',
      code: 'Resources:\n  Site:\n    Type: AWS::S3::Bucket\n  Policy:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: !Ref Site\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: "*"\n            Action: s3:GetObject\n            Resource: [!GetAtt Site.Arn, !Sub "${Site.Arn}/*"]\n',
      findings: [{ line: 10, column: 13, messageId: 'publicPolicy', message: /s3:GetObject/ }],
    },
    {
      syntax: 'yaml',
      name: 's3:ListBucket on the bucket ARN lists every key to anyone',
      code: 'Resources:\n  Site:\n    Type: AWS::S3::Bucket\n  Policy:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: !Ref Site\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: "*"\n            Action: [s3:GetObject, s3:ListBucket]\n            Resource: !GetAtt Site.Arn\n',
      findings: [{ line: 10, column: 13, messageId: 'publicPolicy', message: /s3:GetObject, s3:ListBucket/ }],
    },
    {
      syntax: 'terraform',
      name: 'a wildcard action (s3:Get*) on the bucket ARN includes bucket actions',
      code: 'resource "aws_s3_bucket" "b" {\n  bucket = "site"\n}\n\nresource "aws_s3_bucket_policy" "p" {\n  bucket = aws_s3_bucket.b.id\n  policy = jsonencode({\n    Statement = [{ Effect = "Allow", Principal = "*", Action = "s3:Get*", Resource = aws_s3_bucket.b.arn }]\n  })\n}\n',
      findings: [{ line: 8, column: 18, messageId: 'publicPolicy', message: /s3:Get\*/ }],
    },
  ],
};
