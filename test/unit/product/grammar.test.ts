/**
 * The Terraform TextMate grammar (syntaxes/terraform.tmLanguage.json), run through the same
 * engine VS Code uses (vscode-textmate + the Oniguruma WebAssembly build): the scopes of
 * representative lines, strings and heredocs that never leak into the next line, and every
 * Terraform file of the shared corpus tokenized without an exception, in a sane time, ending
 * back at the top level.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { CORPUS, needsShared, wholeCorpus } from '../../corpus';

const GRAMMAR = path.resolve(process.cwd(), 'syntaxes', 'terraform.tmLanguage.json');
const LANGUAGE_CONFIGURATION = path.resolve(process.cwd(), 'syntaxes', 'terraform.language-configuration.json');
const ONIG_WASM = path.resolve(process.cwd(), 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm');

interface Token {
  text: string;
  scopes: string[];
}

let wasmLoaded: Promise<void> | undefined;

async function loadGrammar(): Promise<textmate.IGrammar> {
  wasmLoaded ??= oniguruma.loadWASM(readFileSync(ONIG_WASM).buffer as ArrayBuffer);
  await wasmLoaded;
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName: string) =>
      scopeName === 'source.terraform' ? textmate.parseRawGrammar(readFileSync(GRAMMAR, 'utf8'), GRAMMAR) : null,
  });
  const grammar = await registry.loadGrammar('source.terraform');
  assert.ok(grammar, 'the grammar loads');
  return grammar;
}

/** Tokenizes a document line by line, the way the editor does. */
function tokenize(grammar: textmate.IGrammar, text: string): { lines: Token[][]; end: textmate.StateStack } {
  let state = textmate.INITIAL;
  const lines: Token[][] = [];
  for (const line of text.split(/\r?\n/)) {
    const result = grammar.tokenizeLine(line, state);
    lines.push(result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes })));
    state = result.ruleStack;
  }
  return { lines, end: state };
}

/** The scopes of the `nth` token whose text is exactly `text` on line `line` (0-based). */
function scopesOf(lines: Token[][], line: number, text: string, nth = 0): string[] {
  const found = lines[line].filter((t) => t.text === text);
  assert.ok(
    found[nth],
    `no token ${JSON.stringify(text)} (#${nth}) on line ${line}: ${JSON.stringify(lines[line].map((t) => t.text))}`,
  );
  return found[nth].scopes;
}

function assertScope(lines: Token[][], line: number, text: string, scope: string, nth = 0): void {
  const scopes = scopesOf(lines, line, text, nth);
  assert.ok(
    scopes.includes(scope),
    `${JSON.stringify(text)} on line ${line} should be ${scope}, got ${scopes.join(' ')}`,
  );
}

function assertNoScope(lines: Token[][], line: number, prefix: string): void {
  for (const token of lines[line]) {
    const hit = token.scopes.find((s) => s.startsWith(prefix));
    assert.equal(hit, undefined, `${JSON.stringify(token.text)} on line ${line} is ${hit}`);
  }
}

function terraformFiles(dir: string, found: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) terraformFiles(full, found);
    else if (/\.(tf|tfvars)$/.test(name)) found.push(full);
  }
  return found;
}

describe('the Terraform grammar', () => {
  let grammar: textmate.IGrammar;

  before(async () => {
    grammar = await loadGrammar();
  });

  it('is contributed for the terraform language with its configuration', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    const language = pkg.contributes.languages.find((l: { id: string }) => l.id === 'terraform');
    assert.equal(language.configuration, './syntaxes/terraform.language-configuration.json');
    const contributed = pkg.contributes.grammars.find((g: { language: string }) => g.language === 'terraform');
    assert.deepEqual(contributed, {
      language: 'terraform',
      scopeName: 'source.terraform',
      path: './syntaxes/terraform.tmLanguage.json',
    });
    assert.equal(JSON.parse(readFileSync(GRAMMAR, 'utf8')).scopeName, 'source.terraform');
  });

  it('has a language configuration whose patterns compile and behave', () => {
    const config = JSON.parse(readFileSync(LANGUAGE_CONFIGURATION, 'utf8'));
    assert.equal(config.comments.lineComment, '#');
    assert.deepEqual(config.comments.blockComment, ['/*', '*/']);
    const word = new RegExp(config.wordPattern, 'g');
    assert.deepEqual('aws_s3_bucket.logs.id local-exec 3.5'.match(word), [
      'aws_s3_bucket',
      'logs',
      'id',
      'local-exec',
      '3.5',
    ]);
    const increase = new RegExp(config.indentationRules.increaseIndentPattern);
    const decrease = new RegExp(config.indentationRules.decreaseIndentPattern);
    assert.ok(increase.test('resource "aws_s3_bucket" "logs" {'));
    assert.ok(increase.test('  tags = merge(  # comment'));
    assert.ok(increase.test('  cidrs = ['));
    assert.ok(!increase.test('  tags = {}'));
    assert.ok(!increase.test('  name = "{"'));
    assert.ok(decrease.test('  }'));
    assert.ok(decrease.test('  ])'));
    for (const rule of config.onEnterRules) new RegExp(rule.beforeText);
  });

  it('scopes block types and labels', () => {
    const { lines } = tokenize(
      grammar,
      [
        'resource "aws_s3_bucket" "logs" {', // 0
        '  versioning {', // 1
        '    enabled = true', // 2
        '  }', // 3
        '  dynamic "ingress" {', // 4
        '    content {}', // 5
        '  }', // 6
        '}', // 7
        'variable "region" {}', // 8
        'data "aws_iam_policy_document" "p" {}', // 9
        'locals {}', // 10
        'module "vpc" {}', // 11
        'provider "aws" {}', // 12
        'output "id" {}', // 13
        'terraform {}', // 14
      ].join('\n'),
    );
    assertScope(lines, 0, 'resource', 'storage.type.block.terraform');
    assertScope(lines, 0, 'aws_s3_bucket', 'entity.name.type.terraform');
    assertScope(lines, 0, 'aws_s3_bucket', 'string.quoted.double.terraform');
    assertScope(lines, 0, 'logs', 'entity.name.label.terraform');
    assertScope(lines, 0, '"', 'punctuation.definition.string.begin.terraform');
    assertScope(lines, 0, '{', 'punctuation.section.block.begin.terraform');
    assertScope(lines, 1, 'versioning', 'entity.name.type.block.terraform');
    assertScope(lines, 2, 'enabled', 'variable.other.property.terraform');
    assertScope(lines, 4, 'dynamic', 'storage.type.block.terraform');
    assertScope(lines, 4, 'ingress', 'entity.name.type.terraform');
    assertScope(lines, 5, 'content', 'entity.name.type.block.terraform');
    assertScope(lines, 7, '}', 'punctuation.section.block.end.terraform');
    assertScope(lines, 8, 'variable', 'storage.type.block.terraform');
    assertScope(lines, 8, 'region', 'entity.name.label.terraform');
    assertScope(lines, 9, 'data', 'storage.type.block.terraform');
    assertScope(lines, 9, 'aws_iam_policy_document', 'entity.name.type.terraform');
    assertScope(lines, 9, 'p', 'entity.name.label.terraform');
    for (const [line, keyword] of [
      [10, 'locals'],
      [11, 'module'],
      [12, 'provider'],
      [13, 'output'],
      [14, 'terraform'],
    ] as const) {
      assertScope(lines, line, keyword, 'storage.type.block.terraform');
    }
    assertScope(lines, 11, 'vpc', 'entity.name.label.terraform');
  });

  it('scopes attributes, numbers, booleans, null, operators and references', () => {
    const { lines } = tokenize(
      grammar,
      [
        'count = var.enabled ? 2 : 0', // 0
        'ratio = -1.5e3 * 2', // 1
        'flag = false', // 2
        'value = null', // 3
        'ok = a == b && !c || d != e', // 4
        'id = aws_s3_bucket.logs.id', // 5
        'all = aws_instance.web[*].id', // 6
        'n = local.names[0]', // 7
      ].join('\n'),
    );
    assertScope(lines, 0, 'count', 'variable.other.property.terraform');
    assertScope(lines, 0, '=', 'keyword.operator.assignment.terraform');
    assertScope(lines, 0, 'var', 'variable.language.terraform');
    assertScope(lines, 0, '.', 'punctuation.accessor.terraform');
    assertScope(lines, 0, 'enabled', 'variable.other.member.terraform');
    assertScope(lines, 0, '?', 'keyword.operator.ternary.terraform');
    assertScope(lines, 0, ':', 'keyword.operator.ternary.terraform');
    assertScope(lines, 0, '2', 'constant.numeric.terraform');
    assertScope(lines, 1, '1.5e3', 'constant.numeric.terraform');
    assertScope(lines, 1, '-', 'keyword.operator.arithmetic.terraform');
    assertScope(lines, 1, '*', 'keyword.operator.arithmetic.terraform');
    assertScope(lines, 2, 'false', 'constant.language.boolean.terraform');
    assertScope(lines, 3, 'null', 'constant.language.null.terraform');
    assertScope(lines, 4, '==', 'keyword.operator.comparison.terraform');
    assertScope(lines, 4, '&&', 'keyword.operator.logical.terraform');
    assertScope(lines, 4, '!', 'keyword.operator.logical.terraform');
    assertScope(lines, 4, '!=', 'keyword.operator.comparison.terraform');
    assertScope(lines, 5, 'aws_s3_bucket', 'variable.other.object.terraform');
    assertScope(lines, 5, 'logs', 'variable.other.member.terraform');
    assertScope(lines, 5, 'id', 'variable.other.member.terraform', 1);
    assertScope(lines, 6, '[*]', 'keyword.operator.splat.terraform');
    assertScope(lines, 7, 'local', 'variable.language.terraform');
    assertScope(lines, 7, '[', 'punctuation.section.brackets.begin.terraform');
  });

  it('scopes function calls, for expressions and objects', () => {
    const { lines } = tokenize(
      grammar,
      [
        'policy = jsonencode({ Version = "2012-10-17" })', // 0
        'names = [for s in var.list : upper(s) if s != ""]', // 1
        'by_id = { for k, v in var.map : k => v... }', // 2
        'arn = provider::aws::arn_parse(var.arn)', // 3
      ].join('\n'),
    );
    assertScope(lines, 0, 'jsonencode', 'support.function.terraform');
    assertScope(lines, 0, '(', 'punctuation.definition.arguments.begin.terraform');
    assertScope(lines, 0, 'Version', 'variable.other.property.terraform');
    assertScope(lines, 0, '{', 'punctuation.section.braces.begin.terraform');
    assertScope(lines, 0, '2012-10-17', 'string.quoted.double.terraform');
    assertScope(lines, 1, 'for', 'keyword.control.terraform');
    assertScope(lines, 1, 'in', 'keyword.control.terraform');
    assertScope(lines, 1, 'if', 'keyword.control.terraform');
    assertScope(lines, 1, 'upper', 'support.function.terraform');
    assertScope(lines, 1, 's', 'variable.other.readwrite.terraform');
    assertScope(lines, 2, '=>', 'keyword.operator.terraform');
    assertScope(lines, 2, '...', 'keyword.operator.expansion.terraform');
    assertScope(lines, 2, 'k', 'variable.other.readwrite.terraform');
    assertScope(lines, 3, 'provider', 'support.function.provider.terraform');
    assertScope(lines, 3, 'arn_parse', 'support.function.terraform');
  });

  it('scopes strings, escapes, interpolations and directives with nested expressions', () => {
    const { lines } = tokenize(
      grammar,
      [
        'name = "${var.prefix}-logs\\n$${literal}"', // 0
        'msg = "%{ if var.on ~}yes%{ else }no%{ endif }"', // 1
        'x = "${join(",", [for s in local.list : "${s}!"])}"', // 2
      ].join('\n'),
    );
    assertScope(lines, 0, '"', 'punctuation.definition.string.begin.terraform');
    assertScope(lines, 0, '${', 'punctuation.definition.template-expression.begin.terraform');
    assertScope(lines, 0, '${', 'meta.template.expression.terraform');
    assertScope(lines, 0, 'var', 'variable.language.terraform');
    assertScope(lines, 0, 'var', 'meta.embedded.line.terraform');
    assertScope(lines, 0, 'prefix', 'variable.other.member.terraform');
    assertScope(lines, 0, '}', 'punctuation.definition.template-expression.end.terraform');
    assertScope(lines, 0, '-logs', 'string.quoted.double.terraform');
    assertScope(lines, 0, '\\n', 'constant.character.escape.terraform');
    assertScope(lines, 0, '$${', 'constant.character.escape.template.terraform');
    assertScope(lines, 0, '"', 'punctuation.definition.string.end.terraform', 1);
    assertScope(lines, 1, '%{', 'punctuation.definition.template-expression.begin.terraform');
    assertScope(lines, 1, 'if', 'keyword.control.terraform');
    assertScope(lines, 1, '~', 'keyword.operator.template.strip.terraform');
    assertScope(lines, 1, 'else', 'keyword.control.terraform');
    assertScope(lines, 1, 'endif', 'keyword.control.terraform');
    assertScope(lines, 1, 'yes', 'string.quoted.double.terraform');
    assertScope(lines, 2, 'join', 'support.function.terraform');
    assertScope(lines, 2, 'local', 'variable.language.terraform');
    assertScope(lines, 2, 's', 'variable.other.readwrite.terraform', 1);
    // The whole line closes: the last token is the outer string's closing quote.
    const last = lines[2][lines[2].length - 1];
    assert.equal(last.text, '"');
    assert.deepEqual(last.scopes.slice(1), [
      'string.quoted.double.terraform',
      'punctuation.definition.string.end.terraform',
    ]);
  });

  it('scopes heredocs, their interpolations, and nothing after them', () => {
    const { lines, end } = tokenize(
      grammar,
      [
        'resource "aws_iam_policy" "p" {', // 0
        '  policy = <<-EOF', // 1
        '    {"Resource": "${aws_s3_bucket.logs.arn}"}', // 2
        '    # not a comment %{ for ip in var.ips }${ip}%{ endfor }', // 3
        '  EOF', // 4
        '  name = "after"', // 5
        '}', // 6
        'script = <<EOT', // 7
        'echo "EOF"', // 8
        'EOT', // 9
        'enabled = true', // 10
      ].join('\n'),
    );
    assertScope(lines, 1, '<<-', 'keyword.operator.heredoc.terraform');
    assertScope(lines, 1, 'EOF', 'keyword.control.heredoc-token.terraform');
    assertScope(lines, 2, '    {"Resource": "', 'string.unquoted.heredoc.terraform');
    assertScope(lines, 2, '${', 'punctuation.definition.template-expression.begin.terraform');
    assertScope(lines, 2, 'aws_s3_bucket', 'variable.other.object.terraform');
    assertScope(lines, 2, 'arn', 'variable.other.member.terraform');
    assertScope(lines, 3, '    # not a comment ', 'string.unquoted.heredoc.terraform');
    assertNoScope(lines, 3, 'comment.');
    assertScope(lines, 3, 'for', 'keyword.control.terraform');
    assertScope(lines, 3, 'ip', 'variable.other.readwrite.terraform', 1);
    assertScope(lines, 4, 'EOF', 'keyword.control.heredoc-token.terraform');
    assertScope(lines, 4, 'EOF', 'string.unquoted.heredoc.terraform');
    assertNoScope(lines, 5, 'string.unquoted');
    assertScope(lines, 5, 'name', 'variable.other.property.terraform');
    assertScope(lines, 6, '}', 'punctuation.section.block.end.terraform');
    assertScope(lines, 8, 'echo "EOF"', 'string.unquoted.heredoc.terraform');
    assertScope(lines, 9, 'EOT', 'keyword.control.heredoc-token.terraform');
    assertNoScope(lines, 10, 'string.');
    assertScope(lines, 10, 'true', 'constant.language.boolean.terraform');
    assert.equal(end.depth, 1, 'back at the top level');
  });

  it('scopes each comment style, and comment markers inside strings are text', () => {
    const { lines } = tokenize(
      grammar,
      [
        '# hash', // 0
        '// slashes', // 1
        '/* block', // 2
        '   still */ a = 1', // 3
        'url = "https://example.com/#x" # trailing', // 4
      ].join('\n'),
    );
    assertScope(lines, 0, '#', 'punctuation.definition.comment.terraform');
    assertScope(lines, 0, ' hash', 'comment.line.number-sign.terraform');
    assertScope(lines, 1, ' slashes', 'comment.line.double-slash.terraform');
    assertScope(lines, 2, '/*', 'punctuation.definition.comment.begin.terraform');
    assertScope(lines, 2, ' block', 'comment.block.terraform');
    assertScope(lines, 3, '   still ', 'comment.block.terraform');
    assertScope(lines, 3, '*/', 'punctuation.definition.comment.end.terraform');
    assertScope(lines, 3, 'a', 'variable.other.property.terraform');
    assertScope(lines, 4, 'https://example.com/#x', 'string.quoted.double.terraform');
    assertNoScope(lines, 4, 'comment.block');
    assertScope(lines, 4, ' trailing', 'comment.line.number-sign.terraform');
  });

  it('never lets an unterminated string leak into the next line', () => {
    const { lines, end } = tokenize(grammar, ['name = "unterminated', 'size = 3', 'x = "ok"'].join('\n'));
    assertScope(lines, 0, 'unterminated', 'string.quoted.double.terraform');
    assertNoScope(lines, 1, 'string.');
    assertScope(lines, 1, 'size', 'variable.other.property.terraform');
    assertScope(lines, 1, '3', 'constant.numeric.terraform');
    assert.equal(end.depth, 1);
  });

  describe('on the shared corpus', function () {
    this.timeout(120_000);

    before(function () {
      needsShared(this, 'corpus');
    });

    it('tokenizes every Terraform file without an exception, quickly, ending at the top level', function () {
      wholeCorpus(this);
      const files = terraformFiles(CORPUS);
      assert.ok(files.length > 0, 'the corpus has Terraform files');
      let lineCount = 0;
      let slowest = { file: '', ms: 0 };
      const unbalanced: string[] = [];
      const started = process.hrtime.bigint();
      for (const file of files) {
        const text = readFileSync(file, 'utf8');
        const fileStarted = process.hrtime.bigint();
        let state = textmate.INITIAL;
        for (const line of text.split(/\r?\n/)) {
          const result = grammar.tokenizeLine(line, state, 1_000);
          assert.ok(!result.stoppedEarly, `${path.relative(CORPUS, file)}: a line took over a second`);
          state = result.ruleStack;
          lineCount++;
        }
        const ms = Number(process.hrtime.bigint() - fileStarted) / 1e6;
        if (ms > slowest.ms) slowest = { file: path.relative(CORPUS, file), ms };
        if (state.depth !== 1) unbalanced.push(`${path.relative(CORPUS, file)} (depth ${state.depth})`);
      }
      const totalMs = Number(process.hrtime.bigint() - started) / 1e6;
      console.log(
        `      grammar: ${files.length} files, ${lineCount} lines in ${Math.round(totalMs)} ms ` +
          `(${((totalMs * 1000) / lineCount).toFixed(1)} µs/line; slowest ${slowest.file} ${Math.round(slowest.ms)} ms)`,
      );
      assert.deepEqual(unbalanced, [], 'every file ends with every block, string and heredoc closed');
      assert.ok(totalMs / lineCount < 1, `under 1 ms a line on average, got ${(totalMs / lineCount).toFixed(3)} ms`);
      assert.ok(slowest.ms < 5_000, `no file takes 5 s (${slowest.file}: ${Math.round(slowest.ms)} ms)`);
    });
  });
});
