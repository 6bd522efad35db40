/**
 * One `.tf` file to its model: `parseTerraformFile` with its caches. Converted files are kept by
 * path (LRU), so unchanged text is never parsed twice, and the syntax trees of the most recently
 * parsed files are kept for incremental re-parsing (trees live in WebAssembly memory, so only a
 * few). Each parse runs within a time budget. An error-free tree goes to the cursor converter, a
 * tree with errors to the node converter.
 */
import type { Edit, Parser, Point, Tree } from 'web-tree-sitter';
import type { ParseDiagnostic } from '../model';
import { emptyFileParse, type TerraformFileParse } from './converter';
import { CursorConverter } from './cursor-converter';
import { requireParser } from './loader';
import { NodeConverter } from './node-converter';
import { keepShape } from '../shapes';

/** Counters for tests and benchmarks. */
export interface TerraformParseStats {
  /** Files parsed from scratch. */
  fullParses: number;
  /** Files re-parsed from their previous tree after an edit. */
  incrementalParses: number;
  /** Calls answered from the cache without parsing. */
  cacheHits: number;
  /** Files currently cached. */
  cachedFiles: number;
}

/** How a file is parsed. */
export interface TerraformParseOptions {
  /**
   * Keep the syntax tree for an incremental re-parse of the next edit (the default, for editors).
   * A one-pass scan never edits: freeing each tree at once keeps tree-sitter's WebAssembly memory
   * small, which also makes its allocations cheaper.
   */
  keepTree?: boolean;
}

/**
 * Parses one `.tf` file (cached by path and text). The returned objects are shared with the
 * cache: treat them as read-only. Throws only if the grammar is not loaded.
 */
export function parseTerraformFile(
  file: string,
  text: string,
  options: TerraformParseOptions = {},
): TerraformFileParse {
  const parser = requireParser();
  const cached = fileCache.get(file);
  if (cached && cached.text === text) {
    stats.cacheHits++;
    touch(fileCache, file, cached);
    return cached.parse;
  }
  const parse = parseUncached(parser, file, text, options.keepTree ?? true);
  remember(file, { text, parse });
  return parse;
}

/** Drops a file from the cache (closed or deleted), releasing its kept tree. */
export function forgetTerraformFile(file: string): void {
  fileCache.delete(file);
  releaseTree(file);
}

/** Empties the cache and resets the counters. */
export function clearTerraformCache(): void {
  fileCache.clear();
  for (const file of [...keptTrees.keys()]) releaseTree(file);
  stats.fullParses = 0;
  stats.incrementalParses = 0;
  stats.cacheHits = 0;
}

export function terraformParseStats(): TerraformParseStats {
  return { ...stats, cachedFiles: fileCache.size };
}

// ---------------------------------------------------------------------------------------------
// Cache: converted files by path (LRU), and the syntax trees of the most recently parsed files for
// incremental re-parsing.

interface CacheEntry {
  text: string;
  parse: TerraformFileParse;
}

const MAX_CACHED_FILES = 4000;
const MAX_KEPT_TREES = 16;
const fileCache = new Map<string, CacheEntry>();
const keptTrees = new Map<string, { text: string; tree: Tree }>();
const stats = { fullParses: 0, incrementalParses: 0, cacheHits: 0 };

/** Map iteration order is insertion order, so re-inserting marks an entry as most recent. */
function touch<V>(map: Map<string, V>, key: string, value: V): void {
  map.delete(key);
  map.set(key, value);
}

function remember(file: string, entry: CacheEntry): void {
  touch(fileCache, file, entry);
  if (fileCache.size > MAX_CACHED_FILES) {
    const oldest = fileCache.keys().next().value as string;
    fileCache.delete(oldest);
  }
}

function keepTree(file: string, text: string, tree: Tree): void {
  releaseTree(file);
  keptTrees.set(file, { text, tree });
  if (keptTrees.size > MAX_KEPT_TREES) releaseTree(keptTrees.keys().next().value as string);
}

function releaseTree(file: string): void {
  const kept = keptTrees.get(file);
  if (!kept) return;
  keptTrees.delete(file);
  kept.tree.delete();
}

// ---------------------------------------------------------------------------------------------
// Parsing

function parseUncached(parser: Parser, file: string, text: string, keep: boolean): TerraformFileParse {
  if (!shapesKept) keepConverterShapes(parser);
  let tree: Tree | null = null;
  try {
    const budget = parseBudgetMs(text.length);
    tree = parseTree(parser, file, text, budget);
    if (!tree) {
      parser.reset(); // otherwise the next parse would resume this one
      return emptyFileParse(file, [
        internalDiagnostic(
          file,
          `parsing stopped after ${Math.round(budget)} ms; the text is too irregular to analyse`,
        ),
      ]);
    }
    const root = tree.rootNode;
    const converter = root.hasError ? new NodeConverter(file, text) : new CursorConverter(file, text);
    const parse = converter.convert(root);
    // parseTree has already released the file's previous tree, if it kept one.
    if (keep) keepTree(file, text, tree);
    else tree.delete();
    return parse;
  } catch (error) {
    // Never throw on input: an unexpected failure becomes a diagnostic on the file.
    if (tree && keptTrees.get(file)?.tree !== tree) tree.delete();
    releaseTree(file);
    return emptyFileParse(file, [internalDiagnostic(file, error instanceof Error ? error.message : String(error))]);
  }
}

/**
 * A tiny file, parsed and converted as any other, whose tree, node, cursor, converter and text
 * reader are kept (their WebAssembly memory freed) so that a full collection between analyses
 * keeps the code optimised for them (shapes.ts).
 */
const SHAPES_TEXT = 'resource "t" "n" {\n  a = 1\n  b = f(x.y, { c = "${z}" })\n  d {\n    e = [true]\n  }\n}\n';
let shapesKept = false;

function keepConverterShapes(parser: Parser): void {
  shapesKept = true;
  const tree = parser.parse(SHAPES_TEXT);
  if (!tree) return;
  try {
    const root = tree.rootNode;
    const converter = new CursorConverter('', SHAPES_TEXT);
    converter.convert(root);
    const cursor = root.walk();
    cursor.gotoFirstChild();
    keepShape(converter);
    keepShape(cursor.currentNode);
    cursor.delete();
    keepShape(cursor);
  } finally {
    tree.delete();
    keepShape(tree);
  }
}

/**
 * Time allowed for one parse. Real files parse at roughly 4 ms per 10,000 characters; some
 * pathological inputs (thousands of unbalanced quotes) make tree-sitter's error recovery
 * superlinear, so parsing is cancelled past a generous budget instead of freezing the editor.
 */
function parseBudgetMs(length: number): number {
  return 1000 + length / 500;
}

/**
 * Parses incrementally from the file's kept tree (edited to match the new text), else from
 * scratch. Returns null when the budget runs out.
 */
function parseTree(parser: Parser, file: string, text: string, budgetMs: number): Tree | null {
  const deadline = performance.now() + budgetMs;
  const options = { progressCallback: () => performance.now() > deadline }; // true cancels
  const kept = keptTrees.get(file);
  if (kept) {
    keptTrees.delete(file);
    kept.tree.edit(editBetween(kept.text, text));
    const tree = parser.parse(text, kept.tree, options);
    kept.tree.delete();
    stats.incrementalParses++;
    return tree;
  }
  stats.fullParses++;
  return parser.parse(text, null, options);
}

/** The single edit turning `before` into `after`: the span between their common prefix and suffix. */
function editBetween(before: string, after: string): Edit {
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let oldEnd = before.length;
  let newEnd = after.length;
  while (oldEnd > start && newEnd > start && before.charCodeAt(oldEnd - 1) === after.charCodeAt(newEnd - 1)) {
    oldEnd--;
    newEnd--;
  }
  // Never split a surrogate pair: widen the edit to whole characters.
  if (start > 0 && isLowSurrogate(after.charCodeAt(start))) start--;
  if (isLowSurrogate(before.charCodeAt(oldEnd)) || isLowSurrogate(after.charCodeAt(newEnd))) {
    oldEnd = Math.min(before.length, oldEnd + 1);
    newEnd = Math.min(after.length, newEnd + 1);
  }
  return {
    startIndex: start,
    oldEndIndex: oldEnd,
    newEndIndex: newEnd,
    startPosition: pointAt(before, start),
    oldEndPosition: pointAt(before, oldEnd),
    newEndPosition: pointAt(after, newEnd),
  };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** A tree-sitter point: rows split at `\n`, columns in UTF-16 code units. */
function pointAt(text: string, index: number): Point {
  let row = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) {
    row++;
    lineStart = i + 1;
  }
  return { row, column: index - lineStart };
}

function internalDiagnostic(file: string, detail: string): ParseDiagnostic {
  return {
    file,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: 'error',
    message: `Could not parse this Terraform file: ${detail}`,
  };
}
