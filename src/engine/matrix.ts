/**
 * The responsibility matrix as data: one row per resource, one column per security concern, each
 * cell saying who owns the concern for that resource and which findings leave it open. Pure (no
 * editor imports): the editor renders it in a webview, and it takes any list of analyses, from open
 * documents or a workspace scan.
 */
import type { Range, ResourceTier } from '../iac/model';
import { classificationHints } from '../iac/hints';
import { CONCERNS, type ConcernId } from '../knowledge/concerns';
import type { Owner } from '../knowledge/ownership';
import type { Analysis } from './analyzer';
import { explainType } from './explain';
import { severityAtLeast, type Finding } from './finding';
import type { Severity } from '../iac/model';

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
  return CONCERNS.map((c) => ({ id: c.id, short: SHORT[c.id] ?? c.title, title: c.title, meaning: c.meaning }));
}

/**
 * Builds the matrix for a set of analyses. The same analysis may appear more than once (every open
 * file of a Terraform module shares one), and a resource is listed once.
 */
export function buildMatrix(analyses: readonly Analysis[], options: MatrixOptions = {}): Matrix {
  const concerns = matrixConcerns();
  const minimum = options.minimumSeverity ?? 'info';
  const rows: MatrixRow[] = [];
  const byKey = new Map<string, MatrixRow>();
  const findings: Finding[] = [];
  const seenAnalyses = new Set<Analysis>();
  const seenFindings = new Set<string>();

  for (const analysis of analyses) {
    if (seenAnalyses.has(analysis)) continue;
    seenAnalyses.add(analysis);
    for (const unit of analysis.units) {
      for (const resource of unit.resources) {
        const key = rowKey(resource.file, resource.id);
        if (byKey.has(key)) continue;
        const explanation = explainType(resource.type, classificationHints(resource.properties));
        const owners = new Map(explanation.concerns.map((c) => [c.concern, c]));
        const row: MatrixRow = {
          file: resource.file,
          id: resource.id,
          type: resource.type,
          service: resource.service || explanation.service,
          tier: resource.tier,
          tierTitle: explanation.tierTitle,
          range: resource.range,
          idRange: resource.idRange,
          cells: concerns.map(({ id }) => {
            const c = owners.get(id);
            return {
              concern: id,
              owner: c?.owner ?? 'shared',
              applicable: c?.applicable ?? true,
              reason: c?.reason ?? '',
              findings: [],
            };
          }),
          openCount: 0,
        };
        byKey.set(key, row);
        rows.push(row);
      }
    }
    for (const finding of analysis.findings) {
      const key = `${finding.file}\u0000${finding.ruleId}\u0000${finding.resource}\u0000${finding.range.start.line}:${finding.range.start.character}`;
      if (seenFindings.has(key)) continue;
      seenFindings.add(key);
      findings.push(finding);
    }
  }

  let otherFindings = 0;
  for (const finding of findings) {
    if (!severityAtLeast(finding.severity, minimum)) continue;
    const row = finding.resource ? byKey.get(rowKey(finding.file, finding.resource)) : undefined;
    const cell = row?.cells.find((c) => c.concern === finding.concern);
    if (!row || !cell) {
      otherFindings++;
      continue;
    }
    cell.findings.push({
      ruleId: finding.ruleId,
      severity: finding.severity,
      message: finding.message,
      range: finding.range,
    });
    row.openCount++;
  }

  rows.sort((a, b) => compare(a.file, b.file) || a.range.start.line - b.range.start.line || compare(a.id, b.id));
  return { concerns, rows, otherFindings };
}

function rowKey(file: string, id: string): string {
  return `${file}\u0000${id}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
