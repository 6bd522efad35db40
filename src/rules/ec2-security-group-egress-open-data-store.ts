import type { Resource } from '../iac/model';
import type { Rule, RuleContext, RuleReport } from './rule';
import {
  describeOwner,
  describeSource,
  EGRESS_TYPES,
  isAnywhere,
  keepsDefaultEgress,
  securityGroupRules,
} from './support/security-group-rules';

/** Data stores that take security groups, with the words a message uses for them. */
const DATA_STORES: Record<string, string> = {
  'AWS::RDS::DBInstance': 'RDS instance',
  'AWS::RDS::DBCluster': 'RDS cluster',
  'AWS::ElastiCache::CacheCluster': 'ElastiCache cluster',
  'AWS::ElastiCache::ReplicationGroup': 'ElastiCache replication group',
  'AWS::ElastiCache::ServerlessCache': 'ElastiCache serverless cache',
  'AWS::MemoryDB::Cluster': 'MemoryDB cluster',
  'AWS::Redshift::Cluster': 'Redshift cluster',
  'AWS::RedshiftServerless::Workgroup': 'Redshift Serverless workgroup',
  'AWS::OpenSearchService::Domain': 'OpenSearch domain',
  'AWS::Elasticsearch::Domain': 'Elasticsearch domain',
  'AWS::DocDB::DBCluster': 'DocumentDB cluster',
  'AWS::DocDBElastic::Cluster': 'DocumentDB elastic cluster',
  'AWS::Neptune::DBCluster': 'Neptune cluster',
  'AWS::DAX::Cluster': 'DAX cluster',
  'AWS::EFS::MountTarget': 'EFS mount target',
  'AWS::FSx::FileSystem': 'FSx file system',
  aws_db_instance: 'RDS instance',
  aws_rds_cluster: 'RDS cluster',
  aws_elasticache_cluster: 'ElastiCache cluster',
  aws_elasticache_replication_group: 'ElastiCache replication group',
  aws_elasticache_serverless_cache: 'ElastiCache serverless cache',
  aws_memorydb_cluster: 'MemoryDB cluster',
  aws_redshift_cluster: 'Redshift cluster',
  aws_redshiftserverless_workgroup: 'Redshift Serverless workgroup',
  aws_opensearch_domain: 'OpenSearch domain',
  aws_elasticsearch_domain: 'Elasticsearch domain',
  aws_docdb_cluster: 'DocumentDB cluster',
  aws_docdb_elastic_cluster: 'DocumentDB elastic cluster',
  aws_neptune_cluster: 'Neptune cluster',
  aws_dax_cluster: 'DAX cluster',
  aws_efs_mount_target: 'EFS mount target',
  aws_fsx_lustre_file_system: 'FSx for Lustre file system',
  aws_fsx_windows_file_system: 'FSx for Windows file system',
  aws_fsx_ontap_file_system: 'FSx for ONTAP file system',
  aws_fsx_openzfs_file_system: 'FSx for OpenZFS file system',
};
const DATA_STORE_TYPES = Object.keys(DATA_STORES);

export const rule: Rule = {
  id: 'ec2-security-group-egress-open-data-store',
  title: 'Security group of a data store allows outbound traffic to the internet',
  concern: 'network-access',
  severity: 'info',
  appliesTo: EGRESS_TYPES,
  rationale:
    'Outbound rules are yours to set: when a security group is created without egress rules, EC2 adds rules that allow all outbound traffic. On a group attached to a database, cache, search domain or file system, egress to 0.0.0.0/0 or ::/0 is seldom needed and gives a compromised data store a way out.',
  remediation:
    "Give the data store's group explicit egress rules for the destinations it needs (`SecurityGroupEgress` in CloudFormation, which replaces the default rules; to allow nothing, use a single rule to `127.0.0.1/32`), or `egress {}` blocks / `aws_vpc_security_group_egress_rule` in Terraform limited to private ranges or security groups.",
  messages: {
    egressOpen: {
      headline: '{owner} lets a data store send traffic to {cidr}.',
      detail:
        'It lets {store} send traffic to {destination}. A data store rarely needs to open connections to the internet, and AWS leaves outbound rules to you: allow only the destinations it needs, which also narrows paths for data exfiltration.',
    },
    defaultEgress: {
      headline: "security group '{group}' of a data store allows all outbound traffic.",
      detail:
        'It belongs to {store} and has no SecurityGroupEgress rules, so it keeps the rules EC2 adds by default, which allow all outbound traffic. A data store rarely needs to open connections to the internet, and AWS leaves outbound rules to you: allow only the destinations it needs, which also narrows paths for data exfiltration.',
    },
  },

  check(resource, context) {
    const reports: RuleReport[] = [];
    for (const r of securityGroupRules(resource, context)) {
      if (r.direction !== 'egress' || !isAnywhere(r.cidr) || !r.group) continue;
      const store = describeDataStores(r.group, context);
      if (!store) continue;
      const owner = r.inline ? describeOwner(r) : `${describeOwner(r)} of security group '${r.group.id}'`;
      reports.push({
        messageId: 'egressOpen',
        data: { owner, store, cidr: r.cidr ?? '', destination: describeSource(r) },
        range: r.range,
      });
    }
    if (keepsDefaultEgress(resource, context) === true) {
      const store = describeDataStores(resource, context);
      if (store) {
        reports.push({
          messageId: 'defaultEgress',
          data: { group: resource.id, store },
          range: resource.typeRange,
        });
      }
    }
    return reports;
  },
};

/** "RDS instance 'Db'" (and how many others) when a data store uses the group. */
function describeDataStores(group: Resource, context: RuleContext): string | undefined {
  const stores = context.referencing(group, DATA_STORE_TYPES);
  if (stores.length === 0) return undefined;
  const [first] = stores;
  const others = stores.length > 1 ? ` (and ${stores.length - 1} more data store${stores.length > 2 ? 's' : ''})` : '';
  return `${DATA_STORES[first.type]} '${first.id}'${others}`;
}
