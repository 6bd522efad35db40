import type { MapValue, Property, Resource } from '../iac/model';
import { getProperties, getProperty } from '../iac/model';
import type { Rule, RuleContext } from './rule';
import { booleanOf, asMap, isCloudFormation, items, key } from './toolkit/values';
import {
  CFN_LAUNCH_CONFIGURATION,
  LAUNCH_TYPES,
  TF_INSTANCE,
  TF_LAUNCH_CONFIGURATION,
  describeLaunch,
  launchSettings,
  launchedInstances,
  setPropertyIn,
} from './support/ec2-launch';

/** Where a public IP is asked for: the map holding the setting, and the setting itself. */
interface PublicIpSetting {
  map: MapValue;
  property: Property;
}

export const rule: Rule = {
  id: 'ec2-public-ip',
  title: 'EC2 instance gets a public IP address',
  concern: 'network-access',
  severity: 'warning',
  appliesTo: LAUNCH_TYPES,
  rationale:
    'AWS runs the network, but whether an instance is addressable from the internet is your decision: a public IP address makes it reachable wherever its security groups and network ACLs allow, so a single permissive rule exposes it. Instances that do not serve the internet directly belong behind a load balancer, NAT gateway or Session Manager.',
  remediation:
    'Set `AssociatePublicIpAddress: false` on the network interface (`NetworkInterfaces[]`, under `LaunchTemplateData` for a launch template) or the launch configuration (CloudFormation), or `associate_public_ip_address = false` (Terraform `aws_instance`, `aws_launch_configuration`, and `network_interfaces { … }` of `aws_launch_template`), and reach the instance through a load balancer, NAT gateway or Session Manager.',
  messages: {
    publicIp: {
      headline: '{subject} asks for a public IP address.',
      detail:
        "That exposes {instances} to the internet as far as its security groups and network ACLs allow. Deciding what is exposed is yours, not AWS's: set {property} to false unless {instances} must be reached directly (a bastion or NAT instance).",
    },
  },

  check(resource, context) {
    const subject = describeLaunch(resource);
    return publicIpSettings(resource, context).flatMap((setting, index) => {
      if (booleanOf(context.resolve(setting.property.value)).value !== true) return [];
      return [
        {
          messageId: 'publicIp',
          range: setting.property.value.range,
          // A value that comes from a parameter, variable or local is changed where it is defined.
          fixable: setting.property.value.kind === 'literal',
          data: { index, subject, instances: launchedInstances(resource), property: setting.property.key },
        },
      ];
    });
  },

  fix(report, resource, context) {
    const setting = publicIpSettings(resource, context).at(report.data?.index as number);
    if (!setting) return undefined;
    return {
      title: `Set ${setting.property.key} to false`,
      edits: setPropertyIn(resource, context, setting.map, [setting.property.key], false),
    };
  },
};

/** Every `AssociatePublicIpAddress` the resource writes, on itself or on its network interfaces. */
function publicIpSettings(resource: Resource, context: RuleContext): PublicIpSetting[] {
  const name = key(resource, 'AssociatePublicIpAddress', 'associate_public_ip_address');
  const settings: PublicIpSetting[] = [];
  const add = (map: MapValue | undefined) => {
    const property = getProperty(map, name);
    if (map && property) settings.push({ map, property });
  };
  // An instance in Terraform and a launch configuration set it on the resource itself.
  if (
    resource.type === TF_INSTANCE ||
    resource.type === TF_LAUNCH_CONFIGURATION ||
    resource.type === CFN_LAUNCH_CONFIGURATION
  ) {
    add(resource.properties);
    return settings;
  }
  const container = launchSettings(resource, context).map;
  const interfacesKey = isCloudFormation(resource) ? 'NetworkInterfaces' : 'network_interfaces';
  for (const property of getProperties(container, interfacesKey)) {
    for (const item of items(context.resolve(property.value))) add(asMap(context.resolve(item)));
  }
  return settings;
}
