/**
 * Hostile and broken input, each with its explicit expectation: alias bombs are reported and not
 * expanded; 10,000-level nesting is bounded and reported; a 50 MB file is skipped with one info
 * finding and never read; binary files, NUL bytes and invalid UTF-8 never break a scan; BOM, CRLF
 * and tabs keep exact ranges; 1 MB lines stay within a time bound; multi-document YAML, JSON
 * duplicate keys and HCL heredocs, unicode identifiers and unterminated blocks and strings give
 * defined results; symlink loops, unreadable files and files deleted mid-scan are reported and
 * the scan goes on.
 */
import '../../hardening/fake-vscode'; // before src/vscode/: answers require('vscode')
import { strict as assert } from 'node:assert';
import fs, { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Analyzer, type SourceFile } from '../../../src/engine/analyzer';
import type { Finding } from '../../../src/engine/finding';
import { FILE_TOO_LARGE_RULE_ID } from '../../../src/engine/limits';
import { collectFiles, readSource } from '../../../src/cli/files';
import { loadTerraformLanguage } from '../../../src/iac/terraform';
import { tooLargeMessage } from '../../../src/vscode/diagnostics';
import { assertWellFormed, runCliInProcess, withinBound } from '../../hardening/support';

/** Bound for one analysis of one hostile input on a slow, shared machine (measured figures: docs/reliability.md). */
const BOUND_MS = 10_000;

/** The time each labelled hostile input took, printed at the end (the figures in docs/reliability.md). */
const timings: [string, number, number][] = [];

async function analyse(files: SourceFile[] | SourceFile, label = 'input', bound = BOUND_MS): Promise<Finding[]> {
  const list = Array.isArray(files) ? files : [files];
  const analyzer = new Analyzer();
  const started = performance.now();
  const analysis = await withinBound(bound, label, () => analyzer.analyze(list));
  if (label !== 'input')
    timings.push([label, list.reduce((n, f) => n + f.text.length, 0), performance.now() - started]);
  assertWellFormed(analyzer, analysis, list, label);
  return analysis.findings;
}

const at = (f: Finding) => `${f.ruleId}@${f.range.start.line + 1}:${f.range.start.character + 1}`;
const parseErrors = (findings: Finding[]) => findings.filter((f) => f.ruleId === 'parse-error');

const cli = (args: string[], cwd: string) => runCliInProcess(args, cwd);

/** Replaces one function of the `fs` module for the duration of `work` (the CLI reads through it). */
async function patched<K extends 'readFileSync' | 'lstatSync'>(
  name: K,
  replacement: (original: (typeof fs)[K]) => (typeof fs)[K],
  work: () => Promise<void>,
): Promise<void> {
  const original = fs[name];
  (fs as unknown as Record<string, unknown>)[name] = replacement(original);
  try {
    await work();
  } finally {
    (fs as unknown as Record<string, unknown>)[name] = original;
  }
}

const BUCKET_YAML =
  'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Data:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      StorageEncrypted: false\n';

/** All a finding says: its headline and the detail behind it. */
function said(f: Finding): string {
  return `${f.message} ${f.detail ?? ''}`;
}

describe('hostile input', function () {
  this.timeout(120_000);
  let work: string;

  before(async () => {
    await loadTerraformLanguage();
    work = mkdtempSync(path.join(tmpdir(), 'srlens-hostile-'));
  });
  after(() => {
    rmSync(work, { recursive: true, force: true });
    const rows = timings.map(
      ([label, size, ms]) =>
        `${label} (${size >= 1e6 ? `${(size / 1048576).toFixed(1)} MiB` : `${Math.round(size / 1024)} KiB`}) ${Math.round(ms)} ms`,
    );
    console.log(`      hostile input: ${rows.join('; ')}`);
  });

  describe('YAML alias bombs ("billion laughs")', () => {
    function bomb(levels: number): string {
      const lines = ['l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
      for (let i = 1; i < levels; i++)
        lines.push(
          `l${i}: &l${i} [${Array(9)
            .fill(`*l${i - 1}`)
            .join(',')}]`,
        );
      return `Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n    Metadata:\n${lines.map((l) => `      ${l}`).join('\n')}\n`;
    }

    for (const levels of [9, 30]) {
      it(`is reported once and never expanded (${levels} levels, 9^${levels} values if expanded)`, async () => {
        const text = bomb(levels);
        const findings = await analyse({ path: '/h/bomb.yaml', text }, `alias bomb, ${levels} levels`);
        const reports = findings.filter((f) => /alias bomb/.test(said(f)));
        assert.deepEqual(reports.map(at), ['parse-error@6:16'], 'one report, at the first alias');
        assert.equal(reports[0].severity, 'warning');
        // The resource itself is still analysed.
        assert.ok(findings.some((f) => f.ruleId === 'sns-topic-encryption' && f.resource === 'Topic'));
      });
    }

    it('stays silent for ordinary anchors and aliases, and survives an alias to its own ancestor', async () => {
      const tags =
        'Resources:\n  A:\n    Type: AWS::SQS::Queue\n    Properties:\n      Tags: &tags\n        - {Key: owner, Value: data}\n        - {Key: env, Value: prod}\n' +
        Array.from(
          { length: 20 },
          (_, i) => `  Q${i}:\n    Type: AWS::SQS::Queue\n    Properties:\n      Tags: *tags\n`,
        ).join('');
      assert.deepEqual(parseErrors(await analyse({ path: '/h/anchors.yaml', text: tags })).map(at), []);
      const cyclic = 'Resources:\n  A:\n    Type: AWS::SQS::Queue\n    Metadata: &m {self: *m, again: [*m, *m]}\n';
      await analyse({ path: '/h/cyclic.yaml', text: cyclic }, 'cyclic alias');
    });
  });

  describe('10,000 levels of nesting', () => {
    const N = 10_000;
    const cases: [string, string, RegExp][] = [
      [
        'YAML flow sequences',
        `Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      X: ${'['.repeat(N)}${']'.repeat(N)}\n`,
        /nested too deeply/,
      ],
      [
        'YAML flow mappings',
        `Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      X: ${'{a: '.repeat(N)}1${'}'.repeat(N)}\n`,
        /nested too deeply/,
      ],
      [
        'YAML block mappings',
        `Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n${Array.from({ length: N }, (_, i) => `${' '.repeat(i + 6)}k${i}:\n`).join('')}`,
        /nested too deeply/,
      ],
      [
        'YAML block sequences',
        `Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      X:\n        ${'- '.repeat(N)}x\n`,
        /nested too deeply/,
      ],
    ];
    for (const [name, text, expected] of cases) {
      it(`${name}: bounded, reported, and the resource is still analysed`, async () => {
        const findings = await analyse({ path: '/h/deep.yaml', text }, `10,000 levels of ${name}`);
        assert.ok(
          parseErrors(findings).some((f) => expected.test(said(f))),
          parseErrors(findings)
            .map((f) => f.message)
            .join('\n') || 'no parse finding',
        );
        assert.ok(
          findings.some((f) => f.resource === 'Q' && f.ruleId !== 'parse-error'),
          'the queue is still checked',
        );
      });
    }

    for (const [name, text] of [
      [
        'JSON arrays',
        `{"Resources": {"Q": {"Type": "AWS::SQS::Queue", "Properties": {"X": ${'['.repeat(N)}${']'.repeat(N)}, "SqsManagedSseEnabled": false}}}}`,
      ],
      [
        'JSON objects',
        `{"Resources": {"Q": {"Type": "AWS::SQS::Queue", "Properties": {"X": ${'{"a":'.repeat(N)}1${'}'.repeat(N)}, "SqsManagedSseEnabled": false}}}}`,
      ],
    ]) {
      it(`${name}: bounded, one warning at the deep value, and the rest of the template is analysed`, async () => {
        const findings = await analyse({ path: '/h/deep.json', text }, `10,000 levels of ${name}`);
        assert.deepEqual(
          parseErrors(findings).map((f) => [f.severity, f.message]),
          [
            [
              'warning',
              'You · Configuration and policies: This value is nested more than 512 levels deep; its inner part is not analysed',
            ],
          ],
        );
        assert.ok(
          findings.some((f) => f.resource === 'Q' && f.ruleId === 'sqs-queue-encryption'),
          'what follows the deep value is still checked',
        );
      });
    }

    it('600 levels (deeper than the model keeps, within what the parsers read) are reported too, in YAML and JSON', async () => {
      const yaml = await analyse({
        path: '/h/600.yaml',
        text: `Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      X: ${'['.repeat(600)}${']'.repeat(600)}\n`,
      });
      const json = await analyse({
        path: '/h/600.json',
        text: `{"Resources": {"Q": {"Type": "AWS::SQS::Queue", "Properties": {"X": ${'['.repeat(600)}${']'.repeat(600)}}}}}`,
      });
      for (const findings of [yaml, json]) {
        assert.deepEqual(
          parseErrors(findings).map((f) => f.message),
          [
            'You · Configuration and policies: This value is nested more than 512 levels deep; its inner part is not analysed',
          ],
        );
      }
      assert.deepEqual(parseErrors(yaml).map(at), ['parse-error@5:519']);
      assert.deepEqual(parseErrors(json).map(at), ['parse-error@1:578']);
    });

    it('HCL expressions and blocks: bounded, one diagnostic each, and the resource is still analysed', async () => {
      const expression = `resource "aws_sqs_queue" "q" {\n  deep = ${'['.repeat(N)}${']'.repeat(N)}\n}\n`;
      const blocks = `resource "aws_sqs_queue" "q" {\n${Array.from({ length: N }, (_, i) => `b${i} {\n`).join('')}${'}\n'.repeat(N)}}\n`;
      for (const [dir, text] of [
        ['expr', expression],
        ['blocks', blocks],
      ]) {
        const findings = await analyse({ path: `/h/${dir}/main.tf`, text }, `HCL nested ${dir}`);
        assert.equal(
          parseErrors(findings).length,
          1,
          parseErrors(findings)
            .map((f) => f.message)
            .join('\n'),
        );
        assert.match(said(parseErrors(findings)[0]), /nested more than \d+ levels/);
        assert.ok(findings.some((f) => f.resource === 'aws_sqs_queue.q' && f.ruleId !== 'parse-error'));
      }
    });
  });

  describe('file size', () => {
    it('skips a 50 MB file with one info finding, without reading it', async () => {
      const dir = path.join(work, 'large');
      mkdirSync(dir);
      const big = path.join(dir, 'huge.yaml');
      writeFileSync(big, BUCKET_YAML);
      truncateSync(big, 50 * 1024 * 1024); // sparse: 50 MB on paper, instant to make
      writeFileSync(path.join(dir, 'small.yaml'), BUCKET_YAML);
      const reads: string[] = [];
      await patched(
        'readFileSync',
        (original) =>
          ((file: fs.PathOrFileDescriptor, ...rest: unknown[]) => {
            reads.push(String(file));
            return (original as (...args: unknown[]) => unknown)(file, ...rest);
          }) as typeof fs.readFileSync,
        async () => {
          const started = performance.now();
          const result = await cli(['scan', '.', '--format', 'json', '--fail-on', 'none'], dir);
          timings.push(['CLI scan of a folder with a 50 MB file', 50 * 1024 * 1024, performance.now() - started]);
          assert.equal(result.code, 0, result.stderr);
          const findings = JSON.parse(result.stdout).findings as Finding[];
          const skipped = findings.filter((f) => f.ruleId === FILE_TOO_LARGE_RULE_ID);
          assert.deepEqual(
            skipped.map((f) => [f.file, f.severity, f.message]),
            [
              [
                'huge.yaml',
                'info',
                'You · Configuration and policies: Skipped: 50.0 MB is over the 5.0 MB limit for one file',
              ],
            ],
          );
          assert.ok(
            findings.some((f) => f.file === 'small.yaml' && f.ruleId === 'rds-storage-encryption'),
            'the other file is analysed',
          );
          assert.ok(!findings.some((f) => f.file === 'huge.yaml' && f.ruleId !== FILE_TOO_LARGE_RULE_ID));
        },
      );
      assert.deepEqual(
        reads.filter((r) => r === big),
        [],
        'the large file was read',
      );
    });

    it('in the editor, decides from the size alone, with the limit of srlens.maxFileSize (default 5 MiB)', () => {
      const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
      const setting = pkg.contributes.configuration.find(
        (s: { properties: Record<string, unknown> }) => s.properties['srlens.maxFileSize'],
      ).properties['srlens.maxFileSize'];
      assert.equal(setting.default, 5 * 1024 * 1024);
      assert.equal(
        tooLargeMessage('', setting.default, 50 * 1024 * 1024),
        'Skipped: 50.0 MiB is over the 5.0 MiB limit for one file (setting srlens.maxFileSize).',
      );
      assert.equal(tooLargeMessage(BUCKET_YAML, setting.default), undefined);
      assert.match(
        tooLargeMessage('é'.repeat(600), 1000) ?? '',
        /1\.2 KiB is over the 1000 bytes limit/,
        'counted in UTF-8 bytes',
      );
    });

    it('takes its limit from --max-file-size', async () => {
      const dir = path.join(work, 'limit');
      mkdirSync(dir);
      writeFileSync(path.join(dir, 'stack.yaml'), BUCKET_YAML);
      const small = await cli(['scan', '.', '--format', 'json', '--fail-on', 'none', '--max-file-size', '100'], dir);
      assert.deepEqual(
        JSON.parse(small.stdout).findings.map((f: Finding) => f.ruleId),
        [FILE_TOO_LARGE_RULE_ID],
      );
      const large = await cli(
        ['scan', '.', '--format', 'json', '--fail-on', 'none', '--max-file-size', String(BUCKET_YAML.length)],
        dir,
      );
      assert.ok(JSON.parse(large.stdout).findings.some((f: Finding) => f.ruleId === 'rds-storage-encryption'));
    });
  });

  describe('binary files, NUL bytes and invalid UTF-8', () => {
    it('skips binary files quietly, and analyses text with NUL bytes past the first 8 KB and invalid UTF-8', async () => {
      const dir = path.join(work, 'bytes');
      mkdirSync(dir);
      writeFileSync(
        path.join(dir, 'image.yaml'),
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
      );
      writeFileSync(
        path.join(dir, 'late-nul.yaml'),
        Buffer.concat([
          Buffer.from(BUCKET_YAML),
          Buffer.from(`      Comment: "${'x'.repeat(9000)}"\n# \u0000\u0000\n`),
        ]),
      );
      const invalid = Buffer.concat([
        Buffer.from('# '),
        Buffer.from([0xff, 0xfe, 0xc0, 0xaf, 0xed, 0xa0, 0x80, 0x80]),
        Buffer.from('\n'),
        Buffer.from(BUCKET_YAML),
      ]);
      writeFileSync(path.join(dir, 'invalid-utf8.yaml'), invalid);
      writeFileSync(
        path.join(dir, 'main.tf'),
        Buffer.concat([
          Buffer.from('resource "aws_db_instance" "db" {\n  name = "'),
          Buffer.from([0xff, 0xfe, 0xc0]),
          Buffer.from('"\n  storage_encrypted = false\n}\n'),
        ]),
      );

      assert.deepEqual(readSource(path.join(dir, 'image.yaml'), 1 << 20), {
        ok: false,
        reason: 'binary',
        message: 'Skipped: the file is binary.',
      });
      const result = await cli(['scan', '.', '--format', 'json', '--fail-on', 'none'], dir);
      assert.equal(result.code, 0);
      assert.equal(result.stderr, '');
      const encryption = JSON.parse(result.stdout)
        .findings.filter((f: Finding) => /storage-encryption/.test(f.ruleId))
        .map((f: Finding) => `${f.file}:${f.range.start.line + 1}:${f.range.start.character + 1}`);
      // Invalid bytes decode to U+FFFD, one character each, so the line below keeps its columns.
      assert.deepEqual(encryption, ['invalid-utf8.yaml:7:25', 'late-nul.yaml:6:25', 'main.tf:3:23']);
    });

    it('analyses NUL bytes and lone surrogates in every syntax without throwing', async () => {
      const evil = '\u0000\ud800\udfff\u0000';
      await analyse({ path: '/h/nul.yaml', text: `Resources:\n  Q${evil}:\n    Type: AWS::SQS::Queue${evil}\n` });
      await analyse({ path: '/h/nul.json', text: `{"Resources": {"Q${evil}": {"Type": "AWS::SQS::Queue"}}}` });
      await analyse({
        path: '/h/nul/main.tf',
        text: `resource "aws_sqs_queue" "q${evil}" {\n  name = "${evil}"\n}\n${evil}`,
      });
    });
  });

  describe('BOM, CRLF and tabs keep exact ranges', () => {
    const samples: [string, string][] = [
      ['stack.yaml', BUCKET_YAML],
      [
        'stack.json',
        '{\n  "Resources": {\n    "Data": {\n      "Type": "AWS::RDS::DBInstance",\n      "Properties": {\n        "StorageEncrypted": false\n      }\n    }\n  }\n}\n',
      ],
      [
        'main.tf',
        'resource "aws_db_instance" "data" {\n  engine            = "postgres"\n  storage_encrypted = false\n}\n',
      ],
    ];

    it('gives the same findings at the same positions with a BOM and CRLF line endings (read by the CLI)', async () => {
      for (const [name, text] of samples) {
        const plain = path.join(work, 'plain', name);
        const bom = path.join(work, 'bom-crlf', name);
        mkdirSync(path.dirname(plain), { recursive: true });
        mkdirSync(path.dirname(bom), { recursive: true });
        writeFileSync(plain, text);
        writeFileSync(bom, `\ufeff${text.replace(/\n/g, '\r\n')}`);
      }
      const plain = await cli(['scan', '.', '--format', 'json', '--fail-on', 'none'], path.join(work, 'plain'));
      const bom = await cli(['scan', '.', '--format', 'json', '--fail-on', 'none'], path.join(work, 'bom-crlf'));
      const positions = (out: string) =>
        (JSON.parse(out).findings as Finding[]).map((f) => `${f.file} ${f.ruleId} ${JSON.stringify(f.range)}`);
      assert.ok(positions(plain.stdout).length >= 6);
      assert.deepEqual(positions(bom.stdout), positions(plain.stdout));
      assert.ok(
        positions(bom.stdout).includes(
          'stack.yaml rds-storage-encryption {"start":{"line":5,"character":24},"end":{"line":5,"character":29}}',
        ),
      );
      assert.ok(
        positions(bom.stdout).includes(
          'main.tf rds-storage-encryption {"start":{"line":2,"character":22},"end":{"line":2,"character":27}}',
        ),
      );
    });

    it('counts a tab as one character, and reports tab indentation in YAML where it is', async () => {
      const hcl = await analyse({
        path: '/h/tabs/main.tf',
        text: 'resource "aws_db_instance" "data" {\n\tengine = "postgres"\n\tstorage_encrypted\t=\tfalse\n}\n',
      });
      assert.ok(hcl.map(at).includes('rds-storage-encryption@3:22'), hcl.map(at).join(' '));
      const json = await analyse({
        path: '/h/tabs.json',
        text: '{\n\t"Resources": {\n\t\t"Data": {\n\t\t\t"Type": "AWS::RDS::DBInstance",\n\t\t\t"Properties": {"StorageEncrypted":\tfalse}\n\t\t}\n\t}\n}\n',
      });
      assert.ok(json.map(at).includes('rds-storage-encryption@5:39'), json.map(at).join(' '));
      const yamlValue = await analyse({
        path: '/h/tab-value.yaml',
        text: BUCKET_YAML.replace('StorageEncrypted: false', 'StorageEncrypted:\tfalse'),
      });
      assert.ok(yamlValue.map(at).includes('rds-storage-encryption@6:25'), yamlValue.map(at).join(' '));
      const yamlIndent = await analyse({ path: '/h/tab-indent.yaml', text: `${BUCKET_YAML}\tBroken: true\n` });
      assert.ok(
        parseErrors(yamlIndent).some((f) => f.range.start.line === 6),
        parseErrors(yamlIndent).map(at).join(' ') || 'tab indentation not reported',
      );
    });
  });

  describe('1 MB single lines', () => {
    const MB = 1024 * 1024;
    // 60,000 flow mappings on one line are 180,000 nodes for the YAML parser, whose time (mostly
    // garbage collection) varies most with the machine's load: it gets twice the bound.
    it('YAML: a 1 MB plain scalar and a 1 MB flow collection', async () => {
      const scalar = await analyse(
        {
          path: '/h/long.yaml',
          text: `Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: ${'x'.repeat(MB)}\n`,
        },
        '1 MB YAML scalar',
      );
      assert.ok(scalar.some((f) => f.resource === 'B'));
      const flow = await analyse(
        {
          path: '/h/flow.yaml',
          text: `Resources: {B: {Type: AWS::S3::Bucket, Properties: {Tags: [${Array(Math.floor(MB / 18))
            .fill('{Key: k, Value: v}')
            .join(',')}]}}}\n`,
        },
        '1 MB YAML flow',
        2 * BOUND_MS,
      );
      assert.ok(flow.some((f) => f.resource === 'B'));
    });

    it('JSON: a 1 MB single-line template', async () => {
      const text = JSON.stringify({
        Resources: {
          B: {
            Type: 'AWS::S3::Bucket',
            Properties: { Tags: Array(Math.ceil(MB / 28)).fill({ Key: 'k', Value: 'vvvvvv' }) },
          },
        },
      });
      assert.ok(text.length >= MB && !text.includes('\n'));
      assert.ok((await analyse({ path: '/h/long.json', text }, '1 MB JSON')).some((f) => f.resource === 'B'));
    });

    it('HCL: a 1 MB list, and a 1 MB string (analysed, or stopped at the parse budget with one diagnostic)', async () => {
      // The HCL parser works to a time budget (1 s + 2 ms per 1,000 characters): on a loaded machine
      // a 1 MB line may run out of it, and then the file gets one diagnostic instead of silence.
      for (const [name, text] of [
        [
          '1 MB HCL list',
          `resource "aws_s3_bucket" "b" { tags = [${Array(Math.floor(MB / 4))
            .fill('"a"')
            .join(',')}] }\n`,
        ],
        ['1 MB HCL string', `resource "aws_s3_bucket" "b" { bucket = "${'x'.repeat(MB)}" }\n`],
      ]) {
        const findings = await analyse({ path: `/h/${name.replace(/ /g, '-')}/main.tf`, text }, name);
        const analysed = findings.some((f) => f.resource === 'aws_s3_bucket.b');
        const stopped = parseErrors(findings).some((f) => /parsing stopped after \d+ ms/.test(said(f)));
        assert.ok(
          analysed !== stopped,
          `${name}: ${findings.length} findings: ${findings.map((f) => f.message).join('\n')}`,
        );
      }
    });
  });

  describe('structure', () => {
    it('multi-document YAML: every document is a template of its own, with its own positions', async () => {
      const text = `${BUCKET_YAML}---\n# second\n${BUCKET_YAML.replace('Data:', 'Other:')}...\n---\nkind: ConfigMap\n`;
      const findings = await analyse({ path: '/h/multi.yaml', text });
      assert.deepEqual(
        findings.filter((f) => f.ruleId === 'rds-storage-encryption').map((f) => `${f.resource} ${at(f)}`),
        ['Data rds-storage-encryption@6:25', 'Other rds-storage-encryption@14:25'],
      );
      assert.deepEqual(parseErrors(findings).map(at), []);
    });

    it('JSON and YAML duplicate keys are reported at the duplicate', async () => {
      const json = await analyse({
        path: '/h/dup.json',
        text: '{"Resources": {"Db": {"Type": "AWS::RDS::DBInstance", "Properties": {"StorageEncrypted": true, "StorageEncrypted": false}}}}',
      });
      assert.deepEqual(
        parseErrors(json).map((f) => [at(f), f.message]),
        [
          [
            'parse-error@1:96',
            "You · Configuration and policies: Duplicate key 'StorageEncrypted': CloudFormation rejects templates with duplicate keys",
          ],
        ],
      );
      const yaml = await analyse({ path: '/h/dup.yaml', text: `${BUCKET_YAML}      StorageEncrypted: true\n` });
      assert.deepEqual(
        parseErrors(yaml).map((f) => [at(f), f.message]),
        [['parse-error@7:7', 'You · Configuration and policies: YAML syntax error: Map keys must be unique']],
      );
    });

    it('HCL heredocs keep what follows them at exact positions', async () => {
      const text =
        'resource "aws_iam_policy" "p" {\n  policy = <<-EOT\n    { "Statement": [ { "Effect": "Allow", "Resource": "${var.x}" } ] }\n    }} ]] "\n  EOT\n}\n\nresource "aws_db_instance" "db" {\n  storage_encrypted = false\n}\n';
      const findings = await analyse({ path: '/h/heredoc/main.tf', text });
      assert.deepEqual(parseErrors(findings).map(at), []);
      assert.ok(findings.map(at).includes('rds-storage-encryption@9:23'), findings.map(at).join(' '));
      const unterminated = await analyse({
        path: '/h/heredoc-open/main.tf',
        text: 'resource "aws_iam_policy" "p" {\n  policy = <<EOT\n  {"a": 1}\n}\n',
      });
      assert.ok(parseErrors(unterminated).length >= 1);
    });

    it('HCL unicode identifiers and labels: columns in UTF-16 code units', async () => {
      const text =
        'resource "aws_db_instance" "bücher_😀" {\n  tags = { ñame = "ü" }\n  storage_encrypted = false # ü😀\n}\nlocals {\n  größe = 1\n}\n';
      const findings = await analyse({ path: '/h/unicode/main.tf', text });
      assert.ok(
        findings.some((f) => f.resource === 'aws_db_instance.bücher_😀'),
        findings.map((f) => f.resource).join(' '),
      );
      assert.ok(findings.map(at).includes('rds-storage-encryption@3:23'), findings.map(at).join(' '));
    });

    it('HCL unterminated blocks and strings are reported, and the file is never dropped silently', async () => {
      for (const [name, text] of [
        ['open block', 'resource "aws_db_instance" "db" {\n  storage_encrypted = false\n'],
        ['open string', 'resource "aws_db_instance" "db" {\n  name = "abc\n  storage_encrypted = false\n}\n'],
        ['open label', 'resource "aws_db_instance" "db {\n  storage_encrypted = false\n}\n'],
        ['open interpolation', 'resource "aws_db_instance" "db" {\n  name = "${var.x"\n}\n'],
      ]) {
        const findings = await analyse({ path: `/h/open-${name.replace(/ /g, '-')}/main.tf`, text }, name);
        assert.ok(parseErrors(findings).length >= 1, `${name}: no parse finding`);
        assert.ok(
          parseErrors(findings).every((f) => !/Could not parse/.test(said(f))),
          `${name}: ${parseErrors(findings)
            .map((f) => f.message)
            .join('\n')}`,
        );
      }
    });
  });

  describe('the file system', () => {
    it('reports a symlink loop and goes on; never follows links to folders', async () => {
      const dir = path.join(work, 'links');
      mkdirSync(dir);
      writeFileSync(path.join(dir, 'stack.yaml'), BUCKET_YAML);
      symlinkSync('.', path.join(dir, 'self'));
      symlinkSync(path.join(dir, 'b.yaml'), path.join(dir, 'a.yaml'));
      symlinkSync(path.join(dir, 'a.yaml'), path.join(dir, 'b.yaml'));
      symlinkSync(path.join(dir, 'missing.yaml'), path.join(dir, 'dangling.yaml'));
      const collected = collectFiles([dir]);
      assert.deepEqual(
        collected.files.map((f) => path.basename(f)),
        ['stack.yaml'],
      );
      assert.deepEqual(
        collected.problems.map((p) => [path.basename(p.path), p.message]),
        [
          ['a.yaml', 'too many levels of symbolic links'],
          ['b.yaml', 'too many levels of symbolic links'],
        ],
      );
      const result = await cli(['scan', '.', '--format', 'json', '--fail-on', 'none'], dir);
      assert.equal(result.code, 0);
      assert.match(result.stderr, /skipped 'a\.yaml': too many levels of symbolic links/);
      assert.ok(JSON.parse(result.stdout).findings.some((f: Finding) => f.file === 'stack.yaml'));
    });

    it('reports an unreadable file and a file deleted during the scan, and analyses the rest', async () => {
      const dir = path.join(work, 'vanishing');
      mkdirSync(dir);
      for (const name of ['a.yaml', 'locked.yaml', 'gone-early.yaml', 'gone-late.yaml', 'z.yaml'])
        writeFileSync(path.join(dir, name), BUCKET_YAML);
      const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      await patched(
        'lstatSync',
        (original) =>
          ((file: fs.PathLike, ...rest: unknown[]) => {
            // Deleted after the walk listed it, before it was opened.
            if (String(file).endsWith('gone-early.yaml') && fs.existsSync(String(file))) fs.unlinkSync(String(file));
            return (original as (...args: unknown[]) => unknown)(file, ...rest);
          }) as typeof fs.lstatSync,
        () =>
          patched(
            'readFileSync',
            (original) =>
              ((file: fs.PathOrFileDescriptor, ...rest: unknown[]) => {
                const name = String(file);
                if (name.endsWith('locked.yaml')) throw denied; // the process runs as root here, so chmod cannot deny a read
                if (name.endsWith('gone-late.yaml')) fs.unlinkSync(name); // deleted after its size was checked
                return (original as (...args: unknown[]) => unknown)(file, ...rest);
              }) as typeof fs.readFileSync,
            async () => {
              const result = await cli(['scan', '.', '--format', 'json', '--fail-on', 'none'], dir);
              assert.equal(result.code, 0, result.stderr);
              assert.deepEqual(result.stderr.trim().split('\n').sort(), [
                "srlens: warning: skipped 'gone-early.yaml': no such file or folder",
                "srlens: warning: skipped 'gone-late.yaml': no such file or folder",
                "srlens: warning: skipped 'locked.yaml': permission denied",
              ]);
              const files = new Set(JSON.parse(result.stdout).findings.map((f: Finding) => f.file));
              assert.deepEqual([...files].sort(), ['a.yaml', 'z.yaml']);
            },
          ),
      );
    });
  });
});
