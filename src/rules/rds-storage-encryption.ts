import { setProperty } from '../fixes/edits';
import type { Rule } from './rule';
import { booleanOf, stringOf, isCloudFormation, key, property } from './toolkit/values';

const CFN_KEY = 'StorageEncrypted';
const TF_KEY = 'storage_encrypted';

export const rule: Rule = {
  id: 'rds-storage-encryption',
  title: 'RDS storage is not encrypted',
  concern: 'data-at-rest',
  severity: 'error',
  appliesTo: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster', 'aws_db_instance', 'aws_rds_cluster'],
  rationale:
    'On RDS, AWS runs and patches the database engine and its hosts, but encrypting the stored data is your choice: storage is unencrypted unless you ask for encryption when the database is created, and it cannot be switched on later without copying a snapshot and restoring it.',
  remediation:
    'Set `StorageEncrypted: true` (CloudFormation) or `storage_encrypted = true` (Terraform), optionally with a customer managed KMS key.',
  messages: {
    encryptionOff: {
      headline: "RDS {kind} '{resource}' turns storage encryption off.",
      detail:
        'Encrypting data at rest is yours to choose on RDS; set it to true (it cannot be enabled after creation).',
    },
    notSet: {
      headline: "RDS {kind} '{resource}' stores its data unencrypted.",
      detail:
        '{property} is not set and defaults to false. Encrypting data at rest is yours to choose on RDS, and it cannot be enabled after creation.',
    },
  },

  check(resource, context) {
    const cfn = isCloudFormation(resource);
    // Members of an Aurora cluster, read replicas and restores inherit encryption from their source.
    // On an AWS::RDS::DBCluster, DBClusterIdentifier is the cluster's own name, not a membership.
    const inherits = cfn
      ? resource.type === 'AWS::RDS::DBCluster'
        ? ['SnapshotIdentifier', 'SourceDBClusterIdentifier']
        : ['DBClusterIdentifier', 'SourceDBInstanceIdentifier', 'DBSnapshotIdentifier', 'SourceDBClusterIdentifier']
      : [
          'replicate_source_db',
          'snapshot_identifier',
          'replication_source_identifier',
          'restore_to_point_in_time',
          's3_import',
        ];
    if (inherits.some((name) => property(resource, name))) return [];
    // Aurora Serverless v1 is always encrypted.
    if (
      stringOf(context.resolve(property(resource, key(resource, 'EngineMode', 'engine_mode'))?.value)).value ===
      'serverless'
    )
      return [];
    // An Aurora DB instance's storage belongs to its cluster, which decides encryption.
    if (
      resource.type === 'AWS::RDS::DBInstance' &&
      stringOf(context.resolve(property(resource, 'Engine')?.value))
        .value?.toLowerCase()
        .startsWith('aurora')
    )
      return [];

    const setting = property(resource, key(resource, CFN_KEY, TF_KEY));
    const value = context.resolve(setting?.value);
    if (setting && booleanOf(value).value !== false) return [];
    const what = resource.type.includes('Cluster') || resource.type === 'aws_rds_cluster' ? 'cluster' : 'database';
    return [
      {
        messageId: setting ? 'encryptionOff' : 'notSet',
        data: { kind: what, resource: resource.id, property: key(resource, CFN_KEY, TF_KEY) },
        range: setting ? setting.value.range : resource.typeRange,
      },
    ];
  },

  fix(_report, resource, context) {
    const name = key(resource, CFN_KEY, TF_KEY);
    return { title: `Set ${name} to true`, edits: setProperty(resource, context, [name], true) };
  },
};
