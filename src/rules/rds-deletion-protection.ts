import type { Rule } from './rule';
import { isAuroraMember, isReadReplica, rdsName } from './support/rds';

import { checkRequiredSetting, fixRequiredSetting, type RequiredSetting } from './toolkit/required-setting';

const SETTING: RequiredSetting = {
  cloudFormation: 'DeletionProtection',
  terraform: 'deletion_protection',
  wanted: true,
  default: { value: false, source: 'RDS API, CloudFormation and Terraform default' },
};

export const rule: Rule = {
  id: 'rds-deletion-protection',
  title: 'RDS deletion protection is off',
  concern: 'backup-dr',
  severity: 'warning',
  appliesTo: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster', 'aws_db_instance', 'aws_rds_cluster'],
  rationale:
    'AWS does what it is asked: a mistaken stack update, `terraform destroy` or API call deletes the database and, by default, its automated backups. Deletion protection makes RDS refuse the deletion until someone turns it off on purpose.',
  remediation:
    'Set `DeletionProtection: true` (CloudFormation) or `deletion_protection = true` (Terraform). In CloudFormation also consider `DeletionPolicy: Snapshot` so that a stack deletion keeps a final snapshot.',
  messages: {
    notSet: {
      headline: '{database} has no deletion protection.',
      detail:
        'A single API call or template change can delete it: {property} is not set and defaults to false. AWS keeps the database running, but guarding it against deletion by your own people and pipelines is yours; set {property} to true.',
    },
    turnedOff: {
      headline: '{database} turns deletion protection off.',
      detail:
        'A single API call or template change deletes it. AWS keeps the database running, but guarding it against deletion by your own people and pipelines is yours; set {property} to true.',
    },
  },

  check(resource, context) {
    // Aurora instances are protected through their cluster; deleting a read replica loses no data.
    if (isAuroraMember(resource, context) || isReadReplica(resource, context)) return [];
    return checkRequiredSetting(resource, context, SETTING, {
      absent: 'notSet',
      insecure: 'turnedOff',
      data: { database: rdsName(resource) },
    });
  },

  fix(_report, resource, context) {
    return fixRequiredSetting(resource, context, SETTING);
  },
};
