import type { Rule } from './rule';
import { engineOf, isAuroraEngine, rdsKind, rdsName } from './support/rds';

import { checkRequiredSetting, fixRequiredSetting, type RequiredSetting } from './toolkit/required-setting';

const SETTING: RequiredSetting = {
  cloudFormation: 'PubliclyAccessible',
  terraform: 'publicly_accessible',
  wanted: false,
  default: {
    value: false,
    source:
      'Terraform default; in CloudFormation it depends on the VPC and subnet group, which a template does not show, so absence is not reported',
  },
};

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
  messages: {
    public: {
      headline: '{database} is publicly accessible.',
      detail:
        'Its endpoint resolves to a public IP address, so anyone on the internet that its security groups let in can reach the database. Network access is yours to decide on RDS; set {property} to false and connect from inside the VPC.',
    },
  },

  check(resource, context) {
    // On clusters the property applies to Multi-AZ DB clusters only; Aurora sets it per instance.
    if (rdsKind(resource) === 'cluster' && isAuroraEngine(engineOf(resource, context).value)) return [];
    // A missing value is not reported (see the default's source).
    return checkRequiredSetting(resource, context, SETTING, {
      insecure: 'public',
      data: { database: rdsName(resource) },
    });
  },

  fix(_report, resource, context) {
    return fixRequiredSetting(resource, context, SETTING);
  },
};
