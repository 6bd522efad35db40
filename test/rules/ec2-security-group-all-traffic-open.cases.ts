import { rule } from '../../src/rules/ec2-security-group-all-traffic-open';
import type { RuleCases } from './tester';

const sg = (rules: string) =>
  `Resources:\n  Sg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: lb\n      SecurityGroupIngress:\n${rules}`;

export const cases: RuleCases = {
  rule,
  valid: [
    {
      syntax: 'yaml',
      code: sg(
        '        - IpProtocol: tcp\n          FromPort: 443\n          ToPort: 443\n          CidrIp: 0.0.0.0/0\n',
      ),
    },
    {
      syntax: 'yaml',
      name: 'all traffic from a private range',
      code: sg('        - IpProtocol: -1\n          CidrIp: 10.0.0.0/8\n'),
    },
    {
      syntax: 'yaml',
      name: 'ports 1024-65535 are not every port',
      code: sg(
        '        - IpProtocol: tcp\n          FromPort: 1024\n          ToPort: 65535\n          CidrIp: 0.0.0.0/0\n',
      ),
    },
    {
      syntax: 'yaml',
      name: 'all traffic outbound is not inbound',
      code: 'Resources:\n  Sg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: out\n      SecurityGroupEgress:\n        - IpProtocol: -1\n          CidrIp: 0.0.0.0/0\n',
    },
    {
      syntax: 'yaml',
      name: 'a parameter without default is unknown',
      code: 'Parameters:\n  Source:\n    Type: String\nResources:\n  Open:\n    Type: AWS::EC2::SecurityGroupIngress\n    Properties:\n      GroupId: !Ref Sg\n      IpProtocol: -1\n      CidrIp: !Ref Source\n',
    },
    {
      syntax: 'yaml',
      name: 'the protocol behind !If is unknown',
      code: sg(
        '        - IpProtocol: !If [Wide, -1, tcp]\n          FromPort: 443\n          ToPort: 443\n          CidrIp: 0.0.0.0/0\n',
      ),
    },
    {
      syntax: 'json',
      code: '{"Resources": {"Sg": {"Type": "AWS::EC2::SecurityGroup", "Properties": {"GroupDescription": "lb", "SecurityGroupIngress": [{"IpProtocol": "-1", "SourceSecurityGroupId": "sg-12345678"}]}}}}',
    },
    {
      syntax: 'terraform',
      code: 'resource "aws_security_group" "lb" {\n  ingress {\n    from_port   = 443\n    to_port     = 443\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'all traffic from the group itself',
      code: 'resource "aws_security_group" "cluster" {\n  ingress {\n    from_port = 0\n    to_port   = 0\n    protocol  = "-1"\n    self      = true\n  }\n}\n',
    },
    // The peer (CKV_AWS_277) flags this; EC2 rejects TCP port -1 ("port (-1) out of range"), so it opens nothing.
    {
      syntax: 'terraform',
      name: 'port -1 with TCP is rejected by EC2',
      code: 'resource "aws_security_group_rule" "any" {\n  type              = "ingress"\n  from_port         = -1\n  to_port           = -1\n  protocol          = "tcp"\n  cidr_blocks       = ["0.0.0.0/0"]\n  security_group_id = "sg-12345"\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a variable without default and a dynamic block are unknown',
      code: 'variable "cidrs" {}\n\nresource "aws_security_group" "lb" {\n  ingress {\n    from_port   = 0\n    to_port     = 0\n    protocol    = "-1"\n    cidr_blocks = var.cidrs\n  }\n  dynamic "ingress" {\n    for_each = var.extra\n    content {\n      from_port   = 0\n      to_port     = 0\n      protocol    = "-1"\n      cidr_blocks = ["0.0.0.0/0"]\n    }\n  }\n}\n',
    },
  ],
  invalid: [
    {
      syntax: 'yaml',
      name: 'protocol -1',
      code: sg('        - IpProtocol: -1\n          CidrIp: 0.0.0.0/0\n'),
      findings: [
        {
          line: 8,
          column: 19,
          messageId: 'allTrafficOpen',
          message:
            "You · Network access: security group 'Sg' allows all traffic (every protocol and port) from 0.0.0.0/0",
          detail:
            'The source is anywhere (0.0.0.0/0). AWS lets nothing in until you allow it, so this opening is yours to narrow: allow only the ports the workload serves, from the sources that need them.',
        },
      ],
    },
    {
      syntax: 'yaml',
      name: 'every TCP port, standalone ingress over IPv6',
      code: 'Resources:\n  Open:\n    Type: AWS::EC2::SecurityGroupIngress\n    Properties:\n      GroupId: !Ref Sg\n      IpProtocol: tcp\n      FromPort: 0\n      ToPort: 65535\n      CidrIpv6: ::/0\n',
      findings: [
        {
          line: 9,
          column: 17,
          messageId: 'allTrafficOpen',
          message: "You · Network access: ingress rule 'Open' allows every TCP port from ::/0",
          detail:
            'The source is anywhere (::/0). AWS lets nothing in until you allow it, so this opening is yours to narrow: allow only the ports the workload serves, from the sources that need them.',
        },
      ],
    },
    {
      syntax: 'json',
      code: '{\n  "Resources": {\n    "Sg": {\n      "Type": "AWS::EC2::SecurityGroup",\n      "Properties": {\n        "GroupDescription": "lb",\n        "SecurityGroupIngress": [{"IpProtocol": "-1", "CidrIp": "0.0.0.0/0"}]\n      }\n    }\n  }\n}\n',
      findings: [{ line: 7, column: 65 }],
    },
    {
      syntax: 'terraform',
      name: 'inline blocks, list attribute and a rule resource',
      code: 'resource "aws_security_group" "a" {\n  ingress {\n    from_port   = 0\n    to_port     = 0\n    protocol    = "-1"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n\nresource "aws_security_group" "b" {\n  ingress = [{\n    from_port   = 1\n    to_port     = 65535\n    protocol    = "udp"\n    cidr_blocks = ["0.0.0.0/0"]\n    self        = true\n  }]\n}\n\nresource "aws_security_group_rule" "c" {\n  type              = "ingress"\n  from_port         = 0\n  to_port           = 0\n  protocol          = "all"\n  ipv6_cidr_blocks  = ["::/0"]\n  security_group_id = aws_security_group.a.id\n}\n',
      findings: [
        { line: 6, column: 20, messageId: 'allTrafficOpen', message: /all traffic/ },
        { line: 15, column: 20, messageId: 'allTrafficOpen', message: /every UDP port/ },
        {
          line: 25,
          column: 24,
          messageId: 'allTrafficOpen',
          message:
            "You · Network access: ingress rule 'aws_security_group_rule.c' allows all traffic (every protocol and port) from ::/0",
          detail:
            'The source is anywhere (::/0). AWS lets nothing in until you allow it, so this opening is yours to narrow: allow only the ports the workload serves, from the sources that need them.',
        },
      ],
    },
    {
      syntax: 'terraform',
      name: 'the v5 rule resource',
      code: 'resource "aws_vpc_security_group_ingress_rule" "all" {\n  security_group_id = aws_security_group.a.id\n  cidr_ipv4         = "0.0.0.0/0"\n  ip_protocol       = "-1"\n}\n',
      findings: [{ line: 3, column: 23 }],
    },
  ],
};
