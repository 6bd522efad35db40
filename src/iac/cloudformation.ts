/**
 * CloudFormation (YAML and JSON) → neutral model.
 *
 * YAML goes through the `yaml` package's document API (never `toJS`, so aliases are not expanded);
 * JSON through `jsonc-parser`, which recovers from errors. Both produce one `Value` tree with
 * intrinsic functions recognised, and one template builder turns that tree into the model.
 */
import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseAllDocuments,
  type Alias,
  type Document,
  type Node as YamlNode,
} from 'yaml';
import type { CollectionTag, ScalarTag } from 'yaml';
import * as jsonc from 'jsonc-parser';
import { classifyType } from '../knowledge/services';
import {
  expandLanguageExtensions,
  FOR_EACH_PREFIX,
  generatedEntries,
  usesLanguageExtensions,
} from './cloudformation-foreach';
import { expandServerless, samEntries, usesServerless } from './cloudformation-sam';
import { classificationHints } from './hints';
import { readStrictJson, type StrictJsonHooks } from './json-strict';
import { LineIndex } from './line-index';
import { keepShape } from './shapes';
import type {
  CfnParameter,
  CloudFormationTemplate,
  ListValue,
  MapValue,
  ParseDiagnostic,
  ParseResult,
  Property,
  Range,
  Resource,
  Value,
} from './model';
import { emptyMap, getProperty, range as makeRange } from './model';

/** Short-form intrinsic tags; `!Ref` → `Ref`, `!Condition` → `Condition`, the rest → `Fn::<Name>`. */
export const INTRINSIC_TAGS = [
  '!Ref',
  '!Sub',
  '!GetAtt',
  '!Join',
  '!Select',
  '!Split',
  '!If',
  '!Equals',
  '!And',
  '!Or',
  '!Not',
  '!FindInMap',
  '!Base64',
  '!Cidr',
  '!GetAZs',
  '!ImportValue',
  '!Condition',
  '!Transform',
  '!Length',
  '!ToJsonString',
  '!ForEach',
] as const;

/** Tags registered with the YAML parser for all three node forms, so intrinsics never raise "unresolved tag". */
export const YAML_CUSTOM_TAGS: (ScalarTag | CollectionTag)[] = INTRINSIC_TAGS.flatMap((tag) => [
  { tag, identify: () => false, resolve: (value: string) => value } as ScalarTag,
  { tag, collection: 'seq', identify: () => false, resolve: (value: unknown) => value } as unknown as CollectionTag,
  { tag, collection: 'map', identify: () => false, resolve: (value: unknown) => value } as unknown as CollectionTag,
]);

const MAX_DEPTH = 512;
/** What a value nested deeper than MAX_DEPTH becomes: unknown, and reported once per document. */
const TOO_DEEP_MESSAGE = `This value is nested more than ${MAX_DEPTH} levels deep; its inner part is not analysed.`;
const MAX_TEXT = 200;

export type CloudFormationSyntax = 'cloudformation-yaml' | 'cloudformation-json';

/** Picks YAML or JSON from the file name, sniffing the first character for `.template` and unknown extensions. */
export function cloudFormationSyntaxOf(file: string, text: string): CloudFormationSyntax {
  const lower = file.toLowerCase();
  if (lower.endsWith('.json')) return 'cloudformation-json';
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'cloudformation-yaml';
  const first = /\S/.exec(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  return first && (first[0] === '{' || first[0] === '[') ? 'cloudformation-json' : 'cloudformation-yaml';
}

/**
 * Parses one file. A file that is not a CloudFormation template yields no units and no
 * diagnostics; a template with syntax errors yields the errors plus everything recoverable.
 * Never throws.
 */
export function parseCloudFormation(
  file: string,
  text: string,
  syntax = cloudFormationSyntaxOf(file, text),
): ParseResult {
  try {
    return syntax === 'cloudformation-json' ? parseJson(file, text) : parseYaml(file, text);
  } catch (error) {
    // Last line of defence (for example a stack overflow on pathological nesting).
    if (!looksLikeTemplateText(text)) return { units: [], diagnostics: [] };
    return {
      units: [],
      diagnostics: [
        {
          file,
          range: makeRange(0, 0, 0, 0),
          severity: 'error',
          message: `Could not parse this template: ${describe(error)}`,
        },
      ],
    };
  }
}

// ---------------------------------------------------------------------------------------------
// YAML

/** The converted root of each YAML template, for the incremental re-parse (yaml-incremental.ts). */
export const yamlRoots = new WeakMap<CloudFormationTemplate, MapValue>();

/**
 * Templates read from a file of one YAML document with no syntax error, alias or excess depth:
 * every diagnostic of their parse came from the model built on the converted root, so building
 * that model again from an edited root reproduces them (yaml-incremental.ts).
 */
export const cleanYamlTemplates = new WeakSet<CloudFormationTemplate>();

function parseYaml(file: string, text: string): ParseResult {
  const documents = parseAllDocuments(text, {
    customTags: YAML_CUSTOM_TAGS,
    prettyErrors: false,
    keepSourceTokens: false,
  });
  // Positions come from our own line index: the parser's line counter misses the line breaks
  // inside some malformed tokens, which shifted every later range.
  const lines = new LineIndex(text);
  const toRange = (start: number, end: number): Range => {
    // Errors at the end of the text are reported one character past it: keep ranges inside the file.
    start = Math.min(start, text.length);
    return lines.range(start, Math.min(Math.max(start, end), text.length));
  };
  const units: CloudFormationTemplate[] = [];
  const diagnostics: ParseDiagnostic[] = [];
  const docs: Document.Parsed[] = Array.isArray(documents) ? documents : [];
  const textLooksLikeTemplate = looksLikeTemplateText(text);

  docs.forEach((doc, documentIndex) => {
    const converter = new YamlConverter(text, toRange);
    const root = doc.contents ? converter.convert(doc.contents, 0) : undefined;
    const template = root
      ? buildTemplate(
          root,
          file,
          'cloudformation-yaml',
          documentIndex,
          toRange(doc.range[0], doc.range[1]),
          diagnostics,
        )
      : undefined;
    if (template) {
      units.push(template);
      yamlRoots.set(template, root as MapValue);
      if (docs.length === 1 && doc.errors.length === 0 && !converter.tooDeep && converter.aliases.length === 0)
        cleanYamlTemplates.add(template);
    }
    if (template || textLooksLikeTemplate) {
      for (const error of doc.errors) {
        diagnostics.push({
          file,
          range: toRange(error.pos[0], error.pos[1]),
          severity: 'error',
          message: `YAML syntax error: ${yamlErrorMessage(error.message)}`,
        });
      }
      if (converter.tooDeep && !doc.errors.some((e) => /Maximum call stack size exceeded/.test(e.message))) {
        diagnostics.push({ file, range: converter.tooDeep, severity: 'warning', message: TOO_DEEP_MESSAGE });
      }
      const bomb =
        converter.aliases.length > 0 && aliasExpansion(doc, converter.aliases) > MAX_ALIAS_EXPANSION
          ? converter.aliases[0]
          : undefined;
      if (bomb?.range) {
        diagnostics.push({
          file,
          range: toRange(bomb.range[0], bomb.range[1]),
          severity: 'warning',
          message: `The YAML aliases of this document would expand to more than ${MAX_ALIAS_EXPANSION.toLocaleString('en-US')} values (an alias bomb). They are not expanded, and what they stand for is not analysed.`,
        });
      }
    }
  });
  if (units.length === 0 && !textLooksLikeTemplate) return { units: [], diagnostics: [] };
  return { units, diagnostics };
}

/** Aliases are never expanded; a document whose aliases would add more values than this is reported. */
const MAX_ALIAS_EXPANSION = 10_000;

/**
 * How many values expanding every alias would add, counted without expanding anything (each
 * anchored node's expanded size is computed once); stops counting past the limit.
 */
function aliasExpansion(doc: Document.Parsed, aliases: readonly Alias[]): number {
  const sizes = new Map<unknown, number>();
  const cap = MAX_ALIAS_EXPANSION + 1;
  const size = (node: unknown, depth: number): number => {
    if (!node || depth > MAX_DEPTH) return 1;
    const known = sizes.get(node);
    if (known !== undefined) return known;
    sizes.set(node, 1); // an alias to one of its own ancestors counts once, not forever
    let total = 1;
    if (isAlias(node)) total = size(node.resolve(doc), depth + 1);
    else if (isMap(node))
      for (const pair of node.items) total += size(pair.key, depth + 1) + size(pair.value, depth + 1);
    else if (isSeq(node)) for (const item of node.items) total += size(item, depth + 1);
    total = Math.min(total, cap);
    sizes.set(node, total);
    return total;
  };
  let added = 0;
  try {
    for (const alias of aliases) {
      added += size(alias, 0);
      if (added > MAX_ALIAS_EXPANSION) break;
    }
  } catch {
    return 0;
  }
  return added;
}

/** The parser's message, first line only; a stack overflow inside it means the nesting is too deep. */
function yamlErrorMessage(message: string): string {
  return /Maximum call stack size exceeded/.test(message)
    ? 'the document is nested too deeply to read'
    : firstLine(message);
}

export class YamlConverter {
  private budget = 2_000_000;
  /** The aliases met, in document order (never expanded). */
  readonly aliases: Alias[] = [];
  /** Where the first value nested deeper than MAX_DEPTH starts, if any. */
  tooDeep: Range | undefined;

  constructor(
    private readonly text: string,
    private readonly toRange: (start: number, end: number) => Range,
  ) {}

  convert(node: YamlNode | null | undefined, depth: number, fallbackAt = 0): Value {
    if (!node) return { kind: 'literal', value: null, range: this.toRange(fallbackAt, fallbackAt) };
    const [start, end] = node.range ?? [fallbackAt, fallbackAt];
    const at = this.toRange(start, end);
    if (depth > MAX_DEPTH || --this.budget < 0) {
      if (depth > MAX_DEPTH) this.tooDeep ??= at;
      return { kind: 'unresolvable', construct: 'too-deep', text: this.slice(start, end), range: at };
    }
    if (isAlias(node)) {
      // Aliases are kept as opaque values: expanding them is how "billion laughs" documents explode.
      this.aliases.push(node);
      return { kind: 'unresolvable', construct: 'alias', text: `*${node.source}`, range: at };
    }
    let value: Value;
    if (isScalar(node)) {
      const v = node.value;
      value = {
        kind: 'literal',
        value: typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null ? v : String(v),
        range: at,
      };
    } else if (isMap(node)) {
      const properties: Property[] = [];
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key as YamlNode | null;
        const keyStart = keyNode?.range?.[0] ?? start;
        const keyEnd = keyNode?.range?.[1] ?? keyStart;
        const key = isScalar(keyNode) ? String(keyNode.value) : this.slice(keyStart, keyEnd);
        const child = this.convert(pair.value as YamlNode | null, depth + 1, keyEnd);
        const keyRange = this.toRange(keyStart, keyEnd);
        // The property starts where its key does (the same position, as the JSON reader shares it).
        properties.push({ key, keyRange, value: child, range: { start: keyRange.start, end: child.range.end } });
      }
      value = recogniseLongForm({ kind: 'map', properties, range: at }, () => this.slice(start, end));
    } else if (isSeq(node)) {
      value = {
        kind: 'list',
        items: node.items.map((item) => this.convert(item as YamlNode, depth + 1, end)),
        range: at,
      } satisfies ListValue;
    } else {
      value = { kind: 'unresolvable', construct: 'yaml', text: this.slice(start, end), range: at };
    }
    const tag = node.tag;
    if (tag && tag.startsWith('!') && !tag.startsWith('!!')) {
      const tagStart = this.tagStart(tag, start);
      return intrinsic(shortTagName(tag), value, this.toRange(tagStart, end), this.slice(tagStart, end));
    }
    return value;
  }

  /** The node's range starts after its tag; the intrinsic's range includes it (`!Ref Size`, not `Size`). */
  private tagStart(tag: string, start: number): number {
    let i = start;
    while (i > 0 && /\s/.test(this.text[i - 1])) i--;
    return this.text.startsWith(tag, i - tag.length) ? i - tag.length : start;
  }

  private slice(start: number, end: number): string {
    return truncate(this.text.slice(start, Math.min(end, start + MAX_TEXT + 1)));
  }
}

function shortTagName(tag: string): string {
  const name = tag.slice(1);
  return name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
}

// ---------------------------------------------------------------------------------------------
// JSON

function parseJson(file: string, text: string): ParseResult {
  return parseStrictJson(file, text) ?? parseTolerantJson(file, text);
}

/**
 * What the strict JSON reader calls back. A class rather than closures made per file: the reader's
 * call sites then see methods that live as long as the process (see shapes.ts).
 */
class TemplateJsonHooks implements StrictJsonHooks {
  readonly diagnostics: ParseDiagnostic[] = [];

  constructor(
    private readonly file: string,
    private readonly text: string,
  ) {}

  object(map: MapValue, start: number, end: number): Value {
    return recogniseLongForm(map, () => truncate(this.text.slice(start, Math.min(end, start + MAX_TEXT + 1))));
  }

  duplicateKey(key: string, range: Range): void {
    this.diagnostics.push(duplicateKeyDiagnostic(this.file, key, range));
  }
}

/** Hooks of an empty file, kept for their shape (shapes.ts). */
keepShape(new TemplateJsonHooks('', ''));

/** Valid JSON, read in one pass (see json-strict.ts); `undefined` sends the text down the tolerant path. */
export function parseStrictJson(file: string, text: string): ParseResult | undefined {
  const hooks = new TemplateJsonHooks(file, text);
  const read = readStrictJson(text, MAX_DEPTH, hooks);
  if (!read) return undefined;
  const diagnostics = hooks.diagnostics;
  const template = buildTemplate(
    read.root,
    file,
    'cloudformation-json',
    0,
    { start: { line: 0, character: 0 }, end: read.end },
    diagnostics,
  );
  if (!template && !looksLikeTemplateText(text)) return { units: [], diagnostics: [] };
  return { units: template ? [template] : [], diagnostics };
}

/** Any JSON, with `jsonc-parser`, which recovers from errors and reports them. */
export function parseTolerantJson(file: string, text: string): ParseResult {
  const index = new LineIndex(text);
  // An error at the end of the text may reach past it: keep ranges inside the file.
  const toRange = (start: number, end: number) => index.range(Math.min(start, text.length), Math.min(end, text.length));
  const errors: jsonc.ParseError[] = [];
  const body = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  const tree = jsonc.parseTree(flattenDeepJson(body), errors, { allowTrailingComma: false, disallowComments: true });
  const diagnostics: ParseDiagnostic[] = [];
  const root = tree ? convertJson(tree, text, toRange, file, diagnostics, 0) : undefined;
  const template = root
    ? buildTemplate(root, file, 'cloudformation-json', 0, toRange(0, text.length), diagnostics)
    : undefined;
  if (!template && !looksLikeTemplateText(text)) return { units: [], diagnostics: [] };
  for (const error of errors) {
    diagnostics.push({
      file,
      range: toRange(error.offset, error.offset + error.length),
      severity: 'error',
      message: `JSON syntax error: ${jsonErrorMessage(error.error)}`,
    });
  }
  return { units: template ? [template] : [], diagnostics };
}

/** Nesting from which jsonc-parser, which recurses once per level, could exhaust the stack. */
const JSON_PARSER_DEPTH = 1000;

/**
 * Each container opened deeper than JSON_PARSER_DEPTH becomes `0` followed by spaces, its line
 * breaks kept, so that every offset and position stays where it was and a document nested
 * thousands of levels deep parses instead of overflowing the stack. The converter stops at
 * MAX_DEPTH, above these, so the model is the same as without this.
 */
function flattenDeepJson(text: string): string {
  const chunks: string[] = [];
  let copied = 0;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) i = stringEnd(text, i);
    else if (c === 0x5d || c === 0x7d) depth--;
    else if ((c === 0x5b || c === 0x7b) && ++depth > JSON_PARSER_DEPTH) {
      let end = i + 1;
      for (let inner = 1; end < text.length && inner > 0; end++) {
        const k = text.charCodeAt(end);
        if (k === 0x22) end = stringEnd(text, end);
        else if (k === 0x5b || k === 0x7b) inner++;
        else if (k === 0x5d || k === 0x7d) inner--;
      }
      chunks.push(text.slice(copied, i), '0', text.slice(i + 1, end).replace(/[^\r\n]/g, ' '));
      copied = end;
      i = end - 1;
      depth--;
    }
  }
  return copied === 0 ? text : chunks.join('') + text.slice(copied);
}

/** The index of the quote that closes the string opening at `start` (or the last index). */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c) i++;
    else if (c === 0x22 || c === 0x0a || c === 0x0d) return i;
  }
  return text.length - 1;
}

/** The diagnostics lists (one per JSON file parsed) that already report a too-deep value. */
const reportedTooDeep = new WeakSet<ParseDiagnostic[]>();

function convertJson(
  node: jsonc.Node,
  text: string,
  toRange: (start: number, end: number) => Range,
  file: string,
  diagnostics: ParseDiagnostic[],
  depth: number,
): Value {
  const at = toRange(node.offset, node.offset + node.length);
  const source = () =>
    truncate(text.slice(node.offset, Math.min(node.offset + node.length, node.offset + MAX_TEXT + 1)));
  if (depth > MAX_DEPTH) {
    if (!reportedTooDeep.has(diagnostics))
      diagnostics.push({ file, range: at, severity: 'warning', message: TOO_DEEP_MESSAGE });
    reportedTooDeep.add(diagnostics);
    return { kind: 'unresolvable', construct: 'too-deep', text: source(), range: at };
  }
  switch (node.type) {
    case 'object': {
      const properties: Property[] = [];
      const seen = new Set<string>();
      for (const member of node.children ?? []) {
        const keyNode = member.children?.at(0);
        const valueNode = member.children?.at(1);
        if (!keyNode) continue;
        const key = String(keyNode.value);
        const keyRange = toRange(keyNode.offset, keyNode.offset + keyNode.length);
        if (seen.has(key)) diagnostics.push(duplicateKeyDiagnostic(file, key, keyRange));
        seen.add(key);
        const value = valueNode
          ? convertJson(valueNode, text, toRange, file, diagnostics, depth + 1)
          : ({ kind: 'literal', value: null, range: { start: keyRange.end, end: keyRange.end } } as Value);
        properties.push({ key, keyRange, value, range: { start: keyRange.start, end: value.range.end } });
      }
      return recogniseLongForm({ kind: 'map', properties, range: at }, source);
    }
    case 'array':
      return {
        kind: 'list',
        items: (node.children ?? []).map((child) => convertJson(child, text, toRange, file, diagnostics, depth + 1)),
        range: at,
      };
    case 'string':
    case 'number':
    case 'boolean':
      return { kind: 'literal', value: node.value as string | number | boolean, range: at };
    case 'null':
      return { kind: 'literal', value: null, range: at };
    default:
      return { kind: 'unresolvable', construct: 'json', text: source(), range: at };
  }
}

function jsonErrorMessage(code: jsonc.ParseErrorCode): string {
  const messages: Partial<Record<jsonc.ParseErrorCode, string>> = {
    [jsonc.ParseErrorCode.InvalidSymbol]: 'unexpected character',
    [jsonc.ParseErrorCode.InvalidNumberFormat]: 'invalid number',
    [jsonc.ParseErrorCode.PropertyNameExpected]: 'property name expected',
    [jsonc.ParseErrorCode.ValueExpected]: 'value expected',
    [jsonc.ParseErrorCode.ColonExpected]: "':' expected",
    [jsonc.ParseErrorCode.CommaExpected]: "',' expected",
    [jsonc.ParseErrorCode.CloseBraceExpected]: "'}' expected",
    [jsonc.ParseErrorCode.CloseBracketExpected]: "']' expected",
    [jsonc.ParseErrorCode.EndOfFileExpected]: 'end of file expected',
    [jsonc.ParseErrorCode.InvalidCommentToken]: 'comments are not allowed in JSON',
    [jsonc.ParseErrorCode.UnexpectedEndOfComment]: 'unterminated comment',
    [jsonc.ParseErrorCode.UnexpectedEndOfString]: 'unterminated string',
    [jsonc.ParseErrorCode.UnexpectedEndOfNumber]: 'unterminated number',
    [jsonc.ParseErrorCode.InvalidUnicode]: 'invalid unicode escape',
    [jsonc.ParseErrorCode.InvalidEscapeCharacter]: 'invalid escape character',
    [jsonc.ParseErrorCode.InvalidCharacter]: 'invalid character',
  };
  return messages[code] ?? jsonc.printParseErrorCode(code);
}

// ---------------------------------------------------------------------------------------------
// Intrinsic functions (both syntaxes)

/** `{ "Ref": X }` and `{ "Fn::…": … }` written as a one-key mapping. */
function recogniseLongForm(map: MapValue, text: () => string): Value {
  if (map.properties.length !== 1) return map;
  const only = map.properties[0];
  if (only.key === 'Ref' || (only.key.startsWith('Fn::') && !only.key.startsWith(FOR_EACH_PREFIX)))
    return intrinsic(only.key, only.value, map.range, text());
  return map;
}

function duplicateKeyDiagnostic(file: string, key: string, range: Range): ParseDiagnostic {
  return {
    file,
    range,
    severity: 'warning',
    message: `Duplicate key '${truncate(key)}': CloudFormation rejects templates with duplicate keys.`,
  };
}

/**
 * Turns an intrinsic into a model value: `Ref` and `Fn::GetAtt` are references, a `Fn::Sub` with
 * no `${}` is the literal it spells, everything else is unresolvable (never insecure).
 */
export function intrinsic(name: string, args: Value, at: Range, text: string): Value {
  if (name === 'Ref' && args.kind === 'literal' && typeof args.value === 'string') {
    return { kind: 'reference', target: args.value, text, range: at };
  }
  if (name === 'Fn::GetAtt') {
    if (args.kind === 'literal' && typeof args.value === 'string') {
      const dot = args.value.indexOf('.');
      return dot > 0
        ? { kind: 'reference', target: args.value.slice(0, dot), attribute: args.value.slice(dot + 1), text, range: at }
        : { kind: 'reference', target: args.value, text, range: at };
    }
    if (args.kind === 'list' && args.items[0]?.kind === 'literal' && typeof args.items[0].value === 'string') {
      const attribute = args.items[1]?.kind === 'literal' ? String(args.items[1].value) : undefined;
      return { kind: 'reference', target: args.items[0].value, attribute, text, range: at };
    }
  }
  if (name === 'Fn::Sub' && args.kind === 'literal' && typeof args.value === 'string' && !args.value.includes('${')) {
    return { kind: 'literal', value: args.value, range: at };
  }
  return { kind: 'unresolvable', construct: name, args, text, range: at };
}

// ---------------------------------------------------------------------------------------------
// Template detection and building (both syntaxes)

const RESOURCE_TYPE = /^(AWS|Custom|Alexa)::/;

/**
 * A template has `AWSTemplateFormatVersion`, a SAM `Transform`, or a `Resources` map whose
 * entries have a `Type` such as `AWS::…`, `Custom::…` or `Alexa::…`.
 */
export function isTemplateRoot(root: Value): root is MapValue {
  if (root.kind !== 'map') return false;
  if (getProperty(root, 'AWSTemplateFormatVersion')) return true;
  const transform = getProperty(root, 'Transform')?.value;
  if (transform && transformNames(transform).some((t) => t.startsWith('AWS::'))) return true;
  const resources = getProperty(root, 'Resources')?.value;
  if (resources?.kind !== 'map') return false;
  return resources.properties.some((entry) => {
    const type = entry.value.kind === 'map' ? getProperty(entry.value, 'Type')?.value : undefined;
    return type?.kind === 'literal' && typeof type.value === 'string' && RESOURCE_TYPE.test(type.value);
  });
}

/** Cheap text test used only when a file does not parse well enough to inspect its structure. */
export function looksLikeTemplateText(text: string): boolean {
  const head = text.length > 200_000 ? text.slice(0, 200_000) : text;
  return (
    /AWSTemplateFormatVersion/.test(head) || /["']?Type["']?\s*:\s*["']?(AWS|Custom|Alexa)::[A-Za-z0-9]+::/.test(head)
  );
}

function transformNames(value: Value): string[] {
  if (value.kind === 'literal' && typeof value.value === 'string') return [value.value];
  if (value.kind === 'list') return value.items.flatMap(transformNames);
  return [];
}

export function buildTemplate(
  root: Value,
  file: string,
  syntax: CloudFormationTemplate['syntax'],
  documentIndex: number,
  whole: Range,
  diagnostics: ParseDiagnostic[],
): CloudFormationTemplate | undefined {
  if (!isTemplateRoot(root)) return undefined;
  const transform = getProperty(root, 'Transform')?.value;
  const transforms = transform ? transformNames(transform) : [];
  // AWS::LanguageExtensions: Fn::ForEach loops over known collections are written out.
  const expanded = usesLanguageExtensions(transforms)
    ? expandLanguageExtensions(root, file, diagnostics, intrinsic)
    : root;
  // AWS::Serverless-2016-10-31: the resources SAM writes for its resources, next to them.
  const model = usesServerless(transforms) ? expandServerless(expanded, file, diagnostics) : expanded;
  const conditions = getProperty(model, 'Conditions')?.value;
  const globals = usesServerless(transforms) ? getProperty(model, 'Globals')?.value : undefined;
  return {
    kind: 'cloudformation',
    file,
    syntax,
    documentIndex,
    transforms,
    parameters: buildParameters(getProperty(model, 'Parameters')?.value),
    conditions: conditions?.kind === 'map' ? conditions.properties.map((p) => p.key) : [],
    resources: buildResources(getProperty(model, 'Resources'), file, syntax, diagnostics),
    globals: globals?.kind === 'map' ? globals : undefined,
    range: whole,
  };
}

function buildParameters(parameters: Value | undefined): CfnParameter[] {
  if (parameters?.kind !== 'map') return [];
  return parameters.properties.map((entry) => {
    const body = entry.value.kind === 'map' ? entry.value : undefined;
    const type = getProperty(body, 'Type')?.value;
    const noEcho = getProperty(body, 'NoEcho')?.value;
    return {
      name: entry.key,
      type: type?.kind === 'literal' && typeof type.value === 'string' ? type.value : undefined,
      default: getProperty(body, 'Default')?.value,
      noEcho: noEcho?.kind === 'literal' && (noEcho.value === true || String(noEcho.value).toLowerCase() === 'true'),
      range: entry.range,
      keyRange: entry.keyRange,
    };
  });
}

function buildResources(
  section: Property | undefined,
  file: string,
  syntax: CloudFormationTemplate['syntax'],
  diagnostics: ParseDiagnostic[],
): Resource[] {
  if (!section) return [];
  if (section.value.kind !== 'map') {
    diagnostics.push({
      file,
      range: section.keyRange,
      severity: 'error',
      message: 'Resources must be a mapping of logical ids to resource definitions.',
    });
    return [];
  }
  const resources: Resource[] = [];
  // Generated ids already used, by a resource written out or generated before.
  let ids: Set<string> | undefined;
  for (const entry of section.value.properties) {
    // A `Fn::ForEach::<Name>` loop left here was not written out (no AWS::LanguageExtensions, or an
    // unknown collection): the ids it generates at deploy time are not known.
    if (entry.key.startsWith(FOR_EACH_PREFIX)) continue;
    const sam = samEntries.get(entry);
    const generatedBy = generatedEntries.get(entry) ?? sam?.by;
    // SAM writes a SimpleTable's table (and a function's Lambda function) under the resource's own id.
    if (generatedBy && sam?.from !== entry.key) {
      ids ??= new Set(
        section.value.properties.filter((p) => !generatedEntries.has(p) && !samEntries.has(p)).map((p) => p.key),
      );
      if (ids.has(entry.key)) {
        diagnostics.push({
          file,
          range: entry.keyRange,
          severity: 'warning',
          message: `${truncate(generatedBy)} generates the logical id '${truncate(entry.key)}', which the template already has: ${sam ? 'the AWS SAM transform' : 'CloudFormation'} rejects it.`,
        });
        continue;
      }
      ids.add(entry.key);
    }
    if (entry.value.kind !== 'map') {
      diagnostics.push({
        file,
        range: entry.keyRange,
        severity: 'error',
        message: `Resource '${truncate(entry.key)}' must be a mapping with a Type.`,
      });
      continue;
    }
    const typeProperty = getProperty(entry.value, 'Type');
    const type = typeProperty?.value;
    if (!typeProperty || (type?.kind === 'literal' && (typeof type.value !== 'string' || type.value.length === 0))) {
      diagnostics.push({
        file,
        range: typeProperty?.value.range ?? entry.keyRange,
        severity: 'error',
        message: `Resource '${truncate(entry.key)}' has no Type.`,
      });
      continue;
    }
    // A Type computed by a preprocessor (for example a module tag) cannot be known statically.
    if (type?.kind !== 'literal' || typeof type.value !== 'string') continue;
    const properties = getProperty(entry.value, 'Properties')?.value;
    const classification = classifyType(
      type.value,
      properties?.kind === 'map' ? classificationHints(properties) : undefined,
    );
    const metadata = getProperty(entry.value, 'Metadata')?.value;
    const condition = getProperty(entry.value, 'Condition')?.value;
    const deletionPolicy = getProperty(entry.value, 'DeletionPolicy')?.value;
    const updateReplacePolicy = getProperty(entry.value, 'UpdateReplacePolicy')?.value;
    resources.push({
      id: entry.key,
      type: type.value,
      service: classification.service,
      tier: classification.tier,
      file,
      syntax,
      range: entry.range,
      idRange: entry.keyRange,
      typeRange: type.range,
      properties: properties?.kind === 'map' ? properties : emptyMap(properties?.range ?? entry.keyRange),
      metadata: metadata?.kind === 'map' ? metadata : undefined,
      condition: condition?.kind === 'literal' && typeof condition.value === 'string' ? condition.value : undefined,
      ...(deletionPolicy && { deletionPolicy }),
      ...(updateReplacePolicy && { updateReplacePolicy }),
      ...resourceOrigin(entry, metadata),
    });
  }
  return resources;
}

/** What generated a resource (`Fn::ForEach`), and the AWS CDK construct it comes from. */
function resourceOrigin(
  entry: Property,
  metadata: Value | undefined,
): Pick<Resource, 'generatedBy' | 'generatedFrom' | 'constructPath'> {
  const origin: Pick<Resource, 'generatedBy' | 'generatedFrom' | 'constructPath'> = {};
  const sam = samEntries.get(entry);
  const generatedBy = sam?.by ?? generatedEntries.get(entry);
  if (generatedBy) origin.generatedBy = generatedBy;
  if (sam) origin.generatedFrom = sam.from;
  const cdkPath = metadata?.kind === 'map' ? getProperty(metadata, 'aws:cdk:path')?.value : undefined;
  if (cdkPath?.kind === 'literal' && typeof cdkPath.value === 'string' && cdkPath.value.length > 0)
    origin.constructPath = cdkPath.value.replace(/\/Resource$/, '');
  return origin;
}

// ---------------------------------------------------------------------------------------------

function truncate(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
}

function firstLine(message: string): string {
  const line = message.split('\n')[0];
  return line.replace(/ at line \d+, column \d+:?$/, '');
}

function describe(error: unknown): string {
  if (error instanceof RangeError) return 'the document is nested too deeply';
  return error instanceof Error ? error.message : String(error);
}
