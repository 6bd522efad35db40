import type { MapValue } from '../iac/model';
import { getProperties, getProperty } from '../iac/model';
import type { Rule, RuleContext, RuleReport } from './rule';
import { booleanOf, stringOf } from './toolkit/values';
import { isAnywhere } from './support/security-group-rules';

/** Property names of one ACL entry, per form. */
interface EntryKeys {
  protocol: string;
  action: string;
  cidrs: string[];
}

const CFN_ENTRY: EntryKeys = { protocol: 'Protocol', action: 'RuleAction', cidrs: ['CidrBlock', 'Ipv6CidrBlock'] };
const TF_RULE: EntryKeys = { protocol: 'protocol', action: 'rule_action', cidrs: ['cidr_block', 'ipv6_cidr_block'] };
const TF_INLINE: EntryKeys = { protocol: 'protocol', action: 'action', cidrs: ['cidr_block', 'ipv6_cidr_block'] };

export const rule: Rule = {
  id: 'vpc-network-acl-allow-all',
  title: 'Network ACL allows all inbound traffic from the internet',
  concern: 'network-access',
  severity: 'warning',
  appliesTo: ['AWS::EC2::NetworkAclEntry', 'aws_network_acl_rule', 'aws_network_acl', 'aws_default_network_acl'],
  rationale:
    'Network ACLs are the subnet-level firewall you configure on your side of the shared responsibility model. An inbound entry that allows every protocol from 0.0.0.0/0 or ::/0 makes that layer filter nothing, leaving each security group as the only control in front of the subnet.',
  remediation:
    'Replace the allow-all inbound entry with entries for the ports the subnet serves plus the ephemeral ports of return traffic (`Protocol`, `PortRange`, `CidrBlock` on `AWS::EC2::NetworkAclEntry`; `protocol`, `from_port`, `to_port`, `cidr_block` on `aws_network_acl_rule` or the `ingress` blocks of `aws_network_acl`).',
  messages: {
    allowAll: {
      headline: '{who} allows all inbound traffic from {cidr}.',
      detail:
        'It allows every protocol and port from anywhere ({cidr}). The subnet-level firewall is yours to configure: allow only the ports the subnet serves and their return traffic, so it does not rest on security groups alone.',
    },
  },

  check(resource, context) {
    switch (resource.type) {
      case 'AWS::EC2::NetworkAclEntry':
        return check(
          resource.properties,
          CFN_ENTRY,
          isInbound(resource.properties, 'Egress', context),
          `Network ACL entry '${resource.id}'`,
          context,
        );
      case 'aws_network_acl_rule':
        return check(
          resource.properties,
          TF_RULE,
          isInbound(resource.properties, 'egress', context),
          `Network ACL rule '${resource.id}'`,
          context,
        );
      default:
        // Inline `ingress {}` blocks or an `ingress = [{ … }]` list; `dynamic "ingress"` is unknown.
        return getProperties(resource.properties, 'ingress')
          .flatMap((p) => (p.value.kind === 'list' ? p.value.items : [p.value]))
          .flatMap((entry) =>
            entry.kind === 'map' ? check(entry, TF_INLINE, true, `Network ACL '${resource.id}'`, context) : [],
          );
    }
  },
  // No fix: which ports a subnet must accept is a decision about the workload, not a setting.
};

/** `Egress`/`egress` defaults to false: an entry is inbound unless it says otherwise. */
function isInbound(map: MapValue, egressKey: string, context: RuleContext): boolean {
  const egress = getProperty(map, egressKey);
  if (!egress) return true;
  return booleanOf(context.resolve(egress.value)).value === false;
}

function check(entry: MapValue, keys: EntryKeys, inbound: boolean, who: string, context: RuleContext): RuleReport[] {
  if (!inbound) return [];
  const read = (name: string) => context.resolve(getProperty(entry, name)?.value);
  const protocol = stringOf(read(keys.protocol)).value?.trim().toLowerCase();
  if (protocol !== '-1' && protocol !== 'all') return [];
  if (stringOf(read(keys.action)).value?.toLowerCase() !== 'allow') return [];
  const reports: RuleReport[] = [];
  for (const name of keys.cidrs) {
    const written = getProperty(entry, name);
    const cidr = stringOf(read(name)).value;
    if (!written || !isAnywhere(cidr)) continue;
    reports.push({
      messageId: 'allowAll',
      data: { who, cidr: String(cidr) },
      range: written.value.range,
    });
  }
  return reports;
}
