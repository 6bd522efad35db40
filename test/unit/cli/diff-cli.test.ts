/**
 * `srlens diff` as users and CI run it (dist/cli.js), against throwaway git repositories: ownership
 * shifts both ways, a bucket made public, a rename, a Terraform module change, a `for_each` key,
 * and every input it cannot use (one line on stderr, exit 2; unreadable files as findings).
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { commit, git, newRepository, srlens, write } from '../../git-repositories';
import { EC2, RDS } from '../../diff-templates';

interface JsonReport {
  base: { ref: string; commit?: string };
  head: { ref: string; commit?: string };
  resources: Record<
    'added' | 'removed' | 'changed' | 'renamed',
    { file: string; resource: string; [k: string]: unknown }[]
  >;
  ownership: {
    toYou: { concern: string; new: boolean; resources: { resource: string }[] }[];
    toAws: { concern: string; gone: boolean; resources: { resource: string }[] }[];
  };
  findings: Record<'introduced' | 'resolved', { ruleId: string; resource: string; file: string; severity: string }[]>;
}

function json(cwd: string, args: string[]): { code: number | null; report: JsonReport; stderr: string } {
  const result = srlens(cwd, ['diff', '--format', 'json', ...args]);
  assert.equal(result.stderr.includes('unexpected'), false, result.stderr);
  return { code: result.code, report: JSON.parse(result.stdout) as JsonReport, stderr: result.stderr };
}

const names = (list: { resource: string }[]) => list.map((r) => r.resource);

const PRIVATE_BUCKET = `Resources:
  Site:
    Type: AWS::S3::Bucket
`;
const PUBLIC_BUCKET = `Resources:
  Site:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: PublicRead
      OwnershipControls:
        Rules:
          - ObjectOwnership: ObjectWriter
      PublicAccessBlockConfiguration:
        BlockPublicAcls: false
        IgnorePublicAcls: false
        BlockPublicPolicy: false
        RestrictPublicBuckets: false
`;

describe('srlens diff (git repositories)', function () {
  this.timeout(60000);
  let work: string;

  before(() => {
    work = mkdtempSync(path.join(tmpdir(), 'srlens-diff-'));
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it('RDS replaced by PostgreSQL on EC2 in the working tree: OS and machine image come to you, new', () => {
    const repo = newRepository(work, 'to-you');
    const base = commit(repo, { 'stack.yaml': RDS }, 'database on RDS');
    git(repo, 'checkout', '-q', '-b', 'feature');
    write(repo, { 'stack.yaml': EC2 }); // uncommitted: the working tree is the default head
    const { code, report, stderr } = json(repo, []);
    assert.equal(code, 0);
    assert.deepEqual(Object.keys(report), ['base', 'head', 'resources', 'ownership', 'findings']);
    assert.deepEqual(report.base, { ref: 'main', commit: base });
    assert.deepEqual(report.head, { ref: 'working tree' });
    assert.deepEqual(names(report.resources.added), ['DbHost']);
    assert.deepEqual(names(report.resources.removed), ['Database']);
    assert.deepEqual(
      report.ownership.toYou.map((s) => [s.concern, s.new, names(s.resources)]),
      [
        ['machine-image', true, ['DbHost']],
        ['operating-system', true, ['DbHost']],
        ['applications', false, ['DbHost']],
        ['backup-dr', false, ['DbHost']],
      ],
    );
    assert.deepEqual(report.ownership.toAws, []);
    assert.match(stderr, /^srlens: compared 1 file at main with 1 file at working tree\.\n$/);
    // --fail-on new-duty fails the job; a severity nothing reaches does not.
    assert.equal(srlens(repo, ['diff', '--fail-on', 'new-duty']).code, 1);
    assert.equal(srlens(repo, ['diff', '--fail-on', 'error']).code, 0);
    assert.equal(srlens(repo, ['diff', '--fail-on', 'error', '--fail-on', 'new-duty']).code, 1);
    const text = srlens(repo, ['diff']);
    assert.match(
      text.stdout,
      /^base main \([0-9a-f]{12}\) {2}head working tree\nYou take on machine images and operating-system patching for 1 resource \(DbHost\); \d+ findings? introduced, \d+ resolved\.\n/,
    );
  });

  it('the reverse, commit to commit: duties go to AWS', () => {
    const repo = newRepository(work, 'to-aws');
    const base = commit(repo, { 'stack.yaml': EC2 }, 'database on EC2');
    const head = commit(repo, { 'stack.yaml': RDS }, 'database on RDS');
    const { code, report } = json(repo, ['--base', base, '--head', head, '--fail-on', 'new-duty']);
    assert.equal(code, 0);
    assert.deepEqual(report.head, { ref: head, commit: head });
    assert.deepEqual(report.ownership.toYou, []);
    assert.deepEqual(
      report.ownership.toAws.map((s) => [s.concern, s.gone, names(s.resources)]),
      [
        ['machine-image', true, ['DbHost']],
        ['operating-system', true, ['DbHost']],
        ['applications', false, ['DbHost']],
        ['backup-dr', false, ['DbHost']],
      ],
    );
  });

  it('a bucket made public: the public-access findings are introduced and --fail-on error fails', () => {
    const repo = newRepository(work, 'public');
    commit(repo, { 'web/site.yaml': PRIVATE_BUCKET }, 'private');
    const head = commit(repo, { 'web/site.yaml': PUBLIC_BUCKET }, 'public');
    const { code, report } = json(repo, ['--base', 'HEAD~1', '--head', head, '--fail-on', 'error']);
    assert.equal(code, 1);
    assert.deepEqual(
      report.resources.changed.map((r) => [r.file, r.resource]),
      [['web/site.yaml', 'Site']],
    );
    const introduced = report.findings.introduced.filter((f) => f.severity === 'error').map((f) => f.ruleId);
    assert.ok(introduced.includes('s3-public-acl'), introduced.join(', '));
    assert.ok(introduced.includes('s3-public-access-block-disabled'), introduced.join(', '));
    assert.ok(report.findings.introduced.every((f) => f.resource === 'Site' && f.file === 'web/site.yaml'));
    assert.deepEqual(report.ownership, { toYou: [], toAws: [] });
  });

  it('a renamed resource is renamed, and its findings are neither introduced nor resolved', () => {
    const repo = newRepository(work, 'rename');
    commit(repo, { 'stack.yaml': PUBLIC_BUCKET }, 'site');
    commit(repo, { 'stack.yaml': PUBLIC_BUCKET.replace('  Site:', '  WebSite:') }, 'rename');
    const { report } = json(repo, ['--base', 'HEAD~1', '--head', 'HEAD']);
    assert.deepEqual(
      report.resources.renamed.map((r) => [r.resource, (r.from as { resource: string }).resource]),
      [['WebSite', 'Site']],
    );
    assert.deepEqual([report.resources.added, report.resources.removed, report.resources.changed], [[], [], []]);
    assert.deepEqual(report.findings, { introduced: [], resolved: [] });
  });

  it('Terraform: a module change with two callers, and a for_each key added', () => {
    const repo = newRepository(work, 'terraform');
    const caller = 'module "db" {\n  source = "../../modules/db"\n}\n';
    const module = (extra: string) =>
      `resource "aws_db_instance" "this" {\n  engine            = "postgres"\n  instance_class    = "db.t3.micro"\n  storage_encrypted = true\n${extra}}\n`;
    const buckets = (keys: string) =>
      `resource "aws_s3_bucket" "logs" {\n  for_each = toset([${keys}])\n  bucket   = "logs-\${each.key}"\n}\n`;
    commit(
      repo,
      {
        'modules/db/main.tf': module(''),
        'envs/dev/main.tf': caller,
        'envs/prod/main.tf': caller,
        'envs/prod/logs.tf': buckets('"a"'),
      },
      'base',
    );
    commit(
      repo,
      { 'modules/db/main.tf': module('  publicly_accessible = true\n'), 'envs/prod/logs.tf': buckets('"a", "b"') },
      'public database, one more bucket',
    );
    const { report } = json(repo, ['--base', 'HEAD~1', '--head', 'HEAD']);
    assert.deepEqual(
      report.resources.changed.map((r) => [r.file, r.resource, r.changes]),
      [
        // The module's own block, and the same block as each of its two callers deploys it.
        ['modules/db/main.tf', 'aws_db_instance.this', { properties: ['publicly_accessible'] }],
        ['modules/db/main.tf', 'module.db.aws_db_instance.this', { properties: ['publicly_accessible'] }],
        ['modules/db/main.tf', 'module.db.aws_db_instance.this', { properties: ['publicly_accessible'] }],
      ],
    );
    // A key added to for_each adds an instance; the existing one is unchanged.
    assert.deepEqual(
      report.resources.added.map((r) => [r.file, r.resource]),
      [['envs/prod/logs.tf', 'aws_s3_bucket.logs["b"]']],
    );
    assert.ok(
      report.findings.introduced.some(
        (f) => f.resource === 'module.db.aws_db_instance.this' && f.file === 'modules/db/main.tf',
      ),
      JSON.stringify(report.findings.introduced),
    );
    // Paths narrow the comparison to part of the repository.
    const narrowed = json(repo, ['--base', 'HEAD~1', '--head', 'HEAD', 'envs']).report;
    assert.deepEqual(
      narrowed.resources.added.map((r) => r.resource),
      ['aws_s3_bucket.logs["b"]'],
    );
  });

  describe('input it cannot use', () => {
    let repo: string;
    let first: string;

    before(() => {
      repo = newRepository(work, 'bad');
      first = commit(repo, { 'stack.yaml': RDS, 'q.yaml': 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n' }, 'one');
      commit(repo, { 'stack.yaml': EC2 }, 'two');
    });

    const oneLine = (result: { code: number | null; stdout: string; stderr: string }, pattern: RegExp) => {
      assert.equal(result.code, 2, result.stderr);
      assert.equal(result.stdout, '');
      assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
      assert.match(result.stderr, pattern);
    };

    it('not a git repository', () => {
      const plain = path.join(work, 'plain');
      mkdirSync(plain, { recursive: true });
      oneLine(srlens(plain, ['diff']), /^srlens: '.*plain' is not in a git repository/);
    });

    it('a repository without a commit', () => {
      oneLine(srlens(newRepository(work, 'empty'), ['diff']), /^srlens: the repository has no commit yet/);
    });

    it('an unknown ref, a ref that reads as an option, bad flags and paths outside the repository', () => {
      oneLine(srlens(repo, ['diff', '--base', 'no-such-branch']), /^srlens: unknown ref 'no-such-branch' for --base/);
      oneLine(srlens(repo, ['diff', '--base=--output=x']), /^srlens: --base '--output=x' is not a ref/);
      oneLine(srlens(repo, ['diff', '--head=-h']), /^srlens: --head '-h' is not a ref/);
      oneLine(srlens(repo, ['diff', '--format', 'sarif']), /^srlens: --format must be one of text, json, markdown/);
      oneLine(srlens(repo, ['diff', '--fail-on', 'sometimes']), /^srlens: --fail-on must be one of new-duty/);
      oneLine(srlens(repo, ['diff', '--link-base', 'javascript:alert(1)']), /^srlens: --link-base must be an http/);
      oneLine(srlens(repo, ['diff', '..']), /^srlens: '\.\.' is outside the repository/);
    });

    it('a shallow clone without the base', () => {
      const clone = path.join(work, 'shallow');
      git(work, 'clone', '-q', '--depth', '1', `file://${repo}`, clone);
      oneLine(
        srlens(clone, ['diff', '--base', first]),
        /^srlens: unknown ref '[0-9a-f]{40}' for --base: this is a shallow clone/,
      );
      oneLine(srlens(clone, ['diff', '--base', 'HEAD~1']), /shallow clone without that history: fetch it first/);
    });

    it('a file that parsed at base but not at head: a parse-error finding, no resource removed', () => {
      write(repo, { 'stack.yaml': `${EC2}      SubnetId: [unclosed\n` });
      const { report } = json(repo, ['--base', 'HEAD']);
      write(repo, { 'stack.yaml': EC2 });
      assert.deepEqual(report.resources, { added: [], removed: [], changed: [], renamed: [] });
      assert.deepEqual(report.ownership, { toYou: [], toAws: [] });
      assert.deepEqual(
        report.findings.introduced.map((f) => [f.ruleId, f.file, f.severity]),
        [['parse-error', 'stack.yaml', 'error']],
      );
    });

    it('a binary file and a huge file at one side: findings, not removed resources', () => {
      write(repo, { 'q.yaml': Buffer.from([0x52, 0x65, 0x73, 0, 1, 2]), 'stack.yaml': `${EC2}${'#'.repeat(4000)}\n` });
      const { report } = json(repo, ['--base', 'HEAD', '--max-file-size', '1000']);
      git(repo, 'checkout', '-q', '--', '.');
      assert.deepEqual(report.resources, { added: [], removed: [], changed: [], renamed: [] });
      assert.deepEqual(
        report.findings.introduced.map((f) => [f.ruleId, f.file, f.severity]),
        [
          ['parse-error', 'q.yaml', 'warning'],
          ['file-too-large', 'stack.yaml', 'info'],
        ],
      );
    });

    it('thousands of files: bounded by --max-files, and read in one pass when within it', () => {
      const many = newRepository(work, 'many');
      const files: Record<string, string> = {};
      for (let i = 0; i < 1500; i++)
        files[`stacks/s${String(i).padStart(4, '0')}.yaml`] = `Resources:\n  Q${i}:\n    Type: AWS::SQS::Queue\n`;
      commit(many, files, 'many');
      write(many, { 'stacks/s0000.yaml': 'Resources:\n  Q0:\n    Type: AWS::SNS::Topic\n' });
      oneLine(
        srlens(many, ['diff', '--max-files', '1000']),
        /^srlens: 1500 CloudFormation and Terraform candidate files at [0-9a-f]{12}, over the limit of 1000/,
      );
      const started = Date.now();
      const { report } = json(many, []);
      assert.ok(Date.now() - started < 30000);
      assert.deepEqual(
        report.resources.changed.map((r) => [r.resource, r.type]),
        [['Q0', 'AWS::SNS::Topic']],
      );
    });

    it('writes nothing to the repository', () => {
      const before = [
        git(repo, 'status', '--porcelain=v1', '--untracked-files=all'),
        readFileSync(path.join(repo, '.git', 'index')),
      ];
      srlens(repo, ['diff', '--base', first, '--format', 'markdown']);
      srlens(repo, ['diff']);
      const after = [
        git(repo, 'status', '--porcelain=v1', '--untracked-files=all'),
        readFileSync(path.join(repo, '.git', 'index')),
      ];
      assert.deepEqual(after, before);
    });
  });
});
