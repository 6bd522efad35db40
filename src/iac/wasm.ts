/**
 * Where the Terraform parser's two WebAssembly files live at run time.
 *
 * - `tree-sitter.wasm`: the tree-sitter runtime (from `web-tree-sitter`).
 * - `tree-sitter-terraform.wasm`: the Terraform dialect of the HCL grammar
 *   (from `@tree-sitter-grammars/tree-sitter-hcl`).
 *
 * The build copies both next to the bundles (`dist/`), so a packaged extension or CLI finds them
 * beside its own script. Tests and development runs fall back to `node_modules`. The VS Code
 * extension may also name its own directory explicitly with `setWasmDirectory`.
 *
 * `wasm.web.ts` replaces this file in the browser bundle (no file system there): the web
 * extension hands over the bytes with `setWasmReader`, which works here too.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export type WasmFile = 'tree-sitter.wasm' | 'tree-sitter-terraform.wasm';

/** Reads a wasm file's bytes (the web extension reads them from its extension URI). */
export type WasmReader = (file: WasmFile) => Promise<Uint8Array>;

let explicitDirectory: string | undefined;
let reader: WasmReader | undefined;

/** Bytes from `read` instead of a path on disk; `undefined` goes back to the path. */
export function setWasmReader(read: WasmReader | undefined): void {
  reader = read;
}

/**
 * The bytes of a wasm file: from the reader when one is set, else read from where `locateWasm`
 * finds it (the loader checks them before tree-sitter sees them).
 */
export async function wasmSource(file: WasmFile): Promise<Uint8Array> {
  return reader ? reader(file) : fs.promises.readFile(locateWasm(file));
}

/** Looks in `dir` first (for example the extension's `dist/` folder); `undefined` forgets it. */
export function setWasmDirectory(dir: string | undefined): void {
  explicitDirectory = dir;
}

/** The absolute path of a wasm file; throws an Error naming every place it looked. */
export function locateWasm(file: WasmFile): string {
  const candidates = candidatePaths(file);
  for (const candidate of candidates) {
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error(`Cannot find ${file} for the Terraform parser; looked in: ${candidates.join(', ')}`);
}

function candidatePaths(file: WasmFile): string[] {
  const candidates: string[] = [];
  if (explicitDirectory)
    candidates.push(path.join(explicitDirectory, file), path.join(explicitDirectory, 'dist', file));
  // In a bundle, __dirname is the bundle's folder (dist/ or out/test/unit/).
  if (typeof __dirname === 'string') candidates.push(path.join(__dirname, file));
  const installed = resolveInstalled(file);
  if (installed) candidates.push(installed);
  return candidates;
}

/** The copy inside node_modules, resolved from the running script's location. */
function resolveInstalled(file: WasmFile): string | undefined {
  try {
    // String literals so a bundler leaves these calls alone and Node resolves them at run time.
    return file === 'tree-sitter.wasm'
      ? require.resolve('web-tree-sitter/tree-sitter.wasm')
      : require.resolve('@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm');
  } catch {
    return undefined;
  }
}
