/**
 * The ports that must not be open to the internet: remote administration, and the default ports
 * of database, cache and search engines. The template rules (`ec2-security-group-admin-ports-open`,
 * `ec2-security-group-database-ports-open`) and the account check (`srlens aws check`,
 * `security-group-open-ports`) read the same tables, so both judge a security group alike.
 */

export interface SensitivePort {
  port: number;
  service: string;
  protocols: readonly string[];
}

/** Remote administration ports. RDP also runs over UDP; SSH is TCP only. */
export const ADMIN_PORTS: readonly SensitivePort[] = [
  { port: 22, service: 'SSH', protocols: ['tcp'] },
  { port: 3389, service: 'RDP', protocols: ['tcp', 'udp'] },
];

/**
 * Default ports of the database, cache and search engines AWS runs as managed services, which are
 * also the engines most often run by hand on EC2. File shares (NFS 2049, SMB 445) are not in the
 * list: they are storage protocols, not database engines.
 */
export const DATABASE_PORTS: readonly SensitivePort[] = [
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
