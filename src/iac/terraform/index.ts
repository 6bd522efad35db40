/**
 * Terraform → neutral model, parsed with tree-sitter's Terraform grammar (web-tree-sitter).
 *
 * - The grammar (WebAssembly) is loaded lazily, the first time a Terraform file is seen:
 *   `await loadTerraformLanguage()`, then parse synchronously (`loader.ts`).
 * - `parseTerraformFile` converts one file and caches the result per path: unchanged text is never
 *   parsed twice, and a changed file is re-parsed incrementally from its previous tree when that
 *   tree is still kept (`cache.ts`). An error-free tree is converted by `cursor-converter.ts`, a tree
 *   with syntax errors by `node-converter.ts`; both extend `converter.ts`, which resolves references
 *   with `references.ts` and string values with `strings.ts`.
 * - `parseTerraformModule` combines the `.tf` files of one directory into one `TerraformModule`
 *   (`module.ts`).
 *
 * Ranges are 0-based lines and UTF-16 characters, computed from string offsets into the text as
 * passed (tree-sitter reports UTF-16 offsets for JavaScript strings), so non-ASCII text, CRLF line
 * ends and a leading byte order mark keep every range exact. The parser never throws on any input:
 * syntax problems become diagnostics and everything that parsed is still returned.
 */
export {
  clearTerraformCache,
  forgetTerraformFile,
  parseTerraformFile,
  terraformParseStats,
  type TerraformParseStats,
} from './cache';
export type { TerraformFileParse } from './converter';
export { isTerraformLanguageLoaded, loadTerraformLanguage, terraformParser } from './loader';
export { parseTerraformModule } from './module';
export { unescapeQuoted } from './strings';
