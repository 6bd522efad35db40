import type { Rule } from './rule';
import { checkTableSetting, fixTableSetting, type TableSetting } from './support/dynamodb';

const SETTING: TableSetting = {
  cloudFormation: ['PointInTimeRecoverySpecification', 'PointInTimeRecoveryEnabled'],
  terraform: ['point_in_time_recovery', 'enabled'],
};

export const rule: Rule = {
  id: 'dynamodb-point-in-time-recovery',
  title: 'DynamoDB table has no point-in-time recovery',
  concern: 'backup-dr',
  severity: 'warning',
  appliesTo: ['AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable', 'aws_dynamodb_table'],
  rationale:
    'DynamoDB stores every table across several Availability Zones, so AWS protects the data against hardware and facility failures. It does not protect the data against your own mistakes: an errant write, a bad deployment or a deleted item can only be undone from a backup, and continuous backups (point-in-time recovery, restorable to any second up to 35 days back) stay off until you turn them on.',
  remediation:
    'Set `PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true }` on `AWS::DynamoDB::Table` (on `AWS::DynamoDB::GlobalTable`, in each entry of `Replicas`), or add `point_in_time_recovery { enabled = true }` to `aws_dynamodb_table` (Terraform).',
  messages: {
    turnedOff: {
      headline: '{subject} turns point-in-time recovery off.',
      detail:
        'AWS keeps the table durable, but undoing your own bad writes or deletes needs backups that you choose to keep: set {property} to true.',
    },
    notSet: {
      headline: '{subject} has no point-in-time recovery.',
      detail:
        '{property} is not set and defaults to false. AWS keeps the table durable, but undoing your own bad writes or deletes needs continuous backups, which you have to turn on.',
    },
  },

  check: (resource, context) => checkTableSetting(resource, context, SETTING),
  fix: (report, resource, context) => fixTableSetting(report, resource, context, SETTING),
};
