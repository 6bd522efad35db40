import type { Range } from '../iac/model';
import { readPolicy } from './toolkit/policy';
import type { Rule } from './rule';
import { openStatements } from './support/open-statements';
import { property } from './toolkit/values';

/** Where each type keeps its resource policy. */
const POLICY_PROPERTY: Record<string, string> = {
  'AWS::SQS::QueuePolicy': 'PolicyDocument',
  'AWS::SQS::QueueInlinePolicy': 'PolicyDocument',
  'AWS::SNS::TopicPolicy': 'PolicyDocument',
  'AWS::SNS::TopicInlinePolicy': 'PolicyDocument',
  aws_sqs_queue: 'policy',
  aws_sqs_queue_policy: 'policy',
  aws_sns_topic: 'policy',
  aws_sns_topic_policy: 'policy',
};

export const rule: Rule = {
  id: 'sqs-sns-policy-public',
  title: 'Queue or topic policy allows anyone',
  concern: 'identity-access',
  severity: 'error',
  appliesTo: Object.keys(POLICY_PROPERTY),
  rationale:
    'SQS and SNS are abstracted services: AWS runs the platform, and who may send, receive, publish or subscribe is decided by the resource policy you write. An Allow for `Principal: "*"` without a condition that narrows who (a negated condition or a wildcard value does not) lets any AWS account, or anyone at all, use the queue or topic.',
  remediation:
    'Name the accounts, roles or services that need access in the policy (`PolicyDocument` in CloudFormation, `policy` in Terraform), or narrow the statement with a condition such as `aws:SourceArn`, `aws:SourceAccount` or `aws:PrincipalOrgID`.',
  messages: {
    publicPolicy: {
      headline: '\'{resource}\' has a {what} policy that allows anyone (Principal "*").',
      detail:
        'The statement has no condition that narrows who. AWS enforces the policy as you write it: name the accounts, roles or services that need the {what}.',
    },
  },

  check(resource, context) {
    const setting = property(resource, POLICY_PROPERTY[resource.type]);
    if (!setting) return [];
    const policy = readPolicy(setting.value, context);
    if (!policy) return [];
    const open = openStatements(policy);
    if (open.length === 0) return [];
    const what = resource.type.toLowerCase().includes('sqs') ? 'queue' : 'topic';
    // Statements read from text (a JSON string, a policy document elsewhere) share the value's range.
    const inline = setting.value.kind === 'map' || setting.value.kind === 'unresolvable';
    const ranges = new Map<string, Range>();
    for (const statement of open) {
      const range = inline ? statement.range : setting.value.range;
      ranges.set(JSON.stringify(range), range);
    }
    return [...ranges.values()].map((range) => ({
      messageId: 'publicPolicy',
      data: { resource: resource.id, what },
      range,
    }));
  },
};
