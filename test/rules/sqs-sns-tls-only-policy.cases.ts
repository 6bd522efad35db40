import { rule } from '../../src/rules/sqs-sns-tls-only-policy';
import type { RuleCases } from './tester';

const DENY_HTTP_YAML =
  '          - Effect: Deny\n            Principal: "*"\n            Action: sqs:*\n            Resource: !GetAtt Jobs.Arn\n            Condition:\n              Bool:\n                aws:SecureTransport: "false"\n';

export const cases: RuleCases = {
  rule,
  valid: [
    {
      syntax: 'yaml',
      name: 'queue policy with a TLS-only Deny',
      code: `Resources:\n  Jobs:\n    Type: AWS::SQS::Queue\n  JobsPolicy:\n    Type: AWS::SQS::QueuePolicy\n    Properties:\n      Queues: [!Ref Jobs]\n      PolicyDocument:\n        Statement:\n${DENY_HTTP_YAML}`,
    },
    {
      syntax: 'yaml',
      name: 'a policy document behind !If is unknown',
      code: 'Resources:\n  Jobs:\n    Type: AWS::SQS::Queue\n  JobsPolicy:\n    Type: AWS::SQS::QueuePolicy\n    Properties:\n      Queues: [!Ref Jobs]\n      PolicyDocument: !If [Strict, { Statement: [] }, { Statement: [] }]\n',
    },
    {
      syntax: 'json',
      name: 'topic policy as a JSON string with the Deny',
      code: '{"Resources": {"Events": {"Type": "AWS::SNS::Topic"}, "EventsPolicy": {"Type": "AWS::SNS::TopicPolicy", "Properties": {"Topics": [{"Ref": "Events"}], "PolicyDocument": "{\\"Statement\\": [{\\"Effect\\": \\"Deny\\", \\"Principal\\": \\"*\\", \\"Action\\": \\"sns:Publish\\", \\"Resource\\": \\"*\\", \\"Condition\\": {\\"Bool\\": {\\"aws:SecureTransport\\": \\"false\\"}}}]}"}}}}',
    },
    {
      syntax: 'terraform',
      name: 'queue policy document with the Deny, in another file',
      code: {
        'main.tf': 'resource "aws_sqs_queue" "jobs" {\n  name = "jobs"\n}\n',
        'policy.tf':
          'resource "aws_sqs_queue_policy" "jobs" {\n  queue_url = aws_sqs_queue.jobs.id\n  policy    = data.aws_iam_policy_document.jobs.json\n}\n\ndata "aws_iam_policy_document" "jobs" {\n  statement {\n    effect    = "Deny"\n    actions   = ["sqs:*"]\n    resources = [aws_sqs_queue.jobs.arn]\n    principals {\n      type        = "*"\n      identifiers = ["*"]\n    }\n    condition {\n      test     = "Bool"\n      variable = "aws:SecureTransport"\n      values   = ["false"]\n    }\n  }\n}\n',
      },
    },
    {
      syntax: 'terraform',
      name: 'a policy built from a variable is unknown',
      code: 'variable "policy" {}\n\nresource "aws_sns_topic" "events" {\n  name   = "events"\n  policy = var.policy\n}\n',
    },
  ],
  invalid: [
    {
      syntax: 'yaml',
      name: 'a queue without any policy',
      code: 'Resources:\n  Jobs:\n    Type: AWS::SQS::Queue\n',
      findings: [
        {
          line: 3,
          column: 11,
          severity: 'info',
          messageId: 'noPolicy',
          message: "Shared · Data in transit: SQS queue 'Jobs' has no queue policy that requires TLS",
          detail:
            "It has no queue policy in this template, so nothing here makes it refuse requests sent without TLS. SQS already refuses plain HTTP for queues with server-side encryption (the default for new queues), and a Deny on aws:SecureTransport false makes that hold whatever the encryption settings, as AWS's SQS security best practices recommend.",
        },
      ],
      output: [
        'Resources:',
        '  Jobs:',
        '    Type: AWS::SQS::Queue',
        '  JobsPolicy:',
        '    Type: AWS::SQS::QueuePolicy',
        '    Properties:',
        '      Queues:',
        '        - !Ref Jobs',
        '      PolicyDocument:',
        '        Version: "2012-10-17"',
        '        Statement:',
        '          - Sid: DenyInsecureTransport',
        '            Effect: Deny',
        '            Principal: "*"',
        '            Action: "sqs:*"',
        '            Resource: !GetAtt Jobs.Arn',
        '            Condition:',
        '              Bool:',
        '                aws:SecureTransport: "false"',
        '',
      ].join('\n'),
    },
    {
      syntax: 'json',
      name: 'a queue without any policy',
      code: '{\n  "Resources": {\n    "Jobs": {\n      "Type": "AWS::SQS::Queue"\n    }\n  }\n}\n',
      findings: [{ line: 4, column: 15 }],
    },
    {
      syntax: 'yaml',
      name: 'a queue policy that only allows: reported on the policy, not the queue',
      code: 'Resources:\n  Jobs:\n    Type: AWS::SQS::Queue\n  JobsPolicy:\n    Type: AWS::SQS::QueuePolicy\n    Properties:\n      Queues: [!Ref Jobs]\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: { Service: sns.amazonaws.com }\n            Action: sqs:SendMessage\n            Resource: !GetAtt Jobs.Arn\n',
      findings: [
        {
          line: 8,
          column: 7,
          messageId: 'noTlsDeny',
          message: "Shared · Data in transit: Queue policy 'JobsPolicy' does not deny requests sent without TLS",
          detail:
            "It has no statement that denies requests sent without TLS (aws:SecureTransport false). SQS already refuses plain HTTP for queues with server-side encryption (the default for new queues), and a Deny on aws:SecureTransport false makes that hold whatever the encryption settings, as AWS's SQS security best practices recommend.",
        },
      ],
    },
    {
      syntax: 'json',
      name: 'a topic without any policy',
      code: '{\n  "Resources": {\n    "Events": {\n      "Type": "AWS::SNS::Topic"\n    }\n  }\n}\n',
      findings: [{ line: 4, column: 15, messageId: 'noPolicy', message: /SNS topic 'Events' has no topic policy/ }],
    },
    {
      syntax: 'terraform',
      name: 'a queue without any policy in the module',
      code: 'resource "aws_sqs_queue" "jobs" {\n  name = "jobs"\n}\n',
      findings: [
        {
          line: 1,
          column: 10,
          severity: 'info',
          messageId: 'noPolicy',
          message: "Shared · Data in transit: SQS queue 'aws_sqs_queue.jobs' has no queue policy that requires TLS",
          detail:
            "It has no queue policy in this module, so nothing here makes it refuse requests sent without TLS. SQS already refuses plain HTTP for queues with server-side encryption (the default for new queues), and a Deny on aws:SecureTransport false makes that hold whatever the encryption settings, as AWS's SQS security best practices recommend.",
        },
      ],
      output: [
        'resource "aws_sqs_queue" "jobs" {',
        '  name = "jobs"',
        '}',
        '',
        'resource "aws_sqs_queue_policy" "jobs" {',
        '  queue_url = aws_sqs_queue.jobs.id',
        '  policy = jsonencode({',
        '    Version = "2012-10-17"',
        '    Statement = [{',
        '      Sid       = "DenyInsecureTransport"',
        '      Effect    = "Deny"',
        '      Principal = "*"',
        '      Action    = "sqs:*"',
        '      Resource  = aws_sqs_queue.jobs.arn',
        '      Condition = { Bool = { "aws:SecureTransport" = "false" } }',
        '    }]',
        '  })',
        '}',
        '',
      ].join('\n'),
    },
    {
      syntax: 'yaml',
      name: 'an inline queue policy without the Deny',
      code: 'Resources:\n  Jobs:\n    Type: AWS::SQS::Queue\n  JobsPolicy:\n    Type: AWS::SQS::QueueInlinePolicy\n    Properties:\n      Queue: !Ref Jobs\n      PolicyDocument:\n        Statement: []\n',
      findings: [{ line: 8, column: 7, messageId: 'noTlsDeny', message: /Queue policy 'JobsPolicy'/ }],
    },
    {
      syntax: 'terraform',
      name: 'inline policy on the topic without the Deny',
      code: 'resource "aws_sns_topic" "events" {\n  name = "events"\n  policy = jsonencode({\n    Statement = [{\n      Effect    = "Allow"\n      Principal = { AWS = "111122223333" }\n      Action    = "sns:Publish"\n      Resource  = "*"\n    }]\n  })\n}\n',
      findings: [
        {
          line: 3,
          column: 3,
          messageId: 'noTlsDeny',
          message: "Shared · Data in transit: SNS topic 'aws_sns_topic.events' does not deny requests sent without TLS",
          detail:
            "It has no statement that denies requests sent without TLS (aws:SecureTransport false). AWS SDKs call SNS over HTTPS; a Deny on aws:SecureTransport false in the topic policy makes SNS refuse any request that does not, as AWS's SNS security best practices recommend.",
        },
      ],
    },
    {
      syntax: 'terraform',
      name: 'a queue policy companion without the Deny, in another file',
      code: {
        'main.tf': 'resource "aws_sqs_queue" "jobs" {\n  name = "jobs"\n}\n',
        'policy.tf':
          'resource "aws_sqs_queue_policy" "jobs" {\n  queue_url = aws_sqs_queue.jobs.url\n  policy = jsonencode({\n    Statement = [{\n      Effect    = "Allow"\n      Principal = { Service = "sns.amazonaws.com" }\n      Action    = "sqs:SendMessage"\n      Resource  = aws_sqs_queue.jobs.arn\n    }]\n  })\n}\n',
      },
      findings: [
        {
          line: 3,
          column: 3,
          file: 'policy.tf',
          messageId: 'noTlsDeny',
          message: /Queue policy 'aws_sqs_queue_policy\.jobs'/,
        },
      ],
    },
  ],
};
