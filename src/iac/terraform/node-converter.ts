/**
 * The converter for a syntax tree with errors: every part is read from its node (`node.type`, node
 * by node), syntax errors and missing tokens become diagnostics, a value next to an error is never
 * trusted, and top-level blocks that a missing `}` nested inside another block are recovered.
 */
import type { Node as SyntaxNode } from 'web-tree-sitter';
import type { Range, Value } from '../model';
import { type BlockParts, type Opener, TreeConverter } from './converter';
import { unescapeQuoted } from './strings';

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

export class NodeConverter extends TreeConverter {
  /** Top-level blocks found nested in another block because a `}` is missing (see `setAsideStranded`). */
  private readonly strandedBlocks: SyntaxNode[] = [];

  protected override convertTopLevel(root: SyntaxNode): void {
    this.collectSyntaxErrors(root);
    for (const body of root.children) {
      if (body?.type !== 'body') continue;
      for (const child of body.children) if (child && this.bodyItemType(child) === 'block') this.topLevelBlock(child);
    }
    // Converting a stranded block may strand further blocks, hence the index loop.
    for (let i = 0; i < this.strandedBlocks.length; i++) this.topLevelBlock(this.strandedBlocks[i]);
  }

  private topLevelBlock(node: SyntaxNode): void {
    this.topLevelParts(this.blockParts(node, 0));
  }

  // -- blocks and bodies -----------------------------------------------------------------------

  protected override blockParts(node: SyntaxNode, _bodyDepth: number): BlockParts {
    let typeNode: SyntaxNode | undefined;
    let body: SyntaxNode | undefined;
    let open: SyntaxNode | undefined;
    let close: SyntaxNode | undefined;
    const labels: BlockParts['labels'] = [];
    for (const child of node.children) {
      if (!child) continue;
      // `identifier` (type or label), `string_lit`, `block_start`, `body`, `block_end` or `comment`.
      const type = child.type;
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
    const bodyRange = open
      ? { start: this.lines.position(open.startIndex), end: close ? this.lines.position(close.endIndex) : range.end }
      : range;
    return { start, end, type: typeName, typeStart, typeEnd, labels, body, bodyRange, range };
  }

  private label(node: SyntaxNode, type: string): { value: string; range: Range } {
    const range = this.rangeOf(node);
    if (type === 'identifier') return { value: this.source(node), range };
    this.checkSingleLine(node, range);
    return { value: unescapeQuoted(this.stringContent(node)), range };
  }

  protected override bodyItemType(node: SyntaxNode): string {
    return node.type;
  }

  /**
   * After a missing `}`, tree-sitter nests the following top-level blocks inside the unclosed one.
   * A `resource`, `data`, … block starting at column 0 of a broken file is one of those: it is
   * converted as a top-level block so a half-written file still yields everything after the gap.
   */
  protected override setAsideStranded(block: BlockParts, node: SyntaxNode): boolean {
    if (!TOP_LEVEL_BLOCKS.has(block.type) || block.range.start.character !== 0) return false;
    this.strandedBlocks.push(node);
    return true;
  }

  /** A value next to a syntax error may be a fragment of something else: never trust it. */
  protected override attributeValue(node: SyntaxNode, expression: SyntaxNode, depth: number): Value {
    return node.hasError ? this.unresolvable(expression, 'error') : super.attributeValue(node, expression, depth);
  }

  // -- expressions -----------------------------------------------------------------------------

  protected override functionCall(node: SyntaxNode, call: SyntaxNode, depth: number): Value {
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

  protected override innerType(inner: SyntaxNode, _opener: Opener): string {
    return inner.type;
  }

  protected override isItem(
    child: SyntaxNode,
    _containerStart: number,
    itemType: 'expression' | 'object_elem',
  ): boolean {
    return child.type === itemType;
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

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
