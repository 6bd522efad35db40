/**
 * Diagnostics for open CloudFormation and Terraform documents, recomputed (debounced) as the user
 * types. A Terraform edit re-analyses its whole directory (the module), including unsaved editors.
 * Results computed for an older document version are dropped.
 */
import * as vscode from 'vscode';
import { ruleDocsUrl } from '../engine/docs';
import type { Finding } from '../engine/finding';
import { sourceKindOf } from '../iac/detect';
import type { DocumentAnalyses } from './analysis';

const OWNER_LABEL = { customer: 'You own this', shared: 'Shared with AWS', aws: 'AWS owns this' } as const;
const DEBOUNCE_MS = 300;

export class DiagnosticsController implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('srlens');
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly analyses: DocumentAnalyses) {}

  /** Recomputes every open document (after a configuration change). */
  refreshAll(): void {
    for (const doc of vscode.workspace.textDocuments) this.schedule(doc, 0);
  }

  start(): void {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((doc) => this.schedule(doc, 0)),
      vscode.workspace.onDidChangeTextDocument((event) => this.schedule(event.document, DEBOUNCE_MS)),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        if (sourceKindOf(doc.uri.path) === 'cloudformation') this.collection.delete(doc.uri);
      }),
    );
    for (const doc of vscode.workspace.textDocuments) this.schedule(doc, 0);
  }

  private schedule(doc: vscode.TextDocument, delay: number): void {
    if (doc.uri.scheme !== 'file' || !sourceKindOf(doc.uri.path)) return;
    if (!vscode.workspace.getConfiguration('srlens').get<boolean>('enable', true)) return;
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.update(doc);
      }, delay),
    );
  }

  private async update(doc: vscode.TextDocument): Promise<void> {
    const result = await this.analyses.analyze(doc);
    // Results computed for an older version of the document are dropped.
    if (!result || doc.isClosed || doc.version !== result.version) return;
    for (const file of result.files) {
      this.collection.set(vscode.Uri.file(file), result.analysis.findings.filter((f) => f.file === file).map(toDiagnostic));
    }
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.collection.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

const SEVERITY = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
} as const;

export function toDiagnostic(finding: Finding): vscode.Diagnostic {
  const range = new vscode.Range(finding.range.start.line, finding.range.start.character, finding.range.end.line, finding.range.end.character);
  const message = finding.ruleId === 'parse-error' ? finding.message : `${finding.message} (${OWNER_LABEL[finding.owner]}: ${finding.concern})`;
  const diagnostic = new vscode.Diagnostic(range, message, SEVERITY[finding.severity]);
  diagnostic.source = 'srlens';
  diagnostic.code = { value: finding.ruleId, target: vscode.Uri.parse(ruleDocsUrl(finding.ruleId)) };
  return diagnostic;
}
