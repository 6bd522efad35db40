/**
 * The engine's findings and edits as Language Server Protocol values. The wording comes from the
 * shared feature layer (features/document.ts), as in the VS Code extension.
 */
import {
  DiagnosticSeverity,
  type Diagnostic,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { ruleDocsUrl } from '../engine/docs';
import type { Finding } from '../engine/finding';
import type { TextEdit } from '../fixes/types';
import type { Range } from '../iac/model';
import { diagnosticMessage } from '../features/document';

const SEVERITY = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
} as const;

export const SOURCE = 'srlens';

export function toLspRange(range: Range): Range {
  return {
    start: { line: range.start.line, character: range.start.character },
    end: { line: range.end.line, character: range.end.character },
  };
}

export function toLspDiagnostic(finding: Finding, uriOf: (file: string) => string): Diagnostic {
  const diagnostic: Diagnostic = {
    range: toLspRange(finding.range),
    message: diagnosticMessage(finding),
    severity: SEVERITY[finding.severity],
    source: SOURCE,
    code: finding.ruleId,
    codeDescription: { href: ruleDocsUrl(finding.ruleId) },
  };
  // Where the value came from (a Terraform local, var file line or the caller's module argument).
  if (finding.related?.length)
    diagnostic.relatedInformation = finding.related.map((related) => ({
      location: { uri: uriOf(related.file), range: toLspRange(related.range) },
      message: related.message,
    }));
  return diagnostic;
}

/**
 * Edits as a workspace edit: `documentChanges` naming the version they were computed for when the
 * client supports it (it then refuses them on a changed document), else plain `changes`.
 */
export function toWorkspaceEdit(
  edits: readonly TextEdit[],
  uriOf: (file: string) => string,
  versionOf: (uri: string) => number | null,
  documentChanges: boolean,
): WorkspaceEdit {
  const byUri = new Map<string, LspTextEdit[]>();
  for (const e of edits) {
    const uri = uriOf(e.file);
    const list = byUri.get(uri) ?? [];
    list.push({ range: toLspRange(e.range), newText: e.newText });
    byUri.set(uri, list);
  }
  if (documentChanges)
    return {
      documentChanges: [...byUri].map(([uri, list]) => ({
        textDocument: { uri, version: versionOf(uri) },
        edits: list,
      })),
    };
  return { changes: Object.fromEntries(byUri) };
}
