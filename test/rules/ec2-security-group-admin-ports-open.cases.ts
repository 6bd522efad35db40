import { rule } from '../../src/rules/ec2-security-group-admin-ports-open';
import type { RuleCases } from './tester';

const sg = (rules: string) =>
  `Resources:\n  Sg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: web\n      SecurityGroupIngress:\n${rules}`;

export const cases: RuleCases = {
  rule,
  valid: [
    {
      syntax: 'yaml',
      code: sg(
        '        - IpProtocol: tcp\n          FromPort: 22\n          ToPort: 22\n          CidrIp: 10.0.0.0/8\n',
      ),
    },
    {
      syntax: 'yaml',
      name: 'HTTPS open to the world is not an admin port',
      code: sg(
        '        - IpProtocol: tcp\n          FromPort: 443\n          ToPort: 443\n          CidrIp: 0.0.0.0/0\n',
      ),
    },
    {
      syntax: 'yaml',
      name: 'another security group as the source',
      code: sg(
        '        - IpProtocol: tcp\n          FromPort: 22\n          ToPort: 22\n          SourceSecurityGroupId: !Ref Bastion\n',
      ),
    },
    {
      syntax: 'yaml',
      name: 'an entry behind !If is unknown',
      code: sg(
        '        - !If [Open, {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0}, !Ref AWS::NoValue]\n',
      ),
    },
    {
      syntax: 'yaml',
      name: 'a parameter without default is unknown',
      code: 'Parameters:\n  SSHLocation:\n    Type: String\nResources:\n  Sg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: ssh\n      SecurityGroupIngress:\n        - IpProtocol: tcp\n          FromPort: 22\n          ToPort: 22\n          CidrIp: !Ref SSHLocation\n',
    },
    {
      syntax: 'yaml',
      name: 'a parameter whose default is a private range',
      code: 'Parameters:\n  SSHLocation:\n    Type: String\n    Default: 10.10.10.0/24\nResources:\n  Sg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: ssh\n      SecurityGroupIngress:\n        - IpProtocol: tcp\n          FromPort: 22\n          ToPort: 22\n          CidrIp: !Ref SSHLocation\n',
    },
    {
      syntax: 'yaml',
      name: 'an inverted range holds no port (EC2 rejects it)',
      code: sg(
        "        - IpProtocol: tcp\n          FromPort: '23'\n          ToPort: '21'\n          CidrIp: 0.0.0.0/0\n",
      ),
    },
    {
      syntax: 'yaml',
      name: 'all traffic is reported by ec2-security-group-all-traffic-open, not twice',
      code: sg('        - IpProtocol: -1\n          CidrIp: 0.0.0.0/0\n'),
    },
    {
      syntax: 'yaml',
      name: 'egress to port 22 is not inbound access',
      code: 'Resources:\n  Sg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: out\n      SecurityGroupEgress:\n        - IpProtocol: tcp\n          FromPort: 22\n          ToPort: 22\n          CidrIp: 0.0.0.0/0\n',
    },
    {
      syntax: 'json',
      code: '{"Resources": {"Sg": {"Type": "AWS::EC2::SecurityGroup", "Properties": {"GroupDescription": "web", "SecurityGroupIngress": [{"IpProtocol": "tcp", "FromPort": 80, "ToPort": 80, "CidrIp": "0.0.0.0/0"}]}}}}',
    },
    {
      syntax: 'terraform',
      code: 'resource "aws_security_group" "web" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = ["10.0.0.0/8"]\n  }\n}\n',
    },
    // The peer flags this one; EC2 reads TCP 0-0 as port 0 (hashicorp/terraform-provider-aws#27525).
    {
      syntax: 'terraform',
      name: 'tcp 0-0 is port 0 only, as EC2 reads it',
      code: 'resource "aws_security_group" "web" {\n  ingress {\n    from_port   = 0\n    to_port     = 0\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'SSH is TCP only',
      code: 'resource "aws_security_group_rule" "ssh" {\n  type              = "ingress"\n  from_port         = 22\n  to_port           = 22\n  protocol          = "udp"\n  cidr_blocks       = ["0.0.0.0/0"]\n  security_group_id = aws_security_group.web.id\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a variable without default is unknown',
      code: 'variable "cidrs" {}\n\nresource "aws_security_group" "web" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = var.cidrs\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a dynamic block is unknown',
      code: 'resource "aws_security_group" "web" {\n  dynamic "ingress" {\n    for_each = var.rules\n    content {\n      from_port   = 22\n      to_port     = 22\n      protocol    = "tcp"\n      cidr_blocks = ["0.0.0.0/0"]\n    }\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'an egress rule resource',
      code: 'resource "aws_security_group_rule" "out" {\n  type              = "egress"\n  from_port         = 22\n  to_port           = 22\n  protocol          = "tcp"\n  cidr_blocks       = ["0.0.0.0/0"]\n  security_group_id = aws_security_group.web.id\n}\n',
    },
    // The peer flags both; neither has a CIDR source, so nothing is open to the internet.
    {
      syntax: 'terraform',
      name: 'no CIDR source at all: self = false, or no source',
      code: 'resource "aws_security_group" "web" {\n  ingress {\n    from_port = 0\n    to_port   = 0\n    protocol  = "-1"\n    self      = false\n  }\n}\n\nresource "aws_vpc_security_group_ingress_rule" "ssh" {\n  security_group_id = aws_security_group.web.id\n  from_port         = 22\n  to_port           = 22\n  ip_protocol       = "tcp"\n}\n',
    },
    // The peer (CKV_AWS_277) flags this; EC2 rejects TCP port -1 ("port (-1) out of range"), so it opens nothing.
    {
      syntax: 'terraform',
      name: 'port -1 with TCP is rejected by EC2',
      code: 'resource "aws_vpc_security_group_ingress_rule" "any" {\n  security_group_id = aws_security_group.web.id\n  cidr_ipv4         = "0.0.0.0/0"\n  from_port         = -1\n  to_port           = -1\n  ip_protocol       = "tcp"\n}\n',
    },
  ],
  invalid: [
    {
      syntax: 'yaml',
      name: 'inline rule',
      code: sg(
        '        - IpProtocol: tcp\n          FromPort: 22\n          ToPort: 22\n          CidrIp: 0.0.0.0/0\n',
      ),
      findings: [
        {
          line: 10,
          column: 19,
          messageId: 'adminPortsOpen',
          message: "You · Network access: security group 'Sg' allows SSH (22) from 0.0.0.0/0",
          detail:
            'The source is anywhere (0.0.0.0/0). AWS opens no port unless you do, so restricting who can reach remote administration is yours: allow known addresses only, or use Session Manager instead of an open port.',
        },
      ],
    },
    {
      syntax: 'yaml',
      name: 'a parameter default of 0.0.0.0/0 is reported at the reference',
      code: 'Parameters:\n  SSHLocation:\n    Type: String\n    Default: 0.0.0.0/0\nResources:\n  Sg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: ssh\n      SecurityGroupIngress:\n        - IpProtocol: tcp\n          FromPort: 22\n          ToPort: 22\n          CidrIp: !Ref SSHLocation\n',
      findings: [
        {
          line: 14,
          column: 19,
          messageId: 'adminPortsOpen',
          detail: /0\.0\.0\.0\/0, the default of parameter SSHLocation/,
        },
      ],
    },
    {
      syntax: 'yaml',
      name: 'a /0 prefix is the whole internet whatever the address',
      code: 'Parameters:\n  SSHLocation:\n    Type: String\n    Default: 192.168.1.0/0\nResources:\n  Sg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: ssh\n      SecurityGroupIngress:\n        - IpProtocol: tcp\n          FromPort: 22\n          ToPort: 22\n          CidrIp: !Ref SSHLocation\n',
      findings: [{ line: 14, column: 19, messageId: 'adminPortsOpen', message: /192\.168\.1\.0\/0/ }],
    },
    {
      syntax: 'yaml',
      name: 'standalone ingress, IPv6',
      code: 'Resources:\n  Rdp:\n    Type: AWS::EC2::SecurityGroupIngress\n    Properties:\n      GroupId: !GetAtt Sg.GroupId\n      IpProtocol: tcp\n      FromPort: 3389\n      ToPort: 3389\n      CidrIpv6: ::/0\n',
      findings: [
        {
          line: 9,
          column: 17,
          messageId: 'adminPortsOpen',
          message: "You · Network access: ingress rule 'Rdp' allows RDP (3389) from ::/0",
          detail:
            'The source is anywhere (::/0). AWS opens no port unless you do, so restricting who can reach remote administration is yours: allow known addresses only, or use Session Manager instead of an open port.',
        },
      ],
    },
    {
      syntax: 'yaml',
      name: 'a port range holding both, with ports written as strings',
      code: sg(
        "        - IpProtocol: tcp\n          FromPort: '0'\n          ToPort: '5000'\n          CidrIp: 0.0.0.0/0\n        - IpProtocol: tcp\n          FromPort: 21\n          ToPort: 23\n          CidrIp: 0.0.0.0/0\n",
      ),
      findings: [
        {
          line: 10,
          column: 19,
          messageId: 'adminPortsOpen',
          message:
            "You · Network access: security group 'Sg' allows ports 0-5000, which include SSH (22) and RDP (3389), from 0.0.0.0/0",
          detail:
            'The source is anywhere (0.0.0.0/0). AWS opens no port unless you do, so restricting who can reach remote administration is yours: allow known addresses only, or use Session Manager instead of an open port.',
        },
        {
          line: 14,
          column: 19,
          messageId: 'adminPortsOpen',
          message:
            "You · Network access: security group 'Sg' allows ports 21-23, which include SSH (22), from 0.0.0.0/0",
          detail:
            'The source is anywhere (0.0.0.0/0). AWS opens no port unless you do, so restricting who can reach remote administration is yours: allow known addresses only, or use Session Manager instead of an open port.',
        },
      ],
    },
    {
      syntax: 'json',
      code: '{\n  "Resources": {\n    "Sg": {\n      "Type": "AWS::EC2::SecurityGroup",\n      "Properties": {\n        "GroupDescription": "ssh",\n        "SecurityGroupIngress": [\n          {"IpProtocol": "6", "FromPort": "22", "ToPort": "22", "CidrIp": "0.0.0.0/0"}\n        ]\n      }\n    }\n  }\n}\n',
      findings: [{ line: 8, column: 75, messageId: 'adminPortsOpen', message: /SSH \(22\)/ }],
    },
    {
      syntax: 'terraform',
      name: 'inline block, one world CIDR among others',
      code: 'resource "aws_security_group" "web" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = ["192.168.0.0/16", "0.0.0.0/0"]\n  }\n}\n',
      findings: [
        {
          line: 6,
          column: 38,
          messageId: 'adminPortsOpen',
          message: "You · Network access: security group 'aws_security_group.web' allows SSH (22) from 0.0.0.0/0",
          detail:
            'The source is anywhere (0.0.0.0/0). AWS opens no port unless you do, so restricting who can reach remote administration is yours: allow known addresses only, or use Session Manager instead of an open port.',
        },
      ],
    },
    // The peer passes this one, but `self = true` only adds the group itself as one more source:
    // the ::/0 CIDR still lets everyone in.
    {
      syntax: 'terraform',
      name: 'IPv6, and a world CIDR next to self',
      code: 'resource "aws_security_group" "web" {\n  ingress {\n    from_port        = 3389\n    to_port          = 3389\n    protocol         = "udp"\n    self             = true\n    ipv6_cidr_blocks = ["::/0"]\n  }\n}\n',
      findings: [
        {
          line: 7,
          column: 25,
          messageId: 'adminPortsOpen',
          message: "You · Network access: security group 'aws_security_group.web' allows RDP (3389) from ::/0",
          detail:
            'The source is anywhere (::/0). AWS opens no port unless you do, so restricting who can reach remote administration is yours: allow known addresses only, or use Session Manager instead of an open port.',
        },
      ],
    },
    {
      syntax: 'terraform',
      name: 'ingress as a list of objects',
      code: 'resource "aws_security_group" "web" {\n  ingress = [{\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }]\n}\n',
      findings: [{ line: 6, column: 20 }],
    },
    {
      syntax: 'terraform',
      name: 'aws_security_group_rule and aws_vpc_security_group_ingress_rule',
      code: 'resource "aws_security_group_rule" "ssh" {\n  type              = "ingress"\n  from_port         = 22\n  to_port           = 22\n  protocol          = "tcp"\n  cidr_blocks       = ["0.0.0.0/0"]\n  security_group_id = aws_security_group.web.id\n}\n\nresource "aws_vpc_security_group_ingress_rule" "rdp" {\n  security_group_id = aws_security_group.web.id\n  cidr_ipv4         = "0.0.0.0/0"\n  from_port         = 3389\n  to_port           = 3389\n  ip_protocol       = "tcp"\n}\n',
      findings: [
        {
          line: 6,
          column: 24,
          messageId: 'adminPortsOpen',
          message: "You · Network access: ingress rule 'aws_security_group_rule.ssh' allows SSH (22) from 0.0.0.0/0",
          detail:
            'The source is anywhere (0.0.0.0/0). AWS opens no port unless you do, so restricting who can reach remote administration is yours: allow known addresses only, or use Session Manager instead of an open port.',
        },
        {
          line: 12,
          column: 23,
          messageId: 'adminPortsOpen',
          message:
            "You · Network access: ingress rule 'aws_vpc_security_group_ingress_rule.rdp' allows RDP (3389) from 0.0.0.0/0",
          detail:
            'The source is anywhere (0.0.0.0/0). AWS opens no port unless you do, so restricting who can reach remote administration is yours: allow known addresses only, or use Session Manager instead of an open port.',
        },
      ],
    },
    {
      syntax: 'terraform',
      name: 'a variable default in another file is reported at the reference',
      code: {
        'main.tf':
          'resource "aws_security_group" "web" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = var.admin_cidrs\n  }\n}\n',
        'variables.tf': 'variable "admin_cidrs" {\n  default = ["0.0.0.0/0"]\n}\n',
      },
      findings: [
        {
          line: 6,
          column: 19,
          file: 'main.tf',
          messageId: 'adminPortsOpen',
          detail: /0\.0\.0\.0\/0, the default of var\.admin_cidrs/,
        },
      ],
    },
  ],
};
