/**
 * A strict JSON reader that builds the neutral model directly, in one pass over the text.
 *
 * Valid JSON is by far the common case, and for it this reader skips the intermediate tree (and
 * the offset → line/character lookups) that the error-tolerant `jsonc-parser` path needs: it
 * tracks lines as it goes. It accepts RFC 8259 JSON only (plus a byte-order mark) and gives up,
 * returning `undefined`, at the first thing it does not accept: a syntax error, a comment, a
 * control character in a string, nesting deeper than `maxDepth`. The caller then parses the text
 * again with `jsonc-parser`, which recovers and reports. Both paths produce the same model (a unit
 * test compares them over every JSON file it has).
 */
import type { ListValue, MapValue, Position, Property, Range, Value } from './model';
import { keepShape } from './shapes';

export interface StrictJsonHooks {
  /** Called for each object once read, with its offsets; returns the value to keep (intrinsics recognised). */
  object(map: MapValue, start: number, end: number): Value;
  /** Called for the second and later occurrences of a key in one object. */
  duplicateKey(key: string, range: Range): void;
}

export interface StrictJsonResult {
  root: Value;
  /** The position of the end of the text. */
  end: Position;
}

/** Thrown (one shared instance, so giving up captures no stack) when the text is not strict JSON. */
const GIVE_UP = new Error('not strict JSON');
/** Objects with this many keys or more look keys up in a set. */
const SMALL_OBJECT = 16;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** The model of `text`, or `undefined` when it is not plain, valid JSON within `maxDepth`. Never throws. */
export function readStrictJson(text: string, maxDepth: number, hooks: StrictJsonHooks): StrictJsonResult | undefined {
  try {
    return new StrictJsonReader(text, maxDepth, hooks).document();
  } catch {
    // GIVE_UP, or anything unexpected: the tolerant path decides.
    return undefined;
  }
}

class StrictJsonReader {
  private pos = 0;
  private line = 0;
  private lineStart = 0;

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
    private readonly hooks: StrictJsonHooks,
  ) {}

  document(): StrictJsonResult {
    if (this.text.charCodeAt(0) === 0xfeff) this.pos = 1;
    this.whitespace();
    const root = this.value(0);
    this.whitespace();
    if (this.pos !== this.text.length) throw GIVE_UP;
    return { root, end: this.here() };
  }

  private here(): Position {
    return { line: this.line, character: this.pos - this.lineStart };
  }

  private whitespace(): void {
    const text = this.text;
    for (;;) {
      const c = text.charCodeAt(this.pos);
      if (c === 0x20 || c === 0x09 || c === 0x0d) this.pos++;
      else if (c === 0x0a) {
        this.pos++;
        this.line++;
        this.lineStart = this.pos;
      } else return;
    }
  }

  private value(depth: number): Value {
    if (depth > this.maxDepth) throw GIVE_UP;
    const c = this.text.charCodeAt(this.pos);
    switch (c) {
      case 0x7b: // {
        return this.object(depth);
      case 0x5b: // [
        return this.array(depth);
      case 0x22: {
        // "
        const start = this.here();
        const value = this.string();
        return { kind: 'literal', value, range: { start, end: this.here() } };
      }
      case 0x74: // t
        return this.keyword('true', true);
      case 0x66: // f
        return this.keyword('false', false);
      case 0x6e: // n
        return this.keyword('null', null);
      default:
        if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return this.number();
        throw GIVE_UP;
    }
  }

  private object(depth: number): Value {
    const offset = this.pos;
    const start = this.here();
    this.pos++;
    this.whitespace();
    const properties: Property[] = [];
    let keys: Set<string> | undefined;
    if (this.text.charCodeAt(this.pos) === 0x7d) this.pos++;
    else {
      for (;;) {
        if (this.text.charCodeAt(this.pos) !== 0x22) throw GIVE_UP;
        const keyStart = this.here();
        const key = this.string();
        const keyRange = { start: keyStart, end: this.here() };
        if (this.seenBefore(properties, key, keys)) this.hooks.duplicateKey(key, keyRange);
        if (keys) keys.add(key);
        else if (properties.length >= SMALL_OBJECT) keys = new Set([...properties.map((p) => p.key), key]);
        this.whitespace();
        if (this.text.charCodeAt(this.pos) !== 0x3a) throw GIVE_UP;
        this.pos++;
        this.whitespace();
        const value = this.value(depth + 1);
        properties.push({ key, keyRange, value, range: { start: keyStart, end: value.range.end } });
        this.whitespace();
        const next = this.text.charCodeAt(this.pos++);
        if (next === 0x7d) break;
        if (next !== 0x2c) throw GIVE_UP;
        this.whitespace();
      }
    }
    const map: MapValue = { kind: 'map', properties, range: { start, end: this.here() } };
    return this.hooks.object(map, offset, this.pos);
  }

  /** Small objects are searched, large ones get a set of keys. */
  private seenBefore(properties: readonly Property[], key: string, keys: Set<string> | undefined): boolean {
    if (keys) return keys.has(key);
    for (const property of properties) if (property.key === key) return true;
    return false;
  }

  private array(depth: number): ListValue {
    const start = this.here();
    this.pos++;
    this.whitespace();
    const items: Value[] = [];
    if (this.text.charCodeAt(this.pos) === 0x5d) this.pos++;
    else {
      for (;;) {
        items.push(this.value(depth + 1));
        this.whitespace();
        const next = this.text.charCodeAt(this.pos++);
        if (next === 0x5d) break;
        if (next !== 0x2c) throw GIVE_UP;
        this.whitespace();
      }
    }
    return { kind: 'list', items, range: { start, end: this.here() } };
  }

  /** A string token at `pos` (the opening quote); leaves `pos` after the closing quote. */
  private string(): string {
    const text = this.text;
    const open = this.pos;
    let i = open + 1;
    let escaped = false;
    for (;;) {
      if (i >= text.length) throw GIVE_UP;
      const c = text.charCodeAt(i);
      if (c === 0x22) break;
      if (c < 0x20) throw GIVE_UP;
      if (c === 0x5c) {
        escaped = true;
        i += 2;
      } else i++;
    }
    this.pos = i + 1;
    // JSON.parse validates the escapes (and throws, which gives up, on a bad one).
    return escaped ? (JSON.parse(text.slice(open, i + 1)) as string) : text.slice(open + 1, i);
  }

  private keyword(word: string, value: boolean | null): Value {
    if (!this.text.startsWith(word, this.pos)) throw GIVE_UP;
    const start = this.here();
    this.pos += word.length;
    return { kind: 'literal', value, range: { start, end: this.here() } };
  }

  private number(): Value {
    NUMBER.lastIndex = this.pos;
    const match = NUMBER.exec(this.text);
    if (!match) throw GIVE_UP;
    const start = this.here();
    this.pos += match[0].length;
    return { kind: 'literal', value: Number(match[0]), range: { start, end: this.here() } };
  }
}

/** A reader of an empty text, kept for its shape (shapes.ts). */
keepShape(new StrictJsonReader('', 0, { object: (map) => map, duplicateKey: () => undefined }));
