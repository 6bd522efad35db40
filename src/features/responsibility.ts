/**
 * What hovers and CodeLens say about one resource: who owns each concern for its tier and where
 * this template stands on it, which concern a property settles, and what a Terraform
 * `provider "aws"` block decides about Region and data residency. Rendering only: owners and
 * statuses come from the engine's responsibility model (engine/responsibility.ts), the same one
 * the matrix and the ISMS code show, as markdown with every piece of template text escaped.
 * No editor API: the VS Code extension and the language server (src/lsp/) both render it.
 */
import { ruleMetadata } from '../engine/catalog';
import { controlsLine, findingControls } from '../engine/controls';
import { ruleDocsUrl } from '../engine/docs';
import type { Finding } from '../engine/finding';
import {
  findingsOf,
  providerRegion,
  typeOwnership,
  type ConcernStatus,
  type ResourceResponsibility,
} from '../engine/responsibility';
import type { MapValue, Position, Property, Range, Resource, TerraformModule, TfProvider, Value } from '../iac/model';
import { containsPosition } from '../iac/model';
import type { ConcernId } from '../knowledge/concerns';
import { getConcern } from '../knowledge/concerns';
import { propertyConcern } from '../knowledge/property-concerns';
import type { Source } from '../knowledge/sources';
import type { Owner } from '../knowledge/vocabulary';
import { providerOf, resourceRole } from '../knowledge/resource-roles';
import { commandLink, escapeMarkdown, tableCell, webLink } from './markdown';

export const OWNER_WORD: Readonly<Record<Owner, string>> = { aws: 'AWS', customer: 'You', shared: 'Shared' };

const RULE_TITLES = new Map(ruleMetadata().map((r) => [r.id, r.title]));

export function ruleTitle(ruleId: string): string {
  return RULE_TITLES.get(ruleId) ?? ruleId;
}

// ---------------------------------------------------------------------------------------------
// Hover table cells

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

/** `srlens.codeLens.show`: above resources with findings and main resources, above every AWS resource, or none. */
export type CodeLensShow = 'findings' | 'all' | 'off';
export const CODE_LENS_SHOW: readonly CodeLensShow[] = ['findings', 'all', 'off'];

/** The setting's value, or its default (`findings`) for anything else settings.json may hold. */
export function codeLensShowOf(value: unknown): CodeLensShow {
  return CODE_LENS_SHOW.includes(value as CodeLensShow) ? (value as CodeLensShow) : 'findings';
}

/**
 * Whether a resource of `type` with `openFindings` gets a CodeLens: never for a resource of another
 * provider (outside the model); with `findings`, when it has open findings or is the main resource
 * of its service (not a subnet, route, association, attachment or another resource's policy or
 * configuration: knowledge/resource-roles.ts decides).
 */
export function wantsCodeLens(show: CodeLensShow, type: string, openFindings: number): boolean {
  if (show === 'off') return false;
  const role = resourceRole(type);
  if (role === 'outside') return false;
  return show === 'all' || openFindings > 0 || role === 'main';
}

/**
 * `instances`: how many resources the block writes out (Terraform `count`/`for_each`, an
 * `Fn::ForEach` loop); `summary.openFindings` then counts the findings of all of them.
 */
export function codeLensInfo(
  summary: Pick<ResourceResponsibility, 'resource' | 'tier' | 'tierTitle' | 'service' | 'yours' | 'openFindings'>,
  instances = 1,
): CodeLensInfo {
  const concerns = `you own or share ${summary.yours}`;
  const open =
    summary.openFindings === 0
      ? 'no open findings'
      : `${summary.openFindings} open ${summary.openFindings === 1 ? 'finding' : 'findings'}`;
  const tier = summary.tier === 'unclassified' ? 'Unclassified' : tierShortName(summary.tier);
  const many = instances > 1;
  return {
    title: `${tier}${many ? ` · ${instances} instances` : ''} · ${concerns} · ${open}`,
    tooltip:
      `${many ? `${instances} instances, the first ${summary.resource.id}` : summary.resource.id} (${summary.resource.type}): ${summary.service || 'unknown service'}, ${summary.tierTitle.toLowerCase()}. ` +
      `You own or share ${summary.yours} of the ${summary.yours === 1 ? 'concern' : 'concerns'} that apply; ${open} on ${many ? 'these instances' : 'this resource'}. Click to show the responsibility matrix.`,
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

/**
 * The resource hover, compact first: one line with the tier, the service and who owns what in
 * words (`ownershipLine`), the open findings, then every concern with its owner and this
 * resource's status, the sources and the links.
 */
export function resourceHoverMarkdown(summary: ResourceResponsibility): string {
  const { resource } = summary;
  const open = uniqueFindings(summary.rows.flatMap((row) => (row.kind === 'open' ? row.findings : [])));
  const lines = [
    `**${escapeMarkdown(summary.tierTitle)}** · ${escapeMarkdown(summary.service || 'Unknown service')} · ${ownershipLine(summary.rows)}`,
    '',
    ...origin(resource),
    ...(open.length > 0
      ? [
          ...open.map(
            (f) =>
              `- **open:** ${webLink(ruleTitle(f.ruleId), ruleDocsUrl(f.ruleId))} — ${escapeMarkdown(f.message, 200)}`,
          ),
          '',
        ]
      : []),
    '| Concern | Owner | This resource |',
    '| --- | --- | --- |',
    ...hoverOrder(summary.rows).map(
      (row) => `| ${tableCell(row.title)} | ${row.applicable ? OWNER_WORD[row.owner] : '—'} | ${statusCell(row)} |`,
    ),
    '',
    `**${escapeMarkdown(resource.id, 120)}** · ${escapeMarkdown(resource.type, 120)} · you own or share ${summary.yours} concerns · ${summary.openFindings} open ${summary.openFindings === 1 ? 'finding' : 'findings'}`,
    '',
    `Sources: ${sourcesLine(typeOwnership(resource).rows.map((row) => row.source))}`,
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

/** Each finding once (a finding may speak to two concerns), in the order given. */
function uniqueFindings(findings: readonly Finding[]): Finding[] {
  return [...new Set(findings)];
}

/** The words the ownership line uses for each concern. */
const CONCERN_WORD: Readonly<Record<ConcernId, string>> = {
  facilities: 'facilities',
  'physical-hardware': 'hardware',
  'network-infrastructure': 'network infrastructure',
  virtualization: 'virtualization',
  'region-placement': 'region',
  'machine-image': 'image',
  'operating-system': 'OS',
  applications: 'applications',
  'network-access': 'network access',
  'data-in-transit': 'data in transit',
  'data-at-rest': 'data at rest',
  'backup-dr': 'backup',
  credentials: 'credentials',
  'identity-access': 'identity',
  tagging: 'tagging',
  'logging-monitoring': 'logging',
  configuration: 'configuration',
};

/** The layers of the stack, from the ground up: a run of three or more with one owner reads "facilities to OS". */
const STACK_LAYERS: readonly ConcernId[] = [
  'facilities',
  'physical-hardware',
  'network-infrastructure',
  'virtualization',
  'machine-image',
  'operating-system',
  'applications',
];

/**
 * Who owns what, in words: `You: region, network access, data, … · AWS: facilities to OS ·
 * Shared: applications, backup, logging`. Only the concerns that apply; you, then AWS, then shared;
 * data in transit and at rest read "data" when one owner has both; consecutive layers of the stack
 * read "first to last".
 */
export function ownershipLine(rows: readonly Pick<ConcernStatus, 'concern' | 'owner' | 'applicable'>[]): string {
  const parts: string[] = [];
  for (const owner of ['customer', 'aws', 'shared'] as const) {
    const concerns = rows.filter((r) => r.applicable && r.owner === owner).map((r) => r.concern);
    if (concerns.length === 0) continue;
    parts.push(`${OWNER_WORD[owner]}: ${concernWords(concerns).join(', ')}`);
  }
  return parts.join(' · ');
}

function concernWords(concerns: readonly ConcernId[]): string[] {
  const words: string[] = [];
  const owned = new Set(concerns);
  const bothData = owned.has('data-in-transit') && owned.has('data-at-rest');
  for (let i = 0; i < concerns.length; i++) {
    const concern = concerns[i];
    const layer = STACK_LAYERS.indexOf(concern);
    if (layer >= 0) {
      let last = layer;
      while (last + 1 < STACK_LAYERS.length && owned.has(STACK_LAYERS[last + 1])) last++;
      if (last - layer >= 2) {
        words.push(`${CONCERN_WORD[concern]} to ${CONCERN_WORD[STACK_LAYERS[last]]}`);
        // skip the layers the run covers; concerns between them (region) are still listed
        const covered = new Set(STACK_LAYERS.slice(layer, last + 1));
        const rest = concerns.slice(i + 1).filter((c) => !covered.has(c));
        return [...words, ...concernWords(rest)];
      }
    }
    if (bothData && concern === 'data-at-rest') continue;
    words.push(bothData && concern === 'data-in-transit' ? 'data' : CONCERN_WORD[concern]);
  }
  return words;
}

/** The hover of a resource of another provider (`random_id`): outside the model, no owners, no table. */
export function outsideModelHoverMarkdown(resource: Pick<Resource, 'id' | 'type'>): string {
  const provider = providerOf(resource.type) ?? 'another';
  return [
    `**${escapeMarkdown(resource.id, 120)}** · ${escapeMarkdown(resource.type, 120)} · ${escapeMarkdown(provider, 60)} provider`,
    '',
    'Outside the AWS Shared Responsibility Model: not an AWS resource, so no concern of it is owned by AWS or shared with AWS.',
  ].join('\n');
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
  const property = path.at(-1);
  if (!property) return undefined;
  const onProperty = findingsOf(resource, findings).filter((f) => within(f.range, property.range));
  let concern: ConcernId | undefined = onProperty.at(0)?.concern;
  let via: Property | undefined;
  if (!concern) {
    for (let i = path.length - 1; i >= 0 && !concern; i--) {
      concern = propertyConcern(path[i].key);
      if (concern && i !== path.length - 1) via = path[i];
    }
  }
  if (!concern) return undefined;
  const { service, tierTitle, rows } = typeOwnership(resource);
  const row = rows.find((r) => r.concern === concern);
  const title = getConcern(concern).title;
  const lines = [
    `**${escapeMarkdown(property.key, 120)}** settles **${escapeMarkdown(title)}**${via ? ` (part of ${escapeMarkdown(via.key, 80)})` : ''}`,
    '',
  ];
  if (row && !row.applicable) {
    lines.push(`Not applicable to ${escapeMarkdown(resource.type)}: ${escapeMarkdown(row.reason, 400)}`);
  } else if (row) {
    lines.push(
      `${ownerSentence(row.owner)} for ${escapeMarkdown(service || resource.service || resource.type)} (${escapeMarkdown(tierTitle)}): ${escapeMarkdown(row.reason, 400)} (source: ${sourceLink(row.source)})`,
    );
  }
  for (const finding of onProperty) {
    lines.push(
      '',
      `**open:** ${webLink(ruleTitle(finding.ruleId), ruleDocsUrl(finding.ruleId))} — ${escapeMarkdown(finding.message, 400)}`,
    );
    // The controls the finding's rule checks: AWS Security Hub ids, ISO/IEC 27001:2022 Annex A.
    const controls = controlsLine(findingControls(finding));
    if (controls) lines.push('', `Controls: ${escapeMarkdown(controls)}`);
  }
  return { concern, markdown: lines.join('\n') };
}

/** A source as a link named after its page, or the seed as plain words. */
export function sourceLink(source: Source): string {
  if (source.url === 'seed') return 'Shared Responsibility Model seed';
  const page =
    source.url
      .replace(/[#?].*$/, '')
      .replace(/\/$/, '')
      .split('/')
      .pop() ?? source.url;
  return webLink(page.replace(/\.html$/, ''), source.url);
}

/** Each distinct source once, in the order given. */
function sourcesLine(sources: readonly Source[]): string {
  const seen = new Set<string>();
  const links: string[] = [];
  for (const source of sources) {
    if (seen.has(source.url)) continue;
    seen.add(source.url);
    links.push(sourceLink(source));
  }
  return links.join(' · ');
}

function ownerSentence(owner: Owner): string {
  return owner === 'customer' ? 'You own this' : owner === 'shared' ? 'You share this with AWS' : 'AWS owns this';
}

// ---------------------------------------------------------------------------------------------
// Terraform provider "aws"

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
