/**
 * Terraform modules analysed again when something they read besides their own `.tf` files
 * changes: a var file (`terraform.tfvars`, `*.auto.tfvars`, one named in
 * `srlens.terraform.varFiles`), created, edited (unsaved text counts), saved or deleted, or a file
 * of a local module they call. The engine knows which modules read what
 * (`Analyzer.forgetTerraformDependents`); each such module is analysed again, open or not: an
 * open module through its live diagnostics, a closed one through the workspace scan.
 *
 * A change of the `srlens.terraform.varFiles` setting itself re-analyses everything (settings.ts).
 */
import * as vscode from 'vscode';
import type { Analyzer } from '../engine/analyzer';
import { fileOf, isWorkspaceUri } from './files';
import { settingsStore } from './settings';
import { isTerraformDependency } from '../features/document';

export { isTerraformDependency };

export function registerTerraformDependents(analyzer: Analyzer, reanalyse: (dir: string) => void): vscode.Disposable[] {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const changed = (uri: vscode.Uri) => {
    if (!isWorkspaceUri(uri) || !isTerraformDependency(uri.path)) return;
    for (const dir of analyzer.forgetTerraformDependents(fileOf(uri))) reanalyse(dir);
  };
  /** Typing in a var file or a called module: once the typing pauses (the diagnostics debounce). */
  const edited = (doc: vscode.TextDocument) => {
    if (!isWorkspaceUri(doc.uri) || !isTerraformDependency(doc.uri.path)) return;
    const key = doc.uri.toString();
    clearTimeout(timers.get(key));
    timers.set(
      key,
      setTimeout(() => {
        timers.delete(key);
        changed(doc.uri);
      }, settingsStore.current.debounceMs),
    );
  };
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.{tf,tfvars,tfvars.json}');
  return [
    watcher,
    watcher.onDidCreate(changed),
    watcher.onDidChange(changed),
    watcher.onDidDelete(changed),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length > 0) edited(event.document);
    }),
    // Closed unsaved: what counts is on disk again.
    vscode.workspace.onDidCloseTextDocument((doc) => changed(doc.uri)),
    { dispose: () => timers.forEach((timer) => clearTimeout(timer)) },
  ];
}
