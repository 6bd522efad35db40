/**
 * What the matrix webview receives: the matrix (engine/matrix.ts) and its stack (stack.ts) as plain
 * JSON, with display labels. A resource's cells are numbers (owner, status, reason, applicable: four
 * per concern, see `cellCodes`), repeated texts (a concern's reason is the same for every resource
 * of a type) are sent once, in `reasons`, and findings apart, so that 5,000 resources stay a message
 * of a few megabytes; the script expands them. Pure: the editor sends it, the benchmark renders it in a browser.
 */
import type { Matrix } from './matrix';
import { STACK_LAYERS, stackColumnOf, type Stack } from './stack';

export interface MatrixViewOptions {
  /** The scope line (stackScope). */
  scope: string;
  /** What to say when there is no resource. */
  emptyMessage: string;
  /** How a file is shown (relative to the workspace). */
  fileLabel: (file: string) => string;
}

/** The code tables of the cells: `owners[o]`, `statuses[s]`. */
export const CELL_CODES = {
  owners: ['customer', 'shared', 'aws'],
  statuses: ['open', 'not-applicable', 'aws', 'accepted', 'settled', 'set', 'no-finding', 'not-checked'],
} as const;

/** A finding of a cell: [concern index, rule id, severity, message]. */
export type MatrixViewFinding = [number, string, string, string];

export interface MatrixViewRow {
  file: string;
  fileLabel: string;
  id: string;
  type: string;
  service: string;
  tier: string;
  tierTitle: string;
  /** Its stack column; undefined for unclassified types. */
  column?: string;
  openCount: number;
  /** Four numbers per concern, in the concerns' order: owner, status, reason (into `reasons`), applicable (1 or 0). */
  cells: number[];
  findings: MatrixViewFinding[];
}

export interface MatrixView {
  scope: string;
  emptyMessage: string;
  otherFindings: number;
  concerns: Matrix['concerns'];
  codes: typeof CELL_CODES;
  reasons: string[];
  rows: MatrixViewRow[];
  stack: Stack & { layers: { id: string; title: string }[] };
}

const OWNER_CODE = new Map<string, number>(CELL_CODES.owners.map((o, i) => [o, i]));
const STATUS_CODE = new Map<string, number>(CELL_CODES.statuses.map((s, i) => [s, i]));

export function matrixView(matrix: Matrix, stack: Stack, options: MatrixViewOptions): MatrixView {
  const reasons: string[] = [];
  const reasonIndex = new Map<string, number>();
  const labels = new Map<string, string>();
  const intern = (reason: string) => {
    let index = reasonIndex.get(reason);
    if (index === undefined) {
      index = reasons.length;
      reasons.push(reason);
      reasonIndex.set(reason, index);
    }
    return index;
  };
  const label = (file: string) => {
    let shown = labels.get(file);
    if (shown === undefined) {
      shown = options.fileLabel(file);
      labels.set(file, shown);
    }
    return shown;
  };
  return {
    scope: options.scope,
    emptyMessage: options.emptyMessage,
    otherFindings: matrix.otherFindings,
    concerns: matrix.concerns,
    codes: CELL_CODES,
    reasons,
    rows: matrix.rows.map((row) => {
      const column = stackColumnOf(row.tier, row.profile);
      return {
        file: row.file,
        fileLabel: label(row.file),
        id: row.id,
        type: row.type,
        service: row.service,
        tier: row.tier,
        tierTitle: row.tierTitle,
        ...(column ? { column } : {}),
        openCount: row.openCount,
        cells: row.cells.flatMap((c) => [
          OWNER_CODE.get(c.owner) ?? 0,
          STATUS_CODE.get(c.status) ?? 0,
          intern(c.reason),
          c.applicable ? 1 : 0,
        ]),
        findings: row.cells.flatMap((c, i) =>
          c.findings.map((f): MatrixViewFinding => [i, f.ruleId, f.severity, f.message]),
        ),
      };
    }),
    stack: { ...stack, layers: STACK_LAYERS.map((l) => ({ id: l.id, title: l.title })) },
  };
}
