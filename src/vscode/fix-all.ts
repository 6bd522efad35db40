/**
 * Fix all: the `source.fixAll.srlens` code action (usable in `editor.codeActionsOnSave`) and the
 * palette command `srlens.fixAll`. Fixes are applied one at a time on the text in memory, each
 * followed by a fresh analysis (engine/fix-all.ts); the result is one workspace edit holding, per
 * file, only the span that changed. Nothing is applied when the document (or another file of its
 * Terraform module) changed while the fixes were computed.
 */
import * as vscode from 'vscode';
import type { SourceFile } from '../engine/analyzer';
import { fixAllInFile, type FixAllResult } from '../engine/fix-all';
import { sourceKindOf } from '../iac/detect';
import type { DocumentAnalyses } from './analysis';
import { SELECTOR, toRange } from './code-actions';
import { FIX_ALL_TITLE } from '../features/code-actions';
import { fileOf, isWorkspaceUri, uriOf } from './files';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('srlens');
export const FIX_ALL_COMMAND = 'srlens.fixAll';
const TITLE = FIX_ALL_TITLE;

type Outcome =
  | { kind: 'fixed'; edit: vscode.WorkspaceEdit; result: FixAllResult }
  | { kind: 'nothing'; result?: FixAllResult }
  | { kind: 'changed' }
  | { kind: 'cancelled' }
  | { kind: 'unsupported' };

export function registerFixAll(analyses: DocumentAnalyses): vscode.Disposable[] {
  return [
    vscode.languages.registerCodeActionsProvider(SELECTOR, new FixAllProvider(analyses), {
      providedCodeActionKinds: [FIX_ALL_KIND],
    }),
    vscode.commands.registerCommand(FIX_ALL_COMMAND, () => fixAllCommand(analyses)),
  ];
}

class FixAllProvider implements vscode.CodeActionProvider {
  constructor(private readonly analyses: DocumentAnalyses) {}

  async provideCodeActions(
    doc: vscode.TextDocument,
    _range: vscode.Range,
    context: vscode.CodeActionContext,
    token: vscode.CancellationToken,
  ): Promise<vscode.CodeAction[]> {
    // Only when asked for (on save, the Source Action menu, or by kind): it analyses repeatedly.
    if (!context.only?.contains(FIX_ALL_KIND)) return [];
    const outcome = await computeFixAll(this.analyses, doc, token);
    if (outcome.kind !== 'fixed') return [];
    const action = new vscode.CodeAction(TITLE, FIX_ALL_KIND);
    action.edit = outcome.edit;
    return [action];
  }
}

async function fixAllCommand(analyses: DocumentAnalyses): Promise<boolean> {
  const doc = vscode.window.activeTextEditor?.document;
  if (!doc || !isWorkspaceUri(doc.uri) || !sourceKindOf(doc.uri.path)) {
    void vscode.window.showInformationMessage(
      'Open a CloudFormation or Terraform file to fix its auto-fixable problems.',
    );
    return false;
  }
  const outcome = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: 'Fixing auto-fixable problems', cancellable: true },
    (_progress, token) => computeFixAll(analyses, doc, token),
  );
  switch (outcome.kind) {
    case 'unsupported':
      void vscode.window.showInformationMessage(
        'Open a CloudFormation or Terraform file to fix its auto-fixable problems.',
      );
      return false;
    case 'cancelled':
      return false;
    case 'changed':
      void vscode.window.showWarningMessage(
        'The file changed while the fixes were computed, so nothing was applied. Run Fix All again.',
      );
      return false;
    case 'nothing':
      void vscode.window.showInformationMessage(
        outcome.result && outcome.result.remaining > 0
          ? `No fix could be applied cleanly; ${plural(outcome.result.remaining, 'problem')} need a manual change.`
          : 'No auto-fixable problems in this file.',
      );
      return false;
    case 'fixed': {
      const applied = await vscode.workspace.applyEdit(outcome.edit);
      if (!applied) {
        void vscode.window.showWarningMessage(
          'The fixes could not be applied (the file changed meanwhile). Run Fix All again.',
        );
        return false;
      }
      const { result } = outcome;
      const left = result.remaining > 0 ? ` ${plural(result.remaining, 'problem')} left to fix by hand.` : '';
      vscode.window.setStatusBarMessage(
        `$(check) Applied ${plural(result.applied.length, 'fix', 'fixes')}.${left}`,
        5000,
      );
      return true;
    }
  }
}

/**
 * Computes the fix-all edit for a document from its current text (and, for Terraform, the current
 * text of every file of its module). Refuses when any of them changes during the computation.
 */
export async function computeFixAll(
  analyses: DocumentAnalyses,
  doc: vscode.TextDocument,
  token?: vscode.CancellationToken,
): Promise<Outcome> {
  const kind = sourceKindOf(doc.uri.path);
  if (!isWorkspaceUri(doc.uri) || !kind) return { kind: 'unsupported' };
  const file = fileOf(doc.uri);
  const version = doc.version;
  const analysis = await analyses.analyze(doc);
  if (!analysis) return { kind: 'unsupported' };
  if (analysis.version !== doc.version || doc.version !== version) return { kind: 'changed' };
  if (!analysis.analysis.findings.some((f) => f.file === file && f.fixable)) return { kind: 'nothing' };

  const snapshot = await currentTexts(doc, kind === 'terraform' ? analysis.files : [file]);
  const changed = () => doc.version !== version || snapshot.versions.some(([other, v]) => other.version !== v);
  if (changed()) return { kind: 'changed' };
  const result = await fixAllInFile(analyses.analyzer, file, snapshot.files, {
    isCancelled: () => token?.isCancellationRequested === true || changed(),
  });
  if (changed()) return { kind: 'changed' };
  if (result.cancelled || token?.isCancellationRequested) return { kind: 'cancelled' };
  if (result.edits.length === 0) return { kind: 'nothing', result };
  const edit = new vscode.WorkspaceEdit();
  for (const e of result.edits) edit.replace(uriOf(e.file), toRange(e.range), e.newText);
  return { kind: 'fixed', edit, result };
}

/** The texts to fix: open editors' (unsaved) text first, else the file on disk; with the versions of the open ones. */
async function currentTexts(
  doc: vscode.TextDocument,
  paths: string[],
): Promise<{ files: SourceFile[]; versions: [vscode.TextDocument, number][] }> {
  const open = new Map(
    vscode.workspace.textDocuments.filter((d) => isWorkspaceUri(d.uri)).map((d) => [fileOf(d.uri), d]),
  );
  open.set(fileOf(doc.uri), doc);
  const files: SourceFile[] = [];
  const versions: [vscode.TextDocument, number][] = [];
  const decoder = new TextDecoder();
  for (const path of paths) {
    const editor = open.get(path);
    if (editor) {
      files.push({ path, text: editor.getText() });
      versions.push([editor, editor.version]);
      continue;
    }
    try {
      files.push({ path, text: decoder.decode(await vscode.workspace.fs.readFile(uriOf(path))) });
    } catch {
      // Gone since the module was listed: fix with the rest.
    }
  }
  return { files, versions };
}

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
