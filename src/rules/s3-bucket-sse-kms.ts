import type { Property, Resource, Value } from '../iac/model';
import { getProperties, getProperty } from '../iac/model';
import type { Rule, RuleContext, RuleReport } from './rule';
import { stringOf, isCloudFormation, items, property } from './toolkit/values';
import {
  bucketCompanions,
  designatedResource,
  isAccessLogTarget,
  isLoadBalancerLogTarget,
  propertiesUnknown,
} from './support/s3';

/** One default-encryption rule as written: the algorithm and the KMS key, if any. */
interface EncryptionDefault {
  algorithm?: Property;
  key?: Property;
}

export const rule: Rule = {
  id: 's3-bucket-sse-kms',
  title: 'S3 bucket is not encrypted with a customer managed KMS key',
  concern: 'data-at-rest',
  severity: 'info',
  appliesTo: ['AWS::S3::Bucket', 'aws_s3_bucket', 'aws_s3_bucket_server_side_encryption_configuration'],
  rationale:
    "S3 encrypts every new object at rest, with SSE-S3 (keys S3 owns and manages) by default since January 2023. Whether that is enough, or you need a customer managed KMS key whose policy, use and revocation you control, is a data-protection choice on the customer's side.",
  remediation:
    'Set `BucketEncryption.ServerSideEncryptionConfiguration[].ServerSideEncryptionByDefault` to `SSEAlgorithm: aws:kms` with `KMSMasterKeyID` (CloudFormation), or `apply_server_side_encryption_by_default { sse_algorithm = "aws:kms", kms_master_key_id = … }` in `aws_s3_bucket_server_side_encryption_configuration` (Terraform), and consider `BucketKeyEnabled` / `bucket_key_enabled` to reduce KMS request costs. SSE-S3 is a sound default when no one needs to control the key, and the only choice for a bucket that receives S3 server access logs or Elastic Load Balancing access logs, which this rule therefore does not report.',
  messages: {
    sseS3Default: {
      headline: "bucket '{bucket}' uses SSE-S3, with keys S3 owns (the default).",
      detail:
        'It is encrypted at rest with SSE-S3, which S3 applies to every new object by default, using keys S3 owns and manages. If you need control over the key (its key policy, who may decrypt, CloudTrail records of its use, revoking access), use SSE-KMS with a customer managed key: that choice is yours.',
    },
    sseS3: {
      headline: "'{resource}' encrypts with SSE-S3 (AES256), with keys S3 owns.",
      detail:
        'It encrypts at rest with SSE-S3 (AES256), using keys S3 owns and manages: the data is encrypted. If you need control over the key (its key policy, who may decrypt, CloudTrail records of its use, revoking access), use SSE-KMS with a customer managed key: that choice is yours.',
    },
    awsManagedKey: {
      headline: "'{resource}' encrypts with the AWS managed key aws/s3.",
      detail:
        "It encrypts at rest with {algorithm} under the AWS managed key aws/s3: the data is encrypted, but you cannot change that key's policy or share it with other accounts. Name a customer managed key if you need that control.",
    },
  },

  check(resource, context) {
    // S3 delivers server access logs only to buckets encrypted with SSE-S3: a log bucket has no KMS choice to make.
    if (resource.type === 'aws_s3_bucket_server_side_encryption_configuration') {
      const bucket = designatedResource(resource, 'bucket', context);
      if (bucket && (isAccessLogTarget(bucket, context) || isLoadBalancerLogTarget(bucket, context))) return [];
      const defaults = terraformDefaults(resource.properties.properties, 'rule');
      return defaults ? judge(resource, defaults, context) : [];
    }
    // Elastic Load Balancing writes access logs only to SSE-S3 buckets too.
    if (isAccessLogTarget(resource, context) || isLoadBalancerLogTarget(resource, context)) return [];
    if (isCloudFormation(resource)) {
      if (propertiesUnknown(resource, context)) return [];
      const encryption = property(resource, 'BucketEncryption');
      if (!encryption) return [byDefault(resource)];
      const defaults = cloudFormationDefaults(encryption.value);
      return defaults ? judge(resource, defaults, context) : [];
    }
    const companions = bucketCompanions(resource, context, 'aws_s3_bucket_server_side_encryption_configuration');
    // A companion decides, and is checked where it is written.
    if (companions.found.length > 0 || companions.uncertain) return [];
    const inline = property(resource, 'server_side_encryption_configuration');
    if (!inline) return [byDefault(resource)];
    if (inline.value.kind !== 'map') return [];
    const defaults = terraformDefaults(inline.value.properties, 'rule');
    return defaults ? judge(resource, defaults, context) : [];
  },
};

function byDefault(bucket: Resource): RuleReport {
  return {
    messageId: 'sseS3Default',
    data: { bucket: bucket.id },
    range: bucket.typeRange,
  };
}

/** Reports the default-encryption rules that use SSE-S3 or the AWS managed key; says nothing about what it cannot read. */
function judge(resource: Resource, defaults: EncryptionDefault[], context: RuleContext): RuleReport[] {
  const reports: RuleReport[] = [];
  for (const { algorithm, key } of defaults) {
    const name = stringOf(context.resolve(algorithm?.value)).value;
    if (!algorithm || name === undefined) continue;
    if (name === 'AES256') {
      reports.push({
        messageId: 'sseS3',
        data: { resource: resource.id },
        range: algorithm.value.range,
      });
    } else if (name === 'aws:kms' || name === 'aws:kms:dsse') {
      if (key && !isAwsManagedKey(context.resolve(key.value), context)) continue;
      reports.push({
        messageId: 'awsManagedKey',
        data: { resource: resource.id, algorithm: name === 'aws:kms' ? 'SSE-KMS' : 'DSSE-KMS' },
        range: (key ?? algorithm).value.range,
      });
    }
    // Any other value is rejected by S3 at deploy time: not a question of who owns the key.
  }
  return reports;
}

/** `alias/aws/s3` written out, or looked up with `data "aws_kms_alias"` / `data "aws_kms_key"`; an empty id also means it. */
function isAwsManagedKey(key: Value | undefined, context: RuleContext): boolean {
  if (
    key?.kind === 'reference' &&
    context.unit.kind === 'terraform' &&
    /^data\.aws_kms_(alias|key)\./.test(key.target)
  ) {
    const lookup = context.unit.dataSources.find((d) => d.id === key.target);
    if (!lookup) return false;
    const named = property(lookup, 'name') ?? property(lookup, 'key_id');
    return isAwsManagedKey(context.resolve(named?.value), context);
  }
  const id = stringOf(key).value;
  return id !== undefined && (id === '' || /(^|:)alias\/aws\/s3$/.test(id));
}

/** CloudFormation `ServerSideEncryptionConfiguration[].ServerSideEncryptionByDefault`; undefined when not readable. */
function cloudFormationDefaults(encryption: Value): EncryptionDefault[] | undefined {
  if (encryption.kind !== 'map') return undefined;
  const rules = getProperty(encryption, 'ServerSideEncryptionConfiguration')?.value;
  if (!rules || rules.kind !== 'list') return undefined;
  const defaults: EncryptionDefault[] = [];
  for (const item of rules.items) {
    if (item.kind !== 'map') return undefined;
    const byDefault = getProperty(item, 'ServerSideEncryptionByDefault');
    if (!byDefault) continue;
    if (byDefault.value.kind !== 'map') return undefined;
    defaults.push({
      algorithm: getProperty(byDefault.value, 'SSEAlgorithm'),
      key: getProperty(byDefault.value, 'KMSMasterKeyID'),
    });
  }
  return defaults;
}

/** Terraform `rule { apply_server_side_encryption_by_default { … } }` blocks; undefined when one is dynamic. */
function terraformDefaults(body: Property[], key: string): EncryptionDefault[] | undefined {
  const defaults: EncryptionDefault[] = [];
  for (const rule of body.filter((p) => p.key === key)) {
    if (rule.value.kind !== 'map') return undefined;
    for (const byDefault of getProperties(rule.value, 'apply_server_side_encryption_by_default')) {
      for (const block of items(byDefault.value)) {
        if (block.kind !== 'map') return undefined;
        defaults.push({ algorithm: getProperty(block, 'sse_algorithm'), key: getProperty(block, 'kms_master_key_id') });
      }
    }
  }
  return defaults;
}
