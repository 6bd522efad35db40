import { removeWrittenProperty } from '../fixes/edits';
import type { Property, Resource } from '../iac/model';
import { getProperties } from '../iac/model';
import type { Rule, RuleContext } from './rule';

const DIRECTIONS = [
  { key: 'ingress', direction: 'inbound' },
  { key: 'egress', direction: 'outbound' },
] as const;

/**
 * The `ingress`/`egress` blocks or attributes of a Terraform default security group that write at
 * least one rule. A `dynamic` block, and a list behind a variable without default, are unknown and
 * left out; `ingress = []` writes no rule.
 */
function writtenRules(resource: Resource, context: RuleContext): { property: Property; direction: string }[] {
  return DIRECTIONS.flatMap(({ key, direction }) =>
    getProperties(resource.properties, key)
      .filter((property) => {
        const value = property.value.kind === 'map' ? property.value : context.resolve(property.value);
        if (value?.kind === 'map') return true;
        return value?.kind === 'list' && value.items.length > 0;
      })
      .map((property) => ({ property, direction })),
  );
}

function findProperty(resource: Resource, key: string, line: number, character: number): Property | undefined {
  return getProperties(resource.properties, key).find(
    (p) => p.keyRange.start.line === line && p.keyRange.start.character === character,
  );
}

export const rule: Rule = {
  id: 'ec2-default-security-group-rules',
  title: 'Default security group has inbound or outbound rules',
  concern: 'network-access',
  severity: 'warning',
  appliesTo: ['aws_default_security_group'],
  rationale:
    'AWS creates every VPC with a default security group that allows all traffic between its members and all outbound traffic, and attaches it to any instance or network interface launched without a security group of its own. What it allows is yours to decide: CIS AWS Foundations Benchmark 5.4 and AWS Security Hub control EC2.2 ask that the default security group allow no inbound or outbound traffic, so that a resource launched without a deliberate choice is isolated. In Terraform, `aws_default_security_group` removes every rule of the default group and writes back only the `ingress` and `egress` rules it declares (CloudFormation has no resource for the default group).',
  remediation:
    'Remove the `ingress` and `egress` rules from `aws_default_security_group`, leaving the resource with no rules, and give the resources that need traffic security groups of their own with only the ports and sources they need.',
  messages: {
    defaultGroupRule: {
      headline: "default security group '{resource}' allows {direction} traffic.",
      detail:
        'It does so through its {block} rule. AWS attaches the default group to every instance or interface launched without a security group, so its rules are yours to empty (CIS AWS Foundations 5.4, Security Hub EC2.2): remove the rule and use security groups of your own for the traffic you need.',
    },
  },

  check(resource, context) {
    const text = context.text(resource.file);
    return writtenRules(resource, context).map(({ property, direction }) => ({
      messageId: 'defaultGroupRule',
      data: {
        resource: resource.id,
        direction,
        block: property.key,
        line: property.keyRange.start.line,
        character: property.keyRange.start.character,
      },
      range: property.keyRange,
      fixable: text !== undefined && removeWrittenProperty(resource, context, property).length > 0,
    }));
  },

  fix(report, resource, context) {
    const { block, line, character } = report.data as { block: string; line: number; character: number };
    const property = findProperty(resource, block, line, character);
    if (!property) return undefined;
    const edits = removeWrittenProperty(resource, context, property);
    if (edits.length === 0) return undefined;
    return { title: `Remove this ${block} rule from the default security group`, edits };
  },
};
