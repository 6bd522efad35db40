import { rule } from '../../src/rules/vpc-network-acl-allow-all';
import type { RuleCases } from './tester';

const entry = (props: string) =>
  `Resources:\n  Entry:\n    Type: AWS::EC2::NetworkAclEntry\n    Properties:\n      NetworkAclId: !Ref Acl\n      RuleNumber: 100\n${props}`;

export const cases: RuleCases = {
  rule,
  valid: [
    {
      syntax: 'yaml',
      name: 'HTTPS only',
      code: entry(
        '      Protocol: 6\n      PortRange: {From: 443, To: 443}\n      RuleAction: allow\n      CidrBlock: 0.0.0.0/0\n',
      ),
    },
    {
      syntax: 'yaml',
      name: 'outbound',
      code: entry('      Protocol: -1\n      Egress: true\n      RuleAction: allow\n      CidrBlock: 0.0.0.0/0\n'),
    },
    {
      syntax: 'yaml',
      name: 'deny all',
      code: entry('      Protocol: -1\n      RuleAction: deny\n      CidrBlock: 0.0.0.0/0\n'),
    },
    {
      syntax: 'yaml',
      name: 'from the VPC only',
      code: entry('      Protocol: -1\n      RuleAction: allow\n      CidrBlock: 10.0.0.0/16\n'),
    },
    {
      syntax: 'yaml',
      name: 'direction behind !If is unknown',
      code: entry(
        '      Protocol: -1\n      Egress: !If [Out, true, false]\n      RuleAction: allow\n      CidrBlock: 0.0.0.0/0\n',
      ),
    },
    {
      syntax: 'yaml',
      name: 'a parameter without default is unknown',
      code: 'Parameters:\n  Source:\n    Type: String\nResources:\n  Entry:\n    Type: AWS::EC2::NetworkAclEntry\n    Properties:\n      NetworkAclId: !Ref Acl\n      RuleNumber: 100\n      Protocol: -1\n      RuleAction: allow\n      CidrBlock: !Ref Source\n',
    },
    {
      syntax: 'json',
      code: '{"Resources": {"Entry": {"Type": "AWS::EC2::NetworkAclEntry", "Properties": {"NetworkAclId": "acl-1", "RuleNumber": 100, "Protocol": -1, "Egress": "true", "RuleAction": "allow", "CidrBlock": "0.0.0.0/0"}}}}',
    },
    {
      syntax: 'terraform',
      code: 'resource "aws_network_acl_rule" "https" {\n  network_acl_id = aws_network_acl.main.id\n  rule_number    = 100\n  protocol       = "tcp"\n  rule_action    = "allow"\n  cidr_block     = "0.0.0.0/0"\n  from_port      = 443\n  to_port        = 443\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a dynamic block and a variable without default are unknown',
      code: 'variable "cidr" {}\n\nresource "aws_network_acl" "main" {\n  vpc_id = aws_vpc.main.id\n  dynamic "ingress" {\n    for_each = var.rules\n    content {\n      protocol   = "-1"\n      rule_no    = ingress.key\n      action     = "allow"\n      cidr_block = "0.0.0.0/0"\n      from_port  = 0\n      to_port    = 0\n    }\n  }\n  ingress {\n    protocol   = "-1"\n    rule_no    = 200\n    action     = "allow"\n    cidr_block = var.cidr\n    from_port  = 0\n    to_port    = 0\n  }\n  egress {\n    protocol   = "-1"\n    rule_no    = 100\n    action     = "allow"\n    cidr_block = "0.0.0.0/0"\n    from_port  = 0\n    to_port    = 0\n  }\n}\n',
    },
  ],
  invalid: [
    {
      syntax: 'yaml',
      name: 'Egress absent means inbound',
      code: entry('      Protocol: -1\n      RuleAction: allow\n      CidrBlock: 0.0.0.0/0\n'),
      findings: [
        {
          line: 9,
          column: 18,
          messageId: 'allowAll',
          message: "You · Network access: network ACL entry 'Entry' allows all inbound traffic from 0.0.0.0/0",
          detail:
            'It allows every protocol and port from anywhere (0.0.0.0/0). The subnet-level firewall is yours to configure: allow only the ports the subnet serves and their return traffic, so it does not rest on security groups alone.',
        },
      ],
    },
    {
      syntax: 'yaml',
      name: 'IPv6, Egress false, from a parameter default',
      code: 'Parameters:\n  Source:\n    Type: String\n    Default: ::/0\nResources:\n  Entry:\n    Type: AWS::EC2::NetworkAclEntry\n    Properties:\n      NetworkAclId: !Ref Acl\n      RuleNumber: 101\n      Protocol: "-1"\n      Egress: false\n      RuleAction: ALLOW\n      Ipv6CidrBlock: !Ref Source\n',
      findings: [
        {
          line: 14,
          column: 22,
          messageId: 'allowAll',
          message: "You · Network access: network ACL entry 'Entry' allows all inbound traffic from ::/0",
          detail:
            'It allows every protocol and port from anywhere (::/0). The subnet-level firewall is yours to configure: allow only the ports the subnet serves and their return traffic, so it does not rest on security groups alone.',
        },
      ],
    },
    {
      syntax: 'json',
      code: '{\n  "Resources": {\n    "Entry": {\n      "Type": "AWS::EC2::NetworkAclEntry",\n      "Properties": {"NetworkAclId": "acl-1", "RuleNumber": 100, "Protocol": -1, "Egress": false, "RuleAction": "allow", "CidrBlock": "0.0.0.0/0"}\n    }\n  }\n}\n',
      findings: [{ line: 5, column: 135 }],
    },
    {
      syntax: 'terraform',
      name: 'rule resource and inline blocks',
      code: 'resource "aws_network_acl_rule" "all" {\n  network_acl_id = aws_network_acl.main.id\n  rule_number    = 100\n  egress         = false\n  protocol       = -1\n  rule_action    = "allow"\n  cidr_block     = "0.0.0.0/0"\n}\n\nresource "aws_network_acl" "main" {\n  vpc_id = aws_vpc.main.id\n  ingress {\n    protocol        = "all"\n    rule_no         = 100\n    action          = "allow"\n    ipv6_cidr_block = "::/0"\n    from_port       = 0\n    to_port         = 0\n  }\n}\n\nresource "aws_default_network_acl" "default" {\n  default_network_acl_id = aws_vpc.main.default_network_acl_id\n  ingress {\n    protocol   = "-1"\n    rule_no    = 100\n    action     = "allow"\n    cidr_block = "0.0.0.0/0"\n    from_port  = 0\n    to_port    = 0\n  }\n}\n',
      findings: [
        {
          line: 7,
          column: 20,
          messageId: 'allowAll',
          message:
            "You · Network access: network ACL rule 'aws_network_acl_rule.all' allows all inbound traffic from 0.0.0.0/0",
          detail:
            'It allows every protocol and port from anywhere (0.0.0.0/0). The subnet-level firewall is yours to configure: allow only the ports the subnet serves and their return traffic, so it does not rest on security groups alone.',
        },
        {
          line: 16,
          column: 23,
          messageId: 'allowAll',
          message: "You · Network access: network ACL 'aws_network_acl.main' allows all inbound traffic from ::/0",
          detail:
            'It allows every protocol and port from anywhere (::/0). The subnet-level firewall is yours to configure: allow only the ports the subnet serves and their return traffic, so it does not rest on security groups alone.',
        },
        {
          line: 28,
          column: 18,
          messageId: 'allowAll',
          message:
            "You · Network access: network ACL 'aws_default_network_acl.default' allows all inbound traffic from 0.0.0.0/0",
          detail:
            'It allows every protocol and port from anywhere (0.0.0.0/0). The subnet-level firewall is yours to configure: allow only the ports the subnet serves and their return traffic, so it does not rest on security groups alone.',
        },
      ],
    },
  ],
};
