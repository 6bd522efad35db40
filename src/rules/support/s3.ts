/**
 * What S3 and Glacier rules need to know about a bucket (or vault) beyond its own properties:
 * the companion resources that configure it (Terraform provider v4+ `aws_s3_bucket_*` resources,
 * CloudFormation `AWS::S3::BucketPolicy`), found across every file of the module.
 *
 * A companion names its bucket in one attribute (`bucket`, `Bucket`, `vault_name`). That attribute
 * decides, not any reference anywhere in the companion: a logging configuration also references its
 * target bucket, a replication configuration its destination, a policy the ARNs of other buckets.
 */
import type { Property, Resource, Value } from '../../iac/model';
import { getProperty } from '../../iac/model';
import { lineIndexOf } from '../../fixes/edits';
import type { RuleContext } from '../rule';
import { booleanOf, stringOf, isCloudFormation, property } from '../toolkit/values';
import { resourcesOfType } from '../toolkit/resources';

export const BUCKET_TYPES = ['AWS::S3::Bucket', 'aws_s3_bucket'] as const;

/** Whether a companion's bucket attribute designates a given bucket. */
export type Match = 'yes' | 'maybe' | 'no';

export interface Companions {
  /** Companions that certainly configure the bucket. */
  found: Resource[];
  /** True when some companion may configure it but its target is decided at deploy time. */
  uncertain: boolean;
}

/**
 * Companions of `type` whose `attribute` (a key, or a path of keys) designates `owner` (a bucket or a vault).
 * `nameAttribute` is the owner's own name attribute, for companions that name it literally
 * (`bucket = "my-logs"`) or through the same variable (`bucket = var.name` on both).
 */
export function companionsOf(
  owner: Resource,
  context: RuleContext,
  type: string,
  attribute: string | string[],
  nameAttribute: string,
): Companions {
  const path = typeof attribute === 'string' ? [attribute] : attribute;
  const index = companionIndex(context, type, path);
  // What `designates` decides for each candidate, answered from the index: a candidate that refers
  // to resources designates exactly those; any other one depends on the owner's name only.
  const ownerName = property(owner, nameAttribute)?.value;
  const resolvedName = context.resolve(ownerName);
  const literalName = resolvedName?.kind === 'literal' ? stringOf(resolvedName).value : undefined;
  const nameUnknown = resolvedName !== undefined && literalName === undefined;
  const self = index.position.get(owner);
  const matched: number[] = [];
  let looseMatches = 0;
  for (const i of index.byTarget.get(owner.id) ?? []) if (i !== self) matched.push(i);
  const loose = [
    ...(literalName !== undefined ? (index.byLiteralName.get(literalName) ?? []) : []),
    ...(ownerName ? (index.bySourceText.get(sourceText(ownerName)) ?? []) : []),
  ];
  for (const i of loose) {
    if (i === self) continue;
    matched.push(i);
    looseMatches++;
  }
  matched.sort((a, b) => a - b);
  // Every other candidate that refers to no resource is a 'maybe' when the owner's name is unknown.
  const otherLoose = index.loose - (self !== undefined && index.isLoose[self] ? 1 : 0) - looseMatches;
  return { found: matched.map((i) => index.candidates[i]), uncertain: nameUnknown && otherLoose > 0 };
}

interface CompanionIndex {
  candidates: readonly Resource[];
  position: Map<Resource, number>;
  /** Candidates whose attribute refers to resources of the unit, by each resource referred to. */
  byTarget: Map<string, number[]>;
  /** Candidates referring to no resource whose attribute resolves to a literal name. */
  byLiteralName: Map<string, number[]>;
  /** Candidates referring to no resource and not resolving to a literal, by how the attribute is written. */
  bySourceText: Map<string | undefined, number[]>;
  /** How many candidates refer to no resource (a 'maybe' for an owner whose name is unknown), and which. */
  loose: number;
  isLoose: boolean[];
}

/** The candidates of `type`, classified once per unit by what their `path` attribute designates (see `designates`). */
function companionIndex(context: RuleContext, type: string, path: string[]): CompanionIndex {
  return context.memo(`s3:companions:${type}:${path.join('.')}`, () => {
    const candidates = resourcesOfType(context, type);
    const index: CompanionIndex = {
      candidates,
      position: new Map(),
      byTarget: new Map(),
      byLiteralName: new Map(),
      bySourceText: new Map(),
      loose: 0,
      isLoose: [],
    };
    const add = <K>(map: Map<K, number[]>, key: K, i: number) => {
      const list = map.get(key);
      if (list) list.push(i);
      else map.set(key, [i]);
    };
    candidates.forEach((candidate, i) => {
      index.position.set(candidate, i);
      index.isLoose.push(false);
      const value = property(candidate, ...path)?.value;
      const resolved = context.resolve(value);
      if (!resolved) return;
      const targets = referencedTargets(resolved);
      if ([...targets].some((target) => context.resourceById(target))) {
        for (const target of targets) add(index.byTarget, target, i);
        return;
      }
      index.loose++;
      index.isLoose[i] = true;
      if (resolved.kind === 'literal') {
        const name = stringOf(resolved).value;
        if (name !== undefined) add(index.byLiteralName, name, i);
        return;
      }
      add(index.bySourceText, sourceText(value), i);
    });
    return index;
  });
}

/** The S3 companions of a bucket, joined by `bucket` (Terraform) or `Bucket` (CloudFormation). */
export function bucketCompanions(bucket: Resource, context: RuleContext, type: string): Companions {
  const cfn = isCloudFormation(bucket);
  return companionsOf(bucket, context, type, cfn ? 'Bucket' : 'bucket', bucketNameKey(bucket));
}

export function bucketNameKey(bucket: Resource): string {
  return isCloudFormation(bucket) ? 'BucketName' : 'bucket';
}

/**
 * Does `value` (a companion's bucket attribute, or a logging target) designate `owner`?
 * - a reference to the owner (`aws_s3_bucket.x.id`, `aws_s3_bucket.x[0].bucket`, `!Ref X`, also
 *   inside a conditional or `"${…}"`): yes;
 * - a reference to any other resource: no;
 * - a literal name: yes when the owner has the same literal name, maybe when the owner's name is
 *   decided at deploy time, otherwise no;
 * - anything else unknown: yes when written exactly like the owner's name (`var.name` on both),
 *   maybe when the owner's name is unknown too, otherwise no.
 */
export function designates(
  value: Value | undefined,
  owner: Resource,
  nameAttribute: string,
  context: RuleContext,
): Match {
  const resolved = context.resolve(value);
  if (!resolved) return 'no';
  const targets = referencedTargets(resolved);
  if (targets.has(owner.id)) return 'yes';
  if ([...targets].some((target) => context.resourceById(target))) return 'no';
  const ownerName = property(owner, nameAttribute)?.value;
  const resolvedName = context.resolve(ownerName);
  const literalName = resolvedName?.kind === 'literal' ? stringOf(resolvedName).value : undefined;
  const nameUnknown = resolvedName !== undefined && literalName === undefined;
  if (resolved.kind === 'literal') {
    const name = stringOf(resolved).value;
    if (name !== undefined && literalName !== undefined) return name === literalName ? 'yes' : 'no';
    return nameUnknown ? 'maybe' : 'no';
  }
  if (ownerName && sourceText(ownerName) === sourceText(value)) return 'yes';
  return nameUnknown ? 'maybe' : 'no';
}

/** The resource addresses or logical ids a value refers to, including inside expressions. */
export function referencedTargets(value: Value, into = new Set<string>(), depth = 0): Set<string> {
  if (depth > 32) return into;
  switch (value.kind) {
    case 'reference':
      into.add(value.target);
      break;
    case 'map':
      for (const p of value.properties) referencedTargets(p.value, into, depth + 1);
      break;
    case 'list':
      for (const item of value.items) referencedTargets(item, into, depth + 1);
      break;
    case 'unresolvable':
      if (value.args) referencedTargets(value.args, into, depth + 1);
      // Terraform expressions (`"${aws_s3_bucket.x.id}"`, conditionals) keep only their text.
      for (const match of value.text.matchAll(/(?<![\w.])(aws_[a-z0-9_]+\.[A-Za-z0-9_-]+)/g)) into.add(match[1]);
      // CloudFormation `!Sub '${Bucket}'` and `${Bucket.Arn}`.
      for (const match of value.text.matchAll(/\$\{([A-Za-z0-9]+)[.}]/g)) into.add(match[1]);
      break;
    default:
      break;
  }
  return into;
}

/**
 * A bucket that receives other buckets' server access logs, or carries the log-delivery ACL. Logging
 * it would log the logging, and S3 delivers access logs only to a bucket whose default encryption is
 * SSE-S3, so it cannot use a KMS key either.
 */
export function isAccessLogTarget(bucket: Resource, context: RuleContext): boolean {
  const name = bucketNameKey(bucket);
  if (isCloudFormation(bucket)) {
    if (stringOf(context.resolve(property(bucket, 'AccessControl')?.value)).value === 'LogDeliveryWrite') return true;
    return (
      companionsOf(bucket, context, 'AWS::S3::Bucket', ['LoggingConfiguration', 'DestinationBucketName'], name).found
        .length > 0
    );
  }
  const acls = [bucket, ...bucketCompanions(bucket, context, 'aws_s3_bucket_acl').found];
  if (acls.some((r) => stringOf(context.resolve(property(r, 'acl')?.value)).value === 'log-delivery-write'))
    return true;
  return (
    companionsOf(bucket, context, 'aws_s3_bucket', ['logging', 'target_bucket'], name).found.length > 0 ||
    companionsOf(bucket, context, 'aws_s3_bucket_logging', 'target_bucket', name).found.length > 0
  );
}

/** The resource a companion's bucket attribute refers to, when it is a resource of the unit. */
export function designatedResource(companion: Resource, attribute: string, context: RuleContext): Resource | undefined {
  const value = context.resolve(property(companion, attribute)?.value);
  if (!value) return undefined;
  const targets = [...referencedTargets(value)]
    .map((t) => context.resourceById(t))
    .filter((r): r is Resource => r !== undefined);
  return targets.length === 1 ? targets[0] : undefined;
}

/**
 * A Block Public Access setting as the template declares it for a bucket, or for the bucket a
 * companion (ACL, policy) configures: the CloudFormation `PublicAccessBlockConfiguration` flag, or
 * the flag of the `aws_s3_bucket_public_access_block` for the same bucket. Undefined when not
 * declared or not known.
 */
export function publicAccessFlag(
  resource: Resource,
  context: RuleContext,
  flag: 'IgnorePublicAcls' | 'RestrictPublicBuckets',
): boolean | undefined {
  if (isCloudFormation(resource)) {
    const bucket = bucketOf(resource, context);
    return bucket
      ? booleanOf(context.resolve(property(bucket, 'PublicAccessBlockConfiguration', flag)?.value)).value
      : undefined;
  }
  const terraformFlag = flag === 'IgnorePublicAcls' ? 'ignore_public_acls' : 'restrict_public_buckets';
  const blocks = sameBucketCompanions(resource, context, 'aws_s3_bucket_public_access_block');
  const values = blocks.map((block) => booleanOf(context.resolve(property(block, terraformFlag)?.value)).value);
  return values.length === 1 ? values[0] : undefined;
}

/**
 * True when the template disables ACLs for the bucket (Object Ownership `BucketOwnerEnforced`,
 * the default for new buckets, written out): ACLs then grant nothing.
 */
export function aclsDisabled(resource: Resource, context: RuleContext): boolean {
  if (isCloudFormation(resource)) {
    const rules = context.resolve(
      property(bucketOf(resource, context) ?? resource, 'OwnershipControls', 'Rules')?.value,
    );
    return (
      rules?.kind === 'list' &&
      rules.items.some(
        (r) =>
          r.kind === 'map' &&
          stringOf(context.resolve(getProperty(r, 'ObjectOwnership')?.value)).value === 'BucketOwnerEnforced',
      )
    );
  }
  return sameBucketCompanions(resource, context, 'aws_s3_bucket_ownership_controls').some(
    (controls) =>
      stringOf(context.resolve(property(controls, 'rule', 'object_ownership')?.value)).value === 'BucketOwnerEnforced',
  );
}

/** The bucket a resource is, or the one a companion configures when it is in the template or module. */
function bucketOf(resource: Resource, context: RuleContext): Resource | undefined {
  if ((BUCKET_TYPES as readonly string[]).includes(resource.type)) return resource;
  return designatedResource(resource, isCloudFormation(resource) ? 'Bucket' : 'bucket', context);
}

/**
 * Companions of `type` for the bucket `resource` is or configures. When that bucket is not in the
 * module, a companion naming the same bucket the same way (`bucket = var.bucket_id` on both) still applies.
 */
function sameBucketCompanions(resource: Resource, context: RuleContext, type: string): Resource[] {
  const bucket = bucketOf(resource, context);
  if (bucket) return bucketCompanions(bucket, context, type).found;
  const named = property(resource, 'bucket')?.value;
  return resourcesOfType(context, type).filter((c) => sameBucket(property(c, 'bucket')?.value, named, context));
}

/** Two bucket attributes written the same way: the same reference target, or the same literal name. */
function sameBucket(a: Value | undefined, b: Value | undefined, context: RuleContext): boolean {
  const left = context.resolve(a);
  const right = context.resolve(b);
  if (!left || !right) return false;
  if (left.kind === 'literal' || right.kind === 'literal')
    return stringOf(left).value !== undefined && stringOf(left).value === stringOf(right).value;
  const targets = referencedTargets(right);
  return [...referencedTargets(left)].some((t) => targets.has(t));
}

/**
 * True when the template hands the bucket to something whose contents it cannot see: a nested
 * stack, a CloudFormation module, a custom resource, a macro (which may rewrite the template), or
 * a Terraform module call. Those may attach configuration (a bucket policy, for example) to it.
 */
export function handedOver(bucket: Resource, context: RuleContext): boolean {
  const unit = context.unit;
  if (unit.kind === 'terraform') {
    return unit.moduleCalls.some((call) => referencedTargets(call.properties).has(bucket.id));
  }
  if (unit.transforms.some((t) => !AWS_TRANSFORMS.has(t))) return true;
  const opaque = context.memo('s3:opaque-types', () => [
    ...new Set(unit.resources.map((r) => r.type).filter((t) => OPAQUE_CLOUDFORMATION_TYPE.test(t))),
  ]);
  return opaque.length > 0 && context.referencing(bucket, opaque).length > 0;
}

/** Transforms AWS runs, which do not add bucket policies on their own. */
const AWS_TRANSFORMS = new Set(['AWS::Serverless-2016-10-31', 'AWS::LanguageExtensions', 'AWS::CodeDeployBlueGreen']);

const OPAQUE_CLOUDFORMATION_TYPE =
  /^(AWS::CloudFormation::Stack|AWS::Serverless::Application|AWS::CloudFormation::CustomResource|Custom::.+|.+::MODULE)$/;

/**
 * True when a CloudFormation resource's whole `Properties` is an intrinsic (`Properties: !If […]`):
 * the model then holds an empty map, but nothing about the resource's settings is known.
 */
export function propertiesUnknown(resource: Resource, context: RuleContext): boolean {
  const properties = resource.properties;
  if (!isCloudFormation(resource) || properties.properties.length > 0) return false;
  const { start, end } = properties.range;
  // An absent `Properties` is an empty map at the logical id.
  if (start.line === resource.idRange.start.line && start.character === resource.idRange.start.character) return false;
  const source = context.text(resource.file);
  if (source === undefined) return false;
  const lines = lineIndexOf(source);
  const text = source.slice(lines.offset(start), lines.offset(end)).trim();
  return text !== '' && !/^(\{\s*\}|null|~)$/.test(text);
}

/** True when the resource repeats (`count`, `for_each`): a companion added by a fix would need the same. */
export function repeats(resource: Resource): boolean {
  return resource.count !== undefined || resource.forEach !== undefined;
}

/** A Terraform resource name for a new companion: the owner's name, unless that address is taken. */
export function companionName(owner: Resource, type: string, context: RuleContext): string {
  const base = owner.id.slice(owner.id.indexOf('.') + 1);
  if (!context.resourceById(`${type}.${base}`)) return base;
  for (let n = 2; ; n++) if (!context.resourceById(`${type}.${base}_${n}`)) return `${base}_${n}`;
}

/** Where to report on a property: its value when that is a scalar, else its key (a whole block would span many lines). */
export function reportRange(p: Property): Property['range'] {
  return p.value.kind === 'map' || p.value.kind === 'list' ? p.keyRange : p.value.range;
}

// ---------------------------------------------------------------------------------------------

function sourceText(value: Value | undefined): string | undefined {
  if (!value) return undefined;
  if (value.kind === 'reference' || value.kind === 'unresolvable') return value.text;
  return undefined;
}

/**
 * A bucket that receives Elastic Load Balancing access logs: a classic load balancer's
 * `AccessLoggingPolicy.S3BucketName`, an Application or Network Load Balancer's
 * `access_logs.s3.bucket` attribute (CloudFormation `LoadBalancerAttributes`), or Terraform's
 * `access_logs { bucket }` on `aws_elb`, `aws_lb` and `aws_alb`. ELB writes access logs only to
 * buckets encrypted with SSE-S3 ("The only server-side encryption option that's supported is
 * Amazon S3-managed keys (SSE-S3)", ELB user guides, checked 2026-12-07).
 */
export function isLoadBalancerLogTarget(bucket: Resource, context: RuleContext): boolean {
  const name = bucketNameKey(bucket);
  if (isCloudFormation(bucket)) {
    const classic = companionsOf(
      bucket,
      context,
      'AWS::ElasticLoadBalancing::LoadBalancer',
      ['AccessLoggingPolicy', 'S3BucketName'],
      name,
    );
    if (classic.found.length > 0) return true;
    const ownName = stringOf(context.resolve(property(bucket, name)?.value)).value;
    return resourcesOfType(context, 'AWS::ElasticLoadBalancingV2::LoadBalancer').some((lb) => {
      const attributes = context.resolve(property(lb, 'LoadBalancerAttributes')?.value);
      if (attributes?.kind !== 'list') return false;
      return attributes.items.some((item) => {
        const entry = context.resolve(item);
        if (entry?.kind !== 'map') return false;
        if (stringOf(context.resolve(getProperty(entry, 'Key')?.value)).value !== 'access_logs.s3.bucket') return false;
        const value = getProperty(entry, 'Value')?.value;
        if (value?.kind === 'reference' && value.target === bucket.id) return true;
        const literal = stringOf(context.resolve(value)).value;
        return literal !== undefined && literal === ownName;
      });
    });
  }
  return ['aws_elb', 'aws_lb', 'aws_alb'].some(
    (type) => companionsOf(bucket, context, type, ['access_logs', 'bucket'], name).found.length > 0,
  );
}
