/**
 * The Terraform converter's output, frozen: every input below is converted with
 * `parseTerraformModule` and the sha256 of a canonical serialisation of the result is compared with
 * test/fixtures/terraform-model-hashes.json. Any change to the model (a value, a range, a key's
 * order, a diagnostic) changes a hash, so rewrites of the converter for speed must keep the output
 * exactly as it was.
 *
 * Inputs: every Terraform module of the shared corpus (files grouped by directory, as the analyzer
 * does), each corpus file mutated, reformatted (comments, tabs, CRLF…) and edited for incremental
 * re-parses, every Terraform sample of the rules' test tables (code and fixed output), HCL-shaped
 * and arbitrary generated text (fixed seeds), deep nesting, the shapes the converter treats
 * specially (alone and whole files: one syntax error sends a whole file down the error path), and
 * the benchmark's generated modules. Inputs are named by content where their order could change;
 * an input without a recorded hash (a rule case added since) is skipped.
 *
 * The hashes were recorded with the converter that materialised a node object for every node it
 * read (before the cursor walk of error-free trees), so they pin the output of that version.
 *
 * - `SRLENS_WRITE_TF_HASHES=1` rewrites the fixture (only when the model is meant to change).
 * - `SRLENS_TF_SNAPSHOTS=<dir>` also writes each input's serialised output there when writing, and
 *   when checking, compares against it to print the first differing path of a mismatch.
 */
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
// @ts-expect-error -- plain JavaScript without declarations (bundled by esbuild)
import { terraformModule } from '../../../bench/workloads.mjs';
import { moduleDirOf, sourceKindOf } from '../../../src/iac/detect';
import type { TerraformModule } from '../../../src/iac/model';
import { clearTerraformCache, loadTerraformLanguage, parseTerraformModule } from '../../../src/iac/terraform';
import { anyText, hclish } from '../../hardening/support';
import { ALL_CASES } from '../../rules/index';
import { sourcesOf } from '../../rules/tester';
import { CORPUS, hasShared, inQuickSample } from '../../corpus';

const FIXTURE = path.resolve(process.cwd(), 'test', 'fixtures', 'terraform-model-hashes.json');

interface Input {
  name: string;
  /** Parsed in order, one module after the other, without clearing the cache in between (incremental re-parses). */
  steps: { dir: string; files: { path: string; text: string }[] }[];
}

// ---------------------------------------------------------------------------------------------
// Canonical serialisation: key order kept, and what JSON.stringify would lose made explicit.

/**
 * Resources' `service` and `tier` come from the knowledge base (src/knowledge), not from the
 * converter: they are left out so that extending the knowledge base does not break these hashes.
 */
const NOT_THE_CONVERTERS = new Set(['service', 'tier']);

function canonical(value: unknown): string {
  if (value === undefined) return '"\u0000undefined"';
  if (typeof value === 'number')
    return Object.is(value, -0) ? '"\u0000-0"' : Number.isFinite(value) ? String(value) : `"\u0000${value}"`;
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  return `{${Object.keys(value)
    .filter((key) => !NOT_THE_CONVERTERS.has(key))
    .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
    .join(',')}}`;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The first path at which two serialised outputs differ (both parsed back from canonical JSON). */
function firstDifference(before: unknown, after: unknown, at = '$'): string | undefined {
  if (
    typeof before !== typeof after ||
    Array.isArray(before) !== Array.isArray(after) ||
    (before === null) !== (after === null)
  ) {
    return `${at}: ${JSON.stringify(before)?.slice(0, 200)} → ${JSON.stringify(after)?.slice(0, 200)}`;
  }
  if (before === null || typeof before !== 'object')
    return before === after
      ? undefined
      : `${at}: ${JSON.stringify(before)?.slice(0, 200)} → ${JSON.stringify(after)?.slice(0, 200)}`;
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  for (let i = 0; i < Math.max(keysA.length, keysB.length); i++) {
    if (keysA[i] !== keysB[i])
      return `${at}: key #${i} ${keysA[i]} → ${keysB[i]} (keys ${keysA.join(',')} → ${keysB.join(',')})`;
    const inner = firstDifference(a[keysA[i]], b[keysA[i]], `${at}.${keysA[i]}`);
    if (inner) return inner;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Inputs

/** A small deterministic generator (mulberry32) for the mutations. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HCL_PIECES = [
  '{',
  '}',
  '[',
  ']',
  '(',
  ')',
  '"',
  '=',
  '${',
  '%{',
  '<<EOT\n',
  '<<-EOT\n',
  'EOT\n',
  '\n',
  '#',
  '/*',
  ',',
  ':',
  '-',
  'é😀',
  '\r\n',
  'resource "a" "b" {\n',
];

function mutated(text: string, rnd: () => number): string {
  let result = text;
  const count = 1 + Math.floor(rnd() * 3);
  for (let i = 0; i < count; i++) {
    const at = Math.floor(rnd() * (result.length + 1));
    const choice = rnd();
    if (choice < 0.4) result = result.slice(0, at) + result.slice(at + 1 + Math.floor(rnd() * 40));
    else if (choice < 0.85)
      result = result.slice(0, at) + HCL_PIECES[Math.floor(rnd() * HCL_PIECES.length)] + result.slice(at);
    else result = result.slice(0, at);
  }
  return result;
}

/**
 * The same text with formatting the converter must see through: comments after `{`, before `}`,
 * between a name and its value and at line ends, tabs, no spaces, lines of other whitespace, CRLF.
 */
function reformatted(text: string, rnd: () => number): string {
  const attribute = /^\s*[A-Za-z_][\w-]*\s*=\s*\S/;
  const lines = text.split('\n').map((line) => {
    const r = rnd();
    if (/\{\s*$/.test(line) && r < 0.3) return line.replace(/\{\s*$/, rnd() < 0.5 ? '{ # opened' : '{ /* opened */');
    if (/^\s*\}\s*$/.test(line) && r < 0.3) return line.replace('}', rnd() < 0.5 ? '# closing\n}' : '/* closing */ }');
    if (attribute.test(line) && r < 0.15) return `${line} # trailing`;
    if (attribute.test(line) && r < 0.25) return line.replace(/\s*=\s*/, rnd() < 0.5 ? '\t=\t' : '=');
    if (attribute.test(line) && r < 0.3) return line.replace(/=\s*/, '= /* value */ ');
    if (r < 0.32) return `${line}\n\u000b\u000c`;
    if (r < 0.33) return `${line}\n\u00a0`;
    return line;
  });
  const result = lines.join('\n');
  return rnd() < 0.3 ? result.replace(/\n/g, '\r\n') : result;
}

function listFiles(dir: string, found: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) listFiles(full, found);
    else if (sourceKindOf(name) === 'terraform') found.push(full);
  }
  return found;
}

function corpusModules(): { dir: string; files: { path: string; text: string }[] }[] {
  if (!hasShared('corpus', 'the corpus inputs (the other inputs are checked)')) return [];
  const modules = new Map<string, { path: string; text: string }[]>();
  for (const full of listFiles(CORPUS)) {
    const file = `corpus/${path.relative(CORPUS, full).split(path.sep).join('/')}`;
    const dir = moduleDirOf(file);
    modules.set(dir, [...(modules.get(dir) ?? []), { path: file, text: readFileSync(full, 'utf8') }]);
  }
  return [...modules].filter(([dir]) => inQuickSample(dir)).map(([dir, files]) => ({ dir, files }));
}

function single(name: string, text: string, file = 'main.tf'): Input {
  return { name, steps: [{ dir: 'm', files: [{ path: `m/${file}`, text }] }] };
}

/** A seed from a text, so an input's mutations do not depend on the inputs listed before it. */
function seedOf(text: string): number {
  return parseInt(sha256(text).slice(0, 8), 16);
}

function inputs(): Input[] {
  const list: Input[] = [];

  // The corpus, whole, then each file mutated, and re-parsed incrementally after edits.
  const modules = corpusModules();
  for (const module of modules) list.push({ name: `corpus ${module.dir}`, steps: [module] });
  for (const module of modules) {
    for (const file of module.files) {
      const rnd = random(seedOf(file.text));
      list.push({
        name: `corpus mutated ${file.path}`,
        steps: [{ dir: module.dir, files: [{ path: file.path, text: mutated(file.text, rnd) }] }],
      });
      list.push({
        name: `corpus reformatted ${file.path}`,
        steps: [{ dir: module.dir, files: [{ path: file.path, text: reformatted(file.text, rnd) }] }],
      });
      const cut = Math.floor(rnd() * file.text.length);
      list.push({
        name: `corpus incremental ${file.path}`,
        steps: [
          { dir: module.dir, files: [file] },
          {
            dir: module.dir,
            files: [{ path: file.path, text: file.text.slice(0, cut) + '}\n' + file.text.slice(cut) }],
          },
          { dir: module.dir, files: [{ path: file.path, text: file.text.slice(0, cut) + file.text.slice(cut + 7) }] },
          { dir: module.dir, files: [file] },
        ],
      });
    }
  }

  // The rules' test tables: every Terraform sample and every fixed output, named by content so
  // that cases added later are simply not recorded yet.
  for (const cases of ALL_CASES) {
    for (const c of [...cases.valid, ...cases.invalid]) {
      if (c.syntax !== 'terraform') continue;
      const files = sourcesOf(c);
      const dir = moduleDirOf(files[0].path);
      const key = `${cases.rule.id} ${sha256(canonical(files)).slice(0, 12)}`;
      list.push({ name: `case ${key}`, steps: [{ dir, files }] });
      const output = 'output' in c ? (c as { output?: string | Record<string, string> }).output : undefined;
      if (output !== undefined) {
        const fixed =
          typeof output === 'string'
            ? [{ path: files[0].path, text: output }]
            : Object.entries(output).map(([name, text]) => ({ path: `${dir}/${name}`, text }));
        list.push({ name: `case ${key} fixed`, steps: [{ dir, files: fixed }] });
      }
      list.push(single(`case ${key} mutated`, mutated(files[0].text, random(seedOf(files[0].text)))));
    }
  }

  // Generated text.
  fc.sample(hclish, { seed: 7, numRuns: 400 }).forEach((text, i) => list.push(single(`hclish #${i}`, text)));
  fc.sample(anyText, { seed: 11, numRuns: 150 }).forEach((text, i) => list.push(single(`any text #${i}`, text)));

  // Shapes the converter treats specially.
  const N = 2000;
  const shapes: [string, string][] = [
    ['deep tuple', `resource "aws_sqs_queue" "q" {\n  deep = ${'['.repeat(N)}${']'.repeat(N)}\n}\n`],
    ['deep object', `resource "aws_sqs_queue" "q" {\n  deep = ${'{a = '.repeat(300)}1${'}'.repeat(300)}\n}\n`],
    ['deep parens', `resource "aws_sqs_queue" "q" {\n  deep = ${'('.repeat(300)}1${')'.repeat(300)}\n}\n`],
    ['deep calls', `resource "aws_sqs_queue" "q" {\n  deep = ${'f('.repeat(300)}1${')'.repeat(300)}\n}\n`],
    [
      'deep blocks',
      `resource "aws_sqs_queue" "q" {\n${Array.from({ length: N }, (_, i) => `b${i} {\n`).join('')}${'}\n'.repeat(N)}}\n`,
    ],
    ['open block', 'resource "aws_db_instance" "db" {\n  storage_encrypted = false\n'],
    ['open string', 'resource "aws_db_instance" "db" {\n  name = "abc\n  storage_encrypted = false\n}\n'],
    ['open label', 'resource "aws_db_instance" "db {\n  storage_encrypted = false\n}\n'],
    ['open interpolation', 'resource "aws_db_instance" "db" {\n  name = "${var.x"\n}\n'],
    ['open heredoc', 'resource "aws_iam_policy" "p" {\n  policy = <<EOT\n  {"a": 1}\n}\n'],
    [
      'stranded',
      'resource "a" "b" {\n  x = 1\n\nresource "c" "d" {\n  y = [1, 2\n}\n\ndata "e" "f" {\n  z = var.q\n}\nvariable "v" {\n  default = "${x}"\n}\n',
    ],
    [
      'unicode',
      'resource "aws_db_instance" "bücher_😀" {\n  tags = { ñame = "ü", "k\\u00e9" = 1, (var.k) = 2, a.b = 3 }\n  storage_encrypted = false # ü😀\n}\nlocals {\n  größe = 1\n}\n',
    ],
    [
      'crlf and bom',
      '\ufeffresource "aws_s3_bucket" "b" {\r\n  bucket = "x"\r\n  policy = <<-EOT\r\n    {"a": "${var.x}"}\r\n  EOT\r\n  tags = {\r\n    a = "b" # c\r\n  }\r\n}\r\n',
    ],
    [
      'expressions',
      [
        'resource "aws_instance" "i" {',
        '  a = -1',
        '  b = - 1.5e3',
        '  c = 0x10',
        '  d = "a${var.b}c"',
        '  e = "${aws_s3_bucket.b.id}"',
        '  f = "${ aws_s3_bucket.b[0].arn }"',
        '  g = aws_s3_bucket.b[*].id',
        '  h = aws_s3_bucket.b.*.id',
        '  i = module.m.out.x',
        '  j = data.aws_ami.a.id',
        '  k = data.aws_ami',
        '  l = var.x[0]',
        '  m = local.y["k"].z',
        '  n = each.value',
        '  o = count.index',
        '  p = self.id',
        '  q = path.module',
        '  r = x ? y : z',
        '  s = [for v in var.l : v]',
        '  t = {for k, v in var.m : k => v}',
        '  u = jsonencode({ Statement = [{ Effect = "Allow", Action = ["s3:*"], Resource = "*" }] })',
        '  v = (var.x)',
        '  w = (1)',
        '  x = ("a")',
        '  y = 1 + 2',
        '  z = !true',
        '  aa = "$${literal} %%{x} \\n \\t \\" \\\\ \\u00e9 \\U0001F600"',
        '  ab = <<EOT',
        'line $${x}',
        'EOT',
        '  ac = <<-EOT',
        '      indented',
        '    less',
        '  EOT',
        '  ad = <<EOT',
        '%{ if true }x%{ endif }',
        'EOT',
        '  ae = [1, /* c */ 2, # x',
        '  3]',
        '  af = { a = 1, b: 2, "c" = 3 }',
        '  ag = null',
        '  ah = true',
        '  ai = f()',
        '  aj = f(1, "a", var.x...)',
        '  ak = aws_s3_bucket.b[0]',
        '  al = aws_s3_bucket.b["k"].id',
        '  am = var.x.y.z',
        '  an = local.y[0]',
        '  ao = provider::aws::arn_parse("x")',
        '  ap = -var.x',
        '  aq = 1.0',
        '  ar = 007',
        '  dynamic "ingress" {',
        '    for_each = var.rules',
        '    iterator = rule',
        '    content {',
        '      from_port = rule.value.from',
        '      to_port   = ingress.value',
        '      dynamic "nested" {',
        '        for_each = rule.value.n',
        '        content { x = nested.value }',
        '      }',
        '    }',
        '  }',
        '  dynamic "x" { content { y = x.key } }',
        '  nested { a = 1 }',
        '  nested {}',
        '}',
        'resource "only_type" {}',
        'data "aws_iam_policy_document" "d" { statement { actions = ["*"] } }',
        'provider "aws" {\n  alias = "east"\n  region = "us-east-1"\n}',
        'provider {}',
        'variable "v" {\n  sensitive = true\n  default = { a = [1] }\n}',
        'variable "v" {}',
        'module "m" {\n  source = "./m"\n  x = 1\n}',
        'module {}',
        'output "o" {\n  value = aws_s3_bucket.b.arn\n}',
        'output "o" { value = 1 }',
        'output "p" {}',
        'locals {\n  a = 1\n  b = local.a\n}',
        'terraform {\n  required_version = ">= 1.0"\n}',
        'moved {\n  from = a.b\n  to = a.c\n}',
        'check "c" {}',
        'unknown_block "x" { y = 1 }',
      ].join('\n') + '\n',
    ],
  ];
  shapes.push([
    'comments and spacing everywhere',
    [
      'resource /* a */ "aws_s3_bucket" "b" /* c */ { # open',
      '  # first',
      '  bucket = "x" # t',
      '  acl = /* v */ "private"',
      '  tags = { a = 1 /* x */, b: 2 # y',
      '    "c" = 3, d::e = 4, true = 5, f = { g = [1] } }',
      '  list = [ # l',
      '    1, # one',
      '    2 ]',
      '  f = merge(# c',
      '    local.a, /* b */ { x = 1 }, var.y...)',
      '  g = f() # none',
      '  nested /* n */ { }',
      '  nested2 {',
      '  }',
      '  nested3 { # only a comment',
      '  }',
      '  nested4 "l" ident { x = 1 }',
      '  // last',
      '}',
      'a::b "x" { y = 1 }',
      'resource a b { c = 1 }',
      'resource "x" "y\u00e9" { }',
      'resource "x" "y\\"z" { }',
      'resource "x" "y$z" { a = 1 }',
      'block ü "x" {}',
      'resource "x" "y" {',
      '\ttab\t=\t1',
      '\u000b',
      '  vt = 2',
      '\u00a0 nb = 3',
      '  a::b = 4',
      '  c = 1.5e3',
      '  d = -0',
      '  e = x',
      '  f = x.y[0]',
      '  g =',
      '    "next line"',
      '  h = "a" // c',
      '  i = 1#c',
      '  j = var.k#c',
      '}',
      'resource "x" "z" {}',
      'resource "x" "w" {  }',
      'resource "x" "v" {',
      '',
      '}',
      'resource "x" "u" {}# after',
      'locals { a = 1 }',
      'locals {',
      '  b = { for k, v in var.m : k => v }',
      '  c = [for v in var.l : v if v != null]',
      '  d = "${var.x}"',
      '  e = <<EOT',
      'plain',
      'EOT',
      '}',
    ].join('\n') + '\n',
  ]);
  for (const [name, text] of shapes) {
    list.push(single(name, text));
    list.push(single(`${name} reformatted`, reformatted(text, random(seedOf(text)))));
    // Each top-level block alone too: one syntax error sends a whole file down the error path.
    const blocks = text.split(/\n(?=[^\s}])/);
    if (blocks.length > 1 && blocks.length < 200)
      blocks.forEach((block, i) => list.push(single(`${name} block #${i + 1}`, `${block}\n`)));
  }
  list.push({
    name: 'module of several files',
    steps: [
      {
        dir: 'm',
        files: [
          {
            path: 'm/b.tf',
            text: 'resource "aws_s3_bucket" "b" {}\nvariable "x" {}\noutput "o" { value = 1 }\nmodule "mm" { source = "./x" }\n',
          },
          {
            path: 'm/a.tf',
            text: 'resource "aws_s3_bucket" "b" {}\nvariable "x" {}\noutput "o" { value = 2 }\nmodule "mm" { source = "./y" }\ndata "a" "b" {}\ndata "a" "b" {}\n',
          },
        ],
      },
    ],
  });

  // The benchmark's generated modules.
  for (const [count, files] of [
    [100, 20],
    [1000, 20],
  ]) {
    const generated = (terraformModule(count, files) as { name: string; text: string }[]).map((f) => ({
      path: `bench/${f.name}`,
      text: f.text,
    }));
    list.push({ name: `bench ${count}/${files}`, steps: [{ dir: 'bench', files: generated }] });
    const rnd = random(count);
    list.push({
      name: `bench ${count}/${files} reformatted`,
      steps: [{ dir: 'bench', files: generated.map((f) => ({ path: f.path, text: reformatted(f.text, rnd) })) }],
    });
  }
  // Identical samples (the same code in two cases of one rule) are one input.
  const seen = new Set<string>();
  return list.filter((input) => !seen.has(input.name) && !!seen.add(input.name));
}

/** Each step's result, serialised; the cache is cleared before the first step only. */
function outputsOf(input: Input): string {
  clearTerraformCache();
  const outputs = input.steps.map((step) => parseTerraformModule(step.dir, step.files));
  return canonical(outputs.length === 1 ? outputs[0] : outputs);
}

function snapshotPath(dir: string, name: string): string {
  return path.join(dir, `${sha256(name).slice(0, 20)}.json`);
}

// ---------------------------------------------------------------------------------------------

describe('Terraform conversion: output frozen by hash', function () {
  this.timeout(600_000);
  before(() => loadTerraformLanguage());
  after(() => clearTerraformCache());

  it('every input converts to exactly the recorded model', () => {
    const list = inputs();
    const snapshots = process.env.SRLENS_TF_SNAPSHOTS;
    if (process.env.SRLENS_WRITE_TF_HASHES) {
      const hashes: Record<string, string> = {};
      list.forEach((input) => {
        const serialised = outputsOf(input);
        hashes[input.name] = sha256(serialised).slice(0, 32);
        if (snapshots) {
          mkdirSync(snapshots, { recursive: true });
          writeFileSync(snapshotPath(snapshots, input.name), serialised);
        }
      });
      writeFileSync(FIXTURE, `${JSON.stringify(hashes, null, 1)}\n`);
      return;
    }
    const recorded = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, string>;
    const mismatches: string[] = [];
    let checked = 0;
    list.forEach((input) => {
      const expected = recorded[input.name];
      if (expected === undefined) return; // added after the hashes were recorded
      checked++;
      const serialised = outputsOf(input);
      if (sha256(serialised).slice(0, 32) === expected) return;
      let detail = '';
      if (snapshots && existsSync(snapshotPath(snapshots, input.name))) {
        detail = `: ${firstDifference(JSON.parse(readFileSync(snapshotPath(snapshots, input.name), 'utf8')), JSON.parse(serialised))}`;
      }
      mismatches.push(`${input.name}${detail}`);
    });
    // Without the shared corpus, the rest still counts (its inputs are recorded separately).
    assert.ok(
      checked >= Object.keys(recorded).filter((name) => !name.startsWith('corpus')).length * 0.9,
      `only ${checked} recorded inputs checked`,
    );
    assert.deepEqual(mismatches.slice(0, 10), [], `${mismatches.length} of ${checked} inputs convert differently`);
  });

  it('a few conversions, spelled out', () => {
    clearTerraformCache();
    const { units, diagnostics } = parseTerraformModule('m', [
      {
        path: 'm/main.tf',
        text: 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n  tags = { a = -1, "b" = [true, null] }\n  policy = aws_iam_policy.p.arn\n}\n',
      },
    ]);
    assert.deepEqual(diagnostics, []);
    const resource = (units[0] as TerraformModule).resources[0];
    const r = (sl: number, sc: number, el: number, ec: number) => ({
      start: { line: sl, character: sc },
      end: { line: el, character: ec },
    });
    assert.deepEqual(resource, {
      id: 'aws_s3_bucket.b',
      type: 'aws_s3_bucket',
      service: resource.service,
      tier: resource.tier,
      file: 'm/main.tf',
      syntax: 'terraform',
      range: r(0, 0, 4, 1),
      idRange: r(0, 9, 0, 28),
      typeRange: r(0, 9, 0, 24),
      properties: {
        kind: 'map',
        block: true,
        range: r(0, 29, 4, 1),
        properties: [
          {
            key: 'bucket',
            keyRange: r(1, 2, 1, 8),
            value: { kind: 'literal', value: 'x', range: r(1, 11, 1, 14) },
            range: r(1, 2, 1, 14),
          },
          {
            key: 'tags',
            keyRange: r(2, 2, 2, 6),
            value: {
              kind: 'map',
              block: false,
              range: r(2, 9, 2, 39),
              properties: [
                {
                  key: 'a',
                  keyRange: r(2, 11, 2, 12),
                  value: { kind: 'literal', value: -1, range: r(2, 15, 2, 17) },
                  range: r(2, 11, 2, 17),
                },
                {
                  key: 'b',
                  keyRange: r(2, 19, 2, 22),
                  value: {
                    kind: 'list',
                    range: r(2, 25, 2, 37),
                    items: [
                      { kind: 'literal', value: true, range: r(2, 26, 2, 30) },
                      { kind: 'literal', value: null, range: r(2, 32, 2, 36) },
                    ],
                  },
                  range: r(2, 19, 2, 37),
                },
              ],
            },
            range: r(2, 2, 2, 39),
          },
          {
            key: 'policy',
            keyRange: r(3, 2, 3, 8),
            value: {
              kind: 'reference',
              target: 'aws_iam_policy.p',
              attribute: 'arn',
              text: 'aws_iam_policy.p.arn',
              range: r(3, 11, 3, 31),
            },
            range: r(3, 2, 3, 31),
          },
        ],
      },
    });
  });
});
