/**
 * `srlens diff` reports: JSON (the contract), text for a terminal, and Markdown for a pull-request
 * comment. Pure: they render the engine's `DiffReport` and compute nothing of their own, so the
 * editor can show the same Markdown.
 */
import {
  diffSummary,
  type DiffReport,
  type DiffSideLabel,
  type ResourceRef,
  type ShiftResource,
} from '../../engine/diff';
import type { Finding } from '../../engine/finding';
import type { Owner } from '../../knowledge/vocabulary';
import { markdownCell } from './markdown';
import { printable, type Style } from './text';

/** `srlens diff --format json`: `{ base, head, resources, ownership, findings }`. */
export function formatDiffJson(report: DiffReport): string {
  const { base, head, resources, ownership, findings } = report;
  return JSON.stringify({ base, head, resources, ownership, findings }, null, 2);
}

const OWNER_WORD: Record<Owner, string> = { customer: 'you', shared: 'shared', aws: 'AWS' };

function ownerWord(owner: Owner | null): string {
  return owner === null ? 'none' : OWNER_WORD[owner];
}

function side(label: DiffSideLabel): string {
  return label.commit ? `${label.ref} (${label.commit.slice(0, 12)})` : label.ref;
}

/** The marker a CI job finds its previous comment by, to update it instead of adding another. */
export const DIFF_COMMENT_MARKER = '<!-- srlens-diff -->';

// ---------------------------------------------------------------------------------------------
// Text

/** `srlens diff` for a terminal: the summary, then ownership, resources and findings. */
export function formatDiffText(report: DiffReport, style: Style): string {
  const lines = [
    `${style.dim('base')} ${printable(side(report.base))}  ${style.dim('head')} ${printable(side(report.head))}`,
    style.bold(printable(diffSummary(report))),
  ];
  const where = (r: ResourceRef) => printable(`${r.file}:${r.line}`);
  const name = (r: ResourceRef) => printable(r.resource);
  const shiftLines = (title: string, shifts: { title: string; resources: ShiftResource[]; mark: string }[]) => {
    if (shifts.length === 0) return;
    lines.push('', style.bold(title));
    for (const s of shifts) {
      const who = s.resources.map((r) => `${name(r)} (${ownerWord(r.base)} → ${ownerWord(r.head)})`).join(', ');
      lines.push(`  ${s.title}${s.mark}: ${who}`);
    }
  };
  shiftLines(
    'You take on',
    report.ownership.toYou.map((s) => ({ ...s, mark: s.new ? ' [new]' : '' })),
  );
  shiftLines(
    'Off your hands',
    report.ownership.toAws.map((s) => ({ ...s, mark: s.gone ? ' [gone]' : '' })),
  );
  const { added, removed, changed, renamed } = report.resources;
  if (added.length + removed.length + changed.length + renamed.length > 0) {
    lines.push('', style.bold('Resources'));
    for (const r of added) lines.push(`  + ${name(r)}  ${printable(r.type)}  ${where(r)}`);
    for (const r of removed) lines.push(`  - ${name(r)}  ${printable(r.type)}  ${where(r)}`);
    for (const r of changed)
      lines.push(`  ~ ${name(r)}  ${printable(r.type)}  ${where(r)}  ${printable(changeWords(r.changes))}`);
    for (const r of renamed)
      lines.push(`  > ${printable(r.from.resource)} → ${name(r)}  ${printable(r.type)}  ${where(r)}`);
  }
  const findingLines = (title: string, findings: Finding[]) => {
    if (findings.length === 0) return;
    lines.push('', style.bold(title));
    for (const f of findings)
      lines.push(
        `  ${style.severity(f.severity, f.severity.padEnd(7))}  ${printable(`${f.file}:${f.range.start.line + 1}`)}  ${printable(f.message)}  ${style.dim(f.ruleId)}`,
      );
  };
  findingLines('Findings introduced', report.findings.introduced);
  findingLines('Findings resolved', report.findings.resolved);
  return lines.join('\n');
}

function changeWords(changes: DiffReport['resources']['changed'][number]['changes']): string {
  const words: string[] = [];
  if (changes.type) words.push(`type ${changes.type.base} → ${changes.type.head}`);
  if (changes.tier) words.push(`tier ${changes.tier.base} → ${changes.tier.head}`);
  if (changes.properties.length > 0) words.push(changes.properties.join(', '));
  return words.join('; ');
}

// ---------------------------------------------------------------------------------------------
// Markdown

export interface MarkdownDiffOptions {
  /**
   * Where the head's files are on the web (`https://github.com/o/r/blob/<sha>`): resources and
   * findings at head link to `<linkBase>/<file>#L<line>`. Removed resources and resolved findings
   * are at base and are not linked.
   */
  linkBase?: string;
}

/** `srlens diff --format markdown`: a pull-request comment a reviewer reads in ten seconds. */
export function formatDiffMarkdown(report: DiffReport, options: MarkdownDiffOptions = {}): string {
  const link = (text: string, file: string, line: number, atHead: boolean) => {
    const cell = markdownCell(text);
    if (!atHead || !options.linkBase) return cell;
    const url = `${options.linkBase.replace(/\/+$/, '')}/${file.split('/').map(encodeURIComponent).join('/')}#L${line}`;
    return `[${cell}](${url.replace(/[()]/g, (c) => (c === '(' ? '%28' : '%29'))})`;
  };
  const resource = (r: ResourceRef, atHead: boolean) => link(r.resource, r.file, r.line, atHead);
  const at = (r: ResourceRef, atHead: boolean) => link(`${r.file}:${r.line}`, r.file, r.line, atHead);
  const lines = [
    DIFF_COMMENT_MARKER,
    '### Shared responsibility: what this change shifts',
    '',
    `**${markdownCell(diffSummary(report))}**`,
    '',
    `Base ${markdownCell(side(report.base))}, head ${markdownCell(side(report.head))}.`,
  ];

  const { toYou, toAws } = report.ownership;
  lines.push('', '#### Who owns what');
  if (toYou.length + toAws.length === 0) lines.push('', 'No concern changes hands.');
  else {
    lines.push(
      '',
      '| Concern | Shift | Resources yours or shared (base → head) | Resources |',
      '| --- | --- | --- | --- |',
    );
    const row = (title: string, shift: string, before: number, after: number, resources: string) =>
      lines.push(`| ${markdownCell(title)} | ${shift} | ${before} → ${after} | ${resources} |`);
    for (const s of toYou)
      row(
        s.title,
        s.new ? '**to you (new)**' : 'to you',
        s.before,
        s.after,
        s.resources.map((r) => `${resource(r, true)} (${ownerWord(r.base)} → ${ownerWord(r.head)})`).join(', '),
      );
    for (const s of toAws)
      row(
        s.title,
        s.gone ? 'off your hands (gone)' : 'off your hands',
        s.before,
        s.after,
        s.resources.map((r) => `${resource(r, false)} (${ownerWord(r.base)} → ${ownerWord(r.head)})`).join(', '),
      );
  }

  const { added, removed, changed, renamed } = report.resources;
  lines.push('', '#### Resources');
  if (added.length + removed.length + changed.length + renamed.length === 0) lines.push('', 'No resource changed.');
  else {
    lines.push('', '| Change | Resource | Type | Tier | Where | What |', '| --- | --- | --- | --- | --- | --- |');
    const row = (change: string, r: ResourceRef, atHead: boolean, what: string) =>
      lines.push(
        `| ${change} | ${resource(r, atHead)} | ${markdownCell(r.type)} | ${markdownCell(r.tier)} | ${at(r, atHead)} | ${what} |`,
      );
    for (const r of added) row('added', r, true, '');
    for (const r of removed) row('removed', r, false, '');
    for (const r of changed) row('changed', r, true, markdownCell(changeWords(r.changes)));
    for (const r of renamed) row('renamed', r, true, `from ${markdownCell(r.from.resource)}`);
  }

  lines.push('', '#### Findings');
  const table = (title: string, findings: Finding[], atHead: boolean) => {
    lines.push('', `${title} (${findings.length})`);
    if (findings.length === 0) return;
    lines.push('', '| Severity | Rule | Resource | Where | Message |', '| --- | --- | --- | --- | --- |');
    for (const f of findings) {
      const line = f.range.start.line + 1;
      lines.push(
        `| ${f.severity} | ${markdownCell(f.ruleId)} | ${markdownCell(f.resource)} | ${link(`${f.file}:${line}`, f.file, line, atHead)} | ${markdownCell(f.message)} |`,
      );
    }
  };
  table('Introduced', report.findings.introduced, true);
  table('Resolved', report.findings.resolved, false);
  return lines.join('\n');
}
