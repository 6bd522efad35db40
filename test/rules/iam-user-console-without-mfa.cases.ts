import { rule } from '../../src/rules/iam-user-console-without-mfa';
import type { RuleCases } from './tester';

/** The policy AWS documents for requiring MFA, cut down to its deciding statement. */
const REQUIRE_MFA_YAML = `            Statement:
              - Sid: DenyAllExceptMfaSetupUnlessSignedInWithMfa
                Effect: Deny
                NotAction: [iam:CreateVirtualMFADevice, iam:EnableMFADevice, iam:ListMFADevices, sts:GetSessionToken]
                Resource: "*"
                Condition:
                  BoolIfExists:
                    aws:MultiFactorAuthPresent: "false"`;

export const cases: RuleCases = {
  rule,
  valid: [
    {
      syntax: 'yaml',
      code: `Parameters:
  InitialPassword:
    Type: String
    NoEcho: true
Resources:
  Alice:
    Type: AWS::IAM::User
    Properties:
      LoginProfile:
        Password: !Ref InitialPassword
        PasswordResetRequired: true
      Groups: [!Ref People]
  People:
    Type: AWS::IAM::Group
    Properties:
      Policies:
        - PolicyName: require-mfa
          PolicyDocument:
${REQUIRE_MFA_YAML}
`,
    },
    {
      syntax: 'yaml',
      name: 'no login profile: no console password',
      code: `Resources:
  Robot:
    Type: AWS::IAM::User
    Properties:
      Path: /robots/
`,
    },
    {
      syntax: 'yaml',
      name: 'a group defined outside the template may require MFA',
      code: `Resources:
  Bob:
    Type: AWS::IAM::User
    Properties:
      LoginProfile:
        Password: "{{resolve:secretsmanager:bob-initial:SecretString:password}}"
      Groups: [people-with-mfa]
`,
    },
    {
      syntax: 'yaml',
      name: 'a customer managed policy from elsewhere may require MFA; AWS managed ones do not',
      code: `Resources:
  Carol:
    Type: AWS::IAM::User
    Properties:
      LoginProfile:
        Password: "{{resolve:secretsmanager:carol-initial:SecretString:password}}"
      ManagedPolicyArns:
        - arn:aws:iam::aws:policy/ReadOnlyAccess
        - !ImportValue RequireMfaPolicyArn
`,
    },
    {
      syntax: 'yaml',
      name: 'a stand-alone managed policy in the template attached through Users',
      code: `Resources:
  Dave:
    Type: AWS::IAM::User
    Properties:
      LoginProfile:
        Password: "{{resolve:secretsmanager:dave-initial:SecretString:password}}"
  RequireMfa:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      Users: [!Ref Dave]
      PolicyDocument:
${REQUIRE_MFA_YAML.replace(/^ {4}/gm, '')}
`,
    },
    {
      syntax: 'yaml',
      name: 'a login profile behind !If is unknown',
      code: `Conditions:
  Console: !Equals [!Ref AWS::Region, eu-west-1]
Resources:
  Erin:
    Type: AWS::IAM::User
    Properties:
      LoginProfile: !If [Console, { Password: "{{resolve:secretsmanager:erin:SecretString:password}}" }, !Ref AWS::NoValue]
`,
    },
    {
      syntax: 'json',
      code: `{
  "Resources": {
    "Frank": {
      "Type": "AWS::IAM::User",
      "Properties": {
        "LoginProfile": { "Password": "{{resolve:secretsmanager:frank:SecretString:password}}" },
        "Policies": [
          {
            "PolicyName": "require-mfa",
            "PolicyDocument": {
              "Statement": [
                { "Effect": "Deny", "NotAction": "iam:*", "Resource": "*", "Condition": { "BoolIfExists": { "aws:MultiFactorAuthPresent": "false" } } }
              ]
            }
          }
        ]
      }
    }
  }
}
`,
    },
    {
      syntax: 'terraform',
      code: `resource "aws_iam_user" "alice" {
  name = "alice"
}

resource "aws_iam_user_login_profile" "alice" {
  user    = aws_iam_user.alice.name
  pgp_key = "keybase:alice"
}

resource "aws_iam_group" "people" {
  name = "people"
}

resource "aws_iam_user_group_membership" "alice" {
  user   = aws_iam_user.alice.name
  groups = [aws_iam_group.people.name]
}

resource "aws_iam_group_policy_attachment" "require_mfa" {
  group      = aws_iam_group.people.name
  policy_arn = aws_iam_policy.require_mfa.arn
}

resource "aws_iam_policy" "require_mfa" {
  name   = "require-mfa"
  policy = data.aws_iam_policy_document.require_mfa.json
}

data "aws_iam_policy_document" "require_mfa" {
  statement {
    effect      = "Deny"
    not_actions = ["iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "sts:GetSessionToken"]
    resources   = ["*"]
    condition {
      test     = "BoolIfExists"
      variable = "aws:MultiFactorAuthPresent"
      values   = ["false"]
    }
  }
}
`,
    },
    {
      syntax: 'terraform',
      name: 'no login profile',
      code: `resource "aws_iam_user" "ci" {
  name = "ci"
}
`,
    },
    {
      syntax: 'terraform',
      name: 'a group that is not in this module may require MFA',
      code: `resource "aws_iam_user" "bob" {
  name = "bob"
}

resource "aws_iam_user_login_profile" "bob" {
  user = aws_iam_user.bob.name
}

resource "aws_iam_user_group_membership" "bob" {
  user   = aws_iam_user.bob.name
  groups = ["people-with-mfa"]
}
`,
    },
    {
      syntax: 'terraform',
      name: 'an inline user policy conditioned on MFA, in another file',
      code: {
        'users.tf': `resource "aws_iam_user" "carol" {
  name = "carol"
}

resource "aws_iam_user_login_profile" "carol" {
  user = aws_iam_user.carol.name
}
`,
        'mfa.tf': `resource "aws_iam_user_policy" "carol_mfa" {
  user = aws_iam_user.carol.name
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Action    = "*"
      Resource  = "*"
      Condition = { Bool = { "aws:MultiFactorAuthPresent" = "true" } }
    }]
  })
}
`,
      },
    },
  ],
  invalid: [
    {
      syntax: 'yaml',
      code: `Parameters:
  InitialPassword:
    Type: String
    NoEcho: true
Resources:
  Alice:
    Type: AWS::IAM::User
    Properties:
      LoginProfile:
        Password: !Ref InitialPassword
        PasswordResetRequired: true
      ManagedPolicyArns:
        - arn:aws:iam::aws:policy/ReadOnlyAccess
`,
      findings: [
        {
          line: 9,
          column: 7,
          messageId: 'noMfa',
          message: "You · Identity and access: IAM user 'Alice' can sign in to the console without MFA",
          detail:
            'It has a LoginProfile, so it can sign in to the console, and no policy in this template requires MFA for it. AWS supports MFA for IAM users but does not require it; requiring it is yours: deny access when aws:MultiFactorAuthPresent is false, or move people to IAM Identity Center.',
        },
      ],
    },
    {
      syntax: 'yaml',
      name: 'its group, policies and memberships are all in the template, and none requires MFA',
      code: `Resources:
  Bob:
    Type: AWS::IAM::User
    Properties:
      LoginProfile:
        Password: "{{resolve:secretsmanager:bob:SecretString:password}}"
  Ops:
    Type: AWS::IAM::Group
    Properties:
      ManagedPolicyArns: [!Sub "arn:\${AWS::Partition}:iam::aws:policy/PowerUserAccess"]
  BobInOps:
    Type: AWS::IAM::UserToGroupAddition
    Properties:
      GroupName: !Ref Ops
      Users: [!Ref Bob]
  OpsExtra:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: extra
      Groups: [!Ref Ops]
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action: logs:*
            Resource: "*"
`,
      findings: [{ line: 5, column: 7 }],
    },
    {
      syntax: 'json',
      code: `{
  "Resources": {
    "Carol": {
      "Type": "AWS::IAM::User",
      "Properties": {
        "LoginProfile": { "Password": "{{resolve:secretsmanager:carol:SecretString:password}}" }
      }
    }
  }
}
`,
      findings: [{ line: 6, column: 9 }],
    },
    {
      syntax: 'terraform',
      code: `resource "aws_iam_user" "alice" {
  name = "alice"
}

resource "aws_iam_user_login_profile" "alice" {
  user    = aws_iam_user.alice.name
  pgp_key = "keybase:alice"
}
`,
      findings: [
        {
          line: 1,
          column: 10,
          messageId: 'noMfa',
          message: "You · Identity and access: IAM user 'aws_iam_user.alice' can sign in to the console without MFA",
          detail:
            'It has an aws_iam_user_login_profile, so it can sign in to the console, and no policy in this module requires MFA for it. AWS supports MFA for IAM users but does not require it; requiring it is yours: deny access when aws:MultiFactorAuthPresent is false, or move people to IAM Identity Center.',
        },
      ],
    },
    {
      syntax: 'terraform',
      name: 'group membership and attached policies across files, none about MFA',
      code: {
        'users.tf': `resource "aws_iam_user" "dave" {
  name = "dave"
}

resource "aws_iam_user_login_profile" "dave" {
  user = aws_iam_user.dave.name
}

resource "aws_iam_virtual_mfa_device" "dave" {
  virtual_mfa_device_name = "dave"
}
`,
        'groups.tf': `resource "aws_iam_group" "ops" {
  name = "ops"
}

resource "aws_iam_group_membership" "ops" {
  name  = "ops"
  group = aws_iam_group.ops.name
  users = [aws_iam_user.dave.name]
}

resource "aws_iam_group_policy_attachment" "ops_read" {
  group      = aws_iam_group.ops.name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

resource "aws_iam_policy_attachment" "ops_logs" {
  name       = "ops-logs"
  groups     = [aws_iam_group.ops.name]
  policy_arn = aws_iam_policy.logs.arn
}

resource "aws_iam_policy" "logs" {
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "logs:*", Resource = "*" }] })
}
`,
      },
      findings: [{ line: 1, column: 10, file: 'users.tf' }],
    },
  ],
};
