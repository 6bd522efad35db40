/**
 * What a change does to who owns what: two analyses (base and head) in, one report out. Pure: no
 * git, no file system, no editor; `srlens diff` and the editor's comparison both render this.
 *
 * - Resources are matched by identity: a CloudFormation resource by its file and logical id, a
 *   Terraform resource by its module's directory and address (a block moved to another file of the
 *   module is the same resource). An unmatched removed and added resource of the same type, with
 *   the same properties and placement, is one resource renamed.
 * - Ownership comes from the one responsibility model (`typeOwnership`): per concern, each resource
 *   weighs 2 when you own the concern, 1 when you share it, 0 when AWS owns it or it does not
 *   apply. A concern whose total grows goes `toYou`, with the resources whose weight grew (a new
 *   resource, or one whose type or classification moved the concern to you); `new` when no resource
 *   asked it of you at base. A total that falls goes `toAws`, `gone` when none asks it at head. So a
 *   replacement that keeps the same duties (an RDS instance for another) shows no shift.
 * - Findings are matched by rule and resource (through renames), never by line: moved lines are
 *   not changes. A file that could not be read or parsed at one side is left out of the resource
 *   and ownership comparison on both sides, so a syntax error never reads as resources removed;
 *   its `parse-error` or `file-too-large` finding says what happened.
 */
import { moduleDirOf } from '../iac/detect';
import type { IacUnit, Resource, Value } from '../iac/model';
import { CONCERNS, type ConcernId } from '../knowledge/concerns';
import type { Owner } from '../knowledge/vocabulary';
import { compareFindings, PARSE_ERROR_RULE_ID, type Finding } from './finding';
import { FILE_TOO_LARGE_RULE_ID } from './limits';
import { typeOwnership } from './responsibility';

/** One side of the comparison, as `Analyzer.analyze` returns it (units must be retained). */
export interface DiffInput {
  units: readonly IacUnit[];
  findings: readonly Finding[];
  /** Files that could not be read at this side (binary, too large): left out of the comparison like unparsable ones. */
  unreadable?: readonly string[];
}

/** Which code a side is: a ref and its commit, or the working tree. */
export interface DiffSideLabel {
  ref: string;
  commit?: string;
}

export interface ResourceRef {
  file: string;
  /** The logical id or Terraform address, as in `scan`. */
  resource: string;
  type: string;
  service: string;
  tier: string;
  /** 1-based line of the resource at its side. */
  line: number;
}

export interface ResourceChanges {
  type?: { base: string; head: string };
  tier?: { base: string; head: string };
  service?: { base: string; head: string };
  /** Top-level properties added, removed or changed, and placement (`Condition`, `count`, `for_each`). */
  properties: string[];
}

export interface ChangedResource extends ResourceRef {
  changes: ResourceChanges;
}

export interface RenamedResource extends ResourceRef {
  from: { file: string; resource: string; line: number };
}

/** A resource in an ownership shift, with the owner of the concern at each side (null: not there). */
export interface ShiftResource extends ResourceRef {
  base: Owner | null;
  head: Owner | null;
}

export interface ShiftToYou {
  concern: ConcernId;
  title: string;
  resources: ShiftResource[];
  /** No resource asked this concern of you at base. */
  new: boolean;
  /** Resources for which you own or share the concern, at base and at head. */
  before: number;
  after: number;
}

export interface ShiftToAws {
  concern: ConcernId;
  title: string;
  resources: ShiftResource[];
  /** No resource asks this concern of you at head. */
  gone: boolean;
  before: number;
  after: number;
}

export interface DiffReport {
  base: DiffSideLabel;
  head: DiffSideLabel;
  resources: {
    added: ResourceRef[];
    removed: ResourceRef[];
    changed: ChangedResource[];
    renamed: RenamedResource[];
  };
  ownership: { toYou: ShiftToYou[]; toAws: ShiftToAws[] };
  findings: { introduced: Finding[]; resolved: Finding[] };
}

const WEIGHT: Record<Owner, number> = { aws: 0, shared: 1, customer: 2 };

/** Compares two analyses. Both must hold their units (`Analyzer` with `retain`, the default). */
export function diffAnalyses(
  base: DiffInput,
  head: DiffInput,
  labels: { base: DiffSideLabel; head: DiffSideLabel },
): DiffReport {
  const unreadable = new Set([
    ...unreadableFiles(base.findings),
    ...unreadableFiles(head.findings),
    ...(base.unreadable ?? []),
    ...(head.unreadable ?? []),
  ]);
  const baseResources = indexResources(base.units, unreadable);
  const headResources = indexResources(head.units, unreadable);

  // Matched by identity; what is left over may be renames.
  const pairs: [Resource, Resource][] = [];
  const removed: Resource[] = [];
  for (const [key, resource] of baseResources) {
    const other = headResources.get(key);
    if (other) pairs.push([resource, other]);
    else removed.push(resource);
  }
  const added = [...headResources].filter(([key]) => !baseResources.has(key)).map(([, r]) => r);
  const renames = findRenames(removed, added);
  const renamedBase = new Set(renames.map(([b]) => b));
  const renamedHead = new Set(renames.map(([, h]) => h));

  const changed: ChangedResource[] = [];
  for (const [b, h] of pairs) {
    const changes = resourceChanges(b, h);
    if (changes) changed.push({ ...refOf(h), changes });
  }

  // Base resource -> its head counterpart (same identity or renamed), and back.
  const toHead = new Map<Resource, Resource>([...pairs, ...renames]);
  const toBase = new Map<Resource, Resource>([...pairs, ...renames].map(([b, h]) => [h, b]));

  const ownership = ownershipShifts([...baseResources.values()], [...headResources.values()], toHead, toBase);

  // Findings: the base side's resource identities are renamed to the head's before matching.
  const renamedKey = new Map(renames.map(([b, h]) => [identityOf(b), identityOf(h)]));
  const findings = matchFindings(base.findings, head.findings, (key) => renamedKey.get(key) ?? key);

  return {
    base: labels.base,
    head: labels.head,
    resources: {
      added: sortRefs(added.filter((r) => !renamedHead.has(r)).map(refOf)),
      removed: sortRefs(removed.filter((r) => !renamedBase.has(r)).map(refOf)),
      changed: sortRefs(changed),
      renamed: sortRefs(
        renames.map(([b, h]) => ({
          ...refOf(h),
          from: { file: b.file, resource: b.id, line: b.range.start.line + 1 },
        })),
      ),
    },
    ownership,
    findings,
  };
}

/** True when the report says nothing changed. */
export function isEmptyDiff(report: DiffReport): boolean {
  const { resources, ownership, findings } = report;
  return (
    resources.added.length +
      resources.removed.length +
      resources.changed.length +
      resources.renamed.length +
      ownership.toYou.length +
      ownership.toAws.length +
      findings.introduced.length +
      findings.resolved.length ===
    0
  );
}

/** Files that could not be read (too large, binary) or did not parse, at one side. */
export function unreadableFiles(findings: readonly Finding[]): Set<string> {
  const files = new Set<string>();
  for (const f of findings)
    if ((f.ruleId === PARSE_ERROR_RULE_ID && f.severity === 'error') || f.ruleId === FILE_TOO_LARGE_RULE_ID)
      files.add(f.file);
  return files;
}

// ---------------------------------------------------------------------------------------------
// Resources

/** A resource's identity across the two sides: file and logical id, or module directory and address. */
function identityOf(resource: Pick<Resource, 'file' | 'id' | 'syntax'>): string {
  return resource.syntax === 'terraform'
    ? `tf\u0000${moduleDirOf(resource.file)}\u0000${resource.id}`
    : `cfn\u0000${resource.file}\u0000${resource.id}`;
}

/** The identity a finding's resource has (Terraform by the directory of its file). */
function findingIdentity(finding: Finding): string {
  return finding.file.toLowerCase().endsWith('.tf')
    ? `tf\u0000${moduleDirOf(finding.file)}\u0000${finding.resource}`
    : `cfn\u0000${finding.file}\u0000${finding.resource}`;
}

function indexResources(units: readonly IacUnit[], unreadable: ReadonlySet<string>): Map<string, Resource> {
  const index = new Map<string, Resource>();
  for (const unit of units)
    for (const resource of unit.resources) {
      if (unreadable.has(resource.file)) continue;
      const key = identityOf(resource);
      // The same logical id in two documents of one file: the later one gets its own key.
      let unique = key;
      for (let n = 2; index.has(unique); n++) unique = `${key}\u0000${n}`;
      index.set(unique, resource);
    }
  return index;
}

function refOf(resource: Resource): ResourceRef {
  return {
    file: resource.file,
    resource: resource.id,
    type: resource.type,
    service: resource.service,
    tier: resource.tier,
    line: resource.range.start.line + 1,
  };
}

function sortRefs<T extends ResourceRef>(refs: T[]): T[] {
  return refs.sort((a, b) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (a.resource < b.resource ? -1 : 1),
  );
}

/** Removed and added resources of one type with the same content: renames, preferring the same file. */
function findRenames(removed: Resource[], added: Resource[]): [Resource, Resource][] {
  const candidates = new Map<string, Resource[]>();
  for (const resource of added) {
    const key = contentKey(resource);
    const list = candidates.get(key) ?? [];
    list.push(resource);
    candidates.set(key, list);
  }
  const renames: [Resource, Resource][] = [];
  for (const resource of removed) {
    const list = candidates.get(contentKey(resource));
    if (!list || list.length === 0) continue;
    const sameFile = list.findIndex((r) => r.file === resource.file);
    const index = sameFile === -1 ? 0 : sameFile;
    renames.push([resource, list[index]]);
    list.splice(index, 1);
  }
  return renames;
}

function contentKey(resource: Resource): string {
  return JSON.stringify([resource.type, placementOf(resource), canonical(resource.properties)]);
}

function placementOf(resource: Resource): [string, string][] {
  const placement: [string, string][] = [];
  if (resource.condition !== undefined)
    placement.push([resource.syntax === 'terraform' ? 'condition' : 'Condition', resource.condition]);
  // An instance the evaluation wrote out (`aws_s3_bucket.b["a"]`, `aws_instance.w[0]`) is placed by
  // its address: a key added to the collection adds an instance, it does not change the others.
  const instance = resource.syntax === 'terraform' && resource.id.endsWith(']');
  if (resource.count && !instance) placement.push(['count', JSON.stringify(canonical(resource.count))]);
  if (resource.forEach && !instance) placement.push(['for_each', JSON.stringify(canonical(resource.forEach))]);
  return placement;
}

/** A value without its ranges: what it says, not where it is. */
function canonical(value: Value): unknown {
  switch (value.kind) {
    case 'literal':
      return value.value;
    case 'list':
      return value.items.map(canonical);
    case 'map':
      return { block: value.block === true, properties: value.properties.map((p) => [p.key, canonical(p.value)]) };
    case 'reference':
      return { reference: value.text };
    case 'unresolvable':
      return { unresolvable: value.text };
  }
}

function resourceChanges(base: Resource, head: Resource): ResourceChanges | undefined {
  const changes: ResourceChanges = { properties: [] };
  if (base.type !== head.type) changes.type = { base: base.type, head: head.type };
  if (base.tier !== head.tier) changes.tier = { base: base.tier, head: head.tier };
  if (base.service !== head.service) changes.service = { base: base.service, head: head.service };
  const before = propertiesByKey(base);
  const after = propertiesByKey(head);
  const keys = new Set([...before.keys(), ...after.keys()]);
  for (const key of keys) if (before.get(key) !== after.get(key)) changes.properties.push(key);
  changes.properties.sort();
  return changes.type || changes.tier || changes.service || changes.properties.length > 0 ? changes : undefined;
}

/** Each top-level property (a repeated Terraform block joined) and the placement, as text to compare. */
function propertiesByKey(resource: Resource): Map<string, string> {
  const grouped = new Map<string, unknown[]>();
  const instance = resource.syntax === 'terraform' && resource.id.endsWith(']');
  for (const property of resource.properties.properties) {
    // An instance's `count` / `for_each` describe its siblings, not the instance.
    if (instance && (property.key === 'count' || property.key === 'for_each')) continue;
    const list = grouped.get(property.key) ?? [];
    list.push(canonical(property.value));
    grouped.set(property.key, list);
  }
  const result = new Map([...grouped].map(([key, values]) => [key, JSON.stringify(values)]));
  for (const [key, value] of placementOf(resource)) result.set(key, value);
  return result;
}

// ---------------------------------------------------------------------------------------------
// Ownership

function ownerOfConcern(resource: Resource, concern: ConcernId): Owner | null {
  const row = typeOwnership(resource).rows.find((r) => r.concern === concern);
  if (!row?.applicable) return null;
  return row.owner;
}

function weight(owner: Owner | null): number {
  return owner === null ? 0 : WEIGHT[owner];
}

function ownershipShifts(
  base: Resource[],
  head: Resource[],
  toHead: ReadonlyMap<Resource, Resource>,
  toBase: ReadonlyMap<Resource, Resource>,
): DiffReport['ownership'] {
  const toYou: ShiftToYou[] = [];
  const toAws: ShiftToAws[] = [];
  for (const { id: concern, title } of CONCERNS) {
    const baseOwners = new Map(base.map((r) => [r, ownerOfConcern(r, concern)]));
    const headOwners = new Map(head.map((r) => [r, ownerOfConcern(r, concern)]));
    const sum = (owners: Map<Resource, Owner | null>) => [...owners.values()].reduce((n, o) => n + weight(o), 0);
    const count = (owners: Map<Resource, Owner | null>) => [...owners.values()].filter((o) => weight(o) > 0).length;
    const before = count(baseOwners);
    const after = count(headOwners);
    const baseTotal = sum(baseOwners);
    const headTotal = sum(headOwners);
    if (headTotal > baseTotal) {
      const resources: ShiftResource[] = [];
      for (const [resource, owner] of headOwners) {
        const counterpart = toBase.get(resource);
        const was = counterpart ? (baseOwners.get(counterpart) ?? null) : null;
        if (weight(owner) > weight(was)) resources.push({ ...refOf(resource), base: was, head: owner });
      }
      toYou.push({ concern, title, resources: sortRefs(resources), new: before === 0, before, after });
    } else if (headTotal < baseTotal) {
      const resources: ShiftResource[] = [];
      for (const [resource, owner] of baseOwners) {
        const counterpart = toHead.get(resource);
        const now = counterpart ? (headOwners.get(counterpart) ?? null) : null;
        if (weight(owner) > weight(now)) resources.push({ ...refOf(resource), base: owner, head: now });
      }
      toAws.push({ concern, title, resources: sortRefs(resources), gone: after === 0, before, after });
    }
  }
  return { toYou, toAws };
}

// ---------------------------------------------------------------------------------------------
// Findings

function matchFindings(
  base: readonly Finding[],
  head: readonly Finding[],
  renamed: (identity: string) => string,
): DiffReport['findings'] {
  const keyOf = (f: Finding, side: 'base' | 'head') => {
    if (!f.resource) return `file\u0000${f.ruleId}\u0000${f.file}\u0000${f.message}`;
    const identity = findingIdentity(f);
    return `resource\u0000${f.ruleId}\u0000${side === 'base' ? renamed(identity) : identity}`;
  };
  const waiting = new Map<string, Finding[]>();
  for (const finding of base) {
    const key = keyOf(finding, 'base');
    const list = waiting.get(key) ?? [];
    list.push(finding);
    waiting.set(key, list);
  }
  const introduced: Finding[] = [];
  const unmatched: [string, Finding][] = [];
  // Same rule, resource and message first; then same rule and resource (the message quotes a value that changed).
  for (const finding of head) {
    const key = keyOf(finding, 'head');
    const list = waiting.get(key);
    const index = list ? list.findIndex((f) => f.message === finding.message) : -1;
    if (list && index !== -1) list.splice(index, 1);
    else unmatched.push([key, finding]);
  }
  for (const [key, finding] of unmatched) {
    const list = waiting.get(key);
    if (list && list.length > 0) list.shift();
    else introduced.push(finding);
  }
  const resolved = [...waiting.values()].flat();
  return { introduced: introduced.sort(compareFindings), resolved: resolved.sort(compareFindings) };
}

// ---------------------------------------------------------------------------------------------
// The one-sentence summary

/** How the summary names a concern ("You take on operating-system patching …"). */
const DUTY: Partial<Record<ConcernId, string>> = {
  'machine-image': 'machine images',
  'operating-system': 'operating-system patching',
  applications: 'application software',
  'network-access': 'network access',
  'data-in-transit': 'encryption in transit',
  'data-at-rest': 'encryption at rest',
  'backup-dr': 'backups',
  credentials: 'credentials',
  'identity-access': 'access control',
  'logging-monitoring': 'logging and monitoring',
  'region-placement': 'Region placement',
  configuration: 'configuration',
  tagging: 'tagging',
};

export function dutyName(concern: ConcernId, title: string): string {
  return DUTY[concern] ?? title.toLowerCase();
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function joinWords(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** Resource names for the summary: up to three, then how many more. */
function names(resources: ResourceRef[]): string {
  const unique = [...new Set(resources.map((r) => r.resource))];
  const shown = unique.slice(0, 3).join(', ');
  return unique.length > 3 ? `${shown} and ${unique.length - 3} more` : shown;
}

function resourceCount(resources: ResourceRef[]): number {
  return new Set(resources.map((r) => `${r.file}\u0000${r.resource}`)).size;
}

/**
 * One sentence a reviewer reads in ten seconds: the duties that are new to you first (or the
 * concerns you own for more resources), what you hand over, then findings introduced and resolved.
 */
export function diffSummary(report: DiffReport): string {
  const parts: string[] = [];
  const { toYou, toAws } = report.ownership;
  const fresh = toYou.filter((s) => s.new);
  if (fresh.length > 0) {
    const resources = fresh.flatMap((s) => s.resources);
    parts.push(
      `You take on ${joinWords(fresh.map((s) => dutyName(s.concern, s.title)))} for ${plural(resourceCount(resources), 'resource')} (${names(resources)})`,
    );
  } else if (toYou.length > 0) {
    const resources = toYou.flatMap((s) => s.resources);
    parts.push(
      `You own or share ${plural(toYou.length, 'concern')} for more resources (${names(resources)}), none new to you`,
    );
  }
  const gone = toAws.filter((s) => s.gone);
  if (gone.length > 0) {
    const resources = gone.flatMap((s) => s.resources);
    parts.push(
      `${parts.length > 0 ? 'you' : 'You'} hand over ${joinWords(gone.map((s) => dutyName(s.concern, s.title)))} for ${plural(resourceCount(resources), 'resource')} (${names(resources)})`,
    );
  } else if (toAws.length > 0) {
    const resources = toAws.flatMap((s) => s.resources);
    parts.push(
      `${parts.length > 0 ? 'you' : 'You'} own or share ${plural(toAws.length, 'concern')} for fewer resources (${names(resources)})`,
    );
  }
  if (parts.length === 0) parts.push('No change to who owns what');
  const { introduced, resolved } = report.findings;
  return `${parts.join('; ')}; ${plural(introduced.length, 'finding')} introduced, ${resolved.length} resolved.`;
}
