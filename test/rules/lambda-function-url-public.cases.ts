import { rule } from '../../src/rules/lambda-function-url-public';
import type { RuleCases } from './tester';

export const cases: RuleCases = {
  rule,
  valid: [
    {
      syntax: 'yaml',
      code: 'Resources:\n  Url:\n    Type: AWS::Lambda::Url\n    Properties:\n      AuthType: AWS_IAM\n      TargetFunctionArn: !GetAtt Fn.Arn\n',
    },
    {
      syntax: 'yaml',
      name: 'a parameter without default is unknown',
      code: 'Parameters:\n  Auth:\n    Type: String\nResources:\n  Url:\n    Type: AWS::Lambda::Url\n    Properties:\n      AuthType: !Ref Auth\n      TargetFunctionArn: !GetAtt Fn.Arn\n',
    },
    {
      syntax: 'yaml',
      name: 'SAM function without a URL',
      code: 'Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: python3.12\n      Handler: app.handler\n',
    },
    {
      syntax: 'json',
      code: '{"Resources": {"Url": {"Type": "AWS::Lambda::Url", "Properties": {"AuthType": "AWS_IAM", "TargetFunctionArn": "arn:aws:lambda:eu-west-1:111122223333:function:f"}}}}',
    },
    {
      syntax: 'terraform',
      code: 'resource "aws_lambda_function_url" "api" {\n  function_name      = aws_lambda_function.api.function_name\n  authorization_type = "AWS_IAM"\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a variable without default is unknown',
      code: 'variable "auth" {}\n\nresource "aws_lambda_function_url" "api" {\n  function_name      = "api"\n  authorization_type = var.auth\n}\n',
    },
  ],
  invalid: [
    {
      syntax: 'yaml',
      code: 'Resources:\n  Url:\n    Type: AWS::Lambda::Url\n    Properties:\n      AuthType: NONE\n      TargetFunctionArn: !GetAtt Fn.Arn\n',
      findings: [
        {
          line: 5,
          column: 17,
          severity: 'error',
          messageId: 'noAuth',
          message: "You · Identity and access: function URL of 'Url' has AuthType NONE",
          detail:
            "Lambda authenticates no caller, so the function's resource-based policy alone decides who can invoke it through the URL (for such URLs, usually everyone). Who may call it is yours to decide: use AWS_IAM, or check callers in the function code.",
        },
      ],
      output:
        'Resources:\n  Url:\n    Type: AWS::Lambda::Url\n    Properties:\n      AuthType: AWS_IAM\n      TargetFunctionArn: !GetAtt Fn.Arn\n',
    },
    {
      syntax: 'yaml',
      name: 'SAM FunctionUrlConfig',
      code: 'Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: python3.12\n      Handler: app.handler\n      FunctionUrlConfig:\n        AuthType: NONE\n',
      findings: [{ line: 9, column: 19 }],
      output:
        'Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: python3.12\n      Handler: app.handler\n      FunctionUrlConfig:\n        AuthType: AWS_IAM\n',
    },
    {
      syntax: 'yaml',
      name: 'a parameter default of NONE resolves',
      code: 'Parameters:\n  Auth:\n    Type: String\n    Default: NONE\nResources:\n  Url:\n    Type: AWS::Lambda::Url\n    Properties:\n      AuthType: !Ref Auth\n      TargetFunctionArn: !GetAtt Fn.Arn\n',
      findings: [{ line: 9, column: 17 }],
    },
    {
      syntax: 'json',
      code: '{\n  "Resources": {\n    "Url": {\n      "Type": "AWS::Lambda::Url",\n      "Properties": {\n        "AuthType": "NONE",\n        "TargetFunctionArn": "arn:aws:lambda:eu-west-1:111122223333:function:f"\n      }\n    }\n  }\n}\n',
      findings: [{ line: 6, column: 21 }],
      output:
        '{\n  "Resources": {\n    "Url": {\n      "Type": "AWS::Lambda::Url",\n      "Properties": {\n        "AuthType": "AWS_IAM",\n        "TargetFunctionArn": "arn:aws:lambda:eu-west-1:111122223333:function:f"\n      }\n    }\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      code: 'resource "aws_lambda_function_url" "api" {\n  function_name      = aws_lambda_function.api.function_name\n  authorization_type = "NONE"\n}\n',
      findings: [{ line: 3, column: 24 }],
      output:
        'resource "aws_lambda_function_url" "api" {\n  function_name      = aws_lambda_function.api.function_name\n  authorization_type = "AWS_IAM"\n}\n',
    },
  ],
};
