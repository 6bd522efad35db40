import type { Resource } from '../iac/model';
import { setProperty } from '../fixes/edits';
import { readPolicy } from './toolkit/policy';
import type { Rule, RuleContext } from './rule';
import { stringOf, isUnknown, key, property } from './toolkit/values';

const AWS_MANAGED_KEY = 'alias/aws/sns';

const TOPIC_POLICIES = ['AWS::SNS::TopicPolicy', 'AWS::SNS::TopicInlinePolicy', 'aws_sns_topic_policy'];

/**
 * Resources that may reference a topic without making an AWS service publish to it: subscribers,
 * IAM, and code that publishes with its own role. Any other referencing resource (an alarm, an
 * EventBridge rule, an S3 notification…) may be an AWS service principal publishing to the topic.
 */
const IN_ACCOUNT_REFERENCERS = [
  /^AWS::SNS::(Subscription|TopicPolicy|TopicInlinePolicy)$/,
  /^AWS::IAM::/,
  /^AWS::(Lambda::(Function|Permission)|Serverless::Function)$/,
  /^AWS::(SQS::QueuePolicy|SSM::Parameter|StepFunctions::StateMachine|ECS::TaskDefinition)$/,
  /^aws_sns_topic_(subscription|policy)$/,
  /^aws_iam_/,
  /^aws_(lambda_function|lambda_permission|sqs_queue_policy|sqs_queue|ssm_parameter|sfn_state_machine|ecs_task_definition)$/,
];

export const rule: Rule = {
  id: 'sns-topic-encryption',
  title: 'SNS topic has no server-side encryption',
  concern: 'data-at-rest',
  severity: 'warning',
  appliesTo: ['AWS::SNS::Topic', 'aws_sns_topic'],
  rationale:
    'SNS keeps messages on encrypted disks, but it applies server-side encryption with a KMS key (which encrypts each message and puts access to its contents behind KMS permissions and CloudTrail) only to topics that name a key. Naming the key is your choice; the AWS managed key alias/aws/sns suits publishers in your account, while AWS services that publish to the topic (CloudWatch alarms, EventBridge, S3 notifications…) need a customer managed key whose key policy lets them use it.',
  remediation:
    'Set `KmsMasterKeyId` (CloudFormation) or `kms_master_key_id` (Terraform) to `alias/aws/sns`, or to a customer managed key when AWS services publish to the topic.',
  messages: {
    unencrypted: {
      headline: "SNS topic '{resource}' is not encrypted at rest.",
      detail: 'It {what}, so SNS stores its messages without server-side encryption. {advice}',
    },
  },

  check(resource, context) {
    const setting = property(resource, key(resource, 'KmsMasterKeyId', 'kms_master_key_id'));
    const value = context.resolve(setting?.value);
    if (isUnknown(value) || (stringOf(value).value ?? '') !== '') return [];
    const publisher = awsServicePublisher(resource, context);
    const what = setting
      ? `sets an empty ${setting.key}`
      : `names no KMS key (${key(resource, 'KmsMasterKeyId', 'kms_master_key_id')})`;
    const advice = publisher
      ? `Encrypting is yours to choose, but ${publisher}, so an AWS service may publish to it, and AWS services cannot use the AWS managed key ${AWS_MANAGED_KEY}: use a customer managed key whose key policy allows them.`
      : `Encrypting is yours to choose: use the AWS managed key ${AWS_MANAGED_KEY} or a customer managed key.`;
    return [
      {
        messageId: 'unencrypted',
        data: { resource: resource.id, what, advice },
        range: setting ? setting.value.range : resource.typeRange,
        fixable: publisher === undefined,
      },
    ];
  },

  fix(_report, resource, context) {
    const name = key(resource, 'KmsMasterKeyId', 'kms_master_key_id');
    return {
      title: `Encrypt with the AWS managed key ${AWS_MANAGED_KEY}`,
      edits: setProperty(resource, context, [name], AWS_MANAGED_KEY),
    };
  },
};

/** Why an AWS service may publish to this topic (a clause for the message), or undefined when nothing suggests one. */
function awsServicePublisher(topic: Resource, context: RuleContext): string | undefined {
  const policies = context.referencing(topic, TOPIC_POLICIES);
  const inline = property(topic, 'policy');
  const documents = [
    ...policies.map((p) => property(p, key(p, 'PolicyDocument', 'policy'))?.value),
    ...(inline ? [inline.value] : []),
  ];
  for (const document of documents) {
    const policy = readPolicy(document, context);
    if (!policy) return 'its topic policy cannot be read statically';
    const grantsService = policy.statements.some(
      (s) =>
        s.effect.value !== 'Deny' &&
        (s.principals.state === 'unknown' || s.principals.value.some((p) => p.endsWith('.amazonaws.com'))),
    );
    if (grantsService) return 'its topic policy grants an AWS service';
  }
  const other = context.referencing(topic).find((r) => !IN_ACCOUNT_REFERENCERS.some((pattern) => pattern.test(r.type)));
  return other ? `'${other.id}' (${other.type}) refers to it` : undefined;
}
