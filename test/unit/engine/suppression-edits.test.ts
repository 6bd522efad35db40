/**
 * Suppression edits: written in the file's own style, and read back by the engine — after applying
 * them the finding is gone, the file still parses, and the suppression is neither unused nor
 * reasonless.
 */
import { strict as assert } from 'node:assert';
import { Analyzer, type Analysis } from '../../../src/engine/analyzer';
import { applyTextEdits } from '../../../src/engine/fix-all';
import {
  cleanReason,
  MAX_REASON_LENGTH,
  pendingSuppressionEdits,
  suppressionEdits,
} from '../../../src/engine/suppression-edits';
import type { Resource } from '../../../src/iac/model';

const RDS = 'rds-storage-encryption';

async function analyse(path: string, text: string): Promise<Analysis> {
  return new Analyzer().analyze([{ path, text }]);
}

function resourceOf(analysis: Analysis, id: string): Resource {
  const resource = analysis.units.flatMap((u) => u.resources).find((r) => r.id === id);
  assert.ok(resource, `resource ${id}`);
  return resource;
}

/** Suppresses `rule` on `id`, checks the engine agrees, and returns the new text. */
async function suppress(
  path: string,
  text: string,
  id: string,
  rule: string,
  reason: string,
  expires?: string,
): Promise<string> {
  const before = await analyse(path, text);
  assert.ok(
    before.findings.some((f) => f.ruleId === rule && f.resource === id),
    `${rule} is reported on ${id} before`,
  );
  const result = suppressionEdits(resourceOf(before, id), rule, reason, text, { expires });
  assert.ok('edits' in result, 'error' in result ? result.error : '');
  const fixed = applyTextEdits(text, result.edits);
  const after = await analyse(path, fixed);
  const ids = (a: Analysis) => a.findings.map((f) => `${f.ruleId}@${f.resource}`);
  assert.ok(!ids(after).includes(`${rule}@${id}`), `${rule} is gone from ${id}: ${ids(after).join(', ')}`);
  for (const meta of ['parse-error', 'unused-suppression', 'suppression-without-reason']) {
    assert.deepEqual(
      after.findings.filter((f) => f.ruleId === meta).map((f) => f.message),
      [],
      meta,
    );
  }
  // Nothing else changed: every other finding is still there (a reasonless suppression given its reason aside).
  const expected = ids(before).filter((x) => x !== `${rule}@${id}` && !x.startsWith('suppression-without-reason@'));
  assert.deepEqual(ids(after).sort(), expected.sort());
  return fixed;
}

const YAML = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Logs:
    Type: AWS::S3::Bucket
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      StorageEncrypted: false
`;

const JSON_TEMPLATE = `{
    "Resources": {
        "Db": {
            "Type": "AWS::RDS::DBInstance",
            "Properties": {
                "Engine": "mysql"
            }
        }
    }
}
`;

describe('suppression edits', () => {
  describe('reason', () => {
    it('is flattened to one line, trimmed and bounded', () => {
      assert.equal(cleanReason('  reviewed\r\nby   security\u2028team\t'), 'reviewed by security team');
      assert.equal(cleanReason('\n \t'), '');
      assert.equal(cleanReason('x'.repeat(MAX_REASON_LENGTH + 50)).length, MAX_REASON_LENGTH);
    });

    it('is required', async () => {
      const analysis = await analyse('/t/a.yaml', YAML);
      const result = suppressionEdits(resourceOf(analysis, 'Db'), RDS, ' \n ', YAML);
      assert.ok('error' in result);
      assert.match(result.error, /reason/);
    });
  });

  describe('CloudFormation YAML', () => {
    it('adds a comment above the resource, indented like it', async () => {
      const fixed = await suppress('/t/a.yaml', YAML, 'Db', RDS, 'encrypted by the storage layer');
      assert.equal(fixed, YAML.replace('  Db:\n', `  # srlens-ignore ${RDS} encrypted by the storage layer\n  Db:\n`));
    });

    it('keeps CRLF line endings and writes a multi-line reason on one line', async () => {
      const crlf = YAML.replace(/\n/g, '\r\n');
      const fixed = await suppress('/t/a.yaml', crlf, 'Db', RDS, 'first line\nsecond line');
      assert.ok(
        fixed.includes(`\r\n  # srlens-ignore ${RDS} first line second line\r\n  Db:\r\n`),
        JSON.stringify(fixed),
      );
      assert.ok(!/[^\r]\n/.test(fixed), 'only CRLF line breaks');
    });

    it('gives a reasonless suppression of the same rule its reason instead of adding another', async () => {
      const text = YAML.replace('  Db:\n', `  # srlens-ignore ${RDS}\n  Db:\n`);
      const before = await analyse('/t/a.yaml', text);
      assert.ok(before.findings.some((f) => f.ruleId === 'suppression-without-reason'));
      const fixed = await suppress('/t/a.yaml', text, 'Db', RDS, 'test data only');
      assert.equal(fixed, YAML.replace('  Db:\n', `  # srlens-ignore ${RDS} test data only\n  Db:\n`));
    });

    it('works on a template nested deeper (four-space indentation)', async () => {
      const text = YAML.replace(/^( +)/gm, (m) => m + m);
      const fixed = await suppress('/t/a.yaml', text, 'Db', RDS, 'ok');
      assert.ok(fixed.includes(`\n    # srlens-ignore ${RDS} ok\n    Db:\n`));
    });
  });

  describe('Terraform', () => {
    const TF = `provider "aws" {
  region = "eu-west-1"
}

resource "aws_db_instance" "db" {
  engine = "postgres"
}
`;
    it('adds a comment above the resource block', async () => {
      const fixed = await suppress(
        '/m/main.tf',
        TF,
        'aws_db_instance.db',
        RDS,
        'snapshot-restored, encrypted upstream',
      );
      assert.equal(
        fixed,
        TF.replace(
          'resource "aws_db_instance"',
          `# srlens-ignore ${RDS} snapshot-restored, encrypted upstream\nresource "aws_db_instance"`,
        ),
      );
    });
  });

  describe('CloudFormation JSON', () => {
    it('adds Metadata to a resource without it, in the file’s indentation', async () => {
      const fixed = await suppress('/t/a.json', JSON_TEMPLATE, 'Db', RDS, 'encrypted "upstream" \\ elsewhere\nreally');
      const parsed = JSON.parse(fixed);
      assert.deepEqual(parsed.Resources.Db.Metadata, {
        srlens: { ignore: [{ rule: RDS, reason: 'encrypted "upstream" \\ elsewhere really' }] },
      });
      assert.equal(
        fixed,
        JSON_TEMPLATE.replace(
          '                "Engine": "mysql"\n            }\n',
          '                "Engine": "mysql"\n            },\n            "Metadata": {\n                "srlens": {\n                    "ignore": [\n                        {\n                            "rule": "rds-storage-encryption",\n                            "reason": "encrypted \\"upstream\\" \\\\ elsewhere really"\n                        }\n                    ]\n                }\n            }\n',
        ),
      );
    });

    it('merges into existing Metadata and an existing ignore list', async () => {
      const text = JSON_TEMPLATE.replace(
        '"Type": "AWS::RDS::DBInstance",',
        '"Type": "AWS::RDS::DBInstance",\n            "Metadata": { "cfn-lint": { "config": {} }, "srlens": { "ignore": [ { "rule": "rds-multi-az", "reason": "dev" } ] } },',
      );
      const fixed = await suppress('/t/a.json', text, 'Db', RDS, 'dev data');
      const metadata = JSON.parse(fixed).Resources.Db.Metadata;
      assert.deepEqual(metadata['cfn-lint'], { config: {} });
      assert.deepEqual(metadata.srlens.ignore, [
        { rule: 'rds-multi-az', reason: 'dev' },
        { rule: RDS, reason: 'dev data' },
      ]);
    });

    it('adds to Metadata that has no srlens key yet', async () => {
      const text = JSON_TEMPLATE.replace(
        '"Type": "AWS::RDS::DBInstance",',
        '"Type": "AWS::RDS::DBInstance",\n            "Metadata": {\n                "Owner": "team-a"\n            },',
      );
      const fixed = await suppress('/t/a.json', text, 'Db', RDS, 'dev');
      assert.deepEqual(JSON.parse(fixed).Resources.Db.Metadata, {
        Owner: 'team-a',
        srlens: { ignore: [{ rule: RDS, reason: 'dev' }] },
      });
      assert.ok(
        fixed.includes(
          '\n            "Metadata": {\n                "Owner": "team-a",\n                "srlens": {\n',
        ),
        fixed,
      );
    });

    it('gives a reasonless entry for the same rule its reason', async () => {
      const text = JSON_TEMPLATE.replace(
        '"Type": "AWS::RDS::DBInstance",',
        `"Type": "AWS::RDS::DBInstance",\n            "Metadata": { "srlens": { "ignore": [ { "rule": "${RDS}", "reason": "" } ] } },`,
      );
      const fixed = await suppress('/t/a.json', text, 'Db', RDS, 'reviewed');
      assert.deepEqual(JSON.parse(fixed).Resources.Db.Metadata.srlens.ignore, [{ rule: RDS, reason: 'reviewed' }]);
    });

    it('keeps tab indentation and CRLF', async () => {
      const text = JSON_TEMPLATE.replace(/ {4}/g, '\t').replace(/\n/g, '\r\n');
      const fixed = await suppress('/t/a.json', text, 'Db', RDS, 'ok');
      assert.ok(fixed.includes('\r\n\t\t\t"Metadata": {\r\n\t\t\t\t"srlens": {'), JSON.stringify(fixed));
      assert.ok(!/[^\r]\n/.test(fixed), 'only CRLF line breaks');
      assert.ok(!/\n +/.test(fixed), 'no space indentation');
    });

    it('refuses Metadata that is not an object', async () => {
      const text = JSON_TEMPLATE.replace(
        '"Type": "AWS::RDS::DBInstance",',
        '"Type": "AWS::RDS::DBInstance",\n            "Metadata": "none",',
      );
      const analysis = await analyse('/t/a.json', text);
      const result = suppressionEdits(resourceOf(analysis, 'Db'), RDS, 'why', text);
      assert.ok('error' in result);
      assert.match(result.error, /not an object/);
    });
  });

  describe('with the reason left to write (editors that cannot ask for it)', () => {
    const cases: { name: string; path: string; text: string; expected: string }[] = [
      {
        name: 'YAML: a comment naming the rule above the resource',
        path: '/t/a.yaml',
        text: YAML,
        expected: YAML.replace('  Db:\n', `  # srlens-ignore ${RDS}\n  Db:\n`),
      },
      {
        name: 'JSON: an ignore entry with an empty reason',
        path: '/t/a.json',
        text: JSON_TEMPLATE,
        expected: JSON_TEMPLATE.replace(
          '                "Engine": "mysql"\n            }\n',
          '                "Engine": "mysql"\n            },\n            "Metadata": {\n                "srlens": {\n                    "ignore": [\n                        {\n                            "rule": "rds-storage-encryption",\n                            "reason": ""\n                        }\n                    ]\n                }\n            }\n',
        ),
      },
    ];
    for (const c of cases) {
      it(`${c.name}; until the reason is written it does not apply and is reported`, async () => {
        const before = await analyse(c.path, c.text);
        const result = pendingSuppressionEdits(resourceOf(before, 'Db'), RDS, c.text);
        assert.ok('edits' in result, 'error' in result ? result.error : '');
        const pending = applyTextEdits(c.text, result.edits);
        assert.equal(pending, c.expected);
        const after = await analyse(c.path, pending);
        const ids = after.findings.map((f) => f.ruleId);
        assert.ok(ids.includes(RDS), ids.join(', '));
        assert.ok(ids.includes('suppression-without-reason'), ids.join(', '));
        // The reason written later goes into the same suppression.
        const reasoned = suppressionEdits(resourceOf(after, 'Db'), RDS, 'dev data', pending);
        assert.ok('edits' in reasoned);
        const done = await analyse(c.path, applyTextEdits(pending, reasoned.edits));
        assert.deepEqual(
          done.findings.map((f) => f.ruleId).filter((id) => id === RDS || id.startsWith('suppression')),
          [],
        );
      });
    }

    it('refuses a rule id that is not one word', async () => {
      const before = await analyse('/t/a.yaml', YAML);
      assert.deepEqual(pendingSuppressionEdits(resourceOf(before, 'Db'), 'two words', YAML), {
        error: "'two words' is not a rule id.",
      });
    });
  });

  describe('with an expiry date', () => {
    it('writes expires= after the rule id in YAML and Terraform comments', async () => {
      const yaml = await suppress('/t/a.yaml', YAML, 'Db', RDS, 'restored copy', '2999-12-31');
      assert.ok(
        yaml.includes('  # srlens-ignore rds-storage-encryption expires=2999-12-31 restored copy\n  Db:\n'),
        yaml,
      );
      const tf = await suppress(
        '/t/m/main.tf',
        'resource "aws_db_instance" "db" {\n  engine = "mysql"\n}\n',
        'aws_db_instance.db',
        RDS,
        'restored copy',
        '2999-12-31',
      );
      assert.ok(tf.startsWith('# srlens-ignore rds-storage-encryption expires=2999-12-31 restored copy\n'), tf);
    });

    it('writes expires in the JSON Metadata entry, also when it completes a reasonless one', async () => {
      const fresh = await suppress('/t/a.json', JSON_TEMPLATE, 'Db', RDS, 'restored copy', '2999-12-31');
      assert.deepEqual(JSON.parse(fresh).Resources.Db.Metadata.srlens.ignore, [
        { rule: RDS, reason: 'restored copy', expires: '2999-12-31' },
      ]);
      const reasonless = JSON_TEMPLATE.replace(
        '"Type": "AWS::RDS::DBInstance",',
        `"Type": "AWS::RDS::DBInstance",\n            "Metadata": { "srlens": { "ignore": [ { "rule": "${RDS}" } ] } },`,
      );
      const completed = await suppress('/t/b.json', reasonless, 'Db', RDS, 'restored copy', '2999-12-31');
      assert.deepEqual(JSON.parse(completed).Resources.Db.Metadata.srlens.ignore, [
        { rule: RDS, reason: 'restored copy', expires: '2999-12-31' },
      ]);
    });

    it('refuses a date that is not YYYY-MM-DD, and takes an empty one as none', async () => {
      const analysis = await analyse('/t/a.yaml', YAML);
      const bad = suppressionEdits(resourceOf(analysis, 'Db'), RDS, 'why', YAML, { expires: '31/12/2027' });
      assert.ok('error' in bad);
      assert.match(bad.error, /'31\/12\/2027' is not a date/);
      const none = suppressionEdits(resourceOf(analysis, 'Db'), RDS, 'why', YAML, { expires: ' ' });
      assert.ok('edits' in none);
      assert.equal(none.edits[0].newText, '  # srlens-ignore rds-storage-encryption why\n');
    });
  });
});
