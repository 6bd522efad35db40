/**
 * Diagnostics for open CloudFormation and Terraform documents, recomputed (debounced) as the user
 * types. A Terraform edit re-analyses its whole directory (the module), including unsaved editors.
 * Results computed for an older document version are dropped.
 */
import * as vscode from 'vscode';
import type { Analyzer, SourceFile } from '../engine/analyzer';
import { ruleDocsUrl } from '../engine/docs';
import type { Finding } from '../engine/finding';
import { moduleDirOf, sourceKindOf } from '../iac/detect';

const OWNER_LABEL = { customer: 'You own this', shared: 'Shared with AWS', aws: 'AWS owns this' } as const;
const DEBOUNCE_MS = 300;

export class DiagnosticsController implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('srlens');
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly analyzer: Analyzer) {}

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
    const version = doc.version;
    if (sourceKindOf(doc.uri.path) === 'cloudformation') {
      const analysis = this.analyzer.analyzeCloudFormation(doc.uri.fsPath, doc.getText());
      if (doc.isClosed || doc.version !== version) return;
      this.collection.set(doc.uri, analysis.findings.map(toDiagnostic));
      return;
    }
    const dir = moduleDirOf(doc.uri.fsPath);
    const files = await moduleFiles(doc.uri);
    const analysis = await this.analyzer.analyzeTerraformModule(dir, files);
    if (doc.isClosed || doc.version !== version) return;
    for (const file of files) {
      const uri = vscode.Uri.file(file.path);
      this.collection.set(uri, analysis.findings.filter((f) => f.file === file.path).map(toDiagnostic));
    }
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.collection.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

/** All `.tf` files of the document's directory, taking unsaved editor text over the disk. */
async function moduleFiles(uri: vscode.Uri): Promise<SourceFile[]> {
  const dirUri = vscode.Uri.joinPath(uri, '..');
  const open = new Map(vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'file').map((d) => [d.uri.fsPath, d]));
  let entries: [string, vscode.FileType][] = [];
  try {
    entries = await vscode.workspace.fs.readDirectory(dirUri);
  } catch {
    entries = [];
  }
  const files: SourceFile[] = [];
  const decoder = new TextDecoder();
  for (const [name, type] of entries) {
    if (type !== vscode.FileType.File || sourceKindOf(name) !== 'terraform') continue;
    const fileUri = vscode.Uri.joinPath(dirUri, name);
    const doc = open.get(fileUri.fsPath);
    if (doc) files.push({ path: fileUri.fsPath, text: doc.getText() });
    else {
      try {
        files.push({ path: fileUri.fsPath, text: decoder.decode(await vscode.workspace.fs.readFile(fileUri)) });
      } catch {
        // Deleted or unreadable since the directory was listed: analyse the rest.
      }
    }
  }
  if (!files.some((f) => f.path === uri.fsPath)) {
    const doc = open.get(uri.fsPath);
    if (doc) files.push({ path: uri.fsPath, text: doc.getText() });
  }
  return files;
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
