/**
 * Which documents the extension analyses, and the name the engine knows each file by.
 *
 * On disk (`file:` URIs) the name is the file system path, as in the CLI. In a virtual or remote
 * workspace (vscode.dev and github.dev, or a browser extension host whose folder is
 * `vscode-remote:`) the name is the URI itself, so one engine serves both: a Terraform module is
 * still "the directory part of the name", and the name turns back into the same URI.
 */
import * as vscode from 'vscode';

/** A `file:` URI, or one with the scheme and authority of a workspace folder (never `git:`, `output:`, untitled…). */
export function isWorkspaceUri(uri: vscode.Uri): boolean {
  if (uri.scheme === 'file') return true;
  return (vscode.workspace.workspaceFolders ?? []).some(
    (folder) => folder.uri.scheme === uri.scheme && folder.uri.authority === uri.authority,
  );
}

/** The engine's name for a file: its path on disk, else the whole URI. */
export function fileOf(uri: vscode.Uri): string {
  return uri.scheme === 'file' ? uri.fsPath : uri.toString();
}

/** The URI of an engine file name (the inverse of `fileOf`; a Windows drive letter is a path, not a scheme). */
export function uriOf(file: string): vscode.Uri {
  return /^[a-z][a-z0-9+.-]+:/i.test(file) && !/^[a-z]:[\\/]/i.test(file)
    ? vscode.Uri.parse(file, true)
    : vscode.Uri.file(file);
}
