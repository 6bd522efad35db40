import type { Resource, Value } from '../iac/model';
import { getProperty } from '../iac/model';
import type { Rule, RuleContext } from './rule';
import { resourcesOfType } from './toolkit/resources';
import { stringOf, isCloudFormation } from './toolkit/values';

const FLOW_LOG_TYPES = ['AWS::EC2::FlowLog', 'aws_flow_log'];
const NESTED_STACK_TYPES = ['AWS::CloudFormation::Stack', 'AWS::Serverless::Application'];
/** A module or nested stack named for flow logs and given the VPC is taken to create them. */
const FLOW_LOG_NAME = /flow[-_ ]?logs?/i;

export const rule: Rule = {
  id: 'vpc-flow-logs',
  title: 'VPC has no flow log',
  concern: 'logging-monitoring',
  severity: 'warning',
  appliesTo: ['AWS::EC2::VPC', 'aws_vpc', 'aws_default_vpc'],
  rationale:
    'AWS runs the network, but it records the traffic in your VPC only when you create a flow log and choose where it goes (CloudWatch Logs, S3 or Firehose). Without one there is no record of accepted or rejected connections to investigate an incident with.',
  remediation:
    'Add an `AWS::EC2::FlowLog` with `ResourceType: VPC` and `ResourceId: !Ref <Vpc>` (CloudFormation) or an `aws_flow_log` with `vpc_id = aws_vpc.<name>.id` (Terraform), with `TrafficType`/`traffic_type` `ALL` (or `REJECT`) and a log destination whose retention and access you control.',
  messages: {
    noFlowLog: {
      headline: "VPC '{resource}' has no flow log in this {unit}.",
      detail: 'AWS records VPC traffic only when you ask it to: add {companion} and a log destination you control.',
    },
  },

  check(resource, context) {
    if (context.referencing(resource, FLOW_LOG_TYPES).length > 0 || hasFlowLogThroughLocal(resource, context))
      return [];
    if (delegatesFlowLogs(resource, context)) return [];
    const companion = isCloudFormation(resource)
      ? `an AWS::EC2::FlowLog with ResourceId: !Ref ${resource.id}`
      : `an aws_flow_log with vpc_id = ${resource.id}.id`;
    return [
      {
        messageId: 'noFlowLog',
        data: { resource: resource.id, unit: isCloudFormation(resource) ? 'template' : 'module', companion },
        range: resource.typeRange,
      },
    ];
  },
  // No fix: a flow log needs a destination (a log group with an IAM role, or a bucket) and a
  // retention, which are choices for a human, and a new destination would bring findings of its own.
};

/** A nested stack or module named for flow logs that is handed the VPC probably creates them. */
function delegatesFlowLogs(vpc: Resource, context: RuleContext): boolean {
  for (const stack of context.referencing(vpc, NESTED_STACK_TYPES)) {
    const url =
      stringOf(getProperty(stack.properties, 'TemplateURL')?.value).value ??
      stringOf(getProperty(stack.properties, 'Location')?.value).value ??
      '';
    if (FLOW_LOG_NAME.test(stack.id) || FLOW_LOG_NAME.test(url)) return true;
  }
  if (context.unit.kind !== 'terraform') return false;
  return context.unit.moduleCalls.some(
    (call) =>
      (FLOW_LOG_NAME.test(call.name) || FLOW_LOG_NAME.test(call.source ?? '')) && mentions(call.properties, vpc.id),
  );
}

/**
 * Terraform modules often route the VPC id through a local (`vpc_id = local.vpc_id`, with
 * `vpc_id = try(aws_vpc.this[0].id, "")`), which the reference index does not follow.
 */
function hasFlowLogThroughLocal(vpc: Resource, context: RuleContext): boolean {
  if (context.unit.kind !== 'terraform') return false;
  return resourcesOfType(context, 'aws_flow_log').some((r) =>
    mentions(context.resolve(getProperty(r.properties, 'vpc_id')?.value), vpc.id),
  );
}

/** Whether a value refers to `target`, also inside expressions (`try(aws_vpc.this[0].id, "")`). */
function mentions(value: Value | undefined, target: string): boolean {
  switch (value?.kind) {
    case 'reference':
      return value.target === target;
    case 'map':
      return value.properties.some((p) => mentions(p.value, target));
    case 'list':
      return value.items.some((item) => mentions(item, target));
    case 'unresolvable':
      return textMentions(value.text, target) || mentions(value.args, target);
    default:
      return false;
  }
}

/** `aws_vpc.this` followed by an attribute or an index, not as part of a longer name. */
function textMentions(text: string, target: string): boolean {
  const escaped = target.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\w.])${escaped}[.[]`).test(text);
}
