/**
 * Accountable suppressions. A comment `# srlens-ignore <rule-id> <reason>` (YAML and HCL; `//`
 * works in HCL too) on the line above a resource or a property silences that rule there; in
 * CloudFormation, resource Metadata `srlens: { ignore: [ { rule, reason } ] }` does the same and is
 * the only way in JSON. A suppression without a reason does not apply and is reported; one that
 * matches nothing is reported as unused.
 */
import type { IacUnit, MapValue, Position, Range, Resource, Value } from '../iac/model';
import { containsPosition, getPath } from '../iac/model';
import { asHeadline, type Finding } from './finding';

export const UNUSED_SUPPRESSION_RULE_ID = 'unused-suppression';
export const SUPPRESSION_WITHOUT_REASON_RULE_ID = 'suppression-without-reason';

export interface Suppression {
  rule: string;
  reason: string;
  file: string;
  /** Where the suppression is written (the comment, or the Metadata entry). */
  range: Range;
  /** Comment suppressions: the line of the resource or property they sit above. Metadata: the resource. */
  targetLine?: number;
  resourceId?: string;
}

const COMMENT = /^[ \t]*(?:#|\/\/)[ \t]*srlens-ignore(?:[ \t]+([^\s]+))?(?:[ \t]+(.*?))?[ \t]*$/;

/** Suppression comments in a file, each tied to the next line that is not blank or a comment. */
export function commentSuppressions(file: string, text: string): Suppression[] {
  if (!text.includes('srlens-ignore')) return [];
  const lines = text.split('\n');
  const found: Suppression[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '');
    const match = COMMENT.exec(line);
    if (!match) continue;
    let target = i + 1;
    while (target < lines.length && /^[ \t]*(#.*|\/\/.*)?\r?$/.test(lines[target])) target++;
    const start = line.search(/\S/);
    found.push({
      rule: match.at(1) ?? '',
      reason: (match.at(2) ?? '').trim(),
      file,
      range: { start: { line: i, character: start }, end: { line: i, character: line.length } },
      targetLine: target < lines.length ? target : undefined,
    });
  }
  return found;
}

/** CloudFormation `Metadata: { srlens: { ignore: [ { rule, reason } ] } }` suppressions. */
export function metadataSuppressions(unit: IacUnit): Suppression[] {
  if (unit.kind !== 'cloudformation') return [];
  const found: Suppression[] = [];
  for (const resource of unit.resources) {
    const ignore = getPath(resource.metadata, 'srlens', 'ignore')?.value;
    if (ignore?.kind !== 'list') continue;
    for (const item of ignore.items) {
      if (item.kind !== 'map') continue;
      found.push({
        rule: text(getPath(item, 'rule')?.value),
        reason: text(getPath(item, 'reason')?.value).trim(),
        file: resource.file,
        range: item.range,
        resourceId: resource.id,
      });
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

/**
 * Applies suppressions to findings. Returns the findings that remain plus findings about the
 * suppressions themselves (missing reason, unused). When `suppressed` is given, every finding a
 * suppression silenced is pushed onto it with that suppression; the result is the same either way.
 */
export function applySuppressions(
  findings: Finding[],
  suppressions: Suppression[],
  resources: Resource[],
  suppressed?: SuppressedFinding[],
): Finding[] {
  if (suppressions.length === 0) return findings;
  const byId = new Map(resources.map((r) => [`${r.file}\u0000${r.id}`, r]));
  const used = new Set<Suppression>();
  const kept = findings.filter((finding) => {
    const resource = byId.get(`${finding.file}\u0000${finding.resource}`);
    for (const s of suppressions) {
      if (s.rule !== finding.ruleId || !s.reason || s.file !== finding.file) continue;
      // Findings outside resources (template parameters, for example) are anchored at their own first line.
      const lines = resource ? anchors(resource, finding.range.start) : new Set([finding.range.start.line]);
      if (
        s.resourceId !== undefined
          ? s.resourceId === finding.resource
          : s.targetLine !== undefined && lines.has(s.targetLine)
      ) {
        used.add(s);
        suppressed?.push({ finding, suppression: s });
        return false;
      }
    }
    return true;
  });
  for (const s of suppressions) {
    if (!s.reason) {
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
    } else if (!used.has(s)) {
      kept.push(
        meta(
          s,
          UNUSED_SUPPRESSION_RULE_ID,
          'info',
          `This suppression of '${s.rule}' matches no finding: remove it, or move it above the resource or property it is meant for.`,
        ),
      );
    }
  }
  return kept;
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
