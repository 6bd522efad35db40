/**
 * Terraform inputs in the editor: the setting `srlens.terraform.varFiles` (workspace-relative
 * paths, applied in order after `terraform.tfvars` and `*.auto.tfvars`), and the evaluator's file
 * access through `vscode.workspace.fs`, limited to the workspace folders (so it works on
 * vscode.dev and github.dev too). Module folders and var files are read on demand.
 */
import * as vscode from 'vscode';
import type { TerraformEvaluationOptions, TerraformInput } from '../iac/terraform/eval-module';
import { fileOf, uriOf } from './files';

function inWorkspace(uri: vscode.Uri): boolean {
  return vscode.workspace.getWorkspaceFolder(uri) !== undefined;
}

/** The var files named in the setting, as engine file names, for the first workspace folder that has each. */
function varFileInputs(): TerraformInput[] {
  const names = vscode.workspace.getConfiguration('srlens').get<string[]>('terraform.varFiles') ?? [];
  const folders = vscode.workspace.workspaceFolders ?? [];
  const inputs: TerraformInput[] = [];
  for (const name of names) {
    if (typeof name !== 'string' || name.trim() === '') continue;
    const folder = folders.at(0);
    if (folder) inputs.push({ file: fileOf(vscode.Uri.joinPath(folder.uri, name)) });
  }
  return inputs;
}

export function editorTerraformHost(): TerraformEvaluationOptions {
  return {
    // Read at each analysis, so a changed setting applies to the next one.
    get inputs() {
      return varFileInputs();
    },
    async readFile(file) {
      const uri = uriOf(file);
      if (!inWorkspace(uri)) return undefined;
      // An open var file counts as the user sees it, unsaved edits included.
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      if (open) return open.getText();
      try {
        return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      } catch {
        return undefined;
      }
    },
    async fileSize(file) {
      const uri = uriOf(file);
      if (!inWorkspace(uri)) return undefined;
      try {
        return (await vscode.workspace.fs.stat(uri)).size;
      } catch {
        return undefined;
      }
    },
    async listFiles(dir) {
      const uri = uriOf(dir);
      if (!inWorkspace(uri)) return undefined;
      try {
        return (await vscode.workspace.fs.readDirectory(uri))
          .filter(([, type]) => (type & vscode.FileType.File) !== 0)
          .map(([name]) => name);
      } catch {
        return undefined;
      }
    },
    async moduleFiles(dir) {
      const uri = uriOf(dir);
      if (!inWorkspace(uri)) return undefined;
      try {
        const entries = await vscode.workspace.fs.readDirectory(uri);
        const files: { path: string; text: string }[] = [];
        for (const [name, type] of entries) {
          if ((type & vscode.FileType.File) === 0 || !name.toLowerCase().endsWith('.tf')) continue;
          const child = vscode.Uri.joinPath(uri, name);
          const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === child.toString());
          const text = open ? open.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(child));
          files.push({ path: fileOf(child), text });
        }
        return files;
      } catch {
        return undefined;
      }
    },
  };
}
