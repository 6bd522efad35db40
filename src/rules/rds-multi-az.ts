import type { Rule } from './rule';
import { engineOf, isAuroraMember, isReadReplica } from './support/rds';

import { checkRequiredSetting, fixRequiredSetting, type RequiredSetting } from './toolkit/required-setting';

const SETTING: RequiredSetting = {
  cloudFormation: 'MultiAZ',
  terraform: 'multi_az',
  wanted: true,
  default: { value: false, source: 'RDS API, CloudFormation and Terraform default' },
};

/** Engines that cannot run a Multi-AZ deployment: SQL Server Express and RDS Custom for Oracle. */
function supportsMultiAz(engine: string | undefined): boolean {
  return engine === undefined || !(engine === 'sqlserver-ex' || engine.startsWith('custom-oracle'));
}

export const rule: Rule = {
  id: 'rds-multi-az',
  title: 'RDS database runs in a single Availability Zone',
  concern: 'backup-dr',
  severity: 'warning',
  appliesTo: ['AWS::RDS::DBInstance', 'aws_db_instance'],
  rationale:
    'AWS replaces failed hardware, but a Single-AZ database is down, and may lose its latest writes, when its Availability Zone or host fails: a synchronous standby in a second Availability Zone, with automatic failover, exists only if you ask for it.',
  remediation:
    'Set `MultiAZ: true` (CloudFormation) or `multi_az = true` (Terraform) on production databases. Aurora clusters get their resilience from replicas in other Availability Zones instead, and read replicas from their source.',
  messages: {
    notSet: {
      headline: "RDS database '{resource}' runs in a single Availability Zone.",
      detail:
        '{property} is not set and defaults to false. AWS repairs the host, but surviving the loss of an Availability Zone takes a standby that is yours to ask for; set {property} to true.',
    },
    turnedOff: {
      headline: "RDS database '{resource}' runs in a single Availability Zone.",
      detail:
        '{property} is false. AWS repairs the host, but surviving the loss of an Availability Zone takes a standby that is yours to ask for; set {property} to true.',
    },
  },

  check(resource, context) {
    // Aurora members get their availability from the cluster (storage in three AZs, replicas for
    // compute); read replicas are copies whose source decides.
    if (isAuroraMember(resource, context) || isReadReplica(resource, context)) return [];
    if (!supportsMultiAz(engineOf(resource, context).value)) return [];
    return checkRequiredSetting(resource, context, SETTING, { absent: 'notSet', insecure: 'turnedOff' });
  },

  fix(_report, resource, context) {
    return fixRequiredSetting(resource, context, SETTING);
  },
};
