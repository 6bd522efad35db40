import { rule } from '../../src/rules/iam-power-user-access';
import type { RuleCases } from './tester';

export const cases: RuleCases = {
  rule,
  valid: [
    {
      syntax: 'yaml',
      name: 'other managed policies, a customer-managed policy of the same name, unknown ARNs',
      code: `Parameters:
  PolicyArn:
    Type: String
Resources:
  Dev:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: {}
      ManagedPolicyArns:
        - arn:aws:iam::aws:policy/ReadOnlyAccess
        - arn:aws:iam::123456789012:policy/PowerUserAccess
        - !Ref PolicyArn
`,
    },
    {
      syntax: 'terraform',
      code: `variable "policy_arn" {
  type = string
}

resource "aws_iam_role_policy_attachment" "dev" {
  role       = "dev"
  policy_arn = var.policy_arn
}
`,
    },
    {
      syntax: 'json',
      code: `{
  "Resources": {
    "Dev": {
      "Type": "AWS::IAM::User",
      "Properties": { "ManagedPolicyArns": [{ "Fn::Sub": "arn:\${AWS::Partition}:iam::aws:policy/ReadOnlyAccess" }] }
    }
  }
}
`,
    },
  ],
  invalid: [
    {
      syntax: 'yaml',
      code: `Resources:
  Dev:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: {}
      ManagedPolicyArns:
        - !Sub arn:\${AWS::Partition}:iam::aws:policy/PowerUserAccess
`,
      findings: [
        {
          line: 7,
          column: 11,
          messageId: 'powerUser',
          data: { subject: "Role 'Dev'" },
          message: "You · Identity and access: role 'Dev' attaches PowerUserAccess",
          detail:
            'PowerUserAccess is an AWS-managed policy that allows every action except IAM, Organizations and account management, on every resource. AWS maintains what the policy grants; attaching it is yours: attach a policy with the actions and resources this identity needs instead.',
          severity: 'warning',
        },
      ],
    },
    {
      syntax: 'json',
      code: `{
  "Transform": "AWS::Serverless-2016-10-31",
  "Resources": {
    "Fn": {
      "Type": "AWS::Serverless::Function",
      "Properties": { "Runtime": "python3.12", "Handler": "app.handler", "CodeUri": "src/", "Policies": "PowerUserAccess" }
    }
  }
}
`,
      findings: [
        { line: 6, column: 105, messageId: 'powerUser', data: { subject: "The role SAM creates for function 'Fn'" } },
      ],
    },
    {
      syntax: 'terraform',
      code: `resource "aws_iam_user_policy_attachment" "dev" {
  user       = "dev"
  policy_arn = "arn:\${data.aws_partition.current.partition}:iam::aws:policy/PowerUserAccess"
}
`,
      findings: [
        {
          line: 3,
          column: 16,
          messageId: 'powerUser',
          data: { subject: "Policy attachment 'aws_iam_user_policy_attachment.dev'" },
        },
      ],
    },
  ],
};
