/**
 * What every editor front end asks of an analysis for one file: its findings and resources, the
 * findings at or above the minimum severity, the text a diagnostic shows, and whether a file is
 * too large to analyse. No editor API: the VS Code extension (src/vscode/) and the language server
 * (src/lsp/) both use it, so they cannot disagree.
 */
import type { Analysis } from '../engine/analyzer';
import { SECURITY_HUB, findingControls } from '../engine/controls';
import { severityAtLeast, type Finding } from '../engine/finding';
import type { IacUnit, Resource, Severity } from '../iac/model';

const OWNER_LABEL = { customer: 'You own this', shared: 'Shared with AWS', aws: 'AWS owns this' } as const;

/** The findings of one file of an analysis. */
export function findingsInFile(analysis: Analysis, file: string): Finding[] {
  return analysis.findings.filter((f) => f.file === file);
}

/** The resources of one file of an analysis, with the unit each belongs to. */
export function resourcesInFile(analysis: Analysis, file: string): { resource: Resource; unit: IacUnit }[] {
  return analysis.units.flatMap((unit) =>
    unit.resources.filter((r) => r.file === file).map((resource) => ({ resource, unit })),
  );
}

/** Findings at or above the minimum severity in force. */
export function visibleFindings(findings: readonly Finding[], minimum: Severity): Finding[] {
  return findings.filter((f) => severityAtLeast(f.severity, minimum));
}

/** A diagnostic's message: the finding's text and, for a rule finding, who owns the concern. */
export function diagnosticMessage(finding: Finding): string {
  if (finding.ruleId === 'parse-error') return finding.message;
  // After the owner and concern, the AWS Security Hub controls the rule checks (`S3.5`), which auditors name.
  const securityHub = findingControls(finding)
    .filter((c) => c.framework === SECURITY_HUB)
    .map((c) => c.id);
  return `${finding.message} (${OWNER_LABEL[finding.owner]}: ${finding.concern}${securityHub.length > 0 ? `; AWS Security Hub ${securityHub.join(', ')}` : ''})`;
}

/** Files a Terraform module may read besides its own folder's `.tf` files. */
export function isTerraformDependency(path: string): boolean {
  const lower = path.toLowerCase();
  return lower.endsWith('.tf') || lower.endsWith('.tfvars') || lower.endsWith('.tfvars.json');
}

/** The message for a file over `srlens.maxFileSize` bytes (UTF-8), else undefined. Cheap for ordinary files. */
export function tooLargeMessage(text: string, maxFileSize: number, byteLength?: number): string | undefined {
  // UTF-8 needs at least one byte per UTF-16 code unit and at most three.
  let bytes = byteLength;
  if (bytes === undefined) {
    if (text.length * 3 <= maxFileSize) return undefined;
    bytes = text.length > maxFileSize ? text.length : new TextEncoder().encode(text).length;
  }
  if (bytes <= maxFileSize) return undefined;
  return `Skipped: ${formatBytes(bytes)} is over the ${formatBytes(maxFileSize)} limit for one file (setting srlens.maxFileSize).`;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}
