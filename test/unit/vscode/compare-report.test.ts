/**
 * "Compare with Branch…" without the editor (src/vscode/compare-report.ts): refs refused before
 * they reach git, the default branch among the Git extension's refs, the branches offered, which
 * files each side reads, reading a side (absent, too large, binary, BOM), and the report: the same
 * as `srlens diff` on the same repository, rendered as Markdown with links into the working tree.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_CONFIG } from '../../../src/engine/config';
import { formatDiffJson } from '../../../src/cli/reporters/diff';
import { sourceKindOf } from '../../../src/iac/detect';
import {
  baseCandidatePaths,
  branchChoices,
  compareSides,
  comparisonMarkdown,
  defaultBranchOf,
  readSide,
  refProblem,
  type RefInfo,
  type SideFiles,
} from '../../../src/vscode/compare-report';
import { commit, git, newRepository, srlens, write } from '../../git-repositories';
import { EC2, RDS } from '../../diff-templates';

const LOCAL = 0;
const REMOTE = 1;
const TAG = 2;

const TOPIC = `Resources:
  Topic:
    Type: AWS::SNS::Topic
`;

const side = (files: Record<string, string>): SideFiles => ({
  sources: Object.entries(files).map(([p, text]) => ({ path: p, text })),
  findings: [],
  unreadable: [],
});

describe('Compare with Branch (the parts without the editor)', () => {
  describe('refProblem', () => {
    const table: [string, string | undefined][] = [
      ['main', undefined],
      ['origin/feature/x', undefined],
      ['v1.2.3', undefined],
      ['HEAD~2', undefined],
      ['', 'Name a branch, tag or commit to compare with.'],
      ['  ', 'Name a branch, tag or commit to compare with.'],
      ['--output=/tmp/x', "'--output=/tmp/x' is not a ref: refs never start with '-'."],
      ['-p', "'-p' is not a ref: refs never start with '-'."],
      ['main\nx', "'main\nx' is not a branch, tag or commit name."],
      ['main:secret.txt', "'main:secret.txt' is not a branch, tag or commit name."],
    ];
    for (const [ref, expected] of table)
      it(`${JSON.stringify(ref)} → ${expected === undefined ? 'accepted' : JSON.stringify(expected)}`, () =>
        assert.equal(refProblem(ref), expected));
    it('refuses an absurdly long name', () => assert.match(refProblem('a'.repeat(1025)) ?? '', /is not a branch/));
  });

  describe('defaultBranchOf', () => {
    const table: [string, RefInfo[], string | undefined][] = [
      [
        'the remote branch origin/HEAD points at',
        [
          { type: LOCAL, name: 'main', commit: '1' },
          { type: REMOTE, name: 'origin/HEAD', commit: '2', remote: 'origin' },
          { type: REMOTE, name: 'origin/develop', commit: '2', remote: 'origin' },
          { type: REMOTE, name: 'origin/main', commit: '1', remote: 'origin' },
        ],
        'origin/develop',
      ],
      [
        'origin/HEAD matching two branches: the usual names decide',
        [
          { type: LOCAL, name: 'master', commit: '1' },
          { type: REMOTE, name: 'origin/HEAD', commit: '2' },
          { type: REMOTE, name: 'origin/a', commit: '2' },
          { type: REMOTE, name: 'origin/b', commit: '2' },
        ],
        'master',
      ],
      [
        'local main before master',
        [
          { type: LOCAL, name: 'master', commit: '1' },
          { type: LOCAL, name: 'main', commit: '2' },
        ],
        'main',
      ],
      ['only a remote main', [{ type: REMOTE, name: 'origin/main', commit: '1' }], 'origin/main'],
      ['only a remote master', [{ type: REMOTE, name: 'origin/master', commit: '1' }], 'origin/master'],
      [
        'none of them (a tag named main is not a branch)',
        [
          { type: LOCAL, name: 'trunk', commit: '1' },
          { type: TAG, name: 'main', commit: '1' },
        ],
        undefined,
      ],
      ['no refs', [], undefined],
    ];
    for (const [title, refs, expected] of table) it(title, () => assert.equal(defaultBranchOf(refs), expected));
  });

  it('offers the default branch first, then local, then remote branches, without tags or a remote HEAD', () => {
    const refs: RefInfo[] = [
      { type: REMOTE, name: 'origin/main' },
      { type: LOCAL, name: 'feature' },
      { type: TAG, name: 'v1' },
      { type: REMOTE, name: 'origin/HEAD' },
      { type: LOCAL, name: 'main' },
      { type: REMOTE, name: 'upstream/dev' },
      { type: LOCAL },
    ];
    assert.deepEqual(branchChoices(refs, 'main'), ['main', 'feature', 'origin/main', 'upstream/dev']);
    assert.deepEqual(branchChoices(refs, 'origin/main'), ['origin/main', 'feature', 'main', 'upstream/dev']);
    assert.deepEqual(branchChoices(refs, undefined), ['feature', 'main', 'origin/main', 'upstream/dev']);
  });

  it('reads at the base the working tree candidates and the candidates the change deleted or renamed', () => {
    const wanted = (file: string) => sourceKindOf(file) !== undefined && !file.startsWith('node_modules/');
    assert.deepEqual(
      baseCandidatePaths(
        ['stack.yaml', 'infra/main.tf'],
        ['old/gone.yaml', 'README.md', 'stack.yaml', 'node_modules/x/t.json', 'infra/renamed-from.tf'],
        wanted,
      ),
      ['infra/main.tf', 'infra/renamed-from.tf', 'old/gone.yaml', 'stack.yaml'],
    );
    assert.deepEqual(baseCandidatePaths([], [], wanted), []);
  });

  describe('readSide', () => {
    it('leaves out absent files, reports too large and binary ones, strips a BOM, keeps the order', async () => {
      const texts: Record<string, string | undefined> = {
        'a.yaml': '\ufeffResources: {}\n',
        'b.yaml': 'x'.repeat(101),
        'c.json': `{"a":\u0000}`,
        'd.tf': 'resource "aws_s3_bucket" "b" {}\n',
        'e.yaml': undefined,
      };
      // Out-of-order completion must not reorder the files.
      const delays: Record<string, number> = { 'a.yaml': 20, 'd.tf': 0 };
      const result = await readSide(
        Object.keys(texts),
        (file) => new Promise((resolve) => setTimeout(() => resolve(texts[file]), delays[file] ?? 5)),
        { maxFileSize: 100, concurrency: 3 },
      );
      assert.deepEqual(result.sources, [
        { path: 'a.yaml', text: 'Resources: {}\n' },
        { path: 'd.tf', text: 'resource "aws_s3_bucket" "b" {}\n' },
      ]);
      assert.deepEqual(result.unreadable, ['b.yaml', 'c.json']);
      assert.deepEqual(
        result.findings.map((f) => [f.file, f.ruleId, f.severity, f.message]),
        [
          [
            'b.yaml',
            'file-too-large',
            'info',
            'You · Configuration and policies: Skipped: over the 100 character limit for one file',
          ],
          [
            'c.json',
            'parse-error',
            'warning',
            'You · Configuration and policies: Not read: the file is binary at this side of the comparison',
          ],
        ],
      );
    });

    it('stops reading when cancelled', async () => {
      const asked: string[] = [];
      let cancelled = false;
      const result = await readSide(
        ['a.yaml', 'b.yaml', 'c.yaml', 'd.yaml'],
        async (file) => {
          asked.push(file);
          if (file === 'b.yaml') cancelled = true;
          return 'Resources: {}\n';
        },
        { maxFileSize: 100, concurrency: 1, cancelled: () => cancelled },
      );
      assert.deepEqual(asked, ['a.yaml', 'b.yaml']);
      assert.deepEqual(
        result.sources.map((s) => s.path),
        ['a.yaml', 'b.yaml'],
      );
    });
  });

  it('renders ownership first, links what is at head into the working tree, and drops the CI marker', async () => {
    const report = await compareSides(
      side({ 'db/stack.yaml': RDS }),
      side({ 'db/stack.yaml': EC2 }),
      { base: { ref: 'main', commit: 'c'.repeat(40) }, head: { ref: 'working tree' } },
      DEFAULT_CONFIG,
    );
    const markdown = comparisonMarkdown(report, 'file:///home/me/my%20repo');
    const lines = markdown.split('\n');
    assert.equal(lines[0], '### Shared responsibility: what this change shifts');
    assert.ok(!markdown.includes('<!-- srlens-diff -->'));
    assert.equal(lines[4], `Base main (${'c'.repeat(12)}), head working tree.`);
    const headings = lines.filter((l) => l.startsWith('#### '));
    assert.deepEqual(headings, ['#### Who owns what', '#### Resources', '#### Findings']);
    const link = '[DbHost](file:///home/me/my%20repo/db/stack.yaml#L2)';
    assert.ok(
      lines.includes(`| Machine image | **to you (new)** | 0 → 1 | ${link} (none → you) |`),
      `no machine-image row in:\n${markdown}`,
    );
    assert.ok(
      lines.includes(
        `| added | ${link} | AWS::EC2::Instance | infrastructure | [db/stack.yaml:2](file:///home/me/my%20repo/db/stack.yaml#L2) |  |`,
      ),
    );
    // The removed resource is at the base only: no link.
    assert.ok(lines.includes('| removed | Database | AWS::RDS::DBInstance | container | db/stack.yaml:2 |  |'));
  });

  describe('against srlens diff on a repository', function () {
    this.timeout(60_000);
    let parent: string;
    before(() => (parent = mkdtempSync(path.join(tmpdir(), 'srlens-compare-'))));
    after(() => rmSync(parent, { recursive: true, force: true }));

    it('gives the report `srlens diff --base main` gives, from the files git lists and shows', async () => {
      const repo = newRepository(parent, 'repo');
      const base = commit(
        repo,
        {
          'db/stack.yaml': RDS,
          'web/site.yaml': 'Resources:\n  Site:\n    Type: AWS::S3::Bucket\n',
          'old.yaml': TOPIC,
        },
        'base',
      );
      git(repo, 'checkout', '-q', '-b', 'feature');
      commit(repo, { 'db/stack.yaml': EC2 }, 'move the database to EC2');
      // Uncommitted: a deleted template, a new untracked one, a renamed one.
      write(repo, {
        'old.yaml': null,
        'new/queue.yaml': 'Resources:\n  Jobs:\n    Type: AWS::SQS::Queue\n',
        'web/site.yaml': null,
        'web/site2.yaml': 'Resources:\n  Site:\n    Type: AWS::S3::Bucket\n',
      });

      const listed = git(repo, 'ls-files', '--cached', '--others', '--exclude-standard').split('\n');
      const headFiles = listed.filter((f) => sourceKindOf(f) && readable(path.join(repo, f)));
      const changed = git(repo, 'diff', '--name-only', '--no-renames', base).split('\n');
      const baseFiles = baseCandidatePaths(headFiles, changed, (f) => sourceKindOf(f) !== undefined);
      assert.deepEqual(baseFiles, ['db/stack.yaml', 'new/queue.yaml', 'old.yaml', 'web/site.yaml', 'web/site2.yaml']);

      const options = { maxFileSize: 1_000_000 };
      const head = await readSide(headFiles, async (f) => readFileSync(path.join(repo, f), 'utf8'), options);
      const baseSide = await readSide(baseFiles, async (f) => show(repo, base, f), options);
      assert.deepEqual(
        baseSide.sources.map((s) => s.path),
        ['db/stack.yaml', 'old.yaml', 'web/site.yaml'],
      );
      const report = await compareSides(
        baseSide,
        head,
        { base: { ref: 'main', commit: base }, head: { ref: 'working tree' } },
        DEFAULT_CONFIG,
      );
      const cli = srlens(repo, ['diff', '--base', 'main', '--format', 'json']);
      assert.equal(cli.code, 0, cli.stderr);
      assert.equal(formatDiffJson(report), cli.stdout.trim());
      assert.deepEqual(
        report.resources.added.map((r) => r.resource),
        ['DbHost', 'Jobs'],
      );
      assert.deepEqual(
        report.resources.removed.map((r) => r.resource),
        ['Database', 'Topic'],
      );
      assert.deepEqual(
        report.resources.renamed.map((r) => [r.from.file, r.file]),
        [['web/site.yaml', 'web/site2.yaml']],
      );
    });
  });
});

function readable(file: string): boolean {
  try {
    readFileSync(file);
    return true;
  } catch {
    return false;
  }
}

function show(repo: string, commitId: string, file: string): string | undefined {
  try {
    return execFileSync('git', ['show', `${commitId}:${file}`], { cwd: repo, encoding: 'utf8', stdio: 'pipe' });
  } catch {
    return undefined;
  }
}
