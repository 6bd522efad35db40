/** The engine keeps what suppressions silenced, with the suppression, without changing the findings. */
import { strict as assert } from 'node:assert';
import { Analyzer } from '../../../src/engine/analyzer';
import { applySuppressions, commentSuppressions, type SuppressedFinding } from '../../../src/engine/suppressions';
import { rule as rdsStorageEncryption } from '../../../src/rules/rds-storage-encryption';

const rules = [rdsStorageEncryption];

describe('suppressed findings', () => {
  it('lists each silenced finding with its suppression, in CloudFormation and Terraform', async () => {
    const yaml =
      'Resources:\n  # srlens-ignore rds-storage-encryption test data only\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      StorageEncrypted: false\n';
    const json =
      '{"Resources":{"Db":{"Type":"AWS::RDS::DBInstance","Metadata":{"srlens":{"ignore":[{"rule":"rds-storage-encryption","reason":"restored from a snapshot"}]}},"Properties":{"StorageEncrypted":false}}}}';
    const tf =
      '# srlens-ignore rds-storage-encryption scratch database\nresource "aws_db_instance" "db" {\n  engine = "mysql"\n}\n';
    const analysis = await new Analyzer({ rules }).analyze([
      { path: '/a.yaml', text: yaml },
      { path: '/b.json', text: json },
      { path: '/m/main.tf', text: tf },
    ]);
    assert.deepEqual(analysis.findings, []);
    const seen = (analysis.suppressed ?? []).map((s) => [
      s.finding.ruleId,
      s.finding.file,
      s.finding.resource,
      s.suppression.reason,
      s.suppression.range.start.line,
    ]);
    assert.deepEqual(
      seen.sort(),
      [
        ['rds-storage-encryption', '/a.yaml', 'Db', 'test data only', 1],
        ['rds-storage-encryption', '/b.json', 'Db', 'restored from a snapshot', 0],
        ['rds-storage-encryption', '/m/main.tf', 'aws_db_instance.db', 'scratch database', 0],
      ].sort(),
    );
  });

  it('does not change what applySuppressions returns', async () => {
    const text =
      'Resources:\n  # srlens-ignore rds-storage-encryption test data\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      StorageEncrypted: false\n  Other:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      StorageEncrypted: false\n  # srlens-ignore rds-multi-az nothing here\n';
    const plain = await new Analyzer({ rules }).analyze([
      { path: '/t.yaml', text: text.replace(/srlens-ignore/g, 'not-an-ignore') },
    ]);
    const all = plain.findings;
    const resources = plain.units.flatMap((u) => u.resources);
    const suppressions = commentSuppressions('/t.yaml', text);
    const withOut: SuppressedFinding[] = [];
    const a = applySuppressions(all, suppressions, resources);
    const b = applySuppressions(all, suppressions, resources, withOut);
    assert.deepEqual(a, b);
    assert.equal(withOut.length, 1);
    assert.deepEqual(a.map((f) => f.ruleId).sort(), ['rds-storage-encryption', 'unused-suppression']);
  });

  it('a suppression without a reason silences nothing and lists nothing', async () => {
    const text =
      'Resources:\n  # srlens-ignore rds-storage-encryption\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      StorageEncrypted: false\n';
    const analysis = await new Analyzer({ rules }).analyze([{ path: '/t.yaml', text }]);
    assert.deepEqual(analysis.suppressed, []);
    assert.ok(analysis.findings.some((f) => f.ruleId === 'rds-storage-encryption'));
  });
});
