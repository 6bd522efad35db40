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
  type CacheEngine,
} from './support/elasticache';
import { checkRequiredSetting, type RequiredSetting } from './toolkit/required-setting';
import { booleanOf, key, read, stringOf } from './toolkit/values';

const CFN_KEY = 'TransitEncryptionEnabled';
const TF_KEY = 'transit_encryption_enabled';

const SETTING: RequiredSetting = {
  cloudFormation: CFN_KEY,
  terraform: TF_KEY,
  wanted: true,
  default: { value: false, source: 'ElastiCache API default for Redis OSS and Memcached' },
};

export const rule: Rule = {
  id: 'elasticache-transit-encryption',
  title: 'ElastiCache accepts unencrypted connections',
  concern: 'data-in-transit',
  severity: 'warning',
  appliesTo: [CFN_REPLICATION_GROUP, CFN_CACHE_CLUSTER, TF_REPLICATION_GROUP, TF_CACHE_CLUSTER],
  rationale:
    'ElastiCache runs the cache nodes, but whether clients and nodes talk over TLS is your choice on node-based clusters: unless you enable in-transit encryption, cached data and AUTH tokens cross the network in plain text. Serverless caches always use TLS.',
  remediation:
    'Set `TransitEncryptionEnabled: true` (CloudFormation) or `transit_encryption_enabled = true` (Terraform) and connect with TLS-capable clients; keep `TransitEncryptionMode` / `transit_encryption_mode` at `required` once every client uses TLS. For Memcached this needs version 1.6.12 or later.',
  messages: {
    encryptionOff: {
      headline: "ElastiCache {what} '{resource}' turns in-transit encryption off.",
      detail:
        'ElastiCache uses TLS only when you turn it on; until then cached data crosses the network in plain text.{upgrade}',
    },
    encryptionNotSet: {
      headline: "ElastiCache {what} '{resource}' does not turn on in-transit encryption.",
      detail:
        '{unset}. ElastiCache uses TLS only when you turn it on; until then cached data crosses the network in plain text.{upgrade}',
    },
    preferredMode: {
      headline: "ElastiCache replication group '{resource}' still accepts unencrypted connections.",
      detail: "Its transit encryption mode is 'preferred'. Once every client connects with TLS, set it to 'required'.",
    },
  },

  check(resource, context) {
    if (inheritsSettings(resource, context)) return [];
    const engine = cacheEngine(resource, context);
    // On a standalone cache cluster only Memcached has the setting; Redis OSS and Valkey get TLS through replication groups.
    if (!isReplicationGroup(resource) && engine !== 'memcached') return [];
    return checkTransit(resource, context, engine);
  },

  fix(_report, resource, context) {
    const name = key(resource, CFN_KEY, TF_KEY);
    return { title: `Set ${name} to true`, edits: setProperty(resource, context, [name], true) };
  },
};

function checkTransit(resource: Resource, context: RuleContext, engine: CacheEngine | undefined): RuleReport[] {
  if (booleanOf(read(resource, context, [key(resource, CFN_KEY, TF_KEY)])).value === true) {
    return checkMode(resource, context);
  }
  const what = isReplicationGroup(resource) ? 'replication group' : 'cache cluster';
  const version = cacheEngineVersion(resource, context);
  const supported = engine === undefined || versionCanEncrypt(engine, version);
  const minimum = engine === 'memcached' ? 'Memcached 1.6.12' : 'Redis OSS 4.0.10';
  const upgrade = supported ? '' : ` Engine version ${version} cannot use TLS: upgrade to ${minimum} or later first.`;
  // The API default is false for Redis OSS and Memcached; for other engines we only say it is not set.
  const name = key(resource, CFN_KEY, TF_KEY);
  const unset =
    engine === 'redis' || engine === 'memcached'
      ? `${name} is not set and defaults to false for ${engineName(engine)}`
      : `${name} is not set`;
  const reports = checkRequiredSetting(resource, context, SETTING, {
    absent: 'encryptionNotSet',
    insecure: 'encryptionOff',
    data: { what, unset, upgrade },
  });
  return reports.map((report) => ({ ...report, fixable: supported }));
}

/** TLS is on, but `preferred` mode still accepts plain-text connections (a migration setting). */
function checkMode(resource: Resource, context: RuleContext): RuleReport[] {
  const setting = read(resource, context, [key(resource, 'TransitEncryptionMode', 'transit_encryption_mode')]);
  if (stringOf(setting).value !== 'preferred' || setting.state !== 'known') return [];
  return [
    {
      messageId: 'preferredMode',
      data: { resource: resource.id },
      range: setting.property.value.range,
      // Switching to `required` cuts off clients that do not use TLS yet: a decision for the owner.
      fixable: false,
    },
  ];
}
