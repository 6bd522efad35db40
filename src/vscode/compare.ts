/**
 * "Compare with Branch…": what the working tree's change does to who owns what, as `srlens diff`
 * reports it. The base is read through VS Code's built-in Git extension (`vscode.git`, API 1) at
 * the merge base of HEAD and the chosen branch (default: the default branch), the head from the
 * workspace (open documents' text first, so unsaved edits count). Both sides are analysed with a
 * fresh `Analyzer` and the editor's configuration; the report opens as a read-only Markdown preview
 * of a `srlens-diff:` document, ownership changes first. The web build says it is not available.
 */
import * as vscode from 'vscode';
import type { ConfigController } from './config';
import {
  baseCandidatePaths,
  branchChoices,
  compareSides,
  comparisonMarkdown,
  defaultBranchOf,
  readSide,
  refProblem,
  type RefInfo,
} from './compare-report';
import { isEmptyDiff } from '../engine/diff';
import { logRuleCrash } from './output';
import { availableHere } from './platform';
import { settingsStore } from './settings';
import { candidateFiles, isCandidate } from './workspace-files';

export const COMPARE_COMMAND = 'srlens.compareWithBranch';
const SCHEME = 'srlens-diff';
const TITLE = 'Compare with Branch';

// The few parts of the Git extension's API (extensions/git/src/api/git.d.ts) used here.
interface GitChange {
  readonly uri: vscode.Uri;
  readonly originalUri: vscode.Uri;
}
interface GitRepository {
  readonly rootUri: vscode.Uri;
  readonly state: { readonly HEAD?: RefInfo; readonly refs?: readonly RefInfo[] };
  getRefs?(query?: object): Promise<RefInfo[]>;
  getCommit(ref: string): Promise<{ hash: string }>;
  getMergeBase(ref1: string, ref2: string): Promise<string | undefined>;
  show(ref: string, path: string): Promise<string>;
  diffWith(ref: string): Promise<GitChange[]>;
}
interface GitApi {
  readonly state?: 'uninitialized' | 'initialized';
  readonly repositories: readonly GitRepository[];
  getRepository(uri: vscode.Uri): GitRepository | null;
}
interface GitExtension {
  readonly enabled?: boolean;
  getAPI(version: 1): GitApi;
}

/** Arguments a caller (a test, a keybinding) may pass to skip the quick pick. */
interface CompareArgs {
  base?: string;
}

/** The reports, by document URI, for the `srlens-diff:` provider. */
class Reports implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }
  set(uri: vscode.Uri, text: string): void {
    this.texts.set(uri.toString(), text);
    this.changed.fire(uri);
  }
  dispose(): void {
    this.changed.dispose();
  }
}

export function registerCompare(config: ConfigController): vscode.Disposable[] {
  const reports = new Reports();
  return [
    reports,
    vscode.workspace.registerTextDocumentContentProvider(SCHEME, reports),
    vscode.commands.registerCommand(COMPARE_COMMAND, (args?: CompareArgs) => compare(config, reports, args)),
  ];
}

/** Runs the comparison; returns the report document's URI, or undefined when nothing was shown. */
async function compare(
  config: ConfigController,
  reports: Reports,
  args: CompareArgs | undefined,
): Promise<vscode.Uri | undefined> {
  if (!availableHere(`${TITLE}…`, 'Use VS Code on the desktop, or `srlens diff` in a terminal.')) return undefined;
  try {
    const repository = await pickRepository();
    if (!repository) return undefined;
    const refs = (await repository.getRefs?.({})) ?? repository.state.refs ?? [];
    const defaultBranch = defaultBranchOf(refs);
    const base = typeof args?.base === 'string' ? args.base : await pickBranch(refs, defaultBranch);
    if (base === undefined) return undefined;
    const problem = refProblem(base);
    if (problem) return void vscode.window.showErrorMessage(`${TITLE}: ${problem}`);

    let tip: string;
    try {
      tip = (await repository.getCommit(base)).hash;
    } catch {
      return void vscode.window.showErrorMessage(
        `${TITLE}: unknown branch '${base}': no branch, tag or commit by that name in ${repository.rootUri.fsPath}.`,
      );
    }
    // The merge base, as a pull request compares; the branch itself when the two share no history.
    const commit = (await repository.getMergeBase('HEAD', tip).catch(() => undefined)) ?? tip;

    await config.ready;
    const report = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Comparing with ${base}`, cancellable: true },
      async (progress, token) => {
        progress.report({ message: 'listing files' });
        const root = repository.rootUri;
        const rootPrefix = root.path.endsWith('/') ? root.path : `${root.path}/`;
        const relative = (uri: vscode.Uri) =>
          uri.scheme === root.scheme && uri.path.startsWith(rootPrefix) ? uri.path.slice(rootPrefix.length) : undefined;
        const inRoot = (file: string) => vscode.Uri.joinPath(root, ...file.split('/'));

        const headFiles = (await candidateFiles(config, token))
          .map(relative)
          .filter((f): f is string => f !== undefined);
        const changes = await repository.diffWith(commit).catch(() => [] as GitChange[]);
        const baseFiles = baseCandidatePaths(
          headFiles,
          changes.map((c) => relative(c.originalUri)).filter((f): f is string => f !== undefined),
          (file) => isCandidate(config, inRoot(file)),
        );
        if (token.isCancellationRequested) return undefined;

        const maxFileSize = settingsStore.current.maxFileSize;
        const total = headFiles.length + baseFiles.length;
        let read = 0;
        const step = () => {
          if (++read % 25 === 0)
            progress.report({ message: `${read} of ${total} files read`, increment: (25 / total) * 80 });
        };
        const open = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
        const head = await readSide(
          headFiles,
          async (file) => {
            const uri = inRoot(file);
            const document = open.get(uri.toString());
            if (document) return document.getText();
            try {
              return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
            } catch {
              return undefined; // deleted since the search
            }
          },
          { maxFileSize, cancelled: () => token.isCancellationRequested, progress: step },
        );
        const baseSide = await readSide(
          baseFiles,
          // A file that is not at the base is absent there.
          (file) => repository.show(commit, inRoot(file).fsPath).catch(() => undefined),
          { maxFileSize, cancelled: () => token.isCancellationRequested, progress: step },
        );
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- cancelled while the files were read
        if (token.isCancellationRequested) return undefined;
        progress.report({ message: `analysing ${baseSide.sources.length + head.sources.length} files` });
        const result = await compareSides(
          baseSide,
          head,
          { base: { ref: base, commit }, head: { ref: 'working tree' } },
          config.effective,
          logRuleCrash,
        );
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- cancelled while the analysis ran
        return token.isCancellationRequested ? undefined : result;
      },
    );
    if (!report) return undefined;
    if (isEmptyDiff(report)) {
      void vscode.window.showInformationMessage(
        `${TITLE}: nothing changed between ${base} and the working tree: no resource, ownership or finding differs.`,
      );
      return undefined;
    }
    const uri = vscode.Uri.from({ scheme: SCHEME, path: `/${base.replace(/[\\/]/g, '-')} … working tree.md` });
    reports.set(uri, comparisonMarkdown(report, repository.rootUri.toString()));
    await vscode.commands.executeCommand('markdown.showPreview', uri);
    return uri;
  } catch (error) {
    void vscode.window.showErrorMessage(`${TITLE} failed: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

/** The Git extension's API, once it has found the repositories; undefined (with a message) when it is not there. */
async function gitApi(): Promise<GitApi | undefined> {
  const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
  if (!extension) {
    void vscode.window.showErrorMessage(`${TITLE}: VS Code's built-in Git extension is not installed or is disabled.`);
    return undefined;
  }
  const exports = extension.isActive ? extension.exports : await extension.activate();
  if (exports.enabled === false) {
    void vscode.window.showErrorMessage(`${TITLE}: Git is turned off in VS Code (the git.enabled setting).`);
    return undefined;
  }
  const api = exports.getAPI(1);
  // Right after start-up the extension may still be looking for repositories.
  for (let waited = 0; api.state === 'uninitialized' && waited < 5000; waited += 100)
    await new Promise((resolve) => setTimeout(resolve, 100));
  return api;
}

/** The repository of the active editor's file, else the only one, else the one picked. */
async function pickRepository(): Promise<GitRepository | undefined> {
  const api = await gitApi();
  if (!api) return undefined;
  const active = vscode.window.activeTextEditor?.document.uri;
  const repository =
    (active && api.getRepository(active)) ||
    (api.repositories.length === 1 ? api.repositories[0] : undefined) ||
    (api.repositories.length > 1
      ? (
          await vscode.window.showQuickPick(
            api.repositories.map((r) => ({ label: vscode.workspace.asRelativePath(r.rootUri), repository: r })),
            { title: TITLE, placeHolder: 'Repository to compare' },
          )
        )?.repository
      : undefined);
  if (!repository && api.repositories.length === 0)
    void vscode.window.showErrorMessage(
      `${TITLE}: no Git repository is open. Open a folder that is in a Git repository (or run git init).`,
    );
  return repository;
}

/** The branch to compare with; the default branch is offered first. */
async function pickBranch(refs: readonly RefInfo[], defaultBranch: string | undefined): Promise<string | undefined> {
  const choices = branchChoices(refs, defaultBranch);
  if (choices.length === 0) {
    void vscode.window.showErrorMessage(`${TITLE}: the repository has no branch to compare with.`);
    return undefined;
  }
  const pick = await vscode.window.showQuickPick(
    choices.map((name) => ({
      label: name,
      description: name === defaultBranch ? 'default branch' : undefined,
    })),
    {
      title: TITLE,
      placeHolder: 'Compare the working tree with where it branched from… (the merge base with this branch)',
    },
  );
  return pick?.label;
}
