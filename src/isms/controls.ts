/**
 * The statement of applicability: a subset of the ISO/IEC 27001:2022 Annex A controls that
 * matter for cloud infrastructure (ids and short titles only), each mapped to the concern ids of
 * the shared responsibility model. For the resources in scope, a control whose concerns AWS owns
 * everywhere is inherited from AWS; a control a template settles cites the file and line.
 */
import type { Finding } from '../engine/finding';
import { ownerOf } from '../engine/responsibility';
import type { IacUnit, MapValue, Resource } from '../iac/model';
import type { ConcernId } from '../knowledge/concerns';
import { CONCERN_EVIDENCE_KEYS } from '../knowledge/property-concerns';
import { ownershipFor } from '../knowledge/ownership';
import { RULES } from '../rules';
import { ALL_TYPES, type Rule } from '../rules/rule';
import type { ControlState, Evidence, Implementation, Risk } from './model';
import { ANNEX_A_CONTROLS, type AnnexAControl } from '../knowledge/annex-a';

export { ANNEX_A_CONTROLS, type AnnexAControl };

export interface SoaInput {
  units: readonly IacUnit[];
  /** Open findings of the scan (suppressed ones are not evidence). */
  findings: readonly Finding[];
  /** Suppressed findings: a suppressed check is not evidence either. */
  suppressedFindings?: readonly Finding[];
  risks: readonly Risk[];
  displayPath?: (file: string) => string;
  /** Evidence entries kept per control (the rest are counted, not listed). */
  maxEvidence?: number;
}

/** The derived part of every control: inherited or not, evidence, open risks and a suggested status. */
export function controlsFromScan(input: SoaInput): ControlState[] {
  const display = input.displayPath ?? ((f: string) => f);
  const resources = input.units.flatMap((u) => u.resources);
  const flagged = new Set(
    [...input.findings, ...(input.suppressedFindings ?? [])].map(
      (f) => `${f.ruleId}\u0000${f.file}\u0000${f.resource}`,
    ),
  );
  const rulesByType = new Map<string, Rule[]>();
  const everyType: Rule[] = [];
  for (const rule of RULES) {
    for (const type of rule.appliesTo) {
      if (type === ALL_TYPES) everyType.push(rule);
      else rulesByType.set(type, [...(rulesByType.get(type) ?? []), rule]);
    }
  }
  const max = input.maxEvidence ?? 20;

  return ANNEX_A_CONTROLS.map((control): ControlState => {
    const concerns = new Set<ConcernId>(control.concerns);
    const inheritedFromAws = isInherited(control.concerns, resources);
    const evidence: Evidence[] = [];
    if (!inheritedFromAws) {
      for (const resource of resources) {
        for (const rule of [...(rulesByType.get(resource.type) ?? []), ...everyType]) {
          if (!concerns.has(rule.concern)) continue;
          if (flagged.has(`${rule.id}\u0000${resource.file}\u0000${resource.id}`)) continue;
          const property = settlingProperty(resource.properties, CONCERN_EVIDENCE_KEYS[rule.concern], 0);
          // A rule for every type (tags, secrets anywhere) is evidence only where the resource sets something it looks at.
          if (!property && everyType.includes(rule)) continue;
          evidence.push({
            file: display(resource.file),
            line: (property?.line ?? resource.range.start.line) + 1,
            resource: resource.id,
            ruleId: rule.id,
            ...(property ? { property: property.key } : {}),
          });
        }
      }
    }
    evidence.sort((a, b) =>
      a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (a.ruleId < b.ruleId ? -1 : 1),
    );
    const openRisks = input.risks.filter(
      (r) => r.status === 'open' && r.treatment !== 'accept' && concerns.has(r.concern as ConcernId),
    ).length;
    const suggested: Implementation | 'unknown' = inheritedFromAws
      ? 'inherited'
      : openRisks > 0
        ? evidence.length > 0
          ? 'partial'
          : 'no'
        : evidence.length > 0
          ? 'yes'
          : 'unknown';
    return {
      id: control.id,
      title: control.title,
      concerns: [...control.concerns],
      inheritedFromAws,
      suggested,
      evidence: evidence.slice(0, max),
      openRisks,
      applicable: true,
    };
  });
}

/**
 * Inherited when AWS owns every mapped concern for every resource in scope (the engine's
 * responsibility model, as the hover and the matrix show it); with no resources, when AWS owns the
 * concerns in every tier (facilities, hardware and the like).
 */
function isInherited(concerns: readonly ConcernId[], resources: readonly Resource[]): boolean {
  if (resources.length === 0) {
    return concerns.every((c) =>
      (['infrastructure', 'container', 'abstracted'] as const).every((tier) => ownershipFor(tier, c).owner === 'aws'),
    );
  }
  return concerns.every((c) => resources.every((r) => ownerOf(r, c) === 'aws'));
}

function settlingProperty(
  map: MapValue,
  pattern: RegExp | undefined,
  depth: number,
): { key: string; line: number } | undefined {
  if (!pattern || depth > 3) return undefined;
  for (const p of map.properties) if (pattern.test(p.key)) return { key: p.key, line: p.keyRange.start.line };
  for (const p of map.properties) {
    if (p.value.kind === 'map') {
      const found = settlingProperty(p.value, pattern, depth + 1);
      if (found) return { key: `${p.key}.${found.key}`, line: found.line };
    }
  }
  return undefined;
}
