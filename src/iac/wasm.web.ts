/**
 * The browser build's `wasm.ts` (esbuild's web entry resolves `./wasm` here first): no file
 * system, so the host supplies the bytes. The web extension reads them from its extension URI
 * (`dist/*.wasm`) through `vscode.workspace.fs` and hands them over with `setWasmReader`.
 */
export type WasmFile = 'tree-sitter.wasm' | 'tree-sitter-terraform.wasm';
export type WasmReader = (file: WasmFile) => Promise<Uint8Array>;

let reader: WasmReader | undefined;

export function setWasmReader(read: WasmReader | undefined): void {
  reader = read;
}

export async function wasmSource(file: WasmFile): Promise<Uint8Array> {
  if (!reader) throw new Error(`Cannot load ${file} for the Terraform parser: no wasm reader was set (setWasmReader).`);
  return reader(file);
}
