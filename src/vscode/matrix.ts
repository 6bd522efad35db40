/**
 * `srlens.showMatrix`: the responsibility matrix (resources × security concerns) of the open
 * CloudFormation and Terraform documents, in one reused webview panel. The model is built by the
 * engine (engine/matrix.ts) and sent as JSON; the webview script renders it with textContent.
 * Messages from the webview are checked (type, and only files and resources of the current model)
 * before anything happens. The panel refreshes, debounced, when diagnostics change while it is
 * visible, and when it becomes visible again.
 */
import * as vscode from 'vscode';
import type { Analysis } from '../engine/analyzer';
import { buildMatrix, type Matrix, type MatrixRow } from '../engine/matrix';
import { createNonce, matrixHtml } from '../engine/matrix-html';
import type { Range } from '../iac/model';
import { sourceKindOf } from '../iac/detect';
import type { DocumentAnalyses } from './analysis';
import { fileOf, isWorkspaceUri, uriOf } from './files';
import { tooLargeMessage } from './diagnostics';
import { settingsStore } from './settings';

export const SHOW_MATRIX_COMMAND = 'srlens.showMatrix';
export const MATRIX_VIEW_TYPE = 'srlens.matrix';
const REFRESH_DELAY_MS = 250;
/** Work between two yields to the event loop while the model is built. */
const SLICE_MS = 12;

interface Target {
  file: string;
  id: string;
}

type Incoming =
  | { type: 'ready' }
  | { type: 'openResource'; file: string; id: string }
  | { type: 'openFinding'; file: string; id: string; concern: string; index: number };

export class MatrixPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private panelDisposables: vscode.Disposable[] = [];
  private readonly disposables: vscode.Disposable[] = [];
  private matrix: Matrix | undefined;
  private ready = false;
  private pendingHighlight: Target | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly analyses: DocumentAnalyses,
  ) {}

  register(): vscode.Disposable[] {
    this.disposables.push(
      vscode.commands.registerCommand(SHOW_MATRIX_COMMAND, (arg?: unknown) => this.show(arg)),
      vscode.languages.onDidChangeDiagnostics(() => this.scheduleRefresh()),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        if (sourceKindOf(doc.uri.path)) this.scheduleRefresh();
      }),
    );
    return [this];
  }

  async show(arg?: unknown): Promise<void> {
    const target = await this.targetOf(arg);
    if (this.panel) {
      this.panel.reveal(undefined, false);
    } else {
      this.panel = this.createPanel();
    }
    this.pendingHighlight = target;
    await this.refresh();
  }

  private createPanel(): vscode.WebviewPanel {
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    const panel = vscode.window.createWebviewPanel(
      MATRIX_VIEW_TYPE,
      'Responsibility Matrix',
      vscode.ViewColumn.Active,
      {
        enableScripts: true,
        enableCommandUris: false,
        enableFindWidget: true,
        retainContextWhenHidden: false,
        localResourceRoots: [media],
      },
    );
    const webview = panel.webview;
    webview.html = matrixHtml({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'matrix.css')).toString(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'matrix.js')).toString(),
    });
    this.ready = false;
    this.panelDisposables = [
      webview.onDidReceiveMessage((message: unknown) => void this.receive(message)),
      // Hidden webviews are discarded (retainContextWhenHidden is off); the script asks again with 'ready'.
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.ready = false;
      }),
      panel.onDidDispose(() => {
        for (const d of this.panelDisposables) d.dispose();
        this.panelDisposables = [];
        this.panel = undefined;
        this.matrix = undefined;
        this.ready = false;
        clearTimeout(this.timer);
      }),
    ];
    return panel;
  }

  private scheduleRefresh(): void {
    if (!this.panel?.visible) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), REFRESH_DELAY_MS);
  }

  /** Rebuilds the model from the open documents and sends it when the webview is listening. */
  private async refresh(): Promise<void> {
    const panel = this.panel;
    if (!panel) return;
    const generation = ++this.generation;
    const matrix = await this.build();
    // A newer refresh started meanwhile, or the panel was closed.
    if (generation !== this.generation || this.panel !== panel) return;
    this.matrix = matrix;
    if (this.ready) this.post();
  }

  private post(): void {
    if (!this.panel || !this.matrix) return;
    const highlight = this.pendingHighlight;
    this.pendingHighlight = undefined;
    void this.panel.webview.postMessage({ type: 'model', model: viewModel(this.matrix), highlight });
  }

  private async build(): Promise<Matrix> {
    if (!settingsStore.current.enable) return buildMatrix([]);
    const results: Analysis[] = [];
    let sliceStart = Date.now();
    for (const doc of vscode.workspace.textDocuments) {
      if (!isWorkspaceUri(doc.uri) || !sourceKindOf(doc.uri.path) || doc.isClosed) continue;
      // Analyses are cached, so this is quick once diagnostics ran; a cold start yields to the editor.
      if (Date.now() - sliceStart >= SLICE_MS) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        sliceStart = Date.now();
      }
      if (tooLargeMessage(doc.getText(), settingsStore.current.maxFileSize)) continue;
      try {
        const result = await this.analyses.analyze(doc);
        if (result) results.push(result.analysis);
      } catch {
        // One document that cannot be analysed must not hide the others.
      }
    }
    return buildMatrix(results, { minimumSeverity: settingsStore.effectiveMinimumSeverity });
  }

  private async receive(message: unknown): Promise<void> {
    const incoming = validate(message);
    if (!incoming) return;
    if (incoming.type === 'ready') {
      this.ready = true;
      await this.refresh();
      return;
    }
    const row = this.matrix?.rows.find((r) => r.file === incoming.file && r.id === incoming.id);
    if (!row) return;
    if (incoming.type === 'openResource') return reveal(row.file, row.idRange);
    const cell = row.cells.find((c) => c.concern === incoming.concern);
    const finding = cell?.findings[incoming.index];
    if (finding) await reveal(row.file, finding.range);
  }

  /** `{ file?, resource? }`: the file opens in the background so that it is analysed. */
  private async targetOf(arg: unknown): Promise<Target | undefined> {
    if (!arg || typeof arg !== 'object') return undefined;
    const { file, resource } = arg as { file?: unknown; resource?: unknown };
    if (typeof file !== 'string' || file.length === 0) return undefined;
    const uri = toUri(file);
    if (!uri || !isWorkspaceUri(uri) || !sourceKindOf(uri.path)) return undefined;
    if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) {
      try {
        await vscode.workspace.openTextDocument(uri);
      } catch {
        return undefined;
      }
    }
    return typeof resource === 'string' && resource.length > 0 ? { file: fileOf(uri), id: resource } : undefined;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

/** What the webview gets: the model plus display labels; no absolute path is shown. */
function viewModel(matrix: Matrix): unknown {
  const empty = !settingsStore.current.enable
    ? 'Analysis is turned off (setting srlens.enable).'
    : 'No resources yet: open a CloudFormation template or a Terraform file to see who owns each security concern of its resources.';
  return {
    concerns: matrix.concerns,
    otherFindings: matrix.otherFindings,
    emptyMessage: empty,
    rows: matrix.rows.map((row: MatrixRow) => ({
      file: row.file,
      fileLabel: vscode.workspace.asRelativePath(uriOf(row.file), true),
      id: row.id,
      type: row.type,
      service: row.service,
      tier: row.tier,
      tierTitle: row.tierTitle,
      openCount: row.openCount,
      cells: row.cells.map((c) => ({
        owner: c.owner,
        applicable: c.applicable,
        reason: c.reason,
        status: c.status,
        findings: c.findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity, message: f.message })),
      })),
    })),
  };
}

/** Accepts only the messages the script sends, with string fields and a small index. */
function validate(message: unknown): Incoming | undefined {
  if (!message || typeof message !== 'object') return undefined;
  const m = message as Record<string, unknown>;
  if (m.type === 'ready') return { type: 'ready' };
  if (typeof m.file !== 'string' || typeof m.id !== 'string' || m.file.length > 4096 || m.id.length > 1024)
    return undefined;
  if (m.type === 'openResource') return { type: 'openResource', file: m.file, id: m.id };
  if (
    m.type === 'openFinding' &&
    typeof m.concern === 'string' &&
    Number.isInteger(m.index) &&
    (m.index as number) >= 0 &&
    (m.index as number) < 10_000
  ) {
    return { type: 'openFinding', file: m.file, id: m.id, concern: m.concern, index: m.index as number };
  }
  return undefined;
}

async function reveal(file: string, range: Range): Promise<void> {
  const selection = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
  // Beside the matrix when it fills the only group, else in the group the file is already shown in.
  const existing = vscode.window.visibleTextEditors.find((e) => fileOf(e.document.uri) === file);
  await vscode.window.showTextDocument(uriOf(file), {
    selection,
    viewColumn: existing?.viewColumn ?? vscode.ViewColumn.Beside,
    preserveFocus: false,
  });
}

function toUri(file: string): vscode.Uri | undefined {
  try {
    return uriOf(file);
  } catch {
    return undefined;
  }
}
