/**
 * Markdown helpers for hovers. Text that comes from a template (logical ids, types, property keys,
 * values, finding messages) goes through `escapeMarkdown`, so it renders as the characters it is
 * and never as a link, an image, HTML or table syntax. Links are built only by `commandLink` (our
 * own `srlens.*` commands, the only ones a hover trusts) and `webLink` (documentation pages).
 * No editor API: the VS Code extension and the language server (src/lsp/) both render it.
 */

/** Commands a hover may run; everything else in a hover is inert. */
export const TRUSTED_COMMANDS: readonly string[] = ['srlens.showMatrix', 'srlens.explainType'];

const DEFAULT_MAX_LENGTH = 200;

/**
 * Escapes every ASCII punctuation character (CommonMark allows a backslash before any of them), so
 * nothing in `text` can open a link, an image, an autolink, an HTML tag, emphasis, code or a table
 * cell. Line breaks and other control characters become spaces; long text is shortened with "…".
 */
export function escapeMarkdown(text: string, maxLength = DEFAULT_MAX_LENGTH): string {
  // eslint-disable-next-line no-control-regex
  let plain = String(text).replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ');
  if (plain.length > maxLength) plain = `${plain.slice(0, Math.max(0, maxLength - 1))}…`;
  return plain.replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`);
}

/** A link that runs one of our commands with JSON arguments; undefined-safe and parenthesis-safe. */
export function commandLink(label: string, command: string, ...args: unknown[]): string {
  if (!TRUSTED_COMMANDS.includes(command)) throw new Error(`${command} is not a command hovers may link to`);
  const query = args.length === 0 ? '' : `?${encodeUriComponentStrict(JSON.stringify(args))}`;
  return `[${escapeMarkdown(label)}](command:${command}${query})`;
}

/** A link to an https page we publish (rule documentation). */
export function webLink(label: string, url: string): string {
  if (!/^https:\/\/[^\s()<>]+$/.test(url)) return escapeMarkdown(label);
  return `[${escapeMarkdown(label)}](${url})`;
}

/** One table cell: escaped, on one line. */
export function tableCell(text: string, maxLength = DEFAULT_MAX_LENGTH): string {
  return escapeMarkdown(text, maxLength);
}

/** encodeURIComponent, plus the characters it leaves alone that mean something in a markdown link target. */
function encodeUriComponentStrict(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * The markdown without its command links, for editors that cannot run `srlens.*` commands (the
 * language server's clients): a line of nothing but command links goes, any other link keeps its label.
 */
export function withoutCommandLinks(markdown: string): string {
  const link = /\[((?:\\.|[^\]\\])*)\]\(command:[^)\s]*\)/g;
  return markdown
    .split('\n')
    .filter((line) => !(line.match(link) && line.replace(link, '').replace(/[\s·]/g, '') === ''))
    .map((line) => line.replace(link, '$1'))
    .join('\n')
    .replace(/\n+$/, '');
}
