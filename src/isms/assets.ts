/**
 * The asset register, derived from the resources of the analysed templates and modules. An asset
 * is what a reviewer would call one: a bucket together with its `aws_s3_bucket_*` configuration
 * resources and its policy, a queue with its policy, a VPC with its subnets, routes, route tables
 * and associations (`assetParents`: a supporting resource, knowledge/resource-roles.ts, joins the
 * main resource it references). Each asset is essential (business information, processes and
 * activities) or support (hardware, network, software); personnel and partner organisations are
 * added by hand. Resources of other providers (`random_id`, `null_resource`) are not assets.
 */
import type { IacUnit, Resource, Value } from '../iac/model';
import { getProperty } from '../iac/model';
import { isOutsideModel, resourceRole } from '../knowledge/resource-roles';
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

/** Services whose resources are compute and storage devices: the hardware layer. */
const HARDWARE = new Set(['ec2', 'ebs', 'autoscaling', 'outposts', 'lightsail', 'workspaces', 'cloudhsm', 'evs']);

/** Services whose resources are networks and what connects them: VPCs, gateways, load balancers, DNS, CDN. */
const NETWORK = new Set([
  'vpc',
  'transit-gateway',
  'site-to-site-vpn',
  'client-vpn',
  'direct-connect',
  'elb',
  'route53',
  'cloudfront',
  'global-accelerator',
  'network-firewall',
  'vpc-lattice',
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
  if (NETWORK.has(serviceId)) return { category: 'support', class: 'network' };
  // Container registries, IAM, KMS, logging and everything else: configuration and software.
  return { category: 'support', class: 'software' };
}

/** Network types of the hardware services' APIs that a supporting resource joins first (a gateway attachment: its VPC). */
const NETWORK_OWNER = /^(AWS::EC2::VPC|aws_vpc)$/;

/**
 * For each supporting resource of a unit (a configuration resource, a policy, a subnet, a route,
 * an association: knowledge/resource-roles.ts), the main resource it belongs to: a VPC it
 * references, directly or through the supporting resources it references (a route: its route
 * table's VPC, not its gateway); else the first main resource it references; else the one a
 * supporting resource it references belongs to. Keyed by resource id; a supporting resource that references no
 * main resource of the unit (its bucket is a variable, or a count left it without one) is not in
 * the map.
 */
export function assetParents(unit: IacUnit): Map<string, string> {
  const byId = new Map(unit.resources.map((r) => [r.id, r]));
  // `aws_s3_bucket.this` names `aws_s3_bucket.this[0]` and every other instance
  const byBase = new Map<string, Resource[]>();
  for (const r of unit.resources) {
    const base = r.id.replace(/\[[^\]]*\]$/, '');
    if (base !== r.id) byBase.set(base, [...(byBase.get(base) ?? []), r]);
  }
  const referenced = (resource: Resource): Resource[] => {
    const found: Resource[] = [];
    // inside a called module, `aws_s3_bucket.this` is `module.x.aws_s3_bucket.this`
    const prefix = modulePrefix(resource.id);
    for (const written of references(resource)) {
      const target = `${prefix}${written}`;
      for (const other of byId.has(target) ? [byId.get(target) as Resource] : (byBase.get(target) ?? []))
        if (other !== resource && !found.includes(other)) found.push(other);
    }
    return found;
  };
  const parents = new Map<string, string>();
  const parentOf = (resource: Resource, depth: number, seen: Set<Resource>): Resource | undefined => {
    if (depth > 4 || seen.has(resource)) return undefined;
    seen.add(resource);
    const targets = referenced(resource).filter((r) => !isOutsideModel(r.type));
    const mains = targets.filter((r) => resourceRole(r.type) === 'main');
    const vpc = mains.find((r) => NETWORK_OWNER.test(r.type));
    if (vpc) return vpc;
    // a route names its gateway, but belongs to its route table's network
    const through = targets
      .filter((r) => resourceRole(r.type) === 'supporting')
      .map((r) => parentOf(r, depth + 1, seen))
      .filter((r): r is Resource => r !== undefined);
    return through.find((r) => NETWORK_OWNER.test(r.type)) ?? mains.at(0) ?? through.at(0);
  };
  for (const resource of unit.resources) {
    if (resourceRole(resource.type) !== 'supporting') continue;
    const parent = parentOf(resource, 0, new Set());
    if (parent) parents.set(resource.id, parent.id);
  }
  return parents;
}

/** `module.a.module.b.` for `module.a.module.b.aws_s3_bucket.this[0]`; empty at the root and in CloudFormation. */
function modulePrefix(id: string): string {
  return /^((?:module\.[A-Za-z0-9_-]+(?:\[[^\]]*\])?\.)*)/.exec(id)?.[1] ?? '';
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

/**
 * One asset per main resource of the analysed units, with the supporting resources that belong to
 * it as its `parts` (`assetParents`). A supporting resource whose main resource is not in the unit
 * (a policy for a bucket passed in as a variable) is not an asset: it configures one the scan does
 * not see, and its findings stay risks named after it. Terraform data sources and resources of
 * other providers are not assets.
 */
export function assetsFromUnits(units: readonly IacUnit[], options: AssetOptions = {}): Asset[] {
  const display = options.displayPath ?? ((f: string) => f);
  const assets: Asset[] = [];
  for (const unit of units) {
    const byId = new Map(unit.resources.map((r) => [r.id, r]));
    const parents = assetParents(unit);
    const parts = new Map<string, Resource[]>();
    for (const [part, parent] of parents) parts.set(parent, [...(parts.get(parent) ?? []), byId.get(part) as Resource]);
    for (const resource of unit.resources) {
      if (isOutsideModel(resource.type) || resourceRole(resource.type) === 'supporting') continue;
      const members = parts.get(resource.id) ?? [];
      const { category, class: assetClass } = classifyAsset(resource.type);
      const file = display(resource.file);
      const dependsOn = [resource.service];
      for (const member of [resource, ...members]) {
        for (const target of references(member)) {
          const other = byId.get(target);
          if (
            other &&
            other !== resource &&
            !members.includes(other) &&
            !isOutsideModel(other.type) &&
            !dependsOn.includes(other.service)
          )
            dependsOn.push(other.service);
        }
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
        ...(members.length > 0 ? { parts: members.map((m) => m.id).sort() } : {}),
      });
    }
  }
  return assets.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The asset each resource's findings belong to, keyed `<file>\u0000<resource id>` with the file as
 * the engine names it: a supporting resource's findings are its main resource's risks.
 */
export function assetOwners(units: readonly IacUnit[]): Map<string, string> {
  const owners = new Map<string, string>();
  for (const unit of units) {
    const byId = new Map(unit.resources.map((r) => [r.id, r]));
    for (const [part, parent] of assetParents(unit)) {
      const resource = byId.get(part);
      if (resource) owners.set(`${resource.file}\u0000${part}`, parent);
    }
  }
  return owners;
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
      // Terraform traversals in expressions: `cond ? aws_s3_directory_bucket.this[0].bucket : aws_s3_bucket.this[0].id`
      for (const match of value.text.matchAll(/(?<![\w.])([a-z][a-z0-9_]*\.[A-Za-z_][A-Za-z0-9_-]*)(\[[^\]]*\])?/g)) {
        found.add(match[1]);
        if (match[2]) found.add(`${match[1]}${match[2]}`);
      }
    }
  };
  visit(resource.properties, 0);
  return found;
}
