/**
 * The responsibility stack: the matrix (engine/matrix.ts) seen the way AWS draws the shared
 * responsibility model. The concerns are layers, from the facilities at the bottom up to your data
 * at the top; the columns are where a resource runs, from hardware you host through the three
 * tiers to abstracted services, so the picture shows ownership moving to AWS as services get more
 * managed. Each cell counts the resources of its column by the owner the responsibility model
 * gives them for its concern, and their open findings. Nothing here decides an owner: every count
 * is of the matrix's cells, which are the responsibility model's (engine/responsibility.ts).
 * Pure (no editor imports): the webview renders it, and the exports draw it (stack-export.ts).
 */
import type { ResourceTier } from '../iac/model';
import { getConcern, type ConcernId } from '../knowledge/concerns';
import type { Owner, ProfileId } from '../knowledge/vocabulary';
import type { Matrix, MatrixRow } from './matrix';

export type StackColumnId = 'hosted' | 'infrastructure' | 'container' | 'abstracted';

export interface StackColumnInfo {
  id: StackColumnId;
  title: string;
  /** What runs where, in a few words. */
  note: string;
}

/** From least to most managed: where AWS runs the least for you, to where it runs the most. */
export const STACK_COLUMNS: readonly StackColumnInfo[] = [
  { id: 'hosted', title: 'On hardware you host', note: 'AWS software on your servers' },
  { id: 'infrastructure', title: 'Infrastructure', note: 'EC2, EBS, VPC' },
  { id: 'container', title: 'Container', note: 'RDS, EMR, Beanstalk' },
  { id: 'abstracted', title: 'Abstracted', note: 'S3, DynamoDB, SQS' },
];

export interface StackLayerInfo {
  id: string;
  title: string;
  /** Its concerns, from the bottom up. */
  concerns: readonly ConcernId[];
}

/**
 * The layers from the bottom up, as AWS draws the model: what AWS runs (facilities, hardware,
 * network, hypervisor), where it runs, the operating system and network configuration, the
 * platform and applications, identity and access, and your data on top.
 */
export const STACK_LAYERS: readonly StackLayerInfo[] = [
  {
    id: 'foundation',
    title: 'Foundation',
    concerns: ['facilities', 'physical-hardware', 'network-infrastructure', 'virtualization'],
  },
  { id: 'placement', title: 'Regions and zones', concerns: ['region-placement'] },
  {
    id: 'os-network',
    title: 'Operating system and network',
    concerns: ['machine-image', 'operating-system', 'network-access', 'data-in-transit'],
  },
  {
    id: 'platform',
    title: 'Platform and applications',
    concerns: ['applications', 'configuration', 'logging-monitoring', 'tagging'],
  },
  { id: 'identity', title: 'Identity and access', concerns: ['credentials', 'identity-access'] },
  { id: 'data', title: 'Data', concerns: ['backup-dr', 'data-at-rest'] },
];

export interface StackCell {
  column: StackColumnId;
  concern: ConcernId;
  /** Resources of the column by the owner of this concern (the concern applies, or a finding is open on it). */
  owners: Record<Owner, number>;
  /** Resources of the column that do not have this concern. */
  notApplicable: number;
  /** Open findings of this concern on the column's resources. */
  openFindings: number;
  /** The one owner of every counted resource, 'mixed' when they differ, undefined when none is counted. */
  owner: Owner | 'mixed' | undefined;
  /** The counted resources, as indexes into the matrix's rows, those with open findings first. */
  rows: number[];
}

export interface StackRow {
  concern: ConcernId;
  title: string;
  meaning: string;
  layer: string;
  /** One per column, in STACK_COLUMNS order. */
  cells: StackCell[];
}

export interface StackColumnTotals extends StackColumnInfo {
  resources: number;
  openFindings: number;
}

export interface Stack {
  columns: StackColumnTotals[];
  /** Top to bottom: data first, facilities last. */
  rows: StackRow[];
  /** Resources in any column. */
  resources: number;
  /** Files holding a resource of the matrix. */
  files: number;
  /** Resources of types the catalog does not know: in the matrix, in no column. */
  unclassified: number;
  openFindings: number;
}

const OWNERS: readonly Owner[] = ['customer', 'shared', 'aws'];

/** The column of a resource: unclassified types have none. */
export function stackColumnOf(tier: ResourceTier, profile?: ProfileId): StackColumnId | undefined {
  if (tier === 'unclassified') return undefined;
  if (profile === 'customer-hosted' || profile === 'on-premises') return 'hosted';
  return tier;
}

/** The concerns from the top of the stack down. */
export function stackConcernsTopDown(): ConcernId[] {
  return STACK_LAYERS.flatMap((layer) => layer.concerns).reverse();
}

export function buildStack(matrix: Matrix): Stack {
  const concernIndex = new Map(matrix.concerns.map((c, i) => [c.id, i]));
  const layerOf = new Map<ConcernId, string>();
  for (const layer of STACK_LAYERS) for (const concern of layer.concerns) layerOf.set(concern, layer.id);
  const columns: StackColumnTotals[] = STACK_COLUMNS.map((c) => ({ ...c, resources: 0, openFindings: 0 }));
  const columnIndex = new Map(STACK_COLUMNS.map((c, i) => [c.id, i]));
  const rowColumn: (number | undefined)[] = matrix.rows.map((row) => {
    const column = stackColumnOf(row.tier, row.profile);
    return column === undefined ? undefined : columnIndex.get(column);
  });

  const rows: StackRow[] = stackConcernsTopDown().map((concern) => {
    const { title, meaning } = getConcern(concern);
    const index = concernIndex.get(concern);
    const cells = STACK_COLUMNS.map((column, c): StackCell => {
      const cell: StackCell = {
        column: column.id,
        concern,
        owners: { customer: 0, shared: 0, aws: 0 },
        notApplicable: 0,
        openFindings: 0,
        owner: undefined,
        rows: [],
      };
      if (index === undefined) return cell;
      const open: number[] = [];
      const rest: number[] = [];
      matrix.rows.forEach((row, r) => {
        if (rowColumn[r] !== c) return;
        const matrixCell = row.cells[index];
        const findings = matrixCell.findings.length;
        if (!matrixCell.applicable && findings === 0) {
          cell.notApplicable++;
          return;
        }
        cell.owners[matrixCell.owner]++;
        cell.openFindings += findings;
        (findings > 0 ? open : rest).push(r);
      });
      cell.rows = [...open, ...rest];
      const present = OWNERS.filter((o) => cell.owners[o] > 0);
      cell.owner = present.length === 0 ? undefined : present.length === 1 ? present[0] : 'mixed';
      return cell;
    });
    return { concern, title, meaning, layer: layerOf.get(concern) ?? '', cells };
  });

  let resources = 0;
  let unclassified = 0;
  let openFindings = 0;
  matrix.rows.forEach((row: MatrixRow, r) => {
    const c = rowColumn[r];
    if (c === undefined) {
      unclassified++;
      return;
    }
    resources++;
    openFindings += row.openCount;
    columns[c].resources++;
    columns[c].openFindings += row.openCount;
  });
  return {
    columns,
    rows,
    resources,
    files: new Set(matrix.rows.map((r) => r.file)).size,
    unclassified,
    openFindings,
  };
}

/** The cell of a column and concern. */
export function stackCell(stack: Stack, column: StackColumnId, concern: ConcernId): StackCell | undefined {
  return stack.rows.find((r) => r.concern === concern)?.cells.find((c) => c.column === column);
}

export const OWNER_LABELS: Readonly<Record<Owner, string>> = { customer: 'You', shared: 'Shared', aws: 'AWS' };

/** "You 12 · Shared 2", largest first (ties: You, Shared, AWS); empty when no resource is counted. */
export function ownerCounts(cell: StackCell): string {
  return OWNERS.filter((o) => cell.owners[o] > 0)
    .sort((a, b) => cell.owners[b] - cell.owners[a])
    .map((o) => `${OWNER_LABELS[o]} ${cell.owners[o]}`)
    .join(' · ');
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * The scope line: "57 resources in 11 files, whole workspace". `where` names what was read (the
 * whole workspace, the open editors, the paths given to the CLI).
 */
export function stackScope(stack: Pick<Stack, 'resources' | 'files' | 'unclassified'>, where: string): string {
  const total = stack.resources + stack.unclassified;
  const line = `${plural(total, 'resource')} in ${plural(stack.files, 'file')}, ${where}`;
  return stack.unclassified > 0
    ? `${line} (${plural(stack.unclassified, 'resource')} of unclassified types in no column)`
    : line;
}
