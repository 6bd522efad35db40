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
import { LineIndex } from './lineIndex';
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
  await TreeSitter.Parser.init(typeof runtimeWasm === 'string' ? { locateFile: () => runtimeWasm } : { wasmBinary: runtimeWasm });
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
      return emptyFileParse(file, [internalDiagnostic(file, `parsing stopped after ${Math.round(budget)} ms; the text is too irregular to analyse`)]);
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
  return { file, resources: [], dataSources: [], providers: [], variables: [], locals: [], moduleCalls: [], outputs: [], diagnostics };
}

function internalDiagnostic(file: string, detail: string): ParseDiagnostic {
  return { file, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 'error', message: `Could not parse this Terraform file: ${detail}` };
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
const TOP_LEVEL_BLOCKS = new Set(['resource', 'data', 'provider', 'variable', 'output', 'module', 'locals', 'terraform']);

/** Roots of references whose value depends on the evaluation context, not on a declaration. */
const CONTEXT_ROOTS = new Set(['each', 'count', 'self', 'path', 'terraform']);

/** One step after a reference's root: `.name`, `[key]` or a splat. */
interface TraversalStep {
  kind: 'attr' | 'index' | 'splat';
  name: string;
}

/** An HCL identifier (ASCII letters, digits, `_` and `-`), matched at a given offset. */
const IDENTIFIER = /[A-Za-z_][A-Za-z0-9_-]*/y;
/** A string without escapes, interpolation or directives: its value is the text between the quotes. */
const SIMPLE_STRING = /^"[^"\\$%\r\n]*"$/;
const SIMPLE_NUMBER = /^-?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/;
/** `name.name…` with ASCII identifiers only (HCL also allows Unicode ones; those take the general path). */
const SIMPLE_TRAVERSAL = /^[A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z_][A-Za-z0-9_-]*)+$/;

/** The pieces of a block: `type "label" "label" { body }`. */
interface BlockParts {
  node: SyntaxNode;
  type: string;
  typeNode: SyntaxNode;
  labels: { value: string; range: Range }[];
  body: SyntaxNode | undefined;
  /** From `{` to `}` (the map's range). */
  bodyRange: Range;
  range: Range;
}

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

  constructor(
    private readonly file: string,
    private readonly text: string,
  ) {
    this.lines = new LineIndex(text);
    this.result = emptyFileParse(file, []);
  }

  convert(root: SyntaxNode): TerraformFileParse {
    this.treeHasError = root.hasError;
    if (this.treeHasError) this.collectSyntaxErrors(root);
    for (const body of root.children) {
      if (body?.type !== 'body') continue;
      for (const child of body.children) if (child && this.bodyItemType(child) === 'block') this.topLevelBlock(child);
    }
    // Converting a stranded block may strand further blocks, hence the index loop.
    for (let i = 0; i < this.strandedBlocks.length; i++) this.topLevelBlock(this.strandedBlocks[i]);
    this.result.diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    return this.result;
  }

  // -- top-level blocks ------------------------------------------------------------------------

  private topLevelBlock(node: SyntaxNode): void {
    const block = this.blockParts(node);
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
    const provider: TfProvider = { name: block.labels[0].value, file: this.file, range: block.range, labelRange: block.labels[0].range, properties };
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
    const call: TfModuleCall = { name: block.labels[0].value, file: this.file, range: block.range, labelRange: block.labels[0].range, properties };
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
    this.report(this.rangeOf(block.typeNode), `A ${block.type} block needs ${labelled}: ${what}.`);
    return false;
  }

  // -- blocks and bodies -----------------------------------------------------------------------

  private blockParts(node: SyntaxNode): BlockParts {
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
    const typeName = typeNode ? this.source(typeNode) : '';
    const bodyRange = open ? { start: this.startOf(open), end: close ? this.endOf(close) : range.end } : range;
    return { node, type: typeName, typeNode: typeNode ?? node, labels, body, bodyRange, range };
  }

  // Node types cost a call into WebAssembly each. In an error-free tree the grammar leaves no doubt
  // about what a body item or block part is, so its first characters tell (the profile's top cost).

  /** `attribute`, `block` or `comment` (anything else when the tree has errors). */
  private bodyItemType(node: SyntaxNode): string {
    if (this.treeHasError) return node.type;
    const text = this.text;
    const start = node.startIndex;
    const first = text.charCodeAt(start);
    if (first === 0x23 /* # */ || first === 0x2f /* / */) return 'comment';
    let i = start;
    while (i < text.length && isIdentifierCode(text.charCodeAt(i))) i++;
    while (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09) i++;
    const next = text.charCodeAt(i);
    if (next === 0x3d /* = */) return 'attribute';
    if (next === 0x7b /* { */ || next === 0x22 /* " */ || isIdentifierCode(next)) return 'block';
    return node.type;
  }

  /** A child of a block: `identifier` (type or label), `string_lit`, `block_start`, `body`, `block_end` or `comment`. */
  private blockPartType(node: SyntaxNode, isFirst: boolean, afterOpen: boolean): string {
    if (this.treeHasError) return node.type;
    if (isFirst) return 'identifier';
    switch (this.text.charCodeAt(node.startIndex)) {
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

  /** A block's body as a map (`block: true`), empty when the block is `{}`. */
  private bodyMap(block: BlockParts, depth: number): MapValue {
    const properties: Property[] = [];
    if (block.body) {
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
    const block = this.blockParts(node);
    if (this.isStranded(block)) {
      this.strandedBlocks.push(node);
      return undefined;
    }
    if (block.type === 'dynamic' && block.labels.length > 0) return this.dynamicBlock(block, depth);
    return { key: block.type, keyRange: this.rangeOf(block.typeNode), value: this.bodyMap(block, depth + 1), range: block.range };
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
    const value: UnresolvableValue = { kind: 'unresolvable', construct: 'dynamic', args, text: this.excerpt(block.node), range: block.range };
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

  /** `key = expression`. */
  private attribute(node: SyntaxNode, depth: number): Property | undefined {
    const parts = this.attributeParts(node);
    if (!parts) return undefined;
    const { key, keyStart, expression } = parts;
    const keyRange = this.lines.range(keyStart, keyStart + key.length);
    // A value next to a syntax error may be a fragment of something else: never trust it.
    const value = this.treeHasError && node.hasError ? this.unresolvable(expression, 'error') : this.expression(expression, depth + 1);
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

  /** The identifier starting at `offset`, read from the source (no call into the tree). */
  private identifierAt(offset: number): string | undefined {
    IDENTIFIER.lastIndex = offset;
    const name = IDENTIFIER.exec(this.text)?.[0];
    // A non-ASCII character next means a Unicode identifier: let the caller read the node instead.
    return name !== undefined && this.text.charCodeAt(offset + name.length) < 0x80 ? name : undefined;
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
   * Most values are a plain string, number, bool, null or dotted reference. Those are recognised
   * from the source text alone, without materialising their syntax nodes (each node read crosses
   * into WebAssembly and allocates): on typical modules this is most values.
   */
  private simpleExpression(node: SyntaxNode): Value | undefined {
    const start = node.startIndex;
    const end = node.endIndex;
    const source = this.text.slice(start, end);
    const first = source.charCodeAt(0);
    if (first === 0x22 /* " */) {
      if (!SIMPLE_STRING.test(source)) return undefined;
      return { kind: 'literal', value: source.slice(1, -1), range: this.lines.range(start, end) };
    }
    if (first === 0x2d /* - */ || (first >= 0x30 && first <= 0x39) /* 0-9 */) {
      // `0 +` turns `-0` into 0.
      return SIMPLE_NUMBER.test(source) ? { kind: 'literal', value: 0 + Number(source), range: this.lines.range(start, end) } : undefined;
    }
    if (source === 'true' || source === 'false') return { kind: 'literal', value: source === 'true', range: this.lines.range(start, end) };
    if (source === 'null') return { kind: 'literal', value: null, range: this.lines.range(start, end) };
    if (!SIMPLE_TRAVERSAL.test(source)) return undefined;
    const [rootName, ...names] = source.split('.');
    return this.reference(node, rootName, names.map((name) => ({ kind: 'attr', name })));
  }

  /** `( inner )`: the inner value, spanning the parentheses. */
  private parenthesized(node: SyntaxNode, parts: SyntaxNode[], types: string[], depth: number): Value {
    if (parts.length !== 3 || types[1] !== 'expression') return this.unresolvable(node, 'expression');
    const value = this.expression(parts[1], depth + 1);
    const range = this.rangeOf(node);
    if (value.kind === 'reference' || value.kind === 'unresolvable') return { ...value, text: this.excerpt(node), range };
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
    if (inner?.type === 'tuple') return this.tuple(inner, depth);
    if (inner?.type === 'object') return this.object(inner, depth);
    return this.unresolvable(node, 'error');
  }

  private tuple(node: SyntaxNode, depth: number): ListValue {
    const items: Value[] = [];
    for (const child of node.namedChildren) {
      if (child?.type === 'expression') items.push(this.expression(child, depth + 1));
    }
    return { kind: 'list', items, range: this.rangeOf(node) };
  }

  private object(node: SyntaxNode, depth: number): MapValue {
    const properties: Property[] = [];
    for (const child of node.namedChildren) {
      if (child?.type !== 'object_elem') continue;
      const property = this.objectElement(child, depth);
      if (property) properties.push(property);
    }
    return { kind: 'map', properties, range: this.rangeOf(node), block: false };
  }

  /** `key = value` or `key: value`; the key is a name, a string, or an expression kept as text. */
  private objectElement(node: SyntaxNode, depth: number): Property | undefined {
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
      if (types[0] === 'literal_value' && this.text.charCodeAt(part.startIndex) === 0x22 /* " */) return unescapeQuoted(this.stringContent(part));
    }
    return this.source(node);
  }

  // -- templates -------------------------------------------------------------------------------

  private template(node: SyntaxNode, depth: number): Value {
    const inner = node.firstChild;
    if (inner?.type === 'quoted_template') return this.quotedTemplate(node, inner, depth);
    if (inner?.type === 'heredoc_template') return this.heredoc(node, inner);
    return this.unresolvable(node, 'template');
  }

  /**
   * `"a-${var.x}"` is unknown statically, but `"${aws_s3_bucket.b.id}"` (the pre-0.12 style) is
   * exactly the reference inside it.
   */
  private quotedTemplate(node: SyntaxNode, template: SyntaxNode, depth: number): Value {
    const range = this.rangeOf(node);
    const contents = template.children.filter((child): child is SyntaxNode => !!child && child.type !== 'quoted_template_start' && child.type !== 'quoted_template_end' && child.type !== 'comment');
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
        return { ...this.unresolvable(node, 'template'), text: this.text.slice(node.startIndex, Math.min(node.endIndex, node.startIndex + MAX_TEMPLATE_TEXT)) };
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
    const start = node.startIndex + 1;
    const end = node.endIndex;
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
    this.report({ start: range.start, end: this.lines.position(lineEnd) }, 'Unterminated string: a quoted string must end on the line where it starts.');
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
    if (CONTEXT_ROOTS.has(rootName)) return this.unresolvable(node, rootName);
    if (this.iterators.has(rootName)) return this.unresolvable(node, 'iterator');
    if (steps.some((step) => step.kind === 'splat')) return this.unresolvable(node, 'splat');
    const addressLength = rootName === 'data' ? 2 : 1;
    const address = [rootName];
    let next = 0;
    while (address.length <= addressLength && next < steps.length && steps[next].kind === 'attr') address.push(steps[next++].name);
    if (address.length <= addressLength) return this.unresolvable(node, next < steps.length ? 'index' : 'variable');
    const instanceKeyAllowed = rootName !== 'var' && rootName !== 'local';
    if (instanceKeyAllowed && next < steps.length && steps[next].kind === 'index') next++;
    const attributes: string[] = [];
    for (; next < steps.length; next++) {
      if (steps[next].kind !== 'attr') return this.unresolvable(node, 'index');
      attributes.push(steps[next].name);
    }
    const start = node.startIndex;
    const end = node.endIndex;
    const reference: ReferenceValue = { kind: 'reference', target: address.join('.'), text: this.excerptOf(start, end), range: this.lines.range(start, end) };
    if (attributes.length > 0) reference.attribute = attributes.join('.');
    return reference;
  }

  /** `.name` (its name read from the source: a dot, then the identifier), `[key]`, or a splat. */
  private traversalStep(part: SyntaxNode, type: string): TraversalStep {
    if (type === 'get_attr') return { kind: 'attr', name: this.text.slice(part.startIndex + 1, part.endIndex).trim() };
    return { kind: type === 'splat' ? 'splat' : 'index', name: '' };
  }

  private functionName(call: SyntaxNode): string {
    const name = call.firstChild;
    return name ? this.source(name) : 'unknown';
  }

  // -- values that cannot be known ------------------------------------------------------------

  private unresolvable(node: SyntaxNode, construct: string): UnresolvableValue {
    const start = node.startIndex;
    const end = node.endIndex;
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

/** Letters, digits, `_`, `-`, and any non-ASCII character (HCL identifiers may be Unicode). */
function isIdentifierCode(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || code === 0x5f || code === 0x2d || code >= 0x80
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
  check('resource', module.resources.map((r) => ({ name: r.id, file: r.file, range: r.idRange })));
  check('data source', module.dataSources.map((r) => ({ name: r.id, file: r.file, range: r.idRange })));
  check('variable', module.variables.map((v) => ({ name: v.name, file: v.file, range: v.labelRange })));
  check('module call', module.moduleCalls.map((m) => ({ name: m.name, file: m.file, range: m.labelRange })));
  // Outputs keep no label range: point at the `output` keyword rather than the whole block.
  const keyword = (r: Range): Range => ({ start: r.start, end: { line: r.start.line, character: r.start.character + 'output'.length } });
  check('output', module.outputs.map((o) => ({ name: o.name, file: o.file, range: keyword(o.range) })));
  return diagnostics;
}

function baseName(file: string): string {
  return file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
}
