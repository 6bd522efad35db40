/**
 * The built CLI's controls and fixes: JSON `controls` and `fix`, SARIF `fixes`, `properties`,
 * tags and taxonomies (validated against the SARIF 2.1.0 schema), and `scan --controls`.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { Analyzer } from '../../../src/engine/analyzer';
import { applyTextEdits } from '../../../src/engine/fix-all';

const cli = path.join(process.cwd(), 'dist', 'cli.js');

function srlens(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      DBInstanceClass: db.t3.micro
      StorageEncrypted: false
      PubliclyAccessible: true
`;

interface JsonFinding {
  ruleId: string;
  file: string;
  fixable: boolean;
  controls: { framework: string; id: string; title: string }[];
  fix?: { title: string; edits: { file: string; range: unknown; newText: string }[] };
}

describe('srlens CLI: controls and fixes in the output', () => {
  let work: string;

  before(() => {
    work = mkdtempSync(path.join(tmpdir(), 'srlens-controls-'));
    writeFileSync(path.join(work, 'db.yaml'), TEMPLATE);
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  const scanJson = (...args: string[]): JsonFinding[] => {
    const result = srlens(['scan', 'db.yaml', '--format', 'json', '--fail-on', 'none', ...args], work);
    assert.equal(result.code, 0, result.stderr);
    return (JSON.parse(result.stdout) as { findings: JsonFinding[] }).findings;
  };

  it('JSON findings name their Security Hub and Annex A controls', () => {
    const publicDb = scanJson().find((f) => f.ruleId === 'rds-publicly-accessible');
    assert.deepEqual(publicDb?.controls, [
      {
        framework: 'aws-security-hub',
        id: 'RDS.2',
        title: 'RDS DB Instances should prohibit public access, as determined by the PubliclyAccessible configuration',
      },
      { framework: 'iso-27001-2022', id: '5.15', title: 'Access control' },
      { framework: 'iso-27001-2022', id: '8.20', title: 'Networks security' },
      { framework: 'iso-27001-2022', id: '8.22', title: 'Segregation of networks' },
    ]);
  });

  it('JSON findings carry the quick fix: title and edits, 0-based like the finding', () => {
    const findings = scanJson();
    assert.deepEqual(findings.find((f) => f.ruleId === 'rds-storage-encryption')?.fix, {
      title: 'Set StorageEncrypted to true',
      edits: [
        {
          file: 'db.yaml',
          range: { start: { line: 7, character: 24 }, end: { line: 7, character: 29 } },
          newText: 'true',
        },
      ],
    });
    assert.deepEqual(findings.find((f) => f.ruleId === 'rds-multi-az')?.fix, {
      title: 'Set MultiAZ to true',
      edits: [
        {
          file: 'db.yaml',
          range: { start: { line: 8, character: 30 }, end: { line: 8, character: 30 } },
          newText: '\n      MultiAZ: true',
        },
      ],
    });
    for (const finding of findings) assert.equal(finding.fix !== undefined, finding.fixable, finding.ruleId);
  });

  it('a JSON fix is the editor quick fix, and applying it clears its finding', async () => {
    const file = path.join(work, 'db.yaml');
    const analyzer = new Analyzer();
    const analysis = analyzer.analyzeCloudFormation(file, TEMPLATE);
    const fixable = scanJson().filter((f) => f.fix);
    assert.equal(fixable.length, 6);
    for (const finding of fixable) {
      const inEditor = analyzer.fixFor(analysis.findings.find((f) => f.ruleId === finding.ruleId)!)!;
      assert.deepEqual(finding.fix, {
        title: inEditor.title,
        edits: inEditor.edits.map((e) => ({ ...e, file: 'db.yaml' })),
      });
      const fixed = applyTextEdits(TEMPLATE, inEditor.edits);
      const after = new Analyzer().analyzeCloudFormation(file, fixed);
      assert.ok(!after.findings.some((f) => f.ruleId === finding.ruleId), `${finding.ruleId} after its fix`);
      assert.ok(!after.findings.some((f) => f.ruleId === 'parse-error'));
    }
  });

  describe('SARIF', () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    let log: any;
    before(() => {
      const result = srlens(['scan', 'db.yaml', '--format', 'sarif', '--fail-on', 'none'], work);
      log = JSON.parse(result.stdout);
    });

    it('validates against the SARIF 2.1.0 schema, fixes and taxonomies included', () => {
      const ajv = new Ajv({ strict: false, unicodeRegExp: false, allErrors: true });
      addFormats(ajv);
      const validate = ajv.compile(require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'));
      assert.ok(validate(log) as boolean, JSON.stringify(validate.errors, null, 2));
      assert.ok(log.runs[0].results.some((r: { fixes?: unknown }) => r.fixes));
      assert.ok(log.runs[0].taxonomies.length === 2);
    });

    it('results carry fixes: replacements with 1-based regions, deleted and inserted', () => {
      const result = log.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'rds-storage-encryption');
      assert.deepEqual(result.fixes, [
        {
          description: { text: 'Set StorageEncrypted to true' },
          artifactChanges: [
            {
              artifactLocation: { uri: 'db.yaml', uriBaseId: '%SRCROOT%' },
              replacements: [
                {
                  deletedRegion: { startLine: 8, startColumn: 25, endLine: 8, endColumn: 30 },
                  insertedContent: { text: 'true' },
                },
              ],
            },
          ],
        },
      ]);
      assert.deepEqual(
        { owner: result.properties.owner, concern: result.properties.concern, tier: result.properties.tier },
        { owner: 'customer', concern: 'data-at-rest', tier: 'container' },
      );
    });

    it("rules name their controls in tags and as relationships to the run's taxa", () => {
      const run = log.runs[0];
      const rule = run.tool.driver.rules.find((r: { id: string }) => r.id === 'rds-publicly-accessible');
      assert.deepEqual(rule.properties.tags, [
        'security',
        'network-access',
        'aws-security-hub/RDS.2',
        'iso-27001-2022/5.15',
        'iso-27001-2022/8.20',
        'iso-27001-2022/8.22',
      ]);
      const targets = rule.relationships.map(
        (r: { target: { id: string; index: number; toolComponent: { name: string; index: number } } }) => {
          const taxonomy = run.taxonomies[r.target.toolComponent.index];
          assert.equal(taxonomy.name, r.target.toolComponent.name);
          assert.equal(taxonomy.taxa[r.target.index].id, r.target.id);
          return `${taxonomy.name} ${r.target.id}: ${taxonomy.taxa[r.target.index].shortDescription.text}`;
        },
      );
      assert.deepEqual(targets, [
        'AWS Security Hub RDS.2: RDS DB Instances should prohibit public access, as determined by the PubliclyAccessible configuration',
        'ISO/IEC 27001:2022 Annex A 5.15: Access control',
        'ISO/IEC 27001:2022 Annex A 8.20: Networks security',
        'ISO/IEC 27001:2022 Annex A 8.22: Segregation of networks',
      ]);
      const securityHub = run.taxonomies.find((t: { name: string }) => t.name === 'AWS Security Hub');
      assert.equal(securityHub.version, '2026-03-31');
      assert.match(securityHub.shortDescription.text, /commit 4a1779ffb556 \(2026-04-06\)/);
      const rds2 = securityHub.taxa.find((t: { id: string }) => t.id === 'RDS.2');
      assert.equal(rds2.helpUri, 'https://docs.aws.amazon.com/console/securityhub/RDS.2/remediation');
      assert.deepEqual(rds2.properties, { severity: 'CRITICAL' });
    });
  });

  describe('scan --controls', () => {
    const rules = (findings: JsonFinding[]) => [...new Set(findings.map((f) => f.ruleId))].sort();

    const cases: [string, string[]][] = [
      ['aws-security-hub:RDS.2', ['rds-publicly-accessible']],
      ['aws-security-hub:RDS.2,RDS.3', ['rds-publicly-accessible', 'rds-storage-encryption']],
      ['iso-27001-2022:8.24', ['rds-storage-encryption']],
      ['rds.5', ['rds-multi-az']],
    ];
    for (const [controls, expected] of cases) {
      it(`--controls ${controls} → ${expected.join(', ')}`, () => {
        assert.deepEqual(rules(scanJson('--controls', controls)), expected);
      });
    }

    it('an unknown id, or controls no rule checks, exit 2 with one clear line', () => {
      const unknown = srlens(['scan', 'db.yaml', '--controls', 'aws-security-hub:RDS.999'], work);
      assert.equal(unknown.code, 2);
      assert.equal(
        unknown.stderr.trim(),
        "srlens: --controls: unknown control 'aws-security-hub:RDS.999': it is not in the AWS Security Hub catalog (452 controls, 2026-03-31).",
      );
      const unchecked = srlens(['scan', 'db.yaml', '--controls', 'CloudTrail.2'], work);
      assert.equal(unchecked.code, 2);
      assert.match(
        unchecked.stderr,
        /^srlens: --controls: no rule checks aws-security-hub:CloudTrail\.2, so nothing would be scanned/,
      );
    });

    it('.srlens.yaml controls: selects rules too; an unknown id there is a config finding and every rule runs', () => {
      writeFileSync(path.join(work, '.srlens.yaml'), 'controls: [aws-security-hub:RDS.3]\n');
      try {
        assert.deepEqual(rules(scanJson()), ['rds-storage-encryption']);
        // The option replaces the file's selection.
        assert.deepEqual(rules(scanJson('--controls', 'RDS.2')), ['rds-publicly-accessible']);
        writeFileSync(path.join(work, '.srlens.yaml'), 'controls: [RDS.999]\n');
        const result = srlens(['scan', '.', '--format', 'json', '--fail-on', 'none'], work);
        const findings = (JSON.parse(result.stdout) as { findings: (JsonFinding & { message: string })[] }).findings;
        const configError = findings.find((f) => f.ruleId === 'config-error');
        assert.match(configError?.message ?? '', /^You · Configuration and policies: Unknown control 'RDS\.999': /);
        assert.equal(
          (configError as { detail?: string } | undefined)?.detail,
          "Unknown control 'RDS.999': it is not in the AWS Security Hub catalog (452 controls, 2026-03-31) or the ISO/IEC 27001:2022 Annex A controls srlens maps (see docs/rules/).",
        );
        assert.ok(rules(findings).includes('rds-multi-az'));
      } finally {
        rmSync(path.join(work, '.srlens.yaml'));
      }
      assert.equal(readFileSync(path.join(work, 'db.yaml'), 'utf8'), TEMPLATE, 'scanning never writes');
    });
  });
});
