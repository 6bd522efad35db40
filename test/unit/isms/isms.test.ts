/**
 * The ISMS registers: asset classification, risks from findings, the statement of applicability,
 * the YAML state and its merge, and the exports (snapshot, escaping, CSV safety).
 */
import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Analyzer } from '../../../src/engine/analyzer';
import {
  ANNEX_A_CONTROLS,
  ISMS_STEPS,
  assetsCsv,
  classifyAsset,
  clampLevel,
  csvField,
  escapeMarkdown,
  groupAssetsByTag,
  ismsMarkdown,
  mergeIsms,
  parseIsmsState,
  reviewDue,
  riskLevel,
  riskScore,
  risksCsv,
  scanIsms,
  serializeIsmsState,
  type IsmsScan,
  type IsmsState,
} from '../../../src/isms';

const TODAY = '2026-11-23';
const FIXTURE = 'test/fixtures/isms/stack.yaml';
const EXPECTED_REPORT = 'test/fixtures/isms/expected-report.md';

async function scanText(files: { path: string; text: string }[], today = TODAY): Promise<IsmsScan> {
  return scanIsms(await new Analyzer().analyze(files), { today });
}

async function scanFixture(): Promise<IsmsScan> {
  return scanText([{ path: FIXTURE, text: readFileSync(path.resolve(FIXTURE), 'utf8') }]);
}

describe('ISMS steps', () => {
  it('lists the nine steps in order, each with guidance', () => {
    assert.deepEqual(
      ISMS_STEPS.map((s) => s.id),
      [
        'define-scope',
        'define-policy',
        'select-methodology',
        'identify-risks',
        'analyse-risks',
        'address-risks',
        'choose-framework',
        'management-approval',
        'statement-of-applicability',
      ],
    );
    for (const step of ISMS_STEPS) assert.ok(step.guidance.length > 40, step.id);
  });
});

describe('ISMS asset register', () => {
  it('classifies resources as essential or support assets', () => {
    const cases: [string, string, string][] = [
      ['AWS::S3::Bucket', 'essential', 'business-information'],
      ['aws_db_instance', 'essential', 'business-information'],
      ['AWS::DynamoDB::Table', 'essential', 'business-information'],
      ['aws_efs_file_system', 'essential', 'business-information'],
      ['aws_glacier_vault', 'essential', 'business-information'],
      ['AWS::Lambda::Function', 'essential', 'process'],
      ['aws_sfn_state_machine', 'essential', 'process'],
      ['AWS::ECS::Service', 'essential', 'process'],
      ['aws_sqs_queue', 'essential', 'process'],
      ['AWS::EC2::Instance', 'support', 'hardware'],
      ['aws_ebs_volume', 'support', 'hardware'],
      ['AWS::EC2::SecurityGroup', 'support', 'network'],
      ['AWS::EC2::VPC', 'support', 'network'],
      ['aws_lb', 'support', 'network'],
      ['aws_ami', 'support', 'software'],
      ['AWS::ECR::Repository', 'support', 'software'],
      ['AWS::IAM::Role', 'support', 'software'],
      ['Custom::Thing', 'support', 'software'],
    ];
    for (const [type, category, assetClass] of cases)
      assert.deepEqual(classifyAsset(type), { category, class: assetClass }, type);
  });

  it('builds one asset per resource with its service, dependencies, tier, line and tags', async () => {
    const { assets } = await scanFixture();
    assert.deepEqual(assets.map((a) => a.name).sort(), ['Database', 'Records', 'Worker', 'WorkerRole']);
    const worker = assets.find((a) => a.name === 'Worker');
    assert.deepEqual(worker?.dependsOn, ['AWS Lambda', 'AWS Identity and Access Management (IAM)', 'Amazon S3']);
    assert.equal(worker?.id, `${FIXTURE}#Worker`);
    assert.equal(worker?.line, 22);
    const records = assets.find((a) => a.name === 'Records');
    assert.equal(records?.tier, 'abstracted');
    assert.deepEqual(records?.tags, { owner: 'data-team', 'data-classification': 'confidential' });
  });

  it('reads Terraform tags and groups assets by a tag key', async () => {
    const { assets } = await scanText([
      {
        path: '/m/main.tf',
        text: 'resource "aws_s3_bucket" "a" {\n  tags = { owner = "ops" }\n}\nresource "aws_s3_bucket" "b" {\n  tags = { owner = "data" }\n}\nresource "aws_sqs_queue" "q" {}\n',
      },
    ]);
    const groups = groupAssetsByTag(assets, 'owner');
    assert.deepEqual([...groups.keys()], ['data', 'ops', '(untagged)']);
    assert.deepEqual(
      groups.get('(untagged)')?.map((a) => a.name),
      ['aws_sqs_queue.q'],
    );
  });
});

describe('ISMS risk register', () => {
  it('seeds one risk per rule and asset from open and suppressed findings, scored from severity', async () => {
    const { risks } = await scanFixture();
    const encryption = risks.find((r) => r.ruleId === 'rds-storage-encryption');
    assert.ok(encryption);
    assert.equal(encryption.asset, `${FIXTURE}#Database`);
    assert.deepEqual([encryption.likelihood, encryption.impact, riskScore(encryption)], [4, 4, 16]);
    assert.equal(encryption.treatment, 'fix');
    assert.equal(encryption.owner, 'customer');
    const accepted = risks.find((r) => r.ruleId === 'rds-multi-az');
    assert.equal(accepted?.treatment, 'accept');
    assert.deepEqual(accepted?.suppression, {
      reason: 'single-AZ is fine for the reporting replica',
      file: FIXTURE,
      line: 20,
    });
    assert.ok(risks.every((r) => r.owner === 'customer' || r.owner === 'shared'));
    assert.ok(
      risks.every((r, i) => i === 0 || riskScore(risks[i - 1]) >= riskScore(r)),
      'sorted by score',
    );
  });

  it('scores likelihood × impact within 1–5 and names the level', () => {
    assert.equal(riskScore({ likelihood: 5, impact: 5 }), 25);
    assert.equal(riskScore({ likelihood: 9, impact: 0 }), 5);
    assert.equal(clampLevel('x'), 3);
    assert.deepEqual([1, 4, 5, 9, 10, 16, 20, 25].map(riskLevel), [
      'low',
      'low',
      'medium',
      'medium',
      'high',
      'high',
      'critical',
      'critical',
    ]);
  });
});

describe('ISMS statement of applicability', () => {
  it('covers Annex A controls mapped to known concerns', () => {
    assert.ok(ANNEX_A_CONTROLS.length >= 25);
    assert.ok(ANNEX_A_CONTROLS.some((c) => c.id === '5.15' && c.title === 'Access control'));
    assert.ok(ANNEX_A_CONTROLS.some((c) => c.id === '8.24' && c.title === 'Use of cryptography'));
    assert.equal(new Set(ANNEX_A_CONTROLS.map((c) => c.id)).size, ANNEX_A_CONTROLS.length);
  });

  it('records what AWS owns for the resources in scope as inherited from AWS', async () => {
    const onlyS3 = await scanText([{ path: '/s.yaml', text: 'Resources:\n  B:\n    Type: AWS::S3::Bucket\n' }]);
    const byId = new Map(onlyS3.controls.map((c) => [c.id, c]));
    assert.equal(byId.get('7.1')?.inheritedFromAws, true);
    assert.equal(byId.get('7.1')?.suggested, 'inherited');
    assert.equal(byId.get('8.8')?.inheritedFromAws, true, 'S3 has no image, OS or application of yours');
    assert.equal(byId.get('5.15')?.inheritedFromAws, false);
    const withEc2 = await scanText([
      { path: '/e.yaml', text: 'Resources:\n  B:\n    Type: AWS::S3::Bucket\n  I:\n    Type: AWS::EC2::Instance\n' },
    ]);
    assert.equal(
      withEc2.controls.find((c) => c.id === '8.8')?.inheritedFromAws,
      false,
      'an EC2 operating system is yours',
    );
  });

  it('cites the file and line where a template settles a control', async () => {
    const { controls } = await scanFixture();
    const backup = controls.find((c) => c.id === '8.13');
    assert.ok(
      backup?.evidence.some(
        (e) =>
          e.resource === 'Records' &&
          e.ruleId === 's3-bucket-versioning' &&
          e.line === 7 &&
          e.property === 'VersioningConfiguration' &&
          e.file === FIXTURE,
      ),
    );
    assert.ok(!backup?.evidence.some((e) => e.ruleId === 'rds-multi-az'), 'a suppressed check is not evidence');
    const crypto = controls.find((c) => c.id === '8.24');
    assert.ok((crypto?.openRisks ?? 0) >= 1);
    assert.ok(!crypto?.evidence.some((e) => e.resource === 'Database' && e.ruleId === 'rds-storage-encryption'));
  });
});

describe('ISMS state and merge', () => {
  it('round-trips through YAML', async () => {
    const state = mergeIsms(undefined, await scanFixture(), TODAY);
    const again = parseIsmsState(serializeIsmsState(state));
    assert.deepEqual(again, state);
  });

  it('keeps everything typed by hand when the workspace changes', async () => {
    const first = mergeIsms(undefined, await scanFixture(), TODAY);
    const records = first.assets.find((a) => a.name === 'Records');
    assert.ok(records);
    Object.assign(records, { value: 250000, owner: 'Dana', reviewDate: '2027-01-31', notes: 'customer records' });
    first.assets.push({
      id: 'person:dba',
      name: 'On-call DBA',
      category: 'support',
      class: 'personnel',
      source: 'manual',
      status: 'active',
      dependsOn: [],
      tags: {},
      owner: 'Ops',
    });
    const risk = first.risks.find((r) => r.ruleId === 'rds-backup-retention');
    assert.ok(risk);
    Object.assign(risk, { likelihood: 2, impact: 5, treatment: 'transfer', riskOwner: 'Lee', due: '2027-02-01' });
    const control = first.controls.find((c) => c.id === '5.15');
    assert.ok(control);
    Object.assign(control, { justification: 'Reviewed quarterly', implemented: 'partial' });
    Object.assign(first, { scope: 'Production account', lastReviewed: '2026-11-01' });
    first.steps[0] = { ...first.steps[0], status: 'done', owner: 'Sam', completed: '2026-11-02' };

    const text = serializeIsmsState(first);
    const reread = parseIsmsState(text);
    const changed = readFileSync(path.resolve(FIXTURE), 'utf8').replace(
      '      StorageEncrypted: false\n',
      '      StorageEncrypted: true\n',
    );
    const second = mergeIsms(reread, await scanText([{ path: FIXTURE, text: changed }], '2026-12-01'), '2026-12-01');

    const kept = second.assets.find((a) => a.name === 'Records');
    assert.deepEqual(
      [kept?.value, kept?.owner, kept?.reviewDate, kept?.notes, kept?.status],
      [250000, 'Dana', '2027-01-31', 'customer records', 'active'],
    );
    assert.ok(second.assets.some((a) => a.id === 'person:dba' && a.class === 'personnel' && a.status === 'active'));
    const keptRisk = second.risks.find((r) => r.ruleId === 'rds-backup-retention');
    assert.deepEqual(
      [
        keptRisk?.likelihood,
        keptRisk?.impact,
        keptRisk?.treatment,
        keptRisk?.riskOwner,
        keptRisk?.due,
        keptRisk?.status,
      ],
      [2, 5, 'transfer', 'Lee', '2027-02-01', 'open'],
    );
    const keptControl = second.controls.find((c) => c.id === '5.15');
    assert.deepEqual([keptControl?.justification, keptControl?.implemented], ['Reviewed quarterly', 'partial']);
    assert.equal(second.scope, 'Production account');
    assert.deepEqual([second.steps[0].status, second.steps[0].owner], ['done', 'Sam']);

    const fixed = second.risks.find((r) => r.ruleId === 'rds-storage-encryption');
    assert.deepEqual(
      [fixed?.status, fixed?.closedOn, fixed?.identified],
      ['closed', '2026-12-01', TODAY],
      'a fix risk closes when its finding disappears',
    );
  });

  it('updates the file in place: comments and layout typed by hand survive a refresh', async () => {
    const first = mergeIsms(undefined, await scanFixture(), TODAY);
    const records = first.assets.find((a) => a.name === 'Records');
    assert.ok(records);
    // A person annotates the file: a comment at the top, one above an asset, one after a value.
    const lines = serializeIsmsState(first).split('\n');
    lines.splice(0, 0, '# Owned by the security team; reviewed every quarter.');
    const at = lines.findIndex((l) => l.includes(`id: ${records.id}`));
    lines.splice(at, 0, '  # The crown jewels: customer records.');
    const valueLine = lines.findIndex((l, i) => i > at && /^\s+name: Records$/.test(l));
    lines[valueLine] = `${lines[valueLine]} # the name shown to auditors`;
    const annotated = lines.join('\n');
    const typed = parseIsmsState(annotated);
    typed.assets.find((a) => a.id === records.id)!.value = 250000;

    // The workspace changes: a finding is fixed and the scan is merged.
    const changed = readFileSync(path.resolve(FIXTURE), 'utf8').replace(
      '      StorageEncrypted: false\n',
      '      StorageEncrypted: true\n',
    );
    const second = mergeIsms(typed, await scanText([{ path: FIXTURE, text: changed }], '2026-12-01'), '2026-12-01');
    const written = serializeIsmsState(second, annotated);

    for (const comment of [
      '# Owned by the security team; reviewed every quarter.',
      '# The crown jewels: customer records.',
      'name: Records # the name shown to auditors',
    ]) {
      assert.ok(written.includes(comment), `kept: ${comment}`);
    }
    assert.deepEqual(parseIsmsState(written), second, 'the file says exactly what the state says');
    assert.deepEqual(
      parseIsmsState(written),
      parseIsmsState(serializeIsmsState(second)),
      'the same as writing it afresh',
    );
    assert.ok(written.includes('value: 250000'));
    // Only what changed is rewritten: every line of the old file that still holds is still there.
    const unchanged = annotated.split('\n').filter((l) => /^\s*(# |id: |- id: )/.test(l));
    for (const line of unchanged) assert.ok(written.includes(line), `kept line: ${line}`);
    // Not YAML any more: written afresh rather than failing.
    assert.deepEqual(parseIsmsState(serializeIsmsState(second, 'steps: [unclosed')), second);
  });

  it('retires removed resources instead of deleting them, and revives them when they return', async () => {
    const first = mergeIsms(undefined, await scanFixture(), TODAY);
    first.assets.find((a) => a.name === 'Worker')!.value = 1200;
    first.risks.forEach((r) => (r.treatment = r.treatment === 'accept' ? 'accept' : 'avoid'));
    const empty = mergeIsms(first, await scanText([]), '2026-12-01');
    assert.equal(empty.assets.length, first.assets.length);
    assert.ok(empty.assets.every((a) => a.status === 'retired' && a.retiredOn === '2026-12-01'));
    const accepted = empty.risks.find((r) => r.ruleId === 'rds-multi-az');
    assert.deepEqual([accepted?.status, accepted?.suppression], ['closed', undefined], 'nothing left to accept');
    assert.ok(
      empty.risks.filter((r) => r.treatment === 'avoid').every((r) => r.status === 'open'),
      'only fix risks close by themselves',
    );

    const back = mergeIsms(empty, await scanFixture(), '2026-12-02');
    const worker = back.assets.find((a) => a.name === 'Worker');
    assert.deepEqual([worker?.status, worker?.retiredOn, worker?.value], ['active', undefined, 1200]);
    const reopened = back.risks.find((r) => r.ruleId === 'rds-multi-az');
    assert.deepEqual(
      [reopened?.status, reopened?.closedOn, reopened?.treatment, reopened?.suppression?.line],
      ['open', undefined, 'accept', 20],
    );
  });

  it('tolerates bad entries and rejects text that is not a mapping', () => {
    const warnings: string[] = [];
    const state = parseIsmsState(
      'version: 1\nsteps:\n  - id: nope\n  - id: define-scope\n    status: done\nassets:\n  - name: no id\n  - id: x\n    class: personnel\n    value: "$1,500"\nrisks: 7\n',
      warnings,
    );
    assert.equal(state.steps.length, 9);
    assert.equal(state.steps[0].status, 'done');
    assert.deepEqual(
      state.assets.map((a) => [a.id, a.category, a.value]),
      [['x', 'support', 1500]],
    );
    assert.equal(warnings.length, 3, warnings.join('\n'));
    assert.throws(() => parseIsmsState('- a\n- b\n'), /mapping/);
    assert.throws(() => parseIsmsState('a: [\n'), /not valid YAML/);
  });

  it('says when a review is due', () => {
    assert.equal(reviewDue({}, 90, TODAY), true);
    assert.equal(reviewDue({ lastReviewed: '2026-09-01' }, 90, TODAY), false);
    assert.equal(reviewDue({ lastReviewed: '2026-08-25' }, 90, TODAY), true);
    assert.equal(reviewDue({ lastReviewed: 'soon' }, 90, TODAY), true);
    assert.equal(reviewDue({ lastReviewed: '2026-11-22' }, 1, new Date('2026-11-23T23:00:00Z')), true);
  });
});

describe('ISMS export', () => {
  function fixtureState(scan: IsmsScan): IsmsState {
    const state = mergeIsms(undefined, scan, TODAY);
    state.scope = 'The reporting stack in the production account, eu-west-1.';
    state.lastReviewed = '2026-11-20';
    state.assets.find((a) => a.name === 'Records')!.value = 250000;
    state.assets.find((a) => a.name === 'Database')!.value = 40000.5;
    return state;
  }

  it('matches the committed Markdown report for the fixture', async () => {
    const markdown = ismsMarkdown(fixtureState(await scanFixture()), { today: TODAY });
    if (process.env.UPDATE_SNAPSHOTS === '1') writeFileSync(path.resolve(EXPECTED_REPORT), markdown);
    assert.equal(markdown, readFileSync(path.resolve(EXPECTED_REPORT), 'utf8'));
    for (const heading of [
      '## Scope',
      '## ISMS policy',
      '## Risk assessment methodology',
      '## Asset register',
      '## Risk register and treatment plan',
      '## Statement of applicability',
    ]) {
      assert.ok(markdown.includes(`\n${heading}\n`), heading);
    }
    assert.match(markdown, /\$290,000\.5/);
  });

  it('keeps template-derived text inert and never prints a secret', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    const link = '[x](command:workbench.action.terminal.new)';
    const text = `Resources:\n  "${evil}":\n    Type: AWS::SQS::Queue\n    Properties:\n      Tags:\n        - Key: password\n          Value: hunter2-not-for-print\n        - Key: note\n          Value: AKIAIOSFODNN7EXAMPLE\n`;
    const state = mergeIsms(undefined, await scanText([{ path: 'evil.yaml', text }]), TODAY);
    state.assets.push({
      id: link,
      name: link,
      category: 'support',
      class: 'partner',
      source: 'manual',
      status: 'active',
      dependsOn: [],
      tags: {},
      notes: '| broken | table',
    });
    state.scope = '# Heading\n<script>alert(1)</script> `code` ![i](https://example.invalid/x.png)';
    const markdown = ismsMarkdown(state, { today: TODAY });
    assert.ok(
      state.assets.some((a) => a.name === evil),
      'the parser keeps the odd logical id',
    );
    assert.ok(!markdown.includes('<img'), 'no raw HTML');
    assert.ok(!markdown.includes('<script'), 'no raw HTML');
    assert.ok(!/\]\(command:/.test(markdown) && !/\]\(https:/.test(markdown), 'no links');
    assert.ok(markdown.includes('&lt;img src=x onerror=alert\\(1\\)&gt;'));
    assert.ok(markdown.includes('\\[x\\]\\(command\\:workbench.action.terminal.new\\)'));
    assert.ok(!markdown.includes('\n# Heading'));
    assert.ok(!markdown.includes('AKIAIOSFODNN7EXAMPLE') && !markdown.includes('hunter2'));
    const csv = assetsCsv(state);
    assert.ok(!csv.includes('AKIAIOSFODNN7EXAMPLE') && !csv.includes('hunter2'));
    assert.match(csv, /note=\[redacted\]; password=\[redacted\]/);
  });

  it('escapes every Markdown construct in untrusted text', () => {
    assert.equal(escapeMarkdown('a*b_c`d|e~f'), 'a\\*b\\_c\\`d\\|e\\~f');
    assert.equal(escapeMarkdown('line\nbreak\r\nhere'), 'line break here');
    assert.equal(escapeMarkdown('- item'), '\\- item');
    assert.equal(escapeMarkdown('1. item'), '1\\. item');
    assert.equal(escapeMarkdown('$x$ & <b>'), '\\$x\\$ &amp; &lt;b&gt;');
  });

  it('writes RFC 4180 CSV that spreadsheets will not execute', async () => {
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('two\nlines'), '"two\nlines"');
    for (const start of ['=', '+', '-', '@'])
      assert.equal(csvField(`${start}HYPERLINK("x")`), `"'${start}HYPERLINK(""x"")"`);
    assert.equal(csvField('=1+1'), "'=1+1");
    assert.equal(csvField(undefined), '');
    assert.equal(csvField(42), '42');

    const state = mergeIsms(undefined, await scanFixture(), TODAY);
    state.assets[0].owner = '=cmd|"/c calc"!A1';
    const assets = assetsCsv(state).split('\r\n');
    assert.equal(
      assets[0],
      'id,name,category,class,status,type,service,tier,file,line,dependsOn,tags,value,owner,reviewDate,notes',
    );
    assert.ok(assets.some((line) => line.includes(`"'=cmd|""/c calc""!A1"`)));
    assert.ok(assetsCsv(state).endsWith('\r\n'));
    const risks = risksCsv(state).split('\r\n');
    assert.match(
      risks[0],
      /^id,status,ruleId,title,asset,concern,owner,severity,likelihood,impact,score,level,treatment,suppressionReason/,
    );
    assert.ok(risks.some((line) => line.includes('single-AZ is fine for the reporting replica')));
  });
});
