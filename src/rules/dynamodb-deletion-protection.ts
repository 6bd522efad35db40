import type { Rule } from './rule';
import { checkTableSetting, fixTableSetting, type TableSetting } from './support/dynamodb';

const SETTING: TableSetting = {
  cloudFormation: ['DeletionProtectionEnabled'],
  terraform: ['deletion_protection_enabled'],
};

export const rule: Rule = {
  id: 'dynamodb-deletion-protection',
  title: 'DynamoDB table has no deletion protection',
  concern: 'backup-dr',
  severity: 'warning',
  appliesTo: ['AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable', 'aws_dynamodb_table'],
  rationale:
    'AWS deletes a table as soon as an authorised caller asks; who may delete what, and whether a table can be deleted at all, is your configuration. Deletion protection (off by default) makes DynamoDB refuse DeleteTable until it is turned off again, which guards against a mistaken console click, script or stack update; unlike a CloudFormation DeletionPolicy it also holds outside the stack.',
  remediation:
    'Set `DeletionProtectionEnabled: true` on `AWS::DynamoDB::Table` (on `AWS::DynamoDB::GlobalTable`, in each entry of `Replicas`), or `deletion_protection_enabled = true` on `aws_dynamodb_table` (Terraform).',
  messages: {
    turnedOff: {
      headline:
        '{subject} turns deletion protection off, so one DeleteTable call (from a person, a script or a stack change) removes it with its data.',
      detail: 'Guarding against that is yours: set {property} to true.',
    },
    notSet: {
      headline:
        '{subject} has no deletion protection: {property} is not set and defaults to false, so one DeleteTable call (from a person, a script or a stack change) removes it with its data.',
      detail: 'Guarding against that is yours: turn it on.',
    },
  },

  check: (resource, context) => checkTableSetting(resource, context, SETTING),
  fix: (report, resource, context) => fixTableSetting(report, resource, context, SETTING),
};
