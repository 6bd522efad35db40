import type { Resource } from '../iac/model';
import type { Rule, RuleContext } from './rule';
import { engineOf, isAuroraMember, isServerlessV1, rdsKind, rdsName } from './support/rds';

import { checkRequiredSetting, fixRequiredSetting, type RequiredSetting } from './toolkit/required-setting';
import { key, property, stringOf } from './toolkit/values';

const SETTING: RequiredSetting = {
  cloudFormation: 'EnableIAMDatabaseAuthentication',
  terraform: 'iam_database_authentication_enabled',
  wanted: true,
  default: { value: false, source: 'RDS API, CloudFormation and Terraform default' },
};

/** MariaDB supports IAM database authentication from 10.11 on; older majors do not. */
const OLD_MARIADB = /^10\.[0-6](\.|$)/;

/**
 * Whether IAM database authentication exists for this engine: RDS for MySQL, MariaDB (10.11+) and
 * PostgreSQL, Aurora MySQL and PostgreSQL clusters, and Multi-AZ DB clusters (MySQL, PostgreSQL).
 * Not for SQL Server, Oracle, Db2 or RDS Custom. Unknown engines or versions are not judged.
 */
function supportsIamAuthentication(resource: Resource, context: RuleContext): boolean {
  const engine = engineOf(resource, context).value;
  if (engine === undefined) return false;
  if (rdsKind(resource) === 'cluster')
    return ['aurora', 'aurora-mysql', 'aurora-postgresql', 'mysql', 'postgres'].includes(engine);
  if (engine === 'mysql' || engine === 'postgres') return true;
  if (engine !== 'mariadb') return false;
  const version = property(resource, key(resource, 'EngineVersion', 'engine_version'));
  if (!version) return true; // The current default version supports it.
  const literal = stringOf(context.resolve(version.value)).value;
  return literal !== undefined && !OLD_MARIADB.test(literal);
}

export const rule: Rule = {
  id: 'rds-iam-authentication',
  title: 'RDS IAM database authentication is off',
  concern: 'identity-access',
  severity: 'info',
  appliesTo: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster', 'aws_db_instance', 'aws_rds_cluster'],
  rationale:
    'AWS runs the database engine, but who can log in to it is yours to manage. With IAM database authentication, users and applications connect with short-lived tokens tied to IAM identities instead of long-lived database passwords, and access is granted and revoked in IAM.',
  remediation:
    'Set `EnableIAMDatabaseAuthentication: true` (CloudFormation) or `iam_database_authentication_enabled = true` (Terraform), then grant `rds-db:connect` to the IAM roles that need it. Password login keeps working. Supported on MySQL, MariaDB 10.11+, PostgreSQL and Aurora; not on SQL Server, Oracle or Db2.',
  messages: {
    notSet: {
      headline: '{database} ({engine}) accepts only database passwords.',
      detail:
        'IAM database authentication is off ({property} is not set and defaults to false). Who can log in is yours to manage; IAM authentication replaces long-lived passwords with 15-minute tokens tied to IAM identities.',
    },
    turnedOff: {
      headline: '{database} ({engine}) accepts only database passwords.',
      detail:
        'IAM database authentication is off. Who can log in is yours to manage; IAM authentication replaces long-lived passwords with 15-minute tokens tied to IAM identities.',
    },
  },

  check(resource, context) {
    // Aurora instances follow their cluster; Aurora Serverless v1 does not offer IAM authentication.
    if (isAuroraMember(resource, context) || isServerlessV1(resource, context)) return [];
    if (!supportsIamAuthentication(resource, context)) return [];
    const engine = engineOf(resource, context).value;
    return checkRequiredSetting(resource, context, SETTING, {
      absent: 'notSet',
      insecure: 'turnedOff',
      data: { database: rdsName(resource), engine: engine ?? '' },
    });
  },

  fix(_report, resource, context) {
    return fixRequiredSetting(resource, context, SETTING);
  },
};
