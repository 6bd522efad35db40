import { rule } from '../../src/rules/rds-multi-az';
import type { RuleCases } from './tester';

export const cases: RuleCases = {
  rule,
  valid: [
    {
      syntax: 'yaml',
      code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: mysql\n      MultiAZ: true\n',
    },
    {
      syntax: 'yaml',
      name: 'value behind !If is unknown',
      code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      MultiAZ: !If [IsProd, true, false]\n',
    },
    {
      syntax: 'yaml',
      name: 'a parameter without default is unknown',
      code: 'Parameters:\n  MultiAz:\n    Type: String\n    AllowedValues: ["true", "false"]\nResources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      MultiAZ: !Ref MultiAz\n',
    },
    {
      syntax: 'yaml',
      name: 'an Aurora instance gets its availability from the cluster',
      code: 'Resources:\n  Member:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      DBInstanceClass: db.r6g.large\n      Engine: aurora-mysql\n',
    },
    {
      syntax: 'yaml',
      name: 'a read replica follows its source',
      code: 'Resources:\n  Replica:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      SourceDBInstanceIdentifier: !Ref Primary\n',
    },
    {
      syntax: 'yaml',
      name: 'SQL Server Express has no Multi-AZ',
      code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: sqlserver-ex\n',
    },
    {
      syntax: 'json',
      code: '{"Resources": {"Db": {"Type": "AWS::RDS::DBInstance", "Properties": {"Engine": "postgres", "MultiAZ": "true"}}}}',
    },
    { syntax: 'terraform', code: 'resource "aws_db_instance" "db" {\n  engine   = "postgres"\n  multi_az = true\n}\n' },
    {
      syntax: 'terraform',
      name: 'a variable without default is unknown',
      code: 'variable "multi_az" {\n  type = bool\n}\n\nresource "aws_db_instance" "db" {\n  engine   = "postgres"\n  multi_az = var.multi_az\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a read replica follows its source',
      code: 'resource "aws_db_instance" "replica" {\n  replicate_source_db = aws_db_instance.primary.identifier\n  instance_class      = "db.t3.micro"\n}\n',
    },
  ],
  invalid: [
    {
      syntax: 'yaml',
      name: 'missing',
      code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: mysql\n',
      findings: [
        {
          line: 3,
          column: 11,
          messageId: 'notSet',
          message: "Shared · Backup and DR: RDS database 'Db' runs in a single Availability Zone",
          detail:
            'MultiAZ is not set and defaults to false. AWS repairs the host, but surviving the loss of an Availability Zone takes a standby that is yours to ask for; set MultiAZ to true.',
        },
      ],
      output:
        'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: mysql\n      MultiAZ: true\n',
    },
    {
      syntax: 'yaml',
      name: 'explicitly false',
      code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      MultiAZ: false # cost\n      Engine: mariadb\n',
      findings: [{ line: 5, column: 16, messageId: 'turnedOff', detail: /MultiAZ is false/ }],
      output:
        'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      MultiAZ: true # cost\n      Engine: mariadb\n',
    },
    {
      syntax: 'json',
      code: '{\n  "Resources": {\n    "Db": {\n      "Type": "AWS::RDS::DBInstance",\n      "Properties": {\n        "Engine": "postgres",\n        "MultiAZ": "false"\n      }\n    }\n  }\n}\n',
      findings: [{ line: 7, column: 20 }],
      output:
        '{\n  "Resources": {\n    "Db": {\n      "Type": "AWS::RDS::DBInstance",\n      "Properties": {\n        "Engine": "postgres",\n        "MultiAZ": true\n      }\n    }\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'missing',
      code: 'resource "aws_db_instance" "db" {\n  engine = "mysql"\n}\n',
      findings: [{ line: 1, column: 10, messageId: 'notSet', detail: /multi_az is not set/ }],
      output: 'resource "aws_db_instance" "db" {\n  engine = "mysql"\n  multi_az = true\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'false through a local in another file',
      code: {
        'locals.tf': 'locals {\n  ha = false\n}\n',
        'main.tf': 'resource "aws_db_instance" "db" {\n  engine   = "postgres"\n  multi_az = local.ha\n}\n',
      },
      findings: [{ line: 3, column: 14, file: 'main.tf' }],
      output: {
        'locals.tf': 'locals {\n  ha = false\n}\n',
        'main.tf': 'resource "aws_db_instance" "db" {\n  engine   = "postgres"\n  multi_az = true\n}\n',
      },
    },
  ],
};
