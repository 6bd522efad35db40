/**
 * `srlens.showMatrix`: the responsibility matrix of the whole workspace in one reused webview panel,
 * shown first as the responsibility stack (engine/stack.ts), with the resource table as a second
 * view; `srlens.exportStack` saves the stack as SVG or Markdown. The model covers the open documents
 * (their live analyses, unsaved text included) and every other file the workspace scan analysed
 * (WorkspaceMatrix, fed by workspace-scan.ts), and says which. It is built by the engine
 * (engine/matrix.ts, stack.ts, matrix-view.ts) and sent as JSON; the webview script renders it
 * with textContent. Messages from the webview are checked (type, and only files and resources of
 * the current model) before anything happens. The panel refreshes, debounced, when diagnostics or
 * the scan's results change while it is visible, and when it becomes visible again.
 */
import * as vscode from 'vscode';
import type { Analysis } from '../engine/analyzer';
import { buildMatrix, combineMatrices, type Matrix } from '../engine/matrix';
import { createNonce, matrixHtml } from '../engine/matrix-html';
import { matrixView } from '../engine/matrix-view';
import { buildStack, stackCell, stackScope, STACK_COLUMNS, type Stack, type StackColumnId } from '../engine/stack';
import { stackMarkdown, stackSvg } from '../engine/stack-export';
import type { Range } from '../iac/model';
import { moduleDirOf, sourceKindOf } from '../iac/detect';
import { isConcernId, type ConcernId } from '../knowledge/concerns';
import type { DocumentAnalyses } from './analysis';
import { fileOf, isWorkspaceUri, uriOf } from './files';
import { tooLargeMessage } from './diagnostics';
import { settingsStore } from './settings';
import type { ScanEvent } from './workspace-scan';

export const SHOW_MATRIX_COMMAND = 'srlens.showMatrix';
export const EXPORT_STACK_COMMAND = 'srlens.exportStack';
export const MATRIX_VIEW_TYPE = 'srlens.matrix';
const REFRESH_DELAY_MS = 250;
/** Work between two yields to the event loop while the model is built. */
const SLICE_MS = 12;

interface Target {
  file: string;
  id: string;
}

interface CellTarget {
  column: StackColumnId;
  concern: ConcernId;
}

type Incoming =
  | { type: 'ready' }
  | { type: 'export'; format: 'svg' | 'markdown' }
  | { type: 'view'; view: 'stack' | 'table' }
  | { type: 'openResource'; file: string; id: string }
  | { type: 'openFinding'; file: string; id: string; concern: string; index: number };

/** What `srlens.showMatrix` resolves to: what the panel shows, and the selected cell's resources. */
export interface MatrixShown {
  view: 'stack' | 'table';
  scope: string;
  resources: number;
  files: number;
  openFindings: number;
  cell?: {
    column: StackColumnId;
    concern: ConcernId;
    owner: string | undefined;
    resources: { file: string; id: string; owner: string; openFindings: number }[];
  };
}

interface Built {
  matrix: Matrix;
  stack: Stack;
  scope: string;
}

/**
 * The workspace scan's results as matrices, one per CloudFormation file or Terraform module that no
 * open editor covers; built when the scan analyses them, so showing the matrix reads nothing again.
 */
export class WorkspaceMatrix implements vscode.Disposable {
  private readonly entries = new Map<string, { files: string[]; matrix: Matrix; generation: number }>();
  private generation = 0;
  /** Scans running: a scan that supersedes another starts before the other ends. */
  private running = 0;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  handle(event: ScanEvent): void {
    switch (event.kind) {
      case 'start':
        this.generation++;
        this.running++;
        break;
      case 'end':
        this.running = Math.max(0, this.running - 1);
        // What the finished scan did not see any more (deleted, now excluded) goes.
        if (!event.cancelled)
          for (const [key, entry] of this.entries) if (entry.generation < this.generation) this.entries.delete(key);
        break;
      case 'analysed':
        this.entries.set(event.key, {
          files: event.files,
          matrix: buildMatrix([event.analysis], { minimumSeverity: settingsStore.effectiveMinimumSeverity }),
          generation: this.generation,
        });
        break;
      case 'live':
        this.entries.delete(event.key);
        break;
      case 'removed':
        for (const [key, entry] of this.entries)
          if (key === event.file || entry.files.includes(event.file)) this.entries.delete(key);
        break;
      case 'cleared':
        this.entries.clear();
        break;
    }
    this.changed.fire();
  }

  /** The matrices of files and modules whose key (a CloudFormation file, a Terraform folder) is not in `covered`. */
  matrices(covered: ReadonlySet<string>): Matrix[] {
    return [...this.entries].filter(([key]) => !covered.has(key)).map(([, entry]) => entry.matrix);
  }

  get scanning(): boolean {
    return this.running > 0;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export class MatrixPanel implements vscode.Disposable {
  readonly workspace = new WorkspaceMatrix();
  private panel: vscode.WebviewPanel | undefined;
  private panelDisposables: vscode.Disposable[] = [];
  private readonly disposables: vscode.Disposable[] = [];
  private built: Built | undefined;
  private ready = false;
  private pendingHighlight: Target | undefined;
  private pendingCell: CellTarget | undefined;
  private pendingView: 'stack' | 'table' | undefined;
  private view: 'stack' | 'table' = 'stack';
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly analyses: DocumentAnalyses,
  ) {}

  register(): vscode.Disposable[] {
    this.disposables.push(
      this.workspace,
      vscode.commands.registerCommand(SHOW_MATRIX_COMMAND, (arg?: unknown) => this.show(arg)),
      vscode.commands.registerCommand(EXPORT_STACK_COMMAND, (arg?: unknown) => this.export(arg)),
      vscode.languages.onDidChangeDiagnostics(() => this.scheduleRefresh()),
      this.workspace.onDidChange(() => this.scheduleRefresh()),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        if (sourceKindOf(doc.uri.path)) this.scheduleRefresh();
      }),
    );
    return [this];
  }

  /**
   * Shows the panel. `{ file, resource }` highlights a resource in the table; `{ cell: { column,
   * concern } }` selects a stack cell and lists its resources, as a click does.
   */
  async show(arg?: unknown): Promise<MatrixShown> {
    const target = await this.targetOf(arg);
    const cell = cellOf(arg);
    if (this.panel) {
      this.panel.reveal(undefined, false);
    } else {
      this.panel = this.createPanel();
    }
    this.pendingHighlight = target;
    this.pendingCell = cell;
    const view = target ? 'table' : cell ? 'stack' : viewOf(arg);
    if (view) this.view = view;
    this.pendingView = view;
    const built = (await this.refresh()) ?? (await this.build());
    const shown: MatrixShown = {
      view: this.view,
      scope: built.scope,
      resources: built.stack.resources + built.stack.unclassified,
      files: built.stack.files,
      openFindings: built.stack.openFindings,
    };
    if (cell) {
      const selected = stackCell(built.stack, cell.column, cell.concern);
      const index = built.matrix.concerns.findIndex((c) => c.id === cell.concern);
      shown.cell = {
        ...cell,
        owner: selected?.owner,
        resources: (selected?.rows ?? []).map((r) => {
          const row = built.matrix.rows[r];
          return {
            file: row.file,
            id: row.id,
            owner: row.cells[index].owner,
            openFindings: row.cells[index].findings.length,
          };
        }),
      };
    }
    return shown;
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
        this.built = undefined;
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

  /** Rebuilds the model and sends it when the webview is listening; undefined when superseded. */
  private async refresh(): Promise<Built | undefined> {
    const panel = this.panel;
    if (!panel) return undefined;
    const generation = ++this.generation;
    const built = await this.build();
    // A newer refresh started meanwhile, or the panel was closed.
    if (generation !== this.generation || this.panel !== panel) return undefined;
    this.built = built;
    if (this.ready) this.post();
    return built;
  }

  private post(): void {
    if (!this.panel || !this.built) return;
    const highlight = this.pendingHighlight;
    const select = this.pendingCell;
    const view = this.pendingView;
    this.pendingHighlight = undefined;
    this.pendingCell = undefined;
    this.pendingView = undefined;
    const { matrix, stack, scope } = this.built;
    const model = matrixView(matrix, stack, {
      scope,
      emptyMessage: emptyMessage(),
      fileLabel: (file) => vscode.workspace.asRelativePath(uriOf(file)),
    });
    void this.panel.webview.postMessage({ type: 'model', model, highlight, select, view });
  }

  /** The matrix of the open documents' live analyses and of the scan's other results. */
  private async build(): Promise<Built> {
    const settings = settingsStore.current;
    if (!settings.enable) {
      const matrix = buildMatrix([]);
      const stack = buildStack(matrix);
      return { matrix, stack, scope: '' };
    }
    const results: Analysis[] = [];
    const covered = new Set<string>();
    let sliceStart = Date.now();
    for (const doc of vscode.workspace.textDocuments) {
      if (!isWorkspaceUri(doc.uri) || !sourceKindOf(doc.uri.path) || doc.isClosed) continue;
      const file = fileOf(doc.uri);
      covered.add(sourceKindOf(doc.uri.path) === 'terraform' ? moduleDirOf(file) : file);
      // Analyses are cached, so this is quick once diagnostics ran; a cold start yields to the editor.
      if (Date.now() - sliceStart >= SLICE_MS) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        sliceStart = Date.now();
      }
      if (tooLargeMessage(doc.getText(), settings.maxFileSize)) continue;
      try {
        const result = await this.analyses.analyze(doc);
        if (result) results.push(result.analysis);
      } catch {
        // One document that cannot be analysed must not hide the others.
      }
    }
    const live = buildMatrix(results, { minimumSeverity: settingsStore.effectiveMinimumSeverity });
    const matrix = settings.workspaceScan
      ? combineMatrices([live, ...this.workspace.matrices(covered)])
      : combineMatrices([live]);
    const stack = buildStack(matrix);
    const where = !settings.workspaceScan
      ? 'open editors only (the workspace scan is off: srlens.workspaceScan.enable)'
      : this.workspace.scanning
        ? 'whole workspace (scan in progress)'
        : 'whole workspace';
    return { matrix, stack, scope: stackScope(stack, where) };
  }

  /**
   * Saves the stack as SVG or Markdown: `{ format, target }` (a URI or its string) skips the
   * questions. Resolves to the URI written, or undefined when cancelled.
   */
  async export(arg?: unknown): Promise<vscode.Uri | undefined> {
    const given = (arg && typeof arg === 'object' ? arg : {}) as { format?: unknown; target?: unknown };
    let format = given.format === 'svg' || given.format === 'markdown' ? given.format : undefined;
    if (!format) {
      const pick = await vscode.window.showQuickPick(
        [
          { label: 'SVG picture', description: 'For a wiki, a design review or an audit file', format: 'svg' as const },
          {
            label: 'Markdown',
            description: 'The stack as a table, with the cells that have open findings',
            format: 'markdown' as const,
          },
        ],
        { title: 'Export the Responsibility Stack', placeHolder: 'Format' },
      );
      if (!pick) return undefined;
      format = pick.format;
    }
    let target = targetUri(given.target);
    const quiet = target !== undefined;
    if (!target) {
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      const name = format === 'svg' ? 'responsibility-stack.svg' : 'responsibility-stack.md';
      target = await vscode.window.showSaveDialog({
        title: 'Export the Responsibility Stack',
        saveLabel: 'Export',
        ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, name) } : {}),
        filters: format === 'svg' ? { 'SVG picture': ['svg'] } : { Markdown: ['md'] },
      });
      if (!target) return undefined;
    }
    const { matrix, stack, scope } = await this.build();
    const options = { scope, displayPath: (file: string) => vscode.workspace.asRelativePath(uriOf(file)) };
    const text = format === 'svg' ? stackSvg(stack, matrix, options) : stackMarkdown(stack, matrix, options);
    try {
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
    } catch (error) {
      void vscode.window.showErrorMessage(`Could not export the stack: ${(error as Error).message}`);
      return undefined;
    }
    if (!quiet) {
      const written = target;
      void vscode.window
        .showInformationMessage(`Responsibility stack written to ${vscode.workspace.asRelativePath(written)}.`, 'Open')
        .then((choice) => {
          if (choice === 'Open') void vscode.commands.executeCommand('vscode.open', written);
        });
    }
    return target;
  }

  private async receive(message: unknown): Promise<void> {
    const incoming = validate(message);
    if (!incoming) return;
    if (incoming.type === 'ready') {
      this.ready = true;
      await this.refresh();
      return;
    }
    if (incoming.type === 'view') {
      this.view = incoming.view;
      return;
    }
    if (incoming.type === 'export') {
      await vscode.commands.executeCommand(EXPORT_STACK_COMMAND, { format: incoming.format });
      return;
    }
    const row = this.built?.matrix.rows.find((r) => r.file === incoming.file && r.id === incoming.id);
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

function emptyMessage(): string {
  if (!settingsStore.current.enable) return 'Analysis is turned off (setting srlens.enable).';
  return settingsStore.current.workspaceScan
    ? 'No resources yet: the workspace has no CloudFormation template or Terraform file with resources (or the scan is still running).'
    : 'No resources yet: open a CloudFormation template or a Terraform file to see who owns each security concern of its resources.';
}

function cellOf(arg: unknown): CellTarget | undefined {
  if (!arg || typeof arg !== 'object') return undefined;
  const cell = (arg as { cell?: unknown }).cell;
  if (!cell || typeof cell !== 'object') return undefined;
  const { column, concern } = cell as { column?: unknown; concern?: unknown };
  if (typeof concern !== 'string' || !isConcernId(concern)) return undefined;
  const known = STACK_COLUMNS.find((c) => c.id === column);
  return known ? { column: known.id, concern } : undefined;
}

function viewOf(arg: unknown): 'stack' | 'table' | undefined {
  const view = arg && typeof arg === 'object' ? (arg as { view?: unknown }).view : undefined;
  return view === 'stack' || view === 'table' ? view : undefined;
}

function targetUri(value: unknown): vscode.Uri | undefined {
  if (value instanceof vscode.Uri) return value;
  if (typeof value !== 'string' || value.length === 0) return undefined;
  try {
    return /^[a-z][a-z0-9+.-]+:/i.test(value) && !/^[a-z]:[\\/]/i.test(value)
      ? vscode.Uri.parse(value, true)
      : vscode.Uri.file(value);
  } catch {
    return undefined;
  }
}

/** Accepts only the messages the script sends, with string fields and a small index. */
function validate(message: unknown): Incoming | undefined {
  if (!message || typeof message !== 'object') return undefined;
  const m = message as Record<string, unknown>;
  if (m.type === 'ready') return { type: 'ready' };
  if (m.type === 'view') return m.view === 'stack' || m.view === 'table' ? { type: 'view', view: m.view } : undefined;
  if (m.type === 'export')
    return m.format === 'svg' || m.format === 'markdown' ? { type: 'export', format: m.format } : undefined;
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
