import type { Resource } from '../iac/model';
import { setProperty } from '../fixes/edits';
import type { Rule, RuleContext, RuleReport } from './rule';
import {
  CFN_CACHE_CLUSTER,
  CFN_REPLICATION_GROUP,
  TF_CACHE_CLUSTER,
  TF_REPLICATION_GROUP,
  cacheEngine,
  cacheEngineVersion,
  engineName,
  inheritsSettings,
  isReplicationGroup,
  versionCanEncrypt,
} from './support/elasticache';
import { checkRequiredSetting, type RequiredSetting } from './toolkit/required-setting';
import { key, read } from './toolkit/values';

const CFN_KEY = 'AtRestEncryptionEnabled';
const TF_KEY = 'at_rest_encryption_enabled';

export const rule: Rule = {
  id: 'elasticache-at-rest-encryption',
  title: 'ElastiCache data is not encrypted at rest',
  concern: 'data-at-rest',
  severity: 'warning',
  appliesTo: [CFN_REPLICATION_GROUP, CFN_CACHE_CLUSTER, TF_REPLICATION_GROUP, TF_CACHE_CLUSTER],
  rationale:
    'ElastiCache runs and patches the cache nodes, but whether the data it writes to disk (backups, swap and sync files) is encrypted is your choice for node-based Redis OSS clusters, and it can only be chosen when the replication group is created. Valkey replication groups and serverless caches are encrypted by default.',
  remediation:
    'Set `AtRestEncryptionEnabled: true` (CloudFormation) or `at_rest_encryption_enabled = true` (Terraform) on the replication group, optionally with a customer managed KMS key (`KmsKeyId` / `kms_key_id`). A standalone Redis OSS cache cluster cannot be encrypted: create a replication group instead.',
  messages: {
    encryptionOff: {
      headline: "ElastiCache replication group '{resource}' turns encryption at rest off.",
      detail: 'ElastiCache encrypts backups and on-disk data only when you ask for it at creation.{upgrade}',
    },
    encryptionNotSet: {
      headline: "ElastiCache replication group '{resource}' is not encrypted at rest.",
      detail:
        '{property} is not set and defaults to false for Redis OSS. ElastiCache encrypts backups and on-disk data only when you ask for it at creation.{upgrade}',
    },
    standaloneCluster: {
      headline: "ElastiCache cache cluster '{resource}' cannot be encrypted at rest.",
      detail:
        'It runs {engine} on its own, and ElastiCache cannot encrypt a standalone cluster at rest (its backups and on-disk data stay unencrypted). Create it as a replication group with {property} set to true.',
    },
  },

  check(resource, context) {
    if (inheritsSettings(resource, context)) return [];
    return isReplicationGroup(resource)
      ? checkReplicationGroup(resource, context)
      : checkStandaloneCluster(resource, context);
  },

  fix(_report, resource, context) {
    const name = key(resource, CFN_KEY, TF_KEY);
    return {
      title: `Set ${name} to true (the replication group is replaced)`,
      edits: setProperty(resource, context, [name], true),
    };
  },
};

function checkReplicationGroup(resource: Resource, context: RuleContext): RuleReport[] {
  const engine = cacheEngine(resource, context);
  const version = cacheEngineVersion(resource, context);
  const supported = engine === undefined || versionCanEncrypt(engine, version);
  const upgrade = supported
    ? ''
    : ` Engine version ${version} cannot encrypt at rest: upgrade to Redis OSS 4.0.10 or later first.`;
  const setting: RequiredSetting = {
    cloudFormation: CFN_KEY,
    terraform: TF_KEY,
    wanted: true,
    // Without the setting the default depends on the engine: on for Valkey, off for Redis OSS.
    default: { value: engine !== 'redis', source: 'ElastiCache API default (off for Redis OSS, on for Valkey)' },
  };
  const reports = checkRequiredSetting(resource, context, setting, {
    absent: 'encryptionNotSet',
    insecure: 'encryptionOff',
    data: { upgrade },
  });
  return reports.map((report) => ({ ...report, fixable: supported }));
}

/** A node-based Redis OSS cache cluster on its own has no at-rest encryption setting at all. */
function checkStandaloneCluster(resource: Resource, context: RuleContext): RuleReport[] {
  if (cacheEngine(resource, context) !== 'redis') return [];
  const engine = read(resource, context, [key(resource, 'Engine', 'engine')]);
  return [
    {
      messageId: 'standaloneCluster',
      data: { resource: resource.id, engine: engineName('redis'), property: key(resource, CFN_KEY, TF_KEY) },
      range: engine.state === 'known' ? engine.property.value.range : resource.typeRange,
      fixable: false,
    },
  ];
}
