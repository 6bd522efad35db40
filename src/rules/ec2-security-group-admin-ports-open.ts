import type { Rule } from './rule';
import {
  coversPort,
  describeOwner,
  describePorts,
  describeSource,
  INGRESS_TYPES,
  isAnywhere,
  opensEveryPort,
  securityGroupRules,
} from './support/security-group-rules';
import { ADMIN_PORTS } from '../knowledge/ports';

export const rule: Rule = {
  id: 'ec2-security-group-admin-ports-open',
  title: 'Security group opens SSH or RDP to the internet',
  concern: 'network-access',
  severity: 'error',
  appliesTo: INGRESS_TYPES,
  rationale:
    'A security group denies all inbound traffic until you add rules, so every opening is your decision under the shared responsibility model. SSH (22) and RDP (3389) open to 0.0.0.0/0 or ::/0 expose the operating system you manage to password guessing and exploits from the whole internet.',
  remediation:
    'Limit the source of the rule to known addresses (`CidrIp`/`CidrIpv6` in CloudFormation, `cidr_blocks`/`ipv6_cidr_blocks` or `cidr_ipv4`/`cidr_ipv6` in Terraform) or to another security group (`SourceSecurityGroupId`, `security_groups`, `referenced_security_group_id`), or remove the rule and reach instances through AWS Systems Manager Session Manager or EC2 Instance Connect Endpoint.',
  messages: {
    adminPortsOpen: {
      headline: '{owner} allows {what} from {cidr}.',
      detail:
        'The source is {source}. AWS opens no port unless you do, so restricting who can reach remote administration is yours: allow known addresses only, or use Session Manager instead of an open port.',
    },
  },

  check(resource, context) {
    return (
      securityGroupRules(resource, context)
        // Rules open on every port are reported once, by ec2-security-group-all-traffic-open.
        .filter((r) => r.direction === 'ingress' && isAnywhere(r.cidr) && !opensEveryPort(r))
        .flatMap((r) => {
          const open = ADMIN_PORTS.filter((a) => coversPort(r, a.port, a.protocols));
          if (open.length === 0) return [];
          const services = open.map((a) => `${a.service} (${a.port})`).join(' and ');
          const what =
            open.length === 1 && r.fromPort === r.toPort ? services : `${describePorts(r)}, which include ${services},`;
          return [
            {
              messageId: 'adminPortsOpen',
              data: { owner: describeOwner(r), what, cidr: r.cidr ?? '', source: describeSource(r) },
              range: r.range,
            },
          ];
        })
    );
  },
};
