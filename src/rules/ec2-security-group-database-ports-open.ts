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
import { DATABASE_PORTS } from '../knowledge/ports';

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
