import { rule } from '../../src/rules/ec2-security-group-egress-open-data-store';
import type { RuleCases } from './tester';

const db =
  '  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n      StorageEncrypted: true\n      VPCSecurityGroups:\n        - !GetAtt DbSg.GroupId\n';

export const cases: RuleCases = {
  rule,
  valid: [
    {
      syntax: 'yaml',
      name: 'egress replaced by a rule to localhost only',
      code: `Resources:\n  DbSg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: db\n      SecurityGroupEgress:\n        - IpProtocol: -1\n          CidrIp: 127.0.0.1/32\n${db}`,
    },
    {
      syntax: 'yaml',
      name: 'a group no data store uses keeps its default egress unremarked',
      code: 'Resources:\n  WebSg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: web\n  Web:\n    Type: AWS::EC2::Instance\n    Properties:\n      SecurityGroupIds: [!Ref WebSg]\n',
    },
    {
      syntax: 'yaml',
      name: 'egress behind !If is unknown',
      code: `Resources:\n  DbSg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: db\n      SecurityGroupEgress: !If [Open, [{IpProtocol: -1, CidrIp: 0.0.0.0/0}], [{IpProtocol: -1, CidrIp: 127.0.0.1/32}]]\n${db}`,
    },
    {
      syntax: 'json',
      code: '{"Resources": {"DbSg": {"Type": "AWS::EC2::SecurityGroup", "Properties": {"GroupDescription": "db", "SecurityGroupEgress": [{"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "DestinationPrefixListId": "pl-12345"}]}}, "Cache": {"Type": "AWS::ElastiCache::ReplicationGroup", "Properties": {"ReplicationGroupDescription": "c", "SecurityGroupIds": [{"Ref": "DbSg"}]}}}}',
    },
    {
      syntax: 'terraform',
      name: 'Terraform removes the default egress rule from the groups it manages',
      code: 'resource "aws_security_group" "db" {\n  name = "db"\n}\n\nresource "aws_db_instance" "db" {\n  engine                 = "postgres"\n  storage_encrypted      = true\n  vpc_security_group_ids = [aws_security_group.db.id]\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'egress to a private range; a variable without default is unknown',
      code: 'variable "cidrs" {}\n\nresource "aws_security_group" "db" {\n  egress {\n    from_port   = 0\n    to_port     = 0\n    protocol    = "-1"\n    cidr_blocks = ["10.0.0.0/8"]\n  }\n  egress {\n    from_port   = 443\n    to_port     = 443\n    protocol    = "tcp"\n    cidr_blocks = var.cidrs\n  }\n}\n\nresource "aws_rds_cluster" "db" {\n  engine                 = "aurora-postgresql"\n  storage_encrypted      = true\n  vpc_security_group_ids = [aws_security_group.db.id]\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'egress to the world from a group no data store uses',
      code: 'resource "aws_security_group" "web" {\n  egress {\n    from_port   = 0\n    to_port     = 0\n    protocol    = "-1"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n\nresource "aws_instance" "web" {\n  vpc_security_group_ids = [aws_security_group.web.id]\n}\n',
    },
  ],
  invalid: [
    {
      syntax: 'yaml',
      name: 'the default egress rule is kept when SecurityGroupEgress is absent',
      code: `Resources:\n  DbSg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: db\n${db}`,
      findings: [
        {
          line: 3,
          column: 11,
          severity: 'info',
          messageId: 'defaultEgress',
          message: "You · Network access: security group 'DbSg' of a data store allows all outbound traffic",
          detail:
            "It belongs to RDS instance 'Db' and has no SecurityGroupEgress rules, so it keeps the rules EC2 adds by default, which allow all outbound traffic. A data store rarely needs to open connections to the internet, and AWS leaves outbound rules to you: allow only the destinations it needs, which also narrows paths for data exfiltration.",
        },
      ],
    },
    {
      syntax: 'yaml',
      name: 'an explicit rule to the world, and a standalone egress rule (which does not remove the default)',
      code: `Resources:\n  DbSg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: db\n      SecurityGroupEgress:\n        - IpProtocol: tcp\n          FromPort: 443\n          ToPort: 443\n          CidrIp: 0.0.0.0/0\n  Out:\n    Type: AWS::EC2::SecurityGroupEgress\n    Properties:\n      GroupId: !Ref DbSg\n      IpProtocol: -1\n      CidrIpv6: ::/0\n${db}`,
      findings: [
        {
          line: 10,
          column: 19,
          messageId: 'egressOpen',
          message: "You · Network access: security group 'DbSg' lets a data store send traffic to 0.0.0.0/0",
          detail:
            "It lets RDS instance 'Db' send traffic to anywhere (0.0.0.0/0). A data store rarely needs to open connections to the internet, and AWS leaves outbound rules to you: allow only the destinations it needs, which also narrows paths for data exfiltration.",
        },
        {
          line: 16,
          column: 17,
          messageId: 'egressOpen',
          message:
            "You · Network access: egress rule 'Out' of security group 'DbSg' lets a data store send traffic to ::/0",
          detail:
            "It lets RDS instance 'Db' send traffic to anywhere (::/0). A data store rarely needs to open connections to the internet, and AWS leaves outbound rules to you: allow only the destinations it needs, which also narrows paths for data exfiltration.",
        },
      ],
    },
    {
      syntax: 'json',
      code: '{\n  "Resources": {\n    "CacheSg": {\n      "Type": "AWS::EC2::SecurityGroup",\n      "Properties": {"GroupDescription": "cache", "SecurityGroupEgress": []}\n    },\n    "Cache": {\n      "Type": "AWS::ElastiCache::ReplicationGroup",\n      "Properties": {"ReplicationGroupDescription": "c", "SecurityGroupIds": [{"Fn::GetAtt": ["CacheSg", "GroupId"]}]}\n    }\n  }\n}\n',
      findings: [{ line: 4, column: 15, messageId: 'defaultEgress', detail: /ElastiCache replication group 'Cache'/ }],
    },
    {
      syntax: 'terraform',
      name: 'inline egress, a rule resource and a v5 rule in another file',
      code: {
        'main.tf':
          'resource "aws_security_group" "db" {\n  egress {\n    from_port   = 0\n    to_port     = 0\n    protocol    = "-1"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n\nresource "aws_security_group_rule" "out" {\n  type              = "egress"\n  from_port         = 443\n  to_port           = 443\n  protocol          = "tcp"\n  ipv6_cidr_blocks  = ["::/0"]\n  security_group_id = aws_security_group.db.id\n}\n\nresource "aws_elasticache_replication_group" "cache" {\n  description        = "cache"\n  security_group_ids = [aws_security_group.db.id]\n}\n',
        'rules.tf':
          'resource "aws_vpc_security_group_egress_rule" "https" {\n  security_group_id = aws_security_group.db.id\n  cidr_ipv4         = "0.0.0.0/0"\n  from_port         = 443\n  to_port           = 443\n  ip_protocol       = "tcp"\n}\n',
      },
      findings: [
        {
          line: 6,
          column: 20,
          file: 'main.tf',
          messageId: 'egressOpen',
          message:
            "You · Network access: security group 'aws_security_group.db' lets a data store send traffic to 0.0.0.0/0",
          detail:
            "It lets ElastiCache replication group 'aws_elasticache_replication_group.cache' send traffic to anywhere (0.0.0.0/0). A data store rarely needs to open connections to the internet, and AWS leaves outbound rules to you: allow only the destinations it needs, which also narrows paths for data exfiltration.",
        },
        {
          line: 15,
          column: 24,
          file: 'main.tf',
          messageId: 'egressOpen',
          detail: /^Egress rule 'aws_security_group_rule\.out' of security group 'aws_security_group\.db'/,
        },
        { line: 3, column: 23, file: 'rules.tf' },
      ],
    },
  ],
};
