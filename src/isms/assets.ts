/**
 * The asset register, derived from the resources of the analysed templates and modules. Each
 * resource is an essential asset (business information, processes and activities) or a support
 * asset (hardware, software); personnel and partner organisations are added by hand.
 */
import type { IacUnit, Resource, Value } from '../iac/model';
import { getProperty } from '../iac/model';
import { classifyType } from '../knowledge/services';
import type { Asset, AssetCategory, AssetClass } from './model';
import { safeTagValue } from './redact';

/** Services whose resources hold business information. */
const INFORMATION = new Set([
  's3',
  's3-outposts',
  's3-tables',
  's3-vectors',
  's3-files',
  'glacier',
  'dynamodb',
  'efs',
  'fsx',
  'rds',
  'aurora-dsql',
  'docdb',
  'docdb-elastic',
  'neptune',
  'neptune-analytics',
  'redshift',
  'redshift-serverless',
  'elasticache',
  'memorydb',
  'dax',
  'opensearch',
  'opensearch-serverless',
  'keyspaces',
  'timestream',
  'timestream-influxdb',
  'qldb',
  'simpledb',
  'backup',
  'secrets-manager',
  'kinesis-video-streams',
  'healthlake',
  'lake-formation',
  'storage-gateway',
]);

/** Services whose resources are processes and activities: code that runs, workflows, queues and streams. */
const PROCESS = new Set([
  'lambda',
  'step-functions',
  'swf',
  'ecs',
  'eks',
  'batch',
  'sqs',
  'sns',
  'eventbridge',
  'kinesis-data-streams',
  'data-firehose',
  'managed-flink',
  'msk',
  'mq',
  'emr',
  'emr-serverless',
  'emr-on-eks',
  'glue',
  'api-gateway',
  'appsync',
  'app-runner',
  'mwaa',
  'mwaa-serverless',
  'sagemaker',
  'data-pipeline',
  'codebuild',
  'codepipeline',
  'codedeploy',
  'elastic-beanstalk',
  'ses',
  'appflow',
  'dms',
  'datasync',
  'transfer-family',
  'bedrock',
  'bedrock-agentcore',
]);

/** Services whose resources are compute, storage devices and networking: the hardware layer. */
const HARDWARE = new Set([
  'ec2',
  'ebs',
  'vpc',
  'transit-gateway',
  'site-to-site-vpn',
  'client-vpn',
  'direct-connect',
  'autoscaling',
  'outposts',
  'lightsail',
  'workspaces',
  'elb',
  'route53',
  'cloudfront',
  'global-accelerator',
  'network-firewall',
  'vpc-lattice',
  'cloudhsm',
  'evs',
]);

/** Types that are images or software even though their service is mostly hardware. */
const SOFTWARE_TYPES = /^(AWS::EC2::LaunchTemplate|AWS::ImageBuilder::|aws_ami|aws_launch_template|aws_imagebuilder_)/;

export interface AssetClassification {
  category: AssetCategory;
  class: AssetClass;
}

/** Classifies a CloudFormation or Terraform resource type as an ISMS asset. */
export function classifyAsset(type: string): AssetClassification {
  const { serviceId } = classifyType(type);
  if (SOFTWARE_TYPES.test(type)) return { category: 'support', class: 'software' };
  if (INFORMATION.has(serviceId)) return { category: 'essential', class: 'business-information' };
  if (PROCESS.has(serviceId)) return { category: 'essential', class: 'process' };
  if (HARDWARE.has(serviceId)) return { category: 'support', class: 'hardware' };
  // Container registries, IAM, KMS, logging and everything else: configuration and software.
  return { category: 'support', class: 'software' };
}

export function categoryOf(assetClass: AssetClass): AssetCategory {
  return assetClass === 'business-information' || assetClass === 'process' ? 'essential' : 'support';
}

export function assetId(file: string, resource: string): string {
  return `${file}#${resource || '(file)'}`;
}

export interface AssetOptions {
  /** How a file is written in the register (relative to the workspace, forward slashes). */
  displayPath?: (file: string) => string;
}

/** One asset per managed resource of the analysed units (Terraform data sources are not assets). */
export function assetsFromUnits(units: readonly IacUnit[], options: AssetOptions = {}): Asset[] {
  const display = options.displayPath ?? ((f: string) => f);
  const assets: Asset[] = [];
  for (const unit of units) {
    const byId = new Map(unit.resources.map((r) => [r.id, r]));
    for (const resource of unit.resources) {
      const { category, class: assetClass } = classifyAsset(resource.type);
      const file = display(resource.file);
      const dependsOn = [resource.service];
      for (const target of references(resource)) {
        const other = byId.get(target);
        if (other && other !== resource && !dependsOn.includes(other.service)) dependsOn.push(other.service);
      }
      assets.push({
        id: assetId(file, resource.id),
        name: resource.id,
        category,
        class: assetClass,
        source: 'template',
        status: 'active',
        type: resource.type,
        file,
        line: resource.range.start.line + 1,
        service: resource.service,
        tier: resource.tier,
        dependsOn: [dependsOn[0], ...dependsOn.slice(1).sort()].filter((s) => s !== ''),
        tags: tagsOf(resource),
      });
    }
  }
  return assets.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Literal tags of a resource: CloudFormation `Tags: [{ Key, Value }]` (or a map), Terraform `tags = { … }`.
 * A value that is or looks like a secret is stored as `[redacted]`, so it never reaches the state file or a report.
 */
export function tagsOf(resource: Resource): Record<string, string> {
  const tags: Record<string, string> = {};
  const value = (getProperty(resource.properties, 'Tags') ?? getProperty(resource.properties, 'tags'))?.value;
  if (value?.kind === 'list') {
    for (const item of value.items) {
      if (item.kind !== 'map') continue;
      const key = literal(getProperty(item, 'Key')?.value);
      const val = literal(getProperty(item, 'Value')?.value);
      if (key !== undefined && val !== undefined) tags[key] = safeTagValue(key, val);
    }
  } else if (value?.kind === 'map') {
    for (const p of value.properties) {
      const val = literal(p.value);
      if (val !== undefined) tags[p.key] = safeTagValue(p.key, val);
    }
  }
  return tags;
}

/** Assets grouped by the value of one tag key; assets without the tag are under `(untagged)`. */
export function groupAssetsByTag(assets: readonly Asset[], key: string): Map<string, Asset[]> {
  const groups = new Map<string, Asset[]>();
  for (const asset of assets) {
    const value = Object.prototype.hasOwnProperty.call(asset.tags, key) ? asset.tags[key] : UNTAGGED;
    const list = groups.get(value) ?? [];
    list.push(asset);
    groups.set(value, list);
  }
  return new Map(
    [...groups].sort(([a], [b]) => (a === UNTAGGED ? 1 : b === UNTAGGED ? -1 : a < b ? -1 : a > b ? 1 : 0)),
  );
}

export const UNTAGGED = '(untagged)';

function literal(value: Value | undefined): string | undefined {
  return value?.kind === 'literal' && value.value !== null ? String(value.value) : undefined;
}

function references(resource: Resource): Set<string> {
  const found = new Set<string>();
  const visit = (value: Value, depth: number): void => {
    if (depth > 64) return;
    if (value.kind === 'reference') found.add(value.target);
    else if (value.kind === 'map') for (const p of value.properties) visit(p.value, depth + 1);
    else if (value.kind === 'list') for (const item of value.items) visit(item, depth + 1);
    else if (value.kind === 'unresolvable') {
      if (value.args) visit(value.args, depth + 1);
      for (const match of value.text.matchAll(/\$\{([A-Za-z0-9_:]+)/g)) found.add(match[1]);
      for (const match of value.text.matchAll(/\$\{((?:data\.)?[a-z0-9_]+\.[A-Za-z0-9_-]+)/g)) found.add(match[1]);
    }
  };
  visit(resource.properties, 0);
  return found;
}
