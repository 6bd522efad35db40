/**
 * Nested stack templates in the editor: how the engine reads a `TemplateURL: ./child.yaml` (only
 * inside the workspace; an open editor's text first, unsaved edits included), and what happens
 * when what a caller makes of a used file changes (engine/callers.ts): that file's findings are
 * shown again, from its open editor or by the workspace scan.
 */
import * as vscode from 'vscode';
import type { ReadFile } from '../engine/nested-stacks';
import { moduleDirOf, sourceKindOf } from '../iac/detect';
import { fileOf, isWorkspaceUri, uriOf } from './files';
import { readFileNow } from './platform';
import { settingsStore } from './settings';

/** The engine's reader of nested stack templates, limited to the workspace and the file size setting. */
export function editorReadFile(): ReadFile {
  return (file) => {
    const uri = uriOf(file);
    if (!isWorkspaceUri(uri) || vscode.workspace.getWorkspaceFolder(uri) === undefined)
      return { refused: 'it is outside the workspace' };
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) return open.getText();
    return uri.scheme === 'file'
      ? readFileNow(uri.fsPath, settingsStore.current.maxFileSize)
      : { refused: 'it is not on this computer' };
  };
}

/** Where a used file's findings are shown again: its open editor, else the workspace scan. */
export interface UsedFileRefresher {
  refreshOpen(doc: vscode.TextDocument): void;
  refreshModule(dir: vscode.Uri): Promise<void>;
  refreshFile(uri: vscode.Uri): void;
}

/** Shows the findings of used files again (paths: Terraform module folders, template files). */
export function refreshUsedFiles(paths: readonly string[], to: UsedFileRefresher): void {
  for (const path of paths) {
    const template = sourceKindOf(path) === 'cloudformation';
    const open = vscode.workspace.textDocuments.filter(
      (d) =>
        isWorkspaceUri(d.uri) &&
        (template
          ? fileOf(d.uri) === path
          : sourceKindOf(d.uri.path) === 'terraform' && moduleDirOf(fileOf(d.uri)) === path),
    );
    for (const doc of open) to.refreshOpen(doc);
    if (open.length > 0) continue;
    if (template) to.refreshFile(uriOf(path));
    else void to.refreshModule(uriOf(path));
  }
}
