import type { Resource } from '../iac/model';
import type { Rule, RuleContext } from './rule';
import { checkTableSetting, fixTableSetting, type TableSetting } from './support/dynamodb';
import { stringOf } from './toolkit/values';

const SETTING: TableSetting = {
  cloudFormation: ['DeletionProtectionEnabled'],
  terraform: ['deletion_protection_enabled'],
};

/** `Retain` (or `RetainExceptOnCreate`), another policy, or a value decided at deploy time. */
function retains(resource: Resource, context: RuleContext, policy: 'deletionPolicy' | 'updateReplacePolicy') {
  const written = resource[policy];
  if (!written) return false;
  const value = stringOf(context.resolve(written)).value;
  if (value === undefined) return undefined;
  return value === 'Retain' || value === 'RetainExceptOnCreate';
}

/**
 * Who can delete the table, given what the CloudFormation stack does with it: `DeletionPolicy`
 * covers removing it from the stack or deleting the stack, `UpdateReplacePolicy` an update that
 * replaces it. A table the stack retains either way is deleted only by a direct call.
 */
function deleters(resource: Resource, context: RuleContext): string {
  const onDelete = retains(resource, context, 'deletionPolicy');
  const onReplace = retains(resource, context, 'updateReplacePolicy');
  if (onDelete === undefined || onReplace === undefined) return 'from a person, a script or possibly a stack change';
  if (onDelete && onReplace) return 'from a person or a script; its Retain policies keep it only through stack changes';
  if (onDelete)
    return 'from a person, a script or a stack update that replaces it; DeletionPolicy Retain keeps it only when the stack removes it';
  if (onReplace)
    return 'from a person, a script or a stack change that removes it; UpdateReplacePolicy Retain keeps it only through replacement';
  return 'from a person, a script or a stack change';
}

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
      headline: '{subject} turns deletion protection off.',
      detail:
        'One DeleteTable call ({deleters}) removes it with its data. Guarding against that is yours: set {property} to true.',
    },
    notSet: {
      headline: '{subject} has no deletion protection.',
      detail:
        '{property} is not set and defaults to false, so one DeleteTable call ({deleters}) removes it with its data. Guarding against that is yours: turn it on.',
    },
  },

  check: (resource, context) =>
    checkTableSetting(resource, context, SETTING).map((report) => ({
      ...report,
      data: { ...report.data, deleters: deleters(resource, context) },
    })),
  fix: (report, resource, context) => fixTableSetting(report, resource, context, SETTING),
};
