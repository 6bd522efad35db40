import { rule } from '../../src/rules/secrets-hardcoded';
import type { RuleCases } from './tester';

export const cases: RuleCases = {
  rule,
  valid: [
    {
      syntax: 'yaml',
      code: `Resources:
  Docs:
    Type: AWS::DocDB::DBCluster
    Properties:
      MasterUsername: admin
      MasterUserPassword: "{{resolve:secretsmanager:docs-db:SecretString:password}}"
`,
    },
    {
      syntax: 'yaml',
      name: 'NoEcho parameter without default, and a parameter without default',
      code: `Parameters:
  DbPassword:
    Type: String
    NoEcho: true
  BrokerPassword:
    Type: String
Resources:
  Warehouse:
    Type: AWS::Redshift::Cluster
    Properties:
      MasterUsername: admin
      MasterUserPassword: !Ref DbPassword
  Broker:
    Type: AWS::AmazonMQ::Broker
    Properties:
      Users:
        - Username: app
          Password: !Ref BrokerPassword
`,
    },
    {
      syntax: 'yaml',
      name: 'placeholders, ARNs, parameter paths and switches are not secrets',
      code: `Resources:
  Directory:
    Type: AWS::DirectoryService::MicrosoftAD
    Properties:
      Name: corp.example.com
      Password: "<password>"
  Client:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: !Ref Pool
      GenerateSecret: "true"
      TokenValidityUnits:
        AccessToken: hours
        RefreshToken: days
  Proxy:
    Type: AWS::RDS::DBProxy
    Properties:
      Auth:
        - SecretArn: arn:aws:secretsmanager:eu-west-1:111122223333:secret:db-AbCdEf
  Build:
    Type: AWS::CodeBuild::Project
    Properties:
      Environment:
        EnvironmentVariables:
          - Name: DB_PASSWORD
            Type: PARAMETER_STORE
            Value: /prod/db/password
          - Name: API_TOKEN
            Value: CHANGEME
  Keys:
    Type: AWS::EC2::KeyPair
    Properties:
      KeyName: imported
      PublicKeyMaterial: ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKz user@host
`,
    },
    {
      syntax: 'yaml',
      name: 'properties that more specific rules report are left to them',
      code: `Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      MasterUserPassword: Sup3rS3cretPass
  Cache:
    Type: AWS::ElastiCache::ReplicationGroup
    Properties:
      ReplicationGroupDescription: cache
      AuthToken: Sup3rS3cretToken
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Environment:
        Variables:
          API_TOKEN: Sup3rS3cretToken
`,
    },
    {
      syntax: 'yaml',
      name: 'a value built with !Sub is unknown',
      code: `Resources:
  Source:
    Type: AWS::CodeBuild::SourceCredential
    Properties:
      AuthType: PERSONAL_ACCESS_TOKEN
      ServerType: GITHUB
      Token: !Sub "{{resolve:secretsmanager:\${TokenSecret}:SecretString:token}}"
`,
    },
    {
      syntax: 'json',
      code: `{
  "Resources": {
    "Warehouse": {
      "Type": "AWS::Redshift::Cluster",
      "Properties": {
        "MasterUsername": "admin",
        "MasterUserPassword": "{{resolve:ssm-secure:/warehouse/master:1}}"
      }
    }
  }
}
`,
    },
    {
      syntax: 'terraform',
      code: `resource "random_password" "docs" {
  length = 32
}

resource "aws_docdb_cluster" "docs" {
  master_username = "admin"
  master_password = random_password.docs.result
}
`,
    },
    {
      syntax: 'terraform',
      name: 'a sensitive variable without default, and an RDS password left to its own rule',
      code: `variable "broker_password" {
  type      = string
  sensitive = true
}

resource "aws_mq_broker" "b" {
  user {
    username = "app"
    password = var.broker_password
  }
}

resource "aws_db_instance" "db" {
  password = "Sup3rS3cretPass"
}
`,
    },
    {
      syntax: 'yaml',
      name: "placeholders from AWS's syntax pages and generators: type names where a value goes",
      code: `Resources:
  App:
    Type: AWS::Amplify::App
    Properties:
      Name: String
      OauthToken: String
      AccessToken: string
      BasicAuthConfig:
        Password: String
        Username: String
  Broker:
    Type: AWS::AmazonMQ::Broker
    Properties:
      Users:
        - Username: String
          Password: String
  Pipeline:
    Type: AWS::CodePipeline::Pipeline
    Properties:
      Stages:
        - Name: Source
          Actions:
            - Name: Source
              Configuration:
                OAuthToken: Json
                Secret: Integer
`,
    },
    {
      syntax: 'json',
      name: 'a type name in JSON',
      code: `{
  "Resources": {
    "Source": {
      "Type": "AWS::CodeBuild::SourceCredential",
      "Properties": { "AuthType": "PERSONAL_ACCESS_TOKEN", "ServerType": "GITHUB", "Token": "String" }
    }
  }
}
`,
    },
    {
      syntax: 'terraform',
      name: 'a type name in Terraform',
      code: `resource "aws_amplify_app" "app" {
  name         = "app"
  access_token = "string"
}
`,
    },
  ],
  invalid: [
    {
      syntax: 'yaml',
      code: `Resources:
  Docs:
    Type: AWS::DocDB::DBCluster
    Properties:
      MasterUsername: admin
      MasterUserPassword: Sup3rS3cretPass
`,
      findings: [
        {
          line: 6,
          column: 27,
          messageId: 'hardcoded',
          message: "You · Credentials: 'Docs' has a hard-coded secret in MasterUserPassword: 'Su…'",
          detail:
            'The secret is in MasterUserPassword. AWS protects secrets you store in its secret stores, not values written into code, and anyone who can read the template, its history or the stack can read it; use a dynamic reference ({{resolve:secretsmanager:…}}) or a NoEcho parameter without a default, and rotate this one.',
        },
      ],
    },
    {
      syntax: 'yaml',
      name: 'container environment, login profile and Beanstalk option',
      code: `Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: app
          Image: app:1
          Environment:
            - Name: LOG_LEVEL
              Value: debug
            - Name: DB_PASSWORD
              Value: hunter2hunter2
  Person:
    Type: AWS::IAM::User
    Properties:
      LoginProfile:
        Password: Welcome-2024!
  Env:
    Type: AWS::ElasticBeanstalk::Environment
    Properties:
      ApplicationName: app
      OptionSettings:
        - Namespace: aws:rds:dbinstance
          OptionName: DBPassword
          Value: "beanstalk-db-pass"
`,
      findings: [
        {
          line: 12,
          column: 22,
          messageId: 'hardcoded',
          message: /ContainerDefinitions\.Environment\.DB_PASSWORD: 'hu…'/,
        },
        { line: 17, column: 19, messageId: 'hardcoded', message: /LoginProfile\.Password/ },
        { line: 25, column: 18, messageId: 'hardcoded', message: /OptionSettings\.DBPassword/ },
      ],
    },
    {
      syntax: 'yaml',
      name: 'a parameter default is hard-coded too',
      code: `Parameters:
  AdminPassword:
    Type: String
    NoEcho: true
    Default: Adm1nPassw0rd
Resources:
  Directory:
    Type: AWS::DirectoryService::SimpleAD
    Properties:
      Name: corp.example.com
      Size: Small
      Password: !Ref AdminPassword
`,
      findings: [
        {
          line: 12,
          column: 17,
          messageId: 'hardcoded',
          message: "You · Credentials: 'Directory' has a hard-coded secret in Password: 'Ad…'",
          detail:
            'The secret is in Password (the Default of parameter AdminPassword). AWS protects secrets you store in its secret stores, not values written into code, and anyone who can read the template, its history or the stack can read it; use a dynamic reference ({{resolve:secretsmanager:…}}) or a NoEcho parameter without a default, and rotate this one.',
        },
      ],
    },
    {
      syntax: 'json',
      code: `{
  "Resources": {
    "ApiSecret": {
      "Type": "AWS::SecretsManager::Secret",
      "Properties": {
        "SecretString": "{\\"api_key\\": \\"sk_live_0123456789\\"}"
      }
    }
  }
}
`,
      findings: [{ line: 6, column: 25, messageId: 'hardcoded', message: /SecretString: '\{"…'/ }],
    },
    {
      syntax: 'terraform',
      code: `resource "aws_docdb_cluster" "docs" {
  master_username = "admin"
  master_password = "Sup3rS3cretPass"
}
`,
      findings: [
        {
          line: 3,
          column: 21,
          messageId: 'hardcoded',
          message: "You · Credentials: 'aws_docdb_cluster.docs' has a hard-coded secret in master_password: 'Su…'",
          detail:
            'The secret is in master_password. AWS protects secrets you store in its secret stores, not values written into code, and anyone who can read the code, its history or the Terraform state can read it; use Secrets Manager (a data source, or a write-only argument where the provider has one) or a sensitive variable without a default, and rotate this one.',
        },
      ],
    },
    {
      syntax: 'terraform',
      name: 'a variable default in another file',
      code: {
        'variables.tf': `variable "master_password" {
  type    = string
  default = "Sup3rS3cretPass"
}
`,
        'main.tf': `resource "aws_redshift_cluster" "dw" {
  cluster_identifier = "dw"
  master_username    = "admin"
  master_password    = var.master_password
}
`,
      },
      findings: [
        {
          line: 4,
          column: 24,
          file: 'main.tf',
          messageId: 'hardcoded',
          detail: /\(the default of var\.master_password\)/,
        },
      ],
    },
    {
      syntax: 'terraform',
      name: 'nested blocks, jsonencode container definitions, SecureString parameters and API keys',
      code: `resource "aws_lb_listener_rule" "login" {
  listener_arn = aws_lb_listener.https.arn
  action {
    type = "authenticate-oidc"
    authenticate_oidc {
      client_id     = "app"
      client_secret = "oidc-client-secret-value"
      issuer        = "https://idp.example.com"
    }
  }
}

resource "aws_ecs_task_definition" "app" {
  family = "app"
  container_definitions = jsonencode([{
    name  = "app"
    image = "app:1"
    environment = [{ name = "STRIPE_API_KEY", value = "sk_live_0123456789" }]
  }])
}

resource "aws_ssm_parameter" "token" {
  name  = "/app/token"
  type  = "SecureString"
  value = "ghp_0123456789abcdef"
}

resource "aws_api_gateway_api_key" "partner" {
  name  = "partner"
  value = "partner-key-0123456789"
}
`,
      findings: [
        { line: 7, column: 23, messageId: 'hardcoded', message: /action\.authenticate_oidc\.client_secret: 'oi…'/ },
        {
          line: 18,
          column: 55,
          messageId: 'hardcoded',
          detail: /container_definitions\.environment\.STRIPE_API_KEY: 'sk…'/,
        },
        { line: 25, column: 11, messageId: 'hardcoded', message: /in value: 'gh…'/ },
        { line: 30, column: 11, messageId: 'hardcoded', message: /in value: 'pa…'/ },
      ],
    },
  ],
};
