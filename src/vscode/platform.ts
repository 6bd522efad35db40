/**
 * What differs between the extension's two builds. This file is the desktop (Node) one, in
 * `dist/extension.js`; `platform.web.ts` replaces it in the browser bundle `dist/web/extension.js`
 * (vscode.dev, github.dev, any web worker extension host), where esbuild resolves `./platform` to
 * the `.web.ts` file first. The choice is made at build time, never from the UI kind: code-server
 * shows a web UI but runs this build in its Node extension host.
 */
import { readFileSync, statSync } from 'node:fs';
import * as vscode from 'vscode';
import { setWasmDirectory } from '../iac/wasm';

export const PLATFORM: 'node' | 'web' = 'node';

/** Run first in `activate`: the Terraform parser's wasm files sit in the extension's folder. */
export function initialisePlatform(context: vscode.ExtensionContext): void {
  setWasmDirectory(context.extensionPath);
}

/**
 * Whether a Node-only feature can run here; the web build says why not (see platform.web.ts).
 * `feature` is the command's title, `alternative` where to do it instead.
 */
export function availableHere(_feature: string, _alternative: string): boolean {
  return true;
}

/**
 * A file's text read synchronously, for the engine's nested stack reads (its `ReadFile` is
 * synchronous); `{ refused }` when it is larger than `maxBytes`, undefined when it cannot be read.
 */
export function readFileNow(file: string, maxBytes: number): string | { refused: string } | undefined {
  try {
    if (statSync(file).size > maxBytes) return { refused: `it is larger than the file size limit (${maxBytes} bytes)` };
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
