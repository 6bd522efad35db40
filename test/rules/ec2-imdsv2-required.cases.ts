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
    {
      syntax: 'yaml',
      name: 'AL2023 from the public SSM parameter, as a parameter default and as a resolve reference (launch template too)',
      code: `Parameters:
  LatestAmiId:
    Type: AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>
    Default: /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-6.1-x86_64
Resources:
  Web:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: !Ref LatestAmiId
  Nodes:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        ImageId: "{{resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-6.1-arm64}}"
  Workers:
    Type: AWS::AutoScaling::LaunchConfiguration
    Properties:
      InstanceType: t3.micro
      ImageId: !Ref LatestAmiId
`,
    },
    {
      syntax: 'json',
      name: 'AL2023 parameter default in JSON',
      code: `{
  "Parameters": {
    "LatestAmiId": {
      "Type": "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>",
      "Default": "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64"
    }
  },
  "Resources": {
    "Web": { "Type": "AWS::EC2::Instance", "Properties": { "ImageId": { "Ref": "LatestAmiId" } } }
  }
}
`,
    },
    {
      syntax: 'terraform',
      name: 'AL2023 from data "aws_ssm_parameter" and from data "aws_ami" owned by Amazon',
      code: `data "aws_ssm_parameter" "al2023" {
  name = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64"
}

data "aws_ami" "al2023" {
  most_recent = true
  owners      = ["amazon"]

  filter {
    name   = "name"
    values = ["al2023-ami-2023.*-x86_64"]
  }
}

resource "aws_instance" "web" {
  ami = data.aws_ssm_parameter.al2023.value
}

resource "aws_launch_template" "nodes" {
  image_id = data.aws_ami.al2023.id
}
`,
    },
  ],
  invalid: [
    {
      syntax: 'yaml',
      name: 'not recognisably AL2023: Amazon Linux 2, a String parameter, an explicit optional on AL2023',
      code: `Parameters:
  Al2AmiId:
    Type: AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>
    Default: /aws/service/ami-amazon-linux-latest/amzn2-ami-hvm-x86_64-gp2
  TextAmi:
    Type: String
    Default: /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-6.1-x86_64
  LatestAmiId:
    Type: AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>
    Default: /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-6.1-x86_64
Resources:
  Al2:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: !Ref Al2AmiId
  Text:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: !Ref TextAmi
  Legacy:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: !Ref LatestAmiId
      MetadataOptions:
        HttpTokens: optional
`,
      findings: [
        { line: 13, column: 11, messageId: 'tokensNotSet' },
        { line: 17, column: 11, messageId: 'tokensNotSet' },
        { line: 25, column: 21, messageId: 'tokensOptional' },
      ],
    },
    {
      syntax: 'terraform',
      name: 'not recognisably AL2023: any owner, an ECS-optimized name, an AL2 parameter',
      code: `data "aws_ami" "anyone" {
  most_recent = true
  filter {
    name   = "name"
    values = ["al2023-ami-2023.*-x86_64"]
  }
}

data "aws_ami" "ecs" {
  owners = ["amazon"]
  filter {
    name   = "name"
    values = ["al2023-ami-ecs-hvm-*"]
  }
}

data "aws_ssm_parameter" "al2" {
  name = "/aws/service/ami-amazon-linux-latest/amzn2-ami-hvm-x86_64-gp2"
}

resource "aws_instance" "a" {
  ami = data.aws_ami.anyone.id
}

resource "aws_instance" "b" {
  ami = data.aws_ami.ecs.id
}

resource "aws_instance" "c" {
  ami = data.aws_ssm_parameter.al2.value
}
`,
      findings: [
        { line: 21, column: 10, messageId: 'tokensNotSet' },
        { line: 25, column: 10, messageId: 'tokensNotSet' },
        { line: 29, column: 10, messageId: 'tokensNotSet' },
      ],
    },
    {
      syntax: 'yaml',
      name: 'instance without metadata options',
      code: 'Resources:\n  Web:\n    Type: AWS::EC2::Instance\n    Properties:\n      ImageId: ami-12345678\n',
      findings: [
        {
          line: 3,
          column: 11,
          messageId: 'tokensNotSet',
          message: "You · Credentials: EC2 instance 'Web' does not require IMDSv2",
          detail:
            "HttpTokens is not set by this template, so IMDSv1 stays available unless the AMI is registered for IMDSv2 only (ImdsSupport v2.0) or the account's instance metadata defaults require tokens. Protecting the instance role credentials is your configuration: set HttpTokens to required.",
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
          message: "You · Credentials: launch template 'Tpl' allows IMDSv1 (HttpTokens 'optional')",
          detail:
            "It sets HttpTokens to 'optional', so the instance metadata service also answers IMDSv1 requests, which carry no session token. Protecting the instance role credentials it serves is your configuration: set HttpTokens to required.",
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
          message: "You · Credentials: launch configuration 'Lc' does not require IMDSv2",
          detail:
            "HttpTokens is not set by this template, so IMDSv1 stays available unless the AMI is registered for IMDSv2 only (ImdsSupport v2.0) or the account's instance metadata defaults require tokens. Protecting the instance role credentials is your configuration: set HttpTokens to required.",
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
      findings: [{ line: 1, column: 10, messageId: 'tokensNotSet', detail: /http_tokens is not set by this template/ }],
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
