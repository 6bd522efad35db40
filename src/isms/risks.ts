/**
 * The risk register, seeded from findings on the customer's side of the model (owner `customer`
 * or `shared`): one risk per rule and asset, scored likelihood × impact (1–5 each). Findings a
 * suppression silences become accepted risks, linked to the suppression and its reason.
 */
import type { Finding, SuppressionInfo } from '../engine/finding';
import { suppressionInfo, type SuppressedFinding } from '../engine/suppressions';
import type { Severity } from '../iac/model';
import { RULES } from '../rules';
import { assetId } from './assets';
import type { Risk, SuppressionLink } from './model';

/** Findings about files, configuration, suppressions and the tool itself: not risks to an asset. */
const NOT_RISKS = new Set([
  'parse-error',
  'rule-error',
  'config-error',
  'unused-suppression',
  'suppression-without-reason',
  'suppression-expiring',
  'suppression-invalid',
  'file-too-large',
]);

const DEFAULT_SCORE: Record<Severity, { likelihood: number; impact: number }> = {
  error: { likelihood: 4, impact: 4 },
  warning: { likelihood: 3, impact: 3 },
  info: { likelihood: 2, impact: 2 },
};

export function defaultScore(severity: Severity): { likelihood: number; impact: number } {
  return { ...DEFAULT_SCORE[severity] };
}

export function riskScore(risk: Pick<Risk, 'likelihood' | 'impact'>): number {
  return clampLevel(risk.likelihood) * clampLevel(risk.impact);
}

export type RiskLevel = 'low' | 'medium' | 'high' | 'critical';

/** 1–4 low, 5–9 medium, 10–16 high, 20–25 critical. */
export function riskLevel(score: number): RiskLevel {
  return score >= 20 ? 'critical' : score >= 10 ? 'high' : score >= 5 ? 'medium' : 'low';
}

/** A level is a whole number from 1 to 5; anything else is brought into range. */
export function clampLevel(value: unknown): number {
  const n = typeof value === 'number' && Number.isFinite(value) ? Math.round(value) : 3;
  return Math.min(5, Math.max(1, n));
}

export function riskId(ruleId: string, asset: string): string {
  return `${ruleId} ${asset}`;
}

const RULE_TITLES = new Map(RULES.map((r) => [r.id, r.title]));
const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export interface RiskOptions {
  displayPath?: (file: string) => string;
  /** Date the risks are identified on, `YYYY-MM-DD`. */
  today: string;
  /**
   * The asset a resource's findings belong to, keyed `<file>\u0000<resource id>` (`assetOwners`):
   * a finding on a bucket's configuration resource is a risk to the bucket.
   */
  assetOwners?: ReadonlyMap<string, string>;
}

/** Risks from the open and the suppressed findings of one scan, sorted by score, then id. */
export function risksFromFindings(
  findings: readonly Finding[],
  suppressed: readonly SuppressedFinding[],
  options: RiskOptions,
): Risk[] {
  const display = options.displayPath ?? ((f: string) => f);
  const risks = new Map<string, Risk>();
  const add = (finding: Finding, suppression?: SuppressionLink): void => {
    if (NOT_RISKS.has(finding.ruleId) || finding.owner === 'aws') return;
    const file = display(finding.file);
    const owner = options.assetOwners?.get(`${finding.file}\u0000${finding.resource}`);
    const asset = assetId(file, owner ?? finding.resource);
    const id = riskId(finding.ruleId, asset);
    const line = finding.range.start.line + 1;
    const existing = risks.get(id);
    if (existing) {
      if (!existing.lines.includes(line)) existing.lines.push(line);
      if (SEVERITY_RANK[finding.severity] < SEVERITY_RANK[existing.severity]) {
        existing.severity = finding.severity;
        Object.assign(existing, defaultScore(finding.severity));
      }
      // One open finding is enough for the risk to be open rather than accepted.
      if (!suppression) existing.suppression = undefined;
      if (!suppression && existing.treatment === 'accept') existing.treatment = 'fix';
      if (!suppression && finding.expiredSuppression && !existing.expiredAcceptance)
        existing.expiredAcceptance = link(finding.expiredSuppression, display);
      return;
    }
    risks.set(id, {
      id,
      ruleId: finding.ruleId,
      asset,
      concern: finding.concern,
      owner: finding.owner === 'shared' ? 'shared' : 'customer',
      severity: finding.severity,
      title: RULE_TITLES.get(finding.ruleId) ?? finding.ruleId,
      file,
      lines: [line],
      ...defaultScore(finding.severity),
      treatment: suppression ? 'accept' : 'fix',
      status: 'open',
      suppression,
      ...(!suppression && finding.expiredSuppression
        ? { expiredAcceptance: link(finding.expiredSuppression, display) }
        : {}),
      // The owner a suppression names is the risk's owner until someone types another.
      ...(suppression?.owner ? { riskOwner: suppression.owner } : {}),
      identified: options.today,
    });
  };
  for (const finding of findings) add(finding);
  for (const { finding, suppression } of suppressed) add(finding, link(suppressionInfo(suppression), display));
  const list = [...risks.values()];
  for (const risk of list) {
    risk.lines.sort((a, b) => a - b);
    if (risk.suppression === undefined) delete risk.suppression;
  }
  return list.sort(compareRisks);
}

/** The register's record of a suppression: reason and place, and expiry, owner, ticket and source when known. */
function link(info: SuppressionInfo, display: (file: string) => string): SuppressionLink {
  return {
    reason: info.reason,
    file: display(info.file),
    line: info.line,
    ...(info.expires ? { expires: info.expires } : {}),
    ...(info.owner ? { owner: info.owner } : {}),
    ...(info.ticket ? { ticket: info.ticket } : {}),
    ...(info.source !== 'comment' ? { source: info.peerId ? `${info.source} ${info.peerId}` : info.source } : {}),
  };
}

export function compareRisks(a: Risk, b: Risk): number {
  return riskScore(b) - riskScore(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
