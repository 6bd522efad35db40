/** Polling and lookups shared by the integration tests. Everything waits by polling, never by fixed sleeps. */
import * as vscode from 'vscode';

export const EXTENSION_ID = 'srlens.shared-responsibility-lens';
export const RULE = 'rds-storage-encryption';

/** Polls `probe` (sync or async) until it returns something other than undefined/false, or fails after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function workspaceUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

/** The diagnostics this extension published for a file. */
export function srlensDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'srlens');
}

export function ruleId(d: vscode.Diagnostic): string | undefined {
  if (typeof d.code === 'object' && d.code !== null) return String(d.code.value);
  return d.code === undefined ? undefined : String(d.code);
}

export function rdsDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return srlensDiagnostics(uri).filter((d) => ruleId(d) === RULE);
}

/** Resolves once diagnostics (possibly none) have been published for every one of `uris`. */
export function diagnosticsReported(uris: vscode.Uri[], timeoutMs = 15_000): Promise<void> {
  const waiting = new Set(uris.map((u) => u.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for diagnostics of ${[...waiting].join(', ')}`));
    }, timeoutMs);
    const listener = vscode.languages.onDidChangeDiagnostics((event) => {
      for (const uri of event.uris) waiting.delete(uri.toString());
      if (waiting.size === 0) {
        clearTimeout(timer);
        listener.dispose();
        resolve();
      }
    });
  });
}
