import { rule } from '../../src/rules/rds-master-password-hardcoded';
import type { RuleCases } from './tester';

/** Messages must never repeat the password. */
const NO_SECRET = /^(?![\s\S]*(Sup3r|hunter2|changeme))[\s\S]*written in the (template|configuration)/;

export const cases: RuleCases = {
  rule,
  valid: [
    {
      syntax: 'yaml',
      name: 'a Secrets Manager dynamic reference',
      code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      MasterUsername: admin\n      MasterUserPassword: "{{resolve:secretsmanager:prod/db:SecretString:password}}"\n',
    },
    {
      syntax: 'yaml',
      name: 'a dynamic reference inside a longer string',
      code: "Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      MasterUserPassword: 'Prefix-{{resolve:ssm-secure:MySecurePassword:1}}'\n",
    },
    {
      syntax: 'yaml',
      name: 'a dynamic reference built with !Sub',
      code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBCluster\n    Properties:\n      MasterUserPassword: !Sub "{{resolve:secretsmanager:${Secret}:SecretString:password}}"\n',
    },
    {
      syntax: 'yaml',
      name: 'a NoEcho parameter without default',
      code: 'Parameters:\n  DbPassword:\n    Type: String\n    NoEcho: true\nResources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      MasterUserPassword: !Ref DbPassword\n',
    },
    {
      syntax: 'yaml',
      name: 'RDS manages the password',
      code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      MasterUsername: admin\n      ManageMasterUserPassword: true\n',
    },
    {
      syntax: 'json',
      name: 'an SSM SecureString dynamic reference',
      code: '{"Resources": {"Db": {"Type": "AWS::RDS::DBInstance", "Properties": {"MasterUserPassword": "{{resolve:ssm-secure:/prod/db/password:1}}"}}}}',
    },
    {
      syntax: 'terraform',
      name: 'a variable without default',
      code: 'variable "db_password" {\n  type      = string\n  sensitive = true\n}\n\nresource "aws_db_instance" "db" {\n  password = var.db_password\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a generated password',
      code: 'resource "random_password" "db" {\n  length = 32\n}\n\nresource "aws_rds_cluster" "c" {\n  master_password = random_password.db.result\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'read from Secrets Manager',
      code: 'resource "aws_db_instance" "db" {\n  password = jsondecode(data.aws_secretsmanager_secret_version.db.secret_string)["password"]\n}\n',
    },
  ],
  invalid: [
    {
      syntax: 'yaml',
      name: 'a literal',
      code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      MasterUsername: admin\n      MasterUserPassword: Sup3rSecret! # TODO\n      Engine: mysql\n',
      findings: [{ line: 6, column: 27, message: /is hard-coded$/, detail: NO_SECRET }],
      output:
        'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      MasterUsername: admin\n      ManageMasterUserPassword: true # TODO\n      Engine: mysql\n',
    },
    {
      syntax: 'yaml',
      name: 'a NoEcho parameter with a default is still written in the template',
      code: 'Parameters:\n  DbPassword:\n    Type: String\n    NoEcho: true\n    Default: hunter2hunter2\nResources:\n  Cluster:\n    Type: AWS::RDS::DBCluster\n    Properties:\n      Engine: aurora-postgresql\n      MasterUserPassword: !Ref DbPassword\n',
      findings: [
        {
          line: 11,
          column: 27,
          messageId: 'hardcoded',
          message: "You · Credentials: the master password of RDS cluster 'Cluster' is hard-coded",
          detail:
            "It is written in the template as the default of parameter 'DbPassword'. AWS cannot keep a credential secret that is in your source; let RDS manage it in Secrets Manager (ManageMasterUserPassword) and change the exposed password.",
        },
      ],
      output:
        'Parameters:\n  DbPassword:\n    Type: String\n    NoEcho: true\n    Default: hunter2hunter2\nResources:\n  Cluster:\n    Type: AWS::RDS::DBCluster\n    Properties:\n      Engine: aurora-postgresql\n      ManageMasterUserPassword: true\n',
    },
    {
      syntax: 'yaml',
      name: 'the parameter is also given to an application: not fixed automatically',
      code: 'Parameters:\n  DbPassword:\n    Type: String\n    NoEcho: true\n    Default: hunter2hunter2\nResources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      MasterUserPassword: !Ref DbPassword\n  App:\n    Type: AWS::Lambda::Function\n    Properties:\n      Environment:\n        Variables:\n          DB_PASSWORD: !Ref DbPassword\n',
      findings: [{ line: 10, column: 27, message: /is hard-coded$/, detail: NO_SECRET }],
    },
    {
      syntax: 'yaml',
      name: 'ManageMasterUserPassword already written as false',
      code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      ManageMasterUserPassword: false\n      MasterUserPassword: changeme123\n',
      findings: [{ line: 6, column: 27, message: /is hard-coded$/, detail: NO_SECRET }],
      output:
        'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      ManageMasterUserPassword: true\n',
    },
    {
      syntax: 'json',
      code: '{\n  "Resources": {\n    "Db": {\n      "Type": "AWS::RDS::DBInstance",\n      "Properties": {\n        "MasterUsername": "admin",\n        "MasterUserPassword": "changeme123"\n      }\n    }\n  }\n}\n',
      findings: [{ line: 7, column: 31, message: /is hard-coded$/, detail: NO_SECRET }],
      output:
        '{\n  "Resources": {\n    "Db": {\n      "Type": "AWS::RDS::DBInstance",\n      "Properties": {\n        "MasterUsername": "admin",\n        "ManageMasterUserPassword": true\n      }\n    }\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a literal',
      code: 'resource "aws_db_instance" "db" {\n  username = "admin"\n  password = "changeme123"\n}\n',
      findings: [
        {
          line: 3,
          column: 14,
          messageId: 'hardcoded',
          detail: /written in the configuration and ends up in plain text in the Terraform state/,
        },
      ],
      output: 'resource "aws_db_instance" "db" {\n  username = "admin"\n  manage_master_user_password = true\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a variable with a default, in another file',
      code: {
        'main.tf':
          'resource "aws_rds_cluster" "c" {\n  engine          = "aurora-mysql"\n  master_password = var.master_password\n}\n',
        'variables.tf': 'variable "master_password" {\n  default   = "Sup3rSecret"\n  sensitive = true\n}\n',
      },
      findings: [
        {
          line: 3,
          column: 21,
          file: 'main.tf',
          messageId: 'hardcoded',
          detail: /as the default of variable 'master_password'/,
        },
      ],
      output: {
        'main.tf':
          'resource "aws_rds_cluster" "c" {\n  engine          = "aurora-mysql"\n  manage_master_user_password = true\n}\n',
        'variables.tf': 'variable "master_password" {\n  default   = "Sup3rSecret"\n  sensitive = true\n}\n',
      },
    },
    {
      syntax: 'terraform',
      name: 'the password attribute is read elsewhere: not fixed automatically',
      code: 'resource "aws_db_instance" "db" {\n  password = "changeme123"\n}\n\noutput "connection" {\n  value     = "postgres://admin:${aws_db_instance.db.password}@${aws_db_instance.db.address}"\n  sensitive = true\n}\n',
      findings: [{ line: 2, column: 14, message: /is hard-coded$/, detail: NO_SECRET }],
    },
  ],
};
