import type { Rule } from './rule';
import { setSecureValue } from './toolkit/parameterised-fixes';
import { engineOf, isAuroraEngine, rdsKind, rdsName } from './support/rds';

import { booleanOf, key, readFor, writtenRange } from './toolkit/values';

const CFN_KEY = 'PubliclyAccessible';
const TF_KEY = 'publicly_accessible';

export const rule: Rule = {
  id: 'rds-publicly-accessible',
  title: 'RDS database is publicly accessible',
  concern: 'network-access',
  severity: 'error',
  appliesTo: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster', 'aws_db_instance', 'aws_rds_cluster_instance'],
  rationale:
    'AWS runs the database hosts and the network they sit on, but whether a database can be reached from the internet is your choice: a publicly accessible database gets a public IP address, and then only its security groups stand between it and the internet.',
  remediation:
    'Set `PubliclyAccessible: false` (CloudFormation) or `publicly_accessible = false` (Terraform) and reach the database from inside the VPC (application subnets, a VPN, AWS Client VPN or Session Manager port forwarding).',

  check(resource, context) {
    // On clusters the property applies to Multi-AZ DB clusters only; Aurora sets it per instance.
    if (rdsKind(resource) === 'cluster' && isAuroraEngine(engineOf(resource, context))) return [];
    // A missing value is not reported: the CloudFormation default depends on the VPC and subnet
    // group, and Terraform's default is false.
    const setting = booleanOf(readFor(resource, context, CFN_KEY, TF_KEY));
    if (setting.state !== 'known' || !setting.value) return [];
    return [
      {
        message: `${rdsName(resource)} is publicly accessible: its endpoint resolves to a public IP address, so anyone on the internet that its security groups let in can reach the database. Network access is yours to decide on RDS; set ${key(resource, CFN_KEY, TF_KEY)} to false and connect from inside the VPC.`,
        range: writtenRange(setting, resource.typeRange),
      },
    ];
  },

  fix(_report, resource, context) {
    const name = key(resource, CFN_KEY, TF_KEY);
    return { title: `Set ${name} to false`, edits: setSecureValue(resource, context, name, false) };
  },
};
