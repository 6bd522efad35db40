/**
 * Terraform expressions as a small syntax tree: the source of one expression is parsed again with
 * the converter's tree-sitter grammar (loader.ts, loaded once) and turned into a compact tree with
 * offsets relative to the expression's source, cached by text so an expression evaluated once per
 * instance is parsed once. `eval-expressions.ts` evaluates these trees.
 */
import type { Node as SyntaxNode } from 'web-tree-sitter';
import { loadTerraformLanguage, terraformParser, unescapeQuoted } from '../terraform';
import { asciiIdentifierEnd, isPlainStringCode } from './chars';
// ---------------------------------------------------------------------------------------------
// The grammar: the converter's own parser (loader.ts), so the wasm is loaded once.

/** Loads the grammar the evaluator parses with: the converter's, loaded once for both. */
export function loadEvaluator(): Promise<void> {
  return loadTerraformLanguage();
}

export function isEvaluatorLoaded(): boolean {
  return terraformParser() !== undefined;
}

// ---------------------------------------------------------------------------------------------
// Syntax: a small tree, offsets relative to the expression's source.

export type Step = { t: 'attr'; name: string } | { t: 'index'; key: Ast } | { t: 'splat'; steps: Step[] };

export type TemplatePart = string | Ast;

export type Ast = { start: number; end: number } & (
  | { t: 'lit'; v: null | boolean | number | string }
  | { t: 'template'; parts: TemplatePart[] }
  | { t: 'tuple'; items: Ast[] }
  | { t: 'object'; elems: { key: Ast; bare?: string; value: Ast }[] }
  | { t: 'name'; name: string }
  | { t: 'postfix'; base: Ast; steps: Step[] }
  | { t: 'call'; name: string; args: Ast[]; expand: boolean }
  | { t: 'cond'; cond: Ast; then: Ast; else: Ast }
  | {
      t: 'for';
      object: boolean;
      keyName?: string;
      valueName: string;
      collection: Ast;
      key?: Ast;
      value: Ast;
      group: boolean;
      cond?: Ast;
    }
  | { t: 'unary'; op: string; x: Ast }
  | { t: 'binary'; op: string; l: Ast; r: Ast }
  | { t: 'unsupported'; why: string }
);

const PREFIX = '__x = ';
const AST_CACHE_LIMIT = 20_000;
const astCache = new Map<string, Ast>();

/** The syntax tree of one expression's source; `unsupported` when it does not parse cleanly. */
export function parseExpression(source: string): Ast {
  const cached = astCache.get(source);
  if (cached) return cached;
  const ast = dottedReference(source) ?? simpleTemplate(source) ?? parseWithGrammar(source);
  if (astCache.size >= AST_CACHE_LIMIT) astCache.clear();
  astCache.set(source, ast);
  return ast;
}

/** Words the grammar reads as something else than a name. */
const NOT_NAMES = new Set(['true', 'false', 'null', 'for', 'in', 'if', 'else', 'endif', 'endfor']);

/**
 * `a` or `a.b.c` (ASCII names only), built without the parser: most expressions a module
 * evaluates are references like these, and parsing each with tree-sitter costs a parse, a tree and
 * its nodes. The tree is exactly the one `parseWithGrammar` builds (a test builds both ways);
 * undefined for anything else.
 */
export function dottedReference(source: string): Ast | undefined {
  // asciiIdentifierEnd wants a character after the name: it refuses a name cut short by the end.
  return dottedAt(`${source}\n`, 0, source.length);
}

/**
 * A quoted string of plain text and `${a.b.c}` interpolations (`"${var.prefix}-logs"`), built
 * without the parser as `dottedReference` is; undefined for anything else (an escape, a directive,
 * any other interpolation).
 */
export function simpleTemplate(source: string): Ast | undefined {
  const last = source.length - 1;
  if (last < 1 || source.charCodeAt(0) !== 0x22 /* " */ || source.charCodeAt(last) !== 0x22) return undefined;
  const parts: TemplatePart[] = [];
  let i = 1;
  while (i < last) {
    if (source.charCodeAt(i) === 0x24 /* $ */ && source.charCodeAt(i + 1) === 0x7b /* { */) {
      const close = source.indexOf('}', i + 2);
      const reference = close === -1 || close >= last ? undefined : dottedAt(source, i + 2, close);
      if (!reference) return undefined;
      parts.push(reference);
      i = close + 1;
      continue;
    }
    let j = i;
    while (j < last && isPlainStringCode(source.charCodeAt(j))) j++;
    if (j === i) return undefined; // an escape, or a `$` or `%` the grammar must read
    parts.push(source.slice(i, j));
    i = j;
  }
  // Without an interpolation the grammar reads a plain string literal.
  if (parts.every((part) => typeof part === 'string'))
    return { t: 'lit', v: parts.join(''), start: 0, end: source.length };
  return { t: 'template', parts, start: 0, end: source.length };
}

/** `dottedReference` of `text` from `start` to `end`, offsets in `text`; a character must follow `end`. */
function dottedAt(text: string, start: number, end: number): Ast | undefined {
  let at = asciiIdentifierEnd(text, start);
  if (at === -1 || at > end) return undefined;
  const first = text.slice(start, at);
  if (NOT_NAMES.has(first)) return undefined;
  const base: Ast = { t: 'name', name: first, start, end: at };
  if (at === end) return base;
  const steps: Step[] = [];
  while (at < end) {
    if (text.charCodeAt(at) !== 0x2e /* . */) return undefined;
    const next = asciiIdentifierEnd(text, at + 1);
    if (next === -1 || next > end) return undefined;
    const name = text.slice(at + 1, next);
    if (NOT_NAMES.has(name)) return undefined;
    steps.push({ t: 'attr', name });
    at = next;
  }
  return { t: 'postfix', base, steps, start, end };
}

/** The syntax tree of one expression's source, parsed with the grammar. */
export function parseWithGrammar(source: string): Ast {
  const unsupported = (why: string): Ast => ({ t: 'unsupported', why, start: 0, end: source.length });
  const parser = terraformParser();
  if (!parser) return unsupported('not loaded');
  const text = `${PREFIX}${source}\n`;
  const tree = parser.parse(text);
  if (!tree) return unsupported('no tree');
  try {
    const root = tree.rootNode;
    if (root.hasError) return unsupported('syntax');
    const body = root.namedChildren.find((c) => c?.type === 'body');
    const attribute = body?.namedChildren.find((c) => c?.type === 'attribute');
    const expression = attribute?.namedChildren.filter((c) => c?.type === 'expression').pop();
    if (!expression || body!.namedChildren.filter((c) => c?.type !== 'comment').length !== 1)
      return unsupported('not one expression');
    return new AstBuilder(text, PREFIX.length).expression(expression, 0);
  } finally {
    tree.delete();
  }
}

/**
 * The scope names an expression reads: `var.x` and `local.y` (as `var.x`, `local.y`), `each` and
 * `count` (for `each.*` and `count.index`). Names a `for` expression binds are not told apart; a
 * `for` over `var.l` reads `var.l` whatever its body does.
 */
export function scopeReferences(ast: Ast): Set<string> {
  const found = new Set<string>();
  const visit = (node: Ast | undefined, depth: number): void => {
    if (!node || depth > MAX_AST_DEPTH) return;
    const steps = (list: Step[]) => {
      for (const step of list) {
        if (step.t === 'index') visit(step.key, depth + 1);
        else if (step.t === 'splat') steps(step.steps);
      }
    };
    switch (node.t) {
      case 'postfix': {
        const first = node.steps.at(0);
        if (node.base.t === 'name' && (node.base.name === 'var' || node.base.name === 'local') && first?.t === 'attr')
          found.add(`${node.base.name}.${first.name}`);
        else if (node.base.t === 'name' && (node.base.name === 'each' || node.base.name === 'count'))
          found.add(node.base.name);
        else visit(node.base, depth + 1);
        steps(node.steps);
        return;
      }
      case 'template':
        for (const part of node.parts) if (typeof part !== 'string') visit(part, depth + 1);
        return;
      case 'tuple':
        for (const item of node.items) visit(item, depth + 1);
        return;
      case 'object':
        for (const elem of node.elems) {
          if (elem.bare === undefined) visit(elem.key, depth + 1);
          visit(elem.value, depth + 1);
        }
        return;
      case 'call':
        for (const arg of node.args) visit(arg, depth + 1);
        return;
      case 'cond':
        visit(node.cond, depth + 1);
        visit(node.then, depth + 1);
        visit(node.else, depth + 1);
        return;
      case 'for':
        visit(node.collection, depth + 1);
        visit(node.key, depth + 1);
        visit(node.value, depth + 1);
        visit(node.cond, depth + 1);
        return;
      case 'unary':
        visit(node.x, depth + 1);
        return;
      case 'binary':
        visit(node.l, depth + 1);
        visit(node.r, depth + 1);
        return;
      default:
        return;
    }
  };
  visit(ast, 0);
  return found;
}

const MAX_AST_DEPTH = 200;

const BINARY_OPERATORS = new Set(['+', '-', '*', '/', '%', '==', '!=', '<', '>', '<=', '>=', '&&', '||']);

class AstBuilder {
  constructor(
    private readonly text: string,
    private readonly shift: number,
  ) {}

  private at(node: SyntaxNode): { start: number; end: number } {
    return { start: node.startIndex - this.shift, end: node.endIndex - this.shift };
  }

  private span(nodes: SyntaxNode[]): { start: number; end: number } {
    return { start: nodes[0].startIndex - this.shift, end: nodes[nodes.length - 1].endIndex - this.shift };
  }

  private source(node: SyntaxNode): string {
    return this.text.slice(node.startIndex, node.endIndex);
  }

  private unsupported(node: SyntaxNode, why: string): Ast {
    return { t: 'unsupported', why, ...this.at(node) };
  }

  private significant(node: SyntaxNode): SyntaxNode[] {
    return node.children.filter((c): c is SyntaxNode => !!c && c.type !== 'comment');
  }

  expression(node: SyntaxNode, depth: number): Ast {
    if (depth > MAX_AST_DEPTH) return this.unsupported(node, 'too deep');
    if (node.type !== 'expression') return this.parts([node], depth);
    return this.parts(this.significant(node), depth);
  }

  /** A base and its postfix steps (`var.a[0].b`, `f(x)[0]`, `(x).y`). */
  private parts(parts: SyntaxNode[], depth: number): Ast {
    if (parts.length === 0) return { t: 'unsupported', why: 'empty', start: 0, end: 0 };
    let base: Ast;
    let rest: SyntaxNode[];
    if (parts[0].type === '(') {
      const close = parts.findIndex((p) => p.type === ')');
      if (close !== 2) return { t: 'unsupported', why: 'parentheses', ...this.span(parts) };
      base = { ...this.expression(parts[1], depth + 1), ...this.span(parts.slice(0, 3)) };
      rest = parts.slice(3);
    } else {
      base = this.primary(parts[0], depth);
      rest = parts.slice(1);
    }
    if (rest.length === 0) return base;
    const steps: Step[] = [];
    for (const part of rest) {
      const step = this.step(part, depth);
      if (!step) return { t: 'unsupported', why: part.type, ...this.span(parts) };
      steps.push(step);
    }
    return { t: 'postfix', base, steps, ...this.span(parts) };
  }

  private step(node: SyntaxNode, depth: number): Step | undefined {
    switch (node.type) {
      case 'get_attr': {
        const name = node.namedChildren.find((c) => c?.type === 'identifier');
        return name ? { t: 'attr', name: this.source(name) } : undefined;
      }
      case 'index': {
        const inner = node.firstChild;
        if (inner?.type === 'new_index') {
          const key = inner.namedChildren.find((c) => c?.type === 'expression');
          return key ? { t: 'index', key: this.expression(key, depth + 1) } : undefined;
        }
        if (inner?.type === 'legacy_index') {
          const digits = this.source(inner).replace(/^\./, '');
          const n = Number(digits);
          return Number.isInteger(n) ? { t: 'index', key: { t: 'lit', v: n, ...this.at(inner) } } : undefined;
        }
        return undefined;
      }
      case 'splat': {
        const inner = node.firstChild;
        if (!inner) return undefined;
        const steps: Step[] = [];
        for (const child of this.significant(inner).slice(1)) {
          const step = this.step(child, depth);
          if (!step) return undefined;
          steps.push(step);
        }
        return { t: 'splat', steps };
      }
      default:
        return undefined;
    }
  }

  private primary(node: SyntaxNode, depth: number): Ast {
    switch (node.type) {
      case 'expression':
        return this.expression(node, depth + 1);
      case 'literal_value':
        return this.literal(node);
      case 'collection_value': {
        const inner = node.firstChild;
        if (inner?.type === 'tuple') {
          const items = inner.namedChildren
            .filter((c): c is SyntaxNode => c?.type === 'expression')
            .map((c) => this.expression(c, depth + 1));
          return { t: 'tuple', items, ...this.at(node) };
        }
        if (inner?.type === 'object') return this.object(inner, depth);
        return this.unsupported(node, 'collection');
      }
      case 'template_expr':
        return this.template(node, depth);
      case 'variable_expr':
        return { t: 'name', name: this.source(node), ...this.at(node) };
      case 'function_call':
        return this.call(node, depth);
      case 'conditional': {
        const e = node.namedChildren.filter((c): c is SyntaxNode => c?.type === 'expression');
        if (e.length !== 3) return this.unsupported(node, 'conditional');
        return {
          t: 'cond',
          cond: this.expression(e[0], depth + 1),
          then: this.expression(e[1], depth + 1),
          else: this.expression(e[2], depth + 1),
          ...this.at(node),
        };
      }
      case 'for_expr':
        return this.forExpression(node, depth);
      case 'operation':
        return node.firstChild ? this.primary(node.firstChild, depth + 1) : this.unsupported(node, 'operation');
      case 'unary_operation': {
        const parts = this.significant(node);
        return { t: 'unary', op: parts[0].type, x: this.parts(parts.slice(1), depth + 1), ...this.at(node) };
      }
      case 'binary_operation': {
        const parts = this.significant(node);
        const i = parts.findIndex((p, index) => index > 0 && !p.isNamed && BINARY_OPERATORS.has(p.type));
        if (i <= 0 || i === parts.length - 1) return this.unsupported(node, 'operation');
        return {
          t: 'binary',
          op: parts[i].type,
          l: this.parts(parts.slice(0, i), depth + 1),
          r: this.parts(parts.slice(i + 1), depth + 1),
          ...this.at(node),
        };
      }
      default:
        return this.unsupported(node, node.type);
    }
  }

  private literal(node: SyntaxNode): Ast {
    const token = node.firstChild;
    const at = this.at(node);
    switch (token?.type) {
      case 'numeric_lit': {
        const n = Number(this.source(token));
        return Number.isNaN(n) ? this.unsupported(node, 'number') : { t: 'lit', v: n, ...at };
      }
      case 'bool_lit':
        return { t: 'lit', v: this.source(token) === 'true', ...at };
      case 'null_lit':
        return { t: 'lit', v: null, ...at };
      case 'string_lit': {
        const raw = this.source(token);
        return {
          t: 'lit',
          v: unescapeQuoted(raw.slice(1, raw.endsWith('"') && raw.length > 1 ? -1 : undefined)),
          ...at,
        };
      }
      default:
        return this.unsupported(node, 'literal');
    }
  }

  private object(node: SyntaxNode, depth: number): Ast {
    const elems: { key: Ast; bare?: string; value: Ast }[] = [];
    for (const elem of node.namedChildren) {
      if (elem?.type !== 'object_elem') continue;
      const e = elem.namedChildren.filter((c): c is SyntaxNode => c?.type === 'expression');
      if (e.length !== 2) return this.unsupported(node, 'object');
      const keyParts = this.significant(e[0]);
      const bare = keyParts.length === 1 && keyParts[0].type === 'variable_expr' ? this.source(keyParts[0]) : undefined;
      elems.push({ key: this.expression(e[0], depth + 1), bare, value: this.expression(e[1], depth + 1) });
    }
    return { t: 'object', elems, ...this.at(node) };
  }

  private call(node: SyntaxNode, depth: number): Ast {
    const nameNode = node.namedChildren.find((c) => c?.type === 'identifier');
    const name = nameNode ? this.source(nameNode) : '';
    const list = node.namedChildren.find((c) => c?.type === 'function_arguments');
    const args: Ast[] = [];
    let expand = false;
    for (const child of list?.children ?? []) {
      if (child?.type === 'expression') args.push(this.expression(child, depth + 1));
      else if (child?.type === 'ellipsis' || child?.type === '...') expand = true;
    }
    return { t: 'call', name, args, expand, ...this.at(node) };
  }

  private forExpression(node: SyntaxNode, depth: number): Ast {
    const inner = node.firstChild;
    if (!inner) return this.unsupported(node, 'for');
    const object = inner.type === 'for_object_expr';
    const intro = inner.namedChildren.find((c) => c?.type === 'for_intro');
    if (!intro) return this.unsupported(node, 'for');
    const names = intro.namedChildren
      .filter((c): c is SyntaxNode => c?.type === 'identifier')
      .map((c) => this.source(c));
    const collection = intro.namedChildren.find((c) => c?.type === 'expression');
    const body = inner.namedChildren.filter((c): c is SyntaxNode => c?.type === 'expression');
    const cond = inner.namedChildren.find((c) => c?.type === 'for_cond');
    const condExpression = cond?.namedChildren.find((c) => c?.type === 'expression');
    const group = inner.children.some((c) => c?.type === 'ellipsis' || c?.type === '...');
    if (!collection || names.length < 1 || names.length > 2 || body.length !== (object ? 2 : 1))
      return this.unsupported(node, 'for');
    return {
      t: 'for',
      object,
      keyName: names.length === 2 ? names[0] : undefined,
      valueName: names[names.length - 1],
      collection: this.expression(collection, depth + 1),
      key: object ? this.expression(body[0], depth + 1) : undefined,
      value: this.expression(body[body.length - 1], depth + 1),
      group,
      cond: condExpression ? this.expression(condExpression, depth + 1) : undefined,
      ...this.at(node),
    };
  }

  private template(node: SyntaxNode, depth: number): Ast {
    const inner = node.firstChild;
    if (inner?.type === 'quoted_template') {
      // The text between interpolations is read from the source: the grammar's template_literal
      // nodes leave out the spaces next to an interpolation (`"a ${x} b"`), which are part of the string.
      const parts: TemplatePart[] = [];
      let textStart = inner.startIndex + 1;
      const textEnd = this.text.charCodeAt(inner.endIndex - 1) === 0x22 /* " */ ? inner.endIndex - 1 : inner.endIndex;
      for (const child of inner.children) {
        if (!child) continue;
        if (child.type === 'template_directive') return this.unsupported(node, 'directive');
        if (child.type !== 'template_interpolation') continue;
        const e = child.namedChildren.find((c) => c?.type === 'expression');
        if (!e) return this.unsupported(node, 'template');
        if (child.startIndex > textStart) parts.push(unescapeQuoted(this.text.slice(textStart, child.startIndex)));
        parts.push(this.expression(e, depth + 1));
        textStart = child.endIndex;
      }
      if (textEnd > textStart) parts.push(unescapeQuoted(this.text.slice(textStart, textEnd)));
      return { t: 'template', parts, ...this.at(node) };
    }
    if (inner?.type === 'heredoc_template') return this.heredoc(node, inner, depth);
    return this.unsupported(node, 'template');
  }

  /** A heredoc: its lines as written (after the first line, before the closing marker's line), `<<-` indentation removed. */
  private heredoc(node: SyntaxNode, heredoc: SyntaxNode, depth: number): Ast {
    const markers: SyntaxNode[] = [];
    const interpolations: SyntaxNode[] = [];
    let flush = false;
    for (const child of heredoc.children) {
      if (!child) continue;
      if (child.type === 'heredoc_start') flush = this.source(child) === '<<-';
      else if (child.type === 'heredoc_identifier') markers.push(child);
      else if (child.type === 'template_interpolation') interpolations.push(child);
      else if (child.type === 'template_directive') return this.unsupported(node, 'directive');
    }
    if (markers.length < 2) return this.unsupported(node, 'heredoc');
    const text = this.text;
    const firstLineEnd = text.indexOf('\n', markers[0].startIndex);
    const contentStart = firstLineEnd === -1 ? markers[1].startIndex : firstLineEnd + 1;
    const contentEnd = Math.max(contentStart, text.lastIndexOf('\n', markers[1].startIndex - 1) + 1);
    // Offsets of the characters to drop: `\r` before `\n`, and the common indentation of `<<-`.
    const dropped = new Set<number>();
    for (let i = contentStart; i < contentEnd; i++) if (text[i] === '\r' && text[i + 1] === '\n') dropped.add(i);
    if (flush) {
      const lineStarts: number[] = [];
      for (let i = contentStart; i < contentEnd; i = text.indexOf('\n', i) + 1 || contentEnd) lineStarts.push(i);
      let indent = Infinity;
      for (const start of lineStarts) {
        let j = start;
        while (text[j] === ' ' || text[j] === '\t') j++;
        if (j < contentEnd && text[j] !== '\n' && text[j] !== '\r') indent = Math.min(indent, j - start);
      }
      if (indent === Infinity) indent = 0;
      for (const start of lineStarts) {
        for (let j = start; j < start + indent && (text[j] === ' ' || text[j] === '\t'); j++) dropped.add(j);
      }
    }
    const literal = (from: number, to: number): string => {
      let out = '';
      for (let i = from; i < to; i++) if (!dropped.has(i)) out += text[i];
      return out.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
    };
    const parts: TemplatePart[] = [];
    let at = contentStart;
    for (const interpolation of interpolations) {
      const e = interpolation.namedChildren.find((c) => c?.type === 'expression');
      if (!e) return this.unsupported(node, 'heredoc');
      parts.push(literal(at, interpolation.startIndex));
      parts.push(this.expression(e, depth + 1));
      at = interpolation.endIndex;
    }
    parts.push(literal(at, contentEnd));
    return { t: 'template', parts, ...this.at(node) };
  }
}

/**
 * The top-level `name = expression` attributes of a `.tfvars` file, as offsets of each name and
 * expression; attributes with a syntax error in them are left out, blocks are ignored.
 */
export function topLevelAttributes(text: string): { name: string; nameStart: number; start: number; end: number }[] {
  const parser = terraformParser();
  if (!parser) return [];
  const tree = parser.parse(text);
  if (!tree) return [];
  try {
    const result: { name: string; nameStart: number; start: number; end: number }[] = [];
    for (const body of tree.rootNode.namedChildren) {
      if (body?.type !== 'body') continue;
      for (const attribute of body.namedChildren) {
        if (attribute?.type !== 'attribute' || attribute.hasError) continue;
        const name = attribute.namedChildren.find((c) => c?.type === 'identifier');
        const expression = attribute.namedChildren.filter((c) => c?.type === 'expression').pop();
        if (name && expression)
          result.push({
            name: text.slice(name.startIndex, name.endIndex),
            nameStart: name.startIndex,
            start: expression.startIndex,
            end: expression.endIndex,
          });
      }
    }
    return result;
  } finally {
    tree.delete();
  }
}
