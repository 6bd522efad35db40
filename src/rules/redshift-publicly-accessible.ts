import { setProperty } from '../fixes/edits';
import type { Rule } from './rule';
import { booleanOf, isCloudFormation, key, read } from './toolkit/values';

const CFN_KEY = 'PubliclyAccessible';
const TF_KEY = 'publicly_accessible';

export const rule: Rule = {
  id: 'redshift-publicly-accessible',
  title: 'Redshift cluster is publicly accessible',
  concern: 'network-access',
  severity: 'error',
  appliesTo: ['AWS::Redshift::Cluster', 'aws_redshift_cluster'],
  rationale:
    'AWS runs the Redshift network infrastructure, but who can reach your cluster is yours to decide: a publicly accessible cluster gets a public IP address and a DNS name that resolves to it, so only its security groups stand between the warehouse and the internet.',
  remediation:
    'Set `PubliclyAccessible: false` (CloudFormation) or `publicly_accessible = false` (Terraform) and reach the cluster from inside the VPC (VPN, Direct Connect, a bastion or Redshift-managed VPC endpoints).',
  messages: {
    public: {
      headline: "Redshift cluster '{resource}' is publicly accessible.",
      detail:
        "It gets a public IP address reachable from the internet, limited only by its security groups. Network exposure is yours to control, not AWS's; set {property} to false and connect from inside the VPC.",
    },
    providerDefault: {
      headline: "Redshift cluster '{resource}' may be public: publicly_accessible is not set.",
      detail:
        'AWS provider v6 and later default it to false, but earlier providers default it to true, which makes the cluster publicly accessible. Set it to false explicitly.',
    },
  },

  check(resource, context) {
    const name = key(resource, CFN_KEY, TF_KEY);
    const setting = read(resource, context, [name]);
    const value = booleanOf(setting);
    if (value.value === true && setting.state === 'known') {
      return [
        {
          messageId: 'public',
          data: { resource: resource.id, property: name },
          range: setting.property.value.range,
        },
      ];
    }
    // The API has defaulted to private since January 2025, but Terraform AWS providers before v6 send true when the attribute is omitted.
    if (value.state === 'absent' && !isCloudFormation(resource)) {
      return [
        {
          messageId: 'providerDefault',
          data: { resource: resource.id },
          range: resource.typeRange,
          severity: 'info',
        },
      ];
    }
    return [];
  },

  fix(_report, resource, context) {
    const name = key(resource, CFN_KEY, TF_KEY);
    return { title: `Set ${name} to false`, edits: setProperty(resource, context, [name], false) };
  },
};
