/**
 * Which security concern a resource property speaks to, in both directions, for every front end:
 * the hover, the CodeLens, the responsibility matrix and the ISMS code read these tables through
 * the engine's responsibility model (engine/responsibility.ts). Pure data and lookups.
 */
import type { ConcernId } from './concerns';

/**
 * Property names (CloudFormation or Terraform, compared without case, `_` or `-`) and the concern
 * setting them settles. Checked in order, so the more specific patterns come first: a transit
 * encryption flag is about data in transit, not at rest. A finding on a property wins over this
 * table; a property that matches nothing here is not claimed for any concern.
 */
export const PROPERTY_CONCERNS: readonly { pattern: RegExp; concern: ConcernId }[] = [
  {
    pattern:
      /^(transitencryption.*|intransit.*|nodetonodeencryption.*|enforcehttps|domainendpointoptions|viewerprotocolpolicy|minimumprotocolversion|sslpolicy|securitypolicy|tlspolicy|certificatearn|protocol|listener|listeners|deliveryoptions|tlsrequired)$/,
    concern: 'data-in-transit',
  },
  { pattern: /password|authtoken|secret|^keyname$|^httptokens$|^metadataoptions$|^accesskey/, concern: 'credentials' },
  { pattern: /encrypt|kms|^sse|^storageencrypted$/, concern: 'data-at-rest' },
  { pattern: /^(tags|tagsall|tagspecifications|tag|defaulttags)$/, concern: 'tagging' },
  {
    pattern: /logging|logs$|logsexports|monitoring|trail|logfilevalidation|tracing|flowlog|cloudwatch/,
    concern: 'logging-monitoring',
  },
  {
    pattern:
      /backup|deletionprotection|^multiaz|pointintime|versioning|snapshot|replica|replication|failover|objectlock|vaultlock|terminationprotection|disableapitermination/,
    concern: 'backup-dr',
  },
  {
    pattern:
      /publiclyaccessible|securitygroup|publicip|publicaccess|blockpublic|ignorepublic|restrictpublic|ingress|egress|cidr|subnet|^accesscontrol$|^acl$|vpcconfig|vpcoptions/,
    concern: 'network-access',
  },
  {
    pattern:
      /^(policy|policies|policydocument|assumerolepolicydocument|assumerolepolicy|managedpolicyarns|policyarn|policyarns|keypolicy|accesspolicy|accesspolicies|role|rolearn|executionrolearn|taskrolearn|servicerole|iaminstanceprofile|instanceprofile|instanceprofilearn|iamdatabaseauthenticationenabled|enableiamdatabaseauthentication|authorizationtype|authtype|principal|loginprofile)$/,
    concern: 'identity-access',
  },
  { pattern: /availabilityzone|^azs?$|^region$|^placement|vpczoneidentifier/, concern: 'region-placement' },
  { pattern: /^(imageid|ami|image|imagescanningconfiguration|scanonpush)$/, concern: 'machine-image' },
  { pattern: /^(privileged|managedactions|platformarn|solutionstackname)$/, concern: 'operating-system' },
  { pattern: /^(autominorversionupgrade|engineversion|runtime)$/, concern: 'applications' },
];

/**
 * Properties that settle a second concern besides the one PROPERTY_CONCERNS gives them: `MultiAZ`
 * keeps a standby in a second Availability Zone, which is backup and DR and also where the resource
 * is placed. The responsibility model lists such a property under both concerns.
 */
export const ALSO_SETTLES: readonly { pattern: RegExp; concern: ConcernId }[] = [
  { pattern: /^multiaz$/, concern: 'region-placement' },
];

/**
 * Rules whose findings speak to a second concern besides their own, by rule id: a database in one
 * Availability Zone (`rds-multi-az`, backup and DR) is a placement choice too; an Auto Scaling group
 * in one zone (`autoscaling-single-az`, placement) cannot recover from losing it. The responsibility
 * model shows such a finding under both concerns, so no view says "not checked" beside it.
 */
export const RULE_ALSO_CONCERNS: Readonly<Record<string, readonly ConcernId[]>> = {
  'rds-multi-az': ['region-placement'],
  'autoscaling-single-az': ['backup-dr'],
};

/** Every concern a property name settles: its own (PROPERTY_CONCERNS), then those of ALSO_SETTLES. */
export function propertyConcerns(key: string): ConcernId[] {
  const first = propertyConcern(key);
  const normalised = key.toLowerCase().replace(/[_\-\s]/g, '');
  const more = ALSO_SETTLES.filter((e) => e.pattern.test(normalised) && e.concern !== first).map((e) => e.concern);
  return first ? [first, ...more] : more;
}

/** The concerns a finding of `ruleId` speaks to: the rule's own, then RULE_ALSO_CONCERNS. */
export function findingConcerns(ruleId: string, concern: ConcernId): ConcernId[] {
  const more = (
    Object.prototype.hasOwnProperty.call(RULE_ALSO_CONCERNS, ruleId) ? RULE_ALSO_CONCERNS[ruleId] : []
  ).filter((c) => c !== concern);
  return [concern, ...more];
}

/** The concern a property name settles, from PROPERTY_CONCERNS; undefined when it is not mapped. */
export function propertyConcern(key: string): ConcernId | undefined {
  if (propertyConcernCache.has(key)) return propertyConcernCache.get(key);
  const normalised = key.toLowerCase().replace(/[_\-\s]/g, '');
  const concern =
    normalised === '' ? undefined : PROPERTY_CONCERNS.find((entry) => entry.pattern.test(normalised))?.concern;
  // Keys repeat across resources; the cache is bounded so odd keys cannot grow it without limit.
  if (propertyConcernCache.size >= 5000) propertyConcernCache.clear();
  propertyConcernCache.set(key, concern);
  return concern;
}

const propertyConcernCache = new Map<string, ConcernId | undefined>();

/**
 * The other direction, for evidence: given a concern, the property names that show where a
 * template settles it (the ISMS statement of applicability cites the first one it finds, checked
 * on keys at any depth up to 3). Looser than PROPERTY_CONCERNS on purpose: a key may be evidence
 * for several concerns (`MultiAZ` for backup and for placement), while a key settles one concern.
 */
export const CONCERN_EVIDENCE_KEYS: Readonly<Partial<Record<ConcernId, RegExp>>> = {
  'data-at-rest': /encrypt|kms|sse/i,
  'data-in-transit': /tls|ssl|https|protocol|transit|certificate|policy/i,
  'backup-dr': /backup|versioning|multiaz|multi_az|deletion|recovery|retention|replica|lock/i,
  'logging-monitoring': /log|trail|validation|multiregion|multi_region/i,
  'identity-access': /policy|role|iam|auth|principal|mfa/i,
  'network-access': /public|securitygroup|security_group|ingress|egress|subnet|cidr|endpoint|acl/i,
  credentials: /password|secret|token|keyname|key_name|noecho|metadata|http_tokens|httptokens/i,
  'region-placement': /availabilityzone|availability_zone|multiaz|multi_az|zone|subnet/i,
  'operating-system': /update|privileged|platform/i,
  'machine-image': /scan|image/i,
  applications: /version|upgrade/i,
  configuration: /mutability|immutab|deletion|version/i,
  tagging: /^tags$/i,
};
