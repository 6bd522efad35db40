import { rule } from '../../src/rules/rds-storage-encryption';
import { dedent } from '../dedent';
import type { RuleCases } from './tester';

export const cases: RuleCases = {
  rule,
  valid: [
    {
      syntax: 'yaml',
      code: dedent`
        Resources:
          Db:
            Type: AWS::RDS::DBInstance
            Properties:
              Engine: postgres
              StorageEncrypted: true
      `,
    },
    {
      syntax: 'yaml',
      name: 'value behind !If is unknown, never insecure',
      code: dedent`
        Resources:
          Db:
            Type: AWS::RDS::DBInstance
            Properties:
              StorageEncrypted: !If [IsProd, true, false]
      `,
    },
    {
      syntax: 'yaml',
      name: 'a parameter without default is unknown',
      code: dedent`
        Parameters:
          Encrypt:
            Type: String
        Resources:
          Db:
            Type: AWS::RDS::DBCluster
            Properties:
              StorageEncrypted: !Ref Encrypt
      `,
    },
    {
      syntax: 'yaml',
      name: 'an Aurora member inherits from its cluster',
      code: dedent`
        Resources:
          Member:
            Type: AWS::RDS::DBInstance
            Properties:
              DBClusterIdentifier: !Ref Cluster
              Engine: aurora-postgresql
      `,
    },
    {
      syntax: 'yaml',
      name: 'an Aurora instance: the cluster decides encryption',
      code: dedent`
        Resources:
          Member:
            Type: AWS::RDS::DBInstance
            Properties:
              Engine: aurora-mysql
              DBInstanceClass: db.r6g.large
      `,
    },
    {
      syntax: 'json',
      code: '{"Resources": {"Db": {"Type": "AWS::RDS::DBInstance", "Properties": {"StorageEncrypted": "true"}}}}',
    },
    {
      syntax: 'terraform',
      code: dedent`
        resource "aws_db_instance" "db" {
          engine            = "mysql"
          storage_encrypted = true
        }
      `,
    },
    {
      syntax: 'terraform',
      name: 'a variable without default is unknown',
      code: dedent`
        variable "encrypt" {}

        resource "aws_rds_cluster" "c" {
          storage_encrypted = var.encrypt
        }
      `,
    },
    {
      syntax: 'terraform',
      name: 'a read replica inherits',
      code: dedent`
        resource "aws_db_instance" "replica" {
          replicate_source_db = aws_db_instance.primary.identifier
        }
      `,
    },
    {
      syntax: 'yaml',
      name: 'a named Aurora cluster restored from a snapshot inherits the snapshot encryption',
      code: `Resources:
  Restored:
    Type: AWS::RDS::DBCluster
    Properties:
      DBClusterIdentifier: orders
      Engine: aurora-postgresql
      SnapshotIdentifier: arn:aws:rds:eu-west-1:123456789012:cluster-snapshot:orders-final
`,
    },
  ],
  invalid: [
    {
      syntax: 'yaml',
      name: 'missing',
      code: dedent`
        Resources:
          Db:
            Type: AWS::RDS::DBInstance
            Properties:
              Engine: postgres
      `,
      findings: [
        {
          line: 3,
          column: 11,
          messageId: 'notSet',
          message: "You · Data at rest: RDS database 'Db' stores its data unencrypted",
          detail:
            'StorageEncrypted is not set and defaults to false. Encrypting data at rest is yours to choose on RDS, and it cannot be enabled after creation.',
        },
      ],
      output: dedent`
        Resources:
          Db:
            Type: AWS::RDS::DBInstance
            Properties:
              Engine: postgres
              StorageEncrypted: true
      `,
    },
    {
      syntax: 'yaml',
      name: 'explicitly false, with a comment kept',
      code: dedent`
        Resources:
          Db:
            Type: AWS::RDS::DBCluster
            Properties:
              StorageEncrypted: false # for now
              Engine: aurora-mysql
      `,
      findings: [{ line: 5, column: 25, messageId: 'encryptionOff' }],
      output: dedent`
        Resources:
          Db:
            Type: AWS::RDS::DBCluster
            Properties:
              StorageEncrypted: true # for now
              Engine: aurora-mysql
      `,
    },
    {
      syntax: 'yaml',
      name: 'no Properties at all',
      code: dedent`
        Resources:
          Db:
            Type: AWS::RDS::DBInstance
          Other:
            Type: AWS::SQS::Queue
      `,
      findings: [{ line: 3, column: 11 }],
      output: dedent`
        Resources:
          Db:
            Type: AWS::RDS::DBInstance
            Properties:
              StorageEncrypted: true
          Other:
            Type: AWS::SQS::Queue
      `,
    },
    {
      syntax: 'yaml',
      name: 'a parameter default of false resolves',
      code: dedent`
        Parameters:
          Encrypt:
            Type: String
            Default: "false"
        Resources:
          Db:
            Type: AWS::RDS::DBInstance
            Properties:
              StorageEncrypted: !Ref Encrypt
      `,
      findings: [{ line: 9, column: 25 }],
    },
    {
      syntax: 'json',
      code: dedent`
        {
          "Resources": {
            "Db": {
              "Type": "AWS::RDS::DBInstance",
              "Properties": {
                "Engine": "mysql"
              }
            }
          }
        }
      `,
      findings: [{ line: 4, column: 15 }],
      output: dedent`
        {
          "Resources": {
            "Db": {
              "Type": "AWS::RDS::DBInstance",
              "Properties": {
                "Engine": "mysql",
                "StorageEncrypted": true
              }
            }
          }
        }
      `,
    },
    {
      syntax: 'terraform',
      name: 'missing',
      code: dedent`
        resource "aws_db_instance" "db" {
          engine = "mysql"
        }
      `,
      findings: [{ line: 1, column: 10 }],
      output: dedent`
        resource "aws_db_instance" "db" {
          engine = "mysql"
          storage_encrypted = true
        }
      `,
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
    {
      syntax: 'yaml',
      name: "a named Aurora cluster: DBClusterIdentifier is the cluster's own name, not a membership",
      code: `Resources:
  Orders:
    Type: AWS::RDS::DBCluster
    Properties:
      DBClusterIdentifier: orders
      Engine: aurora-mysql
      StorageEncrypted: false
  Named:
    Type: AWS::RDS::DBCluster
    Properties:
      DBClusterIdentifier: named
      Engine: aurora-mysql
`,
      findings: [
        { line: 7, column: 25, messageId: 'encryptionOff', data: { kind: 'cluster', resource: 'Orders' } },
        { line: 9, column: 11, messageId: 'notSet', data: { kind: 'cluster', resource: 'Named' } },
      ],
      output: `Resources:
  Orders:
    Type: AWS::RDS::DBCluster
    Properties:
      DBClusterIdentifier: orders
      Engine: aurora-mysql
      StorageEncrypted: true
  Named:
    Type: AWS::RDS::DBCluster
    Properties:
      DBClusterIdentifier: named
      Engine: aurora-mysql
      StorageEncrypted: true
`,
    },
    {
      syntax: 'json',
      name: 'a named cluster in JSON',
      code: `{
  "Resources": {
    "Orders": {
      "Type": "AWS::RDS::DBCluster",
      "Properties": { "DBClusterIdentifier": "orders", "Engine": "aurora-postgresql", "StorageEncrypted": "false" }
    }
  }
}
`,
      findings: [{ line: 5, column: 107, messageId: 'encryptionOff' }],
    },
  ],
};
