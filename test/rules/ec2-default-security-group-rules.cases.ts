import { rule } from '../../src/rules/ec2-default-security-group-rules';
import type { RuleCases } from './tester';

export const cases: RuleCases = {
  rule,
  valid: [
    {
      syntax: 'terraform',
      name: 'no rules: the default group is emptied',
      code: 'resource "aws_default_security_group" "default" {\n  vpc_id = aws_vpc.main.id\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'empty rule lists',
      code: 'resource "aws_default_security_group" "default" {\n  vpc_id  = aws_vpc.main.id\n  ingress = []\n  egress  = []\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a dynamic block and a variable without default are unknown',
      code: 'variable "rules" {}\n\nresource "aws_default_security_group" "default" {\n  vpc_id = aws_vpc.main.id\n  dynamic "ingress" {\n    for_each = var.ports\n    content {\n      protocol  = "tcp"\n      from_port = ingress.value\n      to_port   = ingress.value\n      self      = true\n    }\n  }\n  egress = var.rules\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'rules of an ordinary security group are not this rule',
      code: 'resource "aws_security_group" "web" {\n  vpc_id = aws_vpc.main.id\n  ingress {\n    protocol    = "tcp"\n    from_port   = 443\n    to_port     = 443\n    cidr_blocks = ["10.0.0.0/8"]\n  }\n}\n',
    },
  ],
  invalid: [
    {
      syntax: 'terraform',
      name: 'the rules AWS creates, written back',
      code: 'resource "aws_default_security_group" "default" {\n  vpc_id = aws_vpc.main.id\n\n  ingress {\n    protocol  = -1\n    self      = true\n    from_port = 0\n    to_port   = 0\n  }\n\n  egress {\n    from_port   = 0\n    to_port     = 0\n    protocol    = "-1"\n    cidr_blocks = ["0.0.0.0/0"]\n  } # all outbound\n}\n',
      findings: [
        {
          line: 4,
          column: 3,
          messageId: 'defaultGroupRule',
          data: { resource: 'aws_default_security_group.default', direction: 'inbound', block: 'ingress' },
          message:
            "You · Network access: default security group 'aws_default_security_group.default' allows inbound traffic",
          detail:
            'It does so through its ingress rule. AWS attaches the default group to every instance or interface launched without a security group, so its rules are yours to empty (CIS AWS Foundations 5.4, Security Hub EC2.2): remove the rule and use security groups of your own for the traffic you need.',
        },
        {
          line: 11,
          column: 3,
          messageId: 'defaultGroupRule',
          data: { resource: 'aws_default_security_group.default', direction: 'outbound', block: 'egress' },
        },
      ],
      output: 'resource "aws_default_security_group" "default" {\n  vpc_id = aws_vpc.main.id\n\n\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'two ingress blocks are two findings; a rule list from a variable default',
      code: 'variable "egress" {\n  default = [{ protocol = "-1", from_port = 0, to_port = 0, cidr_blocks = ["0.0.0.0/0"] }]\n}\n\nresource "aws_default_security_group" "default" {\n  vpc_id = aws_vpc.main.id\n  ingress {\n    protocol  = "tcp"\n    from_port = 22\n    to_port   = 22\n    self      = true\n  }\n  ingress {\n    protocol  = "tcp"\n    from_port = 443\n    to_port   = 443\n    self      = true\n  }\n  egress = var.egress\n}\n',
      findings: [
        { line: 7, column: 3, messageId: 'defaultGroupRule', data: { direction: 'inbound', block: 'ingress' } },
        { line: 13, column: 3, messageId: 'defaultGroupRule', data: { direction: 'inbound', block: 'ingress' } },
        { line: 19, column: 3, messageId: 'defaultGroupRule', data: { direction: 'outbound', block: 'egress' } },
      ],
      output:
        'variable "egress" {\n  default = [{ protocol = "-1", from_port = 0, to_port = 0, cidr_blocks = ["0.0.0.0/0"] }]\n}\n\nresource "aws_default_security_group" "default" {\n  vpc_id = aws_vpc.main.id\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a rule written on the resource line cannot be removed safely',
      code: 'resource "aws_default_security_group" "default" { egress { self = true } }\n',
      findings: [{ line: 1, column: 51, messageId: 'defaultGroupRule', data: { block: 'egress' } }],
    },
  ],
};
