/**
 * Suppressions that expire and carry an owner (`# srlens-ignore <rule> expires=… owner=… <reason>`,
 * Metadata `srlens.ignore` entries), scoped `.srlens.yaml` suppressions, and bad input: malformed
 * dates, rules that do not exist or do not apply, a thousand suppressions in one file. Today is
 * fixed at 2026-06-15.
 */
import { strict as assert } from 'node:assert';
import { Analyzer, type Analysis } from '../../../src/engine/analyzer';
import { DEFAULT_CONFIG, parseConfig, type SrlensConfig } from '../../../src/engine/config';
import { mergeConfig } from '../../../src/engine/effective-config';
import { commentSuppressions, matchesPath } from '../../../src/engine/suppressions';
import { RULES } from '../../../src/rules';
import { rule as rdsMultiAz } from '../../../src/rules/rds-multi-az';
import { rule as rdsStorageEncryption } from '../../../src/rules/rds-storage-encryption';
import { rule as s3AccessLogging } from '../../../src/rules/s3-bucket-access-logging';
import { rule as s3Versioning } from '../../../src/rules/s3-bucket-versioning';

const rules = [s3Versioning, s3AccessLogging, rdsStorageEncryption, rdsMultiAz];
const TODAY = '2026-06-15';
const KNOWN = new Set(RULES.map((r) => r.id));

async function analyze(
  files: { path: string; text: string }[],
  config: SrlensConfig = DEFAULT_CONFIG,
  today = TODAY,
): Promise<Analysis> {
  return new Analyzer({ rules, config, today: () => today }).analyze(files);
}

const open = (a: Analysis) => a.findings.map((f) => f.ruleId).sort();
const silenced = (a: Analysis) => (a.suppressed ?? []).map((s) => s.finding.ruleId).sort();

/** A bucket with a suppression of s3-bucket-access-logging, in each syntax. */
const FORMS: { syntax: string; path: string; text: (options: string, reason: string) => string }[] = [
  {
    syntax: 'CloudFormation YAML comment',
    path: '/t.yaml',
    text: (options, reason) =>
      `Resources:\n  # srlens-ignore s3-bucket-access-logging ${options} ${reason}\n  Bucket:\n    Type: AWS::S3::Bucket\n`,
  },
  {
    syntax: 'CloudFormation YAML Metadata',
    path: '/t.yaml',
    text: (options, reason) =>
      `Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Metadata:\n      srlens:\n        ignore:\n          - rule: s3-bucket-access-logging\n            reason: ${reason}\n${options
        .split(' ')
        .filter(Boolean)
        .map((o) => `            ${o.replace('=', ': ')}\n`)
        .join('')}`,
  },
  {
    syntax: 'CloudFormation JSON Metadata',
    path: '/t.json',
    text: (options, reason) =>
      JSON.stringify({
        Resources: {
          Bucket: {
            Type: 'AWS::S3::Bucket',
            Metadata: {
              srlens: {
                ignore: [
                  {
                    rule: 's3-bucket-access-logging',
                    reason,
                    ...Object.fromEntries(
                      options
                        .split(' ')
                        .filter(Boolean)
                        .map((o) => o.split('=')),
                    ),
                  },
                ],
              },
            },
          },
        },
      }),
  },
  {
    syntax: 'Terraform comment',
    path: '/m/main.tf',
    text: (options, reason) =>
      `# srlens-ignore s3-bucket-access-logging ${options} ${reason}\nresource "aws_s3_bucket" "b" {\n  bucket = "data"\n}\n`,
  },
];

/** Expiry relative to today (2026-06-15): what stays open, what is silenced. */
const EXPIRY: { expires: string; open: string[]; silenced: string[]; note: string }[] = [
  { expires: '', open: ['s3-bucket-versioning'], silenced: ['s3-bucket-access-logging'], note: 'no expiry' },
  {
    expires: '2026-06-30',
    open: ['s3-bucket-versioning'],
    silenced: ['s3-bucket-access-logging'],
    note: '15 days ahead: suppresses, not yet expiring',
  },
  {
    expires: '2026-06-29',
    open: ['s3-bucket-versioning', 'suppression-expiring'],
    silenced: ['s3-bucket-access-logging'],
    note: '14 days ahead: suppresses, and says it expires soon',
  },
  {
    expires: '2026-06-15',
    open: ['s3-bucket-versioning', 'suppression-expiring'],
    silenced: ['s3-bucket-access-logging'],
    note: 'today: its last day',
  },
  {
    expires: '2026-06-14',
    open: ['s3-bucket-access-logging', 's3-bucket-versioning'],
    silenced: [],
    note: 'yesterday: the finding is reported again',
  },
  {
    expires: '2026-02-30',
    open: ['s3-bucket-access-logging', 's3-bucket-versioning', 'suppression-invalid'],
    silenced: [],
    note: 'no such day: does not apply, one warning',
  },
  {
    expires: 'next-week',
    open: ['s3-bucket-access-logging', 's3-bucket-versioning', 'suppression-invalid'],
    silenced: [],
    note: 'not a date: does not apply, one warning',
  },
];

/**
 * A finding's text as the engine wrote it, before it became a headline: a shortened headline's
 * detail opens with it whole; otherwise the headline after its owner and concern, then the detail.
 */
function written(f: { message: string; detail?: string } | undefined): string {
  if (!f) return '';
  if (f.message.endsWith('…')) return f.detail ?? '';
  const head = f.message.replace(/^(You|Shared|AWS) · [^:]+: /, '');
  return [`${head.charAt(0).toUpperCase()}${head.slice(1)}.`, f.detail].filter(Boolean).join(' ');
}

describe('suppressions that expire', () => {
  for (const form of FORMS) {
    for (const row of EXPIRY) {
      it(`${form.syntax}, ${row.note}`, async () => {
        const options = row.expires ? `expires=${row.expires} owner=data-team ticket=SEC-42` : 'owner=data-team';
        const analysis = await analyze([{ path: form.path, text: form.text(options, 'the log bucket itself') }]);
        assert.deepEqual(
          { open: open(analysis), silenced: silenced(analysis) },
          { open: row.open, silenced: row.silenced },
        );
        for (const s of analysis.suppressed ?? []) {
          assert.equal(s.suppression.reason, 'the log bucket itself');
          assert.equal(s.suppression.owner, 'data-team');
        }
      });
    }
  }

  it('says in the finding that the acceptance expired, and on which day', async () => {
    const analysis = await analyze([
      { path: '/t.yaml', text: FORMS[0].text('expires=2026-05-31 owner=data-team', 'the log bucket itself') },
    ]);
    const logging = analysis.findings.find((f) => f.ruleId === 's3-bucket-access-logging');
    assert.match(
      logging?.message ?? '',
      /^Shared · Logging and monitoring: bucket 'Bucket' has no server access logging$/,
    );
    assert.match(
      logging?.detail ?? '',
      /^The accepted risk \(srlens-ignore comment, line 2: "the log bucket itself", owner data-team\) expired on 2026-05-31, so this finding is reported again: fix it, or renew the acceptance with a new date\. /,
    );
    assert.deepEqual(logging?.expiredSuppression, {
      reason: 'the log bucket itself',
      expires: '2026-05-31',
      source: 'comment',
      kind: 'inSource',
      file: '/t.yaml',
      line: 2,
      owner: 'data-team',
    });
  });

  it('words the expiring finding with the date, the days left and the owner', async () => {
    const analysis = await analyze([
      { path: '/m/main.tf', text: FORMS[3].text('expires=2026-06-16 owner=data-team', 'the log bucket itself') },
    ]);
    const expiring = analysis.findings.find((f) => f.ruleId === 'suppression-expiring');
    assert.equal(
      written(expiring),
      "This srlens-ignore comment of 's3-bucket-access-logging' expires on 2026-06-16 (tomorrow); owner: data-team: renew it with a new date and reason, or fix the finding.",
    );
    assert.deepEqual([expiring?.severity, expiring?.range.start.line], ['info', 0]);
  });

  it('uses the real date when no clock is given', async () => {
    const text = (expires: string) => FORMS[0].text(`expires=${expires}`, 'the log bucket itself');
    const analyzer = new Analyzer({ rules });
    assert.deepEqual(silenced(await analyzer.analyze([{ path: '/a.yaml', text: text('2999-12-31') }])), [
      's3-bucket-access-logging',
    ]);
    assert.deepEqual(silenced(await analyzer.analyze([{ path: '/b.yaml', text: text('2000-01-01') }])), []);
  });

  it('analyses again on another day, although the text is the same', async () => {
    let today = '2026-06-15';
    const analyzer = new Analyzer({ rules, today: () => today });
    const files = [{ path: '/t.yaml', text: FORMS[0].text('expires=2026-06-20', 'the log bucket itself') }];
    assert.deepEqual(silenced(await analyzer.analyze(files)), ['s3-bucket-access-logging']);
    today = '2026-06-21';
    assert.deepEqual(silenced(await analyzer.analyze(files)), []);
  });

  it('an expired suppression next to a renewed one is reported as stale, and the renewed one applies', async () => {
    const text =
      'Resources:\n  # srlens-ignore s3-bucket-access-logging expires=2026-01-31 the log bucket itself\n  # srlens-ignore s3-bucket-access-logging expires=2026-12-31 the log bucket itself, renewed\n  Bucket:\n    Type: AWS::S3::Bucket\n';
    const analysis = await analyze([{ path: '/t.yaml', text }]);
    assert.deepEqual(silenced(analysis), ['s3-bucket-access-logging']);
    assert.equal(analysis.suppressed?.[0].suppression.expires, '2026-12-31');
    assert.deepEqual(
      analysis.findings.filter((f) => f.ruleId === 'unused-suppression').map((f) => [f.range.start.line, written(f)]),
      [
        [
          1,
          "This suppression of 's3-bucket-access-logging' expired on 2026-01-31 and matches no finding now: remove it.",
        ],
      ],
    );
  });

  it('reads options only right after the rule id; the rest is the reason', () => {
    const [a, b] = commentSuppressions(
      '/t.yaml',
      '# srlens-ignore r1 expires=2027-01-01 ticket=SEC-1 reason with owner=nobody inside\nA: 1\n# srlens-ignore r2 plain reason\nB: 2\n',
    );
    assert.deepEqual(
      [a.rule, a.expires, a.ticket, a.owner, a.reason],
      ['r1', '2027-01-01', 'SEC-1', undefined, 'reason with owner=nobody inside'],
    );
    assert.deepEqual([b.rule, b.expires, b.reason], ['r2', undefined, 'plain reason']);
  });
});

describe('.srlens.yaml suppressions', () => {
  const load = (text: string) => parseConfig('/w/.srlens.yaml', text, KNOWN);

  it('reads each one with its scope, reason, expiry, owner and ticket', () => {
    const { config, findings } = load(
      'peerSuppressions: false\nsuppressions:\n  - rule: s3-bucket-access-logging\n    path: "cdk.out/**"\n    resourceType: AWS::S3::Bucket\n    reason: CDK asset buckets\n    expires: 2026-12-31\n    owner: platform\n    ticket: SEC-7\n',
    );
    assert.deepEqual(findings, []);
    assert.equal(config.peerSuppressions, false);
    assert.deepEqual(
      config.suppressions?.map((s) => ({ ...s, range: s.range.start.line })),
      [
        {
          rule: 's3-bucket-access-logging',
          reason: 'CDK asset buckets',
          file: '/w/.srlens.yaml',
          range: 2,
          scope: { root: '/w', resourceType: 'AWS::S3::Bucket', path: 'cdk.out/**' },
          source: 'config',
          expires: '2026-12-31',
          owner: 'platform',
          ticket: 'SEC-7',
        },
      ],
    );
  });

  const BAD: [string, string, string][] = [
    ['suppressions: yes\n', 'error', "'suppressions' must be a list"],
    ['suppressions:\n  - just-a-string\n', 'error', 'Each suppression must be a mapping'],
    ['suppressions:\n  - reason: why\n    resource: A\n', 'error', 'names no rule'],
    [
      'suppressions:\n  - rule: no-such-rule\n    resource: A\n    reason: why\n',
      'warning',
      "Unknown rule 'no-such-rule'",
    ],
    ['suppressions:\n  - rule: rds-multi-az\n    resource: A\n', 'error', 'gives no reason'],
    ['suppressions:\n  - rule: rds-multi-az\n    reason: why\n', 'error', 'has no scope'],
    [
      'suppressions:\n  - rule: rds-multi-az\n    resource: A\n    reason: why\n    expires: 31/12/2026\n',
      'error',
      "The expiry date '31/12/2026' is not a date",
    ],
    [
      'suppressions:\n  - rule: rds-multi-az\n    resource: A\n    reason: why\n    until: x\n',
      'error',
      "Unknown key 'until'",
    ],
    ['suppressions:\n  - rule: rds-multi-az\n    resource: [A, B]\n    reason: why\n', 'error', 'single value'],
    ['peerSuppressions: sometimes\n', 'error', "'peerSuppressions' must be true or false"],
  ];
  for (const [text, severity, message] of BAD) {
    it(`rejects ${JSON.stringify(text)} with one clear finding, and applies none of it`, () => {
      const { config, findings } = load(text);
      assert.equal(findings.length, 1, JSON.stringify(findings));
      assert.equal(findings[0].ruleId, 'config-error');
      assert.equal(findings[0].severity, severity);
      assert.ok(written(findings[0]).includes(message), written(findings[0]));
      assert.equal(config.suppressions?.length ?? 0, 0);
    });
  }

  it('keeps the good entries when one is bad', () => {
    const { config, findings } = load(
      'suppressions:\n  - rule: rds-multi-az\n    reason: why\n  - rule: rds-multi-az\n    resource: Db\n    reason: single-AZ test database\n',
    );
    assert.equal(findings.length, 1);
    assert.deepEqual(
      config.suppressions?.map((s) => s.scope?.resource),
      ['Db'],
    );
  });

  const DB_YAML = 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      StorageEncrypted: true\n';
  const DB_TF = 'resource "aws_db_instance" "db" {\n  storage_encrypted = true\n}\n';
  const SCOPES: [string, string, string[]][] = [
    ['resource: Db', '/w/t.yaml', ['rds-multi-az']],
    ['resource: Other', '/w/t.yaml', []],
    ['resource: aws_db_instance.db', '/w/m/main.tf', ['rds-multi-az']],
    ['resourceType: AWS::RDS::DBInstance', '/w/t.yaml', ['rds-multi-az']],
    ['resourceType: aws_db_instance', '/w/t.yaml', []],
    ['service: rds', '/w/m/main.tf', ['rds-multi-az']],
    ['service: s3', '/w/m/main.tf', []],
    ['service: Amazon RDS', '/w/t.yaml', ['rds-multi-az']],
    ['service: RDS', '/w/t.yaml', ['rds-multi-az']],
    ['path: "*.yaml"', '/w/t.yaml', ['rds-multi-az']],
    ['path: "*.yaml"', '/w/m/main.tf', []],
    ['path: m', '/w/m/main.tf', ['rds-multi-az']],
    ['path: "**/main.tf"', '/w/m/main.tf', ['rds-multi-az']],
    ['path: "**/main.tf"\n    service: s3', '/w/m/main.tf', []],
  ];
  for (const [scope, path, expected] of SCOPES) {
    it(`scoped by ${scope.replace(/\n\s*/g, ' and ')} on ${path}: silences ${expected.join(', ') || 'nothing'}`, async () => {
      const { config } = load(
        `suppressions:\n  - rule: rds-multi-az\n    ${scope}\n    reason: single-AZ test database\n`,
      );
      const analysis = await analyze([{ path, text: path.endsWith('.tf') ? DB_TF : DB_YAML }], config);
      assert.deepEqual(silenced(analysis), expected);
      assert.deepEqual(open(analysis), expected.length > 0 ? [] : ['rds-multi-az'], 'never reported as unused');
      for (const s of analysis.suppressed ?? []) assert.equal(s.suppression.source, 'config');
    });
  }

  it('expires like the others, and one expiring soon is reported once, at its line in .srlens.yaml', async () => {
    const { config } = load(
      'suppressions:\n  - rule: rds-multi-az\n    resourceType: AWS::RDS::DBInstance\n    reason: test databases\n    expires: 2026-06-20\n',
    );
    const files = [
      { path: '/w/a.yaml', text: DB_YAML },
      { path: '/w/b.yaml', text: DB_YAML },
    ];
    const soon = await analyze(files, config);
    assert.deepEqual(open(soon), ['suppression-expiring']);
    assert.deepEqual([soon.findings[0].file, soon.findings[0].range.start.line], ['/w/.srlens.yaml', 1]);
    assert.match(written(soon.findings[0]), /^This \.srlens\.yaml suppression of 'rds-multi-az' expires on 2026-06-20/);
    assert.deepEqual(silenced(soon), ['rds-multi-az', 'rds-multi-az']);
    const late = await analyze(files, config, '2026-06-21');
    assert.deepEqual(open(late), ['rds-multi-az', 'rds-multi-az']);
  });

  it('the editor keeps them when it merges its settings', () => {
    const { config } = load(
      'peerSuppressions: false\nsuppressions:\n  - rule: rds-multi-az\n    resource: Db\n    reason: why\n',
    );
    const merged = mergeConfig(config, { rules: {}, requiredTags: [] });
    assert.equal(merged.peerSuppressions, false);
    assert.deepEqual(merged.suppressions, config.suppressions);
  });

  it('matches path globs relative to the folder of .srlens.yaml', () => {
    const table: [string, string, string | undefined, boolean][] = [
      ['cdk.out/**', '/w/cdk.out/App.template.json', '/w', true],
      ['cdk.out/**', '/w/sub/cdk.out/App.template.json', '/w', false],
      ['**/cdk.out/*.json', '/w/sub/cdk.out/App.template.json', '/w', true],
      ['*.json', '/w/sub/a.json', '/w', false],
      ['sub', '/w/sub/a.json', '/w', true],
      ['sub/?.json', '/w/sub/a.json', '/w', true],
      ['sub/?.json', '/w/sub/ab.json', '/w', false],
      ['sub/a.json', 'C:\\w\\sub\\a.json', 'C:\\w', true],
    ];
    for (const [glob, file, root, expected] of table)
      assert.equal(matchesPath(glob, file, root), expected, `${glob} ${file}`);
  });
});

describe('bad suppressions', () => {
  it('a suppression naming a rule that does not check the resource says so, and silences nothing', async () => {
    for (const [path, text] of [
      ['/t.yaml', 'Resources:\n  # srlens-ignore rds-multi-az not a database\n  Bucket:\n    Type: AWS::S3::Bucket\n'],
      [
        '/t.json',
        '{"Resources":{"Bucket":{"Type":"AWS::S3::Bucket","Metadata":{"srlens":{"ignore":[{"rule":"rds-multi-az","reason":"not a database"}]}}}}}',
      ],
      ['/m/main.tf', '# srlens-ignore rds-multi-az not a database\nresource "aws_s3_bucket" "b" {\n}\n'],
    ]) {
      const analysis = await analyze([{ path, text }]);
      assert.deepEqual(
        open(analysis),
        ['s3-bucket-access-logging', 's3-bucket-versioning', 'unused-suppression'],
        path,
      );
      const unused = analysis.findings.find((f) => f.ruleId === 'unused-suppression');
      assert.match(
        written(unused),
        /^'rds-multi-az' does not check (AWS::S3::Bucket|aws_s3_bucket) resources, so this suppression on '(Bucket|aws_s3_bucket\.b)' silences nothing/,
      );
    }
  });

  it('a suppression naming no srlens rule says so, and silences nothing', async () => {
    const analysis = await analyze([
      {
        path: '/t.yaml',
        text: 'Resources:\n  # srlens-ignore CKV_AWS_18 wrong tool\n  Bucket:\n    Type: AWS::S3::Bucket\n',
      },
    ]);
    assert.deepEqual(open(analysis), ['s3-bucket-access-logging', 's3-bucket-versioning', 'unused-suppression']);
    const unused = analysis.findings.find((f) => f.ruleId === 'unused-suppression');
    assert.match(written(unused), /names 'CKV_AWS_18', which is not a srlens rule/);
  });

  for (const syntax of ['yaml', 'json', 'tf'] as const) {
    it(`a thousand suppressions in one ${syntax} file: each applies where it is written, none elsewhere`, async () => {
      const n = 1000;
      let text: string;
      let path = `/big.${syntax}`;
      if (syntax === 'yaml') {
        text = `Resources:\n${Array.from({ length: n }, (_, i) => `  # srlens-ignore s3-bucket-access-logging bucket ${i} holds logs\n  # trivy:ignore:AVD-AWS-0090:exp:2027-01-01 bucket ${i} is scratch\n  B${i}:\n    Type: AWS::S3::Bucket\n`).join('')}  Last:\n    Type: AWS::S3::Bucket\n`;
      } else if (syntax === 'json') {
        const resources: Record<string, object> = {};
        for (let i = 0; i < n; i++)
          resources[`B${i}`] = {
            Type: 'AWS::S3::Bucket',
            Metadata: {
              srlens: { ignore: [{ rule: 's3-bucket-access-logging', reason: `bucket ${i} holds logs` }] },
              checkov: { skip: [{ id: 'CKV_AWS_21', comment: `bucket ${i} is scratch` }] },
            },
          };
        resources.Last = { Type: 'AWS::S3::Bucket' };
        text = JSON.stringify({ Resources: resources });
      } else {
        path = '/big/main.tf';
        text = `${Array.from({ length: n }, (_, i) => `# srlens-ignore s3-bucket-access-logging bucket ${i} holds logs\n#tfsec:ignore:aws-s3-enable-versioning bucket ${i} is scratch\nresource "aws_s3_bucket" "b${i}" {\n}\n`).join('')}resource "aws_s3_bucket" "last" {\n}\n`;
      }
      const started = Date.now();
      const analysis = await analyze([{ path, text }]);
      const elapsed = Date.now() - started;
      assert.deepEqual(open(analysis), ['s3-bucket-access-logging', 's3-bucket-versioning']);
      assert.ok(analysis.findings.every((f) => /^(Last|aws_s3_bucket\.last)$/.test(f.resource)));
      assert.equal(silenced(analysis).length, 2 * n);
      // Not a benchmark: a quadratic pass over a thousand suppressions and findings would still be
      // well under this; it catches a pass that is far worse.
      assert.ok(elapsed < 30_000, `${elapsed} ms`);
    });
  }

  it('a thousand stacked comments above one resource, most naming nothing real, each reported once', async () => {
    const comments = Array.from({ length: 1000 }, (_, i) =>
      i === 500 ? '# srlens-ignore s3-bucket-versioning scratch\n' : `# srlens-ignore made-up-rule-${i} no such rule\n`,
    ).join('');
    const analysis = await analyze([{ path: '/t.tf', text: `${comments}resource "aws_s3_bucket" "b" {\n}\n` }]);
    assert.deepEqual(silenced(analysis), ['s3-bucket-versioning']);
    const ids = open(analysis);
    assert.equal(ids.filter((id) => id === 'unused-suppression').length, 999);
    assert.deepEqual(
      ids.filter((id) => id !== 'unused-suppression'),
      ['s3-bucket-access-logging'],
    );
  });

  it('a suppression of a suppression finding silences nothing', async () => {
    const analysis = await analyze([
      {
        path: '/t.yaml',
        text: 'Resources:\n  # srlens-ignore suppression-invalid hush\n  # srlens-ignore s3-bucket-versioning expires=2026-99-01 typo\n  Bucket:\n    Type: AWS::S3::Bucket\n',
      },
    ]);
    assert.deepEqual(open(analysis), [
      's3-bucket-access-logging',
      's3-bucket-versioning',
      'suppression-invalid',
      'unused-suppression',
    ]);
  });
});
