import { rule } from '../../src/rules/iam-access-key-in-template';
import type { RuleCases } from './tester';

export const cases: RuleCases = {
  rule,
  valid: [
    {
      syntax: 'yaml',
      code: `Resources:
  DeployRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { Federated: !Sub "arn:aws:iam::\${AWS::AccountId}:oidc-provider/token.actions.githubusercontent.com" }
            Action: sts:AssumeRoleWithWebIdentity
`,
    },
    {
      syntax: 'yaml',
      name: 'an inactive key cannot sign requests',
      code: `Resources:
  Parked:
    Type: AWS::IAM::AccessKey
    Properties:
      UserName: legacy
      Status: Inactive
`,
    },
    {
      syntax: 'json',
      code: `{
  "Resources": {
    "Ci": { "Type": "AWS::IAM::User", "Properties": { "Path": "/ci/" } }
  }
}
`,
    },
    {
      syntax: 'terraform',
      code: `resource "aws_iam_role" "ci" {
  name               = "ci"
  assume_role_policy = data.aws_iam_policy_document.github.json
}
`,
    },
  ],
  invalid: [
    {
      syntax: 'yaml',
      code: `Resources:
  CiKey:
    Type: AWS::IAM::AccessKey
    Properties:
      UserName: !Ref CiUser
Outputs:
  Secret:
    Value: !GetAtt CiKey.SecretAccessKey
`,
      findings: [
        {
          line: 3,
          column: 11,
          messageId: 'accessKey',
          message: "You · Credentials: access key 'CiKey' is a long-lived credential that AWS never rotates",
          detail:
            'AWS never expires or rotates it, and its secret is readable by anything in the stack that uses Fn::GetAtt SecretAccessKey (often an output anyone who can describe the stack can see). Keeping it secret and rotating it is yours; prefer IAM roles for workloads and IAM Identity Center for people.',
        },
      ],
    },
    {
      syntax: 'yaml',
      name: 'a status from a parameter without default may be Active',
      code: `Parameters:
  KeyStatus:
    Type: String
Resources:
  Key:
    Type: AWS::IAM::AccessKey
    Properties:
      UserName: ci
      Status: !Ref KeyStatus
`,
      findings: [{ line: 6, column: 11 }],
    },
    {
      syntax: 'json',
      code: `{
  "Resources": {
    "CiKey": {
      "Type": "AWS::IAM::AccessKey",
      "Properties": { "UserName": "ci", "Status": "Active" }
    }
  }
}
`,
      findings: [{ line: 4, column: 15 }],
    },
    {
      syntax: 'terraform',
      code: `resource "aws_iam_access_key" "ci" {
  user = aws_iam_user.ci.name
}
`,
      findings: [
        {
          line: 1,
          column: 10,
          messageId: 'accessKey',
          detail: /Terraform keeps its secret in the state in plain text/,
        },
      ],
    },
    {
      syntax: 'terraform',
      name: 'with a PGP key the state holds an encrypted secret, still a long-lived key',
      code: `resource "aws_iam_access_key" "ci" {
  user    = aws_iam_user.ci.name
  pgp_key = "keybase:ci-owner"
}
`,
      findings: [{ line: 1, column: 10, messageId: 'accessKey', detail: /encrypted with the PGP key/ }],
    },
  ],
};
