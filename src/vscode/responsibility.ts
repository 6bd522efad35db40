/**
 * What hovers and CodeLens say about one resource: who owns each concern for its tier and where
 * this template stands on it, which concern a property settles, and what a Terraform
 * `provider "aws"` block decides about Region and data residency. Pure functions over the
 * engine's model and findings, rendered as markdown with every piece of template text escaped.
 * No `vscode` import: the unit tests load this file directly.
 */
import { ruleDocsUrl } from '../engine/docs';
import type { Finding } from '../engine/finding';
import type { SuppressedFinding } from '../engine/suppressions';
import { classificationHints } from '../iac/hints';
import type { MapValue, Position, Property, Range, Resource, TerraformModule, TfProvider, Value } from '../iac/model';
import { containsPosition } from '../iac/model';
import type { ConcernId } from '../knowledge/concerns';
import { getConcern } from '../knowledge/concerns';
import type { Owner, OwnershipRow } from '../knowledge/ownership';
import { ownershipTable } from '../knowledge/ownership';
import { getTier } from '../knowledge/tiers';
import { RULES } from '../rules';
import { ALL_TYPES, type Rule } from '../rules/rule';
import { commandLink, escapeMarkdown, tableCell, webLink } from './markdown';

export const OWNER_WORD: Readonly<Record<Owner, string>> = { aws: 'AWS', customer: 'You', shared: 'Shared' };

// ---------------------------------------------------------------------------------------------
// Property -> concern

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

// ---------------------------------------------------------------------------------------------
// Rules that look at a type

let rulesByType: Map<string, Rule[]> | undefined;
let rulesForEveryType: Rule[] = [];

/** The concerns at least one rule checks for resources of `type`. */
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
  return new Set([...(rulesByType.get(type) ?? []), ...rulesForEveryType].map((r) => r.concern));
}

const RULE_TITLES = new Map(RULES.map((r) => [r.id, r.title]));

export function ruleTitle(ruleId: string): string {
  return RULE_TITLES.get(ruleId) ?? ruleId;
}

// ---------------------------------------------------------------------------------------------
// Per-resource status

export type StatusKind =
  'not-applicable' | 'aws' | 'open' | 'accepted' | 'settled' | 'set' | 'no-finding' | 'not-checked';

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

export interface ResourceSummary {
  resource: Resource;
  tier: Resource['tier'];
  tierTitle: string;
  service: string;
  rows: ConcernStatus[];
  /** Concerns you own alone or share with AWS, among those that apply to the type. */
  yours: number;
  /** Open findings on the resource (every finding, not distinct concerns). */
  openFindings: number;
}

/** The findings about one resource (a Terraform module's findings span files: matched by file and id). */
export function findingsOf(resource: Resource, findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.resource === resource.id && f.file === resource.file);
}

/**
 * Every concern for the resource, with its owner and where this template stands:
 * - `not-applicable`: the concern does not exist for the type;
 * - `open`: a finding of that concern is on the resource;
 * - `aws`: AWS owns it, nothing to do in the template;
 * - `accepted`: a finding was suppressed with a reason;
 * - `settled`: a property settling it is set and the rules checking it found nothing;
 * - `set`: a property settling it is set, and no rule checks it;
 * - `no-finding`: rules check it and found nothing (a default or a companion resource may settle it);
 * - `not-checked`: yours or shared, and nothing here speaks to it.
 */
export function summarizeResource(
  resource: Resource,
  findings: readonly Finding[],
  suppressed: readonly SuppressedFinding[] = [],
): ResourceSummary {
  const { tier, tierTitle, service, rows, checked } = typeOwnership(resource);
  const mine = findingsOf(resource, findings);
  const accepted = findingsOf(
    resource,
    suppressed.map((s) => s.finding),
  );
  const settledBy = new Map<ConcernId, string[]>();
  for (const property of resource.properties.properties) {
    const concern = propertyConcern(property.key);
    if (!concern) continue;
    const list = settledBy.get(concern) ?? [];
    if (!list.includes(property.key)) list.push(property.key);
    settledBy.set(concern, list);
  }
  const statuses = rows.map((row: OwnershipRow): ConcernStatus => {
    const open = mine.filter((f) => f.concern === row.concern);
    const properties = settledBy.get(row.concern) ?? [];
    const base = {
      concern: row.concern,
      title: row.title,
      owner: row.owner,
      applicable: row.applicable,
      reason: row.reason,
      properties,
    };
    if (!row.applicable) return { ...base, kind: 'not-applicable', findings: [] };
    if (open.length > 0) return { ...base, kind: 'open', findings: open };
    if (row.owner === 'aws') return { ...base, kind: 'aws', findings: [] };
    const silenced = accepted.filter((f) => f.concern === row.concern);
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
    yours: statuses.filter((s) => s.applicable && s.owner !== 'aws').length,
    openFindings: mine.length,
  };
}

interface TypeOwnership {
  tier: Resource['tier'];
  tierTitle: string;
  service: string;
  rows: readonly OwnershipRow[];
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
    yours: rows.filter((r) => r.applicable && r.owner !== 'aws').length,
    checked: checkedConcerns(resource.type),
  };
  if (typeOwnershipCache.size >= 2000) typeOwnershipCache.clear();
  typeOwnershipCache.set(key, result);
  return result;
}

/** What the CodeLens needs, without building the per-concern statuses. */
export function lensSummary(
  resource: Resource,
  openFindings: number,
): Pick<ResourceSummary, 'resource' | 'tier' | 'tierTitle' | 'service' | 'yours' | 'openFindings'> {
  const { tier, tierTitle, service, yours } = typeOwnership(resource);
  return { resource, tier, tierTitle, service: service || resource.service, yours, openFindings };
}

/** The status cell of the hover table (markdown). */
export function statusCell(status: ConcernStatus): string {
  switch (status.kind) {
    case 'not-applicable':
      return 'n/a';
    case 'aws':
      return 'AWS';
    case 'open':
      return `**open:** ${uniqueRuleIds(status.findings)
        .map((id) => webLink(ruleTitle(id), ruleDocsUrl(id)))
        .join('; ')}`;
    case 'accepted':
      return `accepted (suppressed): ${uniqueRuleIds(status.findings)
        .map((id) => tableCell(ruleTitle(id)))
        .join('; ')}`;
    case 'settled':
      return `settled by ${status.properties.map((p) => tableCell(p, 60)).join(', ')}`;
    case 'set':
      return `set by ${status.properties.map((p) => tableCell(p, 60)).join(', ')} (not checked)`;
    case 'no-finding':
      return 'no finding';
    case 'not-checked':
      return 'not checked';
  }
}

function uniqueRuleIds(findings: readonly Finding[]): string[] {
  return [...new Set(findings.map((f) => f.ruleId))];
}

// ---------------------------------------------------------------------------------------------
// CodeLens

export interface CodeLensInfo {
  title: string;
  tooltip: string;
}

export function codeLensInfo(
  summary: Pick<ResourceSummary, 'resource' | 'tier' | 'tierTitle' | 'service' | 'yours' | 'openFindings'>,
): CodeLensInfo {
  const concerns = `you own ${summary.yours} ${summary.yours === 1 ? 'concern' : 'concerns'}`;
  const open =
    summary.openFindings === 0
      ? 'no open findings'
      : `${summary.openFindings} open ${summary.openFindings === 1 ? 'finding' : 'findings'}`;
  const tier = summary.tier === 'unclassified' ? 'Unclassified' : tierShortName(summary.tier);
  return {
    title: `${tier} · ${concerns} · ${open}`,
    tooltip:
      `${summary.resource.id} (${summary.resource.type}): ${summary.service || 'unknown service'}, ${summary.tierTitle.toLowerCase()}. ` +
      `You own or share ${summary.yours} of the concerns that apply; ${open} on this resource. Click to show the responsibility matrix.`,
  };
}

function tierShortName(tier: 'infrastructure' | 'container' | 'abstracted'): string {
  return { infrastructure: 'Infrastructure', container: 'Container', abstracted: 'Abstracted' }[tier];
}

// ---------------------------------------------------------------------------------------------
// Hovers

export interface MatrixArgs {
  file: string;
  resource: string;
}

/** The resource hover: service, tier, every concern with its owner and this resource's status, and links. */
export function resourceHoverMarkdown(summary: ResourceSummary): string {
  const { resource } = summary;
  const lines = [
    `**${escapeMarkdown(resource.id, 120)}** · ${escapeMarkdown(resource.type, 120)}`,
    '',
    `${escapeMarkdown(summary.service || 'Unknown service')} · ${escapeMarkdown(summary.tierTitle)} · you own or share ${summary.yours} concerns · ${summary.openFindings} open ${summary.openFindings === 1 ? 'finding' : 'findings'}`,
    '',
    ...origin(resource),
    '| Concern | Owner | This resource |',
    '| --- | --- | --- |',
    ...hoverOrder(summary.rows).map(
      (row) => `| ${tableCell(row.title)} | ${row.applicable ? OWNER_WORD[row.owner] : '—'} | ${statusCell(row)} |`,
    ),
    '',
    [
      commandLink('Show responsibility matrix', 'srlens.showMatrix', {
        file: resource.file,
        resource: resource.id,
      } satisfies MatrixArgs),
      commandLink(`Explain ${resource.type}`, 'srlens.explainType', resource.type),
    ].join(' · '),
  ];
  return lines.join('\n');
}

/** Where a resource the template does not write out comes from: its loop, its CDK construct. */
function origin(resource: Resource): string[] {
  const lines: string[] = [];
  if (resource.generatedBy) lines.push(`Generated by ${escapeMarkdown(resource.generatedBy, 120)}`, '');
  if (resource.constructPath) lines.push(`CDK construct ${escapeMarkdown(resource.constructPath, 200)}`, '');
  return lines;
}

/**
 * The rows in the order a reader needs them: open findings, then what is yours or shared, then
 * what AWS owns, then what does not apply; the concerns' own order within each group.
 */
function hoverOrder(rows: readonly ConcernStatus[]): ConcernStatus[] {
  const rank = (row: ConcernStatus): number =>
    row.kind === 'open' ? 0 : !row.applicable ? 3 : row.owner === 'aws' ? 2 : 1;
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => rank(a.row) - rank(b.row) || a.index - b.index)
    .map(({ row }) => row);
}

/** The chain of properties from the resource's top level down to the key at `position`, or undefined. */
export function propertyPathAt(map: MapValue, position: Position): Property[] | undefined {
  for (const property of map.properties) {
    if (!containsPosition(property.range, position) && !containsPosition(property.keyRange, position)) continue;
    if (containsPosition(property.keyRange, position)) return [property];
    const inner = propertyPathInValue(property.value, position);
    if (inner) return [property, ...inner];
  }
  return undefined;
}

function propertyPathInValue(value: Value, position: Position): Property[] | undefined {
  if (value.kind === 'map') return propertyPathAt(value, position);
  if (value.kind === 'list') {
    for (const item of value.items) {
      if (containsPosition(item.range, position)) return propertyPathInValue(item, position);
    }
  }
  return undefined;
}

function within(inner: Range, outer: Range): boolean {
  return containsPosition(outer, inner.start) && containsPosition(outer, inner.end);
}

export interface PropertyHover {
  concern: ConcernId;
  markdown: string;
}

/**
 * The hover for the property key at the end of `path`: the concern it settles (a finding on it, else
 * the property table, else the nearest mapped enclosing property), who owns that concern for this
 * resource, and the open findings on it. Undefined when nothing maps the property to a concern.
 */
export function propertyHover(
  resource: Resource,
  path: readonly Property[],
  findings: readonly Finding[],
): PropertyHover | undefined {
  const property = path[path.length - 1];
  if (!property) return undefined;
  const onProperty = findingsOf(resource, findings).filter((f) => within(f.range, property.range));
  let concern: ConcernId | undefined = onProperty[0]?.concern;
  let via: Property | undefined;
  if (!concern) {
    for (let i = path.length - 1; i >= 0 && !concern; i--) {
      concern = propertyConcern(path[i].key);
      if (concern && i !== path.length - 1) via = path[i];
    }
  }
  if (!concern) return undefined;
  const { classification, rows } = ownershipTable(resource.type, classificationHints(resource.properties));
  const row = rows.find((r) => r.concern === concern);
  const tierTitle = classification.tier === 'unclassified' ? 'Unclassified' : getTier(classification.tier).title;
  const title = getConcern(concern).title;
  const lines = [
    `**${escapeMarkdown(property.key, 120)}** settles **${escapeMarkdown(title)}**${via ? ` (part of ${escapeMarkdown(via.key, 80)})` : ''}`,
    '',
  ];
  if (row && !row.applicable) {
    lines.push(`Not applicable to ${escapeMarkdown(resource.type)}: ${escapeMarkdown(row.reason, 400)}`);
  } else if (row) {
    lines.push(
      `${ownerSentence(row.owner)} for ${escapeMarkdown(classification.service || resource.service || resource.type)} (${escapeMarkdown(tierTitle)}): ${escapeMarkdown(row.reason, 400)}`,
    );
  }
  for (const finding of onProperty) {
    lines.push(
      '',
      `**open:** ${webLink(ruleTitle(finding.ruleId), ruleDocsUrl(finding.ruleId))} — ${escapeMarkdown(finding.message, 400)}`,
    );
  }
  return { concern, markdown: lines.join('\n') };
}

function ownerSentence(owner: Owner): string {
  return owner === 'customer' ? 'You own this' : owner === 'shared' ? 'You share this with AWS' : 'AWS owns this';
}

// ---------------------------------------------------------------------------------------------
// Terraform provider "aws"

export interface RegionInfo {
  /** The Region when it is known before deployment. */
  region?: string;
  /** How it was found, or why it is not known. */
  detail: string;
}

/** What a provider block says about its Region: a literal, a variable's default, or "decided at deploy time". */
export function providerRegion(provider: TfProvider, module: TerraformModule): RegionInfo {
  const value = provider.region;
  if (!value) return { detail: 'not set in this block: decided at deploy time (AWS_REGION or the AWS profile)' };
  return resolveRegion(value, module, 0);
}

function resolveRegion(value: Value, module: TerraformModule, depth: number): RegionInfo {
  if (value.kind === 'literal' && typeof value.value === 'string')
    return { region: value.value, detail: 'set in this block' };
  if (value.kind === 'reference' && depth < 8 && value.attribute === undefined) {
    if (value.target.startsWith('var.')) {
      const name = value.target.slice(4);
      const variable = module.variables.find((v) => v.name === name);
      if (!variable?.default) return { detail: `decided at deploy time (variable ${name} has no default)` };
      const inner = resolveRegion(variable.default, module, depth + 1);
      return inner.region
        ? { region: inner.region, detail: `default of variable ${name}; may be overridden at deploy time` }
        : inner;
    }
    if (value.target.startsWith('local.')) {
      const local = module.locals.find((l) => l.key === value.target.slice(6));
      if (local) {
        const inner = resolveRegion(local.value, module, depth + 1);
        return inner.region ? { region: inner.region, detail: `from local ${local.key}` } : inner;
      }
    }
  }
  return { detail: 'computed: decided at deploy time' };
}

export function providerHoverMarkdown(provider: TfProvider, module: TerraformModule): string {
  const region = providerRegion(provider, module);
  const name = provider.alias ? `aws (alias ${escapeMarkdown(provider.alias, 60)})` : 'aws';
  const regionText = region.region
    ? `**${escapeMarkdown(region.region, 60)}** (${escapeMarkdown(region.detail)})`
    : escapeMarkdown(region.detail);
  return [
    `**provider ${name}** · Region: ${regionText}`,
    '',
    `- **Data residency:** data stays in this Region unless you replicate it. AWS does not move it to another Region for you.`,
    `- **Availability Zones:** a Region is made of isolated Availability Zones; you choose which ones your resources use. Spread them across two or more for resilience.`,
    `- **Replication:** copies outside the Region are yours to set up (S3 replication, DynamoDB global tables, RDS cross-Region replicas or backup copies).`,
    `- **AWS owns** the Region's facilities, hardware, network and virtualization.`,
  ].join('\n');
}
