/** Edge cases of the minimal edits that rule fixes are built from. */
import { strict as assert } from 'node:assert';
import { Analyzer } from '../../../src/engine/analyzer';
import { lineIndexOf } from '../../../src/fixes/edits';
import { rule as rdsStorageEncryption } from '../../../src/rules/rds-storage-encryption';
import { applyEdits } from '../../rules/tester';

async function fixOnce(path: string, text: string): Promise<string> {
  const analyzer = new Analyzer({ rules: [rdsStorageEncryption] });
  const { findings } = await analyzer.analyze([{ path, text }]);
  const fix = analyzer.fixFor(findings[0]);
  assert.ok(fix);
  return applyEdits(text, fix.edits);
}

describe('fix edits', () => {
  it('turns a one-line Terraform block into a valid multi-line block', async () => {
    const fixed = await fixOnce('/m/main.tf', 'resource "aws_db_instance" "db" { engine = "mysql" }\n');
    assert.equal(fixed, 'resource "aws_db_instance" "db" {\n  engine = "mysql" \n  storage_encrypted = true\n}\n');
    const { findings } = await new Analyzer().analyze([{ path: '/m/main.tf', text: fixed }]);
    assert.deepEqual(
      findings.filter((f) => f.ruleId === 'parse-error'),
      [],
    );
  });

  it('keeps CRLF line endings and touches nothing outside the edit', async () => {
    const text =
      'Resources:\r\n  # keep me\r\n  Db:\r\n    Type: AWS::RDS::DBInstance\r\n    Properties:\r\n      Engine: mysql # and me\r\n';
    const fixed = await fixOnce('/t.yaml', text);
    assert.equal(fixed, `${text}      StorageEncrypted: true\r\n`);
    assert.ok(!/[^\r]\n/.test(fixed), 'only CRLF line breaks');
  });

  it('adds to a flow-style YAML mapping in flow style', async () => {
    const fixed = await fixOnce(
      '/t.yaml',
      'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties: { Engine: mysql }\n',
    );
    assert.equal(
      fixed,
      'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties: { Engine: mysql, StorageEncrypted: true }\n',
    );
  });

  it('keeps tab-free four-space JSON indentation', async () => {
    const text =
      '{\n    "Resources": {\n        "Db": {\n            "Type": "AWS::RDS::DBInstance",\n            "Properties": {}\n        }\n    }\n}\n';
    const fixed = await fixOnce('/t.json', text);
    assert.equal(
      fixed,
      '{\n    "Resources": {\n        "Db": {\n            "Type": "AWS::RDS::DBInstance",\n            "Properties": {\n                "StorageEncrypted": true\n            }\n        }\n    }\n}\n',
    );
    JSON.parse(fixed);
  });

  it('indexes the lines of a text once, however many resources build edits from it', () => {
    const text = 'Resources:\n  Repo:\n    Type: AWS::ECR::Repository\n';
    const lines = lineIndexOf(text);
    assert.equal(lineIndexOf(`${text}`), lines);
    assert.deepEqual(lines.position(text.indexOf('Type')), { line: 2, character: 4 });
    const other = lineIndexOf('a\nb\n');
    assert.notEqual(other, lines);
    assert.deepEqual(other.position(2), { line: 1, character: 0 });
  });

  it('builds the fixability of many ECR repositories in linear time (one line index per file)', () => {
    const repos = (n: number) =>
      JSON.stringify(
        {
          Resources: Object.fromEntries(
            Array.from({ length: n }, (_, i) => [
              `Repo${i}`,
              { Type: 'AWS::ECR::Repository', Properties: { ImageTagMutability: 'MUTABLE' } },
            ]),
          ),
        },
        null,
        2,
      );
    const timed = (n: number) => {
      const text = repos(n);
      new Analyzer().analyzeCloudFormation(`/warm-${n}.json`, text);
      const start = performance.now();
      const { findings } = new Analyzer().analyzeCloudFormation(`/t-${n}.json`, text);
      assert.equal(findings.filter((f) => f.ruleId === 'ecr-tag-immutability' && f.fixable).length, n);
      return performance.now() - start;
    };
    const small = timed(250);
    const large = timed(2000);
    // 8× the resources: measured ~5× since, 34–54× when every repository re-indexed the whole file.
    assert.ok(large < small * 20, `2,000 repositories took ${large.toFixed(0)} ms, 250 took ${small.toFixed(0)} ms`);
  });
});
