import type { Resource } from '../iac/model';
import type { Rule, RuleContext } from './rule';
import { engineOf, isAuroraMember, rdsKind, rdsName } from './support/rds';

import { checkRequiredSetting, fixRequiredSetting, type RequiredSetting } from './toolkit/required-setting';
import { isSet, key, property } from './toolkit/values';

const SETTING: RequiredSetting = {
  cloudFormation: 'AutoMinorVersionUpgrade',
  terraform: 'auto_minor_version_upgrade',
  wanted: true,
  default: { value: true, source: 'RDS API, CloudFormation and Terraform default' },
};

/** The cluster an Aurora instance names, when it is a resource of the same template or module. */
function clusterOf(instance: Resource, context: RuleContext): Resource | undefined {
  const named = property(instance, key(instance, 'DBClusterIdentifier', 'cluster_identifier'))?.value;
  return named?.kind === 'reference' ? context.resourceById(named.target) : undefined;
}

/**
 * Whether this setting has no effect on the resource: RDS Custom requires it off (you patch the
 * host yourself there), and Aurora clusters in a global database are not upgraded automatically
 * whatever it says.
 */
function settingDoesNotApply(resource: Resource, context: RuleContext): boolean {
  if (engineOf(resource, context).value?.startsWith('custom-')) return true;
  const globalKey = (r: Resource) => key(r, 'GlobalClusterIdentifier', 'global_cluster_identifier');
  if (rdsKind(resource) === 'cluster') return isSet(resource, context, globalKey(resource));
  const cluster = clusterOf(resource, context);
  return cluster !== undefined && rdsKind(cluster) === 'cluster' && isSet(cluster, context, globalKey(cluster));
}

export const rule: Rule = {
  id: 'rds-auto-minor-version-upgrade',
  title: 'RDS automatic minor version upgrades are turned off',
  concern: 'applications',
  severity: 'warning',
  appliesTo: [
    'AWS::RDS::DBInstance',
    'AWS::RDS::DBCluster',
    'aws_db_instance',
    'aws_rds_cluster',
    'aws_rds_cluster_instance',
  ],
  rationale:
    'On RDS, AWS builds and tests new minor versions of the database engine, which carry security fixes, but it applies them in your maintenance window only when automatic minor version upgrades are on (the default). Turned off, the engine stays on its current minor version until you upgrade it yourself or the version reaches the end of its support; for Aurora, one instance with the setting off keeps the whole cluster from being upgraded.',
  remediation:
    'Remove the setting or set `AutoMinorVersionUpgrade: true` (CloudFormation `AWS::RDS::DBInstance`, `AWS::RDS::DBCluster`) or `auto_minor_version_upgrade = true` (Terraform `aws_db_instance`, `aws_rds_cluster_instance`, `aws_rds_cluster`), and choose a maintenance window (`PreferredMaintenanceWindow` / `maintenance_window`, `preferred_maintenance_window`) that suits you.',
  messages: {
    upgradesOff: {
      headline: '{database} turns automatic minor version upgrades off.',
      detail:
        'Its engine misses the security fixes of newer minor versions until you upgrade it or its version reaches end of support. AWS applies new minor versions in your maintenance window only when you let it: set {property} to true.',
    },
    upgradesOffAuroraMember: {
      headline: '{database} turns automatic minor version upgrades off.',
      detail:
        'Its engine misses the security fixes of newer minor versions until you upgrade it or its version reaches end of support. AWS applies new minor versions in your maintenance window only when you let it: set {property} to true. While one instance has it off, its Aurora cluster is not upgraded automatically either.',
    },
  },

  check(resource, context) {
    // The default is on: only an explicit false (after parameter and variable defaults) counts.
    if (settingDoesNotApply(resource, context)) return [];
    const aurora = rdsKind(resource) !== 'cluster' && isAuroraMember(resource, context);
    return checkRequiredSetting(resource, context, SETTING, {
      insecure: aurora ? 'upgradesOffAuroraMember' : 'upgradesOff',
      data: { database: rdsName(resource) },
    });
  },

  fix(_report, resource, context) {
    return fixRequiredSetting(resource, context, SETTING);
  },
};
