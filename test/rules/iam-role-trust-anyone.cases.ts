import { rule } from '../../src/rules/iam-role-trust-anyone';
import type { RuleCases } from './tester';

export const cases: RuleCases = {
  rule,
  valid: [
    {
      syntax: 'yaml',
      code: `Resources:
  Deployer:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal:
              AWS: arn:aws:iam::111122223333:root
            Action: sts:AssumeRole
`,
    },
    {
      syntax: 'yaml',
      name: 'anyone, narrowed to the organization',
      code: `Resources:
  OrgReader:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: "*"
            Action: sts:AssumeRole
            Condition:
              StringEquals:
                aws:PrincipalOrgID: o-abc123def4
`,
    },
    {
      syntax: 'yaml',
      name: 'a Deny for anyone is not a grant',
      code: `Resources:
  Service:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { Service: ecs-tasks.amazonaws.com }
            Action: sts:AssumeRole
          - Effect: Deny
            Principal: { AWS: "*" }
            Action: sts:AssumeRole
`,
    },
    {
      syntax: 'yaml',
      name: 'a trust policy from a parameter without default is unknown',
      code: `Parameters:
  Trust:
    Type: String
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: !Ref Trust
`,
    },
    {
      syntax: 'yaml',
      name: 'a principal behind !If is unknown',
      code: `Conditions:
  Open: !Equals [!Ref AWS::Region, us-east-1]
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: !If [Open, "*", { AWS: arn:aws:iam::111122223333:root }]
            Action: sts:AssumeRole
`,
    },
    {
      syntax: 'json',
      code: `{
  "Resources": {
    "Lambda": {
      "Type": "AWS::IAM::Role",
      "Properties": {
        "AssumeRolePolicyDocument": {
          "Statement": [{ "Effect": "Allow", "Principal": { "Service": ["lambda.amazonaws.com"] }, "Action": ["sts:AssumeRole"] }]
        }
      }
    }
  }
}
`,
    },
    {
      syntax: 'terraform',
      code: `data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "app" {
  name               = "app"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}
`,
    },
    {
      syntax: 'terraform',
      name: 'anyone, but only with the external id agreed with a third party',
      code: `resource "aws_iam_role" "vendor" {
  assume_role_policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "sts:AssumeRole"
      Condition = { StringEquals = { "sts:ExternalId" = "d3b07384d113edec49eaa6238ad5ff00" } }
    }]
  })
}
`,
    },
    {
      syntax: 'terraform',
      name: 'a trust policy from a variable without default is unknown',
      code: `variable "trust" {}

resource "aws_iam_role" "r" {
  assume_role_policy = var.trust
}
`,
    },
  ],
  invalid: [
    {
      syntax: 'yaml',
      code: `Resources:
  Shared:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal:
              AWS: "*"
            Action: sts:AssumeRole
`,
      findings: [
        {
          line: 8,
          column: 13,
          messageId: 'trustsAnyone',
          message: 'You · Identity and access: role \'Shared\' trusts Principal "*" with no condition',
          detail:
            'The trust policy has no condition that narrows who: any AWS principal, in any account, can assume it and use its permissions. AWS applies the trust policy as written; naming who may assume the role is yours.',
        },
      ],
    },
    {
      syntax: 'yaml',
      name: 'a star among named principals, and a condition that does not narrow who',
      code: `Resources:
  Shared:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal:
              AWS: [arn:aws:iam::111122223333:root, "*"]
            Action: ["sts:AssumeRole", "sts:TagSession"]
            Condition:
              Bool:
                aws:MultiFactorAuthPresent: "true"
`,
      findings: [{ line: 7, column: 13 }],
    },
    {
      syntax: 'yaml',
      name: 'Allow with NotPrincipal trusts everyone else',
      code: `Resources:
  AllButOne:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            NotPrincipal:
              AWS: arn:aws:iam::111122223333:root
            Action: sts:*
`,
      findings: [
        { line: 7, column: 13, messageId: 'trustsAnyone', message: /every principal except those in NotPrincipal/ },
      ],
    },
    {
      syntax: 'yaml',
      name: 'a JSON block string',
      code: `Resources:
  Star:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: |
        {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole"}]}
`,
      findings: [{ line: 6, column: 24 }],
    },
    {
      syntax: 'json',
      code: `{
  "Resources": {
    "Shared": {
      "Type": "AWS::IAM::Role",
      "Properties": {
        "AssumeRolePolicyDocument": {
          "Statement": [
            { "Effect": "Allow", "Principal": { "AWS": ["*"] }, "Action": ["sts:AssumeRole"] }
          ]
        }
      }
    }
  }
}
`,
      findings: [{ line: 8, column: 13 }],
    },
    {
      syntax: 'terraform',
      code: `resource "aws_iam_role" "shared" {
  name = "shared"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "sts:AssumeRole"
    }]
  })
}
`,
      findings: [
        {
          line: 5,
          column: 18,
          messageId: 'trustsAnyone',
          message: 'You · Identity and access: role \'aws_iam_role.shared\' trusts Principal "*" with no condition',
          detail:
            'The trust policy has no condition that narrows who: any AWS principal, in any account, can assume it and use its permissions. AWS applies the trust policy as written; naming who may assume the role is yours.',
        },
      ],
    },
    {
      syntax: 'terraform',
      name: 'a policy document data source in another file, principal type "*"',
      code: {
        'iam.tf': `resource "aws_iam_role" "shared" {
  assume_role_policy = data.aws_iam_policy_document.anyone.json
}
`,
        'policies.tf': `data "aws_iam_policy_document" "anyone" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}
`,
      },
      findings: [{ line: 2, column: 24, file: 'iam.tf' }],
    },
    {
      syntax: 'terraform',
      name: 'a heredoc',
      code: `resource "aws_iam_role" "shared" {
  assume_role_policy = <<EOF
{
  "Statement": [
    {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"}
  ]
}
EOF
}
`,
      findings: [{ line: 5, column: 5 }],
    },
  ],
};
