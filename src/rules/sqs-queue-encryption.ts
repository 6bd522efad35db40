import { setProperty } from '../fixes/edits';
import type { Rule } from './rule';
import { booleanOf, stringOf, isUnknown, key, property } from './toolkit/values';

export const rule: Rule = {
  id: 'sqs-queue-encryption',
  title: 'SQS queue turns server-side encryption off',
  concern: 'data-at-rest',
  severity: 'warning',
  appliesTo: ['AWS::SQS::Queue', 'aws_sqs_queue'],
  rationale:
    'Since October 2022 SQS encrypts the messages of new queues with SQS-managed keys (SSE-SQS) unless told otherwise, so a queue without encryption settings is encrypted. Turning that off is your decision, and it leaves message bodies without server-side encryption; a KMS key (SSE-KMS) is the choice when you need to control and audit the key.',
  remediation:
    'Remove `SqsManagedSseEnabled: false` or set it to `true` (CloudFormation), or `sqs_managed_sse_enabled = true` (Terraform); or use a KMS key with `KmsMasterKeyId` / `kms_master_key_id`.',
  messages: {
    sseOff: {
      headline: "SQS queue '{resource}' turns server-side encryption off.",
      detail:
        'It turns server-side encryption off and sets no KMS key, so its messages are stored without the SSE that new queues get by default. Whether messages are encrypted is yours to decide: set {property} to true or use a KMS key.',
    },
  },

  check(resource, context) {
    const managed = property(resource, key(resource, 'SqsManagedSseEnabled', 'sqs_managed_sse_enabled'));
    if (!managed || booleanOf(context.resolve(managed.value)).value !== false) return [];
    const kmsKey = property(resource, key(resource, 'KmsMasterKeyId', 'kms_master_key_id'));
    const kmsValue = context.resolve(kmsKey?.value);
    if (isUnknown(kmsValue) || (stringOf(kmsValue).value ?? '') !== '') return [];
    return [
      {
        messageId: 'sseOff',
        data: { resource: resource.id, property: managed.key },
        range: managed.value.range,
        // An empty KMS key next to the setting would conflict with SSE-SQS: leave that to a human.
        fixable: kmsKey === undefined,
      },
    ];
  },

  fix(_report, resource, context) {
    const name = key(resource, 'SqsManagedSseEnabled', 'sqs_managed_sse_enabled');
    return { title: `Set ${name} to true`, edits: setProperty(resource, context, [name], true) };
  },
};
