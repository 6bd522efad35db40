/**
 * What the ElastiCache rules share: which engine a replication group or cache cluster runs, whether
 * its engine version can encrypt at all, and whether it takes its settings from somewhere else
 * (a Global Datastore, an existing primary cluster, or the replication group it joins).
 */
import type { Resource } from '../../iac/model';
import type { RuleContext } from '../rule';
import { isCloudFormation, isPresent, read, stringOf } from '../toolkit/values';
import { compareVersions, versionNumbers } from '../toolkit/versions';

export const CFN_REPLICATION_GROUP = 'AWS::ElastiCache::ReplicationGroup';
export const CFN_CACHE_CLUSTER = 'AWS::ElastiCache::CacheCluster';
export const TF_REPLICATION_GROUP = 'aws_elasticache_replication_group';
export const TF_CACHE_CLUSTER = 'aws_elasticache_cluster';

export type CacheEngine = 'redis' | 'valkey' | 'memcached';

export function isReplicationGroup(resource: Resource): boolean {
  return resource.type === CFN_REPLICATION_GROUP || resource.type === TF_REPLICATION_GROUP;
}

/**
 * The engine, or undefined when it is decided at deploy time or not one we know. A replication
 * group without an engine runs Redis OSS (the API and provider default); a cache cluster must name one.
 */
export function cacheEngine(resource: Resource, context: RuleContext): CacheEngine | undefined {
  const engine = stringOf(read(resource, context, [isCloudFormation(resource) ? 'Engine' : 'engine']));
  if (engine.state === 'absent') return isReplicationGroup(resource) ? 'redis' : undefined;
  if (engine.state === 'unknown') return undefined;
  const lower = engine.value.toLowerCase();
  return lower === 'redis' || lower === 'valkey' || lower === 'memcached' ? lower : undefined;
}

/** The engine version as written, when it is a literal. */
export function cacheEngineVersion(resource: Resource, context: RuleContext): string | undefined {
  const version = stringOf(read(resource, context, [isCloudFormation(resource) ? 'EngineVersion' : 'engine_version']));
  return version.value;
}

/**
 * False only when the engine version is known to predate encryption: Redis OSS encrypts from 3.2.6
 * and 4.0.10 (not 3.2.10), Memcached in transit from 1.6.12; every Valkey version can.
 */
export function versionCanEncrypt(engine: CacheEngine, version: string | undefined): boolean {
  const numbers = version === undefined ? undefined : versionNumbers(version);
  if (!numbers) return true;
  if (engine === 'memcached') return compareVersions(numbers, [1, 6, 12]) >= 0;
  if (engine !== 'redis') return true;
  if (numbers[0] !== 3) return numbers[0] > 3 ? compareVersions(numbers, [4, 0, 10]) >= 0 : false;
  // 3.2.6 is the only 3.x release that encrypts; "3.2" alone may mean it.
  return numbers.length < 3 ? compareVersions(numbers, [3, 2]) === 0 : compareVersions(numbers, [3, 2, 6]) === 0;
}

/**
 * True when the resource does not choose its own encryption or authentication: a secondary of a
 * Global Datastore, a replication group built around an existing primary cluster, or (Terraform)
 * a cache cluster that joins a replication group.
 */
export function inheritsSettings(resource: Resource, context: RuleContext): boolean {
  let names: string[];
  if (isCloudFormation(resource))
    names = resource.type === CFN_REPLICATION_GROUP ? ['GlobalReplicationGroupId', 'PrimaryClusterId'] : [];
  // On a Terraform replication group, replication_group_id is its own name; on a cluster, the group it joins.
  else names = resource.type === TF_REPLICATION_GROUP ? ['global_replication_group_id'] : ['replication_group_id'];
  return names.some((name) => isPresent(read(resource, context, [name])));
}

export function engineName(engine: CacheEngine): string {
  return engine === 'redis' ? 'Redis OSS' : engine === 'valkey' ? 'Valkey' : 'Memcached';
}
