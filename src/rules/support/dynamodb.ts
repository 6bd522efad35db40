/**
 * DynamoDB table settings that are off unless turned on: one setting on `AWS::DynamoDB::Table`
 * and `aws_dynamodb_table`, one per replica on `AWS::DynamoDB::GlobalTable`. Shared by the
 * point-in-time recovery and deletion protection rules.
 */
import type { Fix } from '../../fixes/types';
import type { MapValue, Range, Resource } from '../../iac/model';
import { getPath, getProperty } from '../../iac/model';
import { setProperty } from '../../fixes/edits';
import type { RuleContext, RuleReport } from '../rule';
import { booleanOf, isCloudFormation } from '../toolkit/values';
import { mapsOf, setNestedProperty, stringAt } from './nested';

export interface TableSetting {
  /** Path under a table's (or a global table replica's) CloudFormation properties. */
  cloudFormation: string[];
  /** Path under `aws_dynamodb_table`; nested steps are blocks. */
  terraform: string[];
}

/**
 * The rule's messages `turnedOff` (the setting is explicitly false) and `notSet` (it is missing, and
 * so defaults to false) get `{subject}`, which names the table or replica, and `{property}`: the
 * property's name for `turnedOff`, the dotted property path for `notSet`.
 */
type TableReport = { messageId: 'turnedOff' | 'notSet'; property: string; range?: Range };

export function checkTableSetting(resource: Resource, context: RuleContext, setting: TableSetting): RuleReport[] {
  if (resource.type !== 'AWS::DynamoDB::GlobalTable') {
    const path = isCloudFormation(resource) ? setting.cloudFormation : setting.terraform;
    const report = checkMap(resource.properties, path, context);
    return report ? [toReport(report, `DynamoDB table '${resource.id}'`, report.range ?? resource.typeRange)] : [];
  }
  const replicas = mapsOf(resource.properties, 'Replicas', context);
  if (!replicas) return [];
  const reports: RuleReport[] = [];
  replicas.forEach((replica, index) => {
    const region = stringAt(replica, 'Region', context);
    const subject = `The ${region ?? `#${index + 1}`} replica of DynamoDB global table '${resource.id}'`;
    const report = checkMap(replica, setting.cloudFormation, context);
    if (!report) return;
    // A missing setting is reported on the replica's Region, which says which replica it is.
    const anchor = getProperty(replica, 'Region')?.value.range ?? replica.range;
    reports.push(toReport(report, subject, report.range ?? anchor, { replica: index }));
  });
  return reports;
}

export function fixTableSetting(
  report: RuleReport,
  resource: Resource,
  context: RuleContext,
  setting: TableSetting,
): Fix {
  const path = isCloudFormation(resource) ? setting.cloudFormation : setting.terraform;
  const index = report.data?.replica;
  const replica = typeof index === 'number' ? mapsOf(resource.properties, 'Replicas', context)?.[index] : undefined;
  const edits = replica
    ? setNestedProperty(resource, context, replica, path, true)
    : setProperty(resource, context, path, true);
  return { title: `Set ${path[path.length - 1]} to true`, edits };
}

function toReport(report: TableReport, subject: string, range: Range, data?: Record<string, unknown>): RuleReport {
  return { messageId: report.messageId, range, data: { ...data, subject, property: report.property } };
}

/** A finding for one table or replica; `range` is undefined when the whole setting is missing. */
function checkMap(map: MapValue, path: string[], context: RuleContext): TableReport | undefined {
  const name = path[path.length - 1];
  const first = getProperty(map, path[0]);
  // A dynamic block, an !If or a reference where a block is expected: unknown, never insecure.
  if (path.length > 1 && first && first.value.kind !== 'map' && context.resolve(first.value) !== undefined)
    return undefined;
  const property = getPath(map, ...path);
  if (property) {
    const value = context.resolve(property.value);
    if (value === undefined) return { messageId: 'notSet', property: path.join('.'), range: property.keyRange };
    return booleanOf(value).value === false
      ? { messageId: 'turnedOff', property: name, range: property.value.range }
      : undefined;
  }
  return { messageId: 'notSet', property: path.join('.'), range: path.length > 1 ? first?.keyRange : undefined };
}
