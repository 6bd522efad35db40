/**
 * Reading the snippets in snippets/ as VS Code inserts them, for the unit test (which analyses
 * every snippet) and the integration test (which inserts them in a real editor and checks that
 * VS Code's own expansion is the one the unit test analyses).
 */
import { strict as assert } from 'node:assert';

export interface Snippet {
  prefix: string | string[];
  description?: string;
  body: string | string[];
}

// ---------------------------------------------------------------------------------------------
// VS Code's snippet grammar, enough to insert a snippet with its defaults:
//   tabstop     $1  ${1}                  placeholder  ${1:default, may nest}
//   choice      ${1|one,two|}             variable     $NAME  ${NAME}  ${NAME:default}
//   transforms  ${1/regex/format/}  ${NAME/regex/format/}   (the transform is not applied)
//   escapes     \$  \}  \\  (and \, \| inside a choice)
// Stricter than VS Code in one way: a `$` that starts nothing must be escaped, so that
// CloudFormation's `${AWS::Region}` or Terraform's `${var.name}` is never half-read as a variable.

type SnippetNode =
  | { kind: 'text'; value: string }
  | { kind: 'tabstop'; index: number }
  | { kind: 'placeholder'; index: number; children: SnippetNode[] }
  | { kind: 'choice'; index: number; options: string[] }
  | { kind: 'variable'; name: string; children?: SnippetNode[] };

/** VS Code's snippet variables, with the values this test gives them. Any other name is refused. */
const VARIABLES: Record<string, string> = Object.fromEntries(
  [
    'TM_SELECTED_TEXT',
    'TM_CURRENT_LINE',
    'TM_CURRENT_WORD',
    'TM_LINE_INDEX',
    'TM_LINE_NUMBER',
    'TM_FILENAME',
    'TM_FILENAME_BASE',
    'TM_DIRECTORY',
    'TM_FILEPATH',
    'RELATIVE_FILEPATH',
    'CLIPBOARD',
    'WORKSPACE_NAME',
    'WORKSPACE_FOLDER',
    'CURSOR_INDEX',
    'CURSOR_NUMBER',
    'CURRENT_YEAR',
    'CURRENT_YEAR_SHORT',
    'CURRENT_MONTH',
    'CURRENT_MONTH_NAME',
    'CURRENT_MONTH_NAME_SHORT',
    'CURRENT_DATE',
    'CURRENT_DAY_NAME',
    'CURRENT_DAY_NAME_SHORT',
    'CURRENT_HOUR',
    'CURRENT_MINUTE',
    'CURRENT_SECOND',
    'CURRENT_SECONDS_UNIX',
    'CURRENT_TIMEZONE_OFFSET',
    'RANDOM',
    'RANDOM_HEX',
    'UUID',
    'BLOCK_COMMENT_START',
    'BLOCK_COMMENT_END',
    'LINE_COMMENT',
  ].map((name) => [name, name === 'TM_FILENAME_BASE' ? 'template' : name.toLowerCase()]),
);

class SnippetParser {
  private pos = 0;
  constructor(private readonly text: string) {}

  parse(): SnippetNode[] {
    const nodes = this.sequence(false);
    assert.equal(this.pos, this.text.length, `unexpected '}' at ${this.pos}`);
    return nodes;
  }

  private fail(message: string): never {
    throw new Error(
      `${message} at offset ${this.pos}: ${JSON.stringify(this.text.slice(Math.max(0, this.pos - 20), this.pos + 20))}`,
    );
  }

  /** Moves past the next unescaped `end`; in a transform's format, `${…}` groups are skipped whole. */
  private skipUntil(end: string, format: boolean): void {
    let depth = 0;
    for (;;) {
      const c = this.text[this.pos];
      if (c === undefined) this.fail('unterminated transform');
      this.pos++;
      if (c === '\\') this.pos++;
      else if (format && c === '$' && this.text[this.pos] === '{') {
        depth++;
        this.pos++;
      } else if (depth > 0 && c === '}') depth--;
      else if (depth === 0 && c === end) return;
    }
  }

  private variable(name: string, children?: SnippetNode[]): SnippetNode {
    if (!(name in VARIABLES)) this.fail(`'${name}' is not a VS Code snippet variable: escape a literal '$' as '\\$'`);
    return { kind: 'variable', name, children };
  }

  /** Nodes up to the end, or (inside a placeholder) up to its unescaped closing brace. */
  private sequence(inPlaceholder: boolean): SnippetNode[] {
    const nodes: SnippetNode[] = [];
    let text = '';
    const flush = () => {
      if (text) nodes.push({ kind: 'text', value: text });
      text = '';
    };
    while (this.pos < this.text.length) {
      const c = this.text[this.pos];
      if (c === '\\' && '$}\\'.includes(this.text[this.pos + 1] ?? '')) {
        text += this.text[this.pos + 1];
        this.pos += 2;
      } else if (c === '}' && inPlaceholder) {
        break;
      } else if (c === '$') {
        flush();
        nodes.push(this.dollar());
      } else {
        text += c;
        this.pos++;
      }
    }
    flush();
    return nodes;
  }

  private dollar(): SnippetNode {
    this.pos++; // $
    const simple = /^(\d+|[_a-zA-Z][_a-zA-Z0-9]*)/.exec(this.text.slice(this.pos));
    if (simple) {
      this.pos += simple[0].length;
      return /^\d/.test(simple[0]) ? { kind: 'tabstop', index: Number(simple[0]) } : this.variable(simple[0]);
    }
    if (this.text[this.pos] !== '{') this.fail("a '$' that starts no tabstop or variable must be escaped as '\\$'");
    this.pos++; // {
    const head = /^(\d+|[_a-zA-Z][_a-zA-Z0-9]*)/.exec(this.text.slice(this.pos));
    if (!head)
      this.fail("'${' must be followed by a tabstop number or a variable name (escape a literal one as '\\${')");
    this.pos += head[0].length;
    const numeric = /^\d/.test(head[0]);
    const next = this.text[this.pos];
    if (next === '}') {
      this.pos++;
      return numeric ? { kind: 'tabstop', index: Number(head[0]) } : this.variable(head[0]);
    }
    if (next === ':') {
      this.pos++;
      const children = this.sequence(true);
      if (this.text[this.pos] !== '}') this.fail('unterminated placeholder');
      this.pos++;
      return numeric ? { kind: 'placeholder', index: Number(head[0]), children } : this.variable(head[0], children);
    }
    if (next === '|' && numeric) {
      this.pos++;
      const options: string[] = [];
      let option = '';
      for (;;) {
        const c = this.text[this.pos];
        if (c === undefined) this.fail('unterminated choice');
        if (c === '\\' && ',|\\$}'.includes(this.text[this.pos + 1] ?? '')) {
          option += this.text[this.pos + 1];
          this.pos += 2;
        } else if (c === ',') {
          options.push(option);
          option = '';
          this.pos++;
        } else if (c === '|' && this.text[this.pos + 1] === '}') {
          options.push(option);
          this.pos += 2;
          return { kind: 'choice', index: Number(head[0]), options };
        } else {
          option += c;
          this.pos++;
        }
      }
    }
    if (next === '/') {
      // A transform, /regex/format/options}: read past it; the tabstop or variable keeps its value.
      this.pos++;
      this.skipUntil('/', false);
      this.skipUntil('/', true);
      this.skipUntil('}', false);
      return numeric ? { kind: 'tabstop', index: Number(head[0]) } : this.variable(head[0]);
    }
    return this.fail(`unexpected ${JSON.stringify(next)} after '\${${head[0]}'`);
  }
}

/** The text VS Code inserts when every placeholder keeps its default and every choice its first option. */
export function expandSnippet(body: string): string {
  const nodes = new SnippetParser(body).parse();
  const defaults = new Map<number, SnippetNode[] | string>();
  const collect = (list: SnippetNode[]) => {
    for (const node of list) {
      if (node.kind === 'placeholder') {
        if (!defaults.has(node.index)) defaults.set(node.index, node.children);
        collect(node.children);
      } else if (node.kind === 'choice' && !defaults.has(node.index)) {
        defaults.set(node.index, node.options[0] ?? '');
      } else if (node.kind === 'variable' && node.children) {
        collect(node.children);
      }
    }
  };
  collect(nodes);
  const render = (list: SnippetNode[], depth = 0): string => {
    assert.ok(depth < 20, 'a placeholder refers to itself');
    return list
      .map((node) => {
        switch (node.kind) {
          case 'text':
            return node.value;
          case 'variable':
            return VARIABLES[node.name];
          default: {
            // A tabstop mirrors the placeholder or choice with its number; $0 is the final cursor.
            const value = defaults.get(node.index);
            return value === undefined ? '' : typeof value === 'string' ? value : render(value, depth + 1);
          }
        }
      })
      .join('');
  };
  return render(nodes);
}

// ---------------------------------------------------------------------------------------------
// Where a snippet goes

export function lines(body: string | string[]): string {
  return Array.isArray(body) ? body.join('\n') : body;
}

/** Where a snippet goes in the smallest file of its language: the text before the insertion point (whose last line sets the indentation) and after it. */
export interface Frame {
  before: string;
  after: string;
  /** Spaces before the insertion point, which VS Code adds to every following line of the snippet. */
  indent: number;
  /** The file's name, relative to a folder of its own (a Terraform module is a directory). */
  file: string;
}

export function frame(language: string): Frame {
  switch (language) {
    case 'yaml':
      return {
        before: "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  ",
        after: '\n',
        indent: 2,
        file: 'template.yaml',
      };
    case 'json':
      return {
        before: '{\n  "AWSTemplateFormatVersion": "2010-09-09",\n  "Resources": {\n    ',
        after: '\n  }\n}\n',
        indent: 4,
        file: 'template.json',
      };
    default:
      return { before: '', after: '\n', indent: 0, file: 'main.tf' };
  }
}

/** The snippet's text placed in its frame, indented as VS Code indents it: under `Resources` for CloudFormation. */
export function framed(language: string, text: string): string {
  const { before, after, indent } = frame(language);
  const [first, ...rest] = text.trimEnd().split('\n');
  return before + [first, ...rest.map((line) => (line ? ' '.repeat(indent) + line : line))].join('\n') + after;
}

/** A file the engine reads as the user's would be after inserting the snippet, in a folder of its own. */
export function wrap(language: string, name: string, text: string): { path: string; text: string } {
  const slug = name.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase();
  return { path: `/snippets/${slug}/${frame(language).file}`, text: framed(language, text) };
}

export function prefixes(snippet: Snippet): string[] {
  return Array.isArray(snippet.prefix) ? snippet.prefix : [snippet.prefix];
}
