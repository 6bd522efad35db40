import { strict as assert } from 'node:assert';
import { Analyzer } from '../../../src/engine/analyzer';
import { DEFAULT_CONFIG, parseConfig } from '../../../src/engine/config';
import { rule as rdsStorageEncryption } from '../../../src/rules/rds-storage-encryption';

const rules = [rdsStorageEncryption];
const ids = (findings: { ruleId: string }[]) => findings.map((f) => f.ruleId);

async function analyze(path: string, text: string, config = DEFAULT_CONFIG) {
  return (await new Analyzer({ rules, config }).analyze([{ path, text }])).findings;
}

const UNENCRYPTED_YAML =
  'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      StorageEncrypted: false\n';

describe('suppressions', () => {
  it('a comment above a resource silences that rule for the resource', async () => {
    const text =
      'Resources:\n  # srlens-ignore rds-storage-encryption test data only, destroyed nightly\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      StorageEncrypted: false\n';
    assert.deepEqual(ids(await analyze('/t.yaml', text)), []);
  });

  it('a comment above a property silences findings within it', async () => {
    const text =
      'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      # srlens-ignore rds-storage-encryption restored from an encrypted snapshot elsewhere\n      StorageEncrypted: false\n';
    assert.deepEqual(ids(await analyze('/t.yaml', text)), []);
  });

  it('works in Terraform with # and //', async () => {
    for (const marker of ['#', '//']) {
      const text = `${marker} srlens-ignore rds-storage-encryption scratch database\nresource "aws_db_instance" "db" {\n  engine = "mysql"\n}\n`;
      assert.deepEqual(ids(await analyze('/m/main.tf', text)), [], marker);
    }
  });

  it('works through CloudFormation Metadata, the only way in JSON', async () => {
    const text = JSON.stringify({
      Resources: {
        Db: {
          Type: 'AWS::RDS::DBInstance',
          Metadata: { srlens: { ignore: [{ rule: 'rds-storage-encryption', reason: 'ephemeral CI database' }] } },
          Properties: {},
        },
      },
    });
    assert.deepEqual(ids(await analyze('/t.json', text)), []);
  });

  it('a suppression without a reason does not apply and is reported', async () => {
    const text =
      'Resources:\n  # srlens-ignore rds-storage-encryption\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      StorageEncrypted: false\n';
    const findings = await analyze('/t.yaml', text);
    assert.deepEqual(ids(findings).sort(), ['rds-storage-encryption', 'suppression-without-reason']);
    const warning = findings.find((f) => f.ruleId === 'suppression-without-reason');
    assert.equal(warning?.severity, 'warning');
    assert.deepEqual(warning?.range, { start: { line: 1, character: 2 }, end: { line: 1, character: 40 } });
  });

  it('a suppression that matches nothing is reported as unused', async () => {
    const text =
      'Resources:\n  # srlens-ignore rds-storage-encryption encrypted already\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      StorageEncrypted: true\n';
    const findings = await analyze('/t.yaml', text);
    assert.deepEqual(ids(findings), ['unused-suppression']);
    assert.equal(findings[0].severity, 'info');
  });

  it('only silences the rule it names', async () => {
    const text =
      'Resources:\n  # srlens-ignore some-other-rule not this one\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      StorageEncrypted: false\n';
    assert.deepEqual(ids(await analyze('/t.yaml', text)).sort(), ['rds-storage-encryption', 'unused-suppression']);
  });
});

describe('.srlens.yaml', () => {
  const known = new Set(['rds-storage-encryption', 'parse-error']);

  it('turns rules off and overrides severities', async () => {
    const off = parseConfig('/c.yaml', 'rules:\n  rds-storage-encryption: off\n', known);
    assert.deepEqual(off.findings, []);
    assert.deepEqual(ids(await analyze('/t.yaml', UNENCRYPTED_YAML, off.config)), []);
    const info = parseConfig('/c.yaml', 'rules:\n  rds-storage-encryption: info\n', known).config;
    assert.deepEqual(
      (await analyze('/t.yaml', UNENCRYPTED_YAML, info)).map((f) => f.severity),
      ['info'],
    );
  });

  it('applies a minimum severity', async () => {
    const { config } = parseConfig(
      '/c.yaml',
      'rules:\n  rds-storage-encryption: warning\nminimumSeverity: error\n',
      known,
    );
    assert.deepEqual(ids(await analyze('/t.yaml', UNENCRYPTED_YAML, config)), []);
  });

  it('reads requiredTags and exclude', () => {
    const { config, findings } = parseConfig(
      '/c.yaml',
      'requiredTags: [owner, data-classification]\nexclude:\n  - legacy/**\n',
      known,
    );
    assert.deepEqual(findings, []);
    assert.deepEqual(config.requiredTags, ['owner', 'data-classification']);
    assert.deepEqual(config.exclude, ['legacy/**']);
  });

  it('reports each bad key at its place and keeps the rest', () => {
    const text =
      'rules:\n  rds-storage-encryption: loud\n  no-such-rule: off\nrequiredTags: 3\nminimumSeverity: high\ncolour: blue\nexclude: [a/**]\n';
    const { config, findings } = parseConfig('/c.yaml', text, known);
    assert.deepEqual(
      findings.map((f) => [f.range.start.line, f.severity, f.ruleId]),
      [
        [1, 'error', 'config-error'],
        [2, 'warning', 'config-error'],
        [3, 'error', 'config-error'],
        [4, 'error', 'config-error'],
        [5, 'warning', 'config-error'],
      ],
    );
    assert.deepEqual(config.exclude, ['a/**']);
    assert.equal(config.minimumSeverity, 'info');
  });

  it('never throws on garbage', () => {
    for (const text of ['', ':::', '- a\n- b\n', 'rules: [1, 2]\n', '\u0000\u0001', 'rules:\n  x: !!binary AAAA\n']) {
      const { findings } = parseConfig('/c.yaml', text, known);
      assert.ok(Array.isArray(findings));
    }
  });
});

describe('suppressions outside resources', () => {
  it('a comment above a template parameter silences a parameter finding', async () => {
    const { rule } = await import('../../../src/rules/cloudformation-parameter-secret-without-noecho');
    const text =
      'Parameters:\n  # srlens-ignore cloudformation-parameter-secret-without-noecho a public demo value\n  DbPassword:\n    Type: String\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n';
    const { findings } = await new Analyzer({ rules: [rule] }).analyze([{ path: '/p.yaml', text }]);
    assert.deepEqual(ids(findings), []);
    const unsuppressed = text.replace(/ *# srlens-ignore.*\n/, '');
    assert.deepEqual(
      ids((await new Analyzer({ rules: [rule] }).analyze([{ path: '/p.yaml', text: unsuppressed }])).findings),
      ['cloudformation-parameter-secret-without-noecho'],
    );
  });
});
