/**
 * What every editor front end asks of an analysis for one file: its findings and resources, the
 * findings at or above the minimum severity, the text a diagnostic shows, and whether a file is
 * too large to analyse. No editor API: the VS Code extension (src/vscode/) and the language server
 * (src/lsp/) both use it, so they cannot disagree.
 */
import type { Analysis } from '../engine/analyzer';
import { severityAtLeast, type Finding } from '../engine/finding';
import type { IacUnit, Resource, Severity } from '../iac/model';

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

/**
 * A diagnostic's message: the finding's headline (`You · Network access: …`), which names the owner
 * and the concern itself; the detail and the controls are in the diagnostic's hover.
 */
export function diagnosticMessage(finding: Finding): string {
  return finding.message;
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
