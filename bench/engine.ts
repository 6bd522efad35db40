/**
 * What the benchmark (bench/run.mjs) needs from the project, bundled by esbuild into one CommonJS
 * file: the engine as both front ends use it, and the bare parsers it is measured against, with
 * the same options and the same wasm files, so that "analysis ÷ parse" compares like with like.
 */
import TreeSitter = require('web-tree-sitter');
import * as jsonc from 'jsonc-parser';
import { parseAllDocuments, type CollectionTag, type ScalarTag } from 'yaml';
import { Analyzer } from '../src/engine/analyzer';
import { INTRINSIC_TAGS } from '../src/iac/cloudformation';
import { clearTerraformCache, loadTerraformLanguage, terraformParseStats } from '../src/iac/terraform';
import { locateWasm } from '../src/iac/wasm';
import { RULES } from '../src/rules';

export { Analyzer, clearTerraformCache, loadTerraformLanguage, terraformParseStats, RULES };

/** The same intrinsic tags the engine registers: without them every `!Ref` would cost a warning. */
const CUSTOM_TAGS: (ScalarTag | CollectionTag)[] = INTRINSIC_TAGS.flatMap((tag) => [
  { tag, identify: () => false, resolve: (value: string) => value } as ScalarTag,
  { tag, collection: 'seq', identify: () => false, resolve: (value: unknown) => value } as unknown as CollectionTag,
  { tag, collection: 'map', identify: () => false, resolve: (value: unknown) => value } as unknown as CollectionTag,
]);

/** The floor for YAML: the `yaml` document API alone (what `parseDocument` does, for every document of the file). */
export function bareParseYaml(text: string): number {
  const documents = parseAllDocuments(text, { customTags: CUSTOM_TAGS, prettyErrors: false, keepSourceTokens: false });
  return Array.isArray(documents) ? documents.length : 0;
}

/** The floor for JSON: jsonc-parser's tree, as the engine builds it. */
export function bareParseJson(text: string): number {
  const errors: jsonc.ParseError[] = [];
  const tree = jsonc.parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  return tree ? 1 : 0;
}

let bareParser: TreeSitter.Parser | undefined;

/** A tree-sitter parser of its own (the engine's keeps trees for incremental parsing). */
export async function loadBareTerraformParser(): Promise<void> {
  if (bareParser) return;
  await loadTerraformLanguage(); // initialises the runtime once
  const language = await TreeSitter.Language.load(locateWasm('tree-sitter-terraform.wasm'));
  const parser = new TreeSitter.Parser();
  parser.setLanguage(language);
  bareParser = parser;
}

/** The floor for Terraform: tree-sitter's parse of each file, from scratch, tree freed. */
export function bareParseTerraform(texts: string[]): number {
  if (!bareParser) throw new Error('call loadBareTerraformParser() first');
  let nodes = 0;
  for (const text of texts) {
    const tree = bareParser.parse(text);
    if (tree) {
      nodes += tree.rootNode.childCount;
      tree.delete();
    }
  }
  return nodes;
}

// The matrix webview's model, for the browser measurement (bench/matrix-webview.mjs).
export { buildMatrix } from '../src/engine/matrix';
export { buildStack, stackScope } from '../src/engine/stack';
export { matrixView } from '../src/engine/matrix-view';
export { matrixHtml } from '../src/engine/matrix-html';
