import type { Property, Resource } from '../iac/model';
import { freeLogicalId, insertAfterResource, insertResource, Raw, type FixValue } from '../fixes/edits';
import { deniesInsecureTransport, readPolicy } from './toolkit/policy';
import { companionName, handedOver, repeats } from './support/s3';
import type { Rule, RuleContext, RuleReport } from './rule';
import { property } from './toolkit/values';

interface Service {
  /** Queue or topic types, and the policy types that attach to them. */
  targets: readonly string[];
  policies: readonly string[];
  noun: 'queue' | 'topic';
  /** How messages name the resource and its policy. */
  label: string;
  policyLabel: string;
  /** Why the Deny matters for this service, in one sentence. */
  why: string;
}

const SQS: Service = {
  targets: ['AWS::SQS::Queue', 'aws_sqs_queue'],
  policies: ['AWS::SQS::QueuePolicy', 'AWS::SQS::QueueInlinePolicy', 'aws_sqs_queue_policy'],
  noun: 'queue',
  label: 'SQS queue',
  policyLabel: 'Queue policy',
  why: "SQS already refuses plain HTTP for queues with server-side encryption (the default for new queues), and a Deny on aws:SecureTransport false makes that hold whatever the encryption settings, as AWS's SQS security best practices recommend.",
};

const SNS: Service = {
  targets: ['AWS::SNS::Topic', 'aws_sns_topic'],
  policies: ['AWS::SNS::TopicPolicy', 'AWS::SNS::TopicInlinePolicy', 'aws_sns_topic_policy'],
  noun: 'topic',
  label: 'SNS topic',
  policyLabel: 'Topic policy',
  why: "AWS SDKs call SNS over HTTPS; a Deny on aws:SecureTransport false in the topic policy makes SNS refuse any request that does not, as AWS's SNS security best practices recommend.",
};

const SERVICES = [SQS, SNS];

export const rule: Rule = {
  id: 'sqs-sns-tls-only-policy',
  title: 'SQS queue or SNS topic policy does not require TLS',
  concern: 'data-in-transit',
  severity: 'info',
  appliesTo: SERVICES.flatMap((s) => [...s.targets, ...s.policies]),
  rationale:
    "AWS serves SQS and SNS over TLS and its SDKs use it, but whether a queue or topic refuses requests that do not is set by its resource policy, which you write. SQS already requires HTTPS for queues with server-side encryption (the default), so the explicit Deny is defence in depth that AWS's security best practices for both services recommend.",
  remediation:
    'Add a statement with `Effect: Deny`, `Principal: "*"`, the queue or topic as `Resource`, and `Condition: { Bool: { "aws:SecureTransport": "false" } }` to `AWS::SQS::QueuePolicy` / `AWS::SNS::TopicPolicy` `PolicyDocument` (CloudFormation), or to the `policy` of `aws_sqs_queue_policy` / `aws_sns_topic_policy` (Terraform; `condition { test = "Bool", variable = "aws:SecureTransport", values = ["false"] }` in a `data "aws_iam_policy_document"`).',
  messages: {
    noPolicy: {
      headline: "{service} '{resource}' has no {noun} policy that requires TLS.",
      detail:
        'It has no {noun} policy in this {unit}, so nothing here makes it refuse requests sent without TLS. {why}',
    },
    noTlsDeny: {
      headline: '{owner} does not deny requests sent without TLS.',
      detail: 'It has no statement that denies requests sent without TLS (aws:SecureTransport false). {why}',
    },
  },

  check(resource, context) {
    const service = SERVICES.find((s) => s.targets.includes(resource.type) || s.policies.includes(resource.type))!;
    if (service.policies.includes(resource.type))
      return checkPolicy(resource, property(resource, policyKey(resource)), service, context);
    // Terraform's legacy inline `policy` on the queue or topic itself.
    const inline = resource.syntax === 'terraform' ? property(resource, 'policy') : undefined;
    if (inline && context.resolve(inline.value) !== undefined) return checkPolicy(resource, inline, service, context);
    if (attachedPolicies(resource, service, context).length > 0) return [];
    const unit = resource.syntax === 'terraform' ? 'module' : 'template';
    return [
      {
        messageId: 'noPolicy',
        data: { service: service.label, resource: resource.id, noun: service.noun, unit, why: service.why },
        range: resource.typeRange,
        // Only queues get a new policy: a topic policy replaces SNS's default topic policy, which
        // AWS services publishing to the topic may rely on. Repeated or handed-over queues are left to a person.
        fixable: service === SQS && !repeats(resource) && !handedOver(resource, context),
      },
    ];
  },

  fix(_report, resource, context) {
    if (resource.syntax !== 'terraform') {
      const logicalId = freeLogicalId(`${resource.id}Policy`, context);
      return {
        title: `Add ${logicalId}, a TLS-only queue policy`,
        edits: insertResource(resource, context, logicalId, cloudFormationQueuePolicy(resource)),
      };
    }
    const name = companionName(resource, 'aws_sqs_queue_policy', context);
    return {
      title: 'Add a TLS-only aws_sqs_queue_policy',
      edits: insertAfterResource(resource, context, terraformQueuePolicy(resource.id, name)),
    };
  },
};

/** A queue policy that only denies requests sent without TLS: it takes nothing away from anyone else. */
function cloudFormationQueuePolicy(queue: Resource): FixValue {
  const yaml = queue.syntax === 'cloudformation-yaml';
  const ref: FixValue = yaml ? new Raw(`!Ref ${queue.id}`) : { Ref: queue.id };
  const arn: FixValue = yaml ? new Raw(`!GetAtt ${queue.id}.Arn`) : { 'Fn::GetAtt': [queue.id, 'Arn'] };
  return {
    Type: yaml ? new Raw('AWS::SQS::QueuePolicy') : 'AWS::SQS::QueuePolicy',
    ...(queue.condition ? { Condition: queue.condition } : {}),
    Properties: {
      Queues: [ref],
      PolicyDocument: {
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'DenyInsecureTransport',
            Effect: 'Deny',
            Principal: '*',
            Action: 'sqs:*',
            Resource: arn,
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          },
        ],
      },
    },
  };
}

function terraformQueuePolicy(queueAddress: string, name: string): string {
  return [
    `resource "aws_sqs_queue_policy" "${name}" {`,
    `  queue_url = ${queueAddress}.id`,
    '  policy = jsonencode({',
    '    Version = "2012-10-17"',
    '    Statement = [{',
    '      Sid       = "DenyInsecureTransport"',
    '      Effect    = "Deny"',
    '      Principal = "*"',
    '      Action    = "sqs:*"',
    `      Resource  = ${queueAddress}.arn`,
    '      Condition = { Bool = { "aws:SecureTransport" = "false" } }',
    '    }]',
    '  })',
    '}',
  ].join('\n');
}

function policyKey(resource: Resource): string {
  return resource.syntax === 'terraform' ? 'policy' : 'PolicyDocument';
}

function checkPolicy(
  resource: Resource,
  setting: Property | undefined,
  service: Service,
  context: RuleContext,
): RuleReport[] {
  if (!setting) return [];
  const policy = readPolicy(setting.value, context);
  if (!policy || deniesInsecureTransport(policy).value !== false) return [];
  const owner = `${service.policies.includes(resource.type) ? service.policyLabel : service.label} '${resource.id}'`;
  return [
    {
      messageId: 'noTlsDeny',
      data: { owner, why: service.why },
      range: setting.keyRange,
      // Adding a statement to an existing policy is left to a person.
      fixable: false,
    },
  ];
}

/**
 * Policy resources of this template or module that refer to the queue or topic (through `Queues`,
 * `queue_url`, `Topics`, `arn`, or its ARN in a statement): each is checked where it is written.
 */
function attachedPolicies(target: Resource, service: Service, context: RuleContext): Resource[] {
  return context.referencing(target, service.policies);
}
