import { rule } from '../../src/rules/ec2-imdsv2-required';
import type { RuleCases } from './tester';

export const cases: RuleCases = {
  rule,
  valid: [
    {
      syntax: 'yaml',
      code: 'Resources:\n  Web:\n    Type: AWS::EC2::Instance\n    Properties:\n      ImageId: ami-12345678\n      MetadataOptions:\n        HttpTokens: required\n',
    },
    {
      syntax: 'yaml',
      name: 'the metadata endpoint turned off',
      code: 'Resources:\n  Tpl:\n    Type: AWS::EC2::LaunchTemplate\n    Properties:\n      LaunchTemplateData:\n        MetadataOptions:\n          HttpEndpoint: disabled\n',
    },
    {
      syntax: 'yaml',
      name: 'value behind !If is unknown',
      code: 'Resources:\n  Web:\n    Type: AWS::EC2::Instance\n    Properties:\n      MetadataOptions:\n        HttpTokens: !If [Strict, required, optional]\n',
    },
    {
      syntax: 'yaml',
      name: 'a parameter without default is unknown',
      code: 'Parameters:\n  Tokens:\n    Type: String\nResources:\n  Lc:\n    Type: AWS::AutoScaling::LaunchConfiguration\n    Properties:\n      ImageId: ami-12345678\n      InstanceType: t3.micro\n      MetadataOptions:\n        HttpTokens: !Ref Tokens\n',
    },
    {
      syntax: 'yaml',
      name: 'an unknown endpoint may be disabled',
      code: 'Parameters:\n  Endpoint:\n    Type: String\nResources:\n  Web:\n    Type: AWS::EC2::Instance\n    Properties:\n      MetadataOptions:\n        HttpEndpoint: !Ref Endpoint\n',
    },
    {
      syntax: 'yaml',
      name: 'an instance launched from a launch template takes its metadata options from it',
      code: 'Resources:\n  Web:\n    Type: AWS::EC2::Instance\n    Properties:\n      LaunchTemplate:\n        LaunchTemplateId: !Ref Tpl\n        Version: !GetAtt Tpl.LatestVersionNumber\n',
    },
    {
      syntax: 'yaml',
      name: 'launch template data behind !If is unknown',
      code: 'Resources:\n  Tpl:\n    Type: AWS::EC2::LaunchTemplate\n    Properties:\n      LaunchTemplateData: !If [Strict, {MetadataOptions: {HttpTokens: required}}, !Ref AWS::NoValue]\n',
    },
    {
      syntax: 'json',
      code: '{"Resources": {"Lc": {"Type": "AWS::AutoScaling::LaunchConfiguration", "Properties": {"ImageId": "ami-1", "InstanceType": "t3.micro", "MetadataOptions": {"HttpTokens": "required"}}}}}',
    },
    {
      syntax: 'terraform',
      code: 'resource "aws_instance" "web" {\n  ami = "ami-123"\n  metadata_options {\n    http_tokens = "required"\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'endpoint disabled',
      code: 'resource "aws_launch_template" "t" {\n  metadata_options {\n    http_endpoint = "disabled"\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a variable without default is unknown',
      code: 'variable "tokens" {}\n\nresource "aws_launch_configuration" "lc" {\n  image_id      = "ami-123"\n  instance_type = "t3.micro"\n  metadata_options {\n    http_tokens = var.tokens\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a dynamic block is unknown',
      code: 'resource "aws_instance" "web" {\n  ami = "ami-123"\n  dynamic "metadata_options" {\n    for_each = var.metadata\n    content {\n      http_tokens = metadata_options.value.tokens\n    }\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'an instance launched from a launch template',
      code: 'resource "aws_instance" "web" {\n  launch_template {\n    id = aws_launch_template.t.id\n  }\n}\n',
    },
  ],
  invalid: [
    {
      syntax: 'yaml',
      name: 'instance without metadata options',
      code: 'Resources:\n  Web:\n    Type: AWS::EC2::Instance\n    Properties:\n      ImageId: ami-12345678\n',
      findings: [
        {
          line: 3,
          column: 11,
          messageId: 'tokensNotSet',
          message:
            /EC2 instance 'Web' does not require IMDSv2: HttpTokens is not set by this template, so IMDSv1 stays available unless the AMI/,
        },
      ],
      output:
        'Resources:\n  Web:\n    Type: AWS::EC2::Instance\n    Properties:\n      ImageId: ami-12345678\n      MetadataOptions:\n        HttpTokens: required\n',
    },
    {
      syntax: 'yaml',
      name: 'launch template with optional tokens, comment kept',
      code: 'Resources:\n  Tpl:\n    Type: AWS::EC2::LaunchTemplate\n    Properties:\n      LaunchTemplateData:\n        ImageId: ami-12345678\n        MetadataOptions:\n          HttpEndpoint: enabled\n          HttpTokens: optional # legacy agent\n',
      findings: [
        {
          line: 9,
          column: 23,
          messageId: 'tokensOptional',
          message:
            "Launch template 'Tpl' sets HttpTokens to 'optional', so the instance metadata service also answers IMDSv1 requests, which carry no session token. Protecting the instance role credentials it serves is your configuration: set HttpTokens to required.",
        },
      ],
      output:
        'Resources:\n  Tpl:\n    Type: AWS::EC2::LaunchTemplate\n    Properties:\n      LaunchTemplateData:\n        ImageId: ami-12345678\n        MetadataOptions:\n          HttpEndpoint: enabled\n          HttpTokens: required # legacy agent\n',
    },
    {
      syntax: 'yaml',
      name: 'metadata options without HttpTokens point at the MetadataOptions key',
      code: 'Resources:\n  Tpl:\n    Type: AWS::EC2::LaunchTemplate\n    Properties:\n      LaunchTemplateData:\n        MetadataOptions:\n          HttpPutResponseHopLimit: 1\n',
      findings: [{ line: 6, column: 9 }],
      output:
        'Resources:\n  Tpl:\n    Type: AWS::EC2::LaunchTemplate\n    Properties:\n      LaunchTemplateData:\n        MetadataOptions:\n          HttpPutResponseHopLimit: 1\n          HttpTokens: required\n',
    },
    {
      syntax: 'yaml',
      name: 'launch template without LaunchTemplateData',
      code: 'Resources:\n  Tpl:\n    Type: AWS::EC2::LaunchTemplate\n    Properties:\n      LaunchTemplateName: web\n',
      findings: [{ line: 3, column: 11 }],
      output:
        'Resources:\n  Tpl:\n    Type: AWS::EC2::LaunchTemplate\n    Properties:\n      LaunchTemplateName: web\n      LaunchTemplateData:\n        MetadataOptions:\n          HttpTokens: required\n',
    },
    {
      syntax: 'yaml',
      name: 'a parameter default of optional resolves (not fixed here: the parameter decides)',
      code: 'Parameters:\n  Tokens:\n    Type: String\n    Default: optional\nResources:\n  Web:\n    Type: AWS::EC2::Instance\n    Properties:\n      MetadataOptions:\n        HttpTokens: !Ref Tokens\n',
      findings: [{ line: 10, column: 21 }],
    },
    {
      syntax: 'json',
      name: 'launch configuration without metadata options',
      code: '{\n  "Resources": {\n    "Lc": {\n      "Type": "AWS::AutoScaling::LaunchConfiguration",\n      "Properties": {\n        "ImageId": "ami-1",\n        "InstanceType": "t3.micro"\n      }\n    }\n  }\n}\n',
      findings: [
        {
          line: 4,
          column: 15,
          messageId: 'tokensNotSet',
          message: /Launch configuration 'Lc' does not require IMDSv2/,
        },
      ],
      output:
        '{\n  "Resources": {\n    "Lc": {\n      "Type": "AWS::AutoScaling::LaunchConfiguration",\n      "Properties": {\n        "ImageId": "ami-1",\n        "InstanceType": "t3.micro",\n        "MetadataOptions": {\n          "HttpTokens": "required"\n        }\n      }\n    }\n  }\n}\n',
    },
    {
      syntax: 'json',
      name: 'instance with optional tokens',
      code: '{\n  "Resources": {\n    "Web": {\n      "Type": "AWS::EC2::Instance",\n      "Properties": {\n        "MetadataOptions": {"HttpTokens": "optional"}\n      }\n    }\n  }\n}\n',
      findings: [{ line: 6, column: 43 }],
      output:
        '{\n  "Resources": {\n    "Web": {\n      "Type": "AWS::EC2::Instance",\n      "Properties": {\n        "MetadataOptions": {"HttpTokens": "required"}\n      }\n    }\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'instance without metadata options',
      code: 'resource "aws_instance" "web" {\n  ami = "ami-123"\n}\n',
      findings: [
        { line: 1, column: 10, messageId: 'tokensNotSet', message: /http_tokens is not set by this template/ },
      ],
      output:
        'resource "aws_instance" "web" {\n  ami = "ami-123"\n  metadata_options {\n    http_tokens = "required"\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'launch template with optional tokens',
      code: 'resource "aws_launch_template" "t" {\n  metadata_options {\n    http_tokens = "optional"\n  }\n}\n',
      findings: [{ line: 3, column: 19 }],
      output: 'resource "aws_launch_template" "t" {\n  metadata_options {\n    http_tokens = "required"\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'launch configuration with the endpoint enabled and no tokens setting',
      code: 'resource "aws_launch_configuration" "lc" {\n  image_id      = "ami-123"\n  instance_type = "t3.micro"\n  metadata_options {\n    http_endpoint = "enabled"\n  }\n}\n',
      findings: [{ line: 4, column: 3 }],
      output:
        'resource "aws_launch_configuration" "lc" {\n  image_id      = "ami-123"\n  instance_type = "t3.micro"\n  metadata_options {\n    http_endpoint = "enabled"\n    http_tokens = "required"\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a local from another file of the module resolves',
      code: {
        'main.tf': 'locals {\n  tokens = "optional"\n}\n',
        'ec2.tf': 'resource "aws_instance" "web" {\n  metadata_options {\n    http_tokens = local.tokens\n  }\n}\n',
      },
      findings: [{ line: 3, column: 19, file: 'ec2.tf' }],
    },
  ],
};
