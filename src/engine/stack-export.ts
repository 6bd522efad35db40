/**
 * The responsibility stack (stack.ts) as files to keep: an SVG picture (for a wiki, a design review
 * or an audit file) and Markdown. Plain colours, no theme; every text from a template (resource
 * names, file names) is escaped for its format. Pure: the editor and the CLI both call these.
 */
import type { Owner } from '../knowledge/vocabulary';
import type { Matrix } from './matrix';
import {
  OWNER_LABELS,
  STACK_LAYERS,
  ownerCounts,
  plural,
  type Stack,
  type StackCell,
  type StackColumnTotals,
} from './stack';

export interface StackExportOptions {
  /** The scope line (stackScope). */
  scope: string;
  /** How a file is shown (a path relative to the workspace or the current folder). */
  displayPath?: (file: string) => string;
  /** Resource names listed per cell, at most. */
  namesPerCell?: number;
}

const TITLE = 'Who owns what: the responsibility stack';
const COLOURS: Readonly<Record<Owner | 'none', string>> = {
  customer: '#f4b183',
  shared: '#ffe08a',
  aws: '#bdd7ee',
  none: '#f2f2f2',
};
const INK = '#1f1f1f';
const MUTED = '#5f5f5f';
const OWNER_ORDER: readonly Owner[] = ['customer', 'shared', 'aws'];

/** Text and attribute values for XML: the five predefined entities, and no control characters. */
export function xmlEscape(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- characters XML 1.0 does not allow
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

/**
 * Plain Markdown text inside a line (never at its start): the characters that could start markup
 * there (emphasis, code, links, HTML, entities, table cells, strikethrough) are backslash-escaped;
 * others, such as parentheses and dots, stay as they are, so the raw text reads well too.
 */
export function markdownEscape(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[\\`*_[\]<>|&~]/g, '\\$&');
}

/** The cell's resources by owner, for a tooltip or a list: "You: Db (db.yaml), Cache (db.yaml)". */
function cellNames(
  cell: StackCell,
  matrix: Matrix,
  options: StackExportOptions,
  format: (id: string, file: string, open: number) => string,
): string[] {
  const limit = options.namesPerCell ?? 12;
  const show = options.displayPath ?? ((f: string) => f);
  const concernIndex = matrix.concerns.findIndex((c) => c.id === cell.concern);
  const parts: string[] = [];
  for (const owner of OWNER_ORDER) {
    const rows = cell.rows.map((r) => matrix.rows[r]).filter((row) => row.cells[concernIndex].owner === owner);
    if (rows.length === 0) continue;
    const names = rows
      .slice(0, limit)
      .map((row) => format(row.id, show(row.file), row.cells[concernIndex].findings.length));
    if (rows.length > limit) names.push(`${rows.length - limit} more`);
    parts.push(`${OWNER_LABELS[owner]}: ${names.join(', ')}`);
  }
  return parts;
}

function columnHeading(column: StackColumnTotals): string {
  const open = column.openFindings > 0 ? ` · ${plural(column.openFindings, 'open finding')}` : '';
  return `${plural(column.resources, 'resource')}${open}`;
}

// ---------------------------------------------------------------------------------------------
// SVG

const MARGIN = 24;
const LABEL_WIDTH = 250;
const COLUMN_WIDTH = 200;
const GAP = 6;
const ROW_HEIGHT = 30;
const LAYER_HEIGHT = 22;
const HEAD_TOP = 84;
const HEAD_HEIGHT = 46;

/** The stack as a standalone SVG document, plain colours, all text escaped. */
export function stackSvg(stack: Stack, matrix: Matrix, options: StackExportOptions): string {
  const width = MARGIN * 2 + LABEL_WIDTH + stack.columns.length * (COLUMN_WIDTH + GAP);
  const columnX = (c: number) => MARGIN + LABEL_WIDTH + c * (COLUMN_WIDTH + GAP);
  const out: string[] = [];
  const text = (x: number, y: number, value: string, attrs = '') =>
    out.push(`<text x="${x}" y="${y}"${attrs ? ` ${attrs}` : ''}>${xmlEscape(value)}</text>`);

  text(MARGIN, 36, TITLE, 'font-size="20" font-weight="bold"');
  text(MARGIN, 60, `${options.scope} · ${plural(stack.openFindings, 'open finding')}`, `fill="${MUTED}"`);
  stack.columns.forEach((column, c) => {
    const x = columnX(c) + COLUMN_WIDTH / 2;
    text(x, HEAD_TOP + 16, column.title, 'font-weight="bold" text-anchor="middle"');
    text(x, HEAD_TOP + 34, columnHeading(column), `font-size="12" fill="${MUTED}" text-anchor="middle"`);
  });

  let y = HEAD_TOP + HEAD_HEIGHT;
  const layersTopDown = [...STACK_LAYERS].reverse();
  for (const layer of layersTopDown) {
    out.push(
      `<line x1="${MARGIN}" y1="${y + 0.5}" x2="${width - MARGIN}" y2="${y + 0.5}" stroke="#c8c8c8" stroke-width="1"/>`,
    );
    text(MARGIN, y + 16, layer.title.toUpperCase(), `font-size="11" font-weight="bold" fill="${MUTED}"`);
    y += LAYER_HEIGHT;
    for (const row of stack.rows.filter((r) => r.layer === layer.id)) {
      text(MARGIN + 12, y + 20, row.title);
      row.cells.forEach((cell, c) => {
        out.push(svgCell(cell, matrix, options, columnX(c), y + 2, row.title, stack.columns[c].title));
      });
      y += ROW_HEIGHT;
    }
  }

  y += 18;
  let x = MARGIN;
  for (const owner of OWNER_ORDER) {
    out.push(`<rect x="${x}" y="${y}" width="14" height="14" rx="2" fill="${COLOURS[owner]}"/>`);
    const label = { customer: 'You own it', shared: 'Shared with AWS', aws: 'AWS owns it' }[owner];
    text(x + 20, y + 12, label, 'font-size="12"');
    x += 150;
  }
  text(
    x,
    y + 12,
    'Counts are resources; "open" counts findings. "–": no resource of this kind has the concern.',
    `font-size="12" fill="${MUTED}"`,
  );
  const height = y + 14 + MARGIN;

  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="stack-title">`,
    `<title id="stack-title">${xmlEscape(`${TITLE}. ${options.scope}`)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<g font-family="Segoe UI, Helvetica, Arial, sans-serif" font-size="13" fill="${INK}">`,
    ...out,
    '</g>',
    '</svg>',
    '',
  ].join('\n');
}

function svgCell(
  cell: StackCell,
  matrix: Matrix,
  options: StackExportOptions,
  x: number,
  y: number,
  concernTitle: string,
  columnTitle: string,
): string {
  const height = ROW_HEIGHT - 4;
  const parts: string[] = [];
  const total = OWNER_ORDER.reduce((n, o) => n + cell.owners[o], 0);
  const names = cellNames(cell, matrix, options, (id, file, open) =>
    open > 0 ? `${id} (${file}, ${open} open)` : `${id} (${file})`,
  );
  const tooltip =
    total === 0
      ? `${columnTitle} · ${concernTitle}: no resource`
      : `${columnTitle} · ${concernTitle}. ${names.join('. ')}`;
  parts.push(`<g><title>${xmlEscape(tooltip)}</title>`);
  if (total === 0) {
    parts.push(
      `<rect x="${x}" y="${y}" width="${COLUMN_WIDTH}" height="${height}" rx="3" fill="${COLOURS.none}"/>`,
      `<text x="${x + COLUMN_WIDTH / 2}" y="${y + 18}" text-anchor="middle" fill="${MUTED}">–</text>`,
    );
  } else {
    let offset = 0;
    for (const owner of OWNER_ORDER) {
      if (cell.owners[owner] === 0) continue;
      const w = Math.round(((COLUMN_WIDTH - offset) * cell.owners[owner]) / remaining(cell, owner));
      parts.push(`<rect x="${x + offset}" y="${y}" width="${w}" height="${height}" fill="${COLOURS[owner]}"/>`);
      offset += w;
    }
    parts.push(`<text x="${x + 8}" y="${y + 18}" font-size="12">${xmlEscape(ownerCounts(cell))}</text>`);
    if (cell.openFindings > 0)
      parts.push(
        `<text x="${x + COLUMN_WIDTH - 8}" y="${y + 18}" font-size="12" font-weight="bold" text-anchor="end">${cell.openFindings} open</text>`,
      );
  }
  parts.push('</g>');
  return parts.join('');
}

/** Resources of `owner` and of the owners after it, so that the segments fill the cell exactly. */
function remaining(cell: StackCell, owner: Owner): number {
  return OWNER_ORDER.slice(OWNER_ORDER.indexOf(owner)).reduce((n, o) => n + cell.owners[o], 0);
}

// ---------------------------------------------------------------------------------------------
// Markdown

/** The stack as a Markdown table (top layer first), then the resources of every cell with open findings. */
export function stackMarkdown(stack: Stack, matrix: Matrix, options: StackExportOptions): string {
  const lines: string[] = [
    '# Responsibility stack',
    '',
    `${markdownEscape(options.scope)} · ${plural(stack.openFindings, 'open finding')}`,
    '',
    `| Layer | Concern | ${stack.columns.map((c) => `${c.title} (${columnHeading(c)})`).join(' | ')} |`,
    `| --- | --- | ${stack.columns.map(() => '---').join(' | ')} |`,
  ];
  let previousLayer = '';
  for (const row of stack.rows) {
    const layer = STACK_LAYERS.find((l) => l.id === row.layer)?.title ?? '';
    const cells = row.cells.map((cell) => {
      const counts = ownerCounts(cell);
      if (!counts) return '–';
      return cell.openFindings > 0 ? `${counts} · **${cell.openFindings} open**` : counts;
    });
    lines.push(`| ${layer === previousLayer ? '' : `**${layer}**`} | ${row.title} | ${cells.join(' | ')} |`);
    previousLayer = layer;
  }
  lines.push(
    '',
    'Each cell counts the resources of its column by who owns the concern for them: **You**, **Shared** with AWS, or **AWS**; "open" counts findings. "–": no resource of this kind has the concern.',
  );
  const open = stack.rows.flatMap((row) =>
    row.cells
      .filter((cell) => cell.openFindings > 0)
      .map((cell) => ({ row, cell, column: stack.columns.find((c) => c.id === cell.column)?.title ?? '' })),
  );
  if (open.length > 0) {
    lines.push('', '## Open findings by cell', '');
    for (const { row, cell, column } of open) {
      const names = cellNames(
        { ...cell, rows: cell.rows.filter((r) => isOpen(matrix, r, cell)) },
        matrix,
        options,
        (id, file, n) => `${markdownEscape(id)} in ${markdownEscape(file)} (${n})`,
      );
      lines.push(`- **${column} · ${row.title}**: ${names.join('; ')}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function isOpen(matrix: Matrix, rowIndex: number, cell: StackCell): boolean {
  const index = matrix.concerns.findIndex((c) => c.id === cell.concern);
  return matrix.rows[rowIndex].cells[index].findings.length > 0;
}
