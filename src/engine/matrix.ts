/**
 * The responsibility matrix as data: one row per resource, one column per security concern, each
 * cell the engine's responsibility model for them (engine/responsibility.ts): who owns the concern,
 * where the resource stands, and which findings leave it open. Pure (no editor imports): the editor
 * renders it in a webview, and it takes any list of analyses, from open documents or a workspace scan.
 */
import type { Range, Resource, ResourceTier, Severity } from '../iac/model';
import { CONCERNS, type ConcernId } from '../knowledge/concerns';
import type { Owner, ProfileId } from '../knowledge/vocabulary';
import type { Analysis } from './analyzer';
import { severityAtLeast, type Finding } from './finding';
import { resourceResponsibility, typeOwnership, type StatusKind } from './responsibility';
import type { SuppressedFinding } from './suppressions';

/** A concern column: a short header, with the full title for tooltips and screen readers. */
export interface MatrixConcern {
  id: ConcernId;
  short: string;
  title: string;
  meaning: string;
}

export interface MatrixFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  range: Range;
}

export interface MatrixCell {
  concern: ConcernId;
  owner: Owner;
  /** False when the resource does not have this concern at all (shown as n/a). */
  applicable: boolean;
  reason: string;
  /** Where the resource stands on the concern: the responsibility model's status, as the hover shows it. */
  status: StatusKind;
  /** Findings that leave this concern open for this resource; empty when none. */
  findings: MatrixFinding[];
}

export interface MatrixRow {
  file: string;
  /** CloudFormation logical id or Terraform address. */
  id: string;
  type: string;
  service: string;
  tier: ResourceTier;
  tierTitle: string;
  /** The type's ownership profile (customer-hosted, fargate…), from the responsibility model. */
  profile?: ProfileId;
  /** The whole resource and its id token, to open the file at it. */
  range: Range;
  idRange: Range;
  /** One per concern, in the order of `concerns`. */
  cells: MatrixCell[];
  openCount: number;
}

export interface Matrix {
  concerns: MatrixConcern[];
  rows: MatrixRow[];
  /** Findings tied to no resource of the matrix (syntax errors, template parameters, suppressions). */
  otherFindings: number;
}

export interface MatrixOptions {
  /** Findings below this severity do not count as open (the editor's minimum severity). */
  minimumSeverity?: Severity;
}

const SHORT: Readonly<Record<ConcernId, string>> = {
  facilities: 'Facilities',
  'physical-hardware': 'Hardware',
  'network-infrastructure': 'Network infra',
  virtualization: 'Virtualization',
  'region-placement': 'Region',
  'machine-image': 'Image',
  'operating-system': 'OS',
  applications: 'Apps',
  'network-access': 'Net access',
  'data-in-transit': 'In transit',
  'data-at-rest': 'At rest',
  'backup-dr': 'Backup',
  credentials: 'Credentials',
  'identity-access': 'IAM',
  tagging: 'Tagging',
  'logging-monitoring': 'Logging',
  configuration: 'Config',
};

export const OWNER_WORDS: Readonly<Record<Owner, string>> = { aws: 'AWS', customer: 'You', shared: 'Shared' };

export function matrixConcerns(): MatrixConcern[] {
  return CONCERNS.map((c) => ({ id: c.id, short: SHORT[c.id], title: c.title, meaning: c.meaning }));
}

/**
 * Builds the matrix for a set of analyses. The same analysis may appear more than once (every open
 * file of a Terraform module shares one), and a resource is listed once. Each cell is the engine's
 * responsibility model for that resource and concern (engine/responsibility.ts), the same the
 * hover shows.
 */
export function buildMatrix(analyses: readonly Analysis[], options: MatrixOptions = {}): Matrix {
  const concerns = matrixConcerns();
  const minimum = options.minimumSeverity ?? 'info';
  const resources = new Map<string, Resource>();
  const findings = new Map<string, Finding[]>();
  const suppressed = new Map<string, SuppressedFinding[]>();
  const seenAnalyses = new Set<Analysis>();
  const seenFindings = new Set<string>();
  let otherFindings = 0;

  for (const analysis of analyses) {
    if (seenAnalyses.has(analysis)) continue;
    seenAnalyses.add(analysis);
    for (const unit of analysis.units) {
      for (const resource of unit.resources) {
        const key = rowKey(resource.file, resource.id);
        if (!resources.has(key)) resources.set(key, resource);
      }
    }
  }
  for (const analysis of seenAnalyses) {
    for (const finding of analysis.findings) {
      const id = `${finding.file}\u0000${finding.ruleId}\u0000${finding.resource}\u0000${finding.range.start.line}:${finding.range.start.character}`;
      if (seenFindings.has(id)) continue;
      seenFindings.add(id);
      const key = finding.resource ? rowKey(finding.file, finding.resource) : undefined;
      if (key !== undefined && resources.has(key)) push(findings, key, finding);
      else if (severityAtLeast(finding.severity, minimum)) otherFindings++;
    }
    for (const entry of analysis.suppressed ?? []) {
      const key = rowKey(entry.finding.file, entry.finding.resource);
      if (resources.has(key)) push(suppressed, key, entry);
    }
  }

  const rows: MatrixRow[] = [];
  for (const [key, resource] of resources) {
    const model = resourceResponsibility(resource, findings.get(key) ?? [], suppressed.get(key) ?? [], {
      minimumSeverity: minimum,
    });
    const profile = typeOwnership(resource).profile;
    rows.push({
      file: resource.file,
      id: resource.id,
      type: resource.type,
      service: model.service,
      tier: model.tier,
      tierTitle: model.tierTitle,
      ...(profile ? { profile } : {}),
      range: resource.range,
      idRange: resource.idRange,
      cells: model.rows.map((status) => ({
        concern: status.concern,
        owner: status.owner,
        applicable: status.applicable,
        reason: status.reason,
        status: status.kind,
        findings: status.kind === 'open' ? status.findings.map(matrixFinding) : [],
      })),
      openCount: model.openFindings,
    });
  }

  rows.sort(byPlace);
  return { concerns, rows, otherFindings };
}

/**
 * One matrix from matrices of separate parts (the open documents and the workspace scan's files):
 * a resource listed by an earlier part wins over a later one, rows are in file and line order.
 */
export function combineMatrices(parts: readonly Matrix[]): Matrix {
  const seen = new Set<string>();
  const rows: MatrixRow[] = [];
  let otherFindings = 0;
  for (const part of parts) {
    otherFindings += part.otherFindings;
    for (const row of part.rows) {
      const key = rowKey(row.file, row.id);
      if (seen.has(key)) continue;
      seen.add(key);
      rows.push(row);
    }
  }
  rows.sort(byPlace);
  return { concerns: matrixConcerns(), rows, otherFindings };
}

function byPlace(a: MatrixRow, b: MatrixRow): number {
  return compare(a.file, b.file) || a.range.start.line - b.range.start.line || compare(a.id, b.id);
}

function matrixFinding(finding: Finding): MatrixFinding {
  return { ruleId: finding.ruleId, severity: finding.severity, message: finding.message, range: finding.range };
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function rowKey(file: string, id: string): string {
  return `${file}\u0000${id}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
