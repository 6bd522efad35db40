import type { Resource } from '../iac/model';
import { getProperties } from '../iac/model';
import { insertAfterResource, setProperty } from '../fixes/edits';
import type { Rule, RuleContext, RuleReport } from './rule';
import { booleanOf, stringOf, isCloudFormation, property } from './toolkit/values';
import { bucketCompanions, companionName, propertiesUnknown, repeats, reportRange } from './support/s3';
import { hasResourceOfType } from './toolkit/resources';

/** Companion resources that only exist from v4 of the AWS provider. */
const V4_COMPANIONS = [
  'aws_s3_bucket_versioning',
  'aws_s3_bucket_server_side_encryption_configuration',
  'aws_s3_bucket_logging',
  'aws_s3_bucket_acl',
  'aws_s3_bucket_lifecycle_configuration',
  'aws_s3_bucket_website_configuration',
  'aws_s3_bucket_cors_configuration',
  'aws_s3_bucket_replication_configuration',
  'aws_s3_bucket_object_lock_configuration',
];

/** Legacy inline blocks that v4+ of the AWS provider moved to companion resources. */
const LEGACY_INLINE_BLOCKS = [
  'server_side_encryption_configuration',
  'logging',
  'lifecycle_rule',
  'website',
  'cors_rule',
  'replication_configuration',
  'acl',
  'grant',
  'policy',
];

export const rule: Rule = {
  id: 's3-bucket-versioning',
  title: 'S3 bucket versioning is not enabled',
  concern: 'backup-dr',
  severity: 'info',
  appliesTo: ['AWS::S3::Bucket', 'aws_s3_bucket', 'aws_s3_bucket_versioning'],
  rationale:
    "AWS keeps every object it stores durable and available, but a delete or an overwrite is an instruction it carries out: keeping earlier versions to recover from mistakes, ransomware or bad deployments is a backup decision on the customer's side. Versioning is off until you enable it.",
  remediation:
    'Set `VersioningConfiguration.Status: Enabled` (CloudFormation) or add `aws_s3_bucket_versioning` with `versioning_configuration { status = "Enabled" }` (Terraform; `versioning { enabled = true }` on provider v3), with a lifecycle rule that expires noncurrent versions. For disaster recovery across Regions, add replication (`ReplicationConfiguration` / `aws_s3_bucket_replication_configuration`), which needs versioning.',
  messages: {
    versioningStatus: {
      headline: "bucket '{bucket}' has versioning {status}.",
      detail:
        'A delete or overwrite cannot be undone. S3 stores your objects durably, but recovering from an accidental or malicious delete or overwrite is yours to plan: versioning keeps earlier versions (expire them with a lifecycle rule), and cross-Region replication requires it.',
    },
    versioningBlock: {
      headline: "bucket '{bucket}' {what}.",
      detail:
        'A delete or overwrite cannot be undone. S3 stores your objects durably, but recovering from an accidental or malicious delete or overwrite is yours to plan: versioning keeps earlier versions (expire them with a lifecycle rule), and cross-Region replication requires it.',
    },
    versioningResource: {
      headline: "'{versioning}' sets versioning to {status}.",
      detail:
        'A delete or overwrite cannot be undone. S3 stores your objects durably, but recovering from an accidental or malicious delete or overwrite is yours to plan: versioning keeps earlier versions (expire them with a lifecycle rule), and cross-Region replication requires it.',
    },
    versioningNotEnabled: {
      headline: "bucket '{bucket}' does not enable versioning.",
      detail:
        'Versioning is off by default, so a delete or overwrite cannot be undone. S3 stores your objects durably, but recovering from an accidental or malicious delete or overwrite is yours to plan: versioning keeps earlier versions (expire them with a lifecycle rule), and cross-Region replication requires it.',
    },
  },

  check(resource, context) {
    if (resource.type === 'aws_s3_bucket_versioning') return checkCompanion(resource, context);
    if (propertiesUnknown(resource, context)) return [];
    if (hasObjectLock(resource, context)) return [];
    return isCloudFormation(resource)
      ? checkCloudFormation(resource, context)
      : checkTerraformBucket(resource, context);
  },

  fix(report, resource, context) {
    const kind = report.data?.kind;
    if (kind === 'companion') {
      const name = companionName(resource, 'aws_s3_bucket_versioning', context);
      const block = `resource "aws_s3_bucket_versioning" "${name}" {\n  bucket = ${resource.id}.id\n\n  versioning_configuration {\n    status = "Enabled"\n  }\n}`;
      return {
        title: 'Add aws_s3_bucket_versioning with status Enabled',
        edits: insertAfterResource(resource, context, block),
      };
    }
    const path = report.data?.path as string[];
    const value = kind === 'inline' ? true : 'Enabled';
    return { title: `Set ${path.join('.')} to ${String(value)}`, edits: setProperty(resource, context, path, value) };
  },
};

function checkCloudFormation(bucket: Resource, context: RuleContext): RuleReport[] {
  const configuration = property(bucket, 'VersioningConfiguration');
  if (configuration && configuration.value.kind !== 'map') {
    // `!Ref AWS::NoValue` leaves versioning off; an intrinsic decides at deploy time.
    return context.resolve(configuration.value) === undefined ? [{ ...missing(bucket), fixable: false }] : [];
  }
  const status = property(bucket, 'VersioningConfiguration', 'Status');
  if (!status) return [missing(bucket)];
  const value = stringOf(context.resolve(status.value)).value;
  if (value === undefined || value === 'Enabled') return [];
  return [
    {
      messageId: 'versioningStatus',
      range: status.value.range,
      fixable: status.value.kind === 'literal',
      data: { path: ['VersioningConfiguration', 'Status'], bucket: bucket.id, status: value },
    },
  ];
}

function checkTerraformBucket(bucket: Resource, context: RuleContext): RuleReport[] {
  const companions = bucketCompanions(bucket, context, 'aws_s3_bucket_versioning');
  // A versioning resource decides, and is checked where it is written.
  if (companions.found.length > 0 || companions.uncertain) return [];
  const inline = getProperties(bucket.properties, 'versioning');
  if (inline.length === 0) return [missing(bucket, usesLegacyStyle(bucket, context) ? 'inline' : 'companion')];
  if (inline.length > 1 || inline[0].value.kind !== 'map') return [];
  const enabled = property(bucket, 'versioning', 'enabled');
  if (enabled && booleanOf(context.resolve(enabled.value)).value !== false) return [];
  return [
    {
      messageId: 'versioningBlock',
      range: enabled ? enabled.value.range : reportRange(inline[0]),
      fixable: !enabled || enabled.value.kind === 'literal',
      data: {
        kind: 'inline',
        path: ['versioning', 'enabled'],
        bucket: bucket.id,
        what: enabled ? 'turns versioning off' : 'has a versioning block without enabled = true',
      },
    },
  ];
}

function checkCompanion(versioning: Resource, context: RuleContext): RuleReport[] {
  const status = property(versioning, 'versioning_configuration', 'status');
  const value = stringOf(context.resolve(status?.value)).value;
  if (!status || value === undefined || value === 'Enabled') return [];
  return [
    {
      messageId: 'versioningResource',
      range: status.value.range,
      fixable: status.value.kind === 'literal',
      data: { path: ['versioning_configuration', 'status'], versioning: versioning.id, status: value },
    },
  ];
}

/** Object Lock turns versioning on and keeps it on. */
function hasObjectLock(bucket: Resource, context: RuleContext): boolean {
  if (isCloudFormation(bucket))
    return booleanOf(context.resolve(property(bucket, 'ObjectLockEnabled')?.value)).value === true;
  if (booleanOf(context.resolve(property(bucket, 'object_lock_enabled')?.value)).value === true) return true;
  // Provider v3: `object_lock_configuration { object_lock_enabled = "Enabled" }`.
  return (
    stringOf(context.resolve(property(bucket, 'object_lock_configuration', 'object_lock_enabled')?.value)).value ===
    'Enabled'
  );
}

function missing(bucket: Resource, kind?: 'inline' | 'companion'): RuleReport {
  const cfn = isCloudFormation(bucket);
  return {
    messageId: 'versioningNotEnabled',
    range: bucket.typeRange,
    // A repeated bucket would need a repeated versioning resource: left to a person.
    fixable: cfn || kind === 'inline' || !repeats(bucket),
    data: {
      bucket: bucket.id,
      ...(cfn ? { path: ['VersioningConfiguration', 'Status'] } : { kind, path: ['versioning', 'enabled'] }),
    },
  };
}

/**
 * A bucket configured with provider v3 inline blocks, in a module without any v4+ companion: the
 * fix then writes the inline block too, since the module may pin a provider without companions.
 */
function usesLegacyStyle(bucket: Resource, context: RuleContext): boolean {
  if (hasResourceOfType(context, V4_COMPANIONS)) return false;
  return LEGACY_INLINE_BLOCKS.some((name) => property(bucket, name));
}
