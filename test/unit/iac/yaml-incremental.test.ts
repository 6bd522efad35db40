/**
 * The incremental YAML re-parse gives exactly what a fresh parse gives, through sequences of
 * random edits (typing, deleting, new lines, pasted YAML punctuation) in real templates: either the
 * same model, positions included, or a hand-over to the full parse. And the editor's analyzer,
 * which takes that path on every keystroke, reports the same findings as a fresh one.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { Analyzer } from '../../../src/engine/analyzer';
import { cloudFormationSyntaxOf, parseCloudFormation } from '../../../src/iac/cloudformation';
import type { ParseResult } from '../../../src/iac/model';
import { reparseYamlIncrementally } from '../../../src/iac/yaml-incremental';
import { corpusFiles, hasShared } from '../../corpus';
import { runs } from '../../hardening/support';

/** YAML templates of the corpus with a few resources and no syntax errors: where typing happens. */
function templates(): { file: string; text: string }[] {
  return corpusFiles()
    .filter((file) => /\.(ya?ml|template)$/i.test(file))
    .map((file) => ({ file, text: readFileSync(file, 'utf8') }))
    .filter(({ file, text }) => {
      if (cloudFormationSyntaxOf(file, text) !== 'cloudformation-yaml') return false;
      const parsed = parseCloudFormation(file, text);
      return parsed.diagnostics.length === 0 && parsed.units.length === 1 && parsed.units[0].resources.length >= 3;
    });
}

type Edit = { at: number; remove: number; insert: string };

const edit = fc.record({
  // Where, as a fraction of the text: unbiased, or nearly every edit lands at the first or last character.
  at: fc.noBias(fc.integer({ min: 0, max: 999_999 })).map((n) => n / 1_000_000),
  remove: fc.oneof(fc.constant(0), fc.constant(0), fc.nat(3), fc.nat(40)),
  insert: fc.oneof(
    fc.constantFrom(
      '',
      'a',
      'Z',
      '1',
      ' ',
      '\n',
      '\n      ',
      ':',
      ': ',
      '- ',
      '#',
      '"',
      "'",
      '!Ref ',
      '{',
      '}',
      '[',
      '&x ',
      '*x',
      '|',
      '\t',
      '\r\n',
      '---\n',
    ),
    fc.string({ maxLength: 4 }),
  ),
});

function apply(text: string, e: { at: number; remove: number; insert: string }): string {
  const at = Math.floor(e.at * text.length);
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
}

describe('incremental YAML re-parse', function () {
  this.timeout(120_000);
  /** Undefined without the corpus: the tests on real templates skip. */
  let all: { file: string; text: string }[] | undefined;
  before(() => {
    if (hasShared('corpus', 'the tests on real templates')) all = templates();
  });

  it('finds enough real templates to edit', function () {
    if (!all) return this.skip();
    assert.ok(all.length >= 50, `${all.length} templates`);
  });

  it('equals a fresh parse after every edit of random edit sequences, or hands over', function () {
    if (!all) return this.skip();
    const pool = all;
    let incremental = 0;
    let edits = 0;
    fc.assert(
      fc.property(fc.nat(pool.length - 1), fc.array(edit, { minLength: 1, maxLength: 12 }), (pick, sequence) => {
        const { file, text: original } = pool[pick];
        let text = original;
        let previous: { text: string; result: ParseResult } = { text, result: parseCloudFormation(file, text) };
        for (const e of sequence as Edit[]) {
          text = apply(text, e);
          const fresh = parseCloudFormation(file, text);
          const quick = reparseYamlIncrementally(file, text, previous);
          edits++;
          if (quick) {
            incremental++;
            assert.deepEqual(quick, fresh, `${file}: incremental and fresh parses differ after an edit`);
          }
          previous = { text, result: quick ?? fresh };
        }
      }),
      {
        numRuns: runs(120),
        seed: process.env.SRLENS_FUZZ_SEED ? Number(process.env.SRLENS_FUZZ_SEED) : undefined,
      },
    );
    // Many random edits break the template (and then every later one takes the full path) or land
    // outside a resource; about one in ten is taken incrementally, and a quick run (a quarter of
    // the edits) has seen one in twenty-three.
    // Without a few incremental re-parses this test proves nothing.
    assert.ok(
      incremental >= Math.max(3, edits * 0.02),
      `the incremental path was taken for ${incremental} of ${edits} edits`,
    );
  });

  it('gives the editor the same findings as a fresh analysis while typing', function () {
    if (!all) return this.skip();
    // A template of a few hundred lines (analysing the largest 60 times twice takes too long).
    const { file, text: original } = all
      .filter((t) => t.text.length < 20_000)
      .reduce((a, b) => (b.text.length > a.text.length ? b : a));
    const editor = new Analyzer();
    let text = original;
    editor.analyzeCloudFormation(file, text);
    const positions = [...original.matchAll(/^ {6,}\w+: [\w-]+$/gm)].map((m) => (m.index ?? 0) + m[0].length);
    assert.ok(positions.length > 10, 'places to type');
    let shift = 0;
    for (let i = 0; i < 40; i++) {
      const at = positions[(i * 7) % positions.length] + (i % 3 === 0 ? 0 : shift);
      const insert = i % 10 === 9 ? '\n' : String.fromCharCode(97 + (i % 26));
      text = text.slice(0, at) + insert + text.slice(at);
      shift += 1;
      assert.deepEqual(
        editor.analyzeCloudFormation(file, text).findings,
        new Analyzer().analyzeCloudFormation(file, text).findings,
      );
    }
  });

  it('hands over when the edit is not inside one resource', () => {
    const text =
      'Resources:\n  A:\n    Type: AWS::SQS::Queue\n  B:\n    Type: AWS::SNS::Topic\n  C:\n    Type: AWS::SNS::Topic\n';
    const previous = { text, result: parseCloudFormation('/t.yaml', text) };
    const cases = [
      text.replace('  B:', '  A:'), // renamed into a clash: a duplicate key
      text.replace('Resources:', 'Resources: '), // outside every resource
      text.replace('    Type: AWS::SQS::Queue', 'Outputs:\n    Type: AWS::SQS::Queue'), // a line left of the resource
      text.replace(/Topic\n$/, 'Topc\n'), // the last resource
      text.replace('Queue', 'Queue\n    Bad: [unclosed'), // a syntax error
      text.replace('Queue', 'Queue\n    Alias: *anchor'), // an alias
    ];
    for (const changed of cases)
      assert.equal(reparseYamlIncrementally('/t.yaml', changed, previous), undefined, changed);
    const inside = text.replace('AWS::SQS::Queue', 'AWS::SQS::Queue\n    Properties:\n      DelaySeconds: 5');
    assert.deepEqual(
      reparseYamlIncrementally('/t.yaml', inside, previous),
      parseCloudFormation('/t.yaml', inside),
      'an edit inside A is taken',
    );

    // An empty key after the resource has its range at the end of the line before it: the resource
    // would be cut short there, so the edit goes to the full parse.
    const empty =
      'Resources:\n  A:\n    Type: AWS::SQS::Queue\n    Properties:\n      Tags:\n        - Key:\n  :\n    Type: AWS::SNS::Topic\n  C:\n    Type: AWS::SNS::Topic\n';
    const withEmpty = { text: empty, result: parseCloudFormation('/t.yaml', empty) };
    assert.equal(reparseYamlIncrementally('/t.yaml', empty.replace('  A:', '  Ab:'), withEmpty), undefined);

    // A resource followed by comment lines ends at the next key, not at the start of its line.
    const commented = text.replace(
      '  B:',
      '    Properties:\n      Tags:\n        Key: a\n\n        # a note about A\n        # more\n  B:',
    );
    const before = { text: commented, result: parseCloudFormation('/t.yaml', commented) };
    const renamed = commented.replace('  A:', '  Ab:');
    const quick = reparseYamlIncrementally('/t.yaml', renamed, before);
    assert.ok(quick, 'a rename inside A is taken');
    assert.deepEqual(quick, parseCloudFormation('/t.yaml', renamed));
  });

  describe('templates with a transform: the loops and SAM resources are written out again', () => {
    // Written for this test: a Fn::ForEach over a literal list, one over a parameter (unknown, so
    // not expanded), ordinary resources around them, and a SAM function.
    const LOOPS = [
      'AWSTemplateFormatVersion: "2010-09-09"',
      'Transform: AWS::LanguageExtensions',
      'Parameters:',
      '  Names:',
      '    Type: CommaDelimitedList',
      'Resources:',
      '  First:',
      '    Type: AWS::SQS::Queue',
      '    Properties:',
      '      DelaySeconds: 5',
      '  Fn::ForEach::Buckets:',
      '    - Name',
      '    - [Logs, Assets]',
      '    - ${Name}Bucket:',
      '        Type: AWS::S3::Bucket',
      '        Properties:',
      '          VersioningConfiguration:',
      '            Status: Enabled',
      '  Middle:',
      '    Type: AWS::SNS::Topic',
      '    Properties:',
      '      TopicName: middle',
      '  Fn::ForEach::Topics:',
      '    - Name',
      '    - !Ref Names',
      '    - ${Name}Topic:',
      '        Type: AWS::SNS::Topic',
      '  Last:',
      '    Type: AWS::SQS::Queue',
      '',
    ].join('\n');
    const SAM = [
      'Transform: AWS::Serverless-2016-10-31',
      'Globals:',
      '  Function:',
      '    Timeout: 10',
      'Resources:',
      '  Api:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      Runtime: python3.12',
      '      Handler: app.handler',
      '      CodeUri: src/',
      '      Policies:',
      '        - S3ReadPolicy:',
      '            BucketName: data',
      '  Table:',
      '    Type: AWS::DynamoDB::Table',
      '    Properties:',
      '      BillingMode: PAY_PER_REQUEST',
      '  Last:',
      '    Type: AWS::SQS::Queue',
      '',
    ].join('\n');

    it('takes an edit in an ordinary resource incrementally, and the result is a fresh parse', () => {
      for (const [text, from, to] of [
        [LOOPS, 'DelaySeconds: 5', 'DelaySeconds: 50'],
        [LOOPS, 'TopicName: middle', 'TopicName: middle\n      DisplayName: m'],
        [SAM, 'Handler: app.handler', 'Handler: app.main'],
        [SAM, 'BucketName: data', 'BucketName: other'],
        [SAM, 'BillingMode: PAY_PER_REQUEST', 'BillingMode: PROVISIONED'],
      ]) {
        const previous = { text, result: parseCloudFormation('/t.yaml', text) };
        const edited = text.replace(from, to);
        const quick = reparseYamlIncrementally('/t.yaml', edited, previous);
        assert.ok(quick, `${from} → ${to} is taken`);
        assert.deepEqual(quick, parseCloudFormation('/t.yaml', edited), `${from} → ${to}`);
      }
      // The loops were written out and the unknown one reported, in both parses.
      const parsed = parseCloudFormation('/t.yaml', LOOPS);
      assert.deepEqual(
        parsed.units[0].resources.map((r) => r.id).filter((id) => id.endsWith('Bucket')),
        ['LogsBucket', 'AssetsBucket'],
      );
      assert.equal(
        parsed.units[0].resources.filter((r) => r.id.endsWith('Topic')).length,
        0,
        'the loop over a parameter stays unknown',
      );
      // And SAM wrote the function's role.
      assert.ok(parseCloudFormation('/t.yaml', SAM).units[0].resources.some((r) => r.generatedFrom === 'Api'));
    });

    it('hands over an edit inside an Fn::ForEach block', () => {
      const previous = { text: LOOPS, result: parseCloudFormation('/t.yaml', LOOPS) };
      for (const edited of [
        LOOPS.replace('[Logs, Assets]', '[Logs, Assets, Reports]'),
        LOOPS.replace('Status: Enabled', 'Status: Suspended'),
      ])
        assert.equal(reparseYamlIncrementally('/t.yaml', edited, previous), undefined, edited);
    });

    it('equals a fresh parse through random edit sequences', () => {
      let incremental = 0;
      fc.assert(
        fc.property(fc.boolean(), fc.array(edit, { minLength: 1, maxLength: 12 }), (loops, sequence) => {
          let text = loops ? LOOPS : SAM;
          let previous: { text: string; result: ParseResult } = { text, result: parseCloudFormation('/t.yaml', text) };
          for (const e of sequence as Edit[]) {
            text = apply(text, e);
            const fresh = parseCloudFormation('/t.yaml', text);
            const quick = reparseYamlIncrementally('/t.yaml', text, previous);
            if (quick) {
              incremental++;
              assert.deepEqual(quick, fresh, 'incremental and fresh parses differ after an edit');
            }
            previous = { text, result: quick ?? fresh };
          }
        }),
        { numRuns: runs(300), seed: process.env.SRLENS_FUZZ_SEED ? Number(process.env.SRLENS_FUZZ_SEED) : undefined },
      );
      assert.ok(incremental >= 3, `the incremental path was taken for ${incremental} edits`);
    });
  });
});
