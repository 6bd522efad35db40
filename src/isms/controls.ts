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

export interface AnnexAControl {
  id: string;
  title: string;
  concerns: ConcernId[];
}

export const ANNEX_A_CONTROLS: readonly AnnexAControl[] = [
  { id: '5.9', title: 'Inventory of information and other associated assets', concerns: ['tagging'] },
  { id: '5.12', title: 'Classification of information', concerns: ['tagging'] },
  { id: '5.15', title: 'Access control', concerns: ['identity-access', 'network-access'] },
  { id: '5.17', title: 'Authentication information', concerns: ['credentials'] },
  { id: '5.18', title: 'Access rights', concerns: ['identity-access'] },
  { id: '5.23', title: 'Information security for use of cloud services', concerns: ['configuration'] },
  { id: '5.30', title: 'ICT readiness for business continuity', concerns: ['backup-dr', 'region-placement'] },
  { id: '7.1', title: 'Physical security perimeters', concerns: ['facilities'] },
  { id: '7.2', title: 'Physical entry', concerns: ['facilities'] },
  { id: '7.8', title: 'Equipment siting and protection', concerns: ['physical-hardware'] },
  { id: '7.11', title: 'Supporting utilities', concerns: ['facilities'] },
  { id: '7.12', title: 'Cabling security', concerns: ['network-infrastructure'] },
  { id: '7.13', title: 'Equipment maintenance', concerns: ['physical-hardware'] },
  { id: '7.14', title: 'Secure disposal or re-use of equipment', concerns: ['physical-hardware'] },
  { id: '8.2', title: 'Privileged access rights', concerns: ['identity-access'] },
  { id: '8.3', title: 'Information access restriction', concerns: ['identity-access'] },
  { id: '8.5', title: 'Secure authentication', concerns: ['credentials', 'identity-access'] },
  { id: '8.7', title: 'Protection against malware', concerns: ['machine-image', 'operating-system'] },
  {
    id: '8.8',
    title: 'Management of technical vulnerabilities',
    concerns: ['machine-image', 'operating-system', 'applications'],
  },
  { id: '8.9', title: 'Configuration management', concerns: ['configuration'] },
  { id: '8.13', title: 'Information backup', concerns: ['backup-dr'] },
  { id: '8.14', title: 'Redundancy of information processing facilities', concerns: ['region-placement'] },
  { id: '8.15', title: 'Logging', concerns: ['logging-monitoring'] },
  { id: '8.16', title: 'Monitoring activities', concerns: ['logging-monitoring'] },
  { id: '8.20', title: 'Networks security', concerns: ['network-access'] },
  { id: '8.21', title: 'Security of network services', concerns: ['network-infrastructure', 'data-in-transit'] },
  { id: '8.22', title: 'Segregation of networks', concerns: ['network-access', 'virtualization'] },
  { id: '8.24', title: 'Use of cryptography', concerns: ['data-at-rest', 'data-in-transit'] },
];

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
  /** What the account's last check settles, by concern (`.srlens/account.yaml`): cited with its date. */
  accountEvidence?: readonly { concern: ConcernId; evidence: Evidence }[];
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
    // The account's own settings come first: one line each settles the concern for the whole account.
    if (!inheritedFromAws)
      evidence.unshift(...(input.accountEvidence ?? []).filter((a) => concerns.has(a.concern)).map((a) => a.evidence));
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
