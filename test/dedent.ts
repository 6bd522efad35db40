/**
 * Multi-line text for test tables, written indented with the code around it:
 *
 *     code: dedent`
 *       Resources:
 *         Data:
 *           Type: AWS::S3::Bucket
 *     `,
 *
 * gives "Resources:\n  Data:\n    Type: AWS::S3::Bucket\n". The line break after the opening
 * backtick and the blank last line are dropped, the indentation that every non-blank line shares is
 * removed, and the text ends with exactly one line break. Escapes (`\n`, `\\`) are read as in any
 * template string; interpolated values are inserted first, so a multi-line value must carry the
 * indentation of the text around it.
 */
export function dedent(strings: TemplateStringsArray, ...values: unknown[]): string {
  const text = strings.reduce((out, part, i) => out + part + (i < values.length ? String(values[i]) : ''), '');
  const lines = text.split('\n');
  if (lines[0].trim() === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  const indents = lines.filter((line) => line.trim() !== '').map((line) => /^ */.exec(line)![0].length);
  const indent = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((line) => (line.trim() === '' ? '' : line.slice(indent))).join('\n') + '\n';
}
