import { rule } from '../../src/rules/ebs-default-encryption';
import type { RuleCases } from './tester';

export const cases: RuleCases = {
  rule,
  valid: [
    { syntax: 'terraform', code: 'resource "aws_ebs_encryption_by_default" "this" {\n  enabled = true\n}\n' },
    {
      syntax: 'terraform',
      name: 'enabled defaults to true',
      code: 'resource "aws_ebs_encryption_by_default" "this" {}\n',
    },
    {
      syntax: 'terraform',
      name: 'a variable without default is unknown',
      code: 'variable "enabled" {}\n\nresource "aws_ebs_encryption_by_default" "this" {\n  enabled = var.enabled\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a conditional is unknown',
      code: 'resource "aws_ebs_encryption_by_default" "this" {\n  enabled = var.env == "prod" ? true : false\n}\n',
    },
    // There is no CloudFormation resource for the account setting: templates are never reported.
    {
      syntax: 'yaml',
      name: 'CloudFormation has no such resource',
      code: 'Resources:\n  Data:\n    Type: AWS::EC2::Volume\n    Properties:\n      AvailabilityZone: us-east-1a\n      Encrypted: true\n',
    },
    {
      syntax: 'json',
      name: 'CloudFormation has no such resource',
      code: '{"Resources": {"Data": {"Type": "AWS::EC2::Volume", "Properties": {"AvailabilityZone": "us-east-1a", "Encrypted": true}}}}',
    },
  ],
  invalid: [
    {
      syntax: 'terraform',
      name: 'turned off',
      code: 'resource "aws_ebs_encryption_by_default" "this" {\n  enabled = false\n}\n',
      findings: [
        {
          line: 2,
          column: 13,
          severity: 'info',
          messageId: 'defaultEncryptionOff',
          message: "You · Data at rest: 'aws_ebs_encryption_by_default.this' turns EBS encryption by default off",
          detail:
            'It turns it off for this account and Region, so new volumes are unencrypted unless each one asks for encryption. AWS leaves this setting to you: set enabled to true.',
        },
      ],
      output: 'resource "aws_ebs_encryption_by_default" "this" {\n  enabled = true\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a variable default of false in another file (not fixed here: the variable decides)',
      code: {
        'variables.tf': 'variable "ebs_default_encryption" {\n  default = false\n}\n',
        'account.tf': 'resource "aws_ebs_encryption_by_default" "this" {\n  enabled = var.ebs_default_encryption\n}\n',
      },
      findings: [{ line: 2, column: 13, file: 'account.tf' }],
    },
  ],
};
