import type { Resource } from '../iac/model';
import type { Rule, RuleContext } from './rule';
import { isCloudFormation, property } from './toolkit/values';
import { BUCKET_TYPES, bucketCompanions, isAccessLogTarget, propertiesUnknown } from './support/s3';

export const rule: Rule = {
  id: 's3-bucket-access-logging',
  title: 'S3 server access logging is not enabled',
  concern: 'logging-monitoring',
  severity: 'info',
  appliesTo: [...BUCKET_TYPES],
  rationale:
    "AWS records requests to a bucket only where you ask it to: server access logs (or CloudTrail data events) are off by default, and without them there is no record of who read or changed which object. Choosing what to log, and keeping the logs, is the customer's side of the model.",
  remediation:
    'Set `LoggingConfiguration.DestinationBucketName` (CloudFormation) or add `aws_s3_bucket_logging` with `target_bucket` (Terraform; `logging { target_bucket }` on provider v3), pointing at a separate log bucket; or record object-level CloudTrail data events for the bucket.',
  messages: {
    noLogging: {
      headline: "bucket '{resource}' has no server access logging.",
      detail:
        'Nothing records who read or changed its objects. AWS logs requests only where you ask it to: send access logs to a separate log bucket, or record CloudTrail data events for it.',
    },
  },

  check(resource, context) {
    if (
      propertiesUnknown(resource, context) ||
      hasAccessLogging(resource, context) ||
      isAccessLogTarget(resource, context)
    )
      return [];
    return [
      {
        messageId: 'noLogging',
        data: { resource: resource.id },
        range: resource.typeRange,
      },
    ];
  },
};

function hasAccessLogging(bucket: Resource, context: RuleContext): boolean {
  // Any written configuration counts, even one decided at deploy time (`!If`, a dynamic block).
  if (isCloudFormation(bucket)) return property(bucket, 'LoggingConfiguration') !== undefined;
  if (property(bucket, 'logging')) return true;
  const companions = bucketCompanions(bucket, context, 'aws_s3_bucket_logging');
  return companions.found.length > 0 || companions.uncertain;
}
