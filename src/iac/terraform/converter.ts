/**
 * What both converters of one file's syntax tree share: `TreeConverter` turns blocks, bodies,
 * expressions, templates and references into the neutral model. How a block's parts, a body's items
 * and a collection's elements are found differs between an error-free tree (`cursor-converter.ts`,
 * read with tree cursors and from the source text) and a tree with syntax errors
 * (`node-converter.ts`, node by node): those steps are the abstract methods below.
 */
import type { Node as SyntaxNode } from 'web-tree-sitter';
import { classifyType } from '../../knowledge/services';
import { classificationHints } from '../hints';
import { LineIndex } from '../line-index';
import type {
  ListValue,
  LiteralValue,
  MapValue,
  ParseDiagnostic,
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
} from '../model';
import { getProperty } from '../model';
import { asciiIdentifierEnd } from './chars';
import { dottedTarget, type TraversalStep, type TraversalTarget, traversalTarget } from './references';
import { heredocValue, unescapeQuoted } from './strings';

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

export function emptyFileParse(file: string, diagnostics: ParseDiagnostic[]): TerraformFileParse {
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

/** A module of `files` in `dir` with nothing in it yet. */
export function emptyModule(dir: string, files: string[]): TerraformModule {
  return {
    kind: 'terraform',
    dir,
    files,
    resources: [],
    dataSources: [],
    providers: [],
    variables: [],
    locals: [],
    moduleCalls: [],
    outputs: [],
  };
}

/** Deeper values than this become one unresolvable value (and one diagnostic), not a stack overflow. */
export const MAX_NESTING = 256;
/** Unresolvable values keep at most this much source text. */
const MAX_TEXT = 200;
/** Longest heredoc template kept whole in the model (longer ones are truncated like any excerpt). */
const MAX_TEMPLATE_TEXT = 65_536;

/** A string without escapes, interpolation or directives: its value is the text between the quotes. */
const SIMPLE_STRING = /^"[^"\\$%\r\n]*"$/;
const SIMPLE_NUMBER = /^-?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/;
/** `name.name…` with ASCII identifiers only (HCL also allows Unicode ones; those take the general path). */
const SIMPLE_TRAVERSAL = /^[A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z_][A-Za-z0-9_-]*)+$/;

/** The pieces of a block: `type "label" "label" { body }`. */
export interface BlockParts {
  start: number;
  end: number;
  type: string;
  /** The type name's offsets (the whole block's when it has none). */
  typeStart: number;
  typeEnd: number;
  labels: { value: string; range: Range }[];
  /** The body's node: always from the node converter; from the cursor converter only for `dynamic` blocks (`iteratorName`). */
  body: SyntaxNode | undefined;
  /** From the cursor converter: the body's items, plain attributes already converted, for `bodyMap(block, bodyDepth)`. */
  items?: BodyItem[];
  bodyDepth?: number;
  /** From `{` to `}` (the map's range). */
  bodyRange: Range;
  range: Range;
}

/** A body item found by the cursor converter: a converted plain attribute, or a node still to convert. */
export type BodyItem = Property | { item: 'attribute' | 'block'; node: SyntaxNode };

/** The opening token of a collection (tuple or object) or of a template (quoted or heredoc). */
export type Opener = 'collection' | 'template';

export abstract class TreeConverter {
  protected readonly lines: LineIndex;
  protected readonly result: TerraformFileParse;
  private readonly reported = new Set<string>();
  /** Diagnostics reported so far (`report`). */
  protected syntaxDiagnostics = 0;
  private depthReported = false;
  /** Iterator names of the `dynamic` blocks being converted (`ingress` in `ingress.value`). */
  private readonly iterators = new Set<string>();

  constructor(
    protected readonly file: string,
    protected readonly text: string,
  ) {
    this.lines = new LineIndex(text);
    this.result = emptyFileParse(file, []);
  }

  convert(root: SyntaxNode): TerraformFileParse {
    this.convertTopLevel(root);
    this.result.diagnostics.sort(
      (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
    );
    return this.result;
  }

  // -- the steps each converter does its own way -----------------------------------------------

  /** Converts the top-level blocks (`topLevelParts` for each). */
  protected abstract convertTopLevel(root: SyntaxNode): void;

  /** A block's parts; `bodyDepth`: the depth its body will be converted at (`bodyMap`). */
  protected abstract blockParts(node: SyntaxNode, bodyDepth: number): BlockParts;

  /** `attribute`, `block` or `comment` (anything else when the tree has errors). */
  protected abstract bodyItemType(node: SyntaxNode): string;

  /**
   * Whether a nested block is really a top-level one, set aside to be converted as such (true) rather
   * than as a property of its parent (see `node-converter.ts`).
   */
  protected abstract setAsideStranded(block: BlockParts, node: SyntaxNode): boolean;

  /**
   * A function call is unresolvable, but its arguments are kept as `args` (a list) so rules can
   * look inside `jsonencode({ … })` policies.
   */
  protected abstract functionCall(node: SyntaxNode, call: SyntaxNode, depth: number): Value;

  /** The type of a collection's or a template's only child (`tuple`, `object`, `quoted_template`, …). */
  protected abstract innerType(inner: SyntaxNode, opener: Opener): string;

  /** Whether a named child of a tuple (`expression`) or an object (`object_elem`) is one of its items. */
  protected abstract isItem(child: SyntaxNode, containerStart: number, itemType: 'expression' | 'object_elem'): boolean;

  // -- top-level blocks ------------------------------------------------------------------------

  protected topLevelParts(block: BlockParts): void {
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

  /** A block's body as a map (`block: true`), empty when the block is `{}`. */
  private bodyMap(block: BlockParts, depth: number): MapValue {
    const properties = this.bodyProperties(block, depth);
    return { kind: 'map', properties, range: block.bodyRange, block: true };
  }

  /** The properties of a block's body, converted from the body node's children. */
  protected bodyProperties(block: BlockParts, depth: number): Property[] {
    const properties: Property[] = [];
    if (block.body) {
      for (const child of block.body.children) {
        if (!child) continue;
        const property = this.bodyItem(child, depth);
        if (property) properties.push(property);
      }
    }
    return properties;
  }

  protected bodyItem(node: SyntaxNode, depth: number): Property | undefined {
    const type = this.bodyItemType(node);
    if (type === 'attribute') return this.attribute(node, depth);
    if (type !== 'block') return undefined; // comments, ERROR (reported separately)
    if (depth + 1 > MAX_NESTING) return this.tooDeepProperty(node);
    const block = this.blockParts(node, depth + 1);
    if (this.setAsideStranded(block, node)) return undefined;
    if (block.type === 'dynamic' && block.labels.length > 0) return this.dynamicBlock(block, depth);
    return {
      key: block.type,
      keyRange: this.lines.range(block.typeStart, block.typeEnd),
      value: this.bodyMap(block, depth + 1),
      range: block.range,
    };
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

  /** `key = expression`. */
  protected attribute(node: SyntaxNode, depth: number): Property | undefined {
    const parts = this.attributeParts(node);
    if (!parts) return undefined;
    const { key, keyStart, expression } = parts;
    const keyRange = this.lines.range(keyStart, keyStart + key.length);
    const value = this.attributeValue(node, expression, depth);
    return { key, keyRange, value, range: { start: keyRange.start, end: value.range.end } };
  }

  /** The value of the attribute `node` (`depth`: the attribute's). */
  protected attributeValue(_node: SyntaxNode, expression: SyntaxNode, depth: number): Value {
    return this.expression(expression, depth + 1);
  }

  /** An attribute's name and expression, from its named children. */
  protected attributeParts(node: SyntaxNode): { key: string; keyStart: number; expression: SyntaxNode } | undefined {
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
  protected identifierAt(offset: number): string | undefined {
    const end = asciiIdentifierEnd(this.text, offset);
    return end === -1 ? undefined : this.text.slice(offset, end);
  }

  /** A block nested beyond MAX_NESTING: kept under its type name, its contents unknown. */
  private tooDeepProperty(node: SyntaxNode): Property {
    const value = this.tooDeep(node);
    const start = node.startIndex;
    const key = this.identifierAt(start) ?? '';
    return { key, keyRange: this.lines.range(start, start + key.length), value, range: value.range };
  }

  // -- expressions -----------------------------------------------------------------------------

  protected expression(node: SyntaxNode, depth: number): Value {
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
   * Most values are a plain string, number, bool, null or dotted reference. Those are recognised
   * from the source text alone, without materialising their syntax nodes (each node read crosses
   * into WebAssembly and allocates): on typical modules this is most values.
   */
  private simpleExpression(node: SyntaxNode): Value | undefined {
    return this.simpleValue(node.startIndex, node.endIndex);
  }

  /** The value of the expression spanning `start`–`end`, if it is one of the plain kinds. */
  protected simpleValue(start: number, end: number): Value | undefined {
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
    return this.reference(start, end, dottedTarget(source, this.iterators));
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
    const type = inner ? this.innerType(inner, 'collection') : undefined;
    if (type === 'tuple') return this.tuple(inner!, depth);
    if (type === 'object') return this.object(inner!, depth);
    return this.unresolvable(node, 'error');
  }

  private tuple(node: SyntaxNode, depth: number): ListValue {
    const items: Value[] = [];
    const start = node.startIndex;
    for (const child of node.namedChildren) {
      if (child && this.isItem(child, start, 'expression')) items.push(this.expression(child, depth + 1));
    }
    return { kind: 'list', items, range: this.rangeOf(node) };
  }

  private object(node: SyntaxNode, depth: number): MapValue {
    const properties: Property[] = [];
    const start = node.startIndex;
    for (const child of node.namedChildren) {
      if (!child || !this.isItem(child, start, 'object_elem')) continue;
      const property = this.objectElement(child, depth);
      if (property) properties.push(property);
    }
    return { kind: 'map', properties, range: this.rangeOf(node), block: false };
  }

  /** `key = value` or `key: value`; the key is a name, a string, or an expression kept as text. */
  protected objectElement(node: SyntaxNode, depth: number): Property | undefined {
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

  protected functionName(call: SyntaxNode): string {
    const name = call.firstChild;
    return name ? this.source(name) : 'unknown';
  }

  // -- templates -------------------------------------------------------------------------------

  private template(node: SyntaxNode, depth: number): Value {
    const inner = node.firstChild;
    const type = inner ? this.innerType(inner, 'template') : undefined;
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
    const value = heredocValue(this.text, markers[0].startIndex, markers[1].startIndex, flush);
    return { kind: 'literal', value, range: this.rangeOf(node) };
  }

  /** The raw text between a string's quotes. */
  protected stringContent(node: SyntaxNode): string {
    return this.stringContentAt(node.startIndex, node.endIndex);
  }

  protected stringContentAt(nodeStart: number, end: number): string {
    const start = nodeStart + 1;
    const closed = end > start && this.text.charCodeAt(end - 1) === 0x22; /* " */
    return this.text.slice(start, closed ? end - 1 : end);
  }

  /**
   * A quoted string cannot span lines in HCL, but the grammar accepts it (it runs to the next
   * quote). Reports an unterminated string at its opening quote.
   */
  protected checkSingleLine(node: SyntaxNode, range: Range, contents?: SyntaxNode[]): boolean {
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

  /** `var.x`, `aws_s3_bucket.logs.id`, `module.m.out[0]`, …: a reference, or unknown (`traversalTarget`). */
  private traversal(node: SyntaxNode, root: SyntaxNode, postfix: SyntaxNode[], postfixTypes: string[]): Value {
    const steps = postfix.map((part, i) => this.traversalStep(part, postfixTypes[i]));
    return this.traversalValue(node.startIndex, node.endIndex, this.source(root), steps);
  }

  /** The traversal spanning `start`–`end`, from its root's name and the steps after it. */
  protected traversalValue(start: number, end: number, rootName: string, steps: TraversalStep[]): Value {
    return this.reference(start, end, traversalTarget(rootName, steps, this.iterators));
  }

  /** The value of the traversal spanning `start`–`end`. */
  private reference(start: number, end: number, to: TraversalTarget): Value {
    if ('construct' in to) return this.unresolvableAt(start, end, to.construct);
    const reference: ReferenceValue = {
      kind: 'reference',
      target: to.target,
      text: this.excerptOf(start, end),
      range: this.lines.range(start, end),
    };
    if (to.attribute !== undefined) reference.attribute = to.attribute;
    return reference;
  }

  /** `.name` (its name read from the source: a dot, then the identifier), `[key]`, or a splat. */
  private traversalStep(part: SyntaxNode, type: string): TraversalStep {
    if (type === 'get_attr') return { kind: 'attr', name: this.text.slice(part.startIndex + 1, part.endIndex).trim() };
    return { kind: type === 'splat' ? 'splat' : 'index', name: '' };
  }

  // -- values that cannot be known ------------------------------------------------------------

  protected unresolvable(node: SyntaxNode, construct: string): UnresolvableValue {
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

  // -- diagnostics -----------------------------------------------------------------------------

  /** An error diagnostic, once per position and message. */
  protected report(range: Range, message: string): void {
    const key = `${range.start.line}:${range.start.character}:${message}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.syntaxDiagnostics++;
    this.result.diagnostics.push({ file: this.file, range, severity: 'error', message });
  }

  // -- positions and text ----------------------------------------------------------------------

  protected rangeOf(node: SyntaxNode): Range {
    return { start: this.lines.position(node.startIndex), end: this.lines.position(node.endIndex) };
  }

  protected source(node: SyntaxNode): string {
    return this.text.slice(node.startIndex, node.endIndex);
  }

  /** The node's text, cut after MAX_TEXT characters (values can be whole policies). */
  private excerpt(node: SyntaxNode): string {
    return this.excerptOf(node.startIndex, node.endIndex);
  }

  protected excerptOf(start: number, end: number): string {
    return end - start > MAX_TEXT ? `${this.text.slice(start, start + MAX_TEXT)}…` : this.text.slice(start, end);
  }

  /** Offset of the end of the line holding `offset` (before `\r\n` or `\n`). */
  protected lineEnd(offset: number): number {
    const newline = this.text.indexOf('\n', offset);
    if (newline === -1) return this.text.length;
    return newline > offset && this.text.charCodeAt(newline - 1) === 0x0d ? newline - 1 : newline;
  }
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
