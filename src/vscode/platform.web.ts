/**
 * The browser build's `platform.ts` (see there): the Terraform parser's wasm files are read from
 * the extension's URI through `vscode.workspace.fs` (no disk, no `require`), and the Node-only
 * features say so instead of failing.
 */
import * as vscode from 'vscode';
import { setWasmReader, type WasmFile } from '../iac/wasm';

export const PLATFORM: 'node' | 'web' = 'web';

export function initialisePlatform(context: vscode.ExtensionContext): void {
  setWasmReader((file) => readExtensionFile(vscode.Uri.joinPath(context.extensionUri, 'dist', file), file));
}

/** Through the workbench's file systems; over HTTP where the extension is served from a CDN that no file system covers. */
async function readExtensionFile(uri: vscode.Uri, file: WasmFile): Promise<Uint8Array> {
  try {
    return await vscode.workspace.fs.readFile(uri);
  } catch (error) {
    if (uri.scheme !== 'http' && uri.scheme !== 'https') throw error;
    const response = await fetch(uri.toString());
    if (!response.ok)
      throw new Error(`Cannot load ${file} for the Terraform parser: ${response.status} ${response.statusText}`, {
        cause: error,
      });
    return new Uint8Array(await response.arrayBuffer());
  }
}

export function availableHere(feature: string, alternative: string): boolean {
  void vscode.window.showInformationMessage(
    `${feature} is not available in the web version of Shared Responsibility Lens: it needs the desktop VS Code (Node.js). ${alternative}`,
  );
  return false;
}

/** The browser cannot read a file synchronously: only open editors serve nested stack templates here. */
export function readFileNow(_file: string, _maxBytes: number): string | { refused: string } | undefined {
  return { refused: 'the web version reads nested stack templates only from open editors' };
}
