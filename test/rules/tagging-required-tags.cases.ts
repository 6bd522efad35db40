import { rule } from '../../src/rules/tagging-required-tags';
import type { InvalidCase, RuleCases, ValidCase } from './tester';

/**
 * With the default configuration (`requiredTags: []`) the rule is off: the shared tester, which
 * runs with the default configuration, sees no finding anywhere.
 */
export const cases: RuleCases = {
  rule,
  valid: [
    {
      syntax: 'yaml',
      name: 'off without requiredTags',
      code: `Resources:
  Reports:
    Type: AWS::S3::Bucket
`,
    },
    {
      syntax: 'json',
      name: 'off without requiredTags',
      code: `{ "Resources": { "Jobs": { "Type": "AWS::SQS::Queue" } } }
`,
    },
    {
      syntax: 'terraform',
      name: 'off without requiredTags',
      code: `resource "aws_dynamodb_table" "orders" {
  name     = "orders"
  hash_key = "id"
}
`,
    },
  ],
  invalid: [],
};

/** Cases run with `requiredTags` set (see test/unit/rules/identity-rules.test.ts). */
export interface TagCase extends ValidCase {
  requiredTags: string[];
}
export interface TagInvalidCase extends InvalidCase {
  requiredTags: string[];
}

const REQUIRED = ['Owner', 'DataClassification'];

export const withRequiredTags: { valid: TagCase[]; invalid: TagInvalidCase[] } = {
  valid: [
    {
      syntax: 'yaml',
      requiredTags: REQUIRED,
      code: `Resources:
  Reports:
    Type: AWS::S3::Bucket
    Properties:
      Tags:
        - Key: Owner
          Value: finance
        - Key: DataClassification
          Value: internal
  ReportsPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Reports
      PolicyDocument: { Statement: [] }
  Server:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-12345678
`,
    },
    {
      syntax: 'yaml',
      name: 'SAM tags are a map; tags behind !If are unknown',
      requiredTags: REQUIRED,
      code: `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      CodeUri: src/
      Tags:
        Owner: payments
        DataClassification: confidential
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      Tags: !If [Prod, [{ Key: Owner, Value: a }], []]
`,
    },
    {
      syntax: 'json',
      requiredTags: ['Owner'],
      code: `{
  "Resources": {
    "Jobs": { "Type": "AWS::SQS::Queue", "Properties": { "Tags": [{ "Key": "Owner", "Value": "batch" }] } }
  }
}
`,
    },
    {
      syntax: 'terraform',
      name: 'provider default_tags count, and merge() of known maps',
      requiredTags: REQUIRED,
      code: `provider "aws" {
  region = "eu-west-1"
  default_tags {
    tags = { Owner = "platform" }
  }
}

locals {
  classification = { DataClassification = "internal" }
}

resource "aws_s3_bucket" "logs" {
  bucket = "logs"
  tags   = merge(local.classification, { Name = "logs" })
}
`,
    },
    {
      syntax: 'terraform',
      name: "tags from module variables are the caller's, even with an empty default",
      requiredTags: REQUIRED,
      code: `variable "tags" {
  type = map(string)
}

variable "queue_tags" {
  type    = map(string)
  default = {}
}

resource "aws_sqs_queue" "q" {
  tags = var.tags
}

resource "aws_sqs_queue" "dlq" {
  tags = merge(var.queue_tags, { Name = "dlq" })
}
`,
    },
  ],
  invalid: [
    {
      syntax: 'yaml',
      requiredTags: REQUIRED,
      code: `Resources:
  Reports:
    Type: AWS::S3::Bucket
    Properties:
      Tags:
        - Key: Owner
          Value: finance
  Orders:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
`,
      findings: [
        { line: 5, column: 7, message: /'Reports' lacks the required tag 'DataClassification'.*stack tags/ },
        { line: 9, column: 11, message: /'Orders' lacks the required tags 'Owner', 'DataClassification'/ },
      ],
    },
    {
      syntax: 'json',
      requiredTags: ['Owner'],
      code: `{
  "Resources": {
    "Jobs": { "Type": "AWS::SQS::Queue", "Properties": { "Tags": [{ "Key": "owner", "Value": "batch" }] } }
  }
}
`,
      findings: [{ line: 3, column: 58, message: /lacks the required tag 'Owner'/ }],
    },
    {
      syntax: 'terraform',
      name: 'default_tags of the aliased provider the resource uses',
      requiredTags: REQUIRED,
      code: {
        'providers.tf': `provider "aws" {
  default_tags {
    tags = { Owner = "platform", DataClassification = "internal" }
  }
}

provider "aws" {
  alias  = "replica"
  region = "eu-central-1"
  default_tags {
    tags = { Owner = "platform" }
  }
}
`,
        'main.tf': `resource "aws_s3_bucket" "primary" {
  bucket = "primary"
}

resource "aws_s3_bucket" "replica" {
  provider = aws.replica
  bucket   = "replica"
}
`,
      },
      findings: [
        {
          line: 5,
          column: 10,
          file: 'main.tf',
          message: /'aws_s3_bucket.replica' lacks the required tag 'DataClassification'.*provider's default_tags/,
        },
      ],
    },
    {
      syntax: 'terraform',
      name: 'no provider block in the module',
      requiredTags: ['Owner'],
      code: `resource "aws_sns_topic" "alerts" {
  name = "alerts"
  tags = { Name = "alerts" }
}
`,
      findings: [{ line: 3, column: 3, message: /default_tags in the AWS provider configuration/ }],
    },
  ],
};
