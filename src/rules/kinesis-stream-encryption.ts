import type { TextEdit } from '../fixes/types';
import type { Resource } from '../iac/model';
import { setProperty } from '../fixes/edits';
import type { Rule, RuleContext } from './rule';
import { combineInsertions } from '../fixes/combine';
import { isCloudFormation, read, stringOf } from './toolkit/values';
import type { Setting } from './toolkit/values';

/** The AWS managed key for Kinesis Data Streams: no key policy to write, no key to pay for. */
const AWS_MANAGED_KEY = 'alias/aws/kinesis';

/** Terraform's `null` leaves the provider default in place, like an absent argument. */
function isAbsent(setting: Setting): boolean {
  // Terraform's `null` reads as absent too.
  return setting.state === 'absent';
}

/**
 * The Terraform edits: `encryption_type = "KMS"` and, when no key is named, the AWS managed key.
 * Both may be inserted before the block's closing brace, so they are joined into one edit.
 */
function terraformEdits(resource: Resource, context: RuleContext): TextEdit[] {
  const type = read(resource, context, ['encryption_type']);
  // A value from a variable or local is someone's knob: changing it is a decision, not a quick fix.
  if (type.state === 'known' && type.property.value.kind !== 'literal') return [];
  const edits = setProperty(resource, context, ['encryption_type'], 'KMS');
  if (isAbsent(read(resource, context, ['kms_key_id'])))
    edits.push(...setProperty(resource, context, ['kms_key_id'], AWS_MANAGED_KEY));
  return combineInsertions(edits);
}

function fixEdits(resource: Resource, context: RuleContext): TextEdit[] {
  if (!isCloudFormation(resource)) return terraformEdits(resource, context);
  return setProperty(resource, context, ['StreamEncryption'], { EncryptionType: 'KMS', KeyId: AWS_MANAGED_KEY });
}

export const rule: Rule = {
  id: 'kinesis-stream-encryption',
  title: 'Kinesis data stream is not encrypted at rest',
  concern: 'data-at-rest',
  severity: 'warning',
  appliesTo: ['AWS::Kinesis::Stream', 'aws_kinesis_stream'],
  rationale:
    'AWS runs the storage behind a Kinesis data stream, but server-side encryption of its records with a KMS key is off unless you turn it on for the stream. Producers and consumers need no change for the AWS managed key alias/aws/kinesis; a customer managed key also needs a key policy that lets them use it.',
  remediation:
    'Set `StreamEncryption: { EncryptionType: KMS, KeyId: alias/aws/kinesis }` (CloudFormation) or `encryption_type = "KMS"` with `kms_key_id = "alias/aws/kinesis"` (Terraform), or name a customer managed key instead.',
  messages: {
    encryptionNone: {
      headline: "Kinesis stream '{resource}' sets encryption_type to NONE.",
      detail:
        'Its records are stored unencrypted. Kinesis Data Streams encrypts records at rest only when server-side encryption is turned on for the stream, and turning it on is yours: set it to "KMS" with a KMS key.',
    },
    unencrypted: {
      headline: "Kinesis stream '{resource}' stores its records unencrypted.",
      detail:
        '{what}. Kinesis Data Streams encrypts records at rest only when server-side encryption is turned on for the stream, and turning it on is yours, for example with the AWS managed key alias/aws/kinesis.',
    },
  },

  check(resource, context) {
    const cfn = isCloudFormation(resource);
    const setting = read(resource, context, [cfn ? 'StreamEncryption' : 'encryption_type']);
    // CloudFormation: any StreamEncryption is KMS, its only valid type. Terraform: only NONE is off.
    if (!isAbsent(setting) && (cfn || stringOf(setting).value !== 'NONE')) return [];
    const fixable = fixEdits(resource, context).length > 0;
    if (setting.state === 'known' && !isAbsent(setting)) {
      return [
        {
          messageId: 'encryptionNone',
          data: { resource: resource.id },
          range: setting.property.value.range,
          fixable,
        },
      ];
    }
    const what = cfn ? 'StreamEncryption is not set' : 'encryption_type is not set and defaults to NONE';
    return [
      {
        messageId: 'unencrypted',
        data: { resource: resource.id, what },
        range: resource.typeRange,
        fixable,
      },
    ];
  },

  fix(_report, resource, context) {
    return { title: `Encrypt with the AWS managed key ${AWS_MANAGED_KEY}`, edits: fixEdits(resource, context) };
  },
};
