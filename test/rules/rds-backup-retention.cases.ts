import { rule } from '../../src/rules/rds-backup-retention';
import type { RuleCases } from './tester';

export const cases: RuleCases = {
  rule,
  valid: [
    {
      syntax: 'yaml',
      code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: mysql\n      BackupRetentionPeriod: 7\n',
    },
    {
      syntax: 'yaml',
      name: 'a string value',
      code: 'Resources:\n  Cluster:\n    Type: AWS::RDS::DBCluster\n    Properties:\n      Engine: aurora-postgresql\n      BackupRetentionPeriod: "35"\n',
    },
    {
      syntax: 'yaml',
      name: 'value behind !If is unknown',
      code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      BackupRetentionPeriod: !If [IsProd, 14, 0]\n',
    },
    {
      syntax: 'yaml',
      name: 'a parameter without default is unknown',
      code: 'Parameters:\n  Days:\n    Type: Number\nResources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      BackupRetentionPeriod: !Ref Days\n',
    },
    {
      syntax: 'yaml',
      name: 'an Aurora instance uses the cluster retention',
      code: 'Resources:\n  Member:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      DBClusterIdentifier: !Ref Cluster\n      Engine: aurora-mysql\n',
    },
    {
      syntax: 'yaml',
      name: 'a read replica is backed up through its source',
      code: 'Resources:\n  Replica:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      SourceDBInstanceIdentifier: !Ref Primary\n      BackupRetentionPeriod: 0\n',
    },
    {
      syntax: 'yaml',
      name: 'a restore inherits the retention of its snapshot',
      code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      DBSnapshotIdentifier: snap-1\n',
    },
    {
      syntax: 'json',
      code: '{"Resources": {"Db": {"Type": "AWS::RDS::DBInstance", "Properties": {"BackupRetentionPeriod": "14"}}}}',
    },
    {
      syntax: 'terraform',
      code: 'resource "aws_db_instance" "db" {\n  engine                  = "postgres"\n  backup_retention_period = 7\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a variable without default is unknown',
      code: 'variable "days" {\n  type = number\n}\n\nresource "aws_rds_cluster" "c" {\n  backup_retention_period = var.days\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a snapshot restore inherits',
      code: 'resource "aws_db_instance" "db" {\n  snapshot_identifier = "snap-1"\n  instance_class      = "db.t3.micro"\n}\n',
    },
  ],
  invalid: [
    {
      syntax: 'yaml',
      name: 'missing on an instance: the RDS default is 1 day',
      code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: mysql\n',
      findings: [
        {
          line: 3,
          column: 11,
          messageId: 'shortRetention',
          message: "Shared · Backup and DR: RDS database 'Db' keeps automated backups for only 1 day",
          detail:
            'BackupRetentionPeriod is not set and the RDS default is 1 day. AWS runs the backups, but how far back you can recover is your disaster-recovery decision; keep at least 7 days.',
        },
      ],
      output:
        'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: mysql\n      BackupRetentionPeriod: 7\n',
    },
    {
      syntax: 'yaml',
      name: 'zero turns backups off',
      code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: mysql\n      BackupRetentionPeriod: 0\n',
      findings: [
        {
          line: 6,
          column: 30,
          messageId: 'shortRetention',
          message: "Shared · Backup and DR: RDS database 'Db' turns automated backups off (BackupRetentionPeriod is 0)",
          detail:
            'With no automated backups there is no point-in-time recovery. AWS runs the backups, but how far back you can recover is your disaster-recovery decision; keep at least 7 days.',
        },
      ],
      output:
        'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: mysql\n      BackupRetentionPeriod: 7\n',
    },
    {
      syntax: 'yaml',
      name: 'a short retention on a cluster, through a parameter default',
      code: 'Parameters:\n  Days:\n    Type: Number\n    Default: 3\nResources:\n  Cluster:\n    Type: AWS::RDS::DBCluster\n    Properties:\n      Engine: aurora-mysql\n      BackupRetentionPeriod: !Ref Days\n',
      findings: [
        {
          line: 10,
          column: 30,
          messageId: 'shortRetention',
          message: /RDS cluster 'Cluster' keeps automated backups for only 3 days/,
        },
      ],
      output:
        'Parameters:\n  Days:\n    Type: Number\n    Default: 7\nResources:\n  Cluster:\n    Type: AWS::RDS::DBCluster\n    Properties:\n      Engine: aurora-mysql\n      BackupRetentionPeriod: !Ref Days\n',
    },
    {
      syntax: 'json',
      code: '{\n  "Resources": {\n    "Cluster": {\n      "Type": "AWS::RDS::DBCluster",\n      "Properties": {\n        "Engine": "aurora-postgresql"\n      }\n    }\n  }\n}\n',
      findings: [
        {
          line: 4,
          column: 15,
          messageId: 'shortRetention',
          message: /RDS cluster 'Cluster' keeps automated backups for only 1 day/,
        },
      ],
      output:
        '{\n  "Resources": {\n    "Cluster": {\n      "Type": "AWS::RDS::DBCluster",\n      "Properties": {\n        "Engine": "aurora-postgresql",\n        "BackupRetentionPeriod": 7\n      }\n    }\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'missing on aws_db_instance: the provider sends 0',
      code: 'resource "aws_db_instance" "db" {\n  engine = "postgres"\n}\n',
      findings: [
        {
          line: 1,
          column: 10,
          messageId: 'shortRetention',
          message: "Shared · Backup and DR: RDS database 'aws_db_instance.db' has no automated backups",
          detail:
            'backup_retention_period is not set, and the AWS provider then creates the instance with a retention of 0 days, which turns automated backups off. AWS runs the backups, but how far back you can recover is your disaster-recovery decision; keep at least 7 days.',
        },
      ],
      output: 'resource "aws_db_instance" "db" {\n  engine = "postgres"\n  backup_retention_period = 7\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'missing on aws_rds_cluster: 1 day',
      code: 'resource "aws_rds_cluster" "c" {\n  engine = "aurora-postgresql"\n}\n',
      findings: [{ line: 1, column: 10, messageId: 'shortRetention', message: /only 1 day/ }],
      output: 'resource "aws_rds_cluster" "c" {\n  engine = "aurora-postgresql"\n  backup_retention_period = 7\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'zero through a variable default in another file',
      code: {
        'main.tf': 'resource "aws_db_instance" "db" {\n  backup_retention_period = var.days\n}\n',
        'variables.tf': 'variable "days" {\n  default = 0\n}\n',
      },
      findings: [
        { line: 2, column: 29, file: 'main.tf', messageId: 'shortRetention', message: /turns automated backups off/ },
      ],
      output: {
        'main.tf': 'resource "aws_db_instance" "db" {\n  backup_retention_period = var.days\n}\n',
        'variables.tf': 'variable "days" {\n  default = 7\n}\n',
      },
    },
  ],
};
