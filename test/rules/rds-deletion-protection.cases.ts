import { rule } from '../../src/rules/rds-deletion-protection';
import type { RuleCases } from './tester';

export const cases: RuleCases = {
  rule,
  valid: [
    {
      syntax: 'yaml',
      code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: mysql\n      DeletionProtection: true\n',
    },
    {
      syntax: 'yaml',
      name: 'value behind !If is unknown',
      code: 'Resources:\n  Cluster:\n    Type: AWS::RDS::DBCluster\n    Properties:\n      DeletionProtection: !If [IsProd, true, false]\n',
    },
    {
      syntax: 'yaml',
      name: 'a parameter without default is unknown',
      code: 'Parameters:\n  Protect:\n    Type: String\nResources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      DeletionProtection: !Ref Protect\n',
    },
    {
      syntax: 'yaml',
      name: 'an Aurora instance is protected through its cluster',
      code: 'Resources:\n  Member:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      DBClusterIdentifier: !Ref Cluster\n',
    },
    {
      syntax: 'json',
      code: '{"Resources": {"Cluster": {"Type": "AWS::RDS::DBCluster", "Properties": {"Engine": "aurora-mysql", "DeletionProtection": "true"}}}}',
    },
    {
      syntax: 'terraform',
      code: 'resource "aws_rds_cluster" "c" {\n  engine              = "aurora-mysql"\n  deletion_protection = true\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a variable without default is unknown',
      code: 'variable "protect" {}\n\nresource "aws_db_instance" "db" {\n  deletion_protection = var.protect\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'deleting a read replica loses no data',
      code: 'resource "aws_db_instance" "replica" {\n  replicate_source_db = aws_db_instance.primary.identifier\n}\n',
    },
  ],
  invalid: [
    {
      syntax: 'yaml',
      name: 'missing',
      code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n',
      findings: [
        {
          line: 3,
          column: 11,
          messageId: 'notSet',
          message: "Shared · Backup and DR: RDS database 'Db' has no deletion protection",
          detail:
            'A single API call or template change can delete it: DeletionProtection is not set and defaults to false. AWS keeps the database running, but guarding it against deletion by your own people and pipelines is yours; set DeletionProtection to true.',
        },
      ],
      output:
        'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n      DeletionProtection: true\n',
    },
    {
      syntax: 'yaml',
      name: 'explicitly false on a cluster',
      code: 'Resources:\n  Cluster:\n    Type: AWS::RDS::DBCluster\n    Properties:\n      Engine: aurora-postgresql\n      DeletionProtection: false\n',
      findings: [
        { line: 6, column: 27, messageId: 'turnedOff', message: /RDS cluster 'Cluster' turns deletion protection off/ },
      ],
      output:
        'Resources:\n  Cluster:\n    Type: AWS::RDS::DBCluster\n    Properties:\n      Engine: aurora-postgresql\n      DeletionProtection: true\n',
    },
    {
      syntax: 'json',
      code: '{\n  "Resources": {\n    "Db": {\n      "Type": "AWS::RDS::DBInstance",\n      "Properties": {\n        "DeletionProtection": false\n      }\n    }\n  }\n}\n',
      findings: [{ line: 6, column: 31 }],
      output:
        '{\n  "Resources": {\n    "Db": {\n      "Type": "AWS::RDS::DBInstance",\n      "Properties": {\n        "DeletionProtection": true\n      }\n    }\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'missing',
      code: 'resource "aws_rds_cluster" "c" {\n  engine = "aurora-mysql"\n}\n',
      findings: [{ line: 1, column: 10, messageId: 'notSet', detail: /deletion_protection is not set/ }],
      output: 'resource "aws_rds_cluster" "c" {\n  engine = "aurora-mysql"\n  deletion_protection = true\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'false through a variable default in another file',
      code: {
        'main.tf': 'resource "aws_db_instance" "db" {\n  deletion_protection = var.protect\n}\n',
        'variables.tf': 'variable "protect" {\n  default = false\n}\n',
      },
      findings: [{ line: 2, column: 25, file: 'main.tf' }],
      output: {
        'main.tf': 'resource "aws_db_instance" "db" {\n  deletion_protection = var.protect\n}\n',
        'variables.tf': 'variable "protect" {\n  default = true\n}\n',
      },
    },
  ],
};
