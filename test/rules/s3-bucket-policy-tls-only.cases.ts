import { rule } from '../../src/rules/s3-bucket-policy-tls-only';
import type { RuleCases } from './tester';

const TLS_DENY_YAML =
  '      PolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Deny\n            Principal: "*"\n            Action: "s3:*"\n            Resource: [!GetAtt Data.Arn, !Sub "${Data.Arn}/*"]\n            Condition:\n              Bool:\n                aws:SecureTransport: false\n';

export const cases: RuleCases = {
  rule,
  valid: [
    {
      syntax: 'yaml',
      name: 'a companion policy that denies insecure transport',
      code: `Resources:\n  Data:\n    Type: AWS::S3::Bucket\n  DataPolicy:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: !Ref Data\n${TLS_DENY_YAML}`,
    },
    {
      syntax: 'yaml',
      name: 'a policy for a bucket whose name is a parameter without default may be this bucket',
      code: 'Parameters:\n  Name:\n    Type: String\nResources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Sub "${Name}-data"\n  Other:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: !Ref Name\n      PolicyDocument: !If [C, {}, {}]\n',
    },
    {
      syntax: 'yaml',
      name: 'a policy document behind !If is unknown',
      code: 'Resources:\n  P:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: data\n      PolicyDocument: !If [IsProd, {}, {}]\n',
    },
    {
      syntax: 'json',
      code: '{"Resources": {"Data": {"Type": "AWS::S3::Bucket"}, "P": {"Type": "AWS::S3::BucketPolicy", "Properties": {"Bucket": {"Ref": "Data"}, "PolicyDocument": {"Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}}}}}',
    },
    {
      syntax: 'terraform',
      name: 'companion in another file, policy document with a condition block',
      code: {
        'main.tf': 'resource "aws_s3_bucket" "data" {\n  bucket = "data"\n}\n',
        'policy.tf':
          'resource "aws_s3_bucket_policy" "data" {\n  bucket = aws_s3_bucket.data.id\n  policy = data.aws_iam_policy_document.tls.json\n}\n\ndata "aws_iam_policy_document" "tls" {\n  statement {\n    effect    = "Deny"\n    actions   = ["s3:*"]\n    resources = [aws_s3_bucket.data.arn, "${aws_s3_bucket.data.arn}/*"]\n    principals {\n      type        = "*"\n      identifiers = ["*"]\n    }\n    condition {\n      test     = "Bool"\n      variable = "aws:SecureTransport"\n      values   = ["false"]\n    }\n  }\n}\n',
      },
    },
    {
      syntax: 'terraform',
      name: 'a policy from a variable without default is unknown',
      code: 'variable "policy" {}\n\nresource "aws_s3_bucket" "b" {\n  policy = var.policy\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'joined by the same variable on both sides',
      code: 'variable "name" {}\n\nresource "aws_s3_bucket" "b" {\n  bucket = var.name\n}\n\nresource "aws_s3_bucket_policy" "b" {\n  bucket = var.name\n  policy = jsonencode({ Statement = [{ Effect = "Deny", Principal = "*", Action = "s3:*", Condition = { Bool = { "aws:SecureTransport" = "false" } } }] })\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a policy whose bucket is unknown may be this one',
      code: 'resource "aws_s3_bucket" "b" {\n  bucket = "${var.prefix}-b"\n}\n\nresource "aws_s3_bucket_policy" "p" {\n  bucket = module.names.bucket\n  policy = var.policy\n}\n',
    },
    {
      syntax: 'yaml',
      name: 'a bucket handed to a nested stack may get its policy there',
      code: 'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n  Policies:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: https://example.com/policies.yaml\n      Parameters:\n        BucketName: !Ref Data\n',
    },
    {
      syntax: 'yaml',
      name: 'a macro may rewrite the template',
      code: 'Transform: Count\nResources:\n  Data:\n    Type: AWS::S3::Bucket\n    Count: 3\n',
    },
    {
      syntax: 'terraform',
      name: 'a bucket handed to a module may get its policy there',
      code: 'resource "aws_s3_bucket" "data" {\n  bucket = "data"\n}\n\nmodule "policy" {\n  source    = "./policy"\n  bucket_id = aws_s3_bucket.data.id\n}\n',
    },
  ],
  invalid: [
    {
      syntax: 'yaml',
      name: 'no policy: a TLS-only policy is added after the bucket',
      code: 'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: data\n  Queue:\n    Type: AWS::SQS::Queue\n',
      findings: [
        {
          line: 3,
          column: 11,
          messageId: 'noPolicy',
          message: "You · Data in transit: bucket 'Data' accepts plain HTTP: it has no bucket policy",
          detail:
            'With no bucket policy, it accepts requests over plain HTTP. S3 offers HTTPS endpoints but still answers plain HTTP; requiring TLS for your data is your side of the model. Add a policy that denies requests where aws:SecureTransport is false.',
        },
      ],
      output:
        'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: data\n  DataPolicy:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: !Ref Data\n      PolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - Sid: DenyInsecureTransport\n            Effect: Deny\n            Principal: "*"\n            Action: "s3:*"\n            Resource:\n              - !GetAtt Data.Arn\n              - !Sub \'${Data.Arn}/*\'\n            Condition:\n              Bool:\n                aws:SecureTransport: "false"\n  Queue:\n    Type: AWS::SQS::Queue\n',
    },
    {
      syntax: 'yaml',
      name: 'a conditional bucket without Properties, at the end of the file',
      code: 'Resources:\n  Logs:\n    Type: AWS::S3::Bucket\n    Condition: WantLogs\n    DeletionPolicy: Retain',
      findings: [{ line: 3, column: 11 }],
      output:
        'Resources:\n  Logs:\n    Type: AWS::S3::Bucket\n    Condition: WantLogs\n    DeletionPolicy: Retain\n  LogsPolicy:\n    Type: AWS::S3::BucketPolicy\n    Condition: WantLogs\n    Properties:\n      Bucket: !Ref Logs\n      PolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - Sid: DenyInsecureTransport\n            Effect: Deny\n            Principal: "*"\n            Action: "s3:*"\n            Resource:\n              - !GetAtt Logs.Arn\n              - !Sub \'${Logs.Arn}/*\'\n            Condition:\n              Bool:\n                aws:SecureTransport: "false"',
    },
    {
      syntax: 'yaml',
      name: 'four-space indentation, a comment before the next resource, an id already taken',
      code: 'Resources:\n    Data:\n        Type: AWS::S3::Bucket\n        Properties:\n            Tags:\n                - Key: team\n                  Value: data\n    # the queue\n    DataPolicy:\n        Type: AWS::SQS::Queue\n',
      findings: [{ line: 3, column: 15 }],
      output:
        'Resources:\n    Data:\n        Type: AWS::S3::Bucket\n        Properties:\n            Tags:\n                - Key: team\n                  Value: data\n    DataPolicy2:\n        Type: AWS::S3::BucketPolicy\n        Properties:\n            Bucket: !Ref Data\n            PolicyDocument:\n                Version: "2012-10-17"\n                Statement:\n                    - Sid: DenyInsecureTransport\n                      Effect: Deny\n                      Principal: "*"\n                      Action: "s3:*"\n                      Resource:\n                          - !GetAtt Data.Arn\n                          - !Sub \'${Data.Arn}/*\'\n                      Condition:\n                          Bool:\n                              aws:SecureTransport: "false"\n    # the queue\n    DataPolicy:\n        Type: AWS::SQS::Queue\n',
    },
    {
      syntax: 'yaml',
      name: 'comment lines after the bucket stay with it',
      code: 'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: data # the name\n      # more settings later\n\n  Queue:\n    Type: AWS::SQS::Queue\n',
      findings: [{ line: 3, column: 11 }],
      output:
        'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: data # the name\n  DataPolicy:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: !Ref Data\n      PolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - Sid: DenyInsecureTransport\n            Effect: Deny\n            Principal: "*"\n            Action: "s3:*"\n            Resource:\n              - !GetAtt Data.Arn\n              - !Sub \'${Data.Arn}/*\'\n            Condition:\n              Bool:\n                aws:SecureTransport: "false"\n      # more settings later\n\n  Queue:\n    Type: AWS::SQS::Queue\n',
    },
    {
      syntax: 'yaml',
      name: 'a policy without the Deny is reported on the policy, not fixed',
      code: 'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n  DataPolicy:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: !Ref Data\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal:\n              AWS: !Sub "arn:aws:iam::${AWS::AccountId}:root"\n            Action: s3:GetObject\n            Resource: !Sub "${Data.Arn}/*"\n',
      findings: [
        {
          line: 8,
          column: 7,
          messageId: 'noTlsDeny',
          message:
            "You · Data in transit: bucket policy 'DataPolicy' does not deny plain HTTP (aws:SecureTransport false)",
          detail:
            'It does not deny requests where aws:SecureTransport is false, so the bucket accepts plain HTTP. S3 offers HTTPS endpoints but still answers plain HTTP; requiring TLS for your data is your side of the model. Add a Deny statement for insecure transport.',
        },
      ],
    },
    {
      syntax: 'json',
      code: '{\n  "Resources": {\n    "Data": {\n      "Type": "AWS::S3::Bucket"\n    }\n  }\n}\n',
      findings: [{ line: 4, column: 15 }],
      output:
        '{\n  "Resources": {\n    "Data": {\n      "Type": "AWS::S3::Bucket"\n    },\n    "DataPolicy": {\n      "Type": "AWS::S3::BucketPolicy",\n      "Properties": {\n        "Bucket": {\n          "Ref": "Data"\n        },\n        "PolicyDocument": {\n          "Version": "2012-10-17",\n          "Statement": [\n            {\n              "Sid": "DenyInsecureTransport",\n              "Effect": "Deny",\n              "Principal": "*",\n              "Action": "s3:*",\n              "Resource": [\n                {\n                  "Fn::GetAtt": [\n                    "Data",\n                    "Arn"\n                  ]\n                },\n                {\n                  "Fn::Sub": "${Data.Arn}/*"\n                }\n              ],\n              "Condition": {\n                "Bool": {\n                  "aws:SecureTransport": "false"\n                }\n              }\n            }\n          ]\n        }\n      }\n    }\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'no policy: a companion is added after the bucket',
      code: 'resource "aws_s3_bucket" "data" {\n  bucket = "data"\n}\n\nresource "aws_s3_bucket_policy" "other" {\n  bucket = aws_s3_bucket.other.id\n  policy = var.p\n}\n',
      findings: [{ line: 1, column: 10 }],
      output:
        'resource "aws_s3_bucket" "data" {\n  bucket = "data"\n}\n\nresource "aws_s3_bucket_policy" "data" {\n  bucket = aws_s3_bucket.data.id\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Sid       = "DenyInsecureTransport"\n      Effect    = "Deny"\n      Principal = "*"\n      Action    = "s3:*"\n      Resource  = [aws_s3_bucket.data.arn, "${aws_s3_bucket.data.arn}/*"]\n      Condition = { Bool = { "aws:SecureTransport" = "false" } }\n    }]\n  })\n}\n\nresource "aws_s3_bucket_policy" "other" {\n  bucket = aws_s3_bucket.other.id\n  policy = var.p\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a repeated bucket (count = 2), one finding per instance: a person adds the repeated policy',
      code: 'resource "aws_s3_bucket" "b" {\n  count  = 2\n  bucket = "b-${count.index}"\n}\n',
      findings: [
        { line: 1, column: 10, message: /'aws_s3_bucket.b\[0\]'/ },
        { line: 1, column: 10, message: /'aws_s3_bucket.b\[1\]'/ },
      ],
    },
    {
      syntax: 'terraform',
      name: 'a legacy inline policy without the Deny',
      code: 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n  policy = jsonencode({\n    Statement = [{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::123456789012:root" }, Action = "s3:*" }]\n  })\n}\n',
      findings: [
        {
          line: 3,
          column: 3,
          messageId: 'noTlsDeny',
          message:
            "You · Data in transit: bucket 'aws_s3_bucket.b' does not deny plain HTTP (aws:SecureTransport false)",
          detail:
            'It does not deny requests where aws:SecureTransport is false, so the bucket accepts plain HTTP. S3 offers HTTPS endpoints but still answers plain HTTP; requiring TLS for your data is your side of the model. Add a Deny statement for insecure transport.',
        },
      ],
    },
    {
      syntax: 'terraform',
      name: 'an Allow limited to TLS does not stop other grants from using HTTP',
      code: {
        'main.tf': 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n',
        'policy.tf':
          'resource "aws_s3_bucket_policy" "b" {\n  bucket = aws_s3_bucket.b.bucket\n  policy = <<EOF\n{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "s3:*", "Condition": {"Bool": {"aws:SecureTransport": "true"}}}]}\nEOF\n}\n',
      },
      findings: [{ line: 3, column: 3, file: 'policy.tf' }],
    },
  ],
};
