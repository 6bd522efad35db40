import { rule } from '../../src/rules/emr-block-public-access';
import type { RuleCases } from './tester';

export const cases: RuleCases = {
  rule,
  valid: [
    {
      syntax: 'terraform',
      code: 'resource "aws_emr_block_public_access_configuration" "this" {\n  block_public_security_group_rules = true\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'with the default SSH exception',
      code: 'resource "aws_emr_block_public_access_configuration" "this" {\n  block_public_security_group_rules = true\n\n  permitted_public_security_group_rule_range {\n    min_range = 22\n    max_range = 22\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a variable without default is unknown',
      code: 'variable "block" {\n  type = bool\n}\n\nresource "aws_emr_block_public_access_configuration" "this" {\n  block_public_security_group_rules = var.block\n}\n',
    },
    {
      syntax: 'yaml',
      name: 'CloudFormation has no such resource',
      code: 'Resources:\n  Cluster:\n    Type: AWS::EMR::Cluster\n    Properties:\n      SecurityConfiguration: sc\n',
    },
  ],
  invalid: [
    {
      syntax: 'terraform',
      code: 'resource "aws_emr_block_public_access_configuration" "this" {\n  block_public_security_group_rules = false\n}\n',
      findings: [
        {
          line: 2,
          column: 39,
          messageId: 'turnedOff',
          message:
            "You · Network access: 'aws_emr_block_public_access_configuration.this' turns EMR block public access off",
          detail:
            'It turns it off for the whole account and Region, so clusters may start with security groups open to 0.0.0.0/0 or ::/0 on any port. Network access to your clusters is yours to control; set block_public_security_group_rules to true.',
        },
      ],
      output:
        'resource "aws_emr_block_public_access_configuration" "this" {\n  block_public_security_group_rules = true\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'false through a variable default in another file',
      code: {
        'main.tf':
          'resource "aws_emr_block_public_access_configuration" "this" {\n  block_public_security_group_rules = var.block_public\n}\n',
        'variables.tf': 'variable "block_public" {\n  default = false\n}\n',
      },
      findings: [{ line: 2, column: 39, file: 'main.tf' }],
      output: {
        'main.tf':
          'resource "aws_emr_block_public_access_configuration" "this" {\n  block_public_security_group_rules = var.block_public\n}\n',
        'variables.tf': 'variable "block_public" {\n  default = true\n}\n',
      },
    },
  ],
};
