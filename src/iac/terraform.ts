/**
 * Terraform → neutral model, parsed with tree-sitter's Terraform grammar (web-tree-sitter).
 *
 * - The grammar (WebAssembly) is loaded lazily, the first time a Terraform file is seen:
 *   `await loadTerraformLanguage()`, then parse synchronously.
 * - `parseTerraformFile` converts one file and caches the result per path: unchanged text is never
 *   parsed twice, and a changed file is re-parsed incrementally from its previous tree when that
 *   tree is still kept.
 * - `parseTerraformModule` combines the `.tf` files of one directory into one `TerraformModule`.
 *
 * Ranges are 0-based lines and UTF-16 characters, computed from string offsets into the text as
 * passed (tree-sitter reports UTF-16 offsets for JavaScript strings), so non-ASCII text, CRLF line
 * ends and a leading byte order mark keep every range exact. The parser never throws on any input:
 * syntax problems become diagnostics and everything that parsed is still returned.
 */
// `import … = require` makes bundlers pick the package's CommonJS build; its ES module build
// locates files through `import.meta.url`, which a CommonJS bundle does not have.
import TreeSitter = require('web-tree-sitter');
import { classifyType } from '../knowledge/services';
import { classificationHints } from './hints';
import { LineIndex } from './line-index';
import type {
  ListValue,
  LiteralValue,
  MapValue,
  ParseDiagnostic,
  ParseResult,
  Property,
  Range,
  ReferenceValue,
  Resource,
  TerraformModule,
  TfModuleCall,
  TfOutput,
  TfProvider,
  TfVariable,
  UnresolvableValue,
  Value,
} from './model';
import { getProperty } from './model';
import { wasmSource } from './wasm';

type Parser = TreeSitter.Parser;
type Tree = TreeSitter.Tree;
type SyntaxNode = TreeSitter.Node;
type TreeCursor = TreeSitter.TreeCursor;
type Edit = TreeSitter.Edit;
type Point = TreeSitter.Point;

// ---------------------------------------------------------------------------------------------
// Public API

/** Everything one `.tf` file contributes to its module, plus its syntax diagnostics. */
export interface TerraformFileParse {
  file: string;
  resources: Resource[];
  dataSources: Resource[];
  providers: TfProvider[];
  variables: TfVariable[];
  locals: Property[];
  moduleCalls: TfModuleCall[];
  outputs: TfOutput[];
  diagnostics: ParseDiagnostic[];
}

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

let loadedParser: Parser | undefined;
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
  // A path on Node; the bytes themselves in the browser (wasm.web.ts), where there is no disk.
  const runtimeWasm = await wasmSource('tree-sitter.wasm');
  await TreeSitter.Parser.init(
    typeof runtimeWasm === 'string' ? { locateFile: () => runtimeWasm } : { wasmBinary: runtimeWasm },
  );
  const language = await TreeSitter.Language.load(await wasmSource('tree-sitter-terraform.wasm'));
  const parser = new TreeSitter.Parser();
  parser.setLanguage(language);
  loadedParser = parser;
}

function requireParser(): Parser {
  if (!loadedParser) {
    throw new Error('The Terraform grammar is not loaded: await loadTerraformLanguage() before parsing Terraform.');
  }
  return loadedParser;
}

/**
 * Parses one `.tf` file (cached by path and text). The returned objects are shared with the
 * cache: treat them as read-only. Throws only if the grammar is not loaded.
 */
export function parseTerraformFile(file: string, text: string): TerraformFileParse {
  const parser = requireParser();
  const cached = fileCache.get(file);
  if (cached && cached.text === text) {
    stats.cacheHits++;
    touch(fileCache, file, cached);
    return cached.parse;
  }
  const parse = parseUncached(parser, file, text);
  remember(file, { text, parse });
  return parse;
}

/**
 * Combines the `.tf` files of one directory into one module (files in path order, as Terraform
 * reads them in name order). Throws only if the grammar is not loaded.
 */
export function parseTerraformModule(dir: string, files: { path: string; text: string }[]): ParseResult {
  requireParser();
  const ordered = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const module: TerraformModule = {
    kind: 'terraform',
    dir,
    files: ordered.map((f) => f.path),
    resources: [],
    dataSources: [],
    providers: [],
    variables: [],
    locals: [],
    moduleCalls: [],
    outputs: [],
  };
  const diagnostics: ParseDiagnostic[] = [];
  for (const { path, text } of ordered) {
    const parse = parseTerraformFile(path, text);
    module.resources.push(...parse.resources);
    module.dataSources.push(...parse.dataSources);
    module.providers.push(...parse.providers);
    module.variables.push(...parse.variables);
    module.locals.push(...parse.locals);
    module.moduleCalls.push(...parse.moduleCalls);
    module.outputs.push(...parse.outputs);
    diagnostics.push(...parse.diagnostics);
  }
  diagnostics.push(...duplicateDeclarations(module));
  return { units: ordered.length > 0 ? [module] : [], diagnostics };
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
// incremental re-parsing (trees live in WebAssembly memory, so only a few are kept).

interface CacheEntry {
  text: string;
  parse: TerraformFileParse;
}

/** Longest heredoc template kept whole in the model (longer ones are truncated like any excerpt). */
const MAX_TEMPLATE_TEXT = 65_536;
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

function parseUncached(parser: Parser, file: string, text: string): TerraformFileParse {
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
    const parse = new FileConverter(file, text).convert(tree.rootNode);
    keepTree(file, text, tree);
    return parse;
  } catch (error) {
    // Never throw on input: an unexpected failure becomes a diagnostic on the file.
    if (tree && keptTrees.get(file)?.tree !== tree) tree.delete();
    releaseTree(file);
    return emptyFileParse(file, [internalDiagnostic(file, error instanceof Error ? error.message : String(error))]);
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

function emptyFileParse(file: string, diagnostics: ParseDiagnostic[]): TerraformFileParse {
  return {
    file,
    resources: [],
    dataSources: [],
    providers: [],
    variables: [],
    locals: [],
    moduleCalls: [],
    outputs: [],
    diagnostics,
  };
}

function internalDiagnostic(file: string, detail: string): ParseDiagnostic {
  return {
    file,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: 'error',
    message: `Could not parse this Terraform file: ${detail}`,
  };
}

// ---------------------------------------------------------------------------------------------
// Conversion of one file's syntax tree

/** Deeper values than this become one unresolvable value (and one diagnostic), not a stack overflow. */
const MAX_NESTING = 256;
/** Unresolvable values keep at most this much source text. */
const MAX_TEXT = 200;
/** Syntax errors reported per file; a badly broken file would otherwise flood the Problems view. */
const MAX_SYNTAX_DIAGNOSTICS = 100;

/** Blocks that only appear at the top level of a Terraform file. */
const TOP_LEVEL_BLOCKS = new Set([
  'resource',
  'data',
  'provider',
  'variable',
  'output',
  'module',
  'locals',
  'terraform',
]);

/** Roots of references whose value depends on the evaluation context, not on a declaration. */
const CONTEXT_ROOTS = new Set(['each', 'count', 'self', 'path', 'terraform']);

/** One step after a reference's root: `.name`, `[key]` or a splat. */
interface TraversalStep {
  kind: 'attr' | 'index' | 'splat';
  name: string;
}

/** A string without escapes, interpolation or directives: its value is the text between the quotes. */
const SIMPLE_STRING = /^"[^"\\$%\r\n]*"$/;
const SIMPLE_NUMBER = /^-?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/;
/** `name.name…` with ASCII identifiers only (HCL also allows Unicode ones; those take the general path). */
const SIMPLE_TRAVERSAL = /^[A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z_][A-Za-z0-9_-]*)+$/;

/** Error-free trees: a collection's or a template's only child, by its first character. */
const COLLECTION_BY_OPENER: Record<number, string> = { 0x5b /* [ */: 'tuple', 0x7b /* { */: 'object' };
const TEMPLATE_BY_OPENER: Record<number, string> = {
  0x22 /* " */: 'quoted_template',
  0x3c /* < */: 'heredoc_template',
};

/** The pieces of a block: `type "label" "label" { body }`. */
interface BlockParts {
  start: number;
  end: number;
  type: string;
  /** The type name's offsets (the whole block's when it has none). */
  typeStart: number;
  typeEnd: number;
  labels: { value: string; range: Range }[];
  /** The body's node: always from `blockParts`; from `walkBlock` only for `dynamic` blocks (`iteratorName`). */
  body: SyntaxNode | undefined;
  /** From `walkBlock`: the body's items, plain attributes already converted, for `bodyMap(block, bodyDepth)`. */
  items?: BodyItem[];
  bodyDepth?: number;
  /** From `{` to `}` (the map's range). */
  bodyRange: Range;
  range: Range;
}

/** A body item found by `walkBlock`: a converted plain attribute, or a node still to convert. */
type BodyItem = Property | { item: 'attribute' | 'block'; node: SyntaxNode };

class FileConverter {
  private readonly lines: LineIndex;
  private readonly result: TerraformFileParse;
  private readonly reported = new Set<string>();
  private syntaxDiagnostics = 0;
  private treeHasError = false;
  private depthReported = false;
  /** Iterator names of the `dynamic` blocks being converted (`ingress` in `ingress.value`). */
  private readonly iterators = new Set<string>();
  /** Top-level blocks found nested in another block because a `}` is missing (see `bodyMap`). */
  private readonly strandedBlocks: SyntaxNode[] = [];
  /** Error-free trees: the cursor that walks nested blocks (`blockParts`), made on first use. */
  private cursor: TreeCursor | undefined;

  constructor(
    private readonly file: string,
    private readonly text: string,
  ) {
    this.lines = new LineIndex(text);
    this.result = emptyFileParse(file, []);
  }

  convert(root: SyntaxNode): TerraformFileParse {
    this.treeHasError = root.hasError;
    if (this.treeHasError) {
      this.collectSyntaxErrors(root);
      for (const body of root.children) {
        if (body?.type !== 'body') continue;
        for (const child of body.children) if (child && this.bodyItemType(child) === 'block') this.topLevelBlock(child);
      }
      // Converting a stranded block may strand further blocks, hence the index loop.
      for (let i = 0; i < this.strandedBlocks.length; i++) this.topLevelBlock(this.strandedBlocks[i]);
    } else {
      try {
        for (const block of this.walkTopLevel(root)) this.topLevelParts(block);
      } finally {
        this.cursor?.delete();
        this.cursor = undefined;
      }
    }
    this.result.diagnostics.sort(
      (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
    );
    return this.result;
  }

  /**
   * Error-free trees: the top-level blocks, walked with one cursor (no node objects for the blocks'
   * parts and plain attributes: each node object costs calls into WebAssembly and an allocation).
   * All blocks are walked before any is converted, so converting never moves this cursor.
   */
  private walkTopLevel(root: SyntaxNode): BlockParts[] {
    const blocks: BlockParts[] = [];
    const cursor = root.walk();
    try {
      if (!cursor.gotoFirstChild()) return blocks;
      do {
        if (cursor.nodeType !== 'body') continue;
        if (!cursor.gotoFirstChild()) continue;
        do {
          const start = cursor.startIndex;
          if (this.bodyItemTypeAt(cursor, start) === 'block') blocks.push(this.walkBlock(cursor, 0, start));
        } while (cursor.gotoNextSibling());
        cursor.gotoParent();
      } while (cursor.gotoNextSibling());
      return blocks;
    } finally {
      cursor.delete();
    }
  }

  // -- top-level blocks ------------------------------------------------------------------------

  private topLevelBlock(node: SyntaxNode): void {
    this.topLevelParts(this.blockParts(node, 0));
  }

  private topLevelParts(block: BlockParts): void {
    switch (block.type) {
      case 'resource':
      case 'data':
        this.resourceBlock(block);
        break;
      case 'provider':
        this.providerBlock(block);
        break;
      case 'variable':
        this.variableBlock(block);
        break;
      case 'locals':
        this.result.locals.push(...this.bodyMap(block, 0).properties);
        break;
      case 'module':
        this.moduleBlock(block);
        break;
      case 'output':
        this.outputBlock(block);
        break;
      default:
        break; // terraform, moved, import, check, removed…: nothing the analysis needs yet
    }
  }

  private resourceBlock(block: BlockParts): void {
    if (!this.hasLabels(block, 2, 'a type and a name')) return;
    const [typeLabel, nameLabel] = block.labels;
    const properties = this.bodyMap(block, 0);
    const classification = classifyType(typeLabel.value, classificationHints(properties));
    const address = `${typeLabel.value}.${nameLabel.value}`;
    const resource: Resource = {
      id: block.type === 'data' ? `data.${address}` : address,
      type: typeLabel.value,
      service: classification.service,
      tier: classification.tier,
      file: this.file,
      syntax: 'terraform',
      range: block.range,
      idRange: { start: typeLabel.range.start, end: block.labels[block.labels.length - 1].range.end },
      typeRange: typeLabel.range,
      properties,
    };
    const count = getProperty(properties, 'count');
    if (count) resource.count = count.value;
    const forEach = getProperty(properties, 'for_each');
    if (forEach) resource.forEach = forEach.value;
    (block.type === 'data' ? this.result.dataSources : this.result.resources).push(resource);
  }

  private providerBlock(block: BlockParts): void {
    if (!this.hasLabels(block, 1, 'a name')) return;
    const properties = this.bodyMap(block, 0);
    const provider: TfProvider = {
      name: block.labels[0].value,
      file: this.file,
      range: block.range,
      labelRange: block.labels[0].range,
      properties,
    };
    const alias = literalString(getProperty(properties, 'alias')?.value);
    if (alias !== undefined) provider.alias = alias;
    const region = getProperty(properties, 'region');
    if (region) provider.region = region.value;
    this.result.providers.push(provider);
  }

  private variableBlock(block: BlockParts): void {
    if (!this.hasLabels(block, 1, 'a name')) return;
    const properties = this.bodyMap(block, 0);
    const sensitive = getProperty(properties, 'sensitive')?.value;
    const variable: TfVariable = {
      name: block.labels[0].value,
      sensitive: sensitive?.kind === 'literal' && sensitive.value === true,
      file: this.file,
      range: block.range,
      labelRange: block.labels[0].range,
    };
    const defaultValue = getProperty(properties, 'default');
    if (defaultValue) variable.default = defaultValue.value;
    this.result.variables.push(variable);
  }

  private moduleBlock(block: BlockParts): void {
    if (!this.hasLabels(block, 1, 'a name')) return;
    const properties = this.bodyMap(block, 0);
    const call: TfModuleCall = {
      name: block.labels[0].value,
      file: this.file,
      range: block.range,
      labelRange: block.labels[0].range,
      properties,
    };
    const source = literalString(getProperty(properties, 'source')?.value);
    if (source !== undefined) call.source = source;
    this.result.moduleCalls.push(call);
  }

  private outputBlock(block: BlockParts): void {
    if (!this.hasLabels(block, 1, 'a name')) return;
    const value = getProperty(this.bodyMap(block, 0), 'value');
    const output: TfOutput = { name: block.labels[0].value, file: this.file, range: block.range };
    if (value) output.value = value.value;
    this.result.outputs.push(output);
  }

  private hasLabels(block: BlockParts, needed: number, what: string): boolean {
    if (block.labels.length >= needed) return true;
    const labelled = needed === 1 ? 'one label' : `${needed} labels`;
    this.report(this.lines.range(block.typeStart, block.typeEnd), `A ${block.type} block needs ${labelled}: ${what}.`);
    return false;
  }

  // -- blocks and bodies -----------------------------------------------------------------------

  /** `bodyDepth`: the depth its body will be converted at (`bodyMap`). */
  private blockParts(node: SyntaxNode, bodyDepth: number): BlockParts {
    if (!this.treeHasError) {
      this.cursor ??= node.walk();
      this.cursor.reset(node);
      return this.walkBlock(this.cursor, bodyDepth);
    }
    let typeNode: SyntaxNode | undefined;
    let body: SyntaxNode | undefined;
    let open: SyntaxNode | undefined;
    let close: SyntaxNode | undefined;
    const labels: BlockParts['labels'] = [];
    for (const child of node.children) {
      if (!child) continue;
      const type = this.blockPartType(child, typeNode === undefined, open !== undefined);
      if (type === 'identifier' && !typeNode) typeNode = child;
      else if ((type === 'string_lit' || type === 'identifier') && !open) labels.push(this.label(child, type));
      else if (type === 'block_start') open = child;
      else if (type === 'body') body = child;
      else if (type === 'block_end') close = child;
    }
    const range = this.rangeOf(node);
    const start = node.startIndex;
    const end = node.endIndex;
    const typeStart = typeNode ? typeNode.startIndex : start;
    const typeEnd = typeNode ? typeNode.endIndex : end;
    const typeName = typeNode ? this.text.slice(typeStart, typeEnd) : '';
    const bodyRange = open ? { start: this.startOf(open), end: close ? this.endOf(close) : range.end } : range;
    return { start, end, type: typeName, typeStart, typeEnd, labels, body, bodyRange, range };
  }

  /**
   * `blockParts` for error-free trees, from the cursor on the block (left there): the same parts,
   * read with the cursor, and the body's items (see `walkBody`).
   */
  private walkBlock(cursor: TreeCursor, bodyDepth: number, start = cursor.startIndex): BlockParts {
    const end = cursor.endIndex;
    return this.plainBlock(cursor, start, end, bodyDepth) ?? this.walkBlockParts(cursor, start, end, bodyDepth);
  }

  /**
   * `walkBlock` for the usual header, read from the source: `type "label" name {` on one line,
   * names in ASCII, labels without escapes or template sequences. In an error-free tree such a
   * header is exactly the block's first children, and the block ends with its `}` (a node never
   * ends with a comment). The cursor then moves straight to the body. Undefined for any other header.
   */
  private plainBlock(cursor: TreeCursor, start: number, end: number, bodyDepth: number): BlockParts | undefined {
    const text = this.text;
    const typeName = this.identifierAt(start);
    if (typeName === undefined) return undefined;
    let i = start + typeName.length;
    if (text.charCodeAt(i) === 0x3a /* : */) return undefined; // `::` belongs to the name
    const labels: BlockParts['labels'] = [];
    for (;;) {
      while (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09) i++;
      const next = text.charCodeAt(i);
      if (next === 0x7b /* { */) break;
      if (next === 0x22 /* " */) {
        let j = i + 1;
        while (j < end && isPlainStringCode(text.charCodeAt(j))) j++;
        if (j >= end || text.charCodeAt(j) !== 0x22) return undefined;
        labels.push({ value: text.slice(i + 1, j), range: this.lines.range(i, j + 1) });
        i = j + 1;
        continue;
      }
      const name = this.identifierAt(i);
      if (name === undefined || text.charCodeAt(i + name.length) === 0x3a /* : */) return undefined;
      labels.push({ value: name, range: this.lines.range(i, i + name.length) });
      i += name.length;
    }
    const open = i;
    const range = this.lines.range(start, end);
    let body: SyntaxNode | undefined;
    let items: BodyItem[] = [];
    let k = open + 1;
    while (isAsciiSpace(text.charCodeAt(k))) k++;
    if (text.charCodeAt(k) === 0x7d /* } */) {
      if (k + 1 !== end) return undefined; // `{}`: the block ends with that `}`
    } else {
      // Back from the closing `}` (the last child) to the body, past comments; reaching the `{`
      // means there is none. (`gotoFirstChildForIndex` would go straight to it, but web-tree-sitter
      // 0.25 passes it the wrong argument.)
      if (!cursor.gotoLastChild()) return undefined;
      if (cursor.startIndex !== end - 1) {
        cursor.gotoParent();
        return undefined; // not the `}` expected: read the children one by one
      }
      while (cursor.gotoPreviousSibling()) {
        const childStart = cursor.startIndex;
        if (childStart <= open) break;
        const first = text.charCodeAt(childStart);
        if (first !== 0x23 /* # */ && first !== 0x2f /* / */) {
          if (typeName === 'dynamic') body = cursor.currentNode;
          items = this.walkBody(cursor, bodyDepth, childStart);
          break;
        }
      }
      cursor.gotoParent();
    }
    const bodyRange = { start: this.lines.position(open), end: this.lines.position(end) };
    return {
      start,
      end,
      type: typeName,
      typeStart: start,
      typeEnd: start + typeName.length,
      labels,
      body,
      items,
      bodyDepth,
      bodyRange,
      range,
    };
  }

  /** `walkBlock` for any header: each of the block's children in turn. */
  private walkBlockParts(cursor: TreeCursor, start: number, end: number, bodyDepth: number): BlockParts {
    const range = this.lines.range(start, end);
    let typeStart = -1;
    let typeEnd = -1;
    let typeName = '';
    let open = -1;
    let closeEnd = -1;
    let body: SyntaxNode | undefined;
    let items: BodyItem[] | undefined;
    const labels: BlockParts['labels'] = [];
    if (cursor.gotoFirstChild()) {
      do {
        const childStart = cursor.startIndex;
        const type = this.blockPartTypeAt(childStart, typeStart === -1, open !== -1);
        if (type === 'identifier' && typeStart === -1) {
          typeStart = childStart;
          typeEnd = cursor.endIndex;
          typeName = this.text.slice(typeStart, typeEnd);
        } else if ((type === 'string_lit' || type === 'identifier') && open === -1) {
          labels.push(this.labelAt(cursor, childStart, cursor.endIndex, type));
        } else if (type === 'block_start') open = childStart;
        else if (type === 'body') {
          if (typeName === 'dynamic') body = cursor.currentNode;
          items = this.walkBody(cursor, bodyDepth, childStart);
        } else if (type === 'block_end') closeEnd = cursor.endIndex;
      } while (cursor.gotoNextSibling());
      cursor.gotoParent();
    }
    if (typeStart === -1) {
      typeStart = start;
      typeEnd = end;
    }
    const bodyRange =
      open !== -1
        ? { start: this.lines.position(open), end: closeEnd !== -1 ? this.lines.position(closeEnd) : range.end }
        : range;
    return {
      start,
      end,
      type: typeName,
      typeStart,
      typeEnd,
      labels,
      body,
      items: items ?? [],
      bodyDepth,
      bodyRange,
      range,
    };
  }

  /**
   * The items of the body the cursor is on (left there): plain attributes converted right away
   * (they report nothing and depend on nothing converted before them), the rest kept as nodes.
   */
  private walkBody(cursor: TreeCursor, depth: number, bodyStart?: number): BodyItem[] {
    const items: BodyItem[] = [];
    if (!cursor.gotoFirstChild()) return items;
    const text = this.text;
    let start = bodyStart ?? cursor.startIndex; // a node starts where its first child does
    for (;;) {
      const type = this.bodyItemTypeAt(cursor, start);
      const end = cursor.endIndex;
      if (type === 'attribute') {
        const simple = depth + 1 <= MAX_NESTING ? this.simpleElement(start, end, false) : undefined;
        items.push(simple ?? { item: 'attribute', node: cursor.currentNode });
      } else if (type === 'block') items.push({ item: 'block', node: cursor.currentNode });
      if (!cursor.gotoNextSibling()) break;
      // Only whitespace separates siblings (comments are siblings themselves): the next one starts at
      // the first other character, unless that is not ASCII (then ask the tree).
      start = end;
      while (isAsciiSpace(text.charCodeAt(start))) start++;
      if (text.charCodeAt(start) >= 0x80 || start >= text.length) start = cursor.startIndex;
    }
    cursor.gotoParent();
    return items;
  }

  // Node types cost a call into WebAssembly each. In an error-free tree the grammar leaves no doubt
  // about what a body item or block part is, so its first characters tell (the profile's top cost).

  /** `attribute`, `block` or `comment` (anything else when the tree has errors). */
  private bodyItemType(node: SyntaxNode): string {
    if (this.treeHasError) return node.type;
    return this.bodyItemTypeFromText(node.startIndex) ?? node.type;
  }

  /** `bodyItemType` of the cursor's node (error-free trees). */
  private bodyItemTypeAt(cursor: TreeCursor, start: number): string {
    return this.bodyItemTypeFromText(start) ?? cursor.nodeType;
  }

  /** A body item's type told by its first characters, or undefined when they do not tell. */
  private bodyItemTypeFromText(start: number): string | undefined {
    const text = this.text;
    const first = text.charCodeAt(start);
    if (first === 0x23 /* # */ || first === 0x2f /* / */) return 'comment';
    let i = start;
    while (i < text.length && isIdentifierCode(text.charCodeAt(i))) i++;
    while (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09) i++;
    const next = text.charCodeAt(i);
    if (next === 0x3d /* = */) return 'attribute';
    if (next === 0x7b /* { */ || next === 0x22 /* " */ || isIdentifierCode(next)) return 'block';
    return undefined;
  }

  /** A child of a block: `identifier` (type or label), `string_lit`, `block_start`, `body`, `block_end` or `comment`. */
  private blockPartType(node: SyntaxNode, isFirst: boolean, afterOpen: boolean): string {
    if (this.treeHasError) return node.type;
    return this.blockPartTypeAt(node.startIndex, isFirst, afterOpen);
  }

  private blockPartTypeAt(start: number, isFirst: boolean, afterOpen: boolean): string {
    if (isFirst) return 'identifier';
    switch (this.text.charCodeAt(start)) {
      case 0x22 /* " */:
        return 'string_lit';
      case 0x7b /* { */:
        return 'block_start';
      case 0x7d /* } */:
        return 'block_end';
      case 0x23 /* # */:
      case 0x2f /* / */:
        return 'comment';
      default:
        return afterOpen ? 'body' : 'identifier';
    }
  }

  private label(node: SyntaxNode, type: string): { value: string; range: Range } {
    const range = this.rangeOf(node);
    if (type === 'identifier') return { value: this.source(node), range };
    this.checkSingleLine(node, range);
    return { value: unescapeQuoted(this.stringContent(node)), range };
  }

  /** `label` of the cursor's node, spanning `start`–`end`. */
  private labelAt(cursor: TreeCursor, start: number, end: number, type: string): { value: string; range: Range } {
    const range = this.lines.range(start, end);
    if (type === 'identifier') return { value: this.text.slice(start, end), range };
    if (range.start.line !== range.end.line) this.checkSingleLine(cursor.currentNode, range);
    return { value: unescapeQuoted(this.stringContentAt(start, end)), range };
  }

  /** A block's body as a map (`block: true`), empty when the block is `{}`. */
  private bodyMap(block: BlockParts, depth: number): MapValue {
    const properties: Property[] = [];
    if (block.items) {
      if (block.bodyDepth !== depth)
        throw new Error(`internal: a body walked for depth ${block.bodyDepth} converted at depth ${depth}`);
      for (const item of block.items) {
        const property =
          'key' in item
            ? item
            : item.item === 'attribute'
              ? this.attribute(item.node, depth, true)
              : this.bodyItem(item.node, depth);
        if (property) properties.push(property);
      }
    } else if (block.body) {
      for (const child of block.body.children) {
        if (!child) continue;
        const property = this.bodyItem(child, depth);
        if (property) properties.push(property);
      }
    }
    return { kind: 'map', properties, range: block.bodyRange, block: true };
  }

  private bodyItem(node: SyntaxNode, depth: number): Property | undefined {
    const type = this.bodyItemType(node);
    if (type === 'attribute') return this.attribute(node, depth);
    if (type !== 'block') return undefined; // comments, ERROR (reported separately)
    if (depth + 1 > MAX_NESTING) return this.tooDeepProperty(node);
    const block = this.blockParts(node, depth + 1);
    if (this.isStranded(block)) {
      this.strandedBlocks.push(node);
      return undefined;
    }
    if (block.type === 'dynamic' && block.labels.length > 0) return this.dynamicBlock(block, depth);
    return {
      key: block.type,
      keyRange: this.lines.range(block.typeStart, block.typeEnd),
      value: this.bodyMap(block, depth + 1),
      range: block.range,
    };
  }

  /**
   * After a missing `}`, tree-sitter nests the following top-level blocks inside the unclosed one.
   * A `resource`, `data`, … block starting at column 0 of a broken file is one of those: it is
   * converted as a top-level block so a half-written file still yields everything after the gap.
   */
  private isStranded(block: BlockParts): boolean {
    return this.treeHasError && TOP_LEVEL_BLOCKS.has(block.type) && block.range.start.character === 0;
  }

  /**
   * `dynamic "ingress" { for_each = …, content { … } }`: generated blocks, unknown statically. The
   * body is kept as `args` for readers that want to look inside; there, the iterator (`ingress.value`)
   * is unresolvable rather than a reference. The property spans the whole block.
   */
  private dynamicBlock(block: BlockParts, depth: number): Property {
    const label = block.labels[0];
    const iterator = this.iteratorName(block) ?? label.value;
    const shadowed = this.iterators.has(iterator);
    this.iterators.add(iterator);
    const args = this.bodyMap(block, depth + 1);
    if (!shadowed) this.iterators.delete(iterator);
    const value: UnresolvableValue = {
      kind: 'unresolvable',
      construct: 'dynamic',
      args,
      text: this.excerptOf(block.start, block.end),
      range: block.range,
    };
    return { key: label.value, keyRange: label.range, value, range: block.range };
  }

  /** The name given by `iterator = name` in a dynamic block, if any. */
  private iteratorName(block: BlockParts): string | undefined {
    for (const child of block.body?.children ?? []) {
      if (child?.type !== 'attribute') continue;
      const key = child.firstChild;
      const value = child.lastChild;
      if (key && value && this.source(key) === 'iterator') return this.source(value).trim();
    }
    return undefined;
  }

  /** `key = expression` (`plainTried`: `simpleElement` already said no). */
  private attribute(node: SyntaxNode, depth: number, plainTried = false): Property | undefined {
    if (!plainTried && !this.treeHasError && depth + 1 <= MAX_NESTING) {
      const simple = this.simpleElement(node.startIndex, node.endIndex, false);
      if (simple) return simple;
    }
    const parts = this.attributeParts(node);
    if (!parts) return undefined;
    const { key, keyStart, expression } = parts;
    const keyRange = this.lines.range(keyStart, keyStart + key.length);
    // A value next to a syntax error may be a fragment of something else: never trust it.
    const value =
      this.treeHasError && node.hasError
        ? this.unresolvable(expression, 'error')
        : this.expression(expression, depth + 1);
    return { key, keyRange, value, range: { start: keyRange.start, end: value.range.end } };
  }

  private attributeParts(node: SyntaxNode): { key: string; keyStart: number; expression: SyntaxNode } | undefined {
    const keyStart = node.startIndex;
    if (!this.treeHasError) {
      // Error-free: the attribute starts with its name and ends with its expression, unless a
      // comment comes last (expressions never start with `#` or `/`).
      const key = this.identifierAt(keyStart);
      const expression = node.lastChild;
      const last = expression ? this.text.charCodeAt(expression.startIndex) : 0;
      if (key && expression && last !== 0x23 /* # */ && last !== 0x2f /* / */) return { key, keyStart, expression };
    }
    let keyNode: SyntaxNode | undefined;
    let expression: SyntaxNode | undefined;
    for (const child of node.namedChildren) {
      const type = child?.type;
      if (type === 'identifier' && !keyNode) keyNode = child!;
      else if (type === 'expression') expression = child!;
    }
    if (!keyNode || !expression) return undefined;
    return { key: this.source(keyNode), keyStart: keyNode.startIndex, expression };
  }

  /**
   * `name = value` (or `name: value` in an object) whose value is a plain string, number, bool,
   * null or dotted reference on the same line, read from the source alone (error-free trees only):
   * the item's node spans exactly the name, the separator and the value. A trailing comment would
   * end the item's node after the value, and no text with a comment in it passes as a plain value,
   * so the item's end is the value's end. Anything else returns undefined (the general path).
   */
  private simpleElement(start: number, end: number, colonAllowed: boolean): Property | undefined {
    const key = this.identifierAt(start);
    if (key === undefined) return undefined;
    const text = this.text;
    let i = start + key.length;
    while (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09) i++;
    const separator = text.charCodeAt(i);
    if (separator !== 0x3d /* = */ && !(colonAllowed && separator === 0x3a /* : */)) return undefined;
    i++;
    const next = text.charCodeAt(i);
    if (next === 0x3d /* = */ || next === 0x3a /* : */ || next === 0x3e /* > */) return undefined; // `==`, `::`, `=>`
    while (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09) i++;
    const value = this.simpleValue(i, end);
    if (!value) return undefined;
    const keyRange = this.lines.range(start, start + key.length);
    return { key, keyRange, value, range: { start: keyRange.start, end: value.range.end } };
  }

  /** The identifier starting at `offset`, read from the source (no call into the tree). */
  private identifierAt(offset: number): string | undefined {
    const text = this.text;
    const first = text.charCodeAt(offset);
    if (!(isAsciiLetter(first) || first === 0x5f) /* _ */) return undefined;
    let end = offset + 1;
    for (
      let code = text.charCodeAt(end);
      isAsciiLetter(code) || (code >= 0x30 && code <= 0x39) || code === 0x5f || code === 0x2d;
      code = text.charCodeAt(++end)
    );
    // A non-ASCII character next means a Unicode identifier: let the caller read the node instead
    // (and so does the end of the text).
    return text.charCodeAt(end) < 0x80 ? text.slice(offset, end) : undefined;
  }

  /** A block nested beyond MAX_NESTING: kept under its type name, its contents unknown. */
  private tooDeepProperty(node: SyntaxNode): Property {
    const value = this.tooDeep(node);
    const start = node.startIndex;
    const key = this.identifierAt(start) ?? '';
    return { key, keyRange: this.lines.range(start, start + key.length), value, range: value.range };
  }

  // -- expressions -----------------------------------------------------------------------------

  private expression(node: SyntaxNode, depth: number): Value {
    if (depth > MAX_NESTING) return this.tooDeep(node);
    const simple = this.simpleExpression(node);
    if (simple) return simple;
    const { nodes: parts, types } = significantChildren(node);
    if (parts.length === 0) return this.unresolvable(node, 'error');
    const first = parts[0];
    const firstType = types[0];
    if (firstType === '(') return this.parenthesized(node, parts, types, depth);
    if (parts.length > 1) {
      if (firstType === 'variable_expr') return this.traversal(node, first, parts.slice(1), types.slice(1));
      return this.unresolvable(node, postfixConstruct(types[types.length - 1]));
    }
    switch (firstType) {
      case 'literal_value':
        return this.literal(first);
      case 'collection_value':
        return this.collection(first, depth);
      case 'template_expr':
        return this.template(first, depth);
      case 'variable_expr':
        return this.traversal(node, first, [], []);
      case 'function_call':
        return this.functionCall(node, first, depth);
      case 'conditional':
        return this.unresolvable(node, 'conditional');
      case 'for_expr':
        return this.unresolvable(node, 'for');
      case 'operation':
        return this.negativeNumber(first) ?? this.unresolvable(node, 'operation');
      case 'expression':
        return this.expression(first, depth + 1);
      default:
        return this.unresolvable(node, firstType === 'ERROR' ? 'error' : firstType);
    }
  }

  /**
   * A function call is unresolvable, but its arguments are kept as `args` (a list) so rules can
   * look inside `jsonencode({ … })` policies.
   */
  private functionCall(node: SyntaxNode, call: SyntaxNode, depth: number): Value {
    if (!this.treeHasError) return this.plainFunctionCall(node, call, depth);
    const value = this.unresolvable(node, `function:${this.functionName(call)}`);
    const argumentList = call.namedChildren.find((child) => child?.type === 'function_arguments');
    if (!argumentList) return value;
    const items: Value[] = [];
    for (const argument of argumentList.namedChildren) {
      if (argument?.type === 'expression') items.push(this.expression(argument, depth + 1));
    }
    value.args = { kind: 'list', items, range: this.lines.range(argumentList.startIndex, argumentList.endIndex) };
    return value;
  }

  /**
   * `functionCall` in an error-free tree, where the call's named children are its name (first),
   * comments and the argument list, and the list's are arguments, comments and `...`: told apart
   * by their first characters rather than by their types (a call into WebAssembly each).
   */
  private plainFunctionCall(node: SyntaxNode, call: SyntaxNode, depth: number): Value {
    const callStart = call.startIndex;
    const named = call.namedChildren;
    const name = named[0];
    const value = this.unresolvable(
      node,
      `function:${name && name.startIndex === callStart ? this.source(name) : this.functionName(call)}`,
    );
    const argumentList = named.find(
      (child) => !!child && child.startIndex !== callStart && !this.isCommentAt(child.startIndex),
    );
    if (!argumentList) return value;
    const items: Value[] = [];
    for (const argument of argumentList.namedChildren) {
      if (argument && this.isItemAt(argument.startIndex, -1)) items.push(this.expression(argument, depth + 1));
    }
    value.args = { kind: 'list', items, range: this.lines.range(argumentList.startIndex, argumentList.endIndex) };
    return value;
  }
  /**
   * Most values are a plain string, number, bool, null or dotted reference. Those are recognised
   * from the source text alone, without materialising their syntax nodes (each node read crosses
   * into WebAssembly and allocates): on typical modules this is most values.
   */
  private simpleExpression(node: SyntaxNode): Value | undefined {
    return this.simpleValue(node.startIndex, node.endIndex);
  }

  /** The value of the expression spanning `start`–`end`, if it is one of the plain kinds. */
  private simpleValue(start: number, end: number): Value | undefined {
    const source = this.text.slice(start, end);
    const first = source.charCodeAt(0);
    if (first === 0x22 /* " */) {
      if (!SIMPLE_STRING.test(source)) return undefined;
      return { kind: 'literal', value: source.slice(1, -1), range: this.lines.range(start, end) };
    }
    if (first === 0x2d /* - */ || (first >= 0x30 && first <= 0x39) /* 0-9 */) {
      // `0 +` turns `-0` into 0.
      return SIMPLE_NUMBER.test(source)
        ? { kind: 'literal', value: 0 + Number(source), range: this.lines.range(start, end) }
        : undefined;
    }
    if (source === 'true' || source === 'false')
      return { kind: 'literal', value: source === 'true', range: this.lines.range(start, end) };
    if (source === 'null') return { kind: 'literal', value: null, range: this.lines.range(start, end) };
    if (!SIMPLE_TRAVERSAL.test(source)) return undefined;
    return this.plainReference(start, end, source);
  }

  /** `referenceAt` for `name.name…` (attribute steps only), without building the steps. */
  private plainReference(start: number, end: number, source: string): Value {
    const names = source.split('.');
    const rootName = names[0];
    if (CONTEXT_ROOTS.has(rootName)) return this.unresolvableAt(start, end, rootName);
    if (this.iterators.has(rootName)) return this.unresolvableAt(start, end, 'iterator');
    const addressLength = rootName === 'data' ? 2 : 1;
    if (names.length <= addressLength) return this.unresolvableAt(start, end, 'variable');
    const whole = names.length === addressLength + 1;
    const target = whole ? source : names.slice(0, addressLength + 1).join('.');
    const reference: ReferenceValue = {
      kind: 'reference',
      target,
      text: this.excerptOf(start, end),
      range: this.lines.range(start, end),
    };
    if (!whole) reference.attribute = names.slice(addressLength + 1).join('.');
    return reference;
  }

  /** `( inner )`: the inner value, spanning the parentheses. */
  private parenthesized(node: SyntaxNode, parts: SyntaxNode[], types: string[], depth: number): Value {
    if (parts.length !== 3 || types[1] !== 'expression') return this.unresolvable(node, 'expression');
    const value = this.expression(parts[1], depth + 1);
    const range = this.rangeOf(node);
    if (value.kind === 'reference' || value.kind === 'unresolvable')
      return { ...value, text: this.excerpt(node), range };
    return { ...value, range };
  }

  /**
   * A literal's only child is a string, number, bool or null token; its first character tells which
   * (cheaper than asking the tree for the child and its type, on the hottest path).
   */
  private literal(node: SyntaxNode): Value {
    const range = this.rangeOf(node);
    const source = this.source(node);
    switch (source.charCodeAt(0)) {
      case 0x22 /* " */: {
        const token = range.start.line === range.end.line ? undefined : node.firstChild;
        if (token && !this.checkSingleLine(token, range)) return this.unresolvable(node, 'error');
        return { kind: 'literal', value: unescapeQuoted(this.stringContent(node)), range };
      }
      case 0x74 /* t */:
      case 0x66 /* f */:
        return { kind: 'literal', value: source === 'true', range };
      case 0x6e /* n */:
        return { kind: 'literal', value: null, range };
      default: {
        const number = Number(source);
        return Number.isNaN(number) ? this.unresolvable(node, 'error') : { kind: 'literal', value: number, range };
      }
    }
  }

  /** `-1` is an operation in the grammar, but a plain number to the reader (ports, for example). */
  private negativeNumber(operation: SyntaxNode): LiteralValue | undefined {
    const unary = operation.firstChild;
    if (unary?.type !== 'unary_operation' || this.text.charCodeAt(unary.startIndex) !== 0x2d /* - */) return undefined;
    const operand = unary.lastChild;
    if (operand?.type !== 'literal_value' || operand.firstChild?.type !== 'numeric_lit') return undefined;
    return { kind: 'literal', value: 0 - Number(this.source(operand)), range: this.rangeOf(operation) };
  }

  private collection(node: SyntaxNode, depth: number): Value {
    const inner = node.firstChild;
    // Error-free: a tuple starts with `[`, an object with `{`.
    const type = !inner
      ? undefined
      : this.treeHasError
        ? inner.type
        : (COLLECTION_BY_OPENER[this.text.charCodeAt(inner.startIndex)] ?? inner.type);
    if (type === 'tuple') return this.tuple(inner!, depth);
    if (type === 'object') return this.object(inner!, depth);
    return this.unresolvable(node, 'error');
  }

  private tuple(node: SyntaxNode, depth: number): ListValue {
    const items: Value[] = [];
    const start = node.startIndex;
    for (const child of node.namedChildren) {
      if (child && (this.treeHasError ? child.type === 'expression' : this.isItemAt(child.startIndex, start)))
        items.push(this.expression(child, depth + 1));
    }
    return { kind: 'list', items, range: this.rangeOf(node) };
  }

  private object(node: SyntaxNode, depth: number): MapValue {
    const properties: Property[] = [];
    const start = node.startIndex;
    for (const child of node.namedChildren) {
      if (!child || !(this.treeHasError ? child.type === 'object_elem' : this.isItemAt(child.startIndex, start)))
        continue;
      const property = this.objectElement(child, depth);
      if (property) properties.push(property);
    }
    return { kind: 'map', properties, range: this.rangeOf(node), block: false };
  }

  /** `key = value` or `key: value`; the key is a name, a string, or an expression kept as text. */
  private objectElement(node: SyntaxNode, depth: number): Property | undefined {
    if (!this.treeHasError && depth + 1 <= MAX_NESTING) {
      const simple = this.simpleElement(node.startIndex, node.endIndex, true);
      if (simple) return simple;
    }
    const expressions = node.namedChildren.filter((child): child is SyntaxNode => child?.type === 'expression');
    if (expressions.length < 2) return undefined;
    const [keyNode, valueNode] = [expressions[0], expressions[expressions.length - 1]];
    const keyRange = this.rangeOf(keyNode);
    const value = this.expression(valueNode, depth + 1);
    return { key: this.objectKey(keyNode), keyRange, value, range: { start: keyRange.start, end: value.range.end } };
  }

  private objectKey(node: SyntaxNode): string {
    const { nodes: parts, types } = significantChildren(node);
    if (parts.length === 1) {
      const part = parts[0];
      if (types[0] === 'variable_expr') return this.source(part);
      if (types[0] === 'literal_value' && this.text.charCodeAt(part.startIndex) === 0x22 /* " */)
        return unescapeQuoted(this.stringContent(part));
    }
    return this.source(node);
  }

  // -- templates -------------------------------------------------------------------------------

  private template(node: SyntaxNode, depth: number): Value {
    const inner = node.firstChild;
    // Error-free: a quoted template starts with `"`, a heredoc with `<<`.
    const type = !inner
      ? undefined
      : this.treeHasError
        ? inner.type
        : (TEMPLATE_BY_OPENER[this.text.charCodeAt(inner.startIndex)] ?? inner.type);
    if (type === 'quoted_template') return this.quotedTemplate(node, inner!, depth);
    if (type === 'heredoc_template') return this.heredoc(node, inner!);
    return this.unresolvable(node, 'template');
  }

  /**
   * `"a-${var.x}"` is unknown statically, but `"${aws_s3_bucket.b.id}"` (the pre-0.12 style) is
   * exactly the reference inside it.
   */
  private quotedTemplate(node: SyntaxNode, template: SyntaxNode, depth: number): Value {
    const range = this.rangeOf(node);
    const contents = template.children.filter(
      (child): child is SyntaxNode =>
        !!child &&
        child.type !== 'quoted_template_start' &&
        child.type !== 'quoted_template_end' &&
        child.type !== 'comment',
    );
    if (!this.checkSingleLine(template, range, contents)) return this.unresolvable(node, 'error');
    const types = contents.map((child) => child.type);
    if (types.every((type) => type === 'template_literal')) {
      return { kind: 'literal', value: unescapeQuoted(this.stringContent(template)), range };
    }
    if (types.length === 1 && types[0] === 'template_interpolation') {
      const inner = contents[0].children.find((child) => child?.type === 'expression');
      const value = inner ? this.expression(inner, depth + 1) : undefined;
      if (value?.kind === 'reference') return { ...value, text: this.excerpt(node), range };
    }
    return this.unresolvable(node, 'template');
  }

  /** A heredoc without interpolation is a literal string: its lines, with `<<-` indentation removed. */
  private heredoc(node: SyntaxNode, heredoc: SyntaxNode): Value {
    let flush = false;
    const markers: SyntaxNode[] = [];
    for (const child of heredoc.children) {
      if (!child) continue;
      const type = child.type;
      if (type === 'template_interpolation' || type === 'template_directive') {
        // Kept whole (within a bound): policies are often JSON heredocs with an interpolated ARN,
        // and rules read the parts that are known.
        return {
          ...this.unresolvable(node, 'template'),
          text: this.text.slice(node.startIndex, Math.min(node.endIndex, node.startIndex + MAX_TEMPLATE_TEXT)),
        };
      }
      if (type === 'heredoc_start') flush = this.source(child) === '<<-';
      else if (type === 'heredoc_identifier') markers.push(child);
    }
    if (markers.length < 2 || markers[1].isMissing) return this.unresolvable(node, 'error');
    const firstLineEnd = this.text.indexOf('\n', markers[0].startIndex);
    const contentStart = firstLineEnd === -1 ? markers[1].startIndex : firstLineEnd + 1;
    const contentEnd = Math.max(contentStart, this.text.lastIndexOf('\n', markers[1].startIndex - 1) + 1);
    let content = this.text.slice(contentStart, contentEnd).replace(/\r\n/g, '\n');
    if (flush) content = removeCommonIndent(content);
    return { kind: 'literal', value: unescapeTemplateMarkers(content), range: this.rangeOf(node) };
  }

  /** The raw text between a string's quotes. */
  private stringContent(node: SyntaxNode): string {
    return this.stringContentAt(node.startIndex, node.endIndex);
  }

  private stringContentAt(nodeStart: number, end: number): string {
    const start = nodeStart + 1;
    const closed = end > start && this.text.charCodeAt(end - 1) === 0x22; /* " */
    return this.text.slice(start, closed ? end - 1 : end);
  }

  /**
   * A quoted string cannot span lines in HCL, but the grammar accepts it (it runs to the next
   * quote). Reports an unterminated string at its opening quote.
   */
  private checkSingleLine(node: SyntaxNode, range: Range, contents?: SyntaxNode[]): boolean {
    if (range.start.line === range.end.line) return true;
    const literals = contents ?? node.children.filter((child): child is SyntaxNode => !!child);
    const broken = literals.some((child) => child.type === 'template_literal' && this.source(child).includes('\n'));
    if (!broken) return true;
    const lineEnd = this.lineEnd(node.startIndex);
    this.report(
      { start: range.start, end: this.lines.position(lineEnd) },
      'Unterminated string: a quoted string must end on the line where it starts.',
    );
    return false;
  }

  // -- references ------------------------------------------------------------------------------

  /**
   * `var.x`, `local.y`, `module.m.out`, `data.t.n.attr`, `aws_s3_bucket.logs.id` → references.
   * An instance key right after a resource, data source or module address (`aws_s3_bucket.b[0].id`)
   * still refers to that resource; other indexes and splats make the value unknown.
   */
  private traversal(node: SyntaxNode, root: SyntaxNode, postfix: SyntaxNode[], postfixTypes: string[]): Value {
    const steps = postfix.map((part, i) => this.traversalStep(part, postfixTypes[i]));
    return this.reference(node, this.source(root), steps);
  }

  private reference(node: SyntaxNode, rootName: string, steps: TraversalStep[]): Value {
    return this.referenceAt(node.startIndex, node.endIndex, rootName, steps);
  }

  private referenceAt(start: number, end: number, rootName: string, steps: TraversalStep[]): Value {
    if (CONTEXT_ROOTS.has(rootName)) return this.unresolvableAt(start, end, rootName);
    if (this.iterators.has(rootName)) return this.unresolvableAt(start, end, 'iterator');
    if (steps.some((step) => step.kind === 'splat')) return this.unresolvableAt(start, end, 'splat');
    const addressLength = rootName === 'data' ? 2 : 1;
    const address = [rootName];
    let next = 0;
    while (address.length <= addressLength && next < steps.length && steps[next].kind === 'attr')
      address.push(steps[next++].name);
    if (address.length <= addressLength)
      return this.unresolvableAt(start, end, next < steps.length ? 'index' : 'variable');
    const instanceKeyAllowed = rootName !== 'var' && rootName !== 'local';
    if (instanceKeyAllowed && next < steps.length && steps[next].kind === 'index') next++;
    const attributes: string[] = [];
    for (; next < steps.length; next++) {
      if (steps[next].kind !== 'attr') return this.unresolvableAt(start, end, 'index');
      attributes.push(steps[next].name);
    }
    const reference: ReferenceValue = {
      kind: 'reference',
      target: address.join('.'),
      text: this.excerptOf(start, end),
      range: this.lines.range(start, end),
    };
    if (attributes.length > 0) reference.attribute = attributes.join('.');
    return reference;
  }

  /** `.name` (its name read from the source: a dot, then the identifier), `[key]`, or a splat. */
  private traversalStep(part: SyntaxNode, type: string): TraversalStep {
    if (type === 'get_attr') return { kind: 'attr', name: this.text.slice(part.startIndex + 1, part.endIndex).trim() };
    return { kind: type === 'splat' ? 'splat' : 'index', name: '' };
  }

  /**
   * Error-free trees: whether a named child of a tuple, an object or an argument list, starting at
   * `start`, is an item rather than the opening token (at `containerStart`), the closing one, a
   * comment or `...` (no expression starts with `]`, `}`, `#`, `/` or `.`).
   */
  private isItemAt(start: number, containerStart: number): boolean {
    if (start === containerStart) return false;
    const code = this.text.charCodeAt(start);
    return (
      code !== 0x5d /* ] */ && code !== 0x7d /* } */ && code !== 0x23 /* # */ && code !== 0x2f /* / */ && code !== 0x2e
    ); /* . */
  }

  private isCommentAt(start: number): boolean {
    const code = this.text.charCodeAt(start);
    return code === 0x23 /* # */ || code === 0x2f; /* / */
  }

  private functionName(call: SyntaxNode): string {
    const name = call.firstChild;
    return name ? this.source(name) : 'unknown';
  }

  // -- values that cannot be known ------------------------------------------------------------

  private unresolvable(node: SyntaxNode, construct: string): UnresolvableValue {
    return this.unresolvableAt(node.startIndex, node.endIndex, construct);
  }

  private unresolvableAt(start: number, end: number, construct: string): UnresolvableValue {
    return { kind: 'unresolvable', construct, text: this.excerptOf(start, end), range: this.lines.range(start, end) };
  }

  private tooDeep(node: SyntaxNode): UnresolvableValue {
    const value = this.unresolvable(node, 'too-deep');
    if (!this.depthReported) {
      this.depthReported = true;
      this.result.diagnostics.push({
        file: this.file,
        range: { start: value.range.start, end: this.lines.position(this.lineEnd(node.startIndex)) },
        severity: 'warning',
        message: `This value is nested more than ${MAX_NESTING} levels deep; its inner part is not analysed.`,
      });
    }
    return value;
  }

  // -- syntax errors ---------------------------------------------------------------------------

  /** Reports ERROR and MISSING nodes, visiting only subtrees that contain an error (no recursion). */
  private collectSyntaxErrors(root: SyntaxNode): void {
    const pending: SyntaxNode[] = [root];
    while (pending.length > 0) {
      const node = pending.pop()!;
      if (node.isMissing) this.reportMissing(node);
      else if (node.type === 'ERROR') this.reportError(node);
      else {
        const children = node.children;
        for (let i = children.length - 1; i >= 0; i--) {
          const child = children[i];
          if (child?.hasError) pending.push(child);
        }
      }
      if (this.syntaxDiagnostics >= MAX_SYNTAX_DIAGNOSTICS) {
        this.report(this.rangeOf(node), `Too many syntax errors; only the first ${MAX_SYNTAX_DIAGNOSTICS} are shown.`);
        return;
      }
    }
  }

  private reportError(node: SyntaxNode): void {
    let token: SyntaxNode = node;
    while (token.childCount > 0 && token.firstChild) token = token.firstChild;
    const start = this.lines.position(node.startIndex);
    const end = this.lines.position(Math.min(node.endIndex, this.lineEnd(node.startIndex)));
    const tokenText = this.text.slice(token.startIndex, Math.min(token.endIndex, this.lineEnd(token.startIndex)));
    const message = tokenText ? `Syntax error: unexpected '${truncate(tokenText, 40)}'` : 'Syntax error';
    this.report({ start, end }, message);
  }

  private reportMissing(node: SyntaxNode): void {
    const type = node.type;
    const expected = MISSING_NAMES[type] ?? (node.isNamed ? type.replace(/_/g, ' ') : `'${type}'`);
    let message = `Missing ${expected}`;
    const opener = type === '}' || type === 'block_end' ? enclosingBlock(node) : undefined;
    if (opener) message += ` to close the block that starts on line ${opener.startPosition.row + 1}`;
    this.report(this.rangeOf(node), message);
  }

  private report(range: Range, message: string): void {
    const key = `${range.start.line}:${range.start.character}:${message}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.syntaxDiagnostics++;
    this.result.diagnostics.push({ file: this.file, range, severity: 'error', message });
  }

  // -- positions and text ----------------------------------------------------------------------

  private rangeOf(node: SyntaxNode): Range {
    return { start: this.lines.position(node.startIndex), end: this.lines.position(node.endIndex) };
  }

  private startOf(node: SyntaxNode) {
    return this.lines.position(node.startIndex);
  }

  private endOf(node: SyntaxNode) {
    return this.lines.position(node.endIndex);
  }

  private source(node: SyntaxNode): string {
    return this.text.slice(node.startIndex, node.endIndex);
  }

  /** The node's text, cut after MAX_TEXT characters (values can be whole policies). */
  private excerpt(node: SyntaxNode): string {
    return this.excerptOf(node.startIndex, node.endIndex);
  }

  private excerptOf(start: number, end: number): string {
    return end - start > MAX_TEXT ? `${this.text.slice(start, start + MAX_TEXT)}…` : this.text.slice(start, end);
  }

  /** Offset of the end of the line holding `offset` (before `\r\n` or `\n`). */
  private lineEnd(offset: number): number {
    const newline = this.text.indexOf('\n', offset);
    if (newline === -1) return this.text.length;
    return newline > offset && this.text.charCodeAt(newline - 1) === 0x0d ? newline - 1 : newline;
  }
}

/** How a missing node is named in "Missing …" messages. */
const MISSING_NAMES: Record<string, string> = {
  block_end: "'}'",
  object_end: "'}'",
  tuple_end: "']'",
  quoted_template_end: "'\"' (unterminated string)",
  template_interpolation_end: "'}' (unterminated interpolation)",
  heredoc_identifier: 'heredoc end marker',
  identifier: 'name',
  expression: 'value',
};

function enclosingBlock(node: SyntaxNode): SyntaxNode | undefined {
  const parent = node.parent;
  if (parent?.type === 'block') return parent;
  const grandparent = parent?.type === 'block_end' ? parent.parent : undefined;
  return grandparent?.type === 'block' ? grandparent : undefined;
}

/** Inside a quoted string, characters that are plain text whatever follows them. */
function isPlainStringCode(code: number): boolean {
  return (
    code !== 0x22 /* " */ &&
    code !== 0x5c /* \ */ &&
    code !== 0x24 /* $ */ &&
    code !== 0x25 /* % */ &&
    code !== 0x0a &&
    code !== 0x0d
  );
}

function isAsciiLetter(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
}

/** The ASCII characters tree-sitter's `\s` matches (the grammar's whitespace). */
function isAsciiSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d);
}

/** Letters, digits, `_`, `-`, and any non-ASCII character (HCL identifiers may be Unicode). */
function isIdentifierCode(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x30 && code <= 0x39) ||
    code === 0x5f ||
    code === 0x2d ||
    code >= 0x80
  );
}

/** Children that carry meaning (comments dropped), with their types (each `type` read crosses into WebAssembly). */
function significantChildren(node: SyntaxNode): { nodes: SyntaxNode[]; types: string[] } {
  const nodes: SyntaxNode[] = [];
  const types: string[] = [];
  for (const child of node.children) {
    if (!child) continue;
    const type = child.type;
    if (type === 'comment') continue;
    nodes.push(child);
    types.push(type);
  }
  return { nodes, types };
}

/** The construct name of an expression ending in an index, splat or attribute access. */
function postfixConstruct(type: string): string {
  if (type === 'index' || type === 'splat') return type;
  return type === 'get_attr' ? 'attribute' : 'expression';
}

function literalString(value: Value | undefined): string | undefined {
  return value?.kind === 'literal' && typeof value.value === 'string' ? value.value : undefined;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

// ---------------------------------------------------------------------------------------------
// String contents

const QUOTED_ESCAPE = /\\(?:u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|([\s\S]))|\$\$\{|%%\{/g;
const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/** A quoted string's value: backslash escapes, and `$${` / `%%{` for literal `${` / `%{`. */
export function unescapeQuoted(raw: string): string {
  if (!raw.includes('\\') && !raw.includes('$${') && !raw.includes('%%{')) return raw;
  return raw.replace(QUOTED_ESCAPE, (match: string, u4?: string, u8?: string, other?: string) => {
    if (match === '$${') return '${';
    if (match === '%%{') return '%{';
    const hex = u4 ?? u8;
    if (hex) {
      const codePoint = parseInt(hex, 16);
      return codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : match;
    }
    return (other !== undefined && SIMPLE_ESCAPES[other]) || match;
  });
}

/** Heredocs take no backslash escapes, only `$${` and `%%{`. */
function unescapeTemplateMarkers(raw: string): string {
  return raw.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
}

/** `<<-` heredocs drop the indentation shared by all non-blank lines. */
function removeCommonIndent(content: string): string {
  const lines = content.split('\n');
  let indent = Infinity;
  for (const line of lines) {
    if (line.trim() === '') continue;
    indent = Math.min(indent, line.length - line.trimStart().length);
  }
  if (!Number.isFinite(indent) || indent === 0) return content;
  return lines.map((line) => line.slice(Math.min(indent, line.length - line.trimStart().length))).join('\n');
}

// ---------------------------------------------------------------------------------------------
// Module-level checks

/** Terraform rejects a module that declares the same address twice; so do we. */
function duplicateDeclarations(module: TerraformModule): ParseDiagnostic[] {
  const diagnostics: ParseDiagnostic[] = [];
  const check = (what: string, items: { name: string; file: string; range: Range }[]) => {
    const seen = new Map<string, { file: string; range: Range }>();
    for (const item of items) {
      const first = seen.get(item.name);
      if (!first) {
        seen.set(item.name, item);
        continue;
      }
      diagnostics.push({
        file: item.file,
        range: item.range,
        severity: 'error',
        message: `Duplicate ${what} "${item.name}": already declared in ${baseName(first.file)} on line ${first.range.start.line + 1}.`,
      });
    }
  };
  check(
    'resource',
    module.resources.map((r) => ({ name: r.id, file: r.file, range: r.idRange })),
  );
  check(
    'data source',
    module.dataSources.map((r) => ({ name: r.id, file: r.file, range: r.idRange })),
  );
  check(
    'variable',
    module.variables.map((v) => ({ name: v.name, file: v.file, range: v.labelRange })),
  );
  check(
    'module call',
    module.moduleCalls.map((m) => ({ name: m.name, file: m.file, range: m.labelRange })),
  );
  // Outputs keep no label range: point at the `output` keyword rather than the whole block.
  const keyword = (r: Range): Range => ({
    start: r.start,
    end: { line: r.start.line, character: r.start.character + 'output'.length },
  });
  check(
    'output',
    module.outputs.map((o) => ({ name: o.name, file: o.file, range: keyword(o.range) })),
  );
  return diagnostics;
}

function baseName(file: string): string {
  return file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
}
