import type { Rule } from './rule';
import {
  coversPort,
  describeOwner,
  describePorts,
  describeSource,
  INGRESS_TYPES,
  isAnywhere,
  opensEveryPort,
  securityGroupRules,
} from './support/security-group-rules';

/**
 * Default ports of the database, cache and search engines AWS runs as managed services, which are
 * also the engines most often run by hand on EC2. File shares (NFS 2049, SMB 445) are not in the
 * list: they are storage protocols, not database engines.
 */
const DATABASE_PORTS: readonly { port: number; service: string; protocols: readonly string[] }[] = [
  { port: 1433, service: 'SQL Server', protocols: ['tcp'] },
  { port: 1521, service: 'Oracle', protocols: ['tcp'] },
  { port: 3306, service: 'MySQL/MariaDB', protocols: ['tcp'] },
  { port: 5432, service: 'PostgreSQL', protocols: ['tcp'] },
  { port: 5439, service: 'Redshift', protocols: ['tcp'] },
  { port: 6379, service: 'Redis/Valkey', protocols: ['tcp'] },
  { port: 8182, service: 'Neptune', protocols: ['tcp'] },
  { port: 9042, service: 'Cassandra', protocols: ['tcp'] },
  { port: 9200, service: 'OpenSearch/Elasticsearch', protocols: ['tcp'] },
  { port: 9300, service: 'OpenSearch/Elasticsearch transport', protocols: ['tcp'] },
  // Memcached also answers over UDP, the vector of its well-known amplification attacks.
  { port: 11211, service: 'Memcached', protocols: ['tcp', 'udp'] },
  { port: 27017, service: 'MongoDB/DocumentDB', protocols: ['tcp'] },
];

/** How many services a message names before summarising. */
const LISTED = 3;

export const rule: Rule = {
  id: 'ec2-security-group-database-ports-open',
  title: 'Security group opens database or cache ports to the internet',
  concern: 'network-access',
  severity: 'warning',
  appliesTo: INGRESS_TYPES,
  rationale:
    'AWS runs the database engine on RDS, ElastiCache, Redshift, DocumentDB, Neptune and OpenSearch, but who can reach it over the network is yours to decide. This rule looks at the default ports of those engines and their self-managed equivalents (SQL Server 1433, Oracle 1521, MySQL/MariaDB 3306, PostgreSQL 5432, Redshift 5439, Redis/Valkey 6379, Neptune 8182, Cassandra 9042, OpenSearch/Elasticsearch 9200 and 9300, Memcached 11211, MongoDB/DocumentDB 27017) open to 0.0.0.0/0 or ::/0.',
  remediation:
    "Allow the database port only from the application tier: set the source to the application's security group (`SourceSecurityGroupId` in CloudFormation, `security_groups`/`source_security_group_id`/`referenced_security_group_id` in Terraform) or to private address ranges, instead of `0.0.0.0/0` or `::/0`.",
  messages: {
    databasePortsOpen: {
      headline: '{owner} allows {what} from {cidr}.',
      detail:
        "The source is {source}. AWS runs managed database engines but leaves network access to you: allow the port only from the application's security group or private ranges.",
    },
  },

  check(resource, context) {
    return (
      securityGroupRules(resource, context)
        // Rules open on every port are reported once, by ec2-security-group-all-traffic-open.
        .filter((r) => r.direction === 'ingress' && isAnywhere(r.cidr) && !opensEveryPort(r))
        .flatMap((r) => {
          const open = DATABASE_PORTS.filter((d) => coversPort(r, d.port, d.protocols));
          if (open.length === 0) return [];
          const services = listServices(open.map((d) => `${d.service} (${d.port})`));
          const what =
            open.length === 1 && r.fromPort === r.toPort ? services : `${describePorts(r)}, which include ${services},`;
          return [
            {
              messageId: 'databasePortsOpen',
              data: { owner: describeOwner(r), what, cidr: r.cidr ?? '', source: describeSource(r) },
              range: r.range,
            },
          ];
        })
    );
  },
};

/** "A, B and C", or "A, B, C and 4 more". */
function listServices(names: string[]): string {
  if (names.length > LISTED) return `${names.slice(0, LISTED).join(', ')} and ${names.length - LISTED} more`;
  if (names.length === 1) return names[0];
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
