import type { Resource } from '../iac/model';
import type { Rule, RuleReport } from './rule';
import { setSecureValue } from './toolkit/parameterised-fixes';
import { isAuroraMember, isReadReplica, isRestoredOrReplicated, rdsKind, rdsName } from './support/rds';
import { numberOf, isCloudFormation, key, property } from './toolkit/values';

const CFN_KEY = 'BackupRetentionPeriod';
const TF_KEY = 'backup_retention_period';
/** Days; the Security Hub control RDS.11 and most backup policies ask for at least a week. */
const MINIMUM_DAYS = 7;

/**
 * What a missing value means. The RDS API defaults to one day for instances and clusters, and
 * CloudFormation and the Terraform cluster resource leave it to the API (or send 1). The Terraform
 * `aws_db_instance` resource sends 0 when the argument is absent, which turns backups off.
 */
function defaultDays(resource: Resource): number {
  return !isCloudFormation(resource) && rdsKind(resource) === 'instance' ? 0 : 1;
}

function missingReport(resource: Resource): RuleReport {
  const name = key(resource, CFN_KEY, TF_KEY);
  const days = defaultDays(resource);
  const what = days === 0 ? 'has no automated backups' : 'keeps automated backups for only 1 day';
  const why =
    days === 0
      ? `${name} is not set, and the AWS provider then creates the instance with a retention of 0 days, which turns automated backups off`
      : `${name} is not set and the RDS default is 1 day`;
  return {
    messageId: 'shortRetention',
    data: { database: rdsName(resource), what, why },
    range: resource.typeRange,
  };
}

export const rule: Rule = {
  id: 'rds-backup-retention',
  title: 'RDS automated backups are off or kept for less than 7 days',
  concern: 'backup-dr',
  severity: 'warning',
  appliesTo: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster', 'aws_db_instance', 'aws_rds_cluster'],
  rationale:
    'AWS takes the automated backups and keeps the transaction logs for point-in-time recovery, but only for the retention period you choose: with 0 days there are no automated backups at all, and with 1 day a problem noticed after a weekend can no longer be undone.',
  remediation:
    'Set `BackupRetentionPeriod` (CloudFormation) or `backup_retention_period` (Terraform) to at least 7 days, up to 35. On a DB instance, changing it from 0 to a positive value (or back) causes a brief outage, so plan the change. The Terraform `aws_db_instance` resource turns backups off when the argument is absent.',
  messages: {
    shortRetention: {
      headline: '{database} {what}.',
      detail:
        '{why}. AWS runs the backups, but how far back you can recover is your disaster-recovery decision; keep at least 7 days.',
    },
  },

  check(resource, context) {
    // Aurora instances use the cluster's retention; read replicas are backed up through their source.
    if (isAuroraMember(resource, context) || isReadReplica(resource, context)) return [];
    const name = key(resource, CFN_KEY, TF_KEY);
    const setting = property(resource, name);
    const resolved = setting && context.resolve(setting.value);
    if (!setting || resolved === undefined || (resolved.kind === 'literal' && resolved.value === null)) {
      // Restored databases inherit the retention of their source snapshot or instance.
      return isRestoredOrReplicated(resource, context) ? [] : [missingReport(resource)];
    }
    const days = numberOf(resolved).value;
    if (days === undefined || days >= MINIMUM_DAYS) return [];
    const what =
      days <= 0
        ? `turns automated backups off (${name} is 0)`
        : `keeps automated backups for only ${days} day${days === 1 ? '' : 's'}`;
    const why = days <= 0 ? 'With no automated backups there is no point-in-time recovery' : `${name} is ${days}`;
    return [
      {
        messageId: 'shortRetention',
        data: { database: rdsName(resource), what, why },
        range: setting.value.range,
      },
    ];
  },

  fix(_report, resource, context) {
    const name = key(resource, CFN_KEY, TF_KEY);
    return {
      title: `Set ${name} to ${MINIMUM_DAYS} days`,
      edits: setSecureValue(resource, context, name, MINIMUM_DAYS),
    };
  },
};
