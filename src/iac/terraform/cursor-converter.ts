/**
 * The converter for an error-free syntax tree, the usual case: blocks are walked with one tree
 * cursor, and block headers, plain attributes and plain values are read from the source text, so
 * few nodes cross from WebAssembly into JavaScript (each node object and each `type` read costs a
 * call into WebAssembly and an allocation). In an error-free tree the grammar leaves no doubt about
 * what a body item, block part or collection element is, so its first characters tell.
 */
import type { Node as SyntaxNode, TreeCursor } from 'web-tree-sitter';
import type { Property, Range, Value } from '../model';
import { isAsciiSpace, isIdentifierCode, isPlainStringCode } from './chars';
import { type BlockParts, type BodyItem, MAX_NESTING, type Opener, TreeConverter } from './converter';
import { unescapeQuoted } from './strings';
import { TextReader } from './text-reader';

/** A collection's or a template's only child, by its first character. */
const TYPE_BY_OPENER: Record<Opener, Record<number, string>> = {
  collection: { 0x5b /* [ */: 'tuple', 0x7b /* { */: 'object' },
  template: { 0x22 /* " */: 'quoted_template', 0x3c /* < */: 'heredoc_template' },
};

export class CursorConverter extends TreeConverter {
  /** Attributes whose value the text reader read (for tests). */
  textAttributes = 0;

  /** `readText: false` converts every value that is not plain from its nodes (tests compare the two). */
  constructor(
    file: string,
    text: string,
    private readonly readText = true,
  ) {
    super(file, text);
  }

  /** The cursor that walks nested blocks (`blockParts`), made on first use. */
  private cursor: TreeCursor | undefined;
  /** Reads attribute values from the source text (`textAttribute`), made on first use. */
  private reader: TextReader | undefined;

  protected override convertTopLevel(root: SyntaxNode): void {
    try {
      for (const block of this.walkTopLevel(root)) this.topLevelParts(block);
    } finally {
      this.cursor?.delete();
      this.cursor = undefined;
    }
  }

  /**
   * The top-level blocks, walked with one cursor (no node objects for the blocks' parts and plain
   * attributes). All blocks are walked before any is converted, so converting never moves this cursor.
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

  // -- blocks and bodies -----------------------------------------------------------------------

  protected override blockParts(node: SyntaxNode, bodyDepth: number): BlockParts {
    this.cursor ??= node.walk();
    this.cursor.reset(node);
    return this.walkBlock(this.cursor, bodyDepth);
  }

  /**
   * The parts of the block the cursor is on (left there), and the body's items (see `walkBody`).
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
          items = this.walkBody(cursor, bodyDepth, childStart, typeName !== 'dynamic');
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
          items = this.walkBody(cursor, bodyDepth, childStart, typeName !== 'dynamic');
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
   * With `fromText`, attributes whose value the text reader can read are converted too; a
   * `dynamic` block's are not, since its iterator is not known until the block is converted.
   */
  private walkBody(cursor: TreeCursor, depth: number, bodyStart?: number, fromText = true): BodyItem[] {
    const items: BodyItem[] = [];
    if (!cursor.gotoFirstChild()) return items;
    const text = this.text;
    let start = bodyStart ?? cursor.startIndex; // a node starts where its first child does
    for (;;) {
      const type = this.bodyItemTypeAt(cursor, start);
      const end = cursor.endIndex;
      if (type === 'attribute') {
        const simple =
          depth + 1 <= MAX_NESTING
            ? (this.simpleElement(start, end, false) ??
              (fromText && this.readText ? this.textAttribute(start, end, depth) : undefined))
            : undefined;
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

  /** The body's items as properties, converting the ones `walkBody` kept as nodes. */
  protected override bodyProperties(block: BlockParts, depth: number): Property[] {
    if (!block.items) return super.bodyProperties(block, depth);
    if (block.bodyDepth !== depth)
      throw new Error(`internal: a body walked for depth ${block.bodyDepth} converted at depth ${depth}`);
    const properties: Property[] = [];
    for (const item of block.items) {
      const property =
        'key' in item
          ? item
          : item.item === 'attribute'
            ? super.attribute(item.node, depth) // `walkBody` tried `simpleElement` already
            : this.bodyItem(item.node, depth);
      if (property) properties.push(property);
    }
    return properties;
  }

  // Node types cost a call into WebAssembly each: body items and block parts are told by their
  // first characters (the profile's top cost).

  protected override bodyItemType(node: SyntaxNode): string {
    return this.bodyItemTypeFromText(node.startIndex) ?? node.type;
  }

  /** `bodyItemType` of the cursor's node. */
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

  /** A block label: the cursor's node, spanning `start`–`end`. */
  private labelAt(cursor: TreeCursor, start: number, end: number, type: string): { value: string; range: Range } {
    const range = this.lines.range(start, end);
    if (type === 'identifier') return { value: this.text.slice(start, end), range };
    if (range.start.line !== range.end.line) this.checkSingleLine(cursor.currentNode, range);
    return { value: unescapeQuoted(this.stringContentAt(start, end)), range };
  }

  protected override setAsideStranded(): boolean {
    return false; // a tree without errors has no block stranded by a missing `}`
  }

  /** `key = expression`: a plain one read from the source alone, else from its nodes. */
  protected override attribute(node: SyntaxNode, depth: number): Property | undefined {
    if (depth + 1 <= MAX_NESTING) {
      const simple = this.simpleElement(node.startIndex, node.endIndex, false);
      if (simple) return simple;
    }
    return super.attribute(node, depth);
  }

  protected override attributeParts(
    node: SyntaxNode,
  ): { key: string; keyStart: number; expression: SyntaxNode } | undefined {
    // The attribute starts with its name and ends with its expression, unless a comment comes last
    // (expressions never start with `#` or `/`).
    const keyStart = node.startIndex;
    const key = this.identifierAt(keyStart);
    const expression = node.lastChild;
    const last = expression ? this.text.charCodeAt(expression.startIndex) : 0;
    if (key && expression && last !== 0x23 /* # */ && last !== 0x2f /* / */) return { key, keyStart, expression };
    return super.attributeParts(node);
  }

  /**
   * `name = value` (or `name: value` in an object) whose value is a plain string, number, bool,
   * null or dotted reference on the same line, read from the source alone: the item's node spans
   * exactly the name, the separator and the value. A trailing comment would end the item's node
   * after the value, and no text with a comment in it passes as a plain value, so the item's end is
   * the value's end. Anything else returns undefined (the general path).
   */
  private simpleElement(start: number, end: number, colonAllowed: boolean): Property | undefined {
    const key = this.identifierAt(start);
    if (key === undefined) return undefined;
    const valueStart = this.valueStart(start + key.length, colonAllowed);
    const value = valueStart === -1 ? undefined : this.simpleValue(valueStart, end);
    if (!value) return undefined;
    const keyRange = this.lines.range(start, start + key.length);
    return { key, keyRange, value, range: { start: keyRange.start, end: value.range.end } };
  }

  /**
   * `name = value` spanning `start`–`end`, its value read by the text reader (collections, calls,
   * templates); undefined when the reader cannot read it.
   */
  private textAttribute(start: number, end: number, depth: number): Property | undefined {
    const key = this.identifierAt(start);
    if (key === undefined) return undefined;
    const valueStart = this.valueStart(start + key.length, false);
    if (valueStart === -1) return undefined;
    this.reader ??= new TextReader({
      text: this.text,
      range: (from, to) => this.lines.range(from, to),
      simpleValue: (from, to) => this.simpleValue(from, to),
      traversal: (from, to, rootName, steps) => this.traversalValue(from, to, rootName, steps),
      excerptOf: (from, to) => this.excerptOf(from, to),
    });
    const value = this.reader.read(valueStart, end, depth + 1);
    if (!value) return undefined;
    this.textAttributes++;
    const keyRange = this.lines.range(start, start + key.length);
    return { key, keyRange, value, range: { start: keyRange.start, end: value.range.end } };
  }

  /**
   * Where the value starts after a name ending at `keyEnd`: past spaces, `=` (or `:`, in an object)
   * and spaces. -1 when no such separator follows (`==`, `::` and `=>` are not separators).
   */
  private valueStart(keyEnd: number, colonAllowed: boolean): number {
    const text = this.text;
    let i = keyEnd;
    while (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09) i++;
    const separator = text.charCodeAt(i);
    if (separator !== 0x3d /* = */ && !(colonAllowed && separator === 0x3a /* : */)) return -1;
    i++;
    const next = text.charCodeAt(i);
    if (next === 0x3d /* = */ || next === 0x3a /* : */ || next === 0x3e /* > */) return -1;
    while (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09) i++;
    return i;
  }

  // -- expressions -----------------------------------------------------------------------------

  /**
   * The call's named children are its name (first), comments and the argument list, and the list's
   * are arguments, comments and `...`: told apart by their first characters rather than by their types.
   */
  protected override functionCall(node: SyntaxNode, call: SyntaxNode, depth: number): Value {
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

  /** A tuple starts with `[`, an object with `{`, a quoted template with `"`, a heredoc with `<<`. */
  protected override innerType(inner: SyntaxNode, opener: Opener): string {
    return TYPE_BY_OPENER[opener][this.text.charCodeAt(inner.startIndex)] ?? inner.type;
  }

  protected override isItem(child: SyntaxNode, containerStart: number): boolean {
    return this.isItemAt(child.startIndex, containerStart);
  }

  /** `key = value` or `key: value`: a plain one read from the source alone, else from its nodes. */
  protected override objectElement(node: SyntaxNode, depth: number): Property | undefined {
    if (depth + 1 <= MAX_NESTING) {
      const simple = this.simpleElement(node.startIndex, node.endIndex, true);
      if (simple) return simple;
    }
    return super.objectElement(node, depth);
  }

  /**
   * Whether a named child of a tuple, an object or an argument list, starting at `start`, is an item
   * rather than the opening token (at `containerStart`), the closing one, a comment or `...` (no
   * expression starts with `]`, `}`, `#`, `/` or `.`).
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
}
