/**
 * Expressions of an error-free tree read from the source text alone: collections, function calls,
 * quoted strings and templates, traversals with indexes, and the plain values the converter
 * already reads from text; and a whole value that is a conditional, an operation or a `for`, which
 * the model keeps as unknown with its text. Each node read from the syntax tree is a call into
 * WebAssembly and an allocation, and these shapes are most of a typical module's values
 * (`tags = merge(local.tags, { Name = "x" })`, `policy = jsonencode({ … })`,
 * `count = var.create ? 1 : 0`), so reading them from the text is the converter's largest saving.
 *
 * The reader gives up (undefined) on anything else: a conditional or an operation inside a
 * collection or a call, a splat, a heredoc, a comment inside the value, `...`, a string over two
 * lines, an escape it would have to interpret differently. The caller then converts the syntax
 * nodes, so the model is always exactly the one the node converter builds
 * (test/unit/iac/terraform-walk.test.ts pins it by hash, and
 * test/unit/iac/terraform-text-reader.test.ts converts every input both ways).
 */
import type { ListValue, MapValue, Property, Range, UnresolvableValue, Value } from '../model';
import { asciiIdentifierEnd, isAsciiLetter, isAsciiSpace } from './chars';
import type { TraversalStep } from './references';
import { unescapeQuoted } from './strings';

/** What the reader needs from its converter. */
export interface TextReaderHost {
  readonly text: string;
  range(start: number, end: number): Range;
  /** A plain string, number, bool, null or dotted reference spanning exactly `start`–`end`, if it is one. */
  simpleValue(start: number, end: number): Value | undefined;
  /** The traversal spanning `start`–`end` (`rootName`, then `steps`): a reference, or unknown. */
  traversal(start: number, end: number, rootName: string, steps: TraversalStep[]): Value;
  /** The source text of `start`–`end`, cut as unresolvable values keep it. */
  excerptOf(start: number, end: number): string;
}

/**
 * Deeper values are left to the node converter, which reports what is nested too deep (far
 * beyond this).
 */
const MAX_TEXT_DEPTH = 64;

/** Thrown to abandon a read; caught in `read` (made once: a stack trace per give-up would cost). */
const GIVE_UP = new Error('not read from the text');

export class TextReader {
  private pos = 0;

  constructor(private readonly host: TextReaderHost) {}

  /** The value of the expression spanning exactly `start`–`end` (`depth`: the expression's), or undefined. */
  read(start: number, end: number, depth: number): Value | undefined {
    this.pos = start;
    try {
      const value = this.expression(end, depth);
      if (this.pos === end) return value;
    } catch (error) {
      if (error !== GIVE_UP) throw error;
    }
    try {
      const construct = this.constructOf(start, end);
      return construct === undefined ? undefined : this.unresolvable(start, end, construct);
    } catch (error) {
      if (error === GIVE_UP) return undefined;
      throw error;
    }
  }

  /**
   * What makes the whole of `start`–`end` unknown, when its text says for sure: a `?` outside
   * brackets and strings makes it a conditional (nothing else uses `?`, and a conditional binds
   * loosest); else an operator there (`==`, `&&`, `!x`, ` + `…) an operation; else `[for …]` or
   * `{for …}` spanning it all a `for`. Undefined otherwise (a lone ` - ` may be part of a name).
   */
  private constructOf(start: number, end: number): string | undefined {
    const text = this.host.text;
    let depth = 0;
    let firstClose = -1;
    let conditional = false;
    let operator = text.charCodeAt(start) === 0x21; /* ! */
    for (let i = start; i < end; i++) {
      const code = text.charCodeAt(i);
      const next = text.charCodeAt(i + 1);
      if (isOpening(code)) {
        depth++;
        continue;
      }
      if (isClosing(code)) {
        if (--depth < 0) throw GIVE_UP;
        if (depth === 0 && firstClose === -1) firstClose = i;
        continue;
      }
      switch (code) {
        case 0x22 /* " */:
          i = this.stringEnd(i, end, false) - 1;
          break;
        case 0x23 /* # */:
          throw GIVE_UP;
        case 0x2f /* / */:
          if (next === 0x2f || next === 0x2a /* * */) throw GIVE_UP; // a comment
          operator ||= depth === 0;
          break;
        case 0x3c /* < */:
          if (next === 0x3c) throw GIVE_UP; // a heredoc
          operator ||= depth === 0;
          if (next === 0x3d) i++; // `<=`
          break;
        case 0x3e /* > */:
          operator ||= depth === 0;
          if (next === 0x3d) i++; // `>=`
          break;
        case 0x3f /* ? */:
          conditional ||= depth === 0;
          break;
        case 0x3d /* = */:
        case 0x21 /* ! */:
          if (next === 0x3d) {
            operator ||= depth === 0; // `==`, `!=`
            i++;
          } else if (depth === 0 && code === 0x3d) throw GIVE_UP; // not part of a value
          break;
        case 0x26 /* & */:
        case 0x7c /* | */:
        case 0x2b /* + */:
        case 0x25 /* % */:
          operator ||= depth === 0;
          break;
        case 0x2a /* * */:
          operator ||= depth === 0 && text.charCodeAt(i - 1) !== 0x2e; /* `.*` is a splat */
          break;
        case 0x2d /* - */:
          operator ||= depth === 0 && i > start && isInlineSpace(text.charCodeAt(i - 1)) && isInlineSpace(next);
          break;
        default:
          break;
      }
    }
    if (depth !== 0) throw GIVE_UP;
    if (conditional) return 'conditional';
    if (operator) return 'operation';
    const first = text.charCodeAt(start);
    if (
      (first === 0x5b || first === 0x7b) &&
      firstClose === end - 1 &&
      /^[[{]\s*for\s/.test(text.slice(start, start + 16))
    )
      return 'for';
    return undefined;
  }

  // -- expressions -----------------------------------------------------------------------------

  /** The expression at `pos` (which starts it), ending at or before `limit`; leaves `pos` after it. */
  private expression(limit: number, depth: number): Value {
    if (depth > MAX_TEXT_DEPTH) throw GIVE_UP;
    const text = this.host.text;
    const start = this.pos;
    const first = text.charCodeAt(start);
    switch (first) {
      case 0x22 /* " */:
        return this.quoted(limit, depth);
      case 0x5b /* [ */:
        return this.tuple(limit, depth);
      case 0x7b /* { */:
        return this.object(limit, depth);
      default:
        break;
    }
    if (isAsciiLetter(first) || first === 0x5f /* _ */) {
      const rootEnd = this.identifierEnd(start);
      if (text.charCodeAt(rootEnd) === 0x28 /* ( */) return this.functionCall(start, rootEnd, limit, depth);
      let end = rootEnd;
      while (text.charCodeAt(end) === 0x2e /* . */) end = this.identifierEnd(end + 1);
      if (text.charCodeAt(end) === 0x5b /* [ */) return this.indexedTraversal(start, rootEnd, limit);
      if (end === rootEnd && end <= limit) {
        // A name alone: `true`, `false` and `null` are literals; any other (`string` in a
        // variable's `type`) is a traversal without steps.
        this.pos = end;
        return this.host.simpleValue(start, end) ?? this.host.traversal(start, end, text.slice(start, end), []);
      }
      return this.plain(start, end, limit);
    }
    if (first === 0x2d /* - */ || (first >= 0x30 && first <= 0x39)) {
      let end = start + 1;
      for (let code = text.charCodeAt(end); isNumberCode(code); code = text.charCodeAt(++end)) {
        // A sign only after an exponent: `1e-3`, not `1-3`.
        if ((code === 0x2b || code === 0x2d) && (text.charCodeAt(end - 1) | 0x20) !== 0x65 /* e */) break;
      }
      return this.plain(start, end, limit);
    }
    throw GIVE_UP;
  }

  /**
   * An item of a tuple or a call's arguments, or an object element's value: it ends before a `,`,
   * its container's `closer` or, in an object (`newlineEnds`), a new line. Read as an expression,
   * or kept unknown whole when it is a conditional, an operation or a `for` (`constructOf`).
   */
  private item(limit: number, depth: number, closer: number, newlineEnds: boolean): Value {
    const start = this.pos;
    try {
      const value = this.expression(limit, depth);
      if (this.endsItem(closer, newlineEnds)) return value;
    } catch (error) {
      if (error !== GIVE_UP) throw error;
    }
    const end = this.itemEnd(start, limit, closer, newlineEnds);
    const construct = this.constructOf(start, end);
    if (construct === undefined) throw GIVE_UP;
    this.pos = end;
    return this.unresolvable(start, end, construct);
  }

  /** Whether what follows `pos` (past spaces) ends an item (see `item`). */
  private endsItem(closer: number, newlineEnds: boolean): boolean {
    const text = this.host.text;
    for (let i = this.pos; ; i++) {
      const code = text.charCodeAt(i);
      if (code === 0x0a && newlineEnds) return true;
      if (!(code === 0x20 || code === 0x09 || code === 0x0d || code === 0x0a))
        return code === 0x2c /* , */ || code === closer;
    }
  }

  /**
   * The end of the item starting at `start` (see `item`), its trailing spaces left out: the first
   * `,`, `closer` or (with `newlineEnds`) new line outside brackets and strings. Comments and
   * heredocs give up.
   */
  private itemEnd(start: number, limit: number, closer: number, newlineEnds: boolean): number {
    const text = this.host.text;
    let depth = 0;
    let i = start;
    for (; i < limit; i++) {
      const code = text.charCodeAt(i);
      if (isOpening(code)) depth++;
      else if (isClosing(code)) {
        if (depth === 0) {
          if (code === closer) break;
          throw GIVE_UP;
        }
        depth--;
      } else if (code === 0x22 /* " */) i = this.stringEnd(i, limit, false) - 1;
      else if (depth === 0 && (code === 0x2c /* , */ || (newlineEnds && code === 0x0a))) break;
      else if (
        code === 0x23 /* # */ ||
        (code === 0x2f /* / */ && (text.charCodeAt(i + 1) === 0x2f || text.charCodeAt(i + 1) === 0x2a))
      )
        throw GIVE_UP;
      else if (code === 0x3c /* < */ && text.charCodeAt(i + 1) === 0x3c) throw GIVE_UP;
    }
    if (i >= limit) throw GIVE_UP;
    while (i > start && isAsciiSpace(text.charCodeAt(i - 1))) i--;
    return i;
  }

  /** A plain value spanning `start`–`end` (a literal or a dotted reference), checked by the host. */
  private plain(start: number, end: number, limit: number): Value {
    if (end > limit) throw GIVE_UP;
    const value = this.host.simpleValue(start, end);
    if (!value) throw GIVE_UP;
    this.pos = end;
    return value;
  }

  /**
   * `name.name[key].name…`: the steps after the root (`start`–`rootEnd`) read from the text, an
   * index's key skipped (what it is does not change what the traversal refers to). A splat gives up.
   */
  private indexedTraversal(start: number, rootEnd: number, limit: number): Value {
    const text = this.host.text;
    const steps: TraversalStep[] = [];
    let i = rootEnd;
    for (;;) {
      const code = text.charCodeAt(i);
      if (code === 0x2e /* . */) {
        const nameEnd = this.identifierEnd(i + 1);
        steps.push({ kind: 'attr', name: text.slice(i + 1, nameEnd) });
        i = nameEnd;
      } else if (code === 0x5b /* [ */) {
        const close = this.closing(i + 1, limit, 0x5d /* ] */);
        if (text.slice(i + 1, close).trim() === '*') throw GIVE_UP;
        steps.push({ kind: 'index', name: '' });
        i = close + 1;
      } else break;
    }
    if (i > limit) throw GIVE_UP;
    this.pos = i;
    return this.host.traversal(start, i, text.slice(start, rootEnd), steps);
  }

  /** The end of the identifier (letters, digits, `_`, `-`) starting at `start`; ASCII only. */
  private identifierEnd(start: number): number {
    const end = asciiIdentifierEnd(this.host.text, start);
    if (end === -1) throw GIVE_UP;
    return end;
  }

  /** `[a, b]`: items separated by commas, a trailing comma allowed, newlines anywhere. */
  private tuple(limit: number, depth: number): ListValue {
    const start = this.open(limit);
    const text = this.host.text;
    const items: Value[] = [];
    while (text.charCodeAt(this.pos) !== 0x5d /* ] */) {
      items.push(this.item(limit, depth + 1, 0x5d /* ] */, false));
      this.space(limit);
      const next = text.charCodeAt(this.pos);
      if (next === 0x2c /* , */) {
        this.pos++;
        this.space(limit);
      } else if (next !== 0x5d) throw GIVE_UP;
    }
    this.pos++;
    return { kind: 'list', items, range: this.host.range(start, this.pos) };
  }

  /**
   * Steps past a collection's opening bracket (at `pos`, returned) and the spaces after it. A
   * `for` keyword there makes it a `for` expression, which `item` keeps whole: gives up.
   */
  private open(limit: number): number {
    const start = this.pos;
    this.pos++;
    this.space(limit);
    const text = this.host.text;
    if (text.startsWith('for', this.pos) && isAsciiSpace(text.charCodeAt(this.pos + 3))) throw GIVE_UP;
    return start;
  }

  /** `{ key = value, "key": value }`: elements separated by commas or new lines. */
  private object(limit: number, depth: number): MapValue {
    const start = this.open(limit);
    const text = this.host.text;
    const properties: Property[] = [];
    while (text.charCodeAt(this.pos) !== 0x7d /* } */) {
      properties.push(this.element(limit, depth));
      const afterValue = this.pos;
      this.space(limit);
      const next = text.charCodeAt(this.pos);
      if (next === 0x2c /* , */) {
        this.pos++;
        this.space(limit);
      } else if (next !== 0x7d && !this.newlineBetween(afterValue, this.pos)) throw GIVE_UP;
    }
    this.pos++;
    return { kind: 'map', properties, range: this.host.range(start, this.pos), block: false };
  }

  /** `key = value` or `key: value` in an object; the key a name or a plain quoted string. */
  private element(limit: number, depth: number): Property {
    const text = this.host.text;
    const keyStart = this.pos;
    let key: string;
    if (text.charCodeAt(keyStart) === 0x22 /* " */) {
      const end = this.stringEnd(keyStart, limit, true);
      if (end < 0) throw GIVE_UP; // an interpolated key is kept as text by the node converter
      key = unescapeQuoted(text.slice(keyStart + 1, end - 1));
      this.pos = end;
    } else {
      this.pos = this.identifierEnd(keyStart);
      key = text.slice(keyStart, this.pos);
    }
    const keyRange = this.host.range(keyStart, this.pos);
    this.inlineSpace();
    const separator = text.charCodeAt(this.pos);
    if (separator !== 0x3d /* = */ && separator !== 0x3a /* : */) throw GIVE_UP;
    const after = text.charCodeAt(this.pos + 1);
    if (after === 0x3d /* = */ || after === 0x3a /* : */ || after === 0x3e /* > */) throw GIVE_UP; // `==`, `::`, `=>`
    this.pos++;
    this.space(limit);
    const value = this.item(limit, depth + 1, 0x7d /* } */, true);
    return { key, keyRange, value, range: { start: keyRange.start, end: value.range.end } };
  }

  /**
   * `name(arguments)`: unknown, with its arguments kept as `args` (a list spanning them) so rules can
   * read `jsonencode({ … })` policies. `name` spans `nameStart`–`nameEnd`; `pos` is on the name.
   */
  private functionCall(nameStart: number, nameEnd: number, limit: number, depth: number): UnresolvableValue {
    const text = this.host.text;
    this.pos = nameEnd + 1;
    this.space(limit);
    const items: Value[] = [];
    let argumentsStart = -1;
    let argumentsEnd = -1;
    while (text.charCodeAt(this.pos) !== 0x29 /* ) */) {
      if (argumentsStart === -1) argumentsStart = this.pos;
      items.push(this.item(limit, depth + 1, 0x29 /* ) */, false));
      argumentsEnd = this.pos;
      this.space(limit);
      const next = text.charCodeAt(this.pos);
      if (next === 0x2c /* , */) {
        this.pos++;
        const comma = this.pos;
        this.space(limit);
        if (text.charCodeAt(this.pos) === 0x29) argumentsEnd = comma; // a trailing comma is part of the arguments
      } else if (next !== 0x29) throw GIVE_UP; // `...` after the last argument, among others
    }
    this.pos++;
    const value = this.unresolvable(nameStart, this.pos, `function:${text.slice(nameStart, nameEnd)}`);
    if (argumentsStart !== -1)
      value.args = { kind: 'list', items, range: this.host.range(argumentsStart, argumentsEnd) };
    return value;
  }

  /**
   * A quoted string: a literal without interpolation or directives; `"${reference}"` is the
   * reference (the pre-0.12 style); any other template is unknown.
   */
  private quoted(limit: number, depth: number): Value {
    const text = this.host.text;
    const start = this.pos;
    const end = this.stringEnd(start, limit, true);
    if (end >= 0) {
      this.pos = end;
      return {
        kind: 'literal',
        value: unescapeQuoted(text.slice(start + 1, end - 1)),
        range: this.host.range(start, end),
      };
    }
    const templateEnd = this.stringEnd(start, limit, false);
    this.pos = templateEnd;
    // `"${ inner }"` alone: the inner expression, when it is a reference.
    if (text.charCodeAt(start + 1) === 0x24 /* $ */ && text.charCodeAt(start + 2) === 0x7b /* { */) {
      const close = this.closing(start + 3, templateEnd, 0x7d /* } */);
      if (close === templateEnd - 2) {
        let innerStart = start + 3;
        let innerEnd = close;
        while (isInlineSpace(text.charCodeAt(innerStart))) innerStart++;
        while (isInlineSpace(text.charCodeAt(innerEnd - 1))) innerEnd--;
        const first = text.charCodeAt(innerStart);
        if (first === 0x7e /* ~ */ || text.charCodeAt(innerEnd - 1) === 0x7e) throw GIVE_UP; // strip markers
        const inner = this.read(innerStart, innerEnd, depth + 1);
        this.pos = templateEnd;
        if (!inner) throw GIVE_UP;
        if (inner.kind === 'reference')
          return {
            ...inner,
            text: this.host.excerptOf(start, templateEnd),
            range: this.host.range(start, templateEnd),
          };
      }
    }
    return this.unresolvable(start, templateEnd, 'template');
  }

  /**
   * The end (after the closing quote) of the quoted string starting at `start`, on one line. With
   * `plainOnly`, -1 as soon as an interpolation or a directive makes it a template; otherwise
   * those are skipped. Gives up on `$${` and `%%{` and at the end of the line.
   */
  private stringEnd(start: number, limit: number, plainOnly: boolean): number {
    const text = this.host.text;
    for (let i = start + 1; i < limit; i++) {
      const code = text.charCodeAt(i);
      if (code === 0x22 /* " */) return i + 1;
      if (code === 0x5c /* \ */) i++;
      else if (code === 0x0a || code === 0x0d) throw GIVE_UP;
      else if (code === 0x24 /* $ */ || code === 0x25 /* % */) {
        const next = text.charCodeAt(i + 1);
        if (next === code) throw GIVE_UP;
        if (next === 0x7b /* { */) {
          if (plainOnly) return -1;
          i = this.closing(i + 2, limit, 0x7d /* } */);
        }
      }
    }
    throw GIVE_UP;
  }

  /**
   * The offset of `closer` (`]` or `}`) closing what starts at `start` (an index's key, an
   * interpolation or a directive): nested brackets and quoted strings (with their own templates)
   * are skipped; new lines, comments and heredocs give up.
   */
  private closing(start: number, limit: number, closer: number): number {
    const text = this.host.text;
    let depth = 0;
    for (let i = start; i < limit; i++) {
      const code = text.charCodeAt(i);
      if (isOpening(code)) {
        depth++;
        continue;
      }
      if (isClosing(code)) {
        if (depth === 0) {
          if (code === closer) return i;
          throw GIVE_UP;
        }
        depth--;
        continue;
      }
      switch (code) {
        case 0x22 /* " */:
          i = this.stringEnd(i, limit, false) - 1;
          break;
        case 0x0a:
        case 0x0d:
        case 0x23 /* # */:
        case 0x2f /* / */:
        case 0x3c /* < */:
          throw GIVE_UP;
        default:
          break;
      }
    }
    throw GIVE_UP;
  }

  private unresolvable(start: number, end: number, construct: string): UnresolvableValue {
    return {
      kind: 'unresolvable',
      construct,
      text: this.host.excerptOf(start, end),
      range: this.host.range(start, end),
    };
  }

  // -- spaces ----------------------------------------------------------------------------------

  /** Skips spaces and new lines up to `limit`; gives up on a comment. */
  private space(limit: number): void {
    const text = this.host.text;
    for (;;) {
      if (this.pos >= limit) throw GIVE_UP;
      const code = text.charCodeAt(this.pos);
      if (code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d) this.pos++;
      else if (code === 0x23 /* # */ || code === 0x2f /* / */) throw GIVE_UP;
      else return;
    }
  }

  /** Skips spaces and tabs. */
  private inlineSpace(): void {
    while (isInlineSpace(this.host.text.charCodeAt(this.pos))) this.pos++;
  }

  private newlineBetween(start: number, end: number): boolean {
    const newline = this.host.text.indexOf('\n', start);
    return newline !== -1 && newline < end;
  }
}

/** `[`, `(` or `{`. */
function isOpening(code: number): boolean {
  return code === 0x5b || code === 0x28 || code === 0x7b;
}

/** `]`, `)` or `}`. */
function isClosing(code: number): boolean {
  return code === 0x5d || code === 0x29 || code === 0x7d;
}

function isInlineSpace(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

/** Characters a number token may hold: digits, `.`, an exponent and its sign. */
function isNumberCode(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) || code === 0x2e || code === 0x65 || code === 0x45 || code === 0x2b || code === 0x2d
  );
}
