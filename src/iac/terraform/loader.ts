/**
 * The Terraform grammar: tree-sitter's runtime and the Terraform dialect of the HCL grammar, both
 * WebAssembly, loaded once and lazily (the first time a Terraform file is seen). `wasm.ts` says
 * where the files are (`wasm.web.ts` hands over their bytes in the browser build).
 */
// `import … = require` makes bundlers pick the package's CommonJS build; its ES module build
// locates files through `import.meta.url`, which a CommonJS bundle does not have.
import TreeSitter = require('web-tree-sitter');
import { wasmSource } from '../wasm';

let loadedParser: TreeSitter.Parser | undefined;
let loading: Promise<void> | undefined;

/** Loads the grammar once; concurrent and repeated calls share the same load. */
export function loadTerraformLanguage(): Promise<void> {
  if (loadedParser) return Promise.resolve();
  loading ??= initialiseParser().catch((error: unknown) => {
    loading = undefined; // a later call may retry (for example after setWasmDirectory)
    throw error;
  });
  return loading;
}

export function isTerraformLanguageLoaded(): boolean {
  return loadedParser !== undefined;
}

async function initialiseParser(): Promise<void> {
  // Bytes, from disk on Node and from the extension's files in the browser (wasm.web.ts). Checked
  // first: tree-sitter's runtime given a damaged file fails in a way that cannot be caught.
  const runtimeWasm = checkedWasm('tree-sitter.wasm', await wasmSource('tree-sitter.wasm'));
  await TreeSitter.Parser.init({ wasmBinary: runtimeWasm });
  const language = await TreeSitter.Language.load(
    checkedWasm('tree-sitter-terraform.wasm', await wasmSource('tree-sitter-terraform.wasm')),
  );
  const parser = new TreeSitter.Parser();
  parser.setLanguage(language);
  loadedParser = parser;
}

/** The part of the WebAssembly global used here (the project's TypeScript libraries do not declare it). */
declare const WebAssembly: { validate(bytes: Uint8Array): boolean };

/** The bytes, when they are a valid WebAssembly module; otherwise an error that names the file. */
function checkedWasm(file: string, bytes: Uint8Array): Uint8Array {
  if (!WebAssembly.validate(bytes))
    throw new Error(`${file} is damaged: it is not a valid WebAssembly module (${bytes.length} bytes)`);
  return bytes;
}

/**
 * The one parser of the Terraform grammar, shared by the converter (files) and the evaluator
 * (expressions and var files), or undefined before `loadTerraformLanguage()` has finished. Parsing
 * is synchronous and each call stands alone, so sharing it is safe; the wasm is loaded once.
 */
export function terraformParser(): TreeSitter.Parser | undefined {
  return loadedParser;
}

/** The loaded parser; throws if the grammar is not loaded yet. */
export function requireParser(): TreeSitter.Parser {
  if (!loadedParser) {
    throw new Error('The Terraform grammar is not loaded: await loadTerraformLanguage() before parsing Terraform.');
  }
  return loadedParser;
}
