import { rule } from '../../src/rules/glacier-vault-policy-public';
import type { RuleCases } from './tester';

const statement = (principal: string, effect = 'Allow') =>
  `{"Version": "2012-10-17", "Statement": [{"Effect": "${effect}", "Principal": ${principal}, "Action": ["glacier:InitiateJob", "glacier:GetJobOutput"], "Resource": "arn:aws:glacier:eu-west-1:123456789012:vaults/archive"}]}`;

export const cases: RuleCases = {
  rule,
  valid: [
    {
      syntax: 'yaml',
      name: 'an account principal',
      code: 'Resources:\n  Vault:\n    Type: AWS::Glacier::Vault\n    Properties:\n      AccessPolicy:\n        Statement:\n          - Effect: Allow\n            Principal:\n              AWS: !Sub "arn:aws:iam::${AWS::AccountId}:root"\n            Action: glacier:InitiateJob\n',
    },
    {
      syntax: 'terraform',
      code: `resource "aws_glacier_vault" "v" {\n  name          = "archive"\n  access_policy = <<EOF\n${statement('"arn:aws:iam::123456789012:role/reader"')}\nEOF\n}\n`,
    },
    // Checkov CKV_AWS_167 fails `"AWS": "arn:aws:iam::*:role/reader"`; IAM does not allow a partial wildcard
    // in a Principal (only "*" on its own), so this statement grants no one and is not reported here.
    {
      syntax: 'terraform',
      name: 'a partial wildcard in a principal ARN is not a grant to anyone',
      code: `resource "aws_glacier_vault" "v" {\n  name          = "archive"\n  access_policy = <<EOF\n${statement('{"AWS": "arn:aws:iam::*:role/reader"}')}\nEOF\n}\n`,
    },
    {
      syntax: 'terraform',
      name: 'a variable without default is unknown',
      code: 'variable "policy" {}\n\nresource "aws_glacier_vault" "v" {\n  name          = "archive"\n  access_policy = var.policy\n}\n',
    },
  ],
  invalid: [
    {
      syntax: 'terraform',
      name: 'an AWS "*" principal among others, in a heredoc',
      code: `resource "aws_glacier_vault" "v" {\n  name          = "archive"\n  access_policy = <<EOF\n${statement('{"AWS": ["arn:aws:iam::123456789012:role/reader", "*"]}')}\nEOF\n}\n`,
      findings: [{ line: 3, column: 19 }],
    },
  ],
};
