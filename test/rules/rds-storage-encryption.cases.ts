import { rule } from '../../src/rules/rds-storage-encryption';
import type { RuleCases } from './tester';

export const cases: RuleCases = {
  rule,
  valid: [
    {
      syntax: 'yaml',
      code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n      StorageEncrypted: true\n',
    },
    {
      syntax: 'yaml',
      name: 'value behind !If is unknown, never insecure',
      code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      StorageEncrypted: !If [IsProd, true, false]\n',
    },
    {
      syntax: 'yaml',
      name: 'a parameter without default is unknown',
      code: 'Parameters:\n  Encrypt:\n    Type: String\nResources:\n  Db:\n    Type: AWS::RDS::DBCluster\n    Properties:\n      StorageEncrypted: !Ref Encrypt\n',
    },
    {
      syntax: 'yaml',
      name: 'an Aurora member inherits from its cluster',
      code: 'Resources:\n  Member:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      DBClusterIdentifier: !Ref Cluster\n      Engine: aurora-postgresql\n',
    },
    {
      syntax: 'yaml',
      name: 'an Aurora instance: the cluster decides encryption',
      code: 'Resources:\n  Member:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: aurora-mysql\n      DBInstanceClass: db.r6g.large\n',
    },
    {
      syntax: 'json',
      code: '{"Resources": {"Db": {"Type": "AWS::RDS::DBInstance", "Properties": {"StorageEncrypted": "true"}}}}',
    },
    {
      syntax: 'terraform',
      code: 'resource "aws_db_instance" "db" {\n  engine            = "mysql"\n  storage_encrypted = true\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a variable without default is unknown',
      code: 'variable "encrypt" {}\n\nresource "aws_rds_cluster" "c" {\n  storage_encrypted = var.encrypt\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a read replica inherits',
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
          message:
            "RDS database 'Db' stores its data unencrypted: StorageEncrypted is not set and defaults to false. Encrypting data at rest is yours to choose on RDS, and it cannot be enabled after creation.",
        },
      ],
      output:
        'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n      StorageEncrypted: true\n',
    },
    {
      syntax: 'yaml',
      name: 'explicitly false, with a comment kept',
      code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBCluster\n    Properties:\n      StorageEncrypted: false # for now\n      Engine: aurora-mysql\n',
      findings: [{ line: 5, column: 25, messageId: 'encryptionOff' }],
      output:
        'Resources:\n  Db:\n    Type: AWS::RDS::DBCluster\n    Properties:\n      StorageEncrypted: true # for now\n      Engine: aurora-mysql\n',
    },
    {
      syntax: 'yaml',
      name: 'no Properties at all',
      code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n  Other:\n    Type: AWS::SQS::Queue\n',
      findings: [{ line: 3, column: 11 }],
      output:
        'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      StorageEncrypted: true\n  Other:\n    Type: AWS::SQS::Queue\n',
    },
    {
      syntax: 'yaml',
      name: 'a parameter default of false resolves',
      code: 'Parameters:\n  Encrypt:\n    Type: String\n    Default: "false"\nResources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      StorageEncrypted: !Ref Encrypt\n',
      findings: [{ line: 9, column: 25 }],
    },
    {
      syntax: 'json',
      code: '{\n  "Resources": {\n    "Db": {\n      "Type": "AWS::RDS::DBInstance",\n      "Properties": {\n        "Engine": "mysql"\n      }\n    }\n  }\n}\n',
      findings: [{ line: 4, column: 15 }],
      output:
        '{\n  "Resources": {\n    "Db": {\n      "Type": "AWS::RDS::DBInstance",\n      "Properties": {\n        "Engine": "mysql",\n        "StorageEncrypted": true\n      }\n    }\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'missing',
      code: 'resource "aws_db_instance" "db" {\n  engine = "mysql"\n}\n',
      findings: [{ line: 1, column: 10 }],
      output: 'resource "aws_db_instance" "db" {\n  engine = "mysql"\n  storage_encrypted = true\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'explicitly false in another file of the module',
      code: {
        'main.tf': 'locals {\n  encrypt = false\n}\n',
        'db.tf': 'resource "aws_rds_cluster" "c" {\n  storage_encrypted = local.encrypt\n}\n',
      },
      findings: [{ line: 2, column: 23, file: 'db.tf' }],
    },
  ],
};
