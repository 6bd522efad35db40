import { rule } from '../../src/rules/rds-iam-authentication';
import type { RuleCases } from './tester';

export const cases: RuleCases = {
  rule,
  valid: [
    {
      syntax: 'yaml',
      code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n      EnableIAMDatabaseAuthentication: true\n',
    },
    {
      syntax: 'yaml',
      name: 'SQL Server has no IAM authentication',
      code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: sqlserver-se\n',
    },
    {
      syntax: 'yaml',
      name: 'Oracle has no IAM authentication',
      code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: oracle-ee\n',
    },
    {
      syntax: 'yaml',
      name: 'MariaDB before 10.11 has no IAM authentication',
      code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: mariadb\n      EngineVersion: "10.6.14"\n',
    },
    {
      syntax: 'yaml',
      name: 'an unknown engine is not judged',
      code: 'Parameters:\n  Engine:\n    Type: String\nResources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: !Ref Engine\n',
    },
    {
      syntax: 'yaml',
      name: 'value behind !If is unknown',
      code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: mysql\n      EnableIAMDatabaseAuthentication: !If [UseIam, true, false]\n',
    },
    {
      syntax: 'yaml',
      name: 'an Aurora instance follows its cluster',
      code: 'Resources:\n  Member:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      DBClusterIdentifier: !Ref Cluster\n      Engine: aurora-postgresql\n',
    },
    {
      syntax: 'yaml',
      name: 'Aurora Serverless v1 does not offer it',
      code: 'Resources:\n  Cluster:\n    Type: AWS::RDS::DBCluster\n    Properties:\n      Engine: aurora-mysql\n      EngineMode: serverless\n',
    },
    {
      syntax: 'json',
      code: '{"Resources": {"Cluster": {"Type": "AWS::RDS::DBCluster", "Properties": {"Engine": "aurora-mysql", "EnableIAMDatabaseAuthentication": "true"}}}}',
    },
    {
      syntax: 'terraform',
      code: 'resource "aws_db_instance" "db" {\n  engine                              = "mysql"\n  iam_database_authentication_enabled = true\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a variable without default is unknown',
      code: 'variable "iam" {}\n\nresource "aws_rds_cluster" "c" {\n  engine                              = "aurora-postgresql"\n  iam_database_authentication_enabled = var.iam\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'Db2 has no IAM authentication',
      code: 'resource "aws_db_instance" "db" {\n  engine = "db2-se"\n}\n',
    },
  ],
  invalid: [
    {
      syntax: 'yaml',
      name: 'missing on PostgreSQL',
      code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n',
      findings: [
        {
          line: 3,
          column: 11,
          messageId: 'notSet',
          message: "You · Identity and access: RDS database 'Db' (postgres) accepts only database passwords",
          detail:
            'IAM database authentication is off (EnableIAMDatabaseAuthentication is not set and defaults to false). Who can log in is yours to manage; IAM authentication replaces long-lived passwords with 15-minute tokens tied to IAM identities.',
          severity: 'info',
        },
      ],
      output:
        'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n      EnableIAMDatabaseAuthentication: true\n',
    },
    {
      syntax: 'yaml',
      name: 'explicitly false on an Aurora cluster',
      code: 'Resources:\n  Cluster:\n    Type: AWS::RDS::DBCluster\n    Properties:\n      Engine: aurora-mysql\n      EnableIAMDatabaseAuthentication: false\n',
      findings: [
        {
          line: 6,
          column: 40,
          messageId: 'turnedOff',
          message: "You · Identity and access: RDS cluster 'Cluster' (aurora-mysql) accepts only database passwords",
          detail:
            'IAM database authentication is off. Who can log in is yours to manage; IAM authentication replaces long-lived passwords with 15-minute tokens tied to IAM identities.',
        },
      ],
      output:
        'Resources:\n  Cluster:\n    Type: AWS::RDS::DBCluster\n    Properties:\n      Engine: aurora-mysql\n      EnableIAMDatabaseAuthentication: true\n',
    },
    {
      syntax: 'yaml',
      name: 'MariaDB 10.11',
      code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: mariadb\n      EngineVersion: "10.11.8"\n',
      findings: [{ line: 3, column: 11 }],
      output:
        'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: mariadb\n      EngineVersion: "10.11.8"\n      EnableIAMDatabaseAuthentication: true\n',
    },
    {
      syntax: 'json',
      code: '{\n  "Resources": {\n    "Db": {\n      "Type": "AWS::RDS::DBInstance",\n      "Properties": {\n        "Engine": "MySQL"\n      }\n    }\n  }\n}\n',
      findings: [{ line: 4, column: 15 }],
      output:
        '{\n  "Resources": {\n    "Db": {\n      "Type": "AWS::RDS::DBInstance",\n      "Properties": {\n        "Engine": "MySQL",\n        "EnableIAMDatabaseAuthentication": true\n      }\n    }\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'missing on a Multi-AZ DB cluster',
      code: 'resource "aws_rds_cluster" "c" {\n  engine = "postgres"\n}\n',
      findings: [
        { line: 1, column: 10, messageId: 'notSet', detail: /iam_database_authentication_enabled is not set/ },
      ],
      output:
        'resource "aws_rds_cluster" "c" {\n  engine = "postgres"\n  iam_database_authentication_enabled = true\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'false through a variable default in another file',
      code: {
        'main.tf':
          'resource "aws_db_instance" "db" {\n  engine                              = var.engine\n  iam_database_authentication_enabled = false\n}\n',
        'variables.tf': 'variable "engine" {\n  default = "mysql"\n}\n',
      },
      findings: [{ line: 3, column: 41, file: 'main.tf' }],
      output: {
        'main.tf':
          'resource "aws_db_instance" "db" {\n  engine                              = var.engine\n  iam_database_authentication_enabled = true\n}\n',
        'variables.tf': 'variable "engine" {\n  default = "mysql"\n}\n',
      },
    },
  ],
};
