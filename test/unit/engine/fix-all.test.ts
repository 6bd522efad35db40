/**
 * Fix all, without the editor: fixes applied one at a time with a fresh analysis after each, until
 * no fixable finding is left; one minimal edit per file; bounded; never a broken file.
 */
import { strict as assert } from 'node:assert';
import { Analyzer } from '../../../src/engine/analyzer';
import { applyTextEdits, fixAllInFile, minimalEdit } from '../../../src/engine/fix-all';

const YAML = `AWSTemplateFormatVersion: "2010-09-09"
# A comment that must survive.
Resources:
  Assets:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: assets
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      StorageEncrypted: false
      PubliclyAccessible: true
`;

describe('fix all', () => {
  it('fixes every fixable finding of a YAML template, leaving valid YAML and one minimal edit', async () => {
    const analyzer = new Analyzer();
    const before = analyzer.analyzeCloudFormation('/t/a.yaml', YAML);
    const fixableBefore = before.findings.filter((f) => f.fixable).length;
    assert.ok(fixableBefore >= 5, `several fixable findings to start with (${fixableBefore})`);
    const result = await fixAllInFile(analyzer, '/t/a.yaml', [{ path: '/t/a.yaml', text: YAML }]);
    assert.equal(result.remaining, 0);
    assert.equal(result.applied.length, fixableBefore);
    assert.equal(result.edits.length, 1);
    const final = result.changed.get('/t/a.yaml')!;
    assert.equal(applyTextEdits(YAML, result.edits), final);
    assert.ok(final.includes('# A comment that must survive.'));
    // The edit starts where the text first differs, not at the top of the file.
    assert.ok(result.edits[0].range.start.line >= 3, JSON.stringify(result.edits[0].range));
    const after = new Analyzer().analyzeCloudFormation('/t/a.yaml', final);
    assert.deepEqual(
      after.findings.filter((f) => f.fixable || f.ruleId === 'parse-error').map((f) => f.ruleId),
      [],
    );
  });

  it('fixes a Terraform module file, and may add to it', async () => {
    const text =
      'resource "aws_db_instance" "db" {\n  engine            = "postgres"\n  storage_encrypted = false\n}\n';
    const other = 'variable "x" {}\n';
    const files = [
      { path: '/m/db.tf', text },
      { path: '/m/vars.tf', text: other },
    ];
    const result = await fixAllInFile(new Analyzer(), '/m/db.tf', files);
    assert.ok(result.applied.length >= 2, result.applied.join('; '));
    assert.equal(result.remaining, 0);
    assert.deepEqual([...result.changed.keys()], ['/m/db.tf']);
    const after = await new Analyzer().analyzeTerraformModule('/m', [
      { path: '/m/db.tf', text: result.changed.get('/m/db.tf')! },
      { path: '/m/vars.tf', text: other },
    ]);
    assert.deepEqual(
      after.findings
        .filter((f) => f.file === '/m/db.tf' && (f.fixable || f.ruleId === 'parse-error'))
        .map((f) => f.ruleId),
      [],
    );
  });

  it('stops after the round limit, and when cancelled', async () => {
    const one = await fixAllInFile(new Analyzer(), '/t/a.yaml', [{ path: '/t/a.yaml', text: YAML }], { maxRounds: 1 });
    assert.equal(one.applied.length, 1);
    assert.ok(one.remaining > 0);
    const none = await fixAllInFile(new Analyzer(), '/t/a.yaml', [{ path: '/t/a.yaml', text: YAML }], {
      isCancelled: () => true,
    });
    assert.equal(none.cancelled, true);
    assert.deepEqual(none.edits, []);
  });

  it('does nothing for a file without fixable findings', async () => {
    const text =
      'Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n    Properties:\n      KmsMasterKeyId: alias/aws/sns\n';
    const result = await fixAllInFile(new Analyzer(), '/t/b.yaml', [{ path: '/t/b.yaml', text }]);
    assert.deepEqual(result.edits, []);
    assert.deepEqual(result.applied, []);
  });

  describe('minimal edit', () => {
    it('is the changed span only', () => {
      const e = minimalEdit('f', 'a\nb\nc\n', 'a\nb2\nc\n');
      assert.deepEqual(e.range, { start: { line: 1, character: 1 }, end: { line: 1, character: 1 } });
      assert.equal(e.newText, '2');
    });

    it('never splits a CRLF pair or a surrogate pair', () => {
      for (const [before, after] of [
        ['a\r\nb', 'a\r\n\r\nb'],
        ['x\r\n', 'x\r\ny\r\n'],
        ['😀a', '😁a'],
        ['a😀', 'a😁'],
      ]) {
        const e = minimalEdit('f', before, after);
        assert.equal(applyTextEdits(before, [e]), after);
        const lines = before.split('\n');
        const startLine = lines[e.range.start.line];
        assert.ok(
          !(startLine[e.range.start.character - 1] === '\r' && e.range.start.character === startLine.length),
          `splits CRLF: ${JSON.stringify([before, after, e])}`,
        );
        const code = startLine.charCodeAt(e.range.start.character);
        assert.ok(
          !(code >= 0xdc00 && code <= 0xdfff),
          `splits a surrogate pair: ${JSON.stringify([before, after, e])}`,
        );
      }
    });

    it('is empty for equal texts', () => {
      const e = minimalEdit('f', 'same', 'same');
      assert.equal(e.newText, '');
      assert.deepEqual(e.range.start, e.range.end);
    });
  });
});
