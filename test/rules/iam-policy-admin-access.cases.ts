import { rule } from '../../src/rules/iam-policy-admin-access';
import type { RuleCases } from './tester';

export const cases: RuleCases = {
  rule,
  valid: [
    {
      syntax: 'yaml',
      code: `Resources:
  ReadReports:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Action: s3:GetObject
            Resource: arn:aws:s3:::reports/*
`,
    },
    {
      syntax: 'yaml',
      name: 'a Deny of everything is not a grant',
      code: `Resources:
  Fence:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: fence
      Roles: [!Ref Worker]
      PolicyDocument:
        Statement:
          - Effect: Deny
            Action: "*"
            Resource: "*"
`,
    },
    {
      syntax: 'yaml',
      name: 'every action, but on named resources only',
      code: `Resources:
  Owner:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { Service: lambda.amazonaws.com }
            Action: sts:AssumeRole
      Policies:
        - PolicyName: own-bucket
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: "*"
                Resource: [arn:aws:s3:::mine, arn:aws:s3:::mine/*]
`,
    },
    {
      syntax: 'yaml',
      name: 'every action of one service is another question (not administrator access)',
      code: `Resources:
  S3Admin:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action: s3:*
            Resource: "*"
`,
    },
    {
      syntax: 'yaml',
      name: 'inline policies behind !If are unknown',
      code: `Conditions:
  Dev: !Equals [!Ref AWS::Region, eu-west-1]
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { Service: ec2.amazonaws.com }
            Action: sts:AssumeRole
      Policies: !If
        - Dev
        - - PolicyName: root
            PolicyDocument:
              Statement:
                - Effect: Allow
                  Action: "*"
                  Resource: "*"
        - !Ref AWS::NoValue
`,
    },
    {
      syntax: 'yaml',
      name: 'an Effect from a parameter without default is unknown',
      code: `Parameters:
  Effect:
    Type: String
Resources:
  Maybe:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - Effect: !Ref Effect
            Action: "*"
            Resource: "*"
`,
    },
    {
      syntax: 'json',
      code: `{
  "Resources": {
    "Reader": {
      "Type": "AWS::IAM::Policy",
      "Properties": {
        "PolicyName": "reader",
        "Groups": [{ "Ref": "Readers" }],
        "PolicyDocument": {
          "Statement": [{ "Effect": "Allow", "Action": ["s3:GetObject"], "Resource": "arn:aws:s3:::reports/*" }]
        }
      }
    }
  }
}
`,
    },
    {
      syntax: 'terraform',
      code: `data "aws_iam_policy_document" "read" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::reports/*"]
  }
}

resource "aws_iam_policy" "read" {
  name   = "read"
  policy = data.aws_iam_policy_document.read.json
}
`,
    },
    {
      syntax: 'terraform',
      name: 'a policy from a variable without default is unknown',
      code: `variable "policy" {
  type = string
}

resource "aws_iam_role_policy" "p" {
  role   = aws_iam_role.r.id
  policy = var.policy
}
`,
    },
    {
      syntax: 'terraform',
      name: 'a statement effect from a variable without default is unknown',
      code: `variable "effect" {}

data "aws_iam_policy_document" "p" {
  statement {
    effect    = var.effect
    actions   = ["*"]
    resources = ["*"]
  }
}

resource "aws_iam_user_policy" "p" {
  user   = "ci"
  policy = data.aws_iam_policy_document.p.json
}
`,
    },
    {
      syntax: 'terraform',
      name: 'a heredoc with interpolation is unknown',
      code: `resource "aws_iam_group_policy" "p" {
  group  = "ops"
  policy = <<EOF
{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "\${var.scope}"}]}
EOF
}
`,
    },
    {
      syntax: 'yaml',
      name: 'managed policies: read-only, a customer-managed policy named like an AWS one, unknown ARNs',
      code: `Parameters:
  PolicyArn:
    Type: String
  PolicyName:
    Type: String
Conditions:
  Dev: !Equals [!Ref AWS::Region, eu-west-1]
Resources:
  Reader:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: {}
      ManagedPolicyArns:
        - arn:aws:iam::aws:policy/ReadOnlyAccess
        - arn:aws:iam::123456789012:policy/AdministratorAccess
        - !Sub arn:\${AWS::Partition}:iam::\${AWS::AccountId}:policy/AdministratorAccess
        - !Ref PolicyArn
        - !Sub arn:\${AWS::Partition}:iam::aws:policy/\${PolicyName}
        - !If [Dev, arn:aws:iam::aws:policy/AdministratorAccess, arn:aws:iam::aws:policy/ReadOnlyAccess]
`,
    },
    {
      syntax: 'yaml',
      name: 'SAM ignores Policies when the function names its own Role',
      code: `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      CodeUri: src/
      Role: arn:aws:iam::123456789012:role/fn
      Policies:
        - AdministratorAccess
`,
    },
    {
      syntax: 'terraform',
      name: 'managed policies: unknown ARN, read-only, name not literal',
      code: `variable "policy_arn" {
  type = string
}

variable "policy_name" {
  type = string
}

resource "aws_iam_role_policy_attachment" "given" {
  role       = "ci"
  policy_arn = var.policy_arn
}

resource "aws_iam_role_policy_attachment" "read" {
  role       = "ci"
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

resource "aws_iam_role_policy_attachment" "named" {
  role       = "ci"
  policy_arn = "arn:\${data.aws_partition.current.partition}:iam::aws:policy/\${var.policy_name}"
}
`,
    },
  ],
  invalid: [
    {
      syntax: 'yaml',
      name: 'AWS-managed AdministratorAccess and IAMFullAccess attached to a role',
      code: `Resources:
  Deployer:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: {}
      ManagedPolicyArns:
        - arn:aws:iam::aws:policy/AdministratorAccess
        - !Sub arn:\${AWS::Partition}:iam::aws:policy/IAMFullAccess
        - !Sub "arn:\${AWS::Partition}:iam::aws:policy/ReadOnlyAccess"
`,
      findings: [
        {
          line: 7,
          column: 11,
          messageId: 'managedAdministrator',
          data: { subject: "Role 'Deployer'", policy: 'AdministratorAccess' },
          message: "You · Identity and access: role 'Deployer' attaches AdministratorAccess",
          detail:
            'AdministratorAccess is an AWS-managed policy that allows every action on every resource: full administrator access. AWS maintains what the policy grants; attaching it is yours: attach a policy with the actions and resources this identity needs instead.',
          severity: 'error',
        },
        {
          line: 8,
          column: 11,
          messageId: 'managedIamFull',
          data: { subject: "Role 'Deployer'", policy: 'IAMFullAccess' },
        },
      ],
    },
    {
      syntax: 'yaml',
      name: 'a parameter default names the policy',
      code: `Parameters:
  PolicyArn:
    Type: String
    Default: arn:aws:iam::aws:policy/AdministratorAccess
Resources:
  Ops:
    Type: AWS::IAM::Group
    Properties:
      ManagedPolicyArns: [!Ref PolicyArn]
`,
      findings: [{ line: 9, column: 27, messageId: 'managedAdministrator', data: { subject: "Group 'Ops'" } }],
    },
    {
      syntax: 'json',
      name: 'the Fn::Join the AWS CDK writes, and Fn::Sub, on users',
      code: `{
  "Resources": {
    "Admin": {
      "Type": "AWS::IAM::User",
      "Properties": {
        "ManagedPolicyArns": [
          { "Fn::Join": ["", ["arn:", { "Ref": "AWS::Partition" }, ":iam::aws:policy/AdministratorAccess"]] }
        ]
      }
    },
    "IamAdmin": {
      "Type": "AWS::IAM::User",
      "Properties": {
        "ManagedPolicyArns": [{ "Fn::Sub": "arn:\${AWS::Partition}:iam::aws:policy/IAMFullAccess" }]
      }
    }
  }
}
`,
      findings: [
        { line: 7, column: 11, messageId: 'managedAdministrator', data: { subject: "User 'Admin'" } },
        { line: 14, column: 31, messageId: 'managedIamFull', data: { subject: "User 'IamAdmin'" } },
      ],
    },
    {
      syntax: 'yaml',
      name: 'SAM Policies: reported once, on the function as written (not again on the role SAM writes)',
      code: `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      CodeUri: src/
      Policies:
        - AWSLambdaExecute
        - AdministratorAccess
        - arn:aws:iam::aws:policy/IAMFullAccess
`,
      findings: [
        {
          line: 11,
          column: 11,
          messageId: 'managedAdministrator',
          data: { subject: "The role SAM creates for function 'Fn'" },
        },
        { line: 12, column: 11, messageId: 'managedIamFull' },
      ],
    },
    {
      syntax: 'terraform',
      name: 'every Terraform attachment, with a partition template',
      code: `data "aws_partition" "current" {}

resource "aws_iam_role_policy_attachment" "admin" {
  role       = "ci"
  policy_arn = "arn:\${data.aws_partition.current.partition}:iam::aws:policy/AdministratorAccess"
}

resource "aws_iam_user_policy_attachment" "iam" {
  user       = "ops"
  policy_arn = "arn:aws:iam::aws:policy/IAMFullAccess"
}

resource "aws_iam_group_policy_attachment" "admin" {
  group      = "ops"
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

resource "aws_iam_policy_attachment" "admin" {
  name       = "admins"
  roles      = ["ci"]
  policy_arn = "arn:aws-us-gov:iam::aws:policy/AdministratorAccess"
}

resource "aws_iam_role" "ci" {
  name                = "ci"
  assume_role_policy  = "{}"
  managed_policy_arns = ["arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::aws:policy/AdministratorAccess"]
}
`,
      findings: [
        {
          line: 5,
          column: 16,
          messageId: 'managedAdministrator',
          data: { subject: "Policy attachment 'aws_iam_role_policy_attachment.admin'" },
        },
        { line: 10, column: 16, messageId: 'managedIamFull' },
        { line: 15, column: 16, messageId: 'managedAdministrator' },
        { line: 21, column: 16, messageId: 'managedAdministrator' },
        { line: 27, column: 68, messageId: 'managedAdministrator', data: { subject: "Role 'aws_iam_role.ci'" } },
      ],
    },
    {
      syntax: 'terraform',
      name: 'for_each over known ARNs: the instance that attaches AdministratorAccess',
      code: `resource "aws_iam_role_policy_attachment" "this" {
  for_each   = toset(["arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::aws:policy/AdministratorAccess"])
  role       = "ci"
  policy_arn = each.value
}
`,
      findings: [
        {
          line: 4,
          column: 16,
          messageId: 'managedAdministrator',
          detail: /aws_iam_role_policy_attachment\.this\["arn:aws:iam::aws:policy\/AdministratorAccess"\]/,
        },
      ],
    },
    {
      syntax: 'yaml',
      code: `Resources:
  Everything:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Action: s3:GetObject
            Resource: arn:aws:s3:::reports/*
          - Effect: Allow
            Action: "*"
            Resource: "*"
`,
      findings: [
        {
          line: 11,
          column: 13,
          messageId: 'adminAccess',
          message: "You · Identity and access: IAM policy 'Everything' allows every action on every resource",
          detail:
            'Action "*" on Resource "*" is full administrator access. AWS applies the policy exactly as written; limiting it to the actions and resources this identity needs is yours.',
        },
      ],
    },
    {
      syntax: 'yaml',
      name: 'inline policy of a role, with *:*',
      code: `Resources:
  Admin:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { Service: ec2.amazonaws.com }
            Action: sts:AssumeRole
      Policies:
        - PolicyName: root
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: ["*:*"]
                Resource: ["*"]
`,
      findings: [{ line: 14, column: 17, messageId: 'adminAccess', message: /Inline policy 'root' of 'Admin'/ }],
    },
    {
      syntax: 'yaml',
      name: 'a policy written as a JSON block string points at its statement',
      code: `Resources:
  Legacy:
    Type: AWS::IAM::UserPolicy
    Properties:
      UserName: legacy
      PolicyName: legacy
      PolicyDocument: |
        {
          "Statement": [
            {
              "Effect": "Allow",
              "Action": "*",
              "Resource": "*"
            }
          ]
        }
`,
      findings: [{ line: 10, column: 13 }],
    },
    {
      syntax: 'yaml',
      name: 'SAM function policies: names and templates are left alone, inline statements are read',
      code: `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      CodeUri: src/
      Policies:
        - AWSLambdaBasicExecutionRole
        - S3ReadPolicy:
            BucketName: reports
        - Statement:
            - Effect: Allow
              Action: "*"
              Resource: "*"
`,
      findings: [
        {
          line: 14,
          column: 15,
          messageId: 'adminAccess',
          message: "You · Identity and access: an inline policy of 'Fn' allows every action on every resource",
          detail:
            'Action "*" on Resource "*" is full administrator access. AWS applies the policy exactly as written; limiting it to the actions and resources this identity needs is yours.',
        },
      ],
    },
    {
      syntax: 'json',
      code: `{
  "Resources": {
    "Root": {
      "Type": "AWS::IAM::Group",
      "Properties": {
        "Policies": [
          {
            "PolicyName": "root",
            "PolicyDocument": {
              "Statement": [
                { "Effect": "Allow", "Action": "*", "Resource": "*" }
              ]
            }
          }
        ]
      }
    }
  }
}
`,
      findings: [{ line: 11, column: 17, messageId: 'adminAccess', message: /Inline policy 'root' of 'Root'/ }],
    },
    {
      syntax: 'terraform',
      code: `resource "aws_iam_policy" "admin" {
  name = "admin"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = "*"
        Resource = "*"
      },
    ]
  })
}
`,
      findings: [{ line: 6, column: 7, messageId: 'adminAccess', message: /IAM policy 'aws_iam_policy.admin'/ }],
    },
    {
      syntax: 'terraform',
      name: 'heredoc: the finding is on the statement inside it',
      code: `resource "aws_iam_role_policy" "admin" {
  role   = aws_iam_role.ci.id
  policy = <<-POLICY
    {
      "Statement": [
        {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*"},
        {"Effect": "Allow", "Action": ["*"], "Resource": ["*"]}
      ]
    }
  POLICY
}
`,
      findings: [{ line: 7, column: 9 }],
    },
    {
      syntax: 'terraform',
      name: 'inline_policy block of a role, document from a data source in another file',
      code: {
        'main.tf': `resource "aws_iam_role" "ci" {
  name               = "ci"
  assume_role_policy = data.aws_iam_policy_document.trust.json

  inline_policy {
    name   = "everything"
    policy = data.aws_iam_policy_document.admin.json
  }
}
`,
        'policies.tf': `data "aws_iam_policy_document" "admin" {
  statement {
    actions   = ["*"]
    resources = ["*"]
  }
}
`,
      },
      findings: [
        {
          line: 7,
          column: 14,
          file: 'main.tf',
          messageId: 'adminAccess',
          message: /Inline policy 'everything' of 'aws_iam_role.ci'/,
        },
      ],
    },
    {
      syntax: 'terraform',
      name: 'IAM Identity Center permission set',
      code: `resource "aws_ssoadmin_permission_set_inline_policy" "admin" {
  instance_arn       = "arn:aws:sso:::instance/ssoins-1234"
  permission_set_arn = aws_ssoadmin_permission_set.admin.arn
  inline_policy      = jsonencode({ Statement = [{ Effect = "Allow", Action = "*:*", Resource = "*" }] })
}
`,
      findings: [
        {
          line: 4,
          column: 50,
          messageId: 'adminAccess',
          detail: /Permission set policy 'aws_ssoadmin_permission_set_inline_policy.admin'/,
        },
      ],
    },
    {
      syntax: 'terraform',
      name: 'a variable default is followed; the finding is where the resource uses it',
      code: {
        'variables.tf': `variable "policy" {
  default = <<EOF
{"Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}
EOF
}
`,
        'main.tf': `resource "aws_iam_user_policy" "legacy" {
  user   = "legacy"
  policy = var.policy
}
`,
      },
      findings: [{ line: 3, column: 12, file: 'main.tf' }],
    },
  ],
};
