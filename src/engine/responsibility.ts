/**
 * The one responsibility model: for each resource and each security concern, who owns it (from
 * the knowledge base, with the resource's classification hints) and where this template stands on
 * it (from the findings, the suppressions, the rules that look at the type and the properties that
 * settle the concern). The hover, the CodeLens, the responsibility matrix and the ISMS code all
 * render this; none computes an owner or a status of its own. Pure: no editor imports.
 */
import type { IacUnit, Resource, Severity, TerraformModule, TfProvider, Value } from '../iac/model';
import { classificationHints } from '../iac/hints';
import { describeInputSource, inputSourceOf } from '../iac/model';
import type { ConcernId } from '../knowledge/concerns';
import { ownershipTable, type OwnershipRow } from '../knowledge/ownership';
import { findingConcerns, propertyConcerns } from '../knowledge/property-concerns';
import { getTier } from '../knowledge/tiers';
import type { Owner, ProfileId } from '../knowledge/vocabulary';
import { RULES } from '../rules';
import { ALL_TYPES, type Rule } from '../rules/rule';
import { resolveInUnit } from './context';
import { severityAtLeast, type Finding } from './finding';
import type { SuppressedFinding } from './suppressions';

/**
 * Where a resource stands on one concern, checked in this order:
 * - `open`: a finding of that concern is on the resource (even where the concern does not
 *   apply to the type: a finding is never hidden); a finding may speak to two concerns (a
 *   single-AZ database: backup and DR, and placement; see RULE_ALSO_CONCERNS) and is open in both;
 * - `not-applicable`: the concern does not exist for the type;
 * - `aws`: AWS owns it, nothing to do in the template;
 * - `accepted`: a finding was suppressed with a reason;
 * - `settled`: a property settling it is set and the rules checking it found nothing;
 * - `set`: a property settling it is set, and no rule checks it;
 * - `no-finding`: rules check it and found nothing (a default or a companion resource may settle it);
 * - `not-checked`: yours or shared, and nothing here speaks to it.
 */
export type StatusKind =
  'open' | 'not-applicable' | 'aws' | 'accepted' | 'settled' | 'set' | 'no-finding' | 'not-checked';

export interface ConcernStatus {
  concern: ConcernId;
  title: string;
  owner: Owner;
  applicable: boolean;
  reason: string;
  kind: StatusKind;
  /** Open or accepted findings of this concern on the resource. */
  findings: Finding[];
  /** Top-level properties of the resource that settle this concern. */
  properties: string[];
}

export interface ResourceResponsibility {
  resource: Resource;
  tier: Resource['tier'];
  tierTitle: string;
  service: string;
  /** One per concern, in CONCERNS order. */
  rows: ConcernStatus[];
  /** Concerns you own alone or share with AWS, among those that apply to the type. */
  yours: number;
  /** Open findings on the resource (every finding, not distinct concerns). */
  openFindings: number;
}

export interface ResponsibilityOptions {
  /** Findings below this severity do not count (the editor's minimum severity). */
  minimumSeverity?: Severity;
}

/** The findings about one resource (a Terraform module's findings span files: matched by file and id). */
export function findingsOf(resource: Resource, findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.resource === resource.id && f.file === resource.file);
}

/** Every concern for the resource, with its owner and where this template stands (see StatusKind). */
export function resourceResponsibility(
  resource: Resource,
  findings: readonly Finding[],
  suppressed: readonly SuppressedFinding[] = [],
  options: ResponsibilityOptions = {},
): ResourceResponsibility {
  const minimum = options.minimumSeverity ?? 'info';
  const visible = (f: Finding) => severityAtLeast(f.severity, minimum);
  const { tier, tierTitle, service, rows, checked, yours } = typeOwnership(resource);
  const mine = findingsOf(resource, findings).filter(visible);
  const accepted = findingsOf(
    resource,
    suppressed.map((s) => s.finding),
  ).filter(visible);
  const settledBy = new Map<ConcernId, string[]>();
  for (const property of resource.properties.properties) {
    for (const concern of propertyConcerns(property.key)) {
      const list = settledBy.get(concern) ?? [];
      if (!list.includes(property.key)) list.push(property.key);
      settledBy.set(concern, list);
    }
  }
  const speaksTo = (f: Finding, concern: ConcernId) => findingConcerns(f.ruleId, f.concern).includes(concern);
  const statuses = rows.map((row: OwnershipRow): ConcernStatus => {
    const open = mine.filter((f) => speaksTo(f, row.concern));
    const properties = settledBy.get(row.concern) ?? [];
    const base = {
      concern: row.concern,
      title: row.title,
      owner: row.owner,
      applicable: row.applicable,
      reason: row.reason,
      properties,
    };
    if (open.length > 0) return { ...base, kind: 'open', findings: open };
    if (!row.applicable) return { ...base, kind: 'not-applicable', findings: [] };
    if (row.owner === 'aws') return { ...base, kind: 'aws', findings: [] };
    const silenced = accepted.filter((f) => speaksTo(f, row.concern));
    if (silenced.length > 0) return { ...base, kind: 'accepted', findings: silenced };
    if (properties.length > 0) return { ...base, kind: checked.has(row.concern) ? 'settled' : 'set', findings: [] };
    return { ...base, kind: checked.has(row.concern) ? 'no-finding' : 'not-checked', findings: [] };
  });
  return {
    resource,
    tier,
    tierTitle,
    service: service || resource.service,
    rows: statuses,
    yours,
    openFindings: mine.length,
  };
}

/** What the CodeLens needs, without building the per-concern statuses. */
export function lensSummary(
  resource: Resource,
  openFindings: number,
): Pick<ResourceResponsibility, 'resource' | 'tier' | 'tierTitle' | 'service' | 'yours' | 'openFindings'> {
  const { tier, tierTitle, service, yours } = typeOwnership(resource);
  return { resource, tier, tierTitle, service: service || resource.service, yours, openFindings };
}

/** Who owns `concern` for this resource (its type and classification hints). */
export function ownerOf(resource: Pick<Resource, 'type' | 'properties'>, concern: ConcernId): Owner {
  return typeOwnership(resource).owners.get(concern) ?? 'shared';
}

export interface TypeOwnership {
  tier: Resource['tier'];
  tierTitle: string;
  service: string;
  /** The ownership profile the catalog gives the type (customer-hosted, fargate…), when any. */
  profile?: ProfileId;
  rows: readonly OwnershipRow[];
  owners: ReadonlyMap<ConcernId, Owner>;
  /** Concerns that apply and that you own or share. */
  yours: number;
  /** Concerns some rule checks for this type. */
  checked: ReadonlySet<ConcernId>;
}

const typeOwnershipCache = new Map<string, TypeOwnership>();

/** Who owns what for the resource's type (and classification hints), computed once per type. */
export function typeOwnership(resource: Pick<Resource, 'type' | 'properties'>): TypeOwnership {
  const hints = classificationHints(resource.properties);
  const key = hints ? `${resource.type}\u0000${JSON.stringify(hints)}` : resource.type;
  const cached = typeOwnershipCache.get(key);
  if (cached) return cached;
  const { classification, rows } = ownershipTable(resource.type, hints);
  const tier = classification.tier;
  const result: TypeOwnership = {
    tier,
    tierTitle: tier === 'unclassified' ? 'Unclassified' : getTier(tier).title,
    service: classification.service,
    rows,
    owners: new Map(rows.map((r) => [r.concern, r.owner])),
    yours: rows.filter((r) => r.applicable && r.owner !== 'aws').length,
    checked: checkedConcerns(resource.type),
  };
  if (classification.profile) result.profile = classification.profile;
  if (typeOwnershipCache.size >= 2000) typeOwnershipCache.clear();
  typeOwnershipCache.set(key, result);
  return result;
}

let rulesByType: Map<string, Rule[]> | undefined;
let rulesForEveryType: Rule[] = [];

/** The concerns at least one registered rule checks for resources of `type` (with the second concerns of RULE_ALSO_CONCERNS). */
export function checkedConcerns(type: string): Set<ConcernId> {
  if (!rulesByType) {
    rulesByType = new Map();
    rulesForEveryType = RULES.filter((r) => r.appliesTo.includes(ALL_TYPES));
    for (const rule of RULES) {
      for (const t of rule.appliesTo) {
        if (t === ALL_TYPES) continue;
        const list = rulesByType.get(t) ?? [];
        list.push(rule);
        rulesByType.set(t, list);
      }
    }
  }
  return new Set(
    [...(rulesByType.get(type) ?? []), ...rulesForEveryType].flatMap((r) => findingConcerns(r.id, r.concern)),
  );
}

// ---------------------------------------------------------------------------------------------
// Region placement of a Terraform provider "aws"

export interface RegionInfo {
  /** The Region when it is known before deployment. */
  region?: string;
  /** How it was found, or why it is not known. */
  detail: string;
}

/**
 * What a provider block says about its Region: a literal, a variable's default or a local (followed
 * with the engine's own resolution, as rules see values), or "decided at deploy time".
 */
export function providerRegion(provider: TfProvider, module: TerraformModule): RegionInfo {
  const value = provider.region;
  if (!value) return { detail: 'not set in this block: decided at deploy time (AWS_REGION or the AWS profile)' };
  const via: string[] = [];
  const resolved = resolveInUnit(module as IacUnit, value, via);
  if (resolved?.kind === 'literal' && typeof resolved.value === 'string') {
    const first = via.at(0);
    if (first === undefined) return { region: resolved.value, detail: 'set in this block' };
    if (first.startsWith('var.')) {
      const source = inputSourceOf(module as IacUnit, first);
      return {
        region: resolved.value,
        detail: source
          ? `variable ${first.slice(4)}, ${describeInputSource(source)}`
          : `default of variable ${first.slice(4)}; may be overridden at deploy time`,
      };
    }
    return { region: resolved.value, detail: `from local ${first.slice(6)}` };
  }
  return { detail: unresolvedDetail(resolved) };
}

function unresolvedDetail(value: Value | undefined): string {
  if (value?.kind === 'reference' && value.attribute === undefined && value.target.startsWith('var.'))
    return `decided at deploy time (variable ${value.target.slice(4)} has no default)`;
  return 'computed: decided at deploy time';
}
