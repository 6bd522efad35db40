import { rule } from '../../src/rules/rds-publicly-accessible';
import type { RuleCases } from './tester';

export const cases: RuleCases = {
  rule,
  valid: [
    {
      syntax: 'yaml',
      code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: mysql\n      PubliclyAccessible: false\n',
    },
    {
      syntax: 'yaml',
      name: 'missing: the default depends on the VPC, not reported',
      code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: mysql\n',
    },
    {
      syntax: 'yaml',
      name: 'value behind !If is unknown',
      code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      PubliclyAccessible: !If [IsDev, true, false]\n',
    },
    {
      syntax: 'yaml',
      name: 'a parameter without default is unknown',
      code: 'Parameters:\n  Public:\n    Type: String\nResources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      PubliclyAccessible: !Ref Public\n',
    },
    {
      syntax: 'yaml',
      name: 'an Aurora cluster sets it per instance',
      code: 'Resources:\n  Cluster:\n    Type: AWS::RDS::DBCluster\n    Properties:\n      Engine: aurora-postgresql\n      PubliclyAccessible: true\n',
    },
    {
      syntax: 'json',
      code: '{"Resources": {"Db": {"Type": "AWS::RDS::DBInstance", "Properties": {"PubliclyAccessible": "false"}}}}',
    },
    {
      syntax: 'terraform',
      code: 'resource "aws_db_instance" "db" {\n  engine              = "postgres"\n  publicly_accessible = false\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'missing: Terraform defaults to false',
      code: 'resource "aws_rds_cluster_instance" "member" {\n  cluster_identifier = aws_rds_cluster.c.id\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a variable without default is unknown',
      code: 'variable "public" {\n  type = bool\n}\n\nresource "aws_db_instance" "db" {\n  publicly_accessible = var.public\n}\n',
    },
  ],
  invalid: [
    {
      syntax: 'yaml',
      code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: mysql\n      PubliclyAccessible: true\n',
      findings: [
        {
          line: 6,
          column: 27,
          messageId: 'public',
          message: "You · Network access: RDS database 'Db' is publicly accessible",
          detail:
            'Its endpoint resolves to a public IP address, so anyone on the internet that its security groups let in can reach the database. Network access is yours to decide on RDS; set PubliclyAccessible to false and connect from inside the VPC.',
        },
      ],
      output:
        'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: mysql\n      PubliclyAccessible: false\n',
    },
    {
      syntax: 'yaml',
      name: 'an Aurora member instance',
      code: 'Resources:\n  Member:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      DBClusterIdentifier: !Ref Cluster\n      Engine: aurora-mysql\n      PubliclyAccessible: "true"\n',
      findings: [{ line: 7, column: 27 }],
      output:
        'Resources:\n  Member:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      DBClusterIdentifier: !Ref Cluster\n      Engine: aurora-mysql\n      PubliclyAccessible: false\n',
    },
    {
      syntax: 'yaml',
      name: 'a Multi-AZ DB cluster, through a parameter default',
      code: 'Parameters:\n  Public:\n    Type: String\n    Default: "true"\nResources:\n  Cluster:\n    Type: AWS::RDS::DBCluster\n    Properties:\n      Engine: postgres\n      PubliclyAccessible: !Ref Public\n',
      findings: [{ line: 10, column: 27, messageId: 'public', message: /RDS cluster 'Cluster'/ }],
      output:
        'Parameters:\n  Public:\n    Type: String\n    Default: "false"\nResources:\n  Cluster:\n    Type: AWS::RDS::DBCluster\n    Properties:\n      Engine: postgres\n      PubliclyAccessible: !Ref Public\n',
    },
    {
      syntax: 'yaml',
      name: 'a parameter read by two databases: the fix writes on the resource, not the shared default',
      code: 'Parameters:\n  Public:\n    Type: String\n    Default: "true"\nResources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      PubliclyAccessible: !Ref Public\n  Other:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Tags:\n        - Key: public\n          Value: !Ref Public\n',
      findings: [{ line: 9, column: 27 }],
      output:
        'Parameters:\n  Public:\n    Type: String\n    Default: "true"\nResources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      PubliclyAccessible: false\n  Other:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Tags:\n        - Key: public\n          Value: !Ref Public\n',
    },
    {
      syntax: 'json',
      code: '{\n  "Resources": {\n    "Db": {\n      "Type": "AWS::RDS::DBInstance",\n      "Properties": {\n        "PubliclyAccessible": true\n      }\n    }\n  }\n}\n',
      findings: [{ line: 6, column: 31 }],
      output:
        '{\n  "Resources": {\n    "Db": {\n      "Type": "AWS::RDS::DBInstance",\n      "Properties": {\n        "PubliclyAccessible": false\n      }\n    }\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      code: 'resource "aws_db_instance" "db" {\n  engine              = "mysql"\n  publicly_accessible = true\n}\n',
      findings: [{ line: 3, column: 25, messageId: 'public', detail: /publicly_accessible to false/ }],
      output: 'resource "aws_db_instance" "db" {\n  engine              = "mysql"\n  publicly_accessible = false\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'an Aurora instance, through a variable default in another file',
      code: {
        'main.tf':
          'resource "aws_rds_cluster_instance" "member" {\n  cluster_identifier  = aws_rds_cluster.c.id\n  publicly_accessible = var.public\n}\n',
        'variables.tf': 'variable "public" {\n  default = true\n}\n',
      },
      findings: [
        {
          line: 3,
          column: 25,
          file: 'main.tf',
          messageId: 'public',
          message: /Aurora instance 'aws_rds_cluster_instance.member'/,
        },
      ],
      output: {
        'main.tf':
          'resource "aws_rds_cluster_instance" "member" {\n  cluster_identifier  = aws_rds_cluster.c.id\n  publicly_accessible = var.public\n}\n',
        'variables.tf': 'variable "public" {\n  default = false\n}\n',
      },
    },
  ],
};
