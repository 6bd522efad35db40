import { rule } from '../../src/rules/sns-topic-encryption';
import type { RuleCases } from './tester';

export const cases: RuleCases = {
  rule,
  valid: [
    {
      syntax: 'yaml',
      code: 'Resources:\n  Events:\n    Type: AWS::SNS::Topic\n    Properties:\n      KmsMasterKeyId: alias/aws/sns\n',
    },
    {
      syntax: 'yaml',
      name: 'a parameter without default is unknown',
      code: 'Parameters:\n  Key:\n    Type: String\nResources:\n  Events:\n    Type: AWS::SNS::Topic\n    Properties:\n      KmsMasterKeyId: !Ref Key\n',
    },
    {
      syntax: 'yaml',
      name: 'a key behind !If is unknown',
      code: 'Resources:\n  Events:\n    Type: AWS::SNS::Topic\n    Properties:\n      KmsMasterKeyId: !If [Encrypt, alias/events, ""]\n',
    },
    {
      syntax: 'json',
      code: '{"Resources": {"Events": {"Type": "AWS::SNS::Topic", "Properties": {"KmsMasterKeyId": {"Fn::GetAtt": ["Key", "Arn"]}}}}}',
    },
    {
      syntax: 'terraform',
      code: 'resource "aws_sns_topic" "events" {\n  name              = "events"\n  kms_master_key_id = aws_kms_key.events.id\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a variable without default is unknown',
      code: 'variable "key" {}\n\nresource "aws_sns_topic" "events" {\n  kms_master_key_id = var.key\n}\n',
    },
  ],
  invalid: [
    {
      syntax: 'yaml',
      name: 'no key, only subscribers: fixed with the AWS managed key',
      code: 'Resources:\n  Events:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: events\n  Mail:\n    Type: AWS::SNS::Subscription\n    Properties:\n      TopicArn: !Ref Events\n      Protocol: email\n      Endpoint: ops@example.com\n',
      findings: [
        {
          line: 3,
          column: 11,
          messageId: 'unencrypted',
          message: "You · Data at rest: SNS topic 'Events' is not encrypted at rest",
          detail:
            'It names no KMS key (KmsMasterKeyId), so SNS stores its messages without server-side encryption. Encrypting is yours to choose: use the AWS managed key alias/aws/sns or a customer managed key.',
        },
      ],
      output:
        'Resources:\n  Events:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: events\n      KmsMasterKeyId: alias/aws/sns\n  Mail:\n    Type: AWS::SNS::Subscription\n    Properties:\n      TopicArn: !Ref Events\n      Protocol: email\n      Endpoint: ops@example.com\n',
    },
    {
      syntax: 'yaml',
      name: 'no Properties at all',
      code: 'Resources:\n  Events:\n    Type: AWS::SNS::Topic\n',
      findings: [{ line: 3, column: 11 }],
      output:
        'Resources:\n  Events:\n    Type: AWS::SNS::Topic\n    Properties:\n      KmsMasterKeyId: alias/aws/sns\n',
    },
    {
      syntax: 'yaml',
      name: 'a CloudWatch alarm publishes: no fix, a customer managed key is needed',
      code: 'Resources:\n  Alerts:\n    Type: AWS::SNS::Topic\n  HighCpu:\n    Type: AWS::CloudWatch::Alarm\n    Properties:\n      AlarmActions:\n        - !Ref Alerts\n',
      findings: [
        {
          line: 3,
          column: 11,
          messageId: 'unencrypted',
          detail:
            /'HighCpu' \(AWS::CloudWatch::Alarm\) refers to it, so an AWS service may publish to it.*customer managed key/,
        },
      ],
    },
    {
      syntax: 'yaml',
      name: 'a topic policy grants an AWS service: no fix',
      code: 'Resources:\n  Uploads:\n    Type: AWS::SNS::Topic\n  UploadsPolicy:\n    Type: AWS::SNS::TopicPolicy\n    Properties:\n      Topics: [!Ref Uploads]\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: { Service: s3.amazonaws.com }\n            Action: sns:Publish\n            Resource: !Ref Uploads\n',
      findings: [
        {
          line: 3,
          column: 11,
          messageId: 'unencrypted',
          message: "You · Data at rest: SNS topic 'Uploads' is not encrypted at rest",
          detail:
            'It names no KMS key (KmsMasterKeyId), so SNS stores its messages without server-side encryption. Encrypting is yours to choose, but its topic policy grants an AWS service, so an AWS service may publish to it, and AWS services cannot use the AWS managed key alias/aws/sns: use a customer managed key whose key policy allows them.',
        },
      ],
    },
    {
      syntax: 'json',
      name: 'an empty key',
      code: '{\n  "Resources": {\n    "Events": {\n      "Type": "AWS::SNS::Topic",\n      "Properties": {\n        "KmsMasterKeyId": ""\n      }\n    }\n  }\n}\n',
      findings: [{ line: 6, column: 27, messageId: 'unencrypted', detail: /sets an empty KmsMasterKeyId/ }],
      output:
        '{\n  "Resources": {\n    "Events": {\n      "Type": "AWS::SNS::Topic",\n      "Properties": {\n        "KmsMasterKeyId": "alias/aws/sns"\n      }\n    }\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      code: 'resource "aws_sns_topic" "events" {\n  name = "events"\n}\n',
      findings: [{ line: 1, column: 10 }],
      output: 'resource "aws_sns_topic" "events" {\n  name = "events"\n  kms_master_key_id = "alias/aws/sns"\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'EventBridge publishes through a target in another file: no fix',
      code: {
        'main.tf': 'resource "aws_sns_topic" "alerts" {\n  name = "alerts"\n}\n',
        'events.tf':
          'resource "aws_cloudwatch_event_target" "to_sns" {\n  rule = aws_cloudwatch_event_rule.findings.name\n  arn  = aws_sns_topic.alerts.arn\n}\n',
      },
      findings: [
        {
          line: 1,
          column: 10,
          file: 'main.tf',
          messageId: 'unencrypted',
          detail: /'aws_cloudwatch_event_target\.to_sns'/,
        },
      ],
    },
    {
      syntax: 'terraform',
      name: 'a topic policy document granting a service principal: no fix',
      code: 'resource "aws_sns_topic" "alerts" {\n  name = "alerts"\n}\n\nresource "aws_sns_topic_policy" "alerts" {\n  arn    = aws_sns_topic.alerts.arn\n  policy = data.aws_iam_policy_document.alerts.json\n}\n\ndata "aws_iam_policy_document" "alerts" {\n  statement {\n    actions   = ["sns:Publish"]\n    resources = [aws_sns_topic.alerts.arn]\n    principals {\n      type        = "Service"\n      identifiers = ["events.amazonaws.com"]\n    }\n  }\n}\n',
      findings: [{ line: 1, column: 10, messageId: 'unencrypted', detail: /topic policy grants an AWS service/ }],
    },
  ],
};
