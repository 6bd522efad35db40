import type { Property, Resource, Value } from '../iac/model';
import { getProperty } from '../iac/model';
import type { Rule, RuleContext, RuleReport } from './rule';
import { stringOf, isCloudFormation, key, property } from './toolkit/values';

const SUBNET_TYPES = ['AWS::EC2::Subnet', 'aws_subnet', 'aws_default_subnet'];
/** Parameter types that hold exactly one subnet or one zone. */
const SINGLE_VALUE_PARAMETERS = [
  'AWS::EC2::Subnet::Id',
  'AWS::EC2::AvailabilityZone::Name',
  'AWS::SSM::Parameter::Value<AWS::EC2::Subnet::Id>',
  'AWS::SSM::Parameter::Value<AWS::EC2::AvailabilityZone::Name>',
];

/** One subnet or zone of the group: a name for messages, and the resource when it is in the unit. */
interface Placement {
  name: string;
  resource?: Resource;
}

export const rule: Rule = {
  id: 'autoscaling-single-az',
  title: 'Auto Scaling group runs in a single Availability Zone',
  // Placement, not backup: the group is resilient only if you spread it across AZs yourself.
  concern: 'region-placement',
  severity: 'warning',
  appliesTo: ['AWS::AutoScaling::AutoScalingGroup', 'aws_autoscaling_group'],
  rationale:
    'AWS builds each Availability Zone to fail independently, but which zones a workload runs in is your choice. An Auto Scaling group confined to one zone cannot replace its instances elsewhere when that zone is impaired.',
  remediation:
    'List subnets in at least two Availability Zones in `VPCZoneIdentifier` (CloudFormation) or `vpc_zone_identifier` (Terraform), or at least two zones in `AvailabilityZones` / `availability_zones` for groups outside a VPC subnet list.',
  messages: {
    singleSubnet: {
      headline: "Auto Scaling group '{resource}' has a single subnet, so a single zone.",
      detail:
        "It launches into a single subnet ('{subnet}'), so into a single Availability Zone. AWS isolates zones from each other, but spreading the group across them is yours to do: add subnets in at least one more zone so it can replace instances when a zone fails.",
    },
    subnetsInOneZone: {
      headline: "Auto Scaling group '{resource}' has all {count} subnets in {zone}.",
      detail:
        'It launches into {count} subnets that are all in the same Availability Zone ({zone}). AWS isolates zones from each other, but spreading the group across them is yours to do: add subnets in at least one more zone so it can replace instances when a zone fails.',
    },
    singleZone: {
      headline: "Auto Scaling group '{resource}' runs in one zone only ('{zone}').",
      detail:
        "It runs in a single Availability Zone ('{zone}'). AWS isolates zones from each other, but spreading the group across them is yours to do: list at least two zones so it can replace instances when one fails.",
    },
  },

  check(resource, context) {
    // Subnets decide the zones when both are given.
    const subnets = property(resource, key(resource, 'VPCZoneIdentifier', 'vpc_zone_identifier'));
    if (subnets && context.resolve(subnets.value) !== undefined) return checkSubnets(resource, subnets, context);
    const zones = property(resource, key(resource, 'AvailabilityZones', 'availability_zones'));
    if (zones) return checkZones(resource, zones, context);
    return [];
  },
  // No fix: which zone to add, and whether a subnet exists there, is a decision about the network.
};

function checkSubnets(resource: Resource, subnets: Property, context: RuleContext): RuleReport[] {
  const placements = placementsOf(subnets.value, context, true);
  if (!placements) return [];
  if (placements.length === 1) {
    return [
      {
        messageId: 'singleSubnet',
        data: { resource: resource.id, subnet: placements[0].name },
        range: subnets.value.range,
      },
    ];
  }
  const zone = sharedZone(placements, context);
  if (zone === undefined) return [];
  return [
    {
      messageId: 'subnetsInOneZone',
      data: { resource: resource.id, count: placements.length, zone },
      range: subnets.value.range,
    },
  ];
}

function checkZones(resource: Resource, zones: Property, context: RuleContext): RuleReport[] {
  const placements = placementsOf(zones.value, context, false);
  if (placements?.length !== 1) return [];
  return [
    {
      messageId: 'singleZone',
      data: { resource: resource.id, zone: placements[0].name },
      range: zones.value.range,
    },
  ];
}

/**
 * The subnets or zones a list names, or undefined when they cannot be counted (`!GetAZs`, a list
 * parameter or variable, a splat, `!ImportValue`…). Each item that is certainly one value counts
 * once: a literal, a subnet of the unit, a single-subnet parameter, `!Select`, an index `x[0]`.
 * A literal subnet item may hold several ids joined by commas, as the Auto Scaling API accepts.
 */
function placementsOf(value: Value, context: RuleContext, subnets: boolean): Placement[] | undefined {
  const list = context.resolve(value);
  if (list?.kind !== 'list') return undefined;
  const placements: Placement[] = [];
  for (const item of list.items) {
    const one = placementOf(item, context, subnets);
    if (!one) return undefined;
    placements.push(...one);
  }
  return placements;
}

function placementOf(item: Value, context: RuleContext, subnets: boolean): Placement[] | undefined {
  const value = context.resolve(item);
  if (value === undefined) return [];
  if (value.kind === 'literal') {
    const text = stringOf(value).value;
    if (text === undefined) return undefined;
    const names = subnets
      ? text
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s !== '')
      : [text];
    return names.map((name) => ({ name }));
  }
  if (value.kind === 'reference') return referencedPlacement(value, context, subnets);
  if (value.kind === 'unresolvable' && (value.construct === 'Fn::Select' || value.construct === 'index'))
    return [{ name: value.text }];
  return undefined;
}

function referencedPlacement(
  reference: Value & { kind: 'reference' },
  context: RuleContext,
  subnets: boolean,
): Placement[] | undefined {
  const resource = context.resourceById(reference.target);
  if (resource) return !subnets || SUBNET_TYPES.includes(resource.type) ? [{ name: resource.id, resource }] : undefined;
  if (context.unit.kind === 'cloudformation') {
    const parameter = context.unit.parameters.find((p) => p.name === reference.target);
    return parameter?.type && SINGLE_VALUE_PARAMETERS.includes(parameter.type) ? [{ name: parameter.name }] : undefined;
  }
  // An attribute of one resource (`aws_subnet.a.id`, even when declared in another module) or the
  // id or name of a data source is one value; variables and locals without a known value are not.
  const [head] = reference.target.split('.');
  if (head === 'data')
    return ['id', 'name', 'zone_id'].includes(reference.attribute ?? '') ? [{ name: reference.text }] : undefined;
  if (['var', 'local', 'module', 'each', 'count', 'self', 'path', 'terraform'].includes(head)) return undefined;
  return !subnets || SUBNET_TYPES.includes(head) ? [{ name: reference.target }] : undefined;
}

/** The one zone all subnets of the unit sit in, when each states it and they agree. */
function sharedZone(placements: Placement[], context: RuleContext): string | undefined {
  const zones = new Set<string>();
  let shown = '';
  for (const placement of placements) {
    if (!placement.resource) return undefined;
    const zone = zoneOf(placement.resource, context);
    if (!zone) return undefined;
    zones.add(zone.key);
    shown = zone.shown;
  }
  return zones.size === 1 ? shown : undefined;
}

/** A comparable key for a subnet's zone: a literal name or id, `!Select [n, !GetAZs …]`, or a Terraform index expression. */
function zoneOf(subnet: Resource, context: RuleContext): { key: string; shown: string } | undefined {
  // Instances of a `count`/`for_each` subnet share one text but not one zone.
  if (subnet.count || subnet.forEach) return undefined;
  const cfn = isCloudFormation(subnet);
  for (const name of cfn ? ['AvailabilityZone', 'AvailabilityZoneId'] : ['availability_zone', 'availability_zone_id']) {
    const written = getProperty(subnet.properties, name)?.value;
    const value = context.resolve(written);
    if (!value) continue;
    const literal = stringOf(value).value;
    if (literal !== undefined) return { key: `${name}=${literal}`, shown: literal };
    if (value.kind !== 'unresolvable') return undefined;
    if (value.construct === 'index') return { key: value.text.replace(/\s+/g, ''), shown: value.text };
    const index = selectedZoneIndex(value);
    return index === undefined ? undefined : { key: `select=${index}`, shown: `zone ${index} of !GetAZs` };
  }
  return undefined;
}

/** `n` in `!Select [n, !GetAZs '']` (any region argument: one template deploys to one region). */
function selectedZoneIndex(value: Value & { kind: 'unresolvable' }): string | undefined {
  if (value.construct !== 'Fn::Select' || value.args?.kind !== 'list') return undefined;
  const index = value.args.items.at(0);
  const from = value.args.items.at(1);
  const position = stringOf(index).value;
  return position !== undefined && from?.kind === 'unresolvable' && from.construct === 'Fn::GetAZs'
    ? position
    : undefined;
}
