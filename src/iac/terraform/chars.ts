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
