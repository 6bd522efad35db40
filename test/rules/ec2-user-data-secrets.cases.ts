import { rule } from '../../src/rules/ec2-user-data-secrets';
import type { RuleCases } from './tester';

// AWS's documented example keys: not real credentials.
const KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
/** No message may quote a secret. */
const NEVER_ECHOED = /^(?![\s\S]*(IOSFODNN|bPxRfiCY|hunter22|S3cr3t|MIIEow|Tr0ub4dor))/;

export const cases: RuleCases = {
  rule,
  valid: [
    {
      syntax: 'yaml',
      name: 'secrets come from parameters; placeholder values are not keys',
      code: `Resources:\n  Web:\n    Type: AWS::EC2::Instance\n    Properties:\n      UserData:\n        Fn::Base64: !Sub |\n          #!/bin/bash\n          export DB_PASSWORD=\${DbPassword}\n          export AWS_ACCESS_KEY_ID=FOO\n          export AWS_SECRET_ACCESS_KEY=bar\n          aws configure set region \${AWS::Region}\n`,
    },
    {
      syntax: 'yaml',
      name: 'passwords read at boot, cloud-config flags',
      code: `Resources:\n  Web:\n    Type: AWS::EC2::Instance\n    Properties:\n      UserData:\n        Fn::Base64: |\n          #cloud-config\n          users:\n            - name: app\n              lock_passwd: true\n          runcmd:\n            - DB_PASSWORD=$(aws secretsmanager get-secret-value --secret-id db --query SecretString --output text)\n            - mysql -u root --password="$DB_PASSWORD" < /opt/schema.sql\n            - read -s -p "Password: " PW\n`,
    },
    {
      syntax: 'yaml',
      name: 'a password joined from a parameter is unknown',
      code: `Resources:\n  Web:\n    Type: AWS::EC2::Instance\n    Properties:\n      UserData: !Base64\n        Fn::Join:\n          - ''\n          - - "#!/bin/bash\\n"\n            - "DB_PASSWORD="\n            - !Ref DbPassword\n            - "\\n"\n`,
    },
    {
      syntax: 'yaml',
      name: 'a password only partly written out is unknown',
      code: `Resources:\n  Web:\n    Type: AWS::EC2::Instance\n    Properties:\n      UserData: !Base64\n        Fn::Sub: "ADMIN_PASSWORD=abc\${Suffix}"\n`,
    },
    {
      syntax: 'yaml',
      name: 'user data behind !If is unknown',
      code: 'Resources:\n  Web:\n    Type: AWS::EC2::Instance\n    Properties:\n      UserData: !If [HasScript, !Ref Script, !Ref AWS::NoValue]\n',
    },
    {
      syntax: 'json',
      name: 'base64 user data without secrets',
      code: '{"Resources": {"Lc": {"Type": "AWS::AutoScaling::LaunchConfiguration", "Properties": {"ImageId": "ami-1", "InstanceType": "t3.micro", "UserData": "IyEvYmluL2Jhc2gKeXVtIGluc3RhbGwgLXkgaHR0cGQK"}}}}',
    },
    {
      syntax: 'terraform',
      name: 'interpolated secrets are unknown',
      code: 'resource "aws_instance" "web" {\n  user_data = <<-EOT\n    #!/bin/bash\n    export DB_PASSWORD=${var.db_password}\n    export AWS_SECRET_ACCESS_KEY=${aws_iam_access_key.ci.secret}\n  EOT\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'user data from files is unknown',
      code: 'resource "aws_launch_template" "t" {\n  user_data = filebase64("${path.module}/boot.sh")\n}\n\nresource "aws_instance" "web" {\n  user_data = templatefile("${path.module}/boot.sh", { password = "x" })\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a variable without default is unknown',
      code: 'variable "user_data" {}\n\nresource "aws_launch_configuration" "lc" {\n  image_id      = "ami-123"\n  instance_type = "t3.micro"\n  user_data     = var.user_data\n}\n',
    },
  ],
  invalid: [
    {
      syntax: 'yaml',
      name: 'access key id and secret key in a !Sub without variables; each points at the secret',
      code: `Resources:\n  Web:\n    Type: AWS::EC2::Instance\n    Properties:\n      UserData:\n        Fn::Base64: !Sub |\n          #!/bin/bash\n          export AWS_ACCESS_KEY_ID=${KEY_ID}\n          export AWS_SECRET_ACCESS_KEY=${SECRET}\n`,
      findings: [
        {
          line: 8,
          column: 36,
          messageId: 'secretInUserData',
          message: "You · Credentials: EC2 instance 'Web' has an AWS access key id (AKIA…) in its user data",
          detail:
            'User data is readable from the instance metadata service and the EC2 API, so move the secret to Secrets Manager or Parameter Store, fetch it with the instance role, and rotate it.',
        },
        {
          line: 9,
          column: 40,
          messageId: 'secretInUserData',
          message: /^(?![\s\S]*bPxRfiCY).*an AWS secret access key \(assigned to AWS_SECRET_ACCESS_KEY\)/,
        },
      ],
    },
    {
      syntax: 'yaml',
      name: 'a base64 literal is decoded; the finding points at the value',
      code: 'Resources:\n  Web:\n    Type: AWS::EC2::Instance\n    Properties:\n      UserData: IyEvYmluL2Jhc2gKZXhwb3J0IEFXU19BQ0NFU1NfS0VZX0lEPUFLSUFJT1NGT0ROTjdFWEFNUExFCg==\n',
      findings: [
        {
          line: 5,
          column: 17,
          messageId: 'secretInUserData',
          message: /an AWS access key id \(AKIA…\) in its base64-encoded user data/,
          severity: 'error',
        },
      ],
    },
    {
      syntax: 'yaml',
      name: 'a password in the literal parts of Fn::Join',
      code: `Resources:\n  Web:\n    Type: AWS::EC2::Instance\n    Properties:\n      UserData: !Base64\n        Fn::Join:\n          - ''\n          - - "#!/bin/bash\\n"\n            - !Sub "echo \${AWS::Region}\\n"\n            - "MYSQL_ROOT_PASSWORD='S3cr3t!' docker run -d mysql\\n"\n`,
      findings: [{ line: 10, column: 37, message: NEVER_ECHOED, detail: NEVER_ECHOED }],
    },
    {
      syntax: 'yaml',
      name: 'a private key in a launch template',
      code: 'Resources:\n  Tpl:\n    Type: AWS::EC2::LaunchTemplate\n    Properties:\n      LaunchTemplateData:\n        UserData:\n          Fn::Base64: |\n            #!/bin/bash\n            cat > /root/.ssh/id_rsa <<KEY\n            -----BEGIN RSA PRIVATE KEY-----\n            MIIEowIBAAKCAQEAfakefakefake\n            -----END RSA PRIVATE KEY-----\n            KEY\n',
      findings: [
        {
          line: 10,
          column: 13,
          messageId: 'secretInUserData',
          message:
            "You · Credentials: launch template 'Tpl' has a private key (-----BEGIN RSA PRIVATE KEY-----) in its user data",
          detail:
            'User data is readable from the instance metadata service and the EC2 API, so move the secret to Secrets Manager or Parameter Store, fetch it with the instance role, and rotate it.',
        },
      ],
    },
    {
      syntax: 'json',
      name: 'a password in a launch configuration',
      code: '{\n  "Resources": {\n    "Lc": {\n      "Type": "AWS::AutoScaling::LaunchConfiguration",\n      "Properties": {\n        "ImageId": "ami-1",\n        "InstanceType": "t3.micro",\n        "UserData": {"Fn::Base64": {"Fn::Join": ["", ["#!/bin/bash\\n", "export DB_PASSWORD=hunter22\\n"]]}}\n      }\n    }\n  }\n}\n',
      findings: [
        {
          line: 8,
          column: 92,
          messageId: 'secretInUserData',
          message:
            "You · Credentials: launch configuration 'Lc' has a password (assigned to DB_PASSWORD) in its user data",
          detail:
            'User data is readable from the instance metadata service and the EC2 API, so move the secret to Secrets Manager or Parameter Store, fetch it with the instance role, and rotate it.',
        },
      ],
    },
    {
      syntax: 'json',
      name: 'a secret key set with aws configure, base64-encoded',
      code: '{"Resources": {"Web": {"Type": "AWS::EC2::Instance", "Properties": {"UserData": "IyEvYmluL2Jhc2gKYXdzIGNvbmZpZ3VyZSBzZXQgYXdzX3NlY3JldF9hY2Nlc3Nfa2V5IHdKYWxyWFV0bkZFTUkvSzdNREVORy9iUHhSZmlDWUVYQU1QTEVLRVkK"}}}}',
      findings: [
        {
          line: 1,
          column: 81,
          messageId: 'secretInUserData',
          detail: /an AWS secret access key \(assigned to aws_secret_access_key\) in its base64-encoded user data/,
        },
      ],
    },
    {
      syntax: 'terraform',
      name: 'a heredoc with an access key id',
      code: `resource "aws_instance" "web" {\n  ami       = "ami-123"\n  user_data = <<EOF\n#!/bin/bash\nexport AWS_ACCESS_KEY_ID=${KEY_ID}\nEOF\n}\n`,
      findings: [{ line: 5, column: 26, message: NEVER_ECHOED, detail: NEVER_ECHOED }],
    },
    {
      syntax: 'terraform',
      name: 'literal parts of a template passed to base64encode',
      code: 'resource "aws_launch_template" "t" {\n  user_data = base64encode(<<-EOT\n    #!/bin/bash\n    echo "region ${var.region}"\n    rabbitmqctl add_user admin --password=Tr0ub4dor\n  EOT\n  )\n}\n',
      findings: [{ line: 5, column: 43, message: NEVER_ECHOED, detail: NEVER_ECHOED }],
    },
    {
      syntax: 'terraform',
      name: 'base64 user data on a launch configuration',
      code: 'resource "aws_launch_configuration" "lc" {\n  image_id         = "ami-123"\n  instance_type    = "t3.micro"\n  user_data_base64 = "IyEvYmluL2Jhc2gKZXhwb3J0IEFXU19BQ0NFU1NfS0VZX0lEPUFLSUFJT1NGT0ROTjdFWEFNUExFCg=="\n}\n',
      findings: [{ line: 4, column: 22 }],
    },
    {
      syntax: 'terraform',
      name: 'a script held in a local of another file',
      code: {
        'locals.tf':
          'locals {\n  boot = <<-EOT\n    #!/bin/bash\n    hostnamectl set-hostname ${var.name}\n    export AWS_ACCESS_KEY_ID=ASIAIOSFODNN7EXAMPLE\n  EOT\n}\n',
        'main.tf': 'resource "aws_instance" "web" {\n  user_data = local.boot\n}\n',
      },
      findings: [
        {
          line: 2,
          column: 15,
          file: 'main.tf',
          messageId: 'secretInUserData',
          message: /temporary AWS credentials \(ASIA…\)/,
        },
      ],
    },
  ],
};
