/**
 * Accountable suppressions. A comment `# srlens-ignore <rule-id> [expires=YYYY-MM-DD] [owner=…]
 * [ticket=…] <reason>` (YAML and HCL; `//` works in HCL too) on the line above a resource or a
 * property silences that rule there; in CloudFormation, resource Metadata `srlens: { ignore: [ {
 * rule, reason, expires, owner, ticket } ] }` does the same and is the only way in JSON.
 * `.srlens.yaml` `suppressions` reach what a comment cannot (generated templates), and the
 * suppressions written for other tools are honoured through `peer-suppressions.ts`.
 *
 * A suppression without a reason does not apply and is reported; one that matches nothing is
 * reported as unused (ours only: a peer tool's suppression may name checks we do not have). One
 * whose expiry date is not a date does not apply and is reported. After its expiry date a
 * suppression no longer applies: the finding is reported again and says the acceptance expired;
 * one that expires within EXPIRING_WITHIN_DAYS days is an info finding of its own.
 */
import type { IacUnit, MapValue, Position, Range, Resource, Value } from '../iac/model';
import { containsPosition, getPath } from '../iac/model';
import { classifyType } from '../knowledge/services';
import { asHeadline, type Finding, type SuppressionInfo, type SuppressionSource } from './finding';

export const UNUSED_SUPPRESSION_RULE_ID = 'unused-suppression';
export const SUPPRESSION_WITHOUT_REASON_RULE_ID = 'suppression-without-reason';
export const SUPPRESSION_EXPIRING_RULE_ID = 'suppression-expiring';
export const SUPPRESSION_INVALID_RULE_ID = 'suppression-invalid';

/** The findings about suppressions themselves: never risks, never suppressible. */
export const SUPPRESSION_RULE_IDS: readonly string[] = [
  UNUSED_SUPPRESSION_RULE_ID,
  SUPPRESSION_WITHOUT_REASON_RULE_ID,
  SUPPRESSION_EXPIRING_RULE_ID,
  SUPPRESSION_INVALID_RULE_ID,
];

/** A suppression expiring this many days from today, or fewer, is reported as expiring. */
export const EXPIRING_WITHIN_DAYS = 14;

/** What a `.srlens.yaml` suppression applies to; every key given must match. */
export interface SuppressionScope {
  resource?: string;
  resourceType?: string;
  service?: string;
  /** A glob over the path relative to `root` (`cdk.out/**`, `**\/generated/*.json`). */
  path?: string;
  /** The folder of `.srlens.yaml`, which `path` is relative to. */
  root?: string;
}

export interface Suppression {
  rule: string;
  reason: string;
  file: string;
  /** Where the suppression is written (the comment, the Metadata entry, the `.srlens.yaml` item). */
  range: Range;
  /** Comment suppressions: the line of the resource or property they sit above (or share). Metadata: the resource. */
  targetLine?: number;
  resourceId?: string;
  /** A Checkov comment inside a resource block: it applies to the resource whose block holds this line. */
  withinLine?: number;
  /** `.srlens.yaml`: what it applies to, in any file. */
  scope?: SuppressionScope;
  /** `YYYY-MM-DD`: the last day it applies. */
  expires?: string;
  /** The expiry as written, when it is not a `YYYY-MM-DD` date (the suppression then does not apply). */
  invalidExpiry?: string;
  owner?: string;
  ticket?: string;
  /** Where it is written; absent means a `# srlens-ignore` comment. */
  source?: SuppressionSource;
  /** A peer tool's suppression: the id it names (`CKV_AWS_18`). */
  peerId?: string;
}

/** How SARIF classes a suppression: written in the file, or kept outside it (`.srlens.yaml`). */
export function suppressionKind(s: Suppression): 'inSource' | 'external' {
  return s.source === 'config' ? 'external' : 'inSource';
}

/** A short description of where a suppression is written, for messages. */
export function describeSource(s: Suppression): string {
  switch (s.source ?? 'comment') {
    case 'comment':
      return 'srlens-ignore comment';
    case 'metadata':
      return 'Metadata srlens.ignore entry';
    case 'config':
      return '.srlens.yaml suppression';
    default:
      return `${s.source} suppression${s.peerId ? ` of ${s.peerId}` : ''}`;
  }
}

const COMMENT = /^[ \t]*(?:#|\/\/)[ \t]*srlens-ignore(?:[ \t]+([^\s]+))?(?:[ \t]+(.*?))?[ \t]*$/;
const OPTION = /^(expires|owner|ticket)=(\S*)(?:[ \t]+|$)/;

/**
 * For each line, the next line from it on that is not blank or a comment (or `lines.length`):
 * computed once from the bottom, so a file of a thousand comment lines stays linear.
 */
export function nextCodeLines(lines: readonly string[]): Int32Array {
  const next = new Int32Array(lines.length + 1);
  next[lines.length] = lines.length;
  for (let i = lines.length - 1; i >= 0; i--) next[i] = /^[ \t]*(#.*|\/\/.*)?\r?$/.test(lines[i]) ? next[i + 1] : i;
  return next;
}

/** Suppression comments in a file, each tied to the next line that is not blank or a comment. */
export function commentSuppressions(file: string, text: string): Suppression[] {
  if (!text.includes('srlens-ignore')) return [];
  const lines = text.split('\n');
  const next = nextCodeLines(lines);
  const found: Suppression[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '');
    const match = COMMENT.exec(line);
    if (!match) continue;
    const target = next[i + 1];
    const start = line.search(/\S/);
    const suppression: Suppression = {
      rule: match.at(1) ?? '',
      reason: '',
      file,
      range: { start: { line: i, character: start }, end: { line: i, character: line.length } },
      targetLine: target < lines.length ? target : undefined,
    };
    // `expires=…`, `owner=…` and `ticket=…` right after the rule id, then the reason.
    let rest = (match.at(2) ?? '').trim();
    for (let option = OPTION.exec(rest); option; option = OPTION.exec(rest)) {
      if (option[1] === 'expires') setExpiry(suppression, option[2]);
      else if (option[2]) suppression[option[1] as 'owner' | 'ticket'] = option[2];
      rest = rest.slice(option[0].length);
    }
    suppression.reason = rest.trim();
    found.push(suppression);
  }
  return found;
}

/** Records an expiry as written: a valid `YYYY-MM-DD` in `expires`, anything else in `invalidExpiry`. */
export function setExpiry(suppression: Suppression, written: string): void {
  if (isIsoDate(written)) suppression.expires = written;
  else suppression.invalidExpiry = written;
}

/** A real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Today as `YYYY-MM-DD`, in UTC. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** CloudFormation `Metadata: { srlens: { ignore: [ { rule, reason, expires, owner, ticket } ] } }` suppressions. */
export function metadataSuppressions(unit: IacUnit): Suppression[] {
  if (unit.kind !== 'cloudformation') return [];
  const found: Suppression[] = [];
  for (const resource of unit.resources) {
    const ignore = getPath(resource.metadata, 'srlens', 'ignore')?.value;
    if (ignore?.kind !== 'list') continue;
    for (const item of ignore.items) {
      if (item.kind !== 'map') continue;
      const suppression: Suppression = {
        rule: text(getPath(item, 'rule')?.value),
        reason: text(getPath(item, 'reason')?.value).trim(),
        file: resource.file,
        range: item.range,
        resourceId: resource.id,
        source: 'metadata',
      };
      const expires = getPath(item, 'expires');
      if (expires) setExpiry(suppression, text(expires.value).trim());
      const owner = text(getPath(item, 'owner')?.value).trim();
      if (owner) suppression.owner = owner;
      const ticket = text(getPath(item, 'ticket')?.value).trim();
      if (ticket) suppression.ticket = ticket;
      found.push(suppression);
    }
  }
  return found;
}

function text(value: Value | undefined): string {
  return value?.kind === 'literal' && value.value !== null ? String(value.value) : '';
}

/** A finding silenced by an accountable suppression, kept so reports (the ISMS risk register) can show what was accepted and why. */
export interface SuppressedFinding {
  finding: Finding;
  suppression: Suppression;
}

export interface SuppressionOptions {
  /** Today, `YYYY-MM-DD` (tests pass a fixed date); default: today in UTC. */
  today?: string;
  /**
   * The resource types each known rule checks (`*` for every type): lets an unused suppression
   * say that its rule does not exist, or does not check the resource it sits on.
   */
  ruleTypes?: ReadonlyMap<string, readonly string[]>;
}

/**
 * Applies suppressions to findings. Returns the findings that remain plus findings about the
 * suppressions themselves (missing reason, invalid or near expiry, unused). When `suppressed` is
 * given, every finding a suppression silenced is pushed onto it with that suppression; the result
 * is the same either way. Linear in findings plus suppressions (suppressions are indexed by file,
 * rule and line or resource), so a file with a thousand of them stays fast.
 */
export function applySuppressions(
  findings: Finding[],
  suppressions: Suppression[],
  resources: Resource[],
  suppressed?: SuppressedFinding[],
  options: SuppressionOptions = {},
): Finding[] {
  if (suppressions.length === 0) return findings;
  const today = options.today ?? todayUtc();
  const byId = new Map(resources.map((r) => [key(r.file, r.id), r]));
  const byFile = new Map<string, Resource[]>();
  for (const r of resources) {
    const list = byFile.get(r.file) ?? [];
    list.push(r);
    byFile.set(r.file, list);
  }

  // Index what may apply: by resource, by anchor line, and the `.srlens.yaml` ones by rule.
  const onResource = new Map<string, Suppression[]>();
  const onLine = new Map<string, Suppression[]>();
  const scoped = new Map<string, Suppression[]>();
  const push = (map: Map<string, Suppression[]>, k: string, s: Suppression) => {
    const list = map.get(k);
    if (list) list.push(s);
    else map.set(k, [s]);
  };
  for (const s of suppressions) {
    if (!s.reason || s.invalidExpiry !== undefined || !s.rule) continue;
    if (s.scope) push(scoped, s.rule, s);
    else if (s.resourceId !== undefined) push(onResource, key(s.file, s.rule, s.resourceId), s);
    else {
      const holder = s.withinLine === undefined ? undefined : resourceAt(byFile.get(s.file), s.withinLine);
      if (holder) push(onResource, key(s.file, s.rule, holder.id), s);
      else if (s.targetLine !== undefined) push(onLine, key(s.file, s.rule, String(s.targetLine)), s);
    }
  }

  const used = new Set<Suppression>();
  const kept: Finding[] = [];
  for (const finding of findings) {
    if (SUPPRESSION_RULE_IDS.includes(finding.ruleId)) {
      kept.push(finding);
      continue;
    }
    const resource = byId.get(key(finding.file, finding.resource));
    const candidates: Suppression[] = [];
    candidates.push(...(onResource.get(key(finding.file, finding.ruleId, finding.resource)) ?? []));
    if (onLine.size > 0) {
      // Findings outside resources (template parameters, for example) are anchored at their own first line.
      const lines = resource ? anchors(resource, finding.range.start) : new Set([finding.range.start.line]);
      for (const line of lines) candidates.push(...(onLine.get(key(finding.file, finding.ruleId, String(line))) ?? []));
    }
    for (const s of scoped.get(finding.ruleId) ?? []) if (inScope(s.scope!, finding)) candidates.push(s);
    // Ours first (they carry owner and expiry), then `.srlens.yaml`, then other tools'.
    if (candidates.length > 1) candidates.sort((a, b) => rank(a) - rank(b));
    const active = candidates.find((s) => !s.expires || s.expires >= today);
    if (active) {
      used.add(active);
      suppressed?.push({ finding, suppression: active });
      continue;
    }
    const expired = candidates.at(0);
    if (expired) {
      used.add(expired);
      kept.push(reportedAgain(finding, expired));
    } else kept.push(finding);
  }

  for (const s of suppressions) {
    if (!s.reason) {
      // Peer suppressions always carry a reason (their own, or a note that they gave none).
      kept.push(
        meta(
          s,
          SUPPRESSION_WITHOUT_REASON_RULE_ID,
          'warning',
          s.rule
            ? `This suppression of '${s.rule}' gives no reason, so it does not apply: write why after the rule id.`
            : 'This suppression names no rule: write `srlens-ignore <rule-id> <reason>`.',
        ),
      );
    } else if (s.invalidExpiry !== undefined) {
      kept.push(
        meta(
          s,
          SUPPRESSION_INVALID_RULE_ID,
          'warning',
          `The expiry date '${s.invalidExpiry}' of this ${describeSource(s)} of '${s.rule}' is not a date written YYYY-MM-DD, so the suppression does not apply: correct the date.`,
        ),
      );
    } else if (!used.has(s) && (s.source === undefined || s.source === 'comment' || s.source === 'metadata')) {
      kept.push(
        meta(
          s,
          UNUSED_SUPPRESSION_RULE_ID,
          'info',
          s.expires && s.expires < today
            ? `This suppression of '${s.rule}' expired on ${s.expires} and matches no finding now: remove it.`
            : unusedMessage(s, byFile, byId, options.ruleTypes),
        ),
      );
    } else if (s.expires && s.expires >= today && daysBetween(today, s.expires) <= EXPIRING_WITHIN_DAYS) {
      // A `.srlens.yaml` or peer suppression is reported only where it is used.
      if (!used.has(s)) continue;
      const days = daysBetween(today, s.expires);
      kept.push(
        meta(
          s,
          SUPPRESSION_EXPIRING_RULE_ID,
          'info',
          `This ${describeSource(s)} of '${s.rule}' expires on ${s.expires} (${days === 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days`})${s.owner ? `; owner: ${s.owner}` : ''}: renew it with a new date and reason, or fix the finding.`,
        ),
      );
    }
  }
  return kept;
}

function rank(s: Suppression): number {
  return s.source === undefined || s.source === 'comment' || s.source === 'metadata'
    ? 0
    : s.source === 'config'
      ? 1
      : 2;
}

function key(...parts: string[]): string {
  return parts.join('\u0000');
}

/** The resource whose text holds `line` (the innermost, when blocks nest). */
function resourceAt(resources: Resource[] | undefined, line: number): Resource | undefined {
  let best: Resource | undefined;
  for (const r of resources ?? []) {
    if (r.range.start.line > line || r.range.end.line < line) continue;
    if (!best || r.range.start.line >= best.range.start.line) best = r;
  }
  return best;
}

/** Whether a `.srlens.yaml` suppression's scope covers a finding. */
function inScope(scope: SuppressionScope, finding: Finding): boolean {
  if (scope.resource !== undefined && scope.resource !== finding.resource) return false;
  if (scope.resourceType !== undefined && scope.resourceType !== finding.resourceType) return false;
  if (scope.service !== undefined) {
    // The catalog's service id (`rds`) or its name (`Amazon RDS`), in any case.
    const wanted = scope.service.toLowerCase();
    const id = finding.resourceType ? classifyType(finding.resourceType).serviceId.toLowerCase() : '';
    if (wanted !== id && wanted !== finding.service.toLowerCase()) return false;
  }
  if (scope.path !== undefined && !matchesPath(scope.path, finding.file, scope.root)) return false;
  return true;
}

/** A glob (`**`, `*`, `?`) over the file's path relative to `root`, with `/` separators. */
export function matchesPath(glob: string, file: string, root?: string): boolean {
  const path = file.replace(/\\/g, '/');
  const base = root?.replace(/\\/g, '/').replace(/\/+$/, '');
  const relative = base && path.startsWith(`${base}/`) ? path.slice(base.length + 1) : path.replace(/^\/+/, '');
  return globRegExp(glob).test(relative);
}

const globs = new Map<string, RegExp>();

function globRegExp(glob: string): RegExp {
  let regExp = globs.get(glob);
  if (regExp) return regExp;
  let source = '';
  const pattern = glob.replace(/\\/g, '/').replace(/^\.\//, '').replace(/^\/+/, '');
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*' && pattern[i + 1] === '*') {
      i++;
      if (pattern[i + 1] === '/') {
        i++;
        source += '(?:[^/]*/)*';
      } else source += '.*';
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else source += c.replace(/[.+^${}()|[\]\\/]/g, (x) => `\\${x}`);
  }
  // A folder matches everything below it, as `exclude` does.
  regExp = new RegExp(`^${source}(?:/.*)?$`);
  if (globs.size > 500) globs.clear();
  globs.set(glob, regExp);
  return regExp;
}

/** The finding an expired suppression no longer silences, saying so. */
function reportedAgain(finding: Finding, s: Suppression): Finding {
  // The headline stays the finding's; the detail opens with the acceptance that expired.
  const expired = `The accepted risk (${describeSource(s)}, line ${s.range.start.line + 1}: "${s.reason}"${s.owner ? `, owner ${s.owner}` : ''}) expired on ${s.expires}, so this finding is reported again: fix it, or renew the acceptance with a new date.`;
  return {
    ...finding,
    detail: finding.detail ? `${expired} ${finding.detail}` : expired,
    expiredSuppression: suppressionInfo(s),
  };
}

export function suppressionInfo(s: Suppression): SuppressionInfo {
  return {
    reason: s.reason,
    ...(s.expires ? { expires: s.expires } : {}),
    source: s.source ?? 'comment',
    kind: suppressionKind(s),
    file: s.file,
    line: s.range.start.line + 1,
    ...(s.owner ? { owner: s.owner } : {}),
    ...(s.ticket ? { ticket: s.ticket } : {}),
    ...(s.peerId ? { peerId: s.peerId } : {}),
  };
}

function unusedMessage(
  s: Suppression,
  byFile: Map<string, Resource[]>,
  byId: Map<string, Resource>,
  ruleTypes: ReadonlyMap<string, readonly string[]> | undefined,
): string {
  if (ruleTypes && !ruleTypes.has(s.rule))
    return `This suppression names '${s.rule}', which is not a srlens rule, so it silences nothing: check the id against docs/rules/.`;
  const types = ruleTypes?.get(s.rule);
  const target =
    s.resourceId !== undefined
      ? byId.get(key(s.file, s.resourceId))
      : s.targetLine !== undefined
        ? resourceAt(byFile.get(s.file), s.targetLine)
        : undefined;
  if (types && target && !types.includes('*') && !types.includes(target.type))
    return `'${s.rule}' does not check ${target.type} resources, so this suppression on '${target.id}' silences nothing: remove it, or name the rule that reports the finding.`;
  return `This suppression of '${s.rule}' matches no finding: remove it, or move it above the resource or property it is meant for.`;
}

/** Lines where a suppression comment may point for a finding: the resource's first line and every enclosing property's key line. */
function anchors(resource: Resource, at: Position): Set<number> {
  const lines = new Set<number>([resource.range.start.line, resource.idRange.start.line]);
  collect(resource.properties, at, lines, 0);
  return lines;
}

function collect(map: MapValue, at: Position, lines: Set<number>, depth: number): void {
  if (depth > 64) return;
  for (const p of map.properties) {
    if (!containsPosition(p.range, at) && !containsPosition(p.keyRange, at)) continue;
    lines.add(p.keyRange.start.line);
    visit(p.value, at, lines, depth + 1);
  }
}

function visit(value: Value, at: Position, lines: Set<number>, depth: number): void {
  if (value.kind === 'map') collect(value, at, lines, depth);
  else if (value.kind === 'list') {
    for (const item of value.items) {
      if (!containsPosition(item.range, at)) continue;
      lines.add(item.range.start.line);
      visit(item, at, lines, depth + 1);
    }
  }
}

function meta(s: Suppression, ruleId: string, severity: Finding['severity'], message: string): Finding {
  return asHeadline({
    ruleId,
    severity,
    concern: 'configuration',
    owner: 'customer',
    tier: 'unclassified',
    service: '',
    resource: s.resourceId ?? '',
    resourceType: '',
    file: s.file,
    range: s.range,
    message,
    fixable: false,
  });
}
