import type { Rule } from './rule';
import {
  describeOwner,
  describeSource,
  INGRESS_TYPES,
  isAnywhere,
  opensEveryPort,
  securityGroupRules,
} from './support/security-group-rules';

export const rule: Rule = {
  id: 'ec2-security-group-all-traffic-open',
  title: 'Security group allows all traffic from the internet',
  concern: 'network-access',
  severity: 'error',
  appliesTo: INGRESS_TYPES,
  rationale:
    'A security group denies all inbound traffic until you add rules; a rule for all protocols (`-1`) or for every TCP or UDP port from 0.0.0.0/0 or ::/0 is your own choice, and it exposes every service on the attached instances, including SSH, RDP and databases, to the whole internet.',
  remediation:
    'Replace the rule with rules for the ports the workload serves (`IpProtocol`, `FromPort`, `ToPort` in CloudFormation; `protocol`/`ip_protocol`, `from_port`, `to_port` in Terraform), and narrow the source to the addresses or security groups that need them.',
  messages: {
    allTrafficOpen: {
      headline: '{owner} allows {what} from {cidr}.',
      detail:
        'The source is {source}. AWS lets nothing in until you allow it, so this opening is yours to narrow: allow only the ports the workload serves, from the sources that need them.',
    },
  },

  check(resource, context) {
    return securityGroupRules(resource, context)
      .filter((r) => r.direction === 'ingress' && isAnywhere(r.cidr) && opensEveryPort(r))
      .map((r) => {
        const what =
          r.protocol === 'all' ? 'all traffic (every protocol and port)' : `every ${r.protocol?.toUpperCase()} port`;
        return {
          messageId: 'allTrafficOpen',
          data: { owner: describeOwner(r), what, cidr: r.cidr ?? '', source: describeSource(r) },
          range: r.range,
        };
      });
  },
};
