/**
 * Suppressions in the CLI's outputs (the built dist/cli.js): JSON `suppressed` with
 * `--include-suppressed`, SARIF `suppressions` always (validated against the SARIF 2.1.0 schema),
 * `--fail-on` never counting what is suppressed, `--verbose` listing peer ids we do not map, and
 * `.srlens.yaml` suppressions as `external`.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

const cli = path.join(process.cwd(), 'dist', 'cli.js');

function srlens(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const TEMPLATE = `Resources:
  # srlens-ignore rds-storage-encryption expires=2999-12-31 owner=data-team ticket=SEC-9 restored from an encrypted snapshot
  Db:
    Type: AWS::RDS::DBInstance
    Metadata:
      checkov:
        skip:
          - id: CKV_AWS_157
            comment: single-AZ test database
          - id: CKV_AWS_99999
            comment: a check srlens does not map
    Properties:
      StorageEncrypted: false
      MultiAZ: false
      PubliclyAccessible: false
      DeletionProtection: true
      BackupRetentionPeriod: 7
      EnableIAMDatabaseAuthentication: true
      AutoMinorVersionUpgrade: true
      MasterUserPassword: '{{resolve:secretsmanager:db}}'
`;

const TERRAFORM = `resource "aws_s3_bucket" "logs" {
  bucket = "logs"
}
`;

describe('srlens CLI: suppressions', () => {
  let work: string;

  before(() => {
    work = mkdtempSync(path.join(tmpdir(), 'srlens-suppress-'));
    writeFileSync(path.join(work, 'stack.yaml'), TEMPLATE);
    mkdirSync(path.join(work, 'tf'));
    writeFileSync(path.join(work, 'tf', 'main.tf'), TERRAFORM);
    writeFileSync(
      path.join(work, '.srlens.yaml'),
      'suppressions:\n  - rule: s3-bucket-access-logging\n    path: "tf/**"\n    reason: this is the log bucket\n',
    );
  });

  after(() => rmSync(work, { recursive: true, force: true }));

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const json = (args: string[]): any =>
    JSON.parse(srlens(['scan', '--format', 'json', '--fail-on', 'none', ...args], work).stdout);

  it('JSON lists suppressed findings, with what suppressed them, only when asked', () => {
    const plain = json([]);
    assert.ok(plain.findings.every((f: { suppressed?: unknown }) => f.suppressed === undefined));
    const all = json(['--include-suppressed']);
    const suppressed = all.findings.filter((f: { suppressed?: unknown }) => f.suppressed !== undefined);
    assert.deepEqual(
      suppressed.map((f: { ruleId: string; file: string; suppressed: object }) => [f.ruleId, f.file, f.suppressed]),
      [
        [
          'rds-storage-encryption',
          'stack.yaml',
          {
            reason: 'restored from an encrypted snapshot',
            expires: '2999-12-31',
            source: 'comment',
            kind: 'inSource',
            file: 'stack.yaml',
            line: 2,
            owner: 'data-team',
            ticket: 'SEC-9',
          },
        ],
        [
          'rds-multi-az',
          'stack.yaml',
          {
            reason: 'single-AZ test database',
            source: 'checkov',
            kind: 'inSource',
            file: 'stack.yaml',
            line: 8,
            peerId: 'CKV_AWS_157',
          },
        ],
        [
          's3-bucket-access-logging',
          'tf/main.tf',
          { reason: 'this is the log bucket', source: 'config', kind: 'external', file: '.srlens.yaml', line: 2 },
        ],
      ].sort((a, b) => ((a[1] as string) < (b[1] as string) ? -1 : (a[1] as string) > (b[1] as string) ? 1 : 0)),
    );
    assert.equal(all.findings.length, plain.findings.length + 3);
  });

  it('--fail-on never counts a suppressed finding', () => {
    // What is left open: versioning on the bucket (a warning), nothing at error level.
    const result = srlens(['scan', '--fail-on', 'error', '--include-suppressed'], work);
    assert.equal(result.code, 0, result.stdout);
  });

  it('SARIF keeps every suppressed result with its suppression, and validates against the 2.1.0 schema', () => {
    const result = srlens(['scan', '--format', 'sarif', '--fail-on', 'none'], work);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const log: any = JSON.parse(result.stdout);
    const ajv = new Ajv({ strict: false, unicodeRegExp: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'));
    const valid = validate(log) as boolean;
    assert.ok(valid, JSON.stringify(validate.errors, null, 2));
    const suppressed = log.runs[0].results
      .filter((r: { suppressions?: unknown }) => r.suppressions)
      .map((r: { ruleId: string; suppressions: { kind: string; justification: string; status: string }[] }) => [
        r.ruleId,
        r.suppressions.map((s) => [s.kind, s.status, s.justification]),
      ])
      .sort();
    assert.deepEqual(suppressed, [
      ['rds-multi-az', [['inSource', 'accepted', 'single-AZ test database']]],
      ['rds-storage-encryption', [['inSource', 'accepted', 'restored from an encrypted snapshot']]],
      ['s3-bucket-access-logging', [['external', 'accepted', 'this is the log bucket']]],
    ]);
  });

  it('--verbose lists a peer id srlens does not map, once, and never fails for it', () => {
    const quiet = srlens(['scan', '--fail-on', 'none'], work);
    assert.doesNotMatch(quiet.stderr, /CKV_AWS_99999/);
    const verbose = srlens(['scan', '--fail-on', 'none', '--verbose'], work);
    assert.equal(verbose.code, 0);
    assert.deepEqual(
      verbose.stderr.split('\n').filter((line) => line.includes('CKV_AWS_99999')),
      [
        "srlens: note: checkov suppression 'CKV_AWS_99999' (stack.yaml:10) names a check srlens does not map to a rule of its own: it silences nothing here.",
      ],
    );
  });
});
