/**
 * Security group rules in every form templates write them, read into one neutral list so the
 * security group rules (admin ports, all traffic, database ports, egress from data stores) share
 * one reading of protocols, port ranges and CIDRs:
 *
 * - CloudFormation `AWS::EC2::SecurityGroup` inline `SecurityGroupIngress` / `SecurityGroupEgress`
 *   lists, and the standalone `AWS::EC2::SecurityGroupIngress` / `AWS::EC2::SecurityGroupEgress`;
 * - Terraform `aws_security_group` (and `aws_default_security_group`) inline `ingress {}` /
 *   `egress {}` blocks or `ingress = [{ … }]` attributes, `aws_security_group_rule` (`type`), and the
 *   provider v5 `aws_vpc_security_group_ingress_rule` / `_egress_rule`.
 *
 * One entry per CIDR: that is what the rules judge and where their findings point. Sources that are
 * not CIDRs (other security groups, prefix lists, `self`) never open a group to the internet and
 * are left out. `dynamic` blocks, `!If` entries and lists behind unresolved variables are unknown:
 * they yield nothing, or an entry whose `cidr` is undefined.
 */
import type { MapValue, Property, Range, Resource, Value } from '../../iac/model';
import { describeInput, getProperties, getProperty } from '../../iac/model';
import type { RuleContext } from '../rule';
import { numberOf, stringOf } from '../toolkit/values';

export type Direction = 'ingress' | 'egress';

export interface SecurityGroupRule {
  direction: Direction;
  /** `all`, `tcp`, `udp`, `icmp`, `icmpv6`, or another protocol number as written; undefined when unknown. */
  protocol: string | undefined;
  /** Start of the port range (meaningless for `all`); undefined when unknown or absent. */
  fromPort: number | undefined;
  toPort: number | undefined;
  /** The CIDR, or undefined when it cannot be known statically. */
  cidr: string | undefined;
  /** Where the CIDR is written in the owner's file; the reference itself when it was resolved from elsewhere. */
  range: Range;
  /** How the CIDR was reached when it came through a reference ("the default of parameter SSHLocation"). */
  via?: string;
  /** The resource whose properties hold the rule (where findings go). */
  owner: Resource;
  /** The security group the rule belongs to: the owner for inline rules, the referenced group for standalone ones, if it is in this unit. */
  group: Resource | undefined;
  /** True for a group's own inline rules, false for standalone rule resources. */
  inline: boolean;
}

export const SECURITY_GROUP_TYPES: readonly string[] = [
  'AWS::EC2::SecurityGroup',
  'aws_security_group',
  'aws_default_security_group',
];
export const INGRESS_RULE_TYPES: readonly string[] = [
  'AWS::EC2::SecurityGroupIngress',
  'aws_security_group_rule',
  'aws_vpc_security_group_ingress_rule',
];
export const EGRESS_RULE_TYPES: readonly string[] = [
  'AWS::EC2::SecurityGroupEgress',
  'aws_security_group_rule',
  'aws_vpc_security_group_egress_rule',
];

/** Every resource type that can hold an ingress rule. */
export const INGRESS_TYPES: readonly string[] = [...SECURITY_GROUP_TYPES, ...INGRESS_RULE_TYPES];
/** Every resource type that can hold an egress rule. */
export const EGRESS_TYPES: readonly string[] = [...SECURITY_GROUP_TYPES, ...EGRESS_RULE_TYPES];

/** Property names of one rule entry, per form. */
interface EntryKeys {
  protocol: string;
  fromPort: string;
  toPort: string;
  /** Properties holding one CIDR each. */
  cidr: string[];
  /** Properties holding a list of CIDRs. */
  cidrLists: string[];
}

const CFN_KEYS: EntryKeys = {
  protocol: 'IpProtocol',
  fromPort: 'FromPort',
  toPort: 'ToPort',
  cidr: ['CidrIp', 'CidrIpv6'],
  cidrLists: [],
};
const TF_KEYS: EntryKeys = {
  protocol: 'protocol',
  fromPort: 'from_port',
  toPort: 'to_port',
  cidr: [],
  cidrLists: ['cidr_blocks', 'ipv6_cidr_blocks'],
};
const TF_VPC_RULE_KEYS: EntryKeys = {
  protocol: 'ip_protocol',
  fromPort: 'from_port',
  toPort: 'to_port',
  cidr: ['cidr_ipv4', 'cidr_ipv6'],
  cidrLists: [],
};

/**
 * The rules a resource itself holds, one entry per CIDR. Several rules ask for the same resource's,
 * so they are read once per resource and unit; callers must not change what they get.
 */
export function securityGroupRules(resource: Resource, context: RuleContext): readonly SecurityGroupRule[] {
  const read = context.memo('security-group-rules', () => new WeakMap<Resource, readonly SecurityGroupRule[]>());
  let rules = read.get(resource);
  if (!rules) {
    rules = readSecurityGroupRules(resource, context);
    read.set(resource, rules);
  }
  return rules;
}

function readSecurityGroupRules(resource: Resource, context: RuleContext): SecurityGroupRule[] {
  const reader = new RuleReader(resource, context);
  switch (resource.type) {
    case 'AWS::EC2::SecurityGroup':
      return [
        ...reader.cfnInline('SecurityGroupIngress', 'ingress'),
        ...reader.cfnInline('SecurityGroupEgress', 'egress'),
      ];
    case 'AWS::EC2::SecurityGroupIngress':
      return reader.entry(resource.properties, 'ingress', CFN_KEYS, reader.groupFrom('GroupId', 'GroupName'), false);
    case 'AWS::EC2::SecurityGroupEgress':
      return reader.entry(resource.properties, 'egress', CFN_KEYS, reader.groupFrom('GroupId'), false);
    case 'aws_security_group':
    case 'aws_default_security_group':
      return [...reader.tfInline('ingress'), ...reader.tfInline('egress')];
    case 'aws_security_group_rule': {
      const type = stringOf(context.resolve(getProperty(resource.properties, 'type')?.value)).value;
      if (type !== 'ingress' && type !== 'egress') return [];
      return reader.entry(resource.properties, type, TF_KEYS, reader.groupFrom('security_group_id'), false);
    }
    case 'aws_vpc_security_group_ingress_rule':
      return reader.entry(
        resource.properties,
        'ingress',
        TF_VPC_RULE_KEYS,
        reader.groupFrom('security_group_id'),
        false,
      );
    case 'aws_vpc_security_group_egress_rule':
      return reader.entry(
        resource.properties,
        'egress',
        TF_VPC_RULE_KEYS,
        reader.groupFrom('security_group_id'),
        false,
      );
    default:
      return [];
  }
}

/**
 * Whether a CloudFormation security group keeps the allow-all egress rule EC2 gives every VPC
 * group: it does unless its own `SecurityGroupEgress` lists at least one rule (standalone
 * `AWS::EC2::SecurityGroupEgress` resources do not remove it). Terraform removes that default rule
 * from the groups it creates and adopts, so its groups never keep it. Undefined when unknown.
 */
export function keepsDefaultEgress(group: Resource, context: RuleContext): boolean | undefined {
  if (group.type !== 'AWS::EC2::SecurityGroup') return false;
  const egress = getProperty(group.properties, 'SecurityGroupEgress');
  if (!egress) return true;
  const value = context.resolve(egress.value);
  if (value === undefined) return true;
  if (value.kind === 'list') return value.items.length === 0;
  return undefined;
}

/** A CIDR that covers every address: any IPv4 or IPv6 prefix of length 0 (`0.0.0.0/0`, `::/0`). */
export function isAnywhere(cidr: string | undefined): boolean {
  return cidr !== undefined && /^\s*[0-9A-Fa-f:.]+\/0+\s*$/.test(cidr);
}

/**
 * Whether traffic to `port` over one of `protocols` gets through. Protocol `all` covers every port;
 * for TCP and UDP the range must be known and hold the port (`0`–`0` is port 0 only, as EC2 reads it).
 */
export function coversPort(rule: SecurityGroupRule, port: number, protocols: readonly string[]): boolean {
  if (rule.protocol === 'all') return true;
  if (rule.protocol === undefined || !protocols.includes(rule.protocol)) return false;
  return rule.fromPort !== undefined && rule.toPort !== undefined && rule.fromPort <= port && port <= rule.toPort;
}

/** All protocols, or every TCP or UDP port (`0`/`1` to `65535`). */
export function opensEveryPort(rule: SecurityGroupRule): boolean {
  if (rule.protocol === 'all') return true;
  if (rule.protocol !== 'tcp' && rule.protocol !== 'udp') return false;
  return (
    rule.fromPort !== undefined &&
    rule.toPort !== undefined &&
    rule.fromPort >= 0 &&
    rule.fromPort <= 1 &&
    rule.toPort >= 65535
  );
}

/** "Security group 'web'" for inline rules, "Ingress rule 'ssh'" for standalone ones. */
export function describeOwner(rule: SecurityGroupRule): string {
  if (rule.inline) return `Security group '${rule.owner.id}'`;
  return `${rule.direction === 'ingress' ? 'Ingress' : 'Egress'} rule '${rule.owner.id}'`;
}

/** "anywhere (0.0.0.0/0)", with the parameter or variable it came through. */
export function describeSource(rule: SecurityGroupRule): string {
  return `anywhere (${rule.cidr}${rule.via ? `, ${rule.via}` : ''})`;
}

/** "22", "0-1000". */
export function describePorts(rule: SecurityGroupRule): string {
  if (rule.fromPort === rule.toPort) return `port ${rule.fromPort}`;
  return `ports ${rule.fromPort}-${rule.toPort}`;
}

// ---------------------------------------------------------------------------------------------

const PROTOCOL_NAMES: Record<string, string> = {
  '-1': 'all',
  all: 'all',
  '6': 'tcp',
  '17': 'udp',
  '1': 'icmp',
  '58': 'icmpv6',
};

class RuleReader {
  constructor(
    private readonly resource: Resource,
    private readonly context: RuleContext,
  ) {}

  /** `SecurityGroupIngress: [ {…}, … ]` on a CloudFormation group; `!If` entries are unknown and skipped. */
  cfnInline(key: string, direction: Direction): SecurityGroupRule[] {
    const list = this.context.resolve(getProperty(this.resource.properties, key)?.value);
    if (list?.kind !== 'list') return [];
    return list.items.flatMap((item) =>
      item.kind === 'map' ? this.entry(item, direction, CFN_KEYS, this.resource, true) : [],
    );
  }

  /** `ingress { … }` blocks (repeated properties) or `ingress = [{ … }]`; `dynamic "ingress"` is unknown. */
  tfInline(direction: Direction): SecurityGroupRule[] {
    return getProperties(this.resource.properties, direction).flatMap((property) => {
      const value = property.value.kind === 'map' ? property.value : this.context.resolve(property.value);
      const entries = value?.kind === 'list' ? value.items : value ? [value] : [];
      // Rules read from a variable's default are reported at the reference, in this resource's file.
      const anchor = value === property.value ? undefined : property.value;
      return entries.flatMap((entry) =>
        entry.kind === 'map' ? this.entry(entry, direction, TF_KEYS, this.resource, true, anchor) : [],
      );
    });
  }

  /** The security group a standalone rule attaches to, when the reference names one in this unit. */
  groupFrom(...keys: string[]): Resource | undefined {
    for (const key of keys) {
      const value = getProperty(this.resource.properties, key)?.value;
      if (value?.kind !== 'reference') continue;
      const group = this.context.resourceById(value.target);
      if (group && SECURITY_GROUP_TYPES.includes(group.type)) return group;
    }
    return undefined;
  }

  entry(
    map: MapValue,
    direction: Direction,
    keys: EntryKeys,
    group: Resource | undefined,
    inline: boolean,
    anchor?: Value,
  ): SecurityGroupRule[] {
    const read = (key: string) => this.context.resolve(map.properties.find((p) => p.key === key)?.value);
    const protocolText = stringOf(read(keys.protocol)).value?.trim().toLowerCase();
    const common = {
      direction,
      protocol: protocolText === undefined ? undefined : (PROTOCOL_NAMES[protocolText] ?? protocolText),
      fromPort: numberOf(read(keys.fromPort)).value,
      toPort: numberOf(read(keys.toPort)).value,
      owner: this.resource,
      group,
      inline,
    };
    const cidrs: CidrValue[] = [];
    for (const property of map.properties) {
      if (keys.cidr.includes(property.key)) cidrs.push(...this.single(property));
      else if (keys.cidrLists.includes(property.key)) cidrs.push(...this.list(property));
    }
    if (anchor) {
      for (const cidr of cidrs) {
        cidr.range = anchor.range;
        if (anchor.kind === 'reference') cidr.via = describeReference(anchor, this.resource, this.context);
        else delete cidr.via;
      }
    }
    return cidrs.map((cidr) => ({ ...common, ...cidr }));
  }

  private single(property: Property): CidrValue[] {
    const value = this.context.resolve(property.value);
    if (value === undefined || (value.kind === 'literal' && value.value === null)) return [];
    return [this.cidrValue(value, property.value)];
  }

  private list(property: Property): CidrValue[] {
    const value = this.context.resolve(property.value);
    if (value === undefined || (value.kind === 'literal' && value.value === null)) return [];
    if (value.kind !== 'list') return [{ cidr: undefined, range: property.value.range }];
    // A list written out in place points at each item; a list read from a variable points at the reference.
    const written = value === property.value ? undefined : property.value;
    return value.items.flatMap((item) => {
      const resolved = this.context.resolve(item);
      if (resolved === undefined || (resolved.kind === 'literal' && resolved.value === null)) return [];
      return [this.cidrValue(resolved, written ?? item)];
    });
  }

  /** A CIDR read from `value`, reported at `written` (the text in this resource that led to it). */
  private cidrValue(value: Value, written: Value): CidrValue {
    const cidr: CidrValue = {
      cidr: value.kind === 'literal' && typeof value.value === 'string' ? value.value : undefined,
      range: written.range,
    };
    if (value !== written && written.kind === 'reference')
      cidr.via = describeReference(written, this.resource, this.context);
    return cidr;
  }
}

interface CidrValue {
  cidr: string | undefined;
  range: Range;
  via?: string;
}

function describeReference(reference: Value & { kind: 'reference' }, resource: Resource, context: RuleContext): string {
  if (resource.syntax !== 'terraform' || reference.target.startsWith('var.'))
    return describeInput(context.unit, reference.target);
  return `from ${reference.target}`;
}
