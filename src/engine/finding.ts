import type { ConcernId } from '../knowledge/concerns';
import type { Owner } from '../knowledge/ownership';
import type { ParseDiagnostic, Range, ResourceTier, Severity } from '../iac/model';
import { compareRanges } from '../iac/model';
import type { PeerTool } from './peer-rule-ids';

/**
 * One finding, as every front end shows it. The field names are a public contract
 * (`srlens scan --format json`, SARIF properties, the editor): add fields, never rename or drop.
 */
export interface Finding {
  ruleId: string;
  severity: Severity;
  concern: ConcernId;
  owner: Owner;
  tier: ResourceTier;
  service: string;
  /** CloudFormation logical id or Terraform address; empty for file-level findings. */
  resource: string;
  resourceType: string;
  file: string;
  range: Range;
  message: string;
  fixable: boolean;
  /**
   * Where the value the finding is about came from, when that is elsewhere (Terraform: the
   * `locals` entry, the var file's line, the caller's module argument); absent when there is none.
   */
  related?: RelatedLocation[];
  /**
   * Set when a suppression covered this finding but expired: the finding is reported again, and
   * this says which acceptance lapsed.
   */
  expiredSuppression?: SuppressionInfo;
  /** Only on suppressed findings a front end chose to show (`srlens scan --include-suppressed`): what silenced it. */
  suppressed?: SuppressionInfo;
}
/**
 * Where a suppression is written: our comment, our Metadata entry, `.srlens.yaml`, or another
 * tool's own form.
 */
export type SuppressionSource = 'comment' | 'metadata' | 'config' | PeerTool;

/** What the outputs say about a suppression (JSON `suppressed`, SARIF `suppressions`, the ISMS register). */
export interface SuppressionInfo {
  reason: string;
  /** `YYYY-MM-DD`, when it expires. */
  expires?: string;
  source: SuppressionSource;
  kind: 'inSource' | 'external';
  file: string;
  /** 1-based line of the comment, Metadata entry or `.srlens.yaml` item. */
  line: number;
  owner?: string;
  ticket?: string;
  /** A peer tool's suppression: the id it names. */
  peerId?: string;
}

/** A place that explains a finding: `{ file, range, message: "value from terraform.tfvars" }`. */
export interface RelatedLocation {
  file: string;
  range: Range;
  message: string;
}

export const PARSE_ERROR_RULE_ID = 'parse-error';

/** Syntax problems are the author's to fix: they stop CloudFormation or Terraform from deploying anything. */
export function parseErrorFinding(diagnostic: ParseDiagnostic): Finding {
  return {
    ruleId: PARSE_ERROR_RULE_ID,
    severity: diagnostic.severity,
    concern: 'configuration',
    owner: 'customer',
    tier: 'unclassified',
    service: '',
    resource: '',
    resourceType: '',
    file: diagnostic.file,
    range: diagnostic.range,
    message: diagnostic.message,
    fixable: false,
  };
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** At or above: `atLeast('warning', 'error')` is true. */
export function severityAtLeast(severity: Severity, threshold: Severity): boolean {
  return SEVERITY_RANK[severity] <= SEVERITY_RANK[threshold];
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.file < b.file
    ? -1
    : a.file > b.file
      ? 1
      : compareRanges(a.range, b.range) || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}
