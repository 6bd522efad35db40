/**
 * Reading, writing and merging `.srlens/isms.yaml`. The merge refreshes what the scan derives and
 * keeps everything typed by hand: a resource that disappears is retired, never deleted; new
 * resources are added; a risk whose finding disappeared and whose treatment is fix is closed.
 */
import { isMap, isNode, isScalar, isSeq, parse, parseDocument, stringify, type Document } from 'yaml';
import type { Analysis } from '../engine/analyzer';
import { assetOwners, assetsFromUnits, categoryOf } from './assets';
import { controlsFromScan } from './controls';
import {
  ASSET_CLASSES,
  IMPLEMENTATIONS,
  ISMS_STATE_VERSION,
  TREATMENTS,
  type Asset,
  type ControlState,
  type Evidence,
  type Implementation,
  type IsmsState,
  type Risk,
  type StepState,
  type SuppressionLink,
} from './model';
import { clampLevel, compareRisks, risksFromFindings } from './risks';
import { accountEvidence, accountRisks, type AccountSnapshot } from './account';
import { ISMS_STEPS, STEP_STATUSES, isStepId, type StepStatus } from './steps';

/** What one scan says: assets, risks and the derived part of every control. */
export interface IsmsScan {
  assets: Asset[];
  risks: Risk[];
  controls: ControlState[];
}

export interface ScanOptions {
  displayPath?: (file: string) => string;
  today: string;
  /** The tag key that classifies information (`classificationTag` in `.srlens.yaml`). */
  classificationTag?: string;
  /** The last account check, when recent enough: its failed checks are risks, its passed ones evidence. */
  account?: { snapshot: AccountSnapshot; text?: string };
}

export function scanIsms(analysis: Analysis, options: ScanOptions): IsmsScan {
  const assets = assetsFromUnits(analysis.units, options);
  const suppressed = analysis.suppressed ?? [];
  const risks = risksFromFindings(analysis.findings, suppressed, {
    ...options,
    assetOwners: assetOwners(analysis.units),
  });
  if (options.account) risks.push(...accountRisks(options.account.snapshot, options.account.text));
  risks.sort(compareRisks);
  const controls = controlsFromScan({
    accountEvidence: options.account ? accountEvidence(options.account.snapshot, options.account.text) : [],
    units: analysis.units,
    findings: analysis.findings,
    suppressedFindings: suppressed.map((s) => s.finding),
    risks,
    displayPath: options.displayPath,
    classificationTag: options.classificationTag,
  });
  return { assets, risks, controls };
}

export function emptyState(): IsmsState {
  return {
    version: ISMS_STATE_VERSION,
    steps: ISMS_STEPS.map((s) => ({ id: s.id, status: 'not-started' })),
    assets: [],
    risks: [],
    controls: [],
  };
}

/** Merges a scan into the state (or into an empty one); the input state is not changed. */
export function mergeIsms(previous: IsmsState | undefined, scan: IsmsScan, today: string): IsmsState {
  const state = previous ? structuredClone(previous) : emptyState();

  // Steps: all nine, in order, keeping what was typed.
  const steps = new Map(state.steps.map((s) => [s.id, s]));
  state.steps = ISMS_STEPS.map((s) => steps.get(s.id) ?? { id: s.id, status: 'not-started' });

  // Assets: refresh derived fields, keep hand-entered ones, retire what is gone, add what is new.
  const current = new Map(scan.assets.map((a) => [a.id, a]));
  const assets: Asset[] = [];
  const seen = new Set<string>();
  for (const old of state.assets) {
    if (seen.has(old.id)) continue;
    seen.add(old.id);
    const found = current.get(old.id);
    if (old.source === 'manual') assets.push(old);
    else if (found) {
      const { retiredOn: _retired, parts: _parts, ...kept } = old;
      void _retired;
      void _parts;
      assets.push({ ...kept, ...derivedAsset(found), status: 'active' });
    } else {
      assets.push(old.status === 'retired' ? old : { ...old, status: 'retired', retiredOn: today });
    }
  }
  for (const asset of scan.assets) if (!seen.has(asset.id)) assets.push(asset);
  state.assets = assets;

  // Risks: keep scoring and treatment; refresh what the finding says; close fixed ones.
  const found = new Map(scan.risks.map((r) => [r.id, r]));
  const risks: Risk[] = [];
  const known = new Set<string>();
  for (const old of state.risks) {
    if (known.has(old.id)) continue;
    known.add(old.id);
    const now = found.get(old.id);
    if (!now) {
      const { suppression: _s, ...rest } = old;
      void _s;
      if (old.status === 'open' && (old.treatment === 'fix' || old.suppression))
        risks.push({ ...rest, status: 'closed', closedOn: today });
      else risks.push(old);
      continue;
    }
    const { suppression: _old, closedOn: _closed, expiredAcceptance: _expired, ...rest } = old;
    void _old;
    void _closed;
    void _expired;
    // An acceptance that expired leaves the risk to be treated again.
    const treatment = now.suppression
      ? old.treatment === 'fix'
        ? 'accept'
        : old.treatment
      : now.expiredAcceptance && old.treatment === 'accept'
        ? 'fix'
        : old.treatment;
    risks.push({
      ...rest,
      severity: now.severity,
      title: now.title,
      concern: now.concern,
      owner: now.owner,
      file: now.file,
      lines: now.lines,
      treatment,
      status: 'open',
      ...(now.suppression ? { suppression: now.suppression } : {}),
      ...(now.expiredAcceptance ? { expiredAcceptance: now.expiredAcceptance } : {}),
      ...(rest.riskOwner === undefined && now.riskOwner ? { riskOwner: now.riskOwner } : {}),
    });
  }
  for (const risk of scan.risks) if (!known.has(risk.id)) risks.push(risk);
  state.risks = risks.sort((a, b) => (a.status === b.status ? compareRisks(a, b) : a.status === 'open' ? -1 : 1));

  // Controls: derived fields from the scan, hand-entered ones kept.
  const controls = new Map(state.controls.map((c) => [c.id, c]));
  state.controls = scan.controls.map((derived) => {
    const old = controls.get(derived.id);
    if (!old) return derived;
    return {
      ...derived,
      applicable: old.applicable,
      ...(old.justification !== undefined ? { justification: old.justification } : {}),
      ...(old.implemented !== undefined ? { implemented: old.implemented } : {}),
    };
  });
  state.version = ISMS_STATE_VERSION;
  return state;
}

function derivedAsset(a: Asset): Partial<Asset> {
  return {
    name: a.name,
    category: a.category,
    class: a.class,
    type: a.type,
    file: a.file,
    line: a.line,
    service: a.service,
    tier: a.tier,
    dependsOn: a.dependsOn,
    tags: a.tags,
    ...(a.parts ? { parts: a.parts } : {}),
  };
}

/** True when the state was never reviewed or its last review is `days` or more days before `today`. */
export function reviewDue(state: Pick<IsmsState, 'lastReviewed'>, days: number, today: string | Date): boolean {
  const last = state.lastReviewed ? Date.parse(`${state.lastReviewed}T00:00:00Z`) : NaN;
  if (Number.isNaN(last)) return true;
  const now =
    typeof today === 'string'
      ? Date.parse(`${today}T00:00:00Z`)
      : Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return (now - last) / 86_400_000 >= days;
}

/** Today as `YYYY-MM-DD` (UTC). */
export function isoDate(date: Date = new Date()): string {
  return date.toISOString().slice(0, 10);
}

// ---- YAML -------------------------------------------------------------------------------------

export class IsmsStateError extends Error {}

const HEADER =
  '# ISMS state for Shared Responsibility Lens. Review changes like code.\n# Scan-derived fields are refreshed on update; values, owners, dates, treatments and justifications are yours.\n';

/**
 * The state as YAML. Given the file's current text, the text is updated in place instead: what is
 * unchanged keeps its comments, quoting and layout, list entries are matched by `id`, and only
 * what changed is rewritten (a file that is not valid YAML is written afresh).
 */
export function serializeIsmsState(state: IsmsState, previousText?: string): string {
  const data = clean(state);
  if (previousText !== undefined) {
    const doc = parseDocument(previousText, { schema: 'core', keepSourceTokens: false });
    if (doc.errors.length === 0 && isMap(doc.contents)) {
      doc.contents = updateNode(doc, doc.contents, data) as typeof doc.contents;
      return doc.toString({ lineWidth: 0 });
    }
  }
  return HEADER + stringify(data, { lineWidth: 0, aliasDuplicateObjects: false, sortMapEntries: false });
}

/** `node` changed as little as possible to hold `value`; returns the node to keep (the same one, or a new one). */
function updateNode(doc: Document, node: unknown, value: unknown): unknown {
  if (Array.isArray(value) && isSeq(node)) {
    const byId = new Map<unknown, unknown>();
    for (const item of node.items) if (isMap(item)) byId.set(item.get('id'), item);
    const matchById = value.every((v) => isRecord(v) && v.id !== undefined);
    node.items = value.map((v, i) => {
      const existing = matchById ? byId.get((v as Record<string, unknown>).id) : node.items[i];
      return existing === undefined ? doc.createNode(v) : updateNode(doc, existing, v);
    }) as typeof node.items;
    return node;
  }
  if (isRecord(value) && isMap(node)) {
    for (const pair of [...node.items]) {
      const key = isScalar(pair.key) ? pair.key.value : pair.key;
      if (typeof key !== 'string' || !(key in value)) node.delete(pair.key);
    }
    for (const [key, v] of Object.entries(value)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === key);
      if (pair) pair.value = updateNode(doc, pair.value, v) as typeof pair.value;
      else node.add(doc.createPair(key, v));
    }
    return node;
  }
  if (isScalar(node) && !Array.isArray(value) && !isRecord(value) && sameScalar(node.value, value)) return node;
  const created = doc.createNode(value);
  if (isNode(node) && isNode(created)) {
    created.comment = node.comment;
    created.commentBefore = node.commentBefore;
  }
  return created;
}

/** Equal as the file means it: a date or number typed unquoted is read back as the same text. */
function sameScalar(written: unknown, value: unknown): boolean {
  return (
    written === value ||
    (written !== null &&
      value !== null &&
      written !== undefined &&
      String(written) === String(value) &&
      typeof value !== 'boolean')
  );
}

/**
 * Parses the state file. Throws IsmsStateError for text that is not YAML or not a mapping;
 * entries it cannot use are dropped with a warning, so one bad entry never loses the rest.
 */
export function parseIsmsState(text: string, warnings: string[] = []): IsmsState {
  let data: unknown;
  try {
    data = parse(text, { schema: 'core', maxAliasCount: 100 });
  } catch (error) {
    throw new IsmsStateError(`not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  if (data === null || data === undefined) return emptyState();
  if (!isRecord(data)) throw new IsmsStateError('the file must be a mapping with steps, assets, risks and controls');
  const state = emptyState();
  state.version = typeof data.version === 'number' ? data.version : ISMS_STATE_VERSION;
  for (const key of ['lastReviewed', 'reviewedBy', 'scope', 'policy', 'methodology'] as const) {
    const value = str(data[key]);
    if (value !== undefined) state[key] = value;
  }
  const steps: StepState[] = [];
  for (const item of list(data.steps, 'steps', warnings)) {
    if (!isRecord(item) || !isStepId(item.id)) {
      warnings.push(`steps: ignored an entry without a known step id`);
      continue;
    }
    const status = STEP_STATUSES.includes(item.status as StepStatus) ? (item.status as StepStatus) : 'not-started';
    steps.push(pick({ id: item.id, status }, item, ['owner', 'notes', 'started', 'completed', 'due']));
  }
  state.steps = ISMS_STEPS.map((s) => steps.find((x) => x.id === s.id) ?? { id: s.id, status: 'not-started' });
  for (const item of list(data.assets, 'assets', warnings)) {
    const asset = readAsset(item);
    if (asset) state.assets.push(asset);
    else warnings.push('assets: ignored an entry without an id');
  }
  for (const item of list(data.risks, 'risks', warnings)) {
    const risk = readRisk(item);
    if (risk) state.risks.push(risk);
    else warnings.push('risks: ignored an entry without an id or rule');
  }
  for (const item of list(data.controls, 'controls', warnings)) {
    const control = readControl(item);
    if (control) state.controls.push(control);
    else warnings.push('controls: ignored an entry without an id');
  }
  return state;
}

function readAsset(item: unknown): Asset | undefined {
  if (!isRecord(item) || !str(item.id)) return undefined;
  const assetClass = ASSET_CLASSES.includes(item.class as Asset['class']) ? (item.class as Asset['class']) : 'software';
  const asset: Asset = {
    id: str(item.id) as string,
    name: str(item.name) ?? (str(item.id) as string),
    category: categoryOf(assetClass),
    class: assetClass,
    source: item.source === 'manual' ? 'manual' : 'template',
    status: item.status === 'retired' ? 'retired' : 'active',
    dependsOn: Array.isArray(item.dependsOn) ? item.dependsOn.map(String) : [],
    tags: isRecord(item.tags) ? Object.fromEntries(Object.entries(item.tags).map(([k, v]) => [k, String(v)])) : {},
  };
  if (Array.isArray(item.parts)) asset.parts = item.parts.map(String);
  const value =
    typeof item.value === 'number'
      ? item.value
      : typeof item.value === 'string'
        ? Number(item.value.replace(/[$,\s]/g, ''))
        : NaN;
  if (Number.isFinite(value) && value >= 0) asset.value = value;
  if (typeof item.line === 'number') asset.line = item.line;
  return pick(asset, item, ['type', 'file', 'service', 'tier', 'owner', 'reviewDate', 'notes', 'retiredOn']);
}

function readRisk(item: unknown): Risk | undefined {
  if (!isRecord(item) || !str(item.id) || !str(item.ruleId)) return undefined;
  const severity = item.severity === 'error' || item.severity === 'info' ? item.severity : 'warning';
  const risk: Risk = {
    id: str(item.id) as string,
    ruleId: str(item.ruleId) as string,
    asset: str(item.asset) ?? '',
    concern: str(item.concern) ?? 'configuration',
    owner: item.owner === 'shared' ? 'shared' : 'customer',
    severity,
    title: str(item.title) ?? (str(item.ruleId) as string),
    lines: Array.isArray(item.lines) ? item.lines.filter((n): n is number => typeof n === 'number') : [],
    likelihood: clampLevel(item.likelihood),
    impact: clampLevel(item.impact),
    treatment: TREATMENTS.includes(item.treatment as Risk['treatment']) ? (item.treatment as Risk['treatment']) : 'fix',
    status: item.status === 'closed' ? 'closed' : 'open',
    identified: str(item.identified) ?? '',
  };
  const suppression = readLink(item.suppression);
  if (suppression) risk.suppression = suppression;
  const expired = readLink(item.expiredAcceptance);
  if (expired) risk.expiredAcceptance = expired;
  return pick(risk, item, ['file', 'closedOn', 'riskOwner', 'due', 'notes']);
}

function readLink(value: unknown): SuppressionLink | undefined {
  if (!isRecord(value) || !str(value.reason)) return undefined;
  const link: SuppressionLink = {
    reason: str(value.reason) as string,
    file: str(value.file) ?? '',
    line: typeof value.line === 'number' ? value.line : 0,
  };
  for (const key of ['expires', 'owner', 'ticket', 'source'] as const) {
    const v = str(value[key]);
    if (v) link[key] = v;
  }
  return link;
}

function readControl(item: unknown): ControlState | undefined {
  if (!isRecord(item) || !str(item.id)) return undefined;
  const control: ControlState = {
    id: str(item.id) as string,
    title: str(item.title) ?? '',
    concerns: Array.isArray(item.concerns) ? (item.concerns.map(String) as ControlState['concerns']) : [],
    inheritedFromAws: item.inheritedFromAws === true,
    suggested: IMPLEMENTATIONS.includes(item.suggested as Implementation)
      ? (item.suggested as Implementation)
      : 'unknown',
    evidence: Array.isArray(item.evidence) ? item.evidence.flatMap(readEvidence) : [],
    openRisks: typeof item.openRisks === 'number' ? item.openRisks : 0,
    applicable: item.applicable !== false,
  };
  const justification = str(item.justification);
  if (justification !== undefined) control.justification = justification;
  const missing = str(item.missing);
  if (missing !== undefined) control.missing = missing;
  if (IMPLEMENTATIONS.includes(item.implemented as Implementation))
    control.implemented = item.implemented as Implementation;
  return control;
}

function readEvidence(item: unknown): Evidence[] {
  if (!isRecord(item) || !str(item.file) || typeof item.line !== 'number') return [];
  const evidence: Evidence = {
    file: str(item.file) as string,
    line: item.line,
    resource: str(item.resource) ?? '',
    ruleId: str(item.ruleId) ?? '',
  };
  const property = str(item.property);
  if (property !== undefined) evidence.property = property;
  const checked = str(item.checked);
  if (checked !== undefined) evidence.checked = checked;
  return [evidence];
}

function list(value: unknown, key: string, warnings: string[]): unknown[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value;
  warnings.push(`${key}: expected a list; ignored`);
  return [];
}

function pick<T extends object>(target: T, source: Record<string, unknown>, keys: string[]): T {
  for (const key of keys) {
    const value = str(source[key]);
    if (value !== undefined) (target as Record<string, unknown>)[key] = value;
  }
  return target;
}

/** Strings as they are; numbers and booleans as text (a date typed unquoted stays a string in YAML 1.2). */
function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Drops undefined fields so the file only shows what is set. */
function clean<T>(value: T): T {
  if (Array.isArray(value)) return value.map(clean) as T;
  if (isRecord(value))
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, clean(v)]),
    ) as T;
  return value;
}
