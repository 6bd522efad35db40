/**
 * Exports of the ISMS state: a Markdown report (scope, policy, methodology, the nine steps, the
 * asset register with values, the risk register and treatment plan, the statement of
 * applicability) and CSV files for the asset and risk registers.
 *
 * Everything that comes from templates or from the state file is untrusted: Markdown output
 * escapes it so names such as `<img src=x onerror=…>` or `[x](command:…)` stay inert text, CSV
 * output guards against formula injection, and values that look like credentials are redacted.
 */
import { getConcern, isConcernId } from '../knowledge/concerns';
import type { Asset, ControlState, IsmsState, Risk } from './model';
import { redactSecrets, safeTagValue } from './redact';
import { riskLevel, riskScore } from './risks';
import { ISMS_STEPS } from './steps';

// ---- safety -----------------------------------------------------------------------------------

/**
 * Markdown-escapes untrusted text for a table cell or a paragraph: the punctuation that starts
 * emphasis, code, links, images, tables, strike-through and math is backslash-escaped (and `:`,
 * so no scheme such as `command:` survives), `<`, `>` and `&` become entities (no raw HTML, no
 * autolinks), a leading block marker is escaped, and line breaks become spaces. Secrets are
 * redacted first.
 */
export function escapeMarkdown(text: string): string {
  return (
    redactSecrets(String(text))
      .replace(/\r\n?|\n|\u2028|\u2029/g, ' ')
      // eslint-disable-next-line no-control-regex -- control characters are what this removes
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/[\\`*_{}[\]()!|~:$]/g, (c) => `\\${c}`)
      // What would start a block (heading, list, quote, rule) when the text begins a line.
      .replace(/^(\s*)([#+\-=])/, '$1\\$2')
      .replace(/^(\s*\d+)\.(?=\s|$)/, '$1\\.')
  );
}

/**
 * One CSV field per RFC 4180: quoted when it holds a comma, quote, CR or LF, quotes doubled.
 * A field starting with = + - @ (or tab / CR) gets a leading `'` so spreadsheets never run it.
 */
export function csvField(value: unknown): string {
  let text = value === undefined || value === null ? '' : redactSecrets(String(value));
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvRow(values: unknown[]): string {
  return values.map(csvField).join(',');
}

// ---- CSV --------------------------------------------------------------------------------------

const ASSET_COLUMNS = [
  'id',
  'name',
  'category',
  'class',
  'status',
  'type',
  'service',
  'tier',
  'file',
  'line',
  'dependsOn',
  'tags',
  'value',
  'owner',
  'reviewDate',
  'notes',
];

export function assetsCsv(state: IsmsState): string {
  const rows = [ASSET_COLUMNS.join(',')];
  for (const a of state.assets) {
    rows.push(
      csvRow([
        a.id,
        a.name,
        a.category,
        a.class,
        a.status,
        a.type,
        a.service,
        a.tier,
        a.file,
        a.line,
        a.dependsOn.join('; '),
        tagText(a),
        a.value,
        a.owner,
        a.reviewDate,
        a.notes,
      ]),
    );
  }
  return `${rows.join('\r\n')}\r\n`;
}

const RISK_COLUMNS = [
  'id',
  'status',
  'ruleId',
  'title',
  'asset',
  'concern',
  'owner',
  'severity',
  'likelihood',
  'impact',
  'score',
  'level',
  'treatment',
  'suppressionReason',
  'riskOwner',
  'due',
  'identified',
  'closedOn',
  'file',
  'lines',
  'notes',
  'acceptanceExpires',
  'acceptanceOwner',
  'acceptanceTicket',
  'acceptanceExpired',
];

export function risksCsv(state: IsmsState): string {
  const rows = [RISK_COLUMNS.join(',')];
  for (const r of state.risks) {
    const score = riskScore(r);
    rows.push(
      csvRow([
        r.id,
        r.status,
        r.ruleId,
        r.title,
        r.asset,
        r.concern,
        r.owner,
        r.severity,
        r.likelihood,
        r.impact,
        score,
        riskLevel(score),
        r.treatment,
        r.suppression?.reason,
        r.riskOwner,
        r.due,
        r.identified,
        r.closedOn,
        r.file,
        r.lines.join(' '),
        r.notes,
        r.suppression?.expires,
        r.suppression?.owner,
        r.suppression?.ticket,
        r.expiredAcceptance?.expires,
      ]),
    );
  }
  return `${rows.join('\r\n')}\r\n`;
}

/** Both registers in one text: the asset register, a blank line, the risk register. */
export function registersCsv(state: IsmsState): string {
  return `${assetsCsv(state)}\r\n${risksCsv(state)}`;
}

function tagText(a: Asset): string {
  return Object.entries(a.tags)
    .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
    .map(([k, v]) => `${k}=${safeTagValue(k, v)}`)
    .join('; ');
}

// ---- Markdown ---------------------------------------------------------------------------------

export interface ReportOptions {
  /** Date printed as the report date, `YYYY-MM-DD`. */
  today: string;
  title?: string;
}

export function ismsMarkdown(state: IsmsState, options: ReportOptions): string {
  const out: string[] = [];
  out.push(`# ${escapeMarkdown(options.title ?? 'Information Security Management System')}`, '');
  out.push(
    `Report date: ${escapeMarkdown(options.today)}. Last reviewed: ${state.lastReviewed ? escapeMarkdown(state.lastReviewed) : 'never'}${state.reviewedBy ? ` by ${escapeMarkdown(state.reviewedBy)}` : ''}.`,
    '',
  );

  out.push(
    '## Scope',
    '',
    paragraph(state.scope, 'Not defined yet: say which accounts, Regions, workloads and teams the ISMS covers.'),
    '',
  );
  out.push('## ISMS policy', '', paragraph(state.policy, 'Not defined yet.'), '');
  out.push('## Risk assessment methodology', '');
  out.push(
    paragraph(
      state.methodology,
      'Each risk is scored likelihood × impact, each from 1 (rare, negligible) to 5 (almost certain, severe). Defaults come from the finding severity: error 4 × 4, warning 3 × 3, info 2 × 2. Levels: 1–4 low, 5–9 medium, 10–16 high, 20–25 critical.',
    ),
    '',
  );

  out.push(
    '## Steps',
    '',
    '| # | Step | Status | Owner | Started | Completed | Due | Notes |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  );
  ISMS_STEPS.forEach((step, i) => {
    const s = state.steps.find((x) => x.id === step.id);
    out.push(
      row([
        String(i + 1),
        escapeMarkdown(step.title),
        s?.status ?? 'not-started',
        cell(s?.owner),
        cell(s?.started),
        cell(s?.completed),
        cell(s?.due),
        cell(s?.notes),
      ]),
    );
  });
  out.push('');

  const active = state.assets.filter((a) => a.status === 'active');
  const retired = state.assets.filter((a) => a.status === 'retired');
  const total = active.reduce((sum, a) => sum + (a.value ?? 0), 0);
  out.push('## Asset register', '');
  out.push(
    `${active.length} active asset${active.length === 1 ? '' : 's'} (${active.filter((a) => a.category === 'essential').length} essential, ${active.filter((a) => a.category === 'support').length} support), valued at ${money(total)} in total; ${active.filter((a) => a.value === undefined).length} without a value.`,
    '',
  );
  if (state.assets.length > 0) {
    out.push(
      '| Asset | Category | Class | Service | Tier | Depends on | Value | Owner | Review | Location | Status |',
      '| --- | --- | --- | --- | --- | --- | ---: | --- | --- | --- | --- |',
    );
    for (const a of [...active, ...retired]) {
      out.push(
        row([
          escapeMarkdown(
            a.parts && a.parts.length > 0
              ? `${a.name} (with ${a.parts.length} supporting ${a.parts.length === 1 ? 'resource' : 'resources'})`
              : a.name,
          ),
          a.category,
          a.class,
          cell(a.service),
          cell(a.tier),
          cell(a.dependsOn.join(', ')),
          a.value === undefined ? '' : money(a.value),
          cell(a.owner),
          cell(a.reviewDate),
          a.file ? `${escapeMarkdown(a.file)}${a.line ? `:${a.line}` : ''}` : '',
          a.status === 'retired' ? `retired ${escapeMarkdown(a.retiredOn ?? '')}`.trim() : 'active',
        ]),
      );
    }
    out.push('');
  }

  const open = state.risks.filter((r) => r.status === 'open');
  const closed = state.risks.filter((r) => r.status === 'closed');
  out.push('## Risk register and treatment plan', '');
  out.push(
    `${open.length} open risk${open.length === 1 ? '' : 's'} (${countBy(open, (r) => r.treatment)}), ${closed.length} closed.`,
    '',
  );
  if (state.risks.length > 0) {
    out.push(
      '| Score | Level | Risk | Asset | Concern | Side | Treatment | Owner | Due | Status |',
      '| ---: | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    );
    for (const r of [...open, ...closed]) {
      const score = riskScore(r);
      const treatment =
        r.treatment === 'accept' && r.suppression
          ? `accept: ${escapeMarkdown(r.suppression.reason)} (${escapeMarkdown(r.suppression.file)}:${r.suppression.line}${r.suppression.expires ? `, until ${r.suppression.expires}` : ''}${r.suppression.owner ? `, owner ${escapeMarkdown(r.suppression.owner)}` : ''}${r.suppression.ticket ? `, ${escapeMarkdown(r.suppression.ticket)}` : ''})`
          : r.expiredAcceptance
            ? `${r.treatment}: acceptance expired on ${r.expiredAcceptance.expires ?? '?'} (${escapeMarkdown(r.expiredAcceptance.reason)}, ${escapeMarkdown(r.expiredAcceptance.file)}:${r.expiredAcceptance.line})`
            : r.treatment;
      out.push(
        row([
          `${score} (${r.likelihood}×${r.impact})`,
          riskLevel(score),
          `${escapeMarkdown(r.title)} (${escapeMarkdown(r.ruleId)})`,
          escapeMarkdown(r.asset),
          concernTitle(r.concern),
          r.owner === 'shared' ? 'shared' : 'you',
          treatment,
          cell(r.riskOwner),
          cell(r.due),
          r.status === 'closed' ? `closed ${escapeMarkdown(r.closedOn ?? '')}`.trim() : 'open',
        ]),
      );
    }
    out.push('');
  }

  out.push('## Statement of applicability', '');
  out.push(
    'Controls from ISO/IEC 27001:2022 Annex A that bear on cloud infrastructure, mapped to the concerns of the AWS Shared Responsibility Model. "Inherited from AWS" means AWS owns every mapped concern for the resources in scope; cite the AWS compliance reports (AWS Artifact) as evidence.',
    '',
  );
  out.push(
    '| Control | Concerns | Applicable | Implemented | Justification | Evidence |',
    '| --- | --- | --- | --- | --- | --- |',
  );
  for (const c of state.controls) out.push(controlRow(c));
  out.push('');
  return out.join('\n');
}

function controlRow(c: ControlState): string {
  const implemented = c.implemented ?? (c.suggested === 'unknown' ? 'not assessed' : `${c.suggested} (suggested)`);
  const justification = c.justification
    ? escapeMarkdown(c.justification)
    : c.inheritedFromAws
      ? 'Inherited from AWS'
      : [
          c.openRisks > 0 ? `${c.openRisks} open risk${c.openRisks === 1 ? '' : 's'} on these concerns` : '',
          c.missing ? `Missing: ${escapeMarkdown(c.missing)}` : '',
        ]
          .filter(Boolean)
          .join('; ');
  const evidence = c.inheritedFromAws
    ? 'Inherited from AWS'
    : c.evidence
        .slice(0, 5)
        .map(
          (e) =>
            `${escapeMarkdown(e.file)}:${e.line} ${escapeMarkdown(e.resource)}${e.property ? ` ${escapeMarkdown(e.property)}` : ''} (${escapeMarkdown(e.ruleId)}${e.checked ? `, checked ${escapeMarkdown(e.checked)}` : ''})`,
        )
        .join('; ') + (c.evidence.length > 5 ? `; and ${c.evidence.length - 5} more` : '');
  return row([
    `${escapeMarkdown(c.id)} ${escapeMarkdown(c.title)}`,
    c.concerns.map((x) => escapeMarkdown(x)).join(', '),
    c.applicable ? 'yes' : 'no',
    escapeMarkdown(implemented),
    justification,
    evidence,
  ]);
}

function paragraph(text: string | undefined, fallback: string): string {
  return text && text.trim() ? escapeMarkdown(text.trim()) : `_${fallback}_`;
}

function cell(text: string | undefined): string {
  return text ? escapeMarkdown(text) : '';
}

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function concernTitle(concern: string): string {
  return isConcernId(concern) ? escapeMarkdown(getConcern(concern).title) : escapeMarkdown(concern);
}

export function money(value: number): string {
  return `$${value.toLocaleString('en-US', { maximumFractionDigits: 2 })}`;
}

function countBy(risks: readonly Risk[], key: (r: Risk) => string): string {
  if (risks.length === 0) return 'none';
  const counts = new Map<string, number>();
  for (const r of risks) counts.set(key(r), (counts.get(key(r)) ?? 0) + 1);
  return [...counts]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
}
