// Resource type -> AWS service and tier. Pure lookups over catalog.ts and the generated type
// lists in data/; never throws, and caches every answer because it runs for each resource.

import { SERVICES, TYPE_OVERRIDES, type ServiceEntry } from './catalog';
import cloudFormationList from './data/cloudformation-types.json';
import terraformList from './data/terraform-aws-types.json';
import { doc, seed, type Source } from './sources';
import type { ProfileId } from './vocabulary';
import type { TierId } from './tiers';

/** Facts about one resource that change who owns what; all optional, all case-insensitive. */
export interface ClassificationHints {
  /** Where containers run: ECS launch type or Batch compute type, e.g. 'FARGATE', 'EC2', 'EXTERNAL'. */
  launchType?: string;
  /** Lambda package type: 'Zip' (the default) or 'Image'. */
  packageType?: string;
  /** For aws_cloudcontrolapi_resource: the CloudFormation type in its type_name argument. */
  typeName?: string;
  /** Who hosts the workers of a Deadline Cloud fleet: 'customer-managed' or 'service-managed'. */
  hosting?: string;
}

/** Every place a template can say where containers run; see launchTypeFrom. */
export interface LaunchTypeEvidence {
  /** ECS service or task set `LaunchType` / `launch_type`. */
  launchType?: string;
  /** Batch compute environment `ComputeResources.Type` / `compute_resources { type }`. */
  computeType?: string;
  /**
   * ECS task definition `RequiresCompatibilities` / `requires_compatibilities`, or Batch job
   * definition `PlatformCapabilities` / `platform_capabilities`.
   */
  compatibilities?: readonly string[];
  /** The `CapacityProvider` of each capacity-provider strategy item. */
  capacityProviders?: readonly string[];
}

const FARGATE_PROVIDERS = new Set(['FARGATE', 'FARGATE_SPOT']);

/**
 * The launch type a template's properties decide, wherever they write it, or undefined when they
 * leave it open: a task definition compatible with both EC2 and Fargate, or a strategy that names a
 * capacity provider of your own (an Auto Scaling group or Managed Instances: the name cannot tell).
 */
export function launchTypeFrom(evidence: LaunchTypeEvidence): string | undefined {
  const clean = (value: string | undefined) => value?.trim().toUpperCase() || undefined;
  const direct = clean(evidence.launchType) ?? clean(evidence.computeType);
  if (direct) return direct;
  const compatible = new Set((evidence.compatibilities ?? []).map(clean).filter((v) => v !== undefined));
  if (compatible.size === 1) return [...compatible][0];
  const providers = (evidence.capacityProviders ?? []).map(clean);
  if (providers.length > 0 && providers.every((p) => p !== undefined && FARGATE_PROVIDERS.has(p))) return 'FARGATE';
  return undefined;
}

export type IacKind = 'cloudformation' | 'terraform' | 'unknown';

/**
 * How the answer was found: an exact type entry, a type-name or Terraform prefix, a
 * CloudFormation namespace, or nothing.
 */
export type ClassificationBasis = 'type' | 'prefix' | 'namespace' | 'unclassified';

export interface Classification {
  type: string;
  /** Display name, e.g. 'Amazon S3'. */
  service: string;
  /** Stable id, e.g. 's3'. 'unclassified' when the type is not in the catalog. */
  serviceId: string;
  tier: TierId | 'unclassified';
  iac: IacKind;
  basis: ClassificationBasis;
  /** Whether the exact type is in the published type lists (false for typos and future types). */
  known: boolean;
  /** Ownership profile that adjusts the tier's defaults (see profiles.ts). */
  profile?: ProfileId;
  /** Why this type is classified the way it is, when that is not obvious. */
  note?: string;
  /** The source of the classification when a catalog override, service note or hint decided it. */
  source?: Source;
}

export interface TypeListProvenance {
  source: string;
  package: string;
  version: string;
  generated: string;
  count: number;
}

// ---- indexes, built once ------------------------------------------------------------------

const SERVICE_BY_ID = new Map<string, ServiceEntry>(SERVICES.map((s) => [s.id, s]));
const CFN_NAMESPACES = new Map<string, ServiceEntry>();
/** Type-name prefixes ('AWS::EC2::VPC') per namespace, longest first. */
const CFN_PREFIXES = new Map<string, { prefix: string; service: ServiceEntry }[]>();
const TF_STEMS = new Map<string, ServiceEntry>();

for (const service of SERVICES) {
  for (const entry of service.cloudformation ?? []) {
    const parts = entry.split('::');
    if (parts.length === 2) {
      CFN_NAMESPACES.set(entry, service);
    } else {
      const namespace = `${parts[0]}::${parts[1]}`;
      const list = CFN_PREFIXES.get(namespace) ?? [];
      list.push({ prefix: entry, service });
      CFN_PREFIXES.set(namespace, list);
    }
  }
  for (const stem of service.terraform ?? []) TF_STEMS.set(stem, service);
}
for (const list of CFN_PREFIXES.values()) list.sort((a, b) => b.prefix.length - a.prefix.length);

const CLOUDFORMATION_TYPES: readonly string[] = Object.freeze([...cloudFormationList.types]);
const TERRAFORM_TYPES: readonly string[] = Object.freeze([...terraformList.types]);
const KNOWN = new Set<string>([...CLOUDFORMATION_TYPES, ...TERRAFORM_TYPES]);

// ---- classification -----------------------------------------------------------------------

const CUSTOM_RESOURCE_NOTE =
  'A custom resource runs your own handler (a Lambda function or SNS topic), and what it creates ' +
  'cannot be known from the template. Classify the handler and the resources it manages instead.';

const CACHE_LIMIT = 20_000;
const cache = new Map<string, Classification>();

/** Classifies a CloudFormation or Terraform resource type. Never throws. */
export function classifyType(type: string, hints?: ClassificationHints): Classification {
  const text = typeof type === 'string' ? type.trim() : '';
  const key = hints
    ? `${text}\u0000${hints.launchType ?? ''}\u0000${hints.packageType ?? ''}\u0000${hints.typeName ?? ''}\u0000${hints.hosting ?? ''}`
    : text;
  const cached = cache.get(key);
  if (cached) return cached;
  let result: Classification;
  try {
    result = Object.freeze(classify(text, hints));
  } catch {
    // defensive: the data is static and tested, but a lookup must never break an analysis
    result = Object.freeze(unclassified(text, detectIac(text)));
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, result);
  return result;
}

export function detectIac(type: string): IacKind {
  if (/^[A-Za-z0-9]+::[A-Za-z0-9]+(::[A-Za-z0-9]+)?$/.test(type) || type.startsWith('Custom::'))
    return 'cloudformation';
  if (/^[a-z][a-z0-9]*_[a-z0-9_]+$/.test(type)) return 'terraform';
  return 'unknown';
}

function classify(type: string, hints: ClassificationHints | undefined): Classification {
  const iac = detectIac(type);

  if (type === 'AWS::CloudFormation::CustomResource' || type.startsWith('Custom::')) {
    return {
      ...unclassified(type, iac),
      service: 'AWS CloudFormation custom resource',
      serviceId: 'custom-resource',
      basis: type.startsWith('Custom::') ? 'prefix' : 'type',
      note: CUSTOM_RESOURCE_NOTE,
      source: doc('https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-custom-resources.html'),
    };
  }
  if (type === 'aws_cloudcontrolapi_resource') return classifyCloudControl(type, hints);

  const match =
    iac === 'cloudformation' ? matchCloudFormation(type) : iac === 'terraform' ? matchTerraform(type) : undefined;
  const override = TYPE_OVERRIDES[type];
  const service = override?.service !== undefined ? SERVICE_BY_ID.get(override.service) : match?.service;
  if (!service) {
    const note =
      iac === 'terraform' && !type.startsWith('aws_')
        ? 'Not a resource of the Terraform AWS provider; the AWS Shared Responsibility Model does not cover it.'
        : undefined;
    return note ? { ...unclassified(type, iac), note, source: seed() } : unclassified(type, iac);
  }

  const result: Classification = {
    type,
    service: service.name,
    serviceId: service.id,
    tier: override?.tier ?? service.tier,
    iac,
    basis: override ? 'type' : (match?.basis ?? 'type'),
    known: KNOWN.has(type),
  };
  const profile = override?.profile ?? service.profile;
  if (profile) result.profile = profile;
  const note = override?.note ?? service.note;
  if (note) result.note = note;
  const source = override?.source ?? service.source;
  if (source) result.source = source;
  if (override?.launch) applyLaunchType(result, hints?.launchType);
  if (type === 'AWS::Deadline::Fleet' && /^customer-managed$/i.test(hints?.hosting ?? '')) {
    result.profile = 'customer-hosted';
    result.note =
      'A customer-managed fleet: its workers run on hosts you provide, on premises or on EC2 instances you manage.';
    result.source = doc('https://docs.aws.amazon.com/deadline-cloud/latest/userguide/create-a-cmf.html');
  }
  if (
    (type === 'AWS::GameLift::Fleet' || type === 'aws_gamelift_fleet') &&
    /^customer-managed$/i.test(hints?.hosting ?? '')
  ) {
    // "An Anywhere fleet consists of a set of compute resources (virtual or physical) that you supply and manage."
    result.profile = 'customer-hosted';
    result.note =
      'An Anywhere fleet: its computes are servers you supply and manage, on premises or in another cloud; GameLift Servers manages game sessions on them.';
    result.source = doc('https://docs.aws.amazon.com/gamelift/latest/developerguide/fleets-intro-anywhere.html');
  }
  if (service.id === 'lambda' && /^image$/i.test(hints?.packageType ?? '') && /Function$|_function$/.test(type)) {
    result.profile = 'function-image';
    result.note = 'Deployed as a container image, so the image and its operating system layers are yours.';
    result.source = doc('https://docs.aws.amazon.com/lambda/latest/dg/images-create.html');
  }
  return result;
}

function applyLaunchType(result: Classification, launchType: string | undefined): void {
  switch ((launchType ?? '').trim().toUpperCase()) {
    case 'FARGATE':
    case 'FARGATE_SPOT':
      result.profile = 'fargate';
      result.note = 'Runs on AWS Fargate: AWS manages and patches the hosts.';
      result.source = doc('https://docs.aws.amazon.com/AmazonECS/latest/developerguide/AWS_Fargate.html');
      return;
    case 'MANAGED_INSTANCES':
      result.profile = 'fargate';
      result.note = 'Runs on Amazon ECS Managed Instances: AWS provisions and patches the instances.';
      result.source = seed();
      return;
    case 'EC2':
    case 'SPOT':
      result.tier = 'infrastructure';
      result.profile = 'ec2-capacity';
      result.note = 'Runs on EC2 instances you manage, so their AMI and operating system are yours.';
      result.source = doc('https://docs.aws.amazon.com/AmazonECS/latest/developerguide/launch_types.html');
      return;
    case 'EXTERNAL':
      result.tier = 'infrastructure';
      result.profile = 'on-premises';
      result.note = 'Runs on your own servers (ECS Anywhere), so even the hardware and facilities are yours.';
      result.source = doc('https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-anywhere.html');
      return;
    default:
      // unknown or not given: keep the service's profile, which says ownership depends on it
      return;
  }
}

function classifyCloudControl(type: string, hints: ClassificationHints | undefined): Classification {
  const target = hints?.typeName?.trim();
  if (target && detectIac(target) === 'cloudformation' && target !== type) {
    const inner = classifyType(target);
    if (inner.tier !== 'unclassified') {
      return {
        ...inner,
        type,
        iac: 'terraform',
        known: true,
        note: `Managed through AWS Cloud Control API as ${target}.`,
      };
    }
  }
  return {
    ...unclassified(type, 'terraform'),
    service: 'AWS Cloud Control API',
    serviceId: 'cloud-control-api',
    basis: 'type',
    known: true,
    note: 'Manages whichever CloudFormation resource type its type_name names; without that, the service is unknown.',
    source: doc('https://docs.aws.amazon.com/cloudcontrolapi/latest/userguide/what-is-cloudcontrolapi.html'),
  };
}

function matchCloudFormation(type: string): { service: ServiceEntry; basis: ClassificationBasis } | undefined {
  const parts = type.split('::');
  if (parts.length !== 3) return undefined;
  const namespace = `${parts[0]}::${parts[1]}`;
  for (const { prefix, service } of CFN_PREFIXES.get(namespace) ?? []) {
    if (type.startsWith(prefix)) return { service, basis: type === prefix ? 'type' : 'prefix' };
  }
  const service = CFN_NAMESPACES.get(namespace);
  return service ? { service, basis: 'namespace' } : undefined;
}

function matchTerraform(type: string): { service: ServiceEntry; basis: ClassificationBasis } | undefined {
  // try aws_s3_bucket_policy, then aws_s3_bucket, then aws_s3: the longest declared stem wins
  let stem = type;
  for (;;) {
    const service = TF_STEMS.get(stem);
    if (service) return { service, basis: stem === type ? 'type' : 'prefix' };
    const cut = stem.lastIndexOf('_');
    if (cut <= 'aws'.length) return undefined;
    stem = stem.slice(0, cut);
  }
}

function unclassified(type: string, iac: IacKind): Classification {
  return {
    type,
    service: 'Unclassified',
    serviceId: 'unclassified',
    tier: 'unclassified',
    iac,
    basis: 'unclassified',
    known: KNOWN.has(type),
  };
}

// ---- catalog access -----------------------------------------------------------------------

export interface ServiceInfo {
  id: string;
  name: string;
  tier: TierId;
}

/** The service with this id, or undefined. */
export function getService(id: string): ServiceInfo | undefined {
  const s = SERVICE_BY_ID.get(id);
  return s ? { id: s.id, name: s.name, tier: s.tier } : undefined;
}

/** Every service in the catalog, in catalog order. */
export function listServices(): ServiceInfo[] {
  return SERVICES.map((s) => ({ id: s.id, name: s.name, tier: s.tier }));
}

/** Every published resource type, sorted: CloudFormation (with AWS SAM) and Terraform AWS provider. */
export function knownTypes(): { cloudformation: readonly string[]; terraform: readonly string[] } {
  return { cloudformation: CLOUDFORMATION_TYPES, terraform: TERRAFORM_TYPES };
}

/** Where the type lists come from, for "about" screens and docs. */
export function typeListProvenance(): { cloudformation: TypeListProvenance; terraform: TypeListProvenance } {
  const pick = (list: TypeListProvenance): TypeListProvenance => ({
    source: list.source,
    package: list.package,
    version: list.version,
    generated: list.generated,
    count: list.count,
  });
  return { cloudformation: pick(cloudFormationList), terraform: pick(terraformList) };
}

// ---- "did you mean" ------------------------------------------------------------------------

let lowered: { cloudformation: string[]; terraform: string[] } | undefined;

/**
 * Known types closest to `query`, best first, for "did you mean" hints. Case-insensitive;
 * ranks by edit distance (a swap of two neighbours counts as one edit), then by how much of
 * the query the type contains. Returns [] when nothing is reasonably close.
 */
export function closestTypes(query: string, limit = 5): string[] {
  const q = typeof query === 'string' ? query.trim().toLowerCase() : '';
  if (!q || limit <= 0) return [];
  lowered ??= {
    cloudformation: CLOUDFORMATION_TYPES.map((t) => t.toLowerCase()),
    terraform: TERRAFORM_TYPES.map((t) => t.toLowerCase()),
  };
  const families: Array<[readonly string[], string[]]> = q.includes('::')
    ? [[CLOUDFORMATION_TYPES, lowered.cloudformation]]
    : q.startsWith('aws_')
      ? [[TERRAFORM_TYPES, lowered.terraform]]
      : [
          [CLOUDFORMATION_TYPES, lowered.cloudformation],
          [TERRAFORM_TYPES, lowered.terraform],
        ];

  const maxDistance = Math.max(2, Math.ceil(q.length / 4));
  const scored: { type: string; score: number }[] = [];
  for (const [originals, lower] of families) {
    for (let i = 0; i < lower.length; i++) {
      const candidate = lower[i];
      const distance = editDistance(q, candidate, maxDistance);
      let score = distance <= maxDistance ? distance : Infinity;
      // a fragment such as "bucket" or "s3::bucket" is close when a type ends with or contains it
      if (score === Infinity && q.length >= 3 && candidate.includes(q)) {
        score = maxDistance + 1 + (candidate.endsWith(q) ? 0 : 1) + (candidate.length - q.length) / 100;
      }
      if (score !== Infinity) scored.push({ type: originals[i], score });
    }
  }
  scored.sort((a, b) => a.score - b.score || a.type.length - b.type.length || (a.type < b.type ? -1 : 1));
  return scored.slice(0, limit).map((s) => s.type);
}

/** Optimal string alignment distance, giving up (returning max + 1) once it exceeds `max`. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, previous2[j - 2] + 1);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    previous2 = previous;
    previous = current;
  }
  return previous[b.length];
}
