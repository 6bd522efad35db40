import { strict as assert } from 'node:assert';
import { Analyzer } from '../../../src/engine/analyzer';
import { DEFAULT_CONFIG, parseConfig, type SrlensConfig } from '../../../src/engine/config';
import {
  mergeConfig,
  normaliseRuleSettings,
  normaliseTags,
  type ConfigSettings,
} from '../../../src/engine/effective-config';

const NO_SETTINGS: ConfigSettings = { rules: {}, requiredTags: [] };
const KNOWN = new Set(['rds-storage-encryption', 'rds-multi-az', 's3-bucket-versioning']);

function fileConfig(text: string): SrlensConfig {
  return parseConfig('/w/.srlens.yaml', text, KNOWN).config;
}

describe('effective configuration (.srlens.yaml merged with the srlens.* settings)', () => {
  it('is .srlens.yaml unchanged when no setting is set', () => {
    const file = fileConfig(
      'rules:\n  rds-multi-az: error\nrequiredTags: [owner]\nexclude: ["legacy/**"]\nminimumSeverity: warning\n',
    );
    assert.deepEqual(mergeConfig(file, NO_SETTINGS), file);
    assert.deepEqual(mergeConfig(DEFAULT_CONFIG, NO_SETTINGS), DEFAULT_CONFIG);
  });

  it('lays rule settings over .srlens.yaml: the setting wins for a rule set in both', () => {
    const file = fileConfig('rules:\n  rds-multi-az: error\n  s3-bucket-versioning: off\n');
    const merged = mergeConfig(file, {
      ...NO_SETTINGS,
      rules: { 'rds-multi-az': 'off', 'rds-storage-encryption': 'warning' },
    });
    assert.deepEqual(merged.rules, {
      'rds-multi-az': 'off',
      's3-bucket-versioning': 'off',
      'rds-storage-encryption': 'warning',
    });
  });

  it('unions required tags, keeping order and dropping duplicates and blanks', () => {
    const file = fileConfig('requiredTags: [owner, cost-centre]\n');
    const merged = mergeConfig(file, { ...NO_SETTINGS, requiredTags: ['data-classification', 'owner', ' ', ' team '] });
    assert.deepEqual(merged.requiredTags, ['owner', 'cost-centre', 'data-classification', 'team']);
  });

  it('takes the minimum severity from the setting only when it is set explicitly', () => {
    const file = fileConfig('minimumSeverity: warning\n');
    assert.equal(mergeConfig(file, NO_SETTINGS).minimumSeverity, 'warning');
    assert.equal(mergeConfig(file, { ...NO_SETTINGS, minimumSeverity: 'info' }).minimumSeverity, 'info');
    assert.equal(mergeConfig(DEFAULT_CONFIG, { ...NO_SETTINGS, minimumSeverity: 'error' }).minimumSeverity, 'error');
  });

  it('keeps the exclusions of .srlens.yaml and never changes its input', () => {
    const file = fileConfig('rules:\n  rds-multi-az: error\nrequiredTags: [owner]\nexclude: ["legacy/**"]\n');
    const before = JSON.stringify(file);
    const merged = mergeConfig(file, {
      rules: { 'rds-multi-az': 'info' },
      requiredTags: ['team'],
      minimumSeverity: 'error',
    });
    assert.deepEqual(merged.exclude, ['legacy/**']);
    assert.equal(JSON.stringify(file), before);
    assert.notEqual(merged.rules, file.rules);
    assert.doesNotThrow(
      () => mergeConfig(DEFAULT_CONFIG, { rules: { 'rds-multi-az': 'off' }, requiredTags: ['x'] }),
      'the frozen default is not mutated',
    );
    assert.deepEqual(DEFAULT_CONFIG.rules, {});
  });

  it('normalises untrusted rule settings: values in any case, false for off; unknown ids and bad values reported', () => {
    const result = normaliseRuleSettings(
      {
        'rds-multi-az': 'ERROR',
        's3-bucket-versioning': false,
        'rds-storage-encryption': 'loud',
        'no-such-rule': 'off',
      },
      KNOWN,
    );
    assert.deepEqual(result.rules, { 'rds-multi-az': 'error', 's3-bucket-versioning': 'off' });
    assert.deepEqual(result.invalid, ['rds-storage-encryption']);
    assert.deepEqual(result.unknown, ['no-such-rule']);
    for (const bad of [undefined, null, 'off', ['rds-multi-az'], 3])
      assert.deepEqual(normaliseRuleSettings(bad, KNOWN).rules, {});
  });

  it('normalises untrusted tag settings to trimmed unique strings', () => {
    assert.deepEqual(normaliseTags(['owner', 3, ' owner ', '', 'team', null]), ['owner', 'team']);
    assert.deepEqual(normaliseTags('owner'), []);
    assert.deepEqual(normaliseTags(undefined), []);
  });

  it('drives the analyzer: a rule turned off by the setting is not reported, whatever .srlens.yaml says', async () => {
    const text = 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      StorageEncrypted: false\n';
    const file = fileConfig('rules:\n  rds-storage-encryption: warning\n');
    const analyzer = new Analyzer({ config: mergeConfig(file, NO_SETTINGS) });
    const ids = async () =>
      (await analyzer.analyze([{ path: '/t.yaml', text }])).findings.map((f) => `${f.ruleId}:${f.severity}`);
    assert.ok((await ids()).includes('rds-storage-encryption:warning'));
    analyzer.setConfig(mergeConfig(file, { ...NO_SETTINGS, rules: { 'rds-storage-encryption': 'off' } }));
    assert.ok(!(await ids()).some((id) => id.startsWith('rds-storage-encryption')));
  });
});
