import { setProperty } from '../fixes/edits';
import type { Rule } from './rule';
import { booleanOf, key, property } from './toolkit/values';

const CFN_KEY = 'MapPublicIpOnLaunch';
const TF_KEY = 'map_public_ip_on_launch';

export const rule: Rule = {
  id: 'vpc-subnet-public-ip-on-launch',
  title: 'Subnet gives instances a public IP address on launch',
  concern: 'network-access',
  // Info, not warning: the setting only matters in subnets routed to an internet gateway, which are
  // public by design, and whether an instance there is reachable is decided by its security groups
  // (reported by the security group rules). The note is that addresses come without asking.
  severity: 'info',
  appliesTo: ['AWS::EC2::Subnet', 'aws_subnet', 'aws_default_subnet'],
  rationale:
    'Subnets you create do not assign public IPv4 addresses unless you turn this on; with it on, every instance launched into a subnet routed to an internet gateway gets an internet-facing address without asking for one, and only its security groups stand in front of it. Load balancers and NAT gateways get their public addresses on their own, so even public subnets rarely need it: instances that must be public can opt in one by one.',
  remediation:
    'Set `MapPublicIpOnLaunch: false` (CloudFormation) or `map_public_ip_on_launch = false` (Terraform), and give the few instances that must be reachable a public address explicitly (`AssociatePublicIpAddress` / `associate_public_ip_address`, or an Elastic IP).',
  messages: {
    publicIpOnLaunch: {
      headline: "subnet '{resource}' gives every instance launched into it a public IP address.",
      detail:
        "Which workloads face the internet is yours to decide, not the subnet's: turn this off and let instances that must be public ask for an address.",
    },
  },

  check(resource, context) {
    const setting = property(resource, key(resource, CFN_KEY, TF_KEY));
    if (!setting || booleanOf(context.resolve(setting.value)).value !== true) return [];
    return [
      {
        messageId: 'publicIpOnLaunch',
        data: { resource: resource.id },
        range: setting.value.range,
        // A value behind a parameter or variable is someone's deliberate switch: change it there.
        fixable: setting.value.kind === 'literal',
      },
    ];
  },

  fix(_report, resource, context) {
    const name = key(resource, CFN_KEY, TF_KEY);
    return { title: `Set ${name} to false`, edits: setProperty(resource, context, [name], false) };
  },
};
