import { rule } from '../../src/rules/lambda-environment-secrets';
import type { RuleCases } from './tester';

export const cases: RuleCases = {
  rule,
  valid: [
    {
      syntax: 'yaml',
      name: 'references, dynamic references, names and ARNs of secrets',
      code: 'Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Environment:\n        Variables:\n          DB_PASSWORD: "{{resolve:secretsmanager:db:SecretString:password}}"\n          API_TOKEN: !Ref TokenParameter\n          DB_SECRET_ARN: !Ref DbSecret\n          APP_PRIVATE_KEY_SECRET_NAME: my-secret\n          STRIPE_API_KEY: /prod/stripe/api-key\n          TOKEN_TABLE: tokens\n          SIGNING_SECRET: arn:aws:secretsmanager:eu-west-1:111122223333:secret:signing\n          LOG_LEVEL: debug\n',
    },
    {
      syntax: 'yaml',
      name: 'placeholders are not secrets',
      code: 'Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Environment:\n        Variables:\n          DB_PASSWORD: CHANGEME\n          API_KEY: "<api-key>"\n',
    },
    {
      syntax: 'yaml',
      name: 'variables behind !If are unknown',
      code: 'Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Environment:\n        Variables: !If [Prod, { DB_PASSWORD: !Ref Pw }, { DB_PASSWORD: dev }]\n',
    },
    {
      syntax: 'json',
      code: '{"Resources": {"Fn": {"Type": "AWS::Lambda::Function", "Properties": {"Environment": {"Variables": {"STAGE": "prod", "GITHUB_TOKEN": {"Fn::Sub": "{{resolve:ssm:/ci/${Stage}/token}}"}}}}}}}',
    },
    {
      syntax: 'terraform',
      code: 'resource "aws_lambda_function" "fn" {\n  function_name = "fn"\n  environment {\n    variables = {\n      DB_PASSWORD_PARAMETER = aws_ssm_parameter.db.name\n      API_TOKEN             = var.api_token\n      REGION                = "eu-west-1"\n    }\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'variables from merge() are unknown',
      code: 'resource "aws_lambda_function" "fn" {\n  function_name = "fn"\n  environment {\n    variables = merge(var.env, { DB_PASSWORD = "hunter2hunter2" })\n  }\n}\n',
    },
  ],
  invalid: [
    {
      syntax: 'yaml',
      name: 'a password by name, and an access key ID by shape',
      code: 'Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Environment:\n        Variables:\n          DB_PASSWORD: s3cr3t-Passw0rd\n          UPSTREAM_ID: AKIAIOSFODNN7EXAMPLE\n          STAGE: prod\n',
      findings: [
        {
          line: 7,
          column: 24,
          severity: 'error',
          messageId: 'secretInEnvironment',
          message: "You · Credentials: Lambda function 'Fn' has a secret in environment variable DB_PASSWORD",
          detail:
            'It sets environment variable DB_PASSWORD to a literal value, and its name says it is a secret (value not shown). Anyone who can read the template and the function configuration can read it; keep it in Secrets Manager or Parameter Store, pass a reference instead, and rotate it.',
        },
        {
          line: 8,
          column: 24,
          messageId: 'secretInEnvironment',
          message: "You · Credentials: Lambda function 'Fn' has a secret in environment variable UPSTREAM_ID",
          detail:
            'It sets environment variable UPSTREAM_ID to a literal value that looks like an AWS access key ID (value not shown). Anyone who can read the template and the function configuration can read it; keep it in Secrets Manager or Parameter Store, pass a reference instead, and rotate it.',
        },
      ],
    },
    {
      syntax: 'yaml',
      name: 'SAM function; a parameter default counts as written in the template',
      code: 'Transform: AWS::Serverless-2016-10-31\nParameters:\n  Token:\n    Type: String\n    Default: ghp_0123456789abcdefghijABCDEFGHIJ0123456789\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Environment:\n        Variables:\n          GH: !Ref Token\n',
      findings: [{ line: 12, column: 15, messageId: 'secretInEnvironment', detail: /looks like a GitHub token/ }],
    },
    {
      syntax: 'json',
      code: '{\n  "Resources": {\n    "Fn": {\n      "Type": "AWS::Lambda::Function",\n      "Properties": {\n        "Environment": {"Variables": {"JWT_SECRET": "0b1c2d3e4f5a6b7c"}}\n      }\n    }\n  }\n}\n',
      findings: [{ line: 6, column: 53, messageId: 'secretInEnvironment', message: /JWT_SECRET/ }],
    },
    {
      syntax: 'terraform',
      code: 'resource "aws_lambda_function" "fn" {\n  function_name = "fn"\n  environment {\n    variables = {\n      AWS_REGION_NAME = "eu-west-1"\n      STRIPE_API_KEY  = "sk_live_0123456789abcdefABCDEF"\n    }\n  }\n}\n',
      findings: [
        {
          line: 6,
          column: 25,
          messageId: 'secretInEnvironment',
          message:
            "You · Credentials: Lambda function 'aws_lambda_function.fn' has a secret in environment variable STRIPE_API_KEY",
          detail:
            'It sets environment variable STRIPE_API_KEY to a literal value that looks like a Stripe secret key (value not shown). Anyone who can read the code, the Terraform state and the function configuration can read it; keep it in Secrets Manager or Parameter Store, pass a reference instead, and rotate it.',
        },
      ],
    },
    {
      syntax: 'terraform',
      name: 'a variable default in another file is hard-coded too',
      code: {
        'main.tf':
          'resource "aws_lambda_function" "fn" {\n  function_name = "fn"\n  environment {\n    variables = {\n      DB_PASSWORD = var.db_password\n    }\n  }\n}\n',
        'variables.tf': 'variable "db_password" {\n  default = "correct-horse-battery"\n}\n',
      },
      findings: [{ line: 5, column: 21, file: 'main.tf' }],
    },
  ],
};
