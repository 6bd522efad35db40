/**
 * Terraform evaluation (src/iac/terraform/eval-*.ts): inputs in Terraform's precedence,
 * expressions, count / for_each instances, dynamic blocks, local modules and the limits. Every
 * table row names the exact resources, ranges and message parts, and the unknown cases that must
 * stay silent.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import TreeSitter = require('web-tree-sitter');
import { Analyzer, type SourceFile } from '../../../src/engine/analyzer';
import type { Finding } from '../../../src/engine/finding';
import type { Range } from '../../../src/iac/model';
import { evaluateSource, loadEvaluator } from '../../../src/iac/terraform/eval-expressions';
import type { TerraformEvaluationOptions, TerraformInput } from '../../../src/iac/terraform/eval-module';
import { EvalMap, type EV, JsonDoc, Unknown } from '../../../src/iac/terraform/eval-values';
import { automaticVarFiles } from '../../../src/iac/terraform/eval-inputs';
import { parseModuleManifest } from '../../../src/iac/terraform/eval-manifest';
import { LineIndex } from '../../../src/iac/line-index';
import { loadTerraformLanguage, terraformParser } from '../../../src/iac/terraform';
import { RULES } from '../../../src/rules';

const ROOT = '/ws';

// Every grammar load in this test bundle is counted (wrapped before anything loads one).
let grammarLoads = 0;
const loadLanguage = TreeSitter.Language.load.bind(TreeSitter.Language);
TreeSitter.Language.load = (input) => {
  grammarLoads++;
  return loadLanguage(input);
};

function rules(...ids: string[]) {
  const found = RULES.filter((r) => ids.includes(r.id));
  assert.equal(found.length, ids.length, `unknown rule in ${ids.join(', ')}`);
  return found;
}

/** `[line, startChar, endChar]` (0-based, one line). */
function at(range: Range): [number, number, number] {
  assert.equal(range.start.line, range.end.line, 'single-line range expected');
  return [range.start.line, range.start.character, range.end.character];
}

type Brief = [rule: string, resource: string, file: string, range: [number, number, number]];

/**
 * The whole text of an evaluation's info finding: its headline is the opening of that text (at most
 * 120 characters, owner and concern first), and the detail, which starts with the whole sentence.
 */
function explained(finding: Finding): string | undefined {
  assert.ok(finding.message.length <= 120, finding.message);
  assert.ok(finding.message.startsWith('You · Configuration and policies: '), finding.message);
  const opening = finding.message.slice('You · Configuration and policies: '.length).replace(/…$/, '');
  assert.ok(finding.detail?.toLowerCase().startsWith(opening.toLowerCase()), `${finding.message} / ${finding.detail}`);
  return finding.detail;
}

function brief(findings: Finding[]): Brief[] {
  return findings.map((f) => [f.ruleId, f.resource, f.file.slice(ROOT.length + 1), at(f.range)]);
}

/** An in-memory workspace: `.tf` files are scanned, every file is readable by the evaluator. */
function workspace(spec: Record<string, string>, inputs: TerraformInput[] = []) {
  const all = new Map(Object.entries(spec).map(([name, text]) => [`${ROOT}/${name}`, text]));
  const sources: SourceFile[] = [...all]
    .filter(([file]) => file.endsWith('.tf'))
    .map(([path, text]) => ({ path, text }));
  const host: TerraformEvaluationOptions = {
    inputs,
    readFile: async (file) => all.get(file),
    listFiles: async (dir) =>
      [...all.keys()]
        .filter((f) => f.startsWith(`${dir}/`) && !f.slice(dir.length + 1).includes('/'))
        .map((f) => f.slice(dir.length + 1)),
  };
  return { sources, host };
}

async function scan(spec: Record<string, string>, ruleIds: string[], inputs: TerraformInput[] = []) {
  const { sources, host } = workspace(spec, inputs);
  return (await new Analyzer({ rules: rules(...ruleIds), terraform: host }).analyze(sources)).findings;
}

const RDS = (value: string) =>
  [
    'variable "public" {',
    '  default = false',
    '}',
    'resource "aws_db_instance" "db" {',
    '  engine              = "postgres"',
    `  publicly_accessible = ${value}`,
    '}',
  ].join('\n');

describe('Terraform evaluation', function () {
  this.timeout(60_000);

  before(() => loadEvaluator());

  it("the evaluator parses with the converter's parser: the grammar is loaded once", async () => {
    await loadTerraformLanguage();
    await loadEvaluator();
    const parser = terraformParser();
    assert.ok(parser);
    const value = evaluateSource(
      { source: '"a-${1 + 1}"', offset: 0, lines: new LineIndex('') },
      {
        variable: () => new Unknown('var'),
        local: () => new Unknown('local'),
        budget: { steps: 100 },
      },
    );
    assert.equal(value, 'a-2');
    await scan({ 'main.tf': 'resource "aws_instance" "w" {\n  count = 2\n}\n' }, ['ec2-public-ip']);
    assert.equal(terraformParser(), parser);
    assert.equal(grammarLoads, 1);
  });

  describe('expressions', () => {
    const scope = (vars: Record<string, EV> = {}, locals: Record<string, EV> = {}) => ({
      variable: (n: string) => (n in vars ? vars[n] : new Unknown(`var.${n}`)),
      local: (n: string) => (n in locals ? locals[n] : new Unknown(`local.${n}`)),
      budget: { steps: 100_000 },
    });
    const plain = (v: EV): unknown => {
      if (v instanceof Unknown)
        return v.ref ? { ref: v.ref.target + (v.ref.attribute ? `.${v.ref.attribute}` : '') } : '?';
      if (v instanceof JsonDoc) return { json: plain(v.doc) };
      if (Array.isArray(v)) return v.map(plain);
      if (v instanceof EvalMap) return Object.fromEntries([...v.entries].map(([k, x]) => [k, plain(x)]));
      return v;
    };
    const evaluate = (source: string, vars?: Record<string, EV>, locals?: Record<string, EV>) =>
      plain(evaluateSource({ source, offset: 0, lines: new LineIndex(source) }, scope(vars, locals)));
    const m = (o: Record<string, EV>) => new EvalMap(new Map(Object.entries(o)));

    const table: [string, unknown, Record<string, EV>?][] = [
      ['"a"', 'a'],
      ['42', 42],
      ['-1', -1],
      ['true', true],
      ['null', null],
      ['[1, "x", false]', [1, 'x', false]],
      ['{ a = 1, "b-c" = 2 }', { a: 1, 'b-c': 2 }],
      ['var.region', 'eu-west-1', { region: 'eu-west-1' }],
      ['var.missing', '?'],
      ['"${var.env}-logs"', 'prod-logs', { env: 'prod' }],
      ['"${var.missing}-logs"', '?'],
      // the spaces next to an interpolation are part of the string (read by the grammar, then by the shortcut)
      ['"a ${var.l[0]} c ${upper(var.l[1])} "', 'a x c Y ', { l: ['x', 'y'] }],
      ['"  ${var.env} logs"', '  prod logs', { env: 'prod' }],
      ['"${aws_s3_bucket.b.id}"', { ref: 'aws_s3_bucket.b.id' }],
      ['aws_s3_bucket.b.arn', { ref: 'aws_s3_bucket.b.arn' }],
      ['var.on ? "yes" : "no"', 'yes', { on: true }],
      ['var.missing ? "yes" : "no"', '?'],
      ['var.n > 2 && !false', true, { n: 3 }],
      ['var.n * 2 + 1', 7, { n: 3 }],
      ['[for s in var.l : upper(s)]', ['A', 'B'], { l: ['a', 'b'] }],
      ['{ for k, v in var.m : v => k }', { x: 'a', y: 'b' }, { m: m({ a: 'x', b: 'y' }) }],
      ['[for s in var.l : s if s != "b"]', ['a'], { l: ['a', 'b'] }],
      ['{ for s in var.l : substr(s, 0, 1) => s... }', '?', { l: ['a'] }],
      ['{ for s in var.l : s => s... }', { a: ['a', 'a'] }, { l: ['a', 'a'] }],
      ['var.l[*].id', [1, 2], { l: [m({ id: 1 }), m({ id: 2 })] }],
      ['var.l.*.id', [1, 2], { l: [m({ id: 1 }), m({ id: 2 })] }],
      ['var.m["a"]', 'x', { m: m({ a: 'x' }) }],
      ['var.m.nope', '?', { m: m({ a: 'x' }) }],
      ['try(var.m.nope, "fallback")', 'fallback', { m: m({ a: 'x' }) }],
      ['try(var.missing, "fallback")', '?'],
      ['merge({ a = 1, b = 1 }, { b = 2 })', { a: 1, b: 2 }],
      ['merge(var.missing, { b = 2 })', '?'],
      ['concat([1], [2, 3])', [1, 2, 3]],
      ['lookup({ a = 1 }, "b", 9)', 9],
      ['coalesce("", null, "x")', 'x'],
      ['tolist(["a"])', ['a']],
      ['toset(["b", "a", "b"])', ['a', 'b']],
      ['tomap({ a = 1 })', { a: 1 }],
      ['flatten([[1, [2]], 3])', [1, 2, 3]],
      ['keys({ b = 1, a = 2 })', ['a', 'b']],
      ['values({ b = 1, a = 2 })', [2, 1]],
      ['length([1, var.missing])', 2],
      ['contains(["a", "b"], "b")', true],
      ['format("%s-%d", "web", 3)', 'web-3'],
      ['join(",", ["a", "b"])', 'a,b'],
      ['split(",", "a,b")', ['a', 'b']],
      ['lower("AbC")', 'abc'],
      ['upper("AbC")', 'ABC'],
      ['replace("a-b-c", "-", "_")', 'a_b_c'],
      ['replace("a1", "/[0-9]/", "")', '?'],
      ['jsonencode({ Effect = "Allow" })', { json: { Effect: 'Allow' } }],
      ['tostring(5)', '5'],
      ['tonumber("5")', 5],
      ['tobool("true")', true],
      ['range(3)', [0, 1, 2]],
      ['range(1, 4)', [1, 2, 3]],
      ['range(3, 1)', [3, 2]],
      ['range(5, 0, -2)', [5, 3, 1]],
      ['range(0, 1, 0.25)', [0, 0.25, 0.5, 0.75]],
      ['range(0, 5, -1)', []],
      ['range(0, 1, 0)', '?'],
      ['range(var.n)', [0, 1], { n: 2 }],
      ['range(var.missing)', '?'],
      ['length(range(1024))', 1024],
      ['range(1025)', '?'],
      ['range(1000000)', '?'],
      ['try(range(1000000), [])', []],
      ['[for i in range(2) : "w${i}"]', ['w0', 'w1']],
      ['timestamp()', '?'],
      ['file("x.json")', '?'],
      ['each.value', '?'],
      ['path.module', '?'],
      ['local.tags.Owner', 'ops', undefined],
    ];
    for (const [source, expected, vars] of table) {
      it(`${source} → ${JSON.stringify(expected)}`, () => {
        assert.deepEqual(evaluate(source, vars, { tags: m({ Owner: 'ops' }) }), expected);
      });
    }
  });

  describe('inputs, in Terraform precedence', () => {
    it('reads the automatic var files in Terraform order', () => {
      assert.deepEqual(
        automaticVarFiles([
          'b.auto.tfvars.json',
          'main.tf',
          'a.auto.tfvars',
          'terraform.tfvars.json',
          'terraform.tfvars',
        ]),
        ['terraform.tfvars', 'terraform.tfvars.json', 'a.auto.tfvars', 'b.auto.tfvars.json'],
      );
    });

    const FINDING: Brief = ['rds-publicly-accessible', 'aws_db_instance.db', 'main.tf', [5, 24, 34]];
    const table: [string, Record<string, string>, TerraformInput[], Brief[]][] = [
      ['the default (false) alone', {}, [], []],
      ['terraform.tfvars sets true', { 'terraform.tfvars': 'public = true\n' }, [], [FINDING]],
      [
        'terraform.tfvars.json comes after terraform.tfvars',
        { 'terraform.tfvars': 'public = true\n', 'terraform.tfvars.json': '{"public": false}' },
        [],
        [],
      ],
      [
        '*.auto.tfvars come after, in lexical order',
        {
          'terraform.tfvars': 'public = false\n',
          'a.auto.tfvars': 'public = false\n',
          'b.auto.tfvars': 'public = true\n',
        },
        [],
        [FINDING],
      ],
      [
        'a named var file comes after the automatic ones',
        { 'terraform.tfvars': 'public = true\n', 'envs/prod.tfvars': 'public = false\n' },
        [{ file: `${ROOT}/envs/prod.tfvars` }],
        [],
      ],
      [
        '--var and var files apply in the order given',
        { 'envs/prod.tfvars': 'public = false\n' },
        [{ name: 'public', value: 'true' }, { file: `${ROOT}/envs/prod.tfvars` }],
        [],
      ],
      [
        '--var after the var file wins',
        { 'envs/prod.tfvars': 'public = false\n' },
        [{ file: `${ROOT}/envs/prod.tfvars` }, { name: 'public', value: 'true' }],
        [FINDING],
      ],
      ['an undeclared variable in a var file is ignored', { 'terraform.tfvars': 'other = true\n' }, [], []],
    ];
    for (const [name, extra, inputs, expected] of table) {
      it(name, async () => {
        const found = await scan({ 'main.tf': RDS('var.public'), ...extra }, ['rds-publicly-accessible'], inputs);
        assert.deepEqual(brief(found), expected);
      });
    }

    it('a variable with no value anywhere is unknown, and silent', async () => {
      const tf = 'variable "public" {}\nresource "aws_db_instance" "db" {\n  publicly_accessible = var.public\n}\n';
      assert.deepEqual(await scan({ 'main.tf': tf }, ['rds-publicly-accessible']), []);
    });

    it('a called module never reads the var files in its own folder', async () => {
      const found = await scan(
        {
          'main.tf': 'module "db" {\n  source = "./db"\n}\n',
          'db/main.tf': RDS('var.public'),
          'db/terraform.tfvars': 'public = true\n',
        },
        ['rds-publicly-accessible'],
      );
      assert.deepEqual(brief(found), []);
    });

    it('a sensitive variable set in a var file stays unknown: never judged, never echoed', async () => {
      const tf = [
        'variable "password" {',
        '  sensitive = true',
        '}',
        'resource "aws_db_instance" "db" {',
        '  password = var.password',
        '}',
      ].join('\n');
      const found = await scan({ 'main.tf': tf, 'terraform.tfvars': 'password = "hunter2hunter2"\n' }, [
        'rds-master-password-hardcoded',
        'secrets-hardcoded',
      ]);
      assert.deepEqual(found, []);
    });

    it('a var file too large to read is an info finding, and its variables stay unknown', async () => {
      const big = `public = true\n${'# padding\n'.repeat(210_000)}`;
      const found = await scan({ 'main.tf': RDS('var.public'), 'terraform.tfvars': big }, ['rds-publicly-accessible']);
      assert.deepEqual(
        found.map((f) => [f.ruleId, f.severity, f.file.slice(ROOT.length + 1)]),
        [['parse-error', 'info', 'terraform.tfvars']],
      );
      assert.match(found[0].message, /larger than 2000000 characters and was not read/);
    });
  });

  describe('count and for_each', () => {
    const instance = (meta: string, ip: string, extra = '') =>
      [
        extra,
        'resource "aws_instance" "w" {',
        `  ${meta}`,
        '  ami                         = "ami-1"',
        `  associate_public_ip_address = ${ip}`,
        '}',
      ].join('\n');

    const table: [string, string, Brief[]][] = [
      [
        'for_each over a map from a variable default: each.value per instance',
        instance(
          'for_each = var.public',
          'each.value',
          'variable "public" {\n  default = { key1 = true, key2 = false }\n}',
        ),
        [['ec2-public-ip', 'aws_instance.w["key1"]', 'main.tf', [6, 32, 42]]],
      ],
      [
        'for_each over a set of strings: each.key',
        instance('for_each = toset(["a", "b"])', 'each.key == "b"'),
        [['ec2-public-ip', 'aws_instance.w["b"]', 'main.tf', [4, 32, 47]]],
      ],
      [
        'count: count.index per instance',
        instance('count = 3', 'count.index > 0'),
        [
          ['ec2-public-ip', 'aws_instance.w[1]', 'main.tf', [4, 32, 47]],
          ['ec2-public-ip', 'aws_instance.w[2]', 'main.tf', [4, 32, 47]],
        ],
      ],
      ['count = 0: nothing is deployed', instance('count = 0', 'true'), []],
      [
        'count from a conditional on a known variable',
        instance('count = var.on ? 1 : 0', 'true', 'variable "on" {\n  default = true\n}'),
        [['ec2-public-ip', 'aws_instance.w[0]', 'main.tf', [6, 32, 36]]],
      ],
      [
        'for_each over an unknown collection: one block, each.value unknown',
        instance('for_each = var.nope', 'each.value'),
        [],
      ],
      ['count unknown: one block, checked as written', instance('count = var.n', 'count.index > 0'), []],
      [
        'count unknown, a literal value still counts once',
        instance('count = var.n', 'true'),
        [['ec2-public-ip', 'aws_instance.w', 'main.tf', [4, 32, 36]]],
      ],
      [
        'for_each over a list (Terraform rejects it) is not expanded',
        instance('for_each = ["a"]', 'each.value == "a"'),
        [['parse-error', '', 'main.tf', [2, 13, 18]]],
      ],
      [
        'for_each over a set built from range',
        instance('for_each = toset([for i in range(3) : "w${i}"])', 'each.key == "w1"'),
        [['ec2-public-ip', 'aws_instance.w["w1"]', 'main.tf', [4, 32, 48]]],
      ],
      [
        'count from the length of a range',
        instance('count = length(range(2, 5))', 'count.index > 1'),
        [['ec2-public-ip', 'aws_instance.w[2]', 'main.tf', [4, 32, 47]]],
      ],
      [
        'for_each over range itself (a list, Terraform rejects it) is not expanded',
        instance('for_each = range(2)', 'each.value == 1'),
        [['parse-error', '', 'main.tf', [2, 13, 21]]],
      ],
    ];
    for (const [name, tf, expected] of table) {
      it(name, async () => {
        const found = await scan({ 'main.tf': tf }, ['ec2-public-ip']);
        assert.deepEqual(brief(found), expected);
        for (const f of found)
          if (f.ruleId !== 'parse-error') assert.ok(f.message.includes(`'${f.resource}'`), f.message);
      });
    }

    it('a security group per service from locals, addressed and checked per instance', async () => {
      const tf = [
        'locals {',
        '  services = {',
        '    ssh = { port = 22, cidr = "0.0.0.0/0" }',
        '    web = { port = 443, cidr = "10.0.0.0/8" }',
        '  }',
        '}',
        'resource "aws_security_group" "svc" {',
        '  for_each = local.services',
        '  ingress {',
        '    from_port   = each.value.port',
        '    to_port     = each.value.port',
        '    protocol    = "tcp"',
        '    cidr_blocks = [each.value.cidr]',
        '  }',
        '}',
      ].join('\n');
      const found = await scan({ 'main.tf': tf }, ['ec2-security-group-admin-ports-open']);
      assert.deepEqual(brief(found), [
        ['ec2-security-group-admin-ports-open', 'aws_security_group.svc["ssh"]', 'main.tf', [12, 19, 34]],
      ]);
      assert.match(found[0].message, /aws_security_group\.svc\["ssh"\]/);
    });

    it('companions joined by instance key: each bucket instance finds its own', async () => {
      const tf = [
        'resource "aws_s3_bucket" "b" {',
        '  for_each = toset(["a", "b"])',
        '  bucket   = "data-${each.key}"',
        '}',
        'resource "aws_s3_bucket_versioning" "v" {',
        '  for_each = toset(["a"])',
        '  bucket   = aws_s3_bucket.b[each.key].id',
        '  versioning_configuration {',
        '    status = "Enabled"',
        '  }',
        '}',
      ].join('\n');
      const found = await scan({ 'main.tf': tf }, ['s3-bucket-versioning']);
      assert.deepEqual(brief(found), [['s3-bucket-versioning', 'aws_s3_bucket.b["b"]', 'main.tf', [0, 9, 24]]]);
    });

    it('a block named with an unknown instance key is not expanded (which instance is unknown)', async () => {
      const tf = [
        'resource "aws_s3_bucket" "b" {',
        '  for_each = toset(["a", "b"])',
        '  bucket   = "data-${each.key}"',
        '}',
        'resource "aws_s3_bucket_versioning" "v" {',
        '  for_each = var.which',
        '  bucket   = aws_s3_bucket.b[each.key].id',
        '  versioning_configuration {',
        '    status = "Enabled"',
        '  }',
        '}',
      ].join('\n');
      assert.deepEqual(brief(await scan({ 'main.tf': tf }, ['s3-bucket-versioning'])), []);
    });

    it('a block another block reads without an instance key is not expanded (the reader names no instance)', async () => {
      const tf = [
        'resource "aws_s3_bucket" "counted" {',
        '  count  = 2',
        '  bucket = "data-${count.index}"',
        '}',
        'resource "aws_s3_bucket_versioning" "v" {',
        '  bucket = aws_s3_bucket.counted.id',
        '  versioning_configuration {',
        '    status = "Enabled"',
        '  }',
        '}',
        'resource "aws_s3_bucket" "looped" {',
        '  for_each = toset(["a", "b"])',
        '  bucket   = each.key',
        '}',
        'resource "aws_s3_bucket_versioning" "w" {',
        '  bucket = "${aws_s3_bucket.looped.id}"',
        '  versioning_configuration {',
        '    status = "Enabled"',
        '  }',
        '}',
        'resource "aws_s3_bucket" "alone" {',
        '  count  = 2',
        '  bucket = "alone-${count.index}"',
        '}',
      ].join('\n');
      const found = await scan({ 'main.tf': tf }, ['s3-bucket-versioning']);
      // The blocks read without a key are checked once, each with its reader; the one nothing reads is expanded.
      assert.deepEqual(brief(found), [
        ['s3-bucket-versioning', 'aws_s3_bucket.alone[0]', 'main.tf', [20, 9, 24]],
        ['s3-bucket-versioning', 'aws_s3_bucket.alone[1]', 'main.tf', [20, 9, 24]],
      ]);
    });

    it('property: expanding a known for_each or count gives the findings of the instances written out', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9]{0,5}$/), { minLength: 1, maxLength: 5 }),
          fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
          fc.boolean(),
          async (keys, flags, useCount) => {
            const map = keys.map((k, i) => `    ${k} = ${flags[i]}`).join('\n');
            const expanded = useCount
              ? `locals {\n  flags = [${keys.map((_, i) => flags[i]).join(', ')}]\n}\nresource "aws_instance" "w" {\n  count = ${keys.length}\n  associate_public_ip_address = local.flags[count.index]\n}\n`
              : `locals {\n  flags = {\n${map}\n  }\n}\nresource "aws_instance" "w" {\n  for_each = local.flags\n  associate_public_ip_address = each.value\n}\n`;
            const byHand = keys
              .map(
                (k, i) =>
                  `resource "aws_instance" "w_${useCount ? i : k}" {\n  associate_public_ip_address = ${flags[i]}\n}\n`,
              )
              .join('');
            const a = await scan({ 'main.tf': expanded }, ['ec2-public-ip']);
            const b = await scan({ 'main.tf': byHand }, ['ec2-public-ip']);
            const name = (resource: string) =>
              resource.replace(/^aws_instance\.w_(.+)$/, (_, k) =>
                useCount ? `aws_instance.w[${k}]` : `aws_instance.w["${k}"]`,
              );
            const norm = (fs: Finding[], rename: (r: string) => string) =>
              fs.map((f) => [f.ruleId, rename(f.resource), f.message.split(f.resource).join('<r>')].join('|')).sort();
            assert.deepEqual(
              norm(a, (r) => r),
              norm(b, name),
            );
          },
        ),
        { numRuns: 25 },
      );
    });
  });

  describe('dynamic blocks', () => {
    const sg = (forEach: string, extra = '') =>
      [
        extra,
        'resource "aws_security_group" "db" {',
        '  dynamic "ingress" {',
        `    for_each = ${forEach}`,
        '    content {',
        '      from_port   = ingress.value',
        '      to_port     = ingress.value',
        '      protocol    = "tcp"',
        '      cidr_blocks = ["0.0.0.0/0"]',
        '    }',
        '  }',
        '}',
      ].join('\n');
    const table: [string, string, Brief[]][] = [
      [
        'over a known list: one block per element, ranges in the content block',
        sg('[22, 5432]'),
        [['ec2-security-group-admin-ports-open', 'aws_security_group.db', 'main.tf', [8, 21, 32]]],
      ],
      [
        'over a variable default',
        sg('var.ports', 'variable "ports" {\n  default = [22]\n}'),
        [['ec2-security-group-admin-ports-open', 'aws_security_group.db', 'main.tf', [10, 21, 32]]],
      ],
      ['over an unknown collection: unknown, silent', sg('var.ports'), []],
      ['over an empty list: no block', sg('[]'), []],
    ];
    for (const [name, tf, expected] of table) {
      it(name, async () => {
        assert.deepEqual(brief(await scan({ 'main.tf': tf }, ['ec2-security-group-admin-ports-open'])), expected);
      });
    }
  });

  describe('related: where a value came from', () => {
    type Related = [file: string, range: [number, number, number], message: string];
    const relatedOf = (findings: Finding[]) =>
      findings
        .filter((f) => f.ruleId !== 'parse-error')
        .map((f): [Brief, Related[] | undefined] => [
          brief([f])[0],
          f.related?.map((r) => [r.file.slice(ROOT.length + 1), at(r.range), r.message]),
        ]);
    const table: [string, Record<string, string>, [Brief, Related[] | undefined][]][] = [
      [
        'a terraform.tfvars line',
        { 'main.tf': RDS('var.public'), 'terraform.tfvars': '# prod\npublic    = true\n' },
        [
          [
            ['rds-publicly-accessible', 'aws_db_instance.db', 'main.tf', [5, 24, 34]],
            [['terraform.tfvars', [1, 0, 16], 'value from terraform.tfvars']],
          ],
        ],
      ],
      [
        'a *.auto.tfvars.json key',
        { 'main.tf': RDS('var.public'), 'prod.auto.tfvars.json': '{\n  "public": true\n}\n' },
        [
          [
            ['rds-publicly-accessible', 'aws_db_instance.db', 'main.tf', [5, 24, 34]],
            [['prod.auto.tfvars.json', [1, 2, 10], 'value from prod.auto.tfvars.json']],
          ],
        ],
      ],
      [
        'a locals entry, and the var file line it reads',
        {
          'main.tf': `locals {\n  exposed = var.public\n}\n${RDS('local.exposed')}`,
          'terraform.tfvars': 'public = true\n',
        },
        [
          [
            ['rds-publicly-accessible', 'aws_db_instance.db', 'main.tf', [8, 24, 37]],
            [
              ['main.tf', [1, 2, 22], 'value from local.exposed'],
              ['terraform.tfvars', [0, 0, 13], 'value from terraform.tfvars'],
            ],
          ],
        ],
      ],
      [
        "the caller's module argument, and the caller's local it passes",
        {
          'main.tf': 'locals {\n  open = true\n}\nmodule "db" {\n  source = "./db"\n  public = local.open\n}\n',
          'db/main.tf': RDS('var.public'),
        },
        [
          [
            ['rds-publicly-accessible', 'module.db.aws_db_instance.db', 'db/main.tf', [5, 24, 34]],
            [
              ['main.tf', [5, 2, 21], 'value from the argument public of module.db'],
              ['main.tf', [1, 2, 13], 'value from local.open'],
            ],
          ],
        ],
      ],
      [
        'each.value from a for_each over a locals entry',
        {
          'main.tf': [
            'locals {',
            '  dbs = { a = true, b = false }',
            '}',
            'resource "aws_db_instance" "db" {',
            '  for_each            = local.dbs',
            '  engine              = "postgres"',
            '  publicly_accessible = each.value',
            '}',
          ].join('\n'),
        },
        [
          [
            ['rds-publicly-accessible', 'aws_db_instance.db["a"]', 'main.tf', [6, 24, 34]],
            [['main.tf', [1, 2, 31], 'value from local.dbs']],
          ],
        ],
      ],
      [
        'a literal: nothing elsewhere; a variable that nothing sets: its default',
        {
          'main.tf': `${RDS('true')}\n${RDS('var.p2')
            .replace('"db"', '"db2"')
            .replace('variable "public"', 'variable "p2"')
            .replace('default = false', 'default = true')}`,
        },
        [
          [['rds-publicly-accessible', 'aws_db_instance.db', 'main.tf', [5, 24, 28]], undefined],
          [
            ['rds-publicly-accessible', 'aws_db_instance.db2', 'main.tf', [12, 24, 30]],
            [['main.tf', [8, 12, 16], 'the default of var.p2']],
          ],
        ],
      ],
    ];
    for (const [name, spec, expected] of table) {
      it(name, async () => {
        assert.deepEqual(relatedOf(await scan(spec, ['rds-publicly-accessible'])), expected);
      });
    }
  });

  describe('what a module reads besides its own files (editor re-analysis)', () => {
    /** A mutable in-memory workspace and one long-lived analyzer, as in the editor. */
    function editor(spec: Record<string, string>) {
      const files = new Map(Object.entries(spec).map(([name, text]) => [`${ROOT}/${name}`, text]));
      const inFolder = (dir: string) =>
        [...files.keys()].filter((f) => f.startsWith(`${dir}/`) && !f.slice(dir.length + 1).includes('/'));
      const analyzer = new Analyzer({
        rules: rules('rds-publicly-accessible'),
        terraform: {
          readFile: async (file) => files.get(file),
          listFiles: async (dir) => inFolder(dir).map((f) => f.slice(dir.length + 1)),
          moduleFiles: async (dir) =>
            inFolder(dir)
              .filter((f) => f.endsWith('.tf'))
              .map((path) => ({ path, text: files.get(path)! })),
        },
      });
      const analyse = async (dir = ROOT) => {
        const sources = inFolder(dir)
          .filter((f) => f.endsWith('.tf'))
          .map((path) => ({ path, text: files.get(path)! }));
        return brief((await analyzer.analyzeTerraformModule(dir, sources)).findings);
      };
      return { files, analyzer, analyse };
    }

    it('terraform.tfvars: the root module is forgotten and analysed again with the new value', async () => {
      const { files, analyzer, analyse } = editor({
        'main.tf': RDS('var.public'),
        'terraform.tfvars': 'public = true\n',
      });
      const publicFinding: Brief[] = [['rds-publicly-accessible', 'aws_db_instance.db', 'main.tf', [5, 24, 34]]];
      assert.deepEqual(await analyse(), publicFinding);
      files.set(`${ROOT}/terraform.tfvars`, 'public = false\n');
      assert.deepEqual(await analyse(), publicFinding, "cached: the key is the module's own files");
      assert.deepEqual(analyzer.forgetTerraformDependents(`${ROOT}/terraform.tfvars`), [ROOT]);
      assert.deepEqual(await analyse(), []);
      // A var file created in the folder (listed before) counts too.
      files.set(`${ROOT}/b.auto.tfvars`, 'public = true\n');
      assert.deepEqual(analyzer.forgetTerraformDependents(`${ROOT}/b.auto.tfvars`), [ROOT]);
      assert.deepEqual(await analyse(), publicFinding);
      // The module's own .tf files are its text, not a dependency; an unrelated file is nobody's.
      assert.deepEqual(analyzer.forgetTerraformDependents(`${ROOT}/main.tf`), []);
      assert.deepEqual(analyzer.forgetTerraformDependents('/elsewhere/terraform.tfvars'), []);
    });

    it('a called module edited: its callers are forgotten and analysed again, through two levels', async () => {
      const { files, analyzer, analyse } = editor({
        'main.tf': 'module "app" {\n  source = "./app"\n}\n',
        'app/main.tf': 'module "db" {\n  source = "../db"\n  public = true\n}\n',
        'db/main.tf': RDS('var.public'),
      });
      const expected: Brief[] = [
        ['rds-publicly-accessible', 'module.app.module.db.aws_db_instance.db', 'db/main.tf', [5, 24, 34]],
      ];
      assert.deepEqual(await analyse(), expected);
      assert.deepEqual(await analyse(`${ROOT}/app`), [
        ['rds-publicly-accessible', 'module.db.aws_db_instance.db', 'db/main.tf', [5, 24, 34]],
      ]);
      files.set(`${ROOT}/db/main.tf`, RDS('false'));
      assert.deepEqual(analyzer.forgetTerraformDependents(`${ROOT}/db/main.tf`).sort(), [ROOT, `${ROOT}/app`]);
      assert.deepEqual(await analyse(), []);
      assert.deepEqual(await analyse(`${ROOT}/app`), []);
    });
  });

  describe('local modules', () => {
    const child = RDS('var.public');
    const table: [string, Record<string, string>, Brief[]][] = [
      [
        "the caller's argument makes it public: reported in the module's file, named by the call",
        { 'main.tf': 'module "db" {\n  source = "./db"\n  public = true\n}\n', 'db/main.tf': child },
        [['rds-publicly-accessible', 'module.db.aws_db_instance.db', 'db/main.tf', [5, 24, 34]]],
      ],
      [
        'the default every caller overrides is never reported',
        {
          'main.tf': 'module "db" {\n  source = "./db"\n  public = false\n}\n',
          'db/main.tf': RDS('var.public').replace('default = false', 'default = true'),
        },
        [],
      ],
      [
        "a caller's unknown argument stays unknown",
        { 'main.tf': 'variable "p" {}\nmodule "db" {\n  source = "./db"\n  public = var.p\n}\n', 'db/main.tf': child },
        [],
      ],
      [
        'the same problem through two calls is one finding that names both',
        {
          'main.tf':
            'module "a" {\n  source = "./db"\n  public = true\n}\nmodule "b" {\n  source = "./db"\n  public = true\n}\n',
          'db/main.tf': child,
        },
        [['rds-publicly-accessible', 'module.a.aws_db_instance.db', 'db/main.tf', [5, 24, 34]]],
      ],
      [
        'count on the call: one instance per index',
        {
          'main.tf': 'module "db" {\n  source = "./db"\n  count  = 2\n  public = count.index == 1\n}\n',
          'db/main.tf': child,
        },
        [['rds-publicly-accessible', 'module.db[1].aws_db_instance.db', 'db/main.tf', [5, 24, 34]]],
      ],
    ];
    for (const [name, spec, expected] of table) {
      it(name, async () => {
        const found = await scan(spec, ['rds-publicly-accessible']);
        assert.deepEqual(brief(found), expected);
        if (name.includes('names both')) assert.match(found[0].detail ?? '', /Also through module\.b\.$/);
      });
    }

    it('a module that calls itself through another is followed once, with an info finding', async () => {
      const found = await scan(
        {
          'a/main.tf': 'module "b" {\n  source = "../b"\n}\n',
          'b/main.tf': 'module "a" {\n  source = "../a"\n}\n',
        },
        ['rds-publicly-accessible'],
      );
      assert.ok(found.length > 0);
      for (const f of found) {
        assert.equal(f.severity, 'info');
        assert.match(f.message, /leads back to a module that called it/);
      }
    });
  });

  describe('registry and git modules that terraform init downloaded (.terraform/modules/modules.json)', () => {
    const child = RDS('var.public');
    const manifest = (...entries: [key: string, source: string, dir: string][]) =>
      JSON.stringify({
        Modules: [{ Key: '', Source: '', Dir: '.' }, ...entries.map(([Key, Source, Dir]) => ({ Key, Source, Dir }))],
      });
    /** Only the root's own `.tf` files are scanned (as the CLI skips `.terraform/`); the rest is read through the host. */
    async function scanRoot(spec: Record<string, string>) {
      const all = new Map(Object.entries(spec).map(([name, text]) => [`${ROOT}/${name}`, text]));
      const host: TerraformEvaluationOptions = {
        readFile: async (file) => all.get(file),
        moduleFiles: async (dir) => {
          const files = [...all]
            .filter(([f]) => f.startsWith(`${dir}/`) && !f.slice(dir.length + 1).includes('/') && f.endsWith('.tf'))
            .map(([f, text]) => ({ path: f, text }));
          return files.length > 0 ? files : undefined;
        },
      };
      const sources = [...all]
        .filter(([file]) => file.endsWith('.tf') && !file.slice(ROOT.length + 1).includes('/'))
        .map(([p, text]) => ({ path: p, text }));
      const analyzer = new Analyzer({ rules: rules('rds-publicly-accessible'), terraform: host });
      return (await analyzer.analyze(sources)).findings;
    }
    const call = (source: string, extra = '  public = true\n') =>
      `module "db" {\n  source  = "${source}"\n  version = "1.0.0"\n${extra}}\n`;
    const table: [string, Record<string, string>, Brief[]][] = [
      [
        "a registry module: analysed with the caller's arguments, reported in its downloaded file",
        {
          'main.tf': call('example/rds/aws'),
          '.terraform/modules/modules.json': manifest([
            'db',
            'registry.terraform.io/example/rds/aws',
            '.terraform/modules/db',
          ]),
          '.terraform/modules/db/main.tf': child,
        },
        [['rds-publicly-accessible', 'module.db.aws_db_instance.db', '.terraform/modules/db/main.tf', [5, 24, 34]]],
      ],
      [
        'a git module, its folder a subfolder of the download (//modules/rds)',
        {
          'main.tf': call('git::https://example.com/infra.git//modules/rds?ref=v1'),
          '.terraform/modules/modules.json': manifest([
            'db',
            'git::https://example.com/infra.git//modules/rds?ref=v1',
            '.terraform/modules/db/modules/rds',
          ]),
          '.terraform/modules/db/modules/rds/main.tf': child,
        },
        [
          [
            'rds-publicly-accessible',
            'module.db.aws_db_instance.db',
            '.terraform/modules/db/modules/rds/main.tf',
            [5, 24, 34],
          ],
        ],
      ],
      [
        'a call inside a downloaded module is found by its dotted key',
        {
          'main.tf': call('example/stack/aws'),
          '.terraform/modules/modules.json': manifest(
            ['db', 'registry.terraform.io/example/stack/aws', '.terraform/modules/db'],
            ['db.inner', 'registry.terraform.io/example/rds/aws', '.terraform/modules/db.inner'],
          ),
          '.terraform/modules/db/main.tf':
            'variable "public" {}\nmodule "inner" {\n  source = "example/rds/aws"\n  public = var.public\n}\n',
          '.terraform/modules/db.inner/main.tf': child,
        },
        [
          [
            'rds-publicly-accessible',
            'module.db.module.inner.aws_db_instance.db',
            '.terraform/modules/db.inner/main.tf',
            [5, 24, 34],
          ],
        ],
      ],
      [
        'the caller overrides the insecure default: silent',
        {
          'main.tf': call('example/rds/aws', '  public = false\n'),
          '.terraform/modules/modules.json': manifest(['db', 'example/rds/aws', '.terraform/modules/db']),
          '.terraform/modules/db/main.tf': RDS('var.public').replace('default = false', 'default = true'),
        },
        [],
      ],
      [
        'not downloaded (no manifest): opaque, as before',
        { 'main.tf': call('example/rds/aws'), '.terraform/modules/db/main.tf': child },
        [],
      ],
      [
        'a manifest that is not JSON: opaque',
        {
          'main.tf': call('example/rds/aws'),
          '.terraform/modules/modules.json': '{"Modules": [',
          '.terraform/modules/db/main.tf': child,
        },
        [],
      ],
      [
        "a manifest folder that climbs out of the root module's folder is not followed",
        {
          'main.tf': call('example/rds/aws'),
          '.terraform/modules/modules.json': manifest(['db', 'example/rds/aws', '../elsewhere']),
          '../elsewhere/main.tf': child,
        },
        [],
      ],
      [
        'a call the manifest does not record (added after terraform init): opaque',
        {
          'main.tf': call('example/rds/aws'),
          '.terraform/modules/modules.json': manifest(['other', 'example/rds/aws', '.terraform/modules/db']),
          '.terraform/modules/db/main.tf': child,
        },
        [],
      ],
    ];
    for (const [name, spec, expected] of table) {
      it(name, async () => assert.deepEqual(brief(await scanRoot(spec)), expected));
    }

    it("the manifest's folders: inside the root module's folder only", () => {
      const read = parseModuleManifest(
        '/ws/env',
        manifest(
          ['a', 's', '.terraform/modules/a'],
          ['b', 's', '../shared/b'],
          ['c', 's', '/etc'],
          ['d', 's', 'C:\\modules\\d'],
          ['e', 's', '.terraform/modules/../../../x'],
          ['a.f', 's', './.terraform/modules/a.f/'],
        ),
      );
      const dirs = ['a', 'b', 'c', 'd', 'e', 'a.f', 'missing'].map((key) => read.dirOf(key.split('.')));
      assert.deepEqual(dirs, [
        '/ws/env/.terraform/modules/a',
        undefined,
        undefined,
        undefined,
        undefined,
        '/ws/env/.terraform/modules/a.f',
        undefined,
      ]);
      for (const text of ['', 'null', '[]', '{"Modules": {}}', '{"Modules": [1, null, {"Key": 1, "Dir": "x"}]}'])
        assert.equal(parseModuleManifest('/ws', text).dirOf(['x']), undefined, text);
    });
  });

  describe('limits', () => {
    it('count beyond the bound is not expanded: one info finding, the block checked once', async () => {
      const tf = 'resource "aws_instance" "w" {\n  count = 1000000\n  associate_public_ip_address = true\n}\n';
      const found = await scan({ 'main.tf': tf }, ['ec2-public-ip']);
      assert.deepEqual(
        found.map((f) => [f.ruleId, f.severity, f.resource, at(f.range)]),
        [
          ['parse-error', 'info', '', [1, 10, 17]],
          ['ec2-public-ip', 'warning', 'aws_instance.w', [2, 32, 36]],
        ],
      );
      assert.match(
        found.find((f) => f.ruleId === 'parse-error')!.message,
        /count gives 1000000 instances, more than the 1000 expanded/,
      );
    });

    const RANGE_TOO_LARGE =
      'range(1000000) gives 1000000 numbers, more than the 1024 Terraform allows (terraform plan stops with an error there)';
    const rangeTable: [string, string, [string, string, string, [number, number, number]][], string][] = [
      [
        'for_each = range(1000000)',
        'for_each = range(1000000)',
        [
          ['parse-error', 'info', '', [1, 13, 27]],
          ['ec2-public-ip', 'warning', 'aws_instance.w', [2, 32, 36]],
        ],
        `for_each is not expanded: ${RANGE_TOO_LARGE}; this block is checked once, with its each.key and each.value unknown.`,
      ],
      [
        'for_each over a set of a million names',
        'for_each = toset([for i in range(1000000) : tostring(i)])',
        [
          ['parse-error', 'info', '', [1, 13, 59]],
          ['ec2-public-ip', 'warning', 'aws_instance.w', [2, 32, 36]],
        ],
        `for_each is not expanded: ${RANGE_TOO_LARGE}; this block is checked once, with its each.key and each.value unknown.`,
      ],
      [
        'count = length(range(1000000))',
        'count = length(range(1000000))',
        [
          ['parse-error', 'info', '', [1, 10, 32]],
          ['ec2-public-ip', 'warning', 'aws_instance.w', [2, 32, 36]],
        ],
        `count is not expanded: ${RANGE_TOO_LARGE}; this block is checked once, with its count.index unknown.`,
      ],
      [
        "range within Terraform's limit, over the 1,000 instances expanded",
        'for_each = toset([for i in range(1001) : tostring(i)])',
        [
          ['parse-error', 'info', '', [1, 13, 56]],
          ['ec2-public-ip', 'warning', 'aws_instance.w', [2, 32, 36]],
        ],
        'for_each gives 1001 instances, more than the 1000 expanded: this block is checked once, with its each.key and each.value unknown.',
      ],
    ];
    for (const [name, meta, expected, message] of rangeTable) {
      it(`${name}: an info finding says what was not expanded, the block is checked once, quickly`, async () => {
        const tf = `resource "aws_instance" "w" {\n  ${meta}\n  associate_public_ip_address = true\n}\n`;
        const started = Date.now();
        const found = await scan({ 'main.tf': tf }, ['ec2-public-ip']);
        assert.ok(Date.now() - started < 3000, `took ${Date.now() - started} ms`);
        assert.deepEqual(
          found.map((f) => [f.ruleId, f.severity, f.resource, at(f.range)]),
          expected,
        );
        assert.equal(explained(found[0]), message);
      });
    }

    it('for_each over a list: the info finding says Terraform takes a map or a set of strings', async () => {
      const tf = 'resource "aws_instance" "w" {\n  for_each = ["a", "b"]\n  associate_public_ip_address = true\n}\n';
      const found = await scan({ 'main.tf': tf }, ['ec2-public-ip']);
      assert.deepEqual(brief(found), [
        ['parse-error', '', 'main.tf', [1, 13, 23]],
        ['ec2-public-ip', 'aws_instance.w', 'main.tf', [2, 32, 36]],
      ]);
      assert.equal(
        explained(found[0]),
        'for_each is not expanded: Terraform takes a map or a set of strings here, and this is a list of 2 that it rejects (toset() of strings makes the set); this block is checked once, with its each.key and each.value unknown.',
      );
    });

    it('a dynamic block over range(1000000) is left unknown, with an info finding', async () => {
      const tf = [
        'resource "aws_security_group" "db" {',
        '  dynamic "ingress" {',
        '    for_each = range(1000000)',
        '    content {',
        '      from_port   = 22',
        '      to_port     = 22',
        '      protocol    = "tcp"',
        '      cidr_blocks = ["0.0.0.0/0"]',
        '    }',
        '  }',
        '}',
      ].join('\n');
      const found = await scan({ 'main.tf': tf }, ['ec2-security-group-admin-ports-open']);
      assert.deepEqual(brief(found), [['parse-error', '', 'main.tf', [2, 15, 29]]]);
      assert.equal(explained(found[0]), `This dynamic block is not expanded: ${RANGE_TOO_LARGE}; it is left unknown.`);
    });

    it('a for expression over a huge collection stays unknown, quickly', async () => {
      const tf = [
        'locals {',
        '  big = [for i in split(",", join(",", [for x in split(",", "a,b,c,d,e,f,g,h,i,j") : x])) : i]',
        '}',
        'resource "aws_instance" "w" {',
        '  for_each = toset(local.big)',
        '  associate_public_ip_address = each.key == "a"',
        '}',
      ].join('\n');
      const found = await scan({ 'main.tf': tf }, ['ec2-public-ip']);
      assert.deepEqual(brief(found), [['ec2-public-ip', 'aws_instance.w["a"]', 'main.tf', [5, 32, 47]]]);
    });
  });

  describe('provider default_tags', () => {
    it('tags from a local in default_tags count for the tagging rule', async () => {
      const tf = [
        'locals {',
        '  tags = { Owner = "ops" }',
        '}',
        'provider "aws" {',
        '  default_tags {',
        '    tags = local.tags',
        '  }',
        '}',
        'resource "aws_sqs_queue" "q" {}',
      ].join('\n');
      const { sources, host } = workspace({ 'main.tf': tf });
      const analyzer = new Analyzer({
        rules: rules('tagging-required-tags'),
        terraform: host,
        config: { ...(await import('../../../src/engine/config')).DEFAULT_CONFIG, requiredTags: ['Owner'] },
      });
      assert.deepEqual((await analyzer.analyze(sources)).findings, []);
    });
  });
});

describe('srlens scan --var-file / --var', function () {
  this.timeout(60_000);
  const cli = path.join(process.cwd(), 'dist', 'cli.js');
  let work: string;
  const run = (...args: string[]) => {
    const result = spawnSync(process.execPath, [cli, 'scan', '.', '--format', 'json', ...args], {
      cwd: work,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    const findings = result.stdout ? (JSON.parse(result.stdout).findings as Finding[]) : [];
    return { code: result.status, stderr: result.stderr, stdout: result.stdout, findings };
  };

  before(() => {
    work = mkdtempSync(path.join(tmpdir(), 'srlens-tfvars-'));
    const main = [RDS('var.public'), 'variable "password" {', '  sensitive = true', '}'].join('\n');
    writeFileSync(
      path.join(work, 'main.tf'),
      main.replace('  engine', '  password            = var.password\n  engine'),
    );
    writeFileSync(path.join(work, 'terraform.tfvars'), 'public = true\npassword = "hunter2hunter2"\n');
    mkdirSync(path.join(work, 'envs'));
    writeFileSync(path.join(work, 'envs', 'prod.tfvars'), 'public = false\n');
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  const publicFindings = (findings: Finding[]) =>
    findings.filter((f) => f.ruleId === 'rds-publicly-accessible').map((f) => [f.resource, at(f.range)]);

  const table: [string, string[], unknown[]][] = [
    ['terraform.tfvars is read by itself', [], [['aws_db_instance.db', [6, 24, 34]]]],
    ['a var file after it wins', ['--var-file', 'envs/prod.tfvars'], []],
    [
      '--var after the var file wins',
      ['--var-file', 'envs/prod.tfvars', '--var', 'public=true'],
      [['aws_db_instance.db', [6, 24, 34]]],
    ],
    ['--var before the var file loses', ['--var', 'public=true', '--var-file', 'envs/prod.tfvars'], []],
  ];
  for (const [name, args, expected] of table) {
    it(name, () => {
      const result = run(...args);
      assert.equal(result.stderr, '');
      assert.deepEqual(publicFindings(result.findings), expected);
      assert.ok(!result.stdout.includes('hunter2'), 'a sensitive value is never echoed');
    });
  }

  it('a registry module that terraform init downloaded is read from .terraform/modules, which the walk skips', () => {
    // A folder of its own, so that the other tests' `scan .` does not see this module.
    const scratch = mkdtempSync(path.join(tmpdir(), 'srlens-registry-'));
    try {
      const root = path.join(scratch, 'registry');
      const downloaded = path.join(root, '.terraform', 'modules', 'db');
      mkdirSync(downloaded, { recursive: true });
      writeFileSync(
        path.join(root, 'main.tf'),
        'module "db" {\n  source  = "example/rds/aws"\n  version = "1.0.0"\n  public  = true\n}\n',
      );
      writeFileSync(path.join(downloaded, 'main.tf'), RDS('var.public'));
      const found = () =>
        publicFindings(
          JSON.parse(
            spawnSync(process.execPath, [cli, 'scan', 'registry', '--format', 'json'], {
              cwd: scratch,
              encoding: 'utf8',
            }).stdout,
          ).findings as Finding[],
        );
      assert.deepEqual(found(), [], 'without the manifest the call stays opaque');
      writeFileSync(
        path.join(root, '.terraform', 'modules', 'modules.json'),
        JSON.stringify({
          Modules: [{ Key: 'db', Source: 'registry.terraform.io/example/rds/aws', Dir: '.terraform/modules/db' }],
        }),
      );
      assert.deepEqual(found(), [['module.db.aws_db_instance.db', [5, 24, 34]]]);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it("JSON: the finding carries where the value came from, the file named as the finding's is", () => {
    const [finding] = run().findings.filter((f) => f.ruleId === 'rds-publicly-accessible');
    assert.equal(finding.file, 'main.tf');
    assert.deepEqual(finding.related, [
      {
        file: 'terraform.tfvars',
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 13 } },
        message: 'value from terraform.tfvars',
      },
    ]);
    // From a --var there is no file to point at.
    const [fromVar] = run('--var-file', 'envs/prod.tfvars', '--var', 'public=true').findings.filter(
      (f) => f.ruleId === 'rds-publicly-accessible',
    );
    assert.equal(fromVar.related, undefined);
    const [fromFile] = run(
      '--var',
      'public=false',
      '--var-file',
      'envs/prod.tfvars',
      '--var-file',
      'terraform.tfvars',
    ).findings.filter((f) => f.ruleId === 'rds-publicly-accessible');
    assert.deepEqual(
      fromFile.related?.map((r) => [r.file, r.message]),
      [['terraform.tfvars', 'value from terraform.tfvars']],
    );
  });

  it('SARIF: relatedLocations, valid against the 2.1.0 schema', () => {
    const result = run('--format', 'sarif');
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const log: any = JSON.parse(result.stdout);
    const ajv = new Ajv({ strict: false, unicodeRegExp: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'));
    assert.ok(validate(log) as boolean, JSON.stringify(validate.errors, null, 2));
    const found = log.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'rds-publicly-accessible');
    assert.deepEqual(found.relatedLocations, [
      {
        id: 0,
        physicalLocation: {
          artifactLocation: { uri: 'terraform.tfvars', uriBaseId: '%SRCROOT%' },
          region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 14 },
        },
        message: { text: 'value from terraform.tfvars' },
      },
    ]);
    const others = log.runs[0].results.filter((r: { ruleId: string }) => r.ruleId !== 'rds-publicly-accessible');
    assert.ok(others.length > 0 && others.every((r: { relatedLocations?: unknown }) => !r.relatedLocations));
  });

  it('a missing var file or a malformed --var is a usage error', () => {
    assert.deepEqual(
      [run('--var-file', 'nope.tfvars').code, run('--var-file', 'nope.tfvars').stderr.trim()],
      [2, "srlens: cannot read var file 'nope.tfvars'"],
    );
    assert.equal(run('--var', 'public').code, 2);
  });
});

/**
 * A variable whose value comes from a var file, `--var` or a module call is not at its default:
 * messages say where the value comes from, a value given on the command line is in no file (not
 * hard-coded), and no fix edits a default that is not in force (or a declaration without one).
 */
describe('Terraform evaluation: where a value comes from', function () {
  this.timeout(60_000);

  const SG = (cidr: string) =>
    [
      'variable "cidr" {',
      `  default = "${cidr}"`,
      '}',
      'resource "aws_security_group_rule" "ssh" {',
      '  type              = "ingress"',
      '  from_port         = 22',
      '  to_port           = 22',
      '  protocol          = "tcp"',
      '  cidr_blocks       = [var.cidr]',
      '  security_group_id = "sg-1"',
      '}',
      '',
    ].join('\n');
  const DB = [
    'variable "pw" {}',
    'resource "aws_db_instance" "db" {',
    '  engine   = "mysql"',
    '  password = var.pw',
    '}',
    'resource "aws_docdb_cluster" "docs" {',
    '  master_password = var.pw',
    '}',
    '',
  ].join('\n');
  const PASSWORD = 'Tr0ub4dor&3xyzzy';

  const table: [string, Record<string, string>, TerraformInput[], string | undefined][] = [
    ['the default', { 'main.tf': SG('0.0.0.0/0') }, [], '0.0.0.0/0, the default of var.cidr'],
    [
      'terraform.tfvars',
      { 'main.tf': SG('10.0.0.0/8'), 'terraform.tfvars': 'cidr = "0.0.0.0/0"\n' },
      [],
      '0.0.0.0/0, var.cidr, set in terraform.tfvars',
    ],
    [
      'a named var file',
      { 'main.tf': SG('10.0.0.0/8'), 'envs/prod.tfvars': 'cidr = "0.0.0.0/0"\n' },
      [{ file: `${ROOT}/envs/prod.tfvars` }],
      '0.0.0.0/0, var.cidr, set in prod.tfvars',
    ],
    [
      '--var',
      { 'main.tf': SG('10.0.0.0/8') },
      [{ name: 'cidr', value: '0.0.0.0/0' }],
      '0.0.0.0/0, var.cidr, set with --var cidr',
    ],
    [
      "a module call's argument",
      { 'main.tf': 'module "net" {\n  source = "./net"\n  cidr   = "0.0.0.0/0"\n}\n', 'net/main.tf': SG('10.0.0.0/8') },
      [],
      '0.0.0.0/0, var.cidr, passed by module.net',
    ],
    [
      'a var file that keeps the address private',
      { 'main.tf': SG('0.0.0.0/0'), 'terraform.tfvars': 'cidr = "10.0.0.0/8"\n' },
      [],
      undefined,
    ],
  ];
  for (const [name, spec, inputs, source] of table) {
    it(`a CIDR from ${name}`, async () => {
      const found = await scan(spec, ['ec2-security-group-admin-ports-open'], inputs);
      if (source === undefined) return assert.deepEqual(found, []);
      assert.equal(found.length, 1);
      assert.ok(found[0].detail?.includes(`The source is anywhere (${source}).`), found[0].detail);
    });
  }

  const passwords: [string, Record<string, string>, TerraformInput[], [string, string][]][] = [
    [
      'terraform.tfvars',
      { 'terraform.tfvars': `pw = "${PASSWORD}"\n` },
      [],
      [
        ['rds-master-password-hardcoded', "It is written in terraform.tfvars as the value of variable 'pw'"],
        ['secrets-hardcoded', '(var.pw, set in terraform.tfvars)'],
      ],
    ],
    ['--var: in no file, so not hard-coded', {}, [{ name: 'pw', value: PASSWORD }], []],
  ];
  for (const [name, extra, inputs, expected] of passwords) {
    it(`a password from ${name}`, async () => {
      const found = await scan(
        { 'main.tf': DB, ...extra },
        ['rds-master-password-hardcoded', 'secrets-hardcoded'],
        inputs,
      );
      assert.deepEqual(
        found.map((f) => f.ruleId),
        expected.map(([rule]) => rule),
      );
      for (const [i, [, text]] of expected.entries()) {
        const said = `${found[i].message} ${found[i].detail}`;
        assert.ok(said.includes(text), said);
        assert.ok(!said.includes(PASSWORD), 'the password is never echoed');
      }
    });
  }

  it("a password passed by a module call: the caller's value, through the variable", async () => {
    const found = await scan(
      {
        'main.tf': `module "db" {\n  source = "./db"\n  pw     = "${PASSWORD}"\n}\n`,
        'db/main.tf': DB.split('\n').slice(0, 5).join('\n'),
      },
      ['rds-master-password-hardcoded'],
    );
    assert.equal(found.length, 1);
    assert.ok(
      found[0].detail?.startsWith("It is written in the configuration and passed by module.db as variable 'pw'"),
      found[0].detail,
    );
  });

  const PUBLIC = (declaration: string) =>
    [
      declaration,
      'resource "aws_db_instance" "db" {',
      '  engine              = "postgres"',
      '  publicly_accessible = var.public',
      '}',
      '',
    ].join('\n');
  const fixes: [string, string, Record<string, string>, string, string][] = [
    [
      'the default in force is edited, and the variable kept',
      'variable "public" {\n  default = true\n}',
      {},
      'Set the default of var.public in main.tf to false',
      'variable "public" {\n  default = false\n}',
    ],
    [
      'a default a var file overrides is not edited: the resource is',
      'variable "public" {\n  default = false\n}',
      { 'terraform.tfvars': 'public = true\n' },
      'Set publicly_accessible to false',
      '  publicly_accessible = false',
    ],
    [
      'a variable without a default, set in a var file: the resource is edited, never the declaration',
      'variable "public" {\n  type = bool\n}',
      { 'terraform.tfvars': 'public = true\n' },
      'Set publicly_accessible to false',
      '  publicly_accessible = false',
    ],
  ];
  for (const [name, declaration, extra, title, written] of fixes) {
    it(`fix: ${name}`, async () => {
      const spec = { 'main.tf': PUBLIC(declaration), ...extra };
      const { sources, host } = workspace(spec);
      const analyzer = new Analyzer({ rules: rules('rds-publicly-accessible'), terraform: host });
      const [finding] = (await analyzer.analyze(sources)).findings;
      assert.ok(finding, 'the finding');
      const fix = analyzer.fixFor(finding);
      assert.equal(fix?.title, title);
      const text = spec['main.tf'];
      const lines = new LineIndex(text);
      let fixed = text;
      for (const edit of [...(fix?.edits ?? [])].sort(
        (a, b) => lines.offset(b.range.start) - lines.offset(a.range.start),
      ))
        fixed =
          fixed.slice(0, lines.offset(edit.range.start)) + edit.newText + fixed.slice(lines.offset(edit.range.end));
      assert.ok(fixed.includes(written), fixed);
      assert.ok(fixed.startsWith('variable "public" {'), 'the declaration keeps its name');
    });
  }
});
