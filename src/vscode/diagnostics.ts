/**
 * Diagnostics for open CloudFormation and Terraform documents, recomputed (debounced) as the user
 * types. A Terraform edit re-analyses its whole directory (the module), including unsaved editors.
 * Results computed for an older document version are dropped. The workspace scan publishes files
 * that are not open through the same collection (`publish`), so a file never shows two sets.
 * Settings: `srlens.enable`, `srlens.diagnostics.debounce`, `srlens.diagnostics.minimumSeverity`
 * (through the effective configuration) and `srlens.maxFileSize`.
 */
import * as vscode from 'vscode';
import { ruleDocsUrl } from '../engine/docs';
import type { Finding } from '../engine/finding';
import { fileTooLargeFinding } from '../engine/limits';
import { sourceKindOf } from '../iac/detect';
import type { DocumentAnalyses } from './analysis';
import { fileOf, isWorkspaceUri, uriOf } from './files';
import { escapeMarkdown } from '../features/markdown';
import { settingsStore } from './settings';
import { diagnosticMessage, tooLargeMessage, visibleFindings } from '../features/document';

/** The detail behind each diagnostic's headline, shown in its hover. */
const details = new WeakMap<vscode.Diagnostic, string>();

/** The documents diagnostics are published for: CloudFormation (YAML, JSON, `.template`) and Terraform. */
const DETAIL_SELECTOR: vscode.DocumentSelector = [
  { language: 'yaml' },
  { language: 'json' },
  { language: 'terraform' },
  { pattern: '**/*.tf' },
  { pattern: '**/*.template' },
];

export class DiagnosticsController implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('srlens');
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly analyses: DocumentAnalyses) {}

  /** Recomputes every open document (after a configuration change); clears everything when disabled. */
  refreshAll(): void {
    if (!settingsStore.current.enable) {
      for (const timer of this.timers.values()) clearTimeout(timer);
      this.timers.clear();
      this.collection.clear();
      return;
    }
    for (const doc of vscode.workspace.textDocuments) this.schedule(doc, 0);
  }

  /** Publishes findings for a file that is not open (workspace scan), filtered by the minimum severity. */
  publish(uri: vscode.Uri, findings: readonly Finding[]): void {
    if (!settingsStore.current.enable) return;
    this.collection.set(uri, visible(findings).map(toDiagnostic));
  }

  /** `publish` for many files in one message to the editor. */
  publishMany(entries: readonly [vscode.Uri, readonly Finding[]][]): void {
    if (!settingsStore.current.enable || entries.length === 0) return;
    this.collection.set(entries.map(([uri, findings]) => [uri, visible(findings).map(toDiagnostic)]));
  }

  /** Re-analyses one open document now (a file of its Terraform module changed on disk). */
  refresh(doc: vscode.TextDocument): void {
    this.schedule(doc, 0);
  }

  /** Removes a file's diagnostics (deleted, or excluded from the scan). */
  forget(uri: vscode.Uri): void {
    this.collection.delete(uri);
  }

  /** Files that currently have diagnostics from this extension. */
  publishedUris(): vscode.Uri[] {
    const uris: vscode.Uri[] = [];
    this.collection.forEach((uri) => void uris.push(uri));
    return uris;
  }

  start(): void {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((doc) => this.schedule(doc, 0)),
      vscode.workspace.onDidChangeTextDocument((event) =>
        this.schedule(event.document, settingsStore.current.debounceMs),
      ),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        if (sourceKindOf(doc.uri.path) === 'cloudformation') this.collection.delete(doc.uri);
      }),
      vscode.languages.registerHoverProvider(DETAIL_SELECTOR, {
        provideHover: (doc, position) => detailHover(this.collection.get(doc.uri) ?? [], position),
      }),
    );
    for (const doc of vscode.workspace.textDocuments) this.schedule(doc, 0);
  }

  private schedule(doc: vscode.TextDocument, delay: number): void {
    if (!isWorkspaceUri(doc.uri) || !sourceKindOf(doc.uri.path)) return;
    if (!settingsStore.current.enable) return;
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
    const tooLarge = tooLargeMessage(doc.getText(), settingsStore.current.maxFileSize);
    if (tooLarge) {
      this.collection.set(doc.uri, visible([fileTooLargeFinding(fileOf(doc.uri), tooLarge)]).map(toDiagnostic));
      return;
    }
    const result = await this.analyses.analyze(doc);
    // Results computed for an older version of the document are dropped.
    if (!result || doc.isClosed || doc.version !== result.version || !settingsStore.current.enable) return;
    for (const file of result.files) {
      this.collection.set(
        uriOf(file),
        visible(result.analysis.findings.filter((f) => f.file === file)).map(toDiagnostic),
      );
    }
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.collection.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

/** Findings at or above the minimum severity in force (the setting, else `.srlens.yaml`). */
function visible(findings: readonly Finding[]): Finding[] {
  return visibleFindings(findings, settingsStore.effectiveMinimumSeverity);
}

export { tooLargeMessage };

const SEVERITY = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
} as const;

export function toDiagnostic(finding: Finding): vscode.Diagnostic {
  const range = new vscode.Range(
    finding.range.start.line,
    finding.range.start.character,
    finding.range.end.line,
    finding.range.end.character,
  );
  // The headline (`You · Network access: …`); its detail is in the hover.
  const diagnostic = new vscode.Diagnostic(range, diagnosticMessage(finding), SEVERITY[finding.severity]);
  if (finding.detail) details.set(diagnostic, finding.detail);
  diagnostic.source = 'srlens';
  diagnostic.code = { value: finding.ruleId, target: vscode.Uri.parse(ruleDocsUrl(finding.ruleId)) };
  // Where the value came from (a Terraform local, var file line or the caller's module argument).
  if (finding.related?.length)
    diagnostic.relatedInformation = finding.related.map(
      (related) =>
        new vscode.DiagnosticRelatedInformation(
          new vscode.Location(
            uriOf(related.file),
            new vscode.Range(
              related.range.start.line,
              related.range.start.character,
              related.range.end.line,
              related.range.end.character,
            ),
          ),
          related.message,
        ),
    );
  return diagnostic;
}

/** The hover over a diagnostic: below the headline the editor shows, the detail behind it. */
export function detailHover(
  diagnostics: readonly vscode.Diagnostic[],
  position: vscode.Position,
): vscode.Hover | undefined {
  const shown = diagnostics.filter((d) => d.range.contains(position) && details.has(d));
  if (shown.length === 0) return undefined;
  const contents = new vscode.MarkdownString(
    shown
      .map((d) => {
        const code = typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? '');
        return `${escapeMarkdown(code)}: ${escapeMarkdown(details.get(d)!, 2000)}`;
      })
      .join('\n\n'),
  );
  contents.isTrusted = false;
  contents.supportHtml = false;
  const range = shown.map((d) => d.range).reduce((a, b) => a.intersection(b) ?? a);
  return new vscode.Hover(contents, range);
}
