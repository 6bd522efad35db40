/**
 * Which code actions a file's diagnostics get: each finding's quick fix (one alone is preferred),
 * "Suppress <rule> for <resource>…" once per rule and resource, and "Explain who owns what for
 * <type>" for the types of the findings and the resource type token at the cursor. No editor API:
 * the VS Code code action provider and the language server both call `planCodeActions` and only
 * turn its answer into their own types.
 */
import type { Analysis } from '../engine/analyzer';
import type { Finding } from '../engine/finding';
import { PARSE_ERROR_RULE_ID } from '../engine/finding';
import { SUPPRESSION_RULE_IDS } from '../engine/suppressions';
import type { Fix } from '../fixes/types';
import type { Position, Range } from '../iac/model';
import { containsPosition } from '../iac/model';
import { findingsInFile, resourcesInFile } from './document';

const NOT_SUPPRESSIBLE = new Set([PARSE_ERROR_RULE_ID, ...SUPPRESSION_RULE_IDS]);

/** A diagnostic as the editor gives it back: its rule id (code) and range. */
export interface DiagnosticRef {
  ruleId: string | undefined;
  range: Range;
}

export interface PlannedFix {
  /** Index of the diagnostic it fixes. */
  diagnostic: number;
  finding: Finding;
  fix: Fix;
  /** The only fix offered for its diagnostic. */
  preferred: boolean;
}

export interface PlannedSuppression {
  diagnostic: number;
  finding: Finding;
  title: string;
}

export interface CodeActionPlan {
  fixes: PlannedFix[];
  suppressions: PlannedSuppression[];
  /** Resource types to offer "Explain who owns what for <type>" for. */
  explainTypes: string[];
}

export function planCodeActions(
  analyzer: { fixFor(finding: Finding): Fix | undefined },
  analysis: Analysis,
  file: string,
  diagnostics: readonly DiagnosticRef[],
  cursor: Position,
): CodeActionPlan {
  const findings = findingsInFile(analysis, file);
  const resources = resourcesInFile(analysis, file);
  const resourceIds = new Set(resources.map((r) => r.resource.id));
  const fixes: PlannedFix[] = [];
  const suppressions: PlannedSuppression[] = [];
  const suppressed = new Set<string>();
  const types = new Set<string>();
  diagnostics.forEach((diagnostic, index) => {
    const matching = findings.filter((f) => f.ruleId === diagnostic.ruleId && sameRange(f.range, diagnostic.range));
    const offered: PlannedFix[] = [];
    for (const finding of matching) {
      if (finding.resourceType) types.add(finding.resourceType);
      const fix = finding.fixable ? analyzer.fixFor(finding) : undefined;
      if (fix) offered.push({ diagnostic: index, finding, fix, preferred: false });
      const key = `${finding.ruleId}\u0000${finding.resource}`;
      if (!NOT_SUPPRESSIBLE.has(finding.ruleId) && resourceIds.has(finding.resource) && !suppressed.has(key)) {
        suppressed.add(key);
        suppressions.push({ diagnostic: index, finding, title: `Suppress ${finding.ruleId} for ${finding.resource}…` });
      }
    }
    if (offered.length === 1) offered[0].preferred = true;
    fixes.push(...offered);
  });
  // The type token of the resource under the cursor, with or without a diagnostic.
  for (const { resource } of resources) {
    if (containsPosition(resource.typeRange, cursor)) types.add(resource.type);
  }
  return { fixes, suppressions, explainTypes: [...types] };
}

/** The title of the fix-all code action (`source.fixAll.srlens`). */
export const FIX_ALL_TITLE = 'Fix all auto-fixable Shared Responsibility problems';

export function explainTitle(type: string): string {
  return `Explain who owns what for ${type}`;
}

/** The finding an applied fix was offered for, found again in a fresh analysis. */
export function findingAt(
  analysis: Analysis,
  file: string,
  ruleId: string,
  range: Range | undefined,
): Finding | undefined {
  return findingsInFile(analysis, file).find((f) => f.ruleId === ruleId && !!range && sameRange(f.range, range));
}

export function sameRange(a: Range, b: Range): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}
