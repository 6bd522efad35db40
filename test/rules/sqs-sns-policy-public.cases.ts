import { rule } from '../../src/rules/sqs-sns-policy-public';
import type { RuleCases } from './tester';

export const cases: RuleCases = {
  rule,
  valid: [
    {
      syntax: 'yaml',
      name: 'a named account',
      code: 'Resources:\n  P:\n    Type: AWS::SQS::QueuePolicy\n    Properties:\n      Queues: [!Ref Q]\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: { AWS: "arn:aws:iam::123456789012:root" }\n            Action: sqs:SendMessage\n            Resource: "*"\n',
    },
    {
      syntax: 'yaml',
      name: 'anyone, narrowed to one source ARN',
      code: 'Resources:\n  P:\n    Type: AWS::SNS::TopicPolicy\n    Properties:\n      Topics: [!Ref T]\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: "*"\n            Action: sns:Publish\n            Resource: !Ref T\n            Condition:\n              ArnEquals:\n                aws:SourceArn: arn:aws:s3:::my-bucket\n',
    },
    {
      syntax: 'yaml',
      name: 'a policy behind !If is unknown',
      code: 'Resources:\n  P:\n    Type: AWS::SQS::QueuePolicy\n    Properties:\n      Queues: [!Ref Q]\n      PolicyDocument: !If [Open, { Statement: [] }, { Statement: [] }]\n',
    },
    {
      syntax: 'json',
      code: '{"Resources": {"P": {"Type": "AWS::SNS::TopicPolicy", "Properties": {"Topics": [{"Ref": "T"}], "PolicyDocument": {"Statement": [{"Effect": "Deny", "Principal": "*", "Action": "sns:*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}}}}}',
    },
    {
      syntax: 'terraform',
      code: 'resource "aws_sqs_queue_policy" "p" {\n  queue_url = aws_sqs_queue.q.id\n  policy = jsonencode({\n    Statement = [{\n      Effect    = "Allow"\n      Principal = { Service = "sns.amazonaws.com" }\n      Action    = "sqs:SendMessage"\n      Resource  = aws_sqs_queue.q.arn\n    }]\n  })\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a policy from a variable without default is unknown',
      code: 'variable "policy" {}\n\nresource "aws_sns_topic" "t" {\n  policy = var.policy\n}\n',
    },
  ],
  invalid: [
    {
      syntax: 'yaml',
      code: 'Resources:\n  P:\n    Type: AWS::SQS::QueuePolicy\n    Properties:\n      Queues: [!Ref Q]\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: "*"\n            Action: sqs:*\n            Resource: "*"\n',
      findings: [
        {
          line: 8,
          column: 13,
          messageId: 'publicPolicy',
          message: 'You · Identity and access: \'P\' has a queue policy that allows anyone (Principal "*")',
          detail:
            'The statement has no condition that narrows who. AWS enforces the policy as you write it: name the accounts, roles or services that need the queue.',
        },
      ],
    },
    {
      syntax: 'json',
      code: '{\n  "Resources": {\n    "P": {\n      "Type": "AWS::SNS::TopicPolicy",\n      "Properties": {\n        "Topics": [{ "Ref": "T" }],\n        "PolicyDocument": {\n          "Statement": [\n            { "Effect": "Allow", "Principal": { "AWS": "*" }, "Action": "sns:Subscribe", "Resource": "*" }\n          ]\n        }\n      }\n    }\n  }\n}\n',
      findings: [{ line: 9, column: 13, messageId: 'publicPolicy', message: /topic policy that allows anyone/ }],
    },
    {
      syntax: 'terraform',
      name: 'a JSON heredoc on the queue itself',
      code: 'resource "aws_sqs_queue" "q" {\n  name   = "jobs"\n  policy = <<POLICY\n{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "sqs:SendMessage", "Resource": "*"}]}\nPOLICY\n}\n',
      findings: [{ line: 3, column: 12 }],
    },
    {
      syntax: 'terraform',
      name: 'a policy document data source in another file',
      code: {
        'main.tf':
          'resource "aws_sns_topic_policy" "p" {\n  arn    = aws_sns_topic.t.arn\n  policy = data.aws_iam_policy_document.open.json\n}\n',
        'policy.tf':
          'data "aws_iam_policy_document" "open" {\n  statement {\n    actions   = ["sns:Publish"]\n    resources = ["*"]\n    principals {\n      type        = "*"\n      identifiers = ["*"]\n    }\n  }\n}\n',
      },
      findings: [{ line: 3, column: 12, file: 'main.tf' }],
    },
  ],
};
