/**
 * String contents: the value of a quoted string (backslash escapes, `$${` and `%%{`) and of a
 * heredoc (template markers, and the indentation `<<-` removes).
 */

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

/**
 * A heredoc's value: the lines between the line of its opening marker (at `openMarker`) and the line
 * of its closing one (at `closeMarker`), with CRLF as LF and, for `<<-` (`flush`), the common
 * indentation removed.
 */
export function heredocValue(text: string, openMarker: number, closeMarker: number, flush: boolean): string {
  const firstLineEnd = text.indexOf('\n', openMarker);
  const contentStart = firstLineEnd === -1 ? closeMarker : firstLineEnd + 1;
  const contentEnd = Math.max(contentStart, text.lastIndexOf('\n', closeMarker - 1) + 1);
  let content = text.slice(contentStart, contentEnd).replace(/\r\n/g, '\n');
  if (flush) content = removeCommonIndent(content);
  return unescapeTemplateMarkers(content);
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
