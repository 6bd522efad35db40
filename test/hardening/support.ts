/**
 * Shared by the hardening suites (fuzz, hostile input, fix safety, security): how many runs to do,
 * text generators shaped like YAML, JSON and HCL, text mutations, and invariants every analysis
 * must keep whatever its input.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { Analysis, Analyzer, SourceFile } from '../../src/engine/analyzer';
import type { Finding } from '../../src/engine/finding';
import { run } from '../../src/cli/main';
import { LineIndex } from '../../src/iac/line-index';
import { ALL_CASES } from '../rules';
import { sourcesOf } from '../rules/tester';
import { QUICK } from '../corpus';

/**
 * `SRLENS_FUZZ_RUNS` multiplies every property's number of runs (default 1, `npm run test:unit`
 * 0.25, `npm run fuzz` more); `SRLENS_FUZZ_SEED` replays a failing run with the seed fast-check printed.
 */
export const FUZZ_SCALE = Number(process.env.SRLENS_FUZZ_RUNS) || (QUICK ? 0.25 : 1);
if (process.env.SRLENS_FUZZ_SEED) fc.configureGlobal({ seed: Number(process.env.SRLENS_FUZZ_SEED) });

export function runs(base: number): number {
  return Math.max(1, Math.round(base * FUZZ_SCALE));
}

/** Time one analysis of one generated or mutated input may take on a slow, shared machine. */
export const TIME_BOUND_MS = 5000;

// ---------------------------------------------------------------------------------------------
// Generators

const YAML_TOKENS = [
  'Resources:',
  'AWSTemplateFormatVersion: "2010-09-09"',
  'Type: AWS::S3::Bucket',
  'Type: AWS::RDS::DBInstance',
  'Properties:',
  'BucketName: b',
  'StorageEncrypted: false',
  'PubliclyAccessible: true',
  'MasterUserPassword: hunter2hunter2',
  'Tags:',
  '\n',
  '\n  ',
  '\n    ',
  '\n      ',
  ' ',
  '  ',
  '\t',
  '- ',
  ': ',
  ':',
  '?',
  '{',
  '}',
  '[',
  ']',
  ',',
  '"',
  "'",
  '#',
  '---',
  '...',
  '|',
  '>-',
  '!Ref X',
  '!Sub "${A}"',
  '!GetAtt [A, Arn]',
  '!If',
  '&a',
  '*a',
  '<<: *a',
  '!!str',
  '%YAML 1.2',
  '\r\n',
  'é😀',
  '\u0000',
  '\ufeff',
];
const JSON_TOKENS = [
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '"Resources"',
  '"AWSTemplateFormatVersion"',
  '"Type"',
  '"AWS::S3::Bucket"',
  '"AWS::RDS::DBInstance"',
  '"Properties"',
  '"StorageEncrypted"',
  'false',
  'true',
  'null',
  '1e999',
  '-0',
  '"\\u0000"',
  '"\\ud800"',
  '{"Ref": "X"}',
  '{"Fn::If": [',
  '"',
  '\\',
  '/*',
  '*/',
  '//',
  '\n',
  '\r\n',
  ' ',
  '\t',
  'é😀',
  '\ufeff',
];
const HCL_TOKENS = [
  'resource',
  'data',
  'module',
  'variable',
  'locals',
  'provider',
  'dynamic',
  'content',
  '"aws_s3_bucket"',
  '"aws_db_instance"',
  '"b"',
  '"x"',
  '{',
  '}',
  '[',
  ']',
  '(',
  ')',
  '=',
  '${',
  '%{',
  '}',
  '"',
  '<<EOT\n',
  '<<-EOT\n',
  'EOT\n',
  '\n',
  ' ',
  '\t',
  'var.x',
  'each.key',
  '.',
  '*',
  ',',
  '#',
  '//',
  '/*',
  '*/',
  '-1',
  'true',
  'false',
  'null',
  'for',
  'in',
  ':',
  '?',
  '=>',
  '...',
  '\\',
  'é😀',
  'ünïcødé',
  '\r\n',
  'storage_encrypted = false',
  'publicly_accessible = true',
  'password = "hunter2hunter2"',
];

function tokens(list: readonly string[], maxLength: number): fc.Arbitrary<string> {
  return fc
    .array(
      fc.oneof(
        { weight: 8, arbitrary: fc.constantFrom(...list) },
        { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
      ),
      { maxLength },
    )
    .map((parts) => parts.join(''));
}

/** Text that looks enough like YAML, JSON or HCL to get deep into each parser. */
export const yamlish = tokens(YAML_TOKENS, 120).map((t) => `Resources:\n${t}`);
export const jsonish = tokens(JSON_TOKENS, 120).map((t) => `{"Resources": ${t}`);
export const hclish = tokens(HCL_TOKENS, 120);
/** Any string at all, including lone surrogates and control characters. */
export const anyText = fc.string({ unit: 'binary', maxLength: 400 });

// ---------------------------------------------------------------------------------------------
// Mutations

export type Mutation =
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'truncate'; at: number }
  | { kind: 'swap-lines'; a: number; b: number }
  | { kind: 'duplicate-line'; a: number };

const position = fc.double({ min: 0, max: 1, noNaN: true });
const insertion = fc.oneof(
  fc.constantFrom(...YAML_TOKENS, ...JSON_TOKENS, ...HCL_TOKENS),
  fc.string({ unit: 'binary', maxLength: 8 }),
);

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: position, length: fc.integer({ min: 1, max: 64 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: position, text: insertion }),
  fc.record({ kind: fc.constant('truncate' as const), at: position }),
  fc.record({ kind: fc.constant('swap-lines' as const), a: position, b: position }),
  fc.record({ kind: fc.constant('duplicate-line' as const), a: position }),
);
export const mutations = fc.array(mutation, { minLength: 1, maxLength: 4 });

export function mutate(text: string, m: Mutation): string {
  const at = (p: number) => Math.min(text.length, Math.floor(p * (text.length + 1)));
  switch (m.kind) {
    case 'delete':
      return text.slice(0, at(m.at)) + text.slice(at(m.at) + m.length);
    case 'insert':
      return text.slice(0, at(m.at)) + m.text + text.slice(at(m.at));
    case 'truncate':
      return text.slice(0, at(m.at));
    case 'swap-lines':
    case 'duplicate-line': {
      const lines = text.split('\n');
      const a = Math.min(lines.length - 1, Math.floor(m.a * lines.length));
      if (m.kind === 'duplicate-line') lines.splice(a, 0, lines[a]);
      else {
        const b = Math.min(lines.length - 1, Math.floor(m.b * lines.length));
        [lines[a], lines[b]] = [lines[b], lines[a]];
      }
      return lines.join('\n');
    }
  }
}

export function applyMutations(text: string, list: readonly Mutation[]): string {
  return list.reduce(mutate, text);
}

// ---------------------------------------------------------------------------------------------
// Fixtures and invariants

export { CORPUS, corpusFiles, hasShared, needsShared, wholeCorpus } from '../corpus';

/** Every code sample of every rule's test table, as the files the tester analyses. */
export function fixtureSources(): { name: string; files: SourceFile[] }[] {
  return ALL_CASES.flatMap((cases) =>
    [...cases.valid, ...cases.invalid].map((c, i) => ({
      name: `${cases.rule.id} ${c.syntax} #${i + 1}`,
      files: sourcesOf(c),
    })),
  );
}

/**
 * What every analysis must satisfy: each finding points inside its file, with a start before its
 * end; every fixable finding builds a fix without throwing, whose edits also lie inside the files.
 */
export function assertWellFormed(
  analyzer: Analyzer,
  analysis: Analysis,
  files: readonly SourceFile[],
  label: string,
): void {
  const indexes = new Map(files.map((f) => [f.path, { text: f.text, lines: new LineIndex(f.text) }]));
  const inside = (file: string, range: Finding['range'], what: string) => {
    const source = indexes.get(file);
    assert.ok(source, `${label}: ${what} names a file that was not analysed: ${file}`);
    const { start, end } = range;
    assert.ok(start.line >= 0 && start.character >= 0, `${label}: ${what} starts before the file`);
    assert.ok(
      start.line < end.line || (start.line === end.line && start.character <= end.character),
      `${label}: ${what} ends before it starts`,
    );
    assert.ok(
      end.line < source.lines.lineCount,
      `${label}: ${what} ends after the last line (${end.line} ≥ ${source.lines.lineCount})`,
    );
    const lineEnd =
      end.line + 1 < source.lines.lineCount
        ? source.lines.offset({ line: end.line + 1, character: 0 })
        : source.text.length + 1;
    assert.ok(source.lines.offset(end) < lineEnd, `${label}: ${what} ends past the end of line ${end.line + 1}`);
  };
  for (const finding of analysis.findings) {
    inside(finding.file, finding.range, `${finding.ruleId} finding`);
    assert.equal(typeof finding.message, 'string');
    if (!finding.fixable) continue;
    const fix = analyzer.fixFor(finding);
    for (const edit of fix?.edits ?? []) inside(edit.file, edit.range, `${finding.ruleId} fix edit`);
  }
}

/** Runs `work` and fails when it took longer than `bound` milliseconds. */
export async function withinBound<T>(bound: number, label: string, work: () => Promise<T> | T): Promise<T> {
  const started = performance.now();
  const result = await work();
  const elapsed = performance.now() - started;
  assert.ok(elapsed < bound, `${label}: took ${Math.round(elapsed)} ms (bound ${bound} ms)`);
  return result;
}

/** A finding as compared between two analyses: every public field, the file renamed. */
export function comparable(findings: readonly Finding[], rename: (file: string) => string = (f) => f): string[] {
  return findings.map((f) =>
    JSON.stringify({
      ...f,
      file: rename(f.file),
      ...(f.related ? { related: f.related.map((r) => ({ ...r, file: rename(r.file) })) } : {}),
    }),
  );
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in this process (its `run`), capturing what it prints. */
export async function runCliInProcess(args: string[], cwd: string, color = false): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    stdout: (t) => (stdout += `${t}\n`),
    stderr: (t) => (stderr += `${t}\n`),
    cwd,
    color,
  });
  return { code, stdout, stderr };
}
