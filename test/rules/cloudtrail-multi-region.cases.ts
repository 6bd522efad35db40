import { rule } from '../../src/rules/cloudtrail-multi-region';
import type { RuleCases } from './tester';

export const cases: RuleCases = {
  rule,
  valid: [
    {
      syntax: 'yaml',
      code: 'Resources:\n  Trail:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      IsLogging: true\n      IsMultiRegionTrail: true\n',
    },
    {
      syntax: 'yaml',
      name: 'a multi-Region organization trail',
      code: 'Resources:\n  Trail:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      IsLogging: true\n      IsOrganizationTrail: true\n      IsMultiRegionTrail: "true"\n',
    },
    {
      syntax: 'yaml',
      name: 'value behind !If is unknown, never insecure',
      code: 'Resources:\n  Trail:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      IsLogging: true\n      IsMultiRegionTrail: !If [AllRegions, true, false]\n',
    },
    {
      syntax: 'yaml',
      name: 'a parameter without default is unknown',
      code: 'Parameters:\n  AllRegions:\n    Type: String\n    AllowedValues: ["true", "false"]\nResources:\n  Trail:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      IsLogging: true\n      IsMultiRegionTrail: !Ref AllRegions\n',
    },
    {
      syntax: 'json',
      code: '{"Resources": {"Trail": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsLogging": true, "IsMultiRegionTrail": true}}}}',
    },
    {
      syntax: 'terraform',
      code: 'resource "aws_cloudtrail" "main" {\n  name                  = "main"\n  s3_bucket_name        = aws_s3_bucket.logs.id\n  is_multi_region_trail = true\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a variable without default is unknown',
      code: 'variable "all_regions" {\n  type = bool\n}\n\nresource "aws_cloudtrail" "main" {\n  is_multi_region_trail = var.all_regions\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a function call is unknown',
      code: 'resource "aws_cloudtrail" "main" {\n  is_multi_region_trail = tobool(var.all_regions)\n}\n',
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
          messageId: 'singleRegion',
          message: "Shared · Logging and monitoring: CloudTrail trail 'Trail' records only the Region it is created in",
          detail:
            "IsMultiRegionTrail is not set and defaults to false. Which Regions are recorded is yours to choose: activity in Regions you do not use, where stolen credentials can still create resources, goes unrecorded, and so do global service events such as IAM's unless the trail is in us-east-1.",
        },
      ],
      output:
        'Resources:\n  Trail:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      IsLogging: true\n      S3BucketName: !Ref Logs\n      IsMultiRegionTrail: true\n',
    },
    {
      syntax: 'yaml',
      name: 'explicitly False (as in the peer fixture)',
      code: 'Resources:\n  MyTrail0:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      IsLogging: True\n      IsMultiRegionTrail: False\n      S3BucketName: String\n',
      findings: [{ line: 6, column: 27, messageId: 'singleRegion', detail: /IsMultiRegionTrail is false\./ }],
      output:
        'Resources:\n  MyTrail0:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      IsLogging: True\n      IsMultiRegionTrail: true\n      S3BucketName: String\n',
    },
    {
      syntax: 'yaml',
      name: 'an organization trail is still single-Region',
      code: 'Resources:\n  OrgTrail:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      IsLogging: true\n      IsOrganizationTrail: true\n',
      findings: [
        {
          line: 3,
          column: 11,
          messageId: 'singleRegion',
          message:
            "Shared · Logging and monitoring: Organization trail 'OrgTrail' records only the Region it is created in",
          detail:
            "IsMultiRegionTrail is not set and defaults to false. It covers every account of the organization, but only that Region. Which Regions are recorded is yours to choose: activity in Regions you do not use, where stolen credentials can still create resources, goes unrecorded, and so do global service events such as IAM's unless the trail is in us-east-1.",
        },
      ],
      output:
        'Resources:\n  OrgTrail:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      IsLogging: true\n      IsOrganizationTrail: true\n      IsMultiRegionTrail: true\n',
    },
    {
      syntax: 'yaml',
      name: 'global service events left out: the fix includes them, as a multi-Region trail requires',
      code: 'Resources:\n  Trail:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      IsLogging: true\n      IncludeGlobalServiceEvents: false\n',
      findings: [
        {
          line: 3,
          column: 11,
          messageId: 'singleRegion',
          detail:
            /Global service events are left out too, and a multi-Region trail must include them: set IncludeGlobalServiceEvents to true as well\.$/,
        },
      ],
      output:
        'Resources:\n  Trail:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      IsLogging: true\n      IncludeGlobalServiceEvents: true\n      IsMultiRegionTrail: true\n',
    },
    {
      syntax: 'yaml',
      name: 'a parameter default of false: the fix changes the default',
      code: 'Parameters:\n  AllRegions:\n    Type: String\n    Default: false\nResources:\n  Trail:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      IsLogging: true\n      IsMultiRegionTrail: !Ref AllRegions\n',
      findings: [{ line: 10, column: 27, messageId: 'singleRegion', detail: /IsMultiRegionTrail is false\./ }],
      output:
        'Parameters:\n  AllRegions:\n    Type: String\n    Default: true\nResources:\n  Trail:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      IsLogging: true\n      IsMultiRegionTrail: !Ref AllRegions\n',
    },
    {
      syntax: 'json',
      name: 'missing',
      code: '{\n  "Resources": {\n    "Trail": {\n      "Type": "AWS::CloudTrail::Trail",\n      "Properties": {\n        "IsLogging": true\n      }\n    }\n  }\n}\n',
      findings: [{ line: 4, column: 15 }],
      output:
        '{\n  "Resources": {\n    "Trail": {\n      "Type": "AWS::CloudTrail::Trail",\n      "Properties": {\n        "IsLogging": true,\n        "IsMultiRegionTrail": true\n      }\n    }\n  }\n}\n',
    },
    {
      syntax: 'json',
      name: 'explicitly false, global events left out',
      code: '{\n  "Resources": {\n    "Trail": {\n      "Type": "AWS::CloudTrail::Trail",\n      "Properties": {\n        "IsLogging": true,\n        "IsMultiRegionTrail": false,\n        "IncludeGlobalServiceEvents": false\n      }\n    }\n  }\n}\n',
      findings: [{ line: 7, column: 31 }],
      output:
        '{\n  "Resources": {\n    "Trail": {\n      "Type": "AWS::CloudTrail::Trail",\n      "Properties": {\n        "IsLogging": true,\n        "IsMultiRegionTrail": true,\n        "IncludeGlobalServiceEvents": true\n      }\n    }\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'missing',
      code: 'resource "aws_cloudtrail" "main" {\n  name           = "main"\n  s3_bucket_name = aws_s3_bucket.logs.id\n}\n',
      findings: [
        {
          line: 1,
          column: 10,
          messageId: 'singleRegion',
          message:
            "Shared · Logging and monitoring: CloudTrail trail 'aws_cloudtrail.main' records only the Region it is created in",
          detail:
            "is_multi_region_trail is not set and defaults to false. Which Regions are recorded is yours to choose: activity in Regions you do not use, where stolen credentials can still create resources, goes unrecorded, and so do global service events such as IAM's unless the trail is in us-east-1.",
        },
      ],
      output:
        'resource "aws_cloudtrail" "main" {\n  name           = "main"\n  s3_bucket_name = aws_s3_bucket.logs.id\n  is_multi_region_trail = true\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'explicitly false with global service events left out (the peer test fixture)',
      code: 'resource "aws_cloudtrail" "foobar" {\n  name                          = "tf-trail-foobar"\n  include_global_service_events = false\n  is_multi_region_trail         = false\n}\n',
      findings: [
        {
          line: 4,
          column: 35,
          messageId: 'singleRegion',
          detail: /set include_global_service_events to true as well/,
        },
      ],
      output:
        'resource "aws_cloudtrail" "foobar" {\n  name                          = "tf-trail-foobar"\n  include_global_service_events = true\n  is_multi_region_trail         = true\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'an organization trail from a local in another file',
      code: {
        'locals.tf': 'locals {\n  organization = true\n}\n',
        'trail.tf':
          'resource "aws_cloudtrail" "org" {\n  name                  = "org"\n  is_organization_trail = local.organization\n}\n',
      },
      findings: [
        {
          line: 1,
          column: 10,
          file: 'trail.tf',
          messageId: 'singleRegion',
          message:
            "Shared · Logging and monitoring: Organization trail 'aws_cloudtrail.org' records only the Region it is created in",
          detail:
            "is_multi_region_trail is not set and defaults to false. It covers every account of the organization, but only that Region. Which Regions are recorded is yours to choose: activity in Regions you do not use, where stolen credentials can still create resources, goes unrecorded, and so do global service events such as IAM's unless the trail is in us-east-1.",
        },
      ],
      output: {
        'locals.tf': 'locals {\n  organization = true\n}\n',
        'trail.tf':
          'resource "aws_cloudtrail" "org" {\n  name                  = "org"\n  is_organization_trail = local.organization\n  is_multi_region_trail = true\n}\n',
      },
    },
  ],
};
