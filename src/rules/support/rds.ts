/**
 * What the RDS rules need to know about a DB instance or cluster before judging one setting:
 * whether the resource is an instance or a cluster, whether it inherits the setting from elsewhere
 * (an Aurora cluster, a replication source, a snapshot), and its engine.
 */
import type { Resource } from '../../iac/model';
import type { RuleContext } from '../rule';
import { isCloudFormation, isSet, key, known, property, readFor, stringOf, type Reading } from '../toolkit/values';

export type RdsKind = 'instance' | 'cluster' | 'cluster-instance';

export function rdsKind(resource: Resource): RdsKind {
  if (resource.type === 'AWS::RDS::DBCluster' || resource.type === 'aws_rds_cluster') return 'cluster';
  if (resource.type === 'aws_rds_cluster_instance') return 'cluster-instance';
  return 'instance';
}

/** "RDS database 'Db'" or "RDS cluster 'Db'", the way messages name the resource. */
export function rdsName(resource: Resource): string {
  const kind = rdsKind(resource);
  if (kind === 'cluster') return `RDS cluster '${resource.id}'`;
  if (kind === 'cluster-instance') return `Aurora instance '${resource.id}'`;
  return `RDS database '${resource.id}'`;
}

/** The engine (lowercased when known): absent when not written, unknown when decided at deploy time. */
export function engineOf(resource: Resource, context: RuleContext): Reading<string> {
  const engine = stringOf(readFor(resource, context, 'Engine', 'engine'));
  return engine.state === 'known' ? known(engine.value.toLowerCase(), engine.property) : engine;
}

export function isAuroraEngine(engine: string | undefined): boolean {
  return engine !== undefined && engine.startsWith('aurora');
}

/**
 * A DB instance whose storage, backups, deletion protection and authentication belong to an Aurora
 * cluster: it names its cluster, or its engine is an Aurora engine (Aurora instances are always
 * cluster members). `aws_rds_cluster_instance` is always one.
 */
export function isAuroraMember(resource: Resource, context: RuleContext): boolean {
  if (rdsKind(resource) === 'cluster-instance') return true;
  if (rdsKind(resource) === 'cluster') return false;
  if (isCloudFormation(resource) && isSet(resource, context, 'DBClusterIdentifier')) return true;
  return isAuroraEngine(engineOf(resource, context).value);
}

/** A read replica: a copy of another database, protected and backed up through its source. */
export function isReadReplica(resource: Resource, context: RuleContext): boolean {
  if (rdsKind(resource) !== 'instance') return false;
  const names = isCloudFormation(resource)
    ? ['SourceDBInstanceIdentifier', 'SourceDBClusterIdentifier']
    : ['replicate_source_db'];
  return names.some((name) => isSet(resource, context, name));
}

/**
 * Created from existing data (snapshot, point in time, S3 import, replication source) rather than
 * empty: such a database inherits some settings from its source when they are not written.
 */
export function isRestoredOrReplicated(resource: Resource, context: RuleContext): boolean {
  const names = isCloudFormation(resource)
    ? rdsKind(resource) === 'cluster'
      ? [
          'SnapshotIdentifier',
          'SourceDBClusterIdentifier',
          'RestoreType',
          'RestoreToTime',
          'UseLatestRestorableTime',
          'ReplicationSourceIdentifier',
          'GlobalClusterIdentifier',
        ]
      : [
          'DBSnapshotIdentifier',
          'SourceDBInstanceIdentifier',
          'SourceDBClusterIdentifier',
          'SourceDBInstanceAutomatedBackupsArn',
          'SourceDbiResourceId',
          'RestoreTime',
          'UseLatestRestorableTime',
        ]
    : rdsKind(resource) === 'cluster'
      ? [
          'snapshot_identifier',
          'restore_to_point_in_time',
          's3_import',
          'replication_source_identifier',
          'global_cluster_identifier',
        ]
      : ['replicate_source_db', 'snapshot_identifier', 'restore_to_point_in_time', 's3_import'];
  return names.some((name) => isSet(resource, context, name));
}

/** Aurora Serverless v1 (`EngineMode: serverless`), which lacks several features (IAM auth, managed passwords). */
export function isServerlessV1(resource: Resource, context: RuleContext): boolean {
  return (
    stringOf(
      context.resolve(property(resource, key(resource, 'EngineMode', 'engine_mode'))?.value),
    ).value?.toLowerCase() === 'serverless'
  );
}
