import type { Range, Resource } from '../iac/model';
import type { Rule, RuleContext } from './rule';
import { booleanOf, isCloudFormation, items, key, read, stringOf } from './toolkit/values';
import type { Setting } from './toolkit/values';

const WORLD = ['0.0.0.0/0', '::/0'];

export const rule: Rule = {
  id: 'eks-public-endpoint',
  title: 'EKS cluster API endpoint is open to the internet',
  concern: 'network-access',
  severity: 'warning',
  appliesTo: ['AWS::EKS::Cluster', 'aws_eks_cluster'],
  rationale:
    'AWS runs and patches the Kubernetes control plane, but who can reach its API endpoint is yours to decide. A new cluster gets a public endpoint that accepts connections from any IP address; IAM authentication still applies, but the API server is exposed to everyone on the internet.',
  remediation:
    'Turn on the private endpoint (`EndpointPrivateAccess: true` / `endpoint_private_access = true`) and either turn off the public one (`EndpointPublicAccess: false` / `endpoint_public_access = false`) or list only the CIDR blocks that need it in `PublicAccessCidrs` / `public_access_cidrs`. No automatic fix: the right CIDR blocks, and whether operators and pipelines can reach a private endpoint, are decisions for you.',
  messages: {
    openByDefault: {
      headline: '{subject} is open to any IP address.',
      detail:
        'It accepts connections from any IP address: {switchedOn}, and {property} is not set, so it defaults to 0.0.0.0/0. AWS runs the endpoint, but limiting who can reach it is yours: restrict the CIDR blocks or use the private endpoint.',
    },
    openCidr: {
      headline: '{subject} is open to any IP address.',
      detail:
        'It accepts connections from any IP address: {switchedOn}, and {property} includes {cidr}. AWS runs the endpoint, but limiting who can reach it is yours: restrict the CIDR blocks or use the private endpoint.',
    },
  },

  check(resource, context) {
    const config = isCloudFormation(resource) ? 'ResourcesVpcConfig' : 'vpc_config';
    const publicKey = key(resource, 'EndpointPublicAccess', 'endpoint_public_access');
    const cidrsKey = key(resource, 'PublicAccessCidrs', 'public_access_cidrs');
    const configSetting = read(resource, context, [config]);
    if (configSetting.state === 'unknown') return [];

    // The public endpoint is on unless turned off.
    const publicAccess = read(resource, context, [config, publicKey]);
    const isPublic = booleanOf(publicAccess);
    if (isPublic.value === false || isPublic.state === 'unknown') return [];

    const cidrs = read(resource, context, [config, cidrsKey]);
    const open = openCidr(cidrs, context);
    if (open === 'unknown' || open === 'none') return [];
    const subject = `The Kubernetes API endpoint of EKS cluster '${resource.id}'`;
    const switchedOn =
      isPublic.value === true ? `${publicKey} is true` : `${publicKey} is not set and defaults to true`;
    if (open === 'default') {
      return [
        {
          messageId: 'openByDefault',
          data: { subject, switchedOn, property: cidrsKey },
          range: publicRange(resource, publicAccess),
        },
      ];
    }
    return [
      {
        messageId: 'openCidr',
        data: { subject, switchedOn, property: cidrsKey, cidr: open.cidr },
        range: open.range,
      },
    ];
  },
};

type OpenCidr = 'none' | 'unknown' | 'default' | { cidr: string; range: Range };

/** Whether the allowed CIDR blocks include the whole internet; a list with unknown entries is unknown unless a literal opens it. */
function openCidr(cidrs: Setting, context: RuleContext): OpenCidr {
  if (cidrs.state === 'absent') return 'default';
  if (cidrs.state === 'unknown') return 'unknown';
  // An empty list leaves the default in place.
  if (cidrs.value.kind === 'list' && cidrs.value.items.length === 0) return 'default';
  // A list written elsewhere (a variable default, a local) is pointed at where this resource uses it.
  const writtenHere = cidrs.value === cidrs.property.value;
  // A CommaDelimitedList parameter default arrives as one string.
  if (cidrs.value.kind === 'literal' && typeof cidrs.value.value === 'string') {
    const open = cidrs.value.value
      .split(',')
      .map((c) => c.trim())
      .find((c) => WORLD.includes(c));
    return open ? { cidr: open, range: cidrs.property.value.range } : 'none';
  }
  let unknown = false;
  for (const item of items(cidrs.value)) {
    const text = stringOf(context.resolve(item)).value;
    if (text === undefined) unknown = true;
    else if (WORLD.includes(text.trim()))
      return { cidr: text.trim(), range: writtenHere ? item.range : cidrs.property.value.range };
  }
  if (cidrs.value.kind !== 'list' && cidrs.value.kind !== 'literal') return 'unknown';
  return unknown ? 'unknown' : 'none';
}

function publicRange(resource: Resource, publicAccess: Setting): Range {
  return publicAccess.state === 'known' ? publicAccess.property.value.range : resource.typeRange;
}
