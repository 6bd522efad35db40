/**
 * The ISMS workflow in the editor: the "ISMS" tree, the commands that refresh, edit and export
 * `.srlens/isms.yaml`, and the review reminder. Every edit reads the file again right before
 * writing and changes only the field asked for, so what was typed by hand is never lost; the
 * scan-derived part is merged with the model's mergeIsms.
 */
import * as vscode from 'vscode';
import { candidateFiles } from './workspace-files';
import type { ConfigController } from './config';
import type { Analyzer, SourceFile } from '../engine/analyzer';
import type { AccountFacts } from '../rules/rule';
import {
  ACCOUNT_SNAPSHOT_FILE,
  accountFactsFrom,
  parseAccountSnapshot,
  type AccountSnapshot,
  ISMS_STATE_FILE,
  ISMS_STEPS,
  IsmsStateError,
  STEP_STATUSES,
  TREATMENTS,
  isoDate,
  ismsMarkdown,
  mergeIsms,
  parseIsmsState,
  registersCsv,
  reviewDue,
  scanIsms,
  serializeIsmsState,
  type IsmsState,
  type StepStatus,
  type Treatment,
} from '../isms';
import { IsmsTreeProvider, type IsmsNode } from './isms-tree';
import { settingsStore } from './settings';
import { fileOf, uriOf } from './files';
import { availableHere } from './platform';

export const ISMS_VIEW = 'srlens.isms';
export const ISMS_CONTAINER = 'srlens';
const DEFAULT_REVIEW_DAYS = 90;

const TREATMENT_HELP: Record<Treatment, string> = {
  fix: 'Change the template so the finding goes away',
  accept: 'Live with it, with a recorded reason and sign-off',
  transfer: 'Hand it to a supplier or insurer',
  avoid: 'Stop the activity that causes it',
};
const STATUS_HELP: Record<StepStatus, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  done: 'Done',
};

/** Arguments of `srlens.isms.export` that skip the dialogs (tests, other commands). */
export interface ExportArgs {
  format?: 'markdown' | 'csv';
  target?: vscode.Uri;
}

let reminded = false;

/** Reads and writes the state file of the first workspace folder. */
export class IsmsStore {
  constructor(private readonly folder: () => vscode.WorkspaceFolder | undefined) {}

  get uri(): vscode.Uri | undefined {
    const folder = this.folder();
    return folder ? vscode.Uri.joinPath(folder.uri, ...ISMS_STATE_FILE.split('/')) : undefined;
  }

  /** The state on disk; undefined when there is no file. Throws IsmsStateError for a file it cannot use. */
  async read(warnings: string[] = []): Promise<IsmsState | undefined> {
    const uri = this.uri;
    if (!uri) return undefined;
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch (error) {
      if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
      throw error;
    }
    return parseIsmsState(new TextDecoder().decode(bytes), warnings);
  }

  async write(state: IsmsState): Promise<void> {
    const uri = this.uri;
    if (!uri) throw new Error('Open a folder first: the ISMS state is kept in the workspace.');
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
    // Updated in place, so that comments and layout typed into the file survive.
    let previous: string | undefined;
    try {
      previous = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      previous = undefined;
    }
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(serializeIsmsState(state, previous)));
  }
}

/**
 * How the ISMS edits ask for a value: the editor's input box and quick pick. The real-editor tests
 * answer in their place through the extension's exports, since nothing can type into a quick input.
 */
export interface IsmsPrompts {
  input(options: vscode.InputBoxOptions): Thenable<string | undefined>;
  pick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Thenable<T | undefined>;
}

const EDITOR_PROMPTS: IsmsPrompts = {
  input: (options) => vscode.window.showInputBox(options),
  pick: (items, options) => vscode.window.showQuickPick(items, options),
};

export class IsmsController implements vscode.Disposable {
  readonly store = new IsmsStore(() => vscode.workspace.workspaceFolders?.[0]);
  prompts: IsmsPrompts = EDITOR_PROMPTS;
  readonly tree = new IsmsTreeProvider(() => vscode.workspace.workspaceFolders?.[0]?.uri);
  private view: vscode.TreeView<IsmsNode> | undefined;
  /** Edits are applied one after the other, each on a fresh read of the file. */
  private queue: Promise<unknown> = Promise.resolve();
  /**
   * The last account check (`.srlens/account.yaml`): `fresh` when it is no older than the review
   * interval, so that the analysis and the ISMS may use it; `note` says why it is not used.
   */
  account: { snapshot?: AccountSnapshot; text?: string; fresh?: boolean; note?: string } = {};
  /** Told when the account snapshot changes what the analysis sees (the diagnostics are refreshed). */
  onAccountChange: (() => void) | undefined;
  private accountFacts: AccountFacts | undefined;

  constructor(
    private readonly analyzer: Analyzer,
    private readonly config: ConfigController,
  ) {}

  dispose(): void {
    this.tree.dispose();
  }

  register(): vscode.Disposable[] {
    this.view = vscode.window.createTreeView(ISMS_VIEW, {
      treeDataProvider: this.tree,
      showCollapseAll: true,
      manageCheckboxStateManually: true,
    });
    const disposables: vscode.Disposable[] = [this, this.view];
    disposables.push(this.view.onDidChangeCheckboxState((event) => void this.onCheckboxes(event)));
    const uri = this.store.uri;
    if (uri) {
      const watcher = vscode.workspace.createFileSystemWatcher(
        new vscode.RelativePattern(vscode.Uri.joinPath(uri, '..'), 'isms.yaml'),
      );
      const reload = () => void this.reload();
      disposables.push(watcher, watcher.onDidCreate(reload), watcher.onDidChange(reload), watcher.onDidDelete(reload));
      const accountWatcher = vscode.workspace.createFileSystemWatcher(
        new vscode.RelativePattern(vscode.Uri.joinPath(uri, '..'), 'account.yaml'),
      );
      const reloadAccount = () => void this.loadAccount();
      disposables.push(
        accountWatcher,
        accountWatcher.onDidCreate(reloadAccount),
        accountWatcher.onDidChange(reloadAccount),
        accountWatcher.onDidDelete(reloadAccount),
      );
      void this.loadAccount();
    }
    disposables.push(
      vscode.commands.registerCommand('srlens.isms.open', () => this.open()),
      vscode.commands.registerCommand('srlens.isms.refresh', () => this.refresh()),
      vscode.commands.registerCommand('srlens.isms.export', (args?: ExportArgs) => this.export(args)),
      vscode.commands.registerCommand('srlens.isms.markReviewed', () => this.markReviewed()),
      vscode.commands.registerCommand('srlens.isms.setValue', (node?: IsmsNode) => this.setValue(node)),
      vscode.commands.registerCommand('srlens.isms.setOwner', (node?: IsmsNode) => this.setOwner(node)),
      vscode.commands.registerCommand('srlens.isms.setStatus', (node?: IsmsNode) => this.setStatus(node)),
      vscode.commands.registerCommand('srlens.isms.setTreatment', (node?: IsmsNode) => this.setTreatment(node)),
    );
    void this.reload().then(() => this.remind());
    return disposables;
  }

  /** Applies `change` to the state read fresh from disk and writes it; returns the new state. */
  update(change: (state: IsmsState) => boolean | void): Promise<IsmsState | undefined> {
    const next = this.queue.then(async () => {
      const state = await this.readOrReport();
      if (!state) {
        if (this.store.uri)
          void vscode.window.showInformationMessage(
            `There is no ${ISMS_STATE_FILE} yet. Run "ISMS: Refresh from Workspace" to create it.`,
          );
        return undefined;
      }
      if (change(state) === false) return state;
      await this.store.write(state);
      this.tree.setState(state);
      return state;
    });
    this.queue = next.catch(() => undefined);
    return next.catch((error: unknown) => {
      void vscode.window.showErrorMessage(`Could not update ${ISMS_STATE_FILE}: ${(error as Error).message}`);
      return undefined;
    });
  }

  get accountUri(): vscode.Uri | undefined {
    const folder = vscode.workspace.workspaceFolders?.[0];
    return folder ? vscode.Uri.joinPath(folder.uri, ...ACCOUNT_SNAPSHOT_FILE.split('/')) : undefined;
  }

  /** Reads `.srlens/account.yaml` again and gives the analyzer its facts when they are recent enough. */
  async loadAccount(): Promise<void> {
    const uri = this.accountUri;
    let text: string | undefined;
    if (uri) {
      try {
        text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      } catch {
        text = undefined;
      }
    }
    let facts;
    if (text === undefined) this.account = {};
    else {
      try {
        const snapshot = parseAccountSnapshot(text);
        const used = accountFactsFrom(snapshot, isoDate(), reviewIntervalDays());
        facts = used.facts;
        this.account = { snapshot, text, fresh: facts !== undefined, ...(used.note ? { note: used.note } : {}) };
      } catch (error) {
        this.account = { note: `${(error as Error).message} Ignored.` };
      }
    }
    this.tree.setAccount(this.account);
    // Only a change of what rules see re-analyses the documents.
    if (JSON.stringify(facts) === JSON.stringify(this.accountFacts)) return;
    this.accountFacts = facts;
    this.analyzer.setAccount(facts);
    this.onAccountChange?.();
  }

  private async reload(): Promise<void> {
    try {
      this.tree.setState(await this.store.read());
    } catch {
      // A broken file shows as an empty tree; commands that need it say why.
      this.tree.setState(undefined);
    }
  }

  private async readOrReport(): Promise<IsmsState | undefined> {
    const warnings: string[] = [];
    try {
      const state = await this.store.read(warnings);
      if (warnings.length > 0)
        void vscode.window.showWarningMessage(
          `${ISMS_STATE_FILE}: ${warnings.slice(0, 3).join('; ')}${warnings.length > 3 ? ` (and ${warnings.length - 3} more)` : ''}`,
        );
      return state;
    } catch (error) {
      if (error instanceof IsmsStateError)
        throw new Error(
          `${ISMS_STATE_FILE} cannot be used (${error.message}); fix it or move it away, then try again.`,
          { cause: error },
        );
      throw error;
    }
  }

  private async open(): Promise<void> {
    await vscode.commands.executeCommand(`workbench.view.extension.${ISMS_CONTAINER}`);
    await vscode.commands.executeCommand(`${ISMS_VIEW}.focus`);
  }

  // ---- scan -----------------------------------------------------------------------------------

  /** Scans the workspace's templates and merges the result into the current state (not written). */
  private async scanAndMerge(
    previous: IsmsState | undefined,
    token: vscode.CancellationToken,
    progress: vscode.Progress<{ message?: string; increment?: number }>,
  ): Promise<IsmsState | undefined> {
    // The workspace scan's files: the same excludes (files.exclude, search.exclude, .srlens.yaml).
    const uris = await candidateFiles(this.config, token);
    const maxFileSize = settingsStore.current.maxFileSize;
    const sources: SourceFile[] = [];
    let done = 0;
    for (const uri of uris) {
      if (token.isCancellationRequested) return undefined;
      try {
        const stat = await vscode.workspace.fs.stat(uri);
        if (stat.size <= maxFileSize)
          sources.push({ path: fileOf(uri), text: new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)) });
      } catch {
        // A file deleted since the search is simply left out.
      }
      if (++done % 25 === 0)
        progress.report({ message: `${done} of ${uris.length} files read`, increment: (25 / uris.length) * 50 });
    }
    if (token.isCancellationRequested) return undefined;
    progress.report({ message: `analysing ${sources.length} files` });
    const analysis = await this.analyzer.analyze(sources);
    const open = new Set(vscode.workspace.textDocuments.map((d) => fileOf(d.uri)));
    for (const source of sources) if (!open.has(source.path)) this.analyzer.forget(source.path);
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- cancelled while the analysis was awaited
    if (token.isCancellationRequested) return undefined;
    const today = isoDate();
    return mergeIsms(
      previous,
      scanIsms(analysis, {
        today,
        displayPath: (file) => vscode.workspace.asRelativePath(uriOf(file), false),
        classificationTag: this.config.effective.classificationTag,
        account:
          this.account.fresh && this.account.snapshot
            ? { snapshot: this.account.snapshot, text: this.account.text }
            : undefined,
      }),
      today,
    );
  }

  private async refresh(): Promise<IsmsState | undefined> {
    if (!this.store.uri) {
      void vscode.window.showWarningMessage(
        'Open a folder first: the ISMS state is kept in the workspace, in .srlens/isms.yaml.',
      );
      return undefined;
    }
    const run = () =>
      vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'ISMS: scanning the workspace', cancellable: true },
        async (progress, token) => {
          const previous = await this.readOrReport();
          const state = await this.scanAndMerge(previous, token, progress);
          if (!state) return undefined;
          await this.store.write(state);
          this.tree.setState(state);
          return state;
        },
      );
    const next = this.queue.then(run);
    this.queue = next.catch(() => undefined);
    try {
      const state = await next;
      if (state)
        vscode.window.setStatusBarMessage(
          `ISMS: ${state.assets.filter((a) => a.status === 'active').length} assets, ${state.risks.filter((r) => r.status === 'open').length} open risks`,
          5000,
        );
      return state;
    } catch (error) {
      void vscode.window.showErrorMessage(`ISMS refresh failed: ${(error as Error).message}`);
      return undefined;
    }
  }

  // ---- export ---------------------------------------------------------------------------------

  private async export(args?: ExportArgs): Promise<vscode.Uri | undefined> {
    if (!availableHere('ISMS: Export Report', 'Use VS Code on the desktop, or `srlens isms export` in a terminal.'))
      return undefined;
    // Only arguments that look right skip the dialogs (a menu may pass something else).
    let format = args?.format === 'markdown' || args?.format === 'csv' ? args.format : undefined;
    if (!format) {
      const pick = await this.prompts.pick(
        [
          {
            label: 'Markdown',
            description: 'One report: scope, steps, registers, statement of applicability',
            format: 'markdown' as const,
          },
          { label: 'CSV', description: 'The asset and risk registers, for a spreadsheet', format: 'csv' as const },
        ],
        { title: 'ISMS: Export Report', placeHolder: 'Format of the report' },
      );
      if (!pick) return undefined;
      format = pick.format;
    }
    let target = args?.target instanceof vscode.Uri ? args.target : undefined;
    if (!target) {
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      const name = format === 'markdown' ? 'isms-report.md' : 'isms-registers.csv';
      target = await vscode.window.showSaveDialog({
        title: 'ISMS: Export Report',
        saveLabel: 'Export',
        ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, name) } : {}),
        filters: format === 'markdown' ? { Markdown: ['md'] } : { CSV: ['csv'] },
      });
      if (!target) return undefined;
    }
    const chosenFormat = format;
    const destination = target;
    try {
      const written = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'ISMS: preparing the report', cancellable: true },
        async (progress, token) => {
          const previous = await this.readOrReport();
          const state = await this.scanAndMerge(previous, token, progress);
          if (!state) return false;
          const text = chosenFormat === 'markdown' ? ismsMarkdown(state, { today: isoDate() }) : registersCsv(state);
          await vscode.workspace.fs.writeFile(destination, new TextEncoder().encode(text));
          return true;
        },
      );
      if (!written) return undefined;
    } catch (error) {
      void vscode.window.showErrorMessage(`ISMS export failed: ${(error as Error).message}`);
      return undefined;
    }
    if (!(args?.target instanceof vscode.Uri)) {
      void vscode.window
        .showInformationMessage(`ISMS report written to ${vscode.workspace.asRelativePath(destination)}.`, 'Open')
        .then((choice) => {
          if (choice === 'Open') void vscode.window.showTextDocument(destination);
        });
    }
    return destination;
  }

  // ---- edits ----------------------------------------------------------------------------------

  private markReviewed(): Promise<IsmsState | undefined> {
    const today = isoDate();
    return this.update((state) => {
      state.lastReviewed = today;
    }).then((state) => {
      if (state) vscode.window.setStatusBarMessage(`ISMS marked reviewed on ${today}`, 5000);
      return state;
    });
  }

  private async onCheckboxes(event: vscode.TreeCheckboxChangeEvent<IsmsNode>): Promise<void> {
    await this.checkboxesChanged(event.items);
  }

  /** A step's checkbox ticked (done, dated today) or cleared (back to in progress or not started). */
  async checkboxesChanged(items: readonly (readonly [IsmsNode, vscode.TreeItemCheckboxState])[]): Promise<void> {
    const changes = new Map<string, boolean>();
    for (const [node, checked] of items)
      if (node.kind === 'step') changes.set(node.step.id, checked === vscode.TreeItemCheckboxState.Checked);
    if (changes.size === 0) return;
    const today = isoDate();
    await this.update((state) => {
      for (const step of state.steps) {
        const done = changes.get(step.id);
        if (done === undefined) continue;
        if (done) {
          step.status = 'done';
          step.started ??= today;
          step.completed = today;
        } else {
          step.status = step.started ? 'in-progress' : 'not-started';
          delete step.completed;
        }
      }
    });
  }

  private async setValue(node?: IsmsNode): Promise<void> {
    const asset = node?.kind === 'asset' ? node.asset : await this.pickAsset();
    if (!asset) return;
    const input = await this.prompts.input({
      title: `Value of ${asset.name}`,
      prompt: 'What losing or exposing this asset would cost, in your currency (a whole number; empty to clear)',
      value: asset.value !== undefined ? String(asset.value) : '',
      validateInput: (text) =>
        text.trim() === '' || /^\d[\d,]*(\.\d+)?$/.test(text.trim().replace(/^\$/, ''))
          ? undefined
          : 'Type a number such as 25000, or leave empty to clear.',
    });
    if (input === undefined) return;
    const value = input.trim() === '' ? undefined : Number(input.trim().replace(/[$,]/g, ''));
    await this.update((state) => {
      const target = state.assets.find((a) => a.id === asset.id);
      if (!target) return false;
      if (value === undefined) delete target.value;
      else target.value = value;
    });
  }

  private async setOwner(node?: IsmsNode): Promise<void> {
    if (node?.kind === 'step' || node?.kind === 'asset' || node?.kind === 'risk') {
      const current =
        node.kind === 'step' ? node.step.owner : node.kind === 'asset' ? node.asset.owner : node.risk.riskOwner;
      const name =
        node.kind === 'step'
          ? ISMS_STEPS.find((s) => s.id === node.step.id)?.title
          : node.kind === 'asset'
            ? node.asset.name
            : node.risk.title;
      const owner = await this.prompts.input({
        title: `Owner of ${name ?? ''}`,
        prompt: 'A person or team accountable for it (empty to clear)',
        value: current ?? '',
      });
      if (owner === undefined) return;
      const value = owner.trim() || undefined;
      await this.update((state) => {
        const target =
          node.kind === 'step'
            ? state.steps.find((s) => s.id === node.step.id)
            : node.kind === 'asset'
              ? state.assets.find((a) => a.id === node.asset.id)
              : state.risks.find((r) => r.id === node.risk.id);
        if (!target) return false;
        const key = node.kind === 'risk' ? 'riskOwner' : 'owner';
        if (value === undefined) delete (target as unknown as Record<string, unknown>)[key];
        else (target as unknown as Record<string, unknown>)[key] = value;
      });
      return;
    }
    void vscode.window.showInformationMessage('Choose a step, asset or risk in the ISMS view to set its owner.');
  }

  private async setStatus(node?: IsmsNode): Promise<void> {
    let stepId = node?.kind === 'step' ? node.step.id : undefined;
    if (!stepId) {
      const state = this.tree.current;
      const pick = await this.prompts.pick(
        ISMS_STEPS.map((s, i) => ({
          label: `${i + 1}. ${s.title}`,
          description: STATUS_HELP[state?.steps.find((x) => x.id === s.id)?.status ?? 'not-started'],
          id: s.id,
        })),
        { title: 'ISMS: step to update' },
      );
      stepId = pick?.id;
    }
    if (!stepId) return;
    const current = this.tree.current?.steps.find((s) => s.id === stepId)?.status;
    const pick = await this.prompts.pick(
      STEP_STATUSES.map((status) => ({
        label: STATUS_HELP[status],
        description: status === current ? 'current' : undefined,
        status,
      })),
      { title: `Status of ${ISMS_STEPS.find((s) => s.id === stepId)?.title ?? stepId}` },
    );
    if (!pick) return;
    const today = isoDate();
    await this.update((state) => {
      const step = state.steps.find((s) => s.id === stepId);
      if (!step) return false;
      step.status = pick.status;
      if (pick.status !== 'not-started') step.started ??= today;
      if (pick.status === 'done') step.completed ??= today;
      else delete step.completed;
    });
  }

  private async setTreatment(node?: IsmsNode): Promise<void> {
    if (node?.kind !== 'risk') {
      void vscode.window.showInformationMessage('Choose a risk in the ISMS view to set its treatment.');
      return;
    }
    const risk = node.risk;
    const pick = await this.prompts.pick(
      TREATMENTS.map((treatment) => ({
        label: treatment,
        description: treatment === risk.treatment ? 'current' : undefined,
        detail: TREATMENT_HELP[treatment],
        treatment,
      })),
      { title: `Treatment of ${risk.title}` },
    );
    if (!pick) return;
    await this.update((state) => {
      const target = state.risks.find((r) => r.id === risk.id);
      if (!target) return false;
      target.treatment = pick.treatment;
    });
  }

  private async pickAsset() {
    const assets = this.tree.current?.assets ?? [];
    const pick = await this.prompts.pick(
      assets.map((a) => ({ label: a.name, description: a.file, asset: a })),
      {
        title: 'ISMS: asset',
        placeHolder:
          assets.length === 0 ? 'No assets yet: run "ISMS: Refresh from Workspace" first' : 'Choose an asset',
      },
    );
    return pick?.asset;
  }

  // ---- reminder -------------------------------------------------------------------------------

  /** Once per session, when the state file exists and its review is overdue. */
  private async remind(): Promise<void> {
    if (reminded) return;
    const state = this.tree.current;
    if (!state) return;
    const days = reviewIntervalDays();
    if (!reviewDue(state, days, new Date())) return;
    reminded = true;
    const text = state.lastReviewed
      ? `The ISMS was last reviewed on ${state.lastReviewed}, more than ${days} days ago.`
      : 'The ISMS in .srlens/isms.yaml has never been marked reviewed.';
    const choice = await vscode.window.showInformationMessage(text, 'Mark Reviewed');
    if (choice === 'Mark Reviewed') await this.markReviewed();
  }
}

export function reviewIntervalDays(): number {
  const value = vscode.workspace.getConfiguration('srlens').get<unknown>('isms.reviewIntervalDays');
  return typeof value === 'number' && Number.isFinite(value) && value >= 1 ? Math.floor(value) : DEFAULT_REVIEW_DAYS;
}

export function registerIsms(
  analyzer: Analyzer,
  config: ConfigController,
): { controller: IsmsController; disposables: vscode.Disposable[] } {
  const controller = new IsmsController(analyzer, config);
  return { controller, disposables: controller.register() };
}
