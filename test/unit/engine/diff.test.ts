/**
 * The diff engine (engine/diff.ts): two analyses in, the report out. Exact expected reports:
 * resources matched by file and logical id or Terraform address, renames, ownership shifts from the
 * one responsibility model, and findings matched by rule and resource rather than by line. The
 * findings come from one rule defined here, so the expectations do not move with the rule set.
 */
import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { Analyzer, type SourceFile } from '../../../src/engine/analyzer';
import { diffAnalyses, diffSummary, isEmptyDiff, type DiffReport, type ShiftResource } from '../../../src/engine/diff';
import type { Finding } from '../../../src/engine/finding';
import { formatDiffMarkdown, formatDiffText } from '../../../src/cli/reporters/diff';
import { PLAIN } from '../../../src/cli/reporters/text';
import { getProperty, type Resource } from '../../../src/iac/model';
import type { Rule } from '../../../src/rules/rule';

/** Reports `Public: true` (CloudFormation) or `public = true` (Terraform) on a bucket. */
const PUBLIC_RULE: Rule = {
  id: 'test-public',
  title: 'Bucket is public',
  concern: 'network-access',
  severity: 'error',
  appliesTo: ['AWS::S3::Bucket', 'aws_s3_bucket'],
  rationale: 'test',
  remediation: 'test',
  messages: { public: { headline: '{resource} is public' } },
  check(resource: Resource) {
    const property = getProperty(resource.properties, 'Public') ?? getProperty(resource.properties, 'public');
    if (property?.value.kind !== 'literal' || property.value.value !== true) return [];
    return [{ messageId: 'public', data: { resource: resource.id }, range: property.range }];
  },
};

const LABELS = { base: { ref: 'main', commit: 'b'.repeat(40) }, head: { ref: 'working tree' } };

async function diff(base: SourceFile[], head: SourceFile[]): Promise<DiffReport> {
  const analyze = (files: SourceFile[]) => new Analyzer({ rules: [PUBLIC_RULE] }).analyze(files);
  return diffAnalyses(await analyze(base), await analyze(head), LABELS);
}

const yaml = (path: string, ...lines: string[]): SourceFile => ({ path, text: `${lines.join('\n')}\n` });

const RDS = ['  Database:', '    Type: AWS::RDS::DBInstance', '    Properties:', '      Engine: postgres'];
const EC2 = ['  DbHost:', '    Type: AWS::EC2::Instance', '    Properties:', '      ImageId: ami-0123456789abcdef0'];

const DB_HOST = {
  file: 'stack.yaml',
  resource: 'DbHost',
  type: 'AWS::EC2::Instance',
  service: 'Amazon EC2',
  tier: 'infrastructure',
  line: 2,
};
const DATABASE = {
  file: 'stack.yaml',
  resource: 'Database',
  type: 'AWS::RDS::DBInstance',
  service: 'Amazon RDS',
  tier: 'container',
  line: 2,
};

const shift = (ref: typeof DB_HOST, base: ShiftResource['base'], head: ShiftResource['head']): ShiftResource => ({
  ...ref,
  base,
  head,
});

describe('diff engine', () => {
  it('RDS replaced by a database on EC2: machine image and operating system come to you, marked new', async () => {
    const report = await diff([yaml('stack.yaml', 'Resources:', ...RDS)], [yaml('stack.yaml', 'Resources:', ...EC2)]);
    assert.deepEqual(report, {
      base: LABELS.base,
      head: LABELS.head,
      resources: { added: [DB_HOST], removed: [DATABASE], changed: [], renamed: [] },
      ownership: {
        toYou: [
          {
            concern: 'machine-image',
            title: 'Machine image',
            resources: [shift(DB_HOST, null, 'customer')],
            new: true,
            before: 0,
            after: 1,
          },
          {
            concern: 'operating-system',
            title: 'Operating system',
            resources: [shift(DB_HOST, null, 'customer')],
            new: true,
            before: 0,
            after: 1,
          },
          // Shared on RDS (AWS patches the engine), yours alone on EC2.
          {
            concern: 'applications',
            title: 'Applications',
            resources: [shift(DB_HOST, null, 'customer')],
            new: false,
            before: 1,
            after: 1,
          },
          {
            concern: 'backup-dr',
            title: 'Backup and disaster recovery',
            resources: [shift(DB_HOST, null, 'customer')],
            new: false,
            before: 1,
            after: 1,
          },
        ],
        toAws: [],
      },
      findings: { introduced: [], resolved: [] },
    });
    assert.equal(
      diffSummary(report),
      'You take on machine images and operating-system patching for 1 resource (DbHost); 0 findings introduced, 0 resolved.',
    );
  });

  it('the reverse hands those duties to AWS, gone when no resource asks them any more', async () => {
    const report = await diff([yaml('stack.yaml', 'Resources:', ...EC2)], [yaml('stack.yaml', 'Resources:', ...RDS)]);
    assert.deepEqual(report.resources, { added: [DATABASE], removed: [DB_HOST], changed: [], renamed: [] });
    assert.deepEqual(report.ownership.toYou, []);
    assert.deepEqual(
      report.ownership.toAws.map((s) => [s.concern, s.gone, s.before, s.after, s.resources]),
      [
        ['machine-image', true, 1, 0, [shift(DB_HOST, 'customer', null)]],
        ['operating-system', true, 1, 0, [shift(DB_HOST, 'customer', null)]],
        ['applications', false, 1, 1, [shift(DB_HOST, 'customer', null)]],
        ['backup-dr', false, 1, 1, [shift(DB_HOST, 'customer', null)]],
      ],
    );
    assert.equal(
      diffSummary(report),
      'You hand over machine images and operating-system patching for 1 resource (DbHost); 0 findings introduced, 0 resolved.',
    );
  });

  it('a type changed under the same logical id is one resource changed, its duties moved', async () => {
    const report = await diff(
      [yaml('stack.yaml', 'Resources:', '  Db:', '    Type: AWS::RDS::DBInstance')],
      [yaml('stack.yaml', 'Resources:', '  Db:', '    Type: AWS::EC2::Instance')],
    );
    const head = { ...DB_HOST, resource: 'Db' };
    assert.deepEqual(report.resources, {
      added: [],
      removed: [],
      changed: [
        {
          ...head,
          changes: {
            type: { base: 'AWS::RDS::DBInstance', head: 'AWS::EC2::Instance' },
            tier: { base: 'container', head: 'infrastructure' },
            service: { base: 'Amazon RDS', head: 'Amazon EC2' },
            properties: [],
          },
        },
      ],
      renamed: [],
    });
    assert.deepEqual(
      report.ownership.toYou.map((s) => [s.concern, s.new, s.resources]),
      [
        ['machine-image', true, [shift(head, 'aws', 'customer')]],
        ['operating-system', true, [shift(head, 'aws', 'customer')]],
        ['applications', false, [shift(head, 'shared', 'customer')]],
        ['backup-dr', false, [shift(head, 'shared', 'customer')]],
      ],
    );
  });

  it('a bucket made public: changed, one finding introduced; lines moved above it change nothing else', async () => {
    const report = await diff(
      [yaml('s3.yaml', 'Resources:', '  Logs:', '    Type: AWS::S3::Bucket', '    Properties:', '      Public: false')],
      [
        yaml(
          's3.yaml',
          '# the site bucket',
          'Resources:',
          '  Logs:',
          '    Type: AWS::S3::Bucket',
          '    Properties:',
          '      Public: true',
        ),
      ],
    );
    const logs = {
      file: 's3.yaml',
      resource: 'Logs',
      type: 'AWS::S3::Bucket',
      service: 'Amazon S3',
      tier: 'abstracted',
      line: 3,
    };
    assert.deepEqual(report.resources, {
      added: [],
      removed: [],
      changed: [{ ...logs, changes: { properties: ['Public'] } }],
      renamed: [],
    });
    assert.deepEqual(report.ownership, { toYou: [], toAws: [] });
    const introduced: Finding = {
      ruleId: 'test-public',
      severity: 'error',
      concern: 'network-access',
      owner: 'shared',
      tier: 'abstracted',
      service: 'Amazon S3',
      resource: 'Logs',
      resourceType: 'AWS::S3::Bucket',
      file: 's3.yaml',
      range: { start: { line: 5, character: 6 }, end: { line: 5, character: 18 } },
      message: 'Shared · Network access: Logs is public',
      fixable: false,
    };
    assert.deepEqual(report.findings, { introduced: [introduced], resolved: [] });
    assert.equal(diffSummary(report), 'No change to who owns what; 1 finding introduced, 0 resolved.');
  });

  it('a finding on lines that moved is neither introduced nor resolved', async () => {
    const bucket = ['  Site:', '    Type: AWS::S3::Bucket', '    Properties:', '      Public: true'];
    const report = await diff(
      [yaml('s3.yaml', 'Resources:', ...bucket)],
      [yaml('s3.yaml', 'Resources:', '  Queue:', '    Type: AWS::SQS::Queue', ...bucket)],
    );
    assert.deepEqual(
      report.resources.added.map((r) => r.resource),
      ['Queue'],
    );
    assert.deepEqual(report.resources.changed, []);
    assert.deepEqual(report.findings, { introduced: [], resolved: [] });
  });

  it('a resource renamed without other change is renamed, its findings carried over', async () => {
    const props = ['    Type: AWS::S3::Bucket', '    Properties:', '      Public: true'];
    const report = await diff(
      [yaml('s3.yaml', 'Resources:', '  OldName:', ...props)],
      [yaml('s3.yaml', 'Resources:', '  NewName:', ...props)],
    );
    assert.deepEqual(report.resources, {
      added: [],
      removed: [],
      changed: [],
      renamed: [
        {
          file: 's3.yaml',
          resource: 'NewName',
          type: 'AWS::S3::Bucket',
          service: 'Amazon S3',
          tier: 'abstracted',
          line: 2,
          from: { file: 's3.yaml', resource: 'OldName', line: 2 },
        },
      ],
    });
    assert.deepEqual(report.ownership, { toYou: [], toAws: [] });
    assert.deepEqual(report.findings, { introduced: [], resolved: [] });
    assert.equal(isEmptyDiff(report), false);
  });

  it('a renamed resource whose properties changed too is one removed and one added', async () => {
    const report = await diff(
      [yaml('s3.yaml', 'Resources:', '  OldName:', '    Type: AWS::S3::Bucket')],
      [
        yaml(
          's3.yaml',
          'Resources:',
          '  NewName:',
          '    Type: AWS::S3::Bucket',
          '    Properties:',
          '      Public: true',
        ),
      ],
    );
    assert.deepEqual(
      [report.resources.added.map((r) => r.resource), report.resources.removed.map((r) => r.resource)],
      [['NewName'], ['OldName']],
    );
    assert.deepEqual(report.resources.renamed, []);
    assert.deepEqual(
      report.findings.introduced.map((f) => [f.ruleId, f.resource]),
      [['test-public', 'NewName']],
    );
  });

  it('Terraform: matched by module and address, a block moved to another file of the module is unchanged', async () => {
    const bucket = 'resource "aws_s3_bucket" "logs" {\n  bucket = "logs"\n}\n';
    const report = await diff(
      [
        { path: 'infra/main.tf', text: bucket },
        { path: 'infra/other.tf', text: '' },
      ],
      [
        { path: 'infra/main.tf', text: '' },
        { path: 'infra/other.tf', text: `# moved\n${bucket}` },
      ],
    );
    assert.equal(isEmptyDiff(report), true);
    assert.equal(diffSummary(report), 'No change to who owns what; 0 findings introduced, 0 resolved.');
  });

  it('Terraform: a property changed in a module, and a Terraform rename', async () => {
    const report = await diff(
      [
        {
          path: 'modules/store/main.tf',
          text: 'resource "aws_s3_bucket" "this" {\n  bucket = var.name\n}\nresource "aws_sqs_queue" "old" {\n  name = "jobs"\n}\n',
        },
      ],
      [
        {
          path: 'modules/store/main.tf',
          text: 'resource "aws_s3_bucket" "this" {\n  bucket = var.name\n  public = true\n}\nresource "aws_sqs_queue" "jobs" {\n  name = "jobs"\n}\n',
        },
      ],
    );
    assert.deepEqual(
      report.resources.changed.map((r) => [r.file, r.resource, r.changes]),
      [['modules/store/main.tf', 'aws_s3_bucket.this', { properties: ['public'] }]],
    );
    assert.deepEqual(
      report.resources.renamed.map((r) => [r.resource, r.from.resource]),
      [['aws_sqs_queue.jobs', 'aws_sqs_queue.old']],
    );
    assert.deepEqual(
      report.findings.introduced.map((f) => [f.ruleId, f.resource, f.file]),
      [['test-public', 'aws_s3_bucket.this', 'modules/store/main.tf']],
    );
  });

  it('Terraform: a for_each key added adds an instance and leaves the others unchanged', async () => {
    const report = await diff(
      [
        {
          path: 'main.tf',
          text: 'resource "aws_s3_bucket" "b" {\n  for_each = toset(["a"])\n  bucket   = each.key\n}\n',
        },
      ],
      [
        {
          path: 'main.tf',
          text: 'resource "aws_s3_bucket" "b" {\n  for_each = toset(["a", "b"])\n  bucket   = each.key\n}\n',
        },
      ],
    );
    assert.deepEqual(report.resources.changed, []);
    assert.deepEqual(
      report.resources.added.map((r) => r.resource),
      ['aws_s3_bucket.b["b"]'],
    );
  });

  it('a file that no longer parses removes nothing: its parse error is the change', async () => {
    const report = await diff(
      [yaml('stack.yaml', 'Resources:', ...EC2)],
      [yaml('stack.yaml', 'Resources:', ...EC2.slice(0, 3), '      ImageId: [unclosed')],
    );
    assert.deepEqual(report.resources, { added: [], removed: [], changed: [], renamed: [] });
    assert.deepEqual(report.ownership, { toYou: [], toAws: [] });
    assert.deepEqual(
      report.findings.introduced.map((f) => [f.ruleId, f.file, f.severity]),
      [['parse-error', 'stack.yaml', 'error']],
    );
    assert.deepEqual(report.findings.resolved, []);
  });

  it('a concern owned for more resources, none new, and one removed resource', async () => {
    const queue = (id: string) => [`  ${id}:`, '    Type: AWS::SQS::Queue'];
    const grown = await diff(
      [yaml('q.yaml', 'Resources:', ...queue('A'))],
      [yaml('q.yaml', 'Resources:', ...queue('A'), ...queue('B'))],
    );
    assert.ok(grown.ownership.toYou.length > 0);
    assert.ok(grown.ownership.toYou.every((s) => !s.new && s.before === 1 && s.after === 2));
    assert.ok(grown.ownership.toYou.every((s) => s.resources.length === 1 && s.resources[0].resource === 'B'));
    assert.match(
      diffSummary(grown),
      /^You own or share \d+ concerns for more resources \(B\), none new to you; 0 findings/,
    );
    const shrunk = await diff(
      [yaml('q.yaml', 'Resources:', ...queue('A'), ...queue('B'))],
      [yaml('q.yaml', 'Resources:', ...queue('A'))],
    );
    assert.equal(shrunk.ownership.toAws.length, grown.ownership.toYou.length);
    assert.ok(shrunk.ownership.toAws.every((s) => !s.gone));
    assert.match(diffSummary(shrunk), /^You own or share \d+ concerns for fewer resources \(B\); 0 findings/);
  });

  it('renders the Markdown comment and the text report as the snapshots say (UPDATE_SNAPSHOTS=1 to rewrite)', async () => {
    const report = await diff(
      [
        yaml('db/stack.yaml', 'Resources:', ...RDS),
        yaml(
          'web/site.yaml',
          'Resources:',
          '  Old|Name:',
          '    Type: AWS::S3::Bucket',
          '  Assets:',
          '    Type: AWS::S3::Bucket',
        ),
      ],
      [
        yaml('db/stack.yaml', 'Resources:', ...EC2),
        yaml(
          'web/site.yaml',
          'Resources:',
          '  NewName:',
          '    Type: AWS::S3::Bucket',
          '  Assets:',
          '    Type: AWS::S3::Bucket',
          '    Properties:',
          '      Public: true',
        ),
      ],
    );
    const rendered = [
      formatDiffMarkdown(report, { linkBase: 'https://github.com/example/infra/blob/0123abc/' }),
      '',
      '----- without --link-base -----',
      '',
      formatDiffMarkdown(report),
      '',
      '----- text -----',
      '',
      formatDiffText(report, PLAIN),
      '',
    ].join('\n');
    const snapshot = 'test/fixtures/diff-report.md';
    if (process.env.UPDATE_SNAPSHOTS === '1') writeFileSync(snapshot, rendered);
    assert.equal(
      rendered,
      readFileSync(snapshot, 'utf8'),
      'the diff reports changed: review them, then run with UPDATE_SNAPSHOTS=1',
    );
  });
});
