import type { Finding } from '../../engine/finding';
import type { Severity } from '../../iac/model';

export interface Style {
  bold(text: string): string;
  dim(text: string): string;
  severity(severity: Severity, text: string): string;
}

export const PLAIN: Style = { bold: (t) => t, dim: (t) => t, severity: (_s, t) => t };

export const ANSI: Style = {
  bold: (t) => `\u001b[1m${t}\u001b[22m`,
  dim: (t) => `\u001b[2m${t}\u001b[22m`,
  severity: (s, t) => `\u001b[${s === 'error' ? 31 : s === 'warning' ? 33 : 36}m${t}\u001b[39m`,
};

/**
 * Findings grouped by file, one line each: `line:col  severity  Owner · Concern: headline  rule`;
 * with `verbose`, the finding's detail follows on the next line, indented.
 */
export function formatFindingsText(files: number, findings: Finding[], style: Style, verbose = false): string {
  const lines: string[] = [];
  let currentFile: string | undefined;
  for (const finding of findings) {
    if (finding.file !== currentFile) {
      if (currentFile !== undefined) lines.push('');
      currentFile = finding.file;
      lines.push(style.bold(printable(finding.file)));
    }
    const where = `${finding.range.start.line + 1}:${finding.range.start.character + 1}`;
    lines.push(
      `  ${where.padEnd(8)} ${style.severity(finding.severity, finding.severity.padEnd(7))}  ${printable(finding.message)}  ${style.dim(finding.ruleId)}`,
    );
    if (verbose && finding.detail) lines.push(`${' '.repeat(20)}${style.dim(printable(finding.detail))}`);
  }
  if (findings.length > 0) lines.push('');
  lines.push(summary(files, findings));
  return lines.join('\n');
}

function summary(files: number, findings: Finding[]): string {
  const count = (severity: Severity) => findings.filter((f) => f.severity === severity).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const head = `${plural(findings.length, 'finding')} in ${plural(files, 'file')}`;
  return findings.length === 0
    ? head
    : `${head} (${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${count('info')} info)`;
}

/**
 * Template text (logical ids, values quoted in messages) and file names may hold control or
 * bidirectional-override characters; each is shown as U+FFFD, so nothing from a template can
 * move the cursor, clear the screen, open a hyperlink or reorder the line in a terminal.
 */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '\ufffd');
}
