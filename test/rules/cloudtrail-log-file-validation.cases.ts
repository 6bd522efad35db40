import { rule } from '../../src/rules/cloudtrail-log-file-validation';
import type { RuleCases } from './tester';

export const cases: RuleCases = {
  rule,
  valid: [
    {
      syntax: 'yaml',
      code: 'Resources:\n  Trail:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      IsLogging: true\n      S3BucketName: !Ref Logs\n      EnableLogFileValidation: true\n',
    },
    {
      syntax: 'yaml',
      name: 'YAML 1.1 spelling True',
      code: 'Resources:\n  Trail:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      IsLogging: true\n      EnableLogFileValidation: True\n',
    },
    {
      syntax: 'yaml',
      name: 'value behind !If is unknown, never insecure',
      code: 'Resources:\n  Trail:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      IsLogging: true\n      EnableLogFileValidation: !If [IsProd, true, false]\n',
    },
    {
      syntax: 'yaml',
      name: 'a parameter without default is unknown',
      code: 'Parameters:\n  Validate:\n    Type: String\nResources:\n  Trail:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      IsLogging: true\n      EnableLogFileValidation: !Ref Validate\n',
    },
    {
      syntax: 'json',
      code: '{"Resources": {"Trail": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsLogging": true, "EnableLogFileValidation": "true"}}}}',
    },
    {
      syntax: 'terraform',
      code: 'resource "aws_cloudtrail" "main" {\n  name                       = "main"\n  s3_bucket_name             = aws_s3_bucket.logs.id\n  enable_log_file_validation = true\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a variable without default is unknown',
      code: 'variable "validate" {}\n\nresource "aws_cloudtrail" "main" {\n  enable_log_file_validation = var.validate\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a conditional is unknown',
      code: 'resource "aws_cloudtrail" "main" {\n  enable_log_file_validation = var.env == "prod" ? true : false\n}\n',
    },
  ],
  invalid: [
    {
      syntax: 'yaml',
      name: 'missing',
      code: 'Resources:\n  Trail:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      IsLogging: true\n      S3BucketName: !Ref Logs\n',
      findings: [
        {
          line: 3,
          column: 11,
          messageId: 'noDigests',
          message: "Shared · Logging and monitoring: CloudTrail trail 'Trail' has no log file validation",
          detail:
            'It delivers no digest files: EnableLogFileValidation is not set and defaults to false. Once CloudTrail delivers log files to your bucket, protecting them is yours, and without digest files you cannot prove that a log file was not changed or deleted after delivery.',
        },
      ],
      output:
        'Resources:\n  Trail:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      IsLogging: true\n      S3BucketName: !Ref Logs\n      EnableLogFileValidation: true\n',
    },
    {
      syntax: 'yaml',
      name: 'explicitly False (as in the peer fixture)',
      code: 'Resources:\n  Trail:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      EnableLogFileValidation: False\n      IsLogging: true\n',
      findings: [{ line: 5, column: 32, messageId: 'validationOff' }],
      output:
        'Resources:\n  Trail:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      EnableLogFileValidation: true\n      IsLogging: true\n',
    },
    {
      syntax: 'yaml',
      name: 'a parameter default of false shared with another property: the fix writes the value on the trail',
      code: 'Parameters:\n  Flag:\n    Type: String\n    Default: "false"\nResources:\n  Trail:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      IsLogging: true\n      EnableLogFileValidation: !Ref Flag\n      IsMultiRegionTrail: !Ref Flag\n',
      findings: [{ line: 10, column: 32 }],
      output:
        'Parameters:\n  Flag:\n    Type: String\n    Default: "false"\nResources:\n  Trail:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      IsLogging: true\n      EnableLogFileValidation: true\n      IsMultiRegionTrail: !Ref Flag\n',
    },
    {
      syntax: 'json',
      name: 'missing',
      code: '{\n  "Resources": {\n    "Trail": {\n      "Type": "AWS::CloudTrail::Trail",\n      "Properties": {\n        "IsLogging": true\n      }\n    }\n  }\n}\n',
      findings: [{ line: 4, column: 15 }],
      output:
        '{\n  "Resources": {\n    "Trail": {\n      "Type": "AWS::CloudTrail::Trail",\n      "Properties": {\n        "IsLogging": true,\n        "EnableLogFileValidation": true\n      }\n    }\n  }\n}\n',
    },
    {
      syntax: 'json',
      name: 'explicitly "false"',
      code: '{\n  "Resources": {\n    "Trail": {\n      "Type": "AWS::CloudTrail::Trail",\n      "Properties": {\n        "EnableLogFileValidation": "false",\n        "IsLogging": true\n      }\n    }\n  }\n}\n',
      findings: [{ line: 6, column: 36 }],
      output:
        '{\n  "Resources": {\n    "Trail": {\n      "Type": "AWS::CloudTrail::Trail",\n      "Properties": {\n        "EnableLogFileValidation": true,\n        "IsLogging": true\n      }\n    }\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'missing',
      code: 'resource "aws_cloudtrail" "main" {\n  name           = "main"\n  s3_bucket_name = aws_s3_bucket.logs.id\n}\n',
      findings: [
        {
          line: 1,
          column: 10,
          messageId: 'noDigests',
          detail: /enable_log_file_validation is not set and defaults to false/,
        },
      ],
      output:
        'resource "aws_cloudtrail" "main" {\n  name           = "main"\n  s3_bucket_name = aws_s3_bucket.logs.id\n  enable_log_file_validation = true\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'explicitly false',
      code: 'resource "aws_cloudtrail" "main" {\n  name                       = "main"\n  enable_log_file_validation = false\n}\n',
      findings: [{ line: 3, column: 32 }],
      output:
        'resource "aws_cloudtrail" "main" {\n  name                       = "main"\n  enable_log_file_validation = true\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a variable default of false in another file: the fix changes the default',
      code: {
        'variables.tf': 'variable "validate_logs" {\n  default = false\n}\n',
        'trail.tf':
          'resource "aws_cloudtrail" "main" {\n  name                       = "main"\n  enable_log_file_validation = var.validate_logs\n}\n',
      },
      findings: [{ line: 3, column: 32, file: 'trail.tf' }],
      output: {
        'variables.tf': 'variable "validate_logs" {\n  default = true\n}\n',
        'trail.tf':
          'resource "aws_cloudtrail" "main" {\n  name                       = "main"\n  enable_log_file_validation = var.validate_logs\n}\n',
      },
    },
  ],
};
