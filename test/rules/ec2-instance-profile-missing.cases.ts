import { rule } from '../../src/rules/ec2-instance-profile-missing';
import type { RuleCases } from './tester';

// AWS's documented example keys: not real credentials.
const KEY_LINES =
  'export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\nexport AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n';
const indent = (text: string, by: string) => text.replace(/^(?=.)/gm, by);

export const cases: RuleCases = {
  rule,
  valid: [
    {
      syntax: 'yaml',
      name: 'keys in user data but a role is attached (the secret itself is another rule)',
      code: `Resources:\n  Web:\n    Type: AWS::EC2::Instance\n    Properties:\n      IamInstanceProfile: !Ref Profile\n      UserData:\n        Fn::Base64: |\n${indent(KEY_LINES, '          ')}`,
    },
    {
      syntax: 'yaml',
      name: 'no role and no keys',
      code: 'Resources:\n  Web:\n    Type: AWS::EC2::Instance\n    Properties:\n      UserData:\n        Fn::Base64: |\n          #!/bin/bash\n          yum install -y httpd\n',
    },
    {
      syntax: 'yaml',
      name: 'a password is not an AWS key',
      code: 'Resources:\n  Web:\n    Type: AWS::EC2::Instance\n    Properties:\n      UserData:\n        Fn::Base64: |\n          #!/bin/bash\n          export DB_PASSWORD=hunter22\n',
    },
    {
      syntax: 'yaml',
      name: 'an instance launched from a launch template takes its profile from it',
      code: `Resources:\n  Web:\n    Type: AWS::EC2::Instance\n    Properties:\n      LaunchTemplate:\n        LaunchTemplateId: !Ref Tpl\n        Version: "1"\n      UserData:\n        Fn::Base64: |\n${indent(KEY_LINES, '          ')}`,
    },
    {
      syntax: 'json',
      code: '{"Resources": {"Tpl": {"Type": "AWS::EC2::LaunchTemplate", "Properties": {"LaunchTemplateData": {"IamInstanceProfile": {"Arn": "arn:aws:iam::123456789012:instance-profile/web"}, "UserData": {"Fn::Base64": "export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE"}}}}}}',
    },
    {
      syntax: 'terraform',
      code: `resource "aws_instance" "web" {\n  iam_instance_profile = aws_iam_instance_profile.web.name\n  user_data            = <<EOF\n${KEY_LINES}EOF\n}\n`,
    },
    {
      syntax: 'terraform',
      name: 'keys from variables are unknown',
      code: 'resource "aws_instance" "web" {\n  user_data = <<-EOT\n    export AWS_ACCESS_KEY_ID=${var.key_id}\n    export AWS_SECRET_ACCESS_KEY=${var.secret}\n  EOT\n}\n',
    },
  ],
  invalid: [
    {
      syntax: 'yaml',
      name: 'instance with keys and no profile',
      code: `Resources:\n  Web:\n    Type: AWS::EC2::Instance\n    Properties:\n      ImageId: ami-12345678\n      UserData:\n        Fn::Base64: !Sub |\n          #!/bin/bash\n${indent(KEY_LINES, '          ')}`,
      findings: [
        {
          line: 3,
          column: 11,
          messageId: 'keysWithoutProfile',
          message: "You · Identity and access: EC2 instance 'Web' has access keys in user data and no instance profile",
          detail:
            'It has AWS access keys in its user data and no instance profile. With an IAM role attached through an instance profile, AWS hands the instance short-lived credentials and rotates them for you; static keys are yours to rotate and revoke.',
        },
      ],
    },
    {
      syntax: 'yaml',
      name: 'launch template with keys and no profile',
      code: `Resources:\n  Tpl:\n    Type: AWS::EC2::LaunchTemplate\n    Properties:\n      LaunchTemplateData:\n        UserData:\n          Fn::Base64: |\n${indent(KEY_LINES, '            ')}`,
      findings: [
        {
          line: 3,
          column: 11,
          messageId: 'keysWithoutProfile',
          message:
            "You · Identity and access: launch template 'Tpl' has access keys in user data and no instance profile",
          detail:
            'It has AWS access keys in its user data and no instance profile. With an IAM role attached through an instance profile, AWS hands its instances short-lived credentials and rotates them for you; static keys are yours to rotate and revoke.',
        },
      ],
    },
    {
      syntax: 'json',
      name: 'launch configuration with base64 user data',
      code: '{\n  "Resources": {\n    "Lc": {\n      "Type": "AWS::AutoScaling::LaunchConfiguration",\n      "Properties": {\n        "ImageId": "ami-1",\n        "InstanceType": "t3.micro",\n        "UserData": "IyEvYmluL2Jhc2gKZXhwb3J0IEFXU19BQ0NFU1NfS0VZX0lEPUFLSUFJT1NGT0ROTjdFWEFNUExFCg=="\n      }\n    }\n  }\n}\n',
      findings: [{ line: 4, column: 15 }],
    },
    {
      syntax: 'terraform',
      name: 'instance with keys in a heredoc',
      code: `resource "aws_instance" "web" {\n  ami       = "ami-123"\n  user_data = <<EOF\n${KEY_LINES}EOF\n}\n`,
      findings: [{ line: 1, column: 10 }],
    },
    {
      syntax: 'terraform',
      name: 'launch configuration with keys in a local of another file',
      code: {
        'locals.tf': `locals {\n  boot = <<EOF\n${KEY_LINES}EOF\n}\n`,
        'asg.tf':
          'resource "aws_launch_configuration" "lc" {\n  image_id      = "ami-123"\n  instance_type = "t3.micro"\n  user_data     = local.boot\n}\n',
      },
      findings: [{ line: 1, column: 10, file: 'asg.tf' }],
    },
  ],
};
