import { rule } from '../../src/rules/ecr-image-scan-on-push';
import type { RuleCases } from './tester';

export const cases: RuleCases = {
  rule,
  valid: [
    {
      syntax: 'yaml',
      code: 'Resources:\n  Repo:\n    Type: AWS::ECR::Repository\n    Properties:\n      ImageScanningConfiguration:\n        ScanOnPush: true\n',
    },
    {
      syntax: 'yaml',
      name: 'value behind !If is unknown, never insecure',
      code: 'Resources:\n  Repo:\n    Type: AWS::ECR::Repository\n    Properties:\n      ImageScanningConfiguration:\n        ScanOnPush: !If [IsProd, true, false]\n',
    },
    {
      syntax: 'yaml',
      name: 'a parameter without default is unknown',
      code: 'Parameters:\n  Scan:\n    Type: String\nResources:\n  Repo:\n    Type: AWS::ECR::Repository\n    Properties:\n      ImageScanningConfiguration:\n        ScanOnPush: !Ref Scan\n',
    },
    {
      syntax: 'yaml',
      name: 'a registry scanning configuration in the template decides instead',
      code:
        'Resources:\n  Repo:\n    Type: AWS::ECR::Repository\n  Scanning:\n    Type: AWS::ECR::RegistryScanningConfiguration\n    Properties:\n      ScanType: ENHANCED\n      Rules:\n' +
        '        - ScanFrequency: CONTINUOUS_SCAN\n          RepositoryFilters:\n            - Filter: "*"\n              FilterType: WILDCARD\n',
    },
    {
      syntax: 'json',
      code: '{"Resources": {"Repo": {"Type": "AWS::ECR::Repository", "Properties": {"ImageScanningConfiguration": {"ScanOnPush": "true"}}}}}',
    },
    {
      syntax: 'terraform',
      code: 'resource "aws_ecr_repository" "app" {\n  name = "app"\n\n  image_scanning_configuration {\n    scan_on_push = true\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a variable without default is unknown',
      code: 'variable "scan" {}\n\nresource "aws_ecr_repository" "app" {\n  image_scanning_configuration {\n    scan_on_push = var.scan\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a dynamic block is unknown',
      code: 'resource "aws_ecr_repository" "app" {\n  dynamic "image_scanning_configuration" {\n    for_each = var.scanning\n    content {\n      scan_on_push = image_scanning_configuration.value\n    }\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a registry scanning configuration in another file of the module decides instead',
      code: {
        'main.tf': 'resource "aws_ecr_repository" "app" {\n  name = "app"\n}\n',
        'registry.tf':
          'resource "aws_ecr_registry_scanning_configuration" "this" {\n  scan_type = "ENHANCED"\n\n  rule {\n    scan_frequency = "SCAN_ON_PUSH"\n    repository_filter {\n      filter      = "*"\n      filter_type = "WILDCARD"\n    }\n  }\n}\n',
      },
    },
  ],
  invalid: [
    {
      syntax: 'yaml',
      name: 'missing',
      code: 'Resources:\n  Repo:\n    Type: AWS::ECR::Repository\n    Properties:\n      RepositoryName: app\n',
      findings: [
        {
          line: 3,
          column: 11,
          messageId: 'scanNotSet',
          message: "You · Machine image: ECR repository 'Repo' does not scan images on push",
          detail:
            'ImageScanningConfiguration.ScanOnPush is not set and defaults to false. AWS runs the scanner, but asking for scans and acting on what they find are yours: turn it on here, unless a registry scanning configuration of your account already covers this repository.',
          severity: 'info',
        },
      ],
      output:
        'Resources:\n  Repo:\n    Type: AWS::ECR::Repository\n    Properties:\n      RepositoryName: app\n      ImageScanningConfiguration:\n        ScanOnPush: true\n',
    },
    {
      syntax: 'yaml',
      name: 'an empty scanning configuration',
      code: 'Resources:\n  Repo:\n    Type: AWS::ECR::Repository\n    Properties:\n      ImageScanningConfiguration: {}\n',
      findings: [{ line: 5, column: 7 }],
      output:
        'Resources:\n  Repo:\n    Type: AWS::ECR::Repository\n    Properties:\n      ImageScanningConfiguration: {ScanOnPush: true}\n',
    },
    {
      syntax: 'yaml',
      name: 'explicitly false',
      code: 'Resources:\n  Repo:\n    Type: AWS::ECR::Repository\n    Properties:\n      ImageScanningConfiguration:\n        ScanOnPush: false\n',
      findings: [
        {
          line: 6,
          column: 21,
          messageId: 'scanOff',
          message: "You · Machine image: ECR repository 'Repo' turns scan on push off",
          detail:
            'It sets ImageScanningConfiguration.ScanOnPush to false: this repository does not ask for its images to be scanned for known vulnerabilities when they are pushed. AWS runs the scanner, but asking for scans and acting on what they find are yours: turn it on here, unless a registry scanning configuration of your account already covers this repository.',
        },
      ],
      output:
        'Resources:\n  Repo:\n    Type: AWS::ECR::Repository\n    Properties:\n      ImageScanningConfiguration:\n        ScanOnPush: true\n',
    },
    {
      syntax: 'yaml',
      name: 'false through a parameter default: reported, the parameter left to a human',
      code: 'Parameters:\n  Scan:\n    Type: String\n    Default: "false"\nResources:\n  Repo:\n    Type: AWS::ECR::Repository\n    Properties:\n      ImageScanningConfiguration:\n        ScanOnPush: !Ref Scan\n',
      findings: [{ line: 10, column: 21 }],
    },
    {
      syntax: 'json',
      code: '{\n  "Resources": {\n    "Repo": {\n      "Type": "AWS::ECR::Repository",\n      "Properties": {\n        "RepositoryName": "app"\n      }\n    }\n  }\n}\n',
      findings: [{ line: 4, column: 15 }],
      output:
        '{\n  "Resources": {\n    "Repo": {\n      "Type": "AWS::ECR::Repository",\n      "Properties": {\n        "RepositoryName": "app",\n        "ImageScanningConfiguration": {\n          "ScanOnPush": true\n        }\n      }\n    }\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'missing: the nested block is added',
      code: 'resource "aws_ecr_repository" "app" {\n  name = "app"\n}\n',
      findings: [
        {
          line: 1,
          column: 10,
          messageId: 'scanNotSet',
          detail: /image_scanning_configuration.scan_on_push is not set/,
        },
      ],
      output:
        'resource "aws_ecr_repository" "app" {\n  name = "app"\n  image_scanning_configuration {\n    scan_on_push = true\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'an empty block',
      code: 'resource "aws_ecr_repository" "app" {\n  name = "app"\n  image_scanning_configuration {}\n}\n',
      findings: [{ line: 3, column: 3 }],
      output:
        'resource "aws_ecr_repository" "app" {\n  name = "app"\n  image_scanning_configuration {\n    scan_on_push = true\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'explicitly false',
      code: 'resource "aws_ecr_repository" "app" {\n  name = "app"\n\n  image_scanning_configuration {\n    scan_on_push = false\n  }\n}\n',
      findings: [{ line: 5, column: 20 }],
      output:
        'resource "aws_ecr_repository" "app" {\n  name = "app"\n\n  image_scanning_configuration {\n    scan_on_push = true\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'null leaves the default (false) in place',
      code: 'resource "aws_ecr_repository" "app" {\n  image_scanning_configuration {\n    scan_on_push = null\n  }\n}\n',
      findings: [{ line: 2, column: 3, messageId: 'scanNotSet' }],
      output:
        'resource "aws_ecr_repository" "app" {\n  image_scanning_configuration {\n    scan_on_push = true\n  }\n}\n',
    },
  ],
};
