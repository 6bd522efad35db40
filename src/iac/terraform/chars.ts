/**
 * Character classes of HCL source text, tested one UTF-16 code unit at a time: the converters read
 * names, separators and plain strings straight from the text instead of asking the syntax tree.
 */

/** Inside a quoted string, characters that are plain text whatever follows them. */
export function isPlainStringCode(code: number): boolean {
  return (
    code !== 0x22 /* " */ &&
    code !== 0x5c /* \ */ &&
    code !== 0x24 /* $ */ &&
    code !== 0x25 /* % */ &&
    code !== 0x0a &&
    code !== 0x0d
  );
}

export function isAsciiLetter(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
}

/** The ASCII characters tree-sitter's `\s` matches (the grammar's whitespace). */
export function isAsciiSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d);
}

/** Letters, digits, `_`, `-`, and any non-ASCII character (HCL identifiers may be Unicode). */
export function isIdentifierCode(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x30 && code <= 0x39) ||
    code === 0x5f ||
    code === 0x2d ||
    code >= 0x80
  );
}

/**
 * The end of the ASCII identifier (a letter or `_`, then letters, digits, `_` and `-`) starting at
 * `offset`, or -1 when none starts there or a non-ASCII character (a Unicode identifier, which the
 * callers leave to the syntax tree) or the end of the text follows it.
 */
export function asciiIdentifierEnd(text: string, offset: number): number {
  const first = text.charCodeAt(offset);
  if (!(isAsciiLetter(first) || first === 0x5f) /* _ */) return -1;
  let end = offset + 1;
  for (
    let code = text.charCodeAt(end);
    isAsciiLetter(code) || (code >= 0x30 && code <= 0x39) || code === 0x5f || code === 0x2d;
    code = text.charCodeAt(++end)
  );
  return text.charCodeAt(end) < 0x80 ? end : -1;
}
