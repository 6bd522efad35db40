import { rule } from '../../src/rules/ec2-security-group-database-ports-open';
import type { RuleCases } from './tester';

const sg = (rules: string) =>
  `Resources:\n  DbSg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: db\n      SecurityGroupIngress:\n${rules}`;

export const cases: RuleCases = {
  rule,
  valid: [
    {
      syntax: 'yaml',
      code: sg(
        '        - IpProtocol: tcp\n          FromPort: 5432\n          ToPort: 5432\n          SourceSecurityGroupId: !Ref AppSg\n',
      ),
    },
    {
      syntax: 'yaml',
      name: 'a private range',
      code: sg(
        '        - IpProtocol: tcp\n          FromPort: 3306\n          ToPort: 3306\n          CidrIp: 10.0.0.0/16\n',
      ),
    },
    {
      syntax: 'yaml',
      name: 'every port is reported by ec2-security-group-all-traffic-open, not twice',
      code: sg(
        '        - IpProtocol: tcp\n          FromPort: 0\n          ToPort: 65535\n          CidrIp: 0.0.0.0/0\n',
      ),
    },
    {
      syntax: 'yaml',
      name: 'a parameter without default is unknown',
      code: 'Parameters:\n  ClientIP:\n    Type: String\nResources:\n  DbSg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: db\n      SecurityGroupIngress:\n        - IpProtocol: tcp\n          FromPort: 3306\n          ToPort: 3306\n          CidrIp: !Ref ClientIP\n',
    },
    {
      syntax: 'json',
      code: '{"Resources": {"DbSg": {"Type": "AWS::EC2::SecurityGroup", "Properties": {"GroupDescription": "db", "SecurityGroupIngress": [{"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "CidrIp": "0.0.0.0/0"}]}}}}',
    },
    {
      syntax: 'terraform',
      code: 'resource "aws_security_group" "db" {\n  ingress {\n    from_port       = 5432\n    to_port         = 5432\n    protocol        = "tcp"\n    security_groups = [aws_security_group.app.id]\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'MySQL over UDP is not MySQL',
      code: 'resource "aws_vpc_security_group_ingress_rule" "db" {\n  security_group_id = aws_security_group.db.id\n  cidr_ipv4         = "0.0.0.0/0"\n  from_port         = 3306\n  to_port           = 3306\n  ip_protocol       = "udp"\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a dynamic block over an unknown collection is unknown',
      code: 'resource "aws_security_group" "db" {\n  dynamic "ingress" {\n    for_each = var.ports\n    content {\n      from_port   = ingress.value\n      to_port     = ingress.value\n      protocol    = "tcp"\n      cidr_blocks = ["0.0.0.0/0"]\n    }\n  }\n}\n',
    },
  ],
  invalid: [
    {
      syntax: 'terraform',
      name: 'a dynamic block over a known list is expanded: one ingress block per element',
      code: 'resource "aws_security_group" "db" {\n  dynamic "ingress" {\n    for_each = [5432]\n    content {\n      from_port   = ingress.value\n      to_port     = ingress.value\n      protocol    = "tcp"\n      cidr_blocks = ["0.0.0.0/0"]\n    }\n  }\n}\n',
      findings: [
        {
          line: 8,
          column: 22,
          message:
            "You · Network access: security group 'aws_security_group.db' allows PostgreSQL (5432) from 0.0.0.0/0",
          detail:
            "The source is anywhere (0.0.0.0/0). AWS runs managed database engines but leaves network access to you: allow the port only from the application's security group or private ranges.",
        },
      ],
    },
    {
      syntax: 'yaml',
      name: 'one engine, from a parameter default',
      code: 'Parameters:\n  ClientIP:\n    Type: String\n    Default: 0.0.0.0/0\nResources:\n  DbSg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: db\n      SecurityGroupIngress:\n        - IpProtocol: tcp\n          FromPort: 3306\n          ToPort: 3306\n          CidrIp: !Ref ClientIP\n',
      findings: [
        {
          line: 14,
          column: 19,
          messageId: 'databasePortsOpen',
          message: "You · Network access: security group 'DbSg' allows MySQL/MariaDB (3306) from 0.0.0.0/0",
          detail:
            "The source is anywhere (0.0.0.0/0, the default of parameter ClientIP). AWS runs managed database engines but leaves network access to you: allow the port only from the application's security group or private ranges.",
        },
      ],
    },
    {
      syntax: 'yaml',
      name: 'a wide range names the first engines and counts the rest',
      code: 'Resources:\n  Wide:\n    Type: AWS::EC2::SecurityGroupIngress\n    Properties:\n      GroupId: !Ref DbSg\n      IpProtocol: tcp\n      FromPort: 1024\n      ToPort: 65535\n      CidrIpv6: ::/0\n',
      findings: [
        {
          line: 9,
          column: 17,
          messageId: 'databasePortsOpen',
          message:
            "You · Network access: ingress rule 'Wide' allows ports 1024-65535, which include SQL Server (1433), Oracle (1521),…",
          detail:
            "Ingress rule 'Wide' allows ports 1024-65535, which include SQL Server (1433), Oracle (1521), MySQL/MariaDB (3306) and 9 more, from ::/0. The source is anywhere (::/0). AWS runs managed database engines but leaves network access to you: allow the port only from the application's security group or private ranges.",
        },
      ],
    },
    {
      syntax: 'json',
      code: '{\n  "Resources": {\n    "Cache": {\n      "Type": "AWS::EC2::SecurityGroupIngress",\n      "Properties": {\n        "GroupId": {"Ref": "CacheSg"},\n        "IpProtocol": "udp",\n        "FromPort": 11211,\n        "ToPort": 11211,\n        "CidrIp": "0.0.0.0/0"\n      }\n    }\n  }\n}\n',
      findings: [
        {
          line: 10,
          column: 19,
          messageId: 'databasePortsOpen',
          message: "You · Network access: ingress rule 'Cache' allows Memcached (11211) from 0.0.0.0/0",
          detail:
            "The source is anywhere (0.0.0.0/0). AWS runs managed database engines but leaves network access to you: allow the port only from the application's security group or private ranges.",
        },
      ],
    },
    {
      syntax: 'terraform',
      name: 'every form',
      code: 'resource "aws_security_group" "db" {\n  ingress {\n    from_port   = 5432\n    to_port     = 5432\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n\nresource "aws_security_group_rule" "redis" {\n  type              = "ingress"\n  from_port         = 6379\n  to_port           = 6379\n  protocol          = "tcp"\n  cidr_blocks       = ["0.0.0.0/0"]\n  security_group_id = aws_security_group.db.id\n}\n\nresource "aws_vpc_security_group_ingress_rule" "search" {\n  security_group_id = aws_security_group.db.id\n  cidr_ipv6         = "::/0"\n  from_port         = 9200\n  to_port           = 9300\n  ip_protocol       = "tcp"\n}\n',
      findings: [
        { line: 6, column: 20, messageId: 'databasePortsOpen', message: /PostgreSQL \(5432\)/ },
        { line: 15, column: 24, messageId: 'databasePortsOpen', message: /Redis\/Valkey \(6379\)/ },
        {
          line: 21,
          column: 23,
          messageId: 'databasePortsOpen',
          message:
            "You · Network access: ingress rule 'aws_vpc_security_group_ingress_rule.search' allows ports 9200-9300, which include…",
          detail:
            "Ingress rule 'aws_vpc_security_group_ingress_rule.search' allows ports 9200-9300, which include OpenSearch/Elasticsearch (9200) and OpenSearch/Elasticsearch transport (9300), from ::/0. The source is anywhere (::/0). AWS runs managed database engines but leaves network access to you: allow the port only from the application's security group or private ranges.",
        },
      ],
    },
  ],
};
