import { rule } from '../../src/rules/rds-auto-minor-version-upgrade';
import type { RuleCases } from './tester';

export const cases: RuleCases = {
  rule,
  valid: [
    {
      syntax: 'yaml',
      code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n      AutoMinorVersionUpgrade: true\n',
    },
    {
      syntax: 'yaml',
      name: 'not set: the default is on',
      code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: mysql\n',
    },
    {
      syntax: 'yaml',
      name: 'value behind !If is unknown, never insecure',
      code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      AutoMinorVersionUpgrade: !If [IsProd, false, true]\n',
    },
    {
      syntax: 'yaml',
      name: 'a parameter without default is unknown',
      code: 'Parameters:\n  Upgrade:\n    Type: String\nResources:\n  Cluster:\n    Type: AWS::RDS::DBCluster\n    Properties:\n      AutoMinorVersionUpgrade: !Ref Upgrade\n',
    },
    {
      syntax: 'yaml',
      name: 'RDS Custom requires the setting off',
      code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: custom-oracle-ee\n      AutoMinorVersionUpgrade: false\n',
    },
    {
      syntax: 'yaml',
      name: 'clusters of a global database are not upgraded automatically, whatever the setting',
      code:
        'Resources:\n  Cluster:\n    Type: AWS::RDS::DBCluster\n    Properties:\n      Engine: aurora-postgresql\n      GlobalClusterIdentifier: !Ref Global\n      AutoMinorVersionUpgrade: false\n' +
        '  Member:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: aurora-postgresql\n      DBClusterIdentifier: !Ref Cluster\n      AutoMinorVersionUpgrade: false\n',
    },
    {
      syntax: 'yaml',
      name: 'removed with AWS::NoValue: the default is on',
      code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      AutoMinorVersionUpgrade: !Ref AWS::NoValue\n',
    },
    {
      syntax: 'json',
      code: '{"Resources": {"Db": {"Type": "AWS::RDS::DBInstance", "Properties": {"Engine": "mysql", "AutoMinorVersionUpgrade": "true"}}}}',
    },
    {
      syntax: 'terraform',
      code: 'resource "aws_db_instance" "db" {\n  engine                     = "mysql"\n  auto_minor_version_upgrade = true\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'not set: the default is on',
      code: 'resource "aws_rds_cluster_instance" "one" {\n  cluster_identifier = aws_rds_cluster.c.id\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a variable without default is unknown',
      code: 'variable "upgrade" {}\n\nresource "aws_rds_cluster" "c" {\n  auto_minor_version_upgrade = var.upgrade\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'null leaves the default on',
      code: 'resource "aws_db_instance" "db" {\n  auto_minor_version_upgrade = null\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'an instance of a global database member cluster, in another file',
      code: {
        'cluster.tf':
          'resource "aws_rds_cluster" "secondary" {\n  engine                     = "aurora-mysql"\n  global_cluster_identifier  = aws_rds_global_cluster.g.id\n  auto_minor_version_upgrade = false\n}\n',
        'instances.tf':
          'resource "aws_rds_cluster_instance" "one" {\n  cluster_identifier         = aws_rds_cluster.secondary.id\n  auto_minor_version_upgrade = false\n}\n',
      },
    },
  ],
  invalid: [
    {
      syntax: 'yaml',
      name: 'explicitly false, with a comment kept',
      code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n      AutoMinorVersionUpgrade: false # pinned\n',
      findings: [
        {
          line: 6,
          column: 32,
          messageId: 'upgradesOff',
          message: "Shared · Applications: RDS database 'Db' turns automatic minor version upgrades off",
          detail:
            'Its engine misses the security fixes of newer minor versions until you upgrade it or its version reaches end of support. AWS applies new minor versions in your maintenance window only when you let it: set AutoMinorVersionUpgrade to true.',
          severity: 'warning',
        },
      ],
      output:
        'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n      AutoMinorVersionUpgrade: true # pinned\n',
    },
    {
      syntax: 'yaml',
      name: 'an Aurora instance holds back its whole cluster',
      code: 'Resources:\n  Member:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: aurora-mysql\n      DBClusterIdentifier: !Ref Cluster\n      AutoMinorVersionUpgrade: "false"\n',
      findings: [{ line: 7, column: 32, messageId: 'upgradesOffAuroraMember' }],
      output:
        'Resources:\n  Member:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: aurora-mysql\n      DBClusterIdentifier: !Ref Cluster\n      AutoMinorVersionUpgrade: true\n',
    },
    {
      syntax: 'yaml',
      name: 'a Multi-AZ DB cluster',
      code: 'Resources:\n  Cluster:\n    Type: AWS::RDS::DBCluster\n    Properties:\n      Engine: mysql\n      AutoMinorVersionUpgrade: false\n',
      findings: [{ line: 6, column: 32, messageId: 'upgradesOff', message: /RDS cluster 'Cluster'/ }],
      output:
        'Resources:\n  Cluster:\n    Type: AWS::RDS::DBCluster\n    Properties:\n      Engine: mysql\n      AutoMinorVersionUpgrade: true\n',
    },
    {
      syntax: 'yaml',
      name: 'a parameter default of false: the fix changes the default',
      code: 'Parameters:\n  Upgrade:\n    Type: String\n    Default: "false"\nResources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      AutoMinorVersionUpgrade: !Ref Upgrade\n',
      findings: [{ line: 9, column: 32 }],
      output:
        'Parameters:\n  Upgrade:\n    Type: String\n    Default: "true"\nResources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      AutoMinorVersionUpgrade: !Ref Upgrade\n',
    },
    {
      syntax: 'json',
      code: '{\n  "Resources": {\n    "Db": {\n      "Type": "AWS::RDS::DBInstance",\n      "Properties": {\n        "Engine": "mysql",\n        "AutoMinorVersionUpgrade": "false"\n      }\n    }\n  }\n}\n',
      findings: [{ line: 7, column: 36 }],
      output:
        '{\n  "Resources": {\n    "Db": {\n      "Type": "AWS::RDS::DBInstance",\n      "Properties": {\n        "Engine": "mysql",\n        "AutoMinorVersionUpgrade": true\n      }\n    }\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a DB instance',
      code: 'resource "aws_db_instance" "db" {\n  engine                     = "postgres"\n  auto_minor_version_upgrade = false\n}\n',
      findings: [{ line: 3, column: 32, messageId: 'upgradesOff', detail: /set auto_minor_version_upgrade to true/ }],
      output:
        'resource "aws_db_instance" "db" {\n  engine                     = "postgres"\n  auto_minor_version_upgrade = true\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'an Aurora cluster and one of its instances',
      code: 'resource "aws_rds_cluster" "c" {\n  engine                     = "aurora-postgresql"\n  auto_minor_version_upgrade = false\n}\n\nresource "aws_rds_cluster_instance" "one" {\n  cluster_identifier         = aws_rds_cluster.c.id\n  auto_minor_version_upgrade = false\n}\n',
      findings: [
        { line: 3, column: 32, messageId: 'upgradesOff', message: /RDS cluster 'aws_rds_cluster.c'/ },
        {
          line: 8,
          column: 32,
          messageId: 'upgradesOffAuroraMember',
          message:
            "Shared · Applications: Aurora instance 'aws_rds_cluster_instance.one' turns automatic minor version upgrades off",
          detail:
            'Its engine misses the security fixes of newer minor versions until you upgrade it or its version reaches end of support. AWS applies new minor versions in your maintenance window only when you let it: set auto_minor_version_upgrade to true. While one instance has it off, its Aurora cluster is not upgraded automatically either.',
        },
      ],
      output:
        'resource "aws_rds_cluster" "c" {\n  engine                     = "aurora-postgresql"\n  auto_minor_version_upgrade = true\n}\n\nresource "aws_rds_cluster_instance" "one" {\n  cluster_identifier         = aws_rds_cluster.c.id\n  auto_minor_version_upgrade = true\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'false through a variable default in another file: the fix changes the default',
      code: {
        'main.tf': 'resource "aws_db_instance" "db" {\n  auto_minor_version_upgrade = var.upgrade\n}\n',
        'variables.tf': 'variable "upgrade" {\n  default = false\n}\n',
      },
      findings: [{ line: 2, column: 32, file: 'main.tf' }],
      output: {
        'main.tf': 'resource "aws_db_instance" "db" {\n  auto_minor_version_upgrade = var.upgrade\n}\n',
        'variables.tf': 'variable "upgrade" {\n  default = true\n}\n',
      },
    },
  ],
};
