/**
 * "Compare with Branch…" through the fake `vscode` (test/hardening/fake-vscode.ts), with a stand-in
 * for the Git extension's API that runs git on a throwaway repository: the branch offered by
 * default, the report opened as a `srlens-diff:` Markdown preview (ownership first, unsaved text
 * of open documents counted, files deleted since the base read from the base), and the messages
 * for no Git extension, no repository, an unknown branch, a refused ref and nothing changed.
 */
import { fakeWorkspace, FakeDocument, recorded, Uri } from '../../hardening/fake-vscode'; // before src/vscode/
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_CONFIG } from '../../../src/engine/config';
import type { ConfigController } from '../../../src/vscode/config';
import { COMPARE_COMMAND, registerCompare } from '../../../src/vscode/compare';
import { commit, git, newRepository, write } from '../../git-repositories';
import * as vscode from 'vscode';

const RDS = 'Resources:\n  Database:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n';
const EC2 =
  'Resources:\n  DbHost:\n    Type: AWS::EC2::Instance\n    Properties:\n      ImageId: ami-0123456789abcdef0\n';
const QUEUE = 'Resources:\n  Jobs:\n    Type: AWS::SQS::Queue\n';

/** The Git extension's API 1, as far as the command uses it, backed by git on `root`. */
function gitExtension(roots: string[]) {
  const repository = (root: string) => ({
    rootUri: Uri.file(root),
    state: {},
    getRefs: async () =>
      git(root, 'for-each-ref', '--format=%(refname) %(objectname)')
        .split('\n')
        .filter(Boolean)
        .map((line) => {
          const [ref, commitId] = line.split(' ');
          const type = ref.startsWith('refs/heads/') ? 0 : ref.startsWith('refs/remotes/') ? 1 : 2;
          return { type, name: ref.replace(/^refs\/(heads|remotes|tags)\//, ''), commit: commitId };
        }),
    getCommit: async (ref: string) => ({
      hash: execFileSync('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], {
        cwd: root,
        encoding: 'utf8',
        stdio: 'pipe',
      }).trim(),
    }),
    getMergeBase: async (a: string, b: string) => git(root, 'merge-base', a, b),
    show: async (ref: string, file: string) =>
      execFileSync('git', ['show', `${ref}:${path.relative(root, file)}`], {
        cwd: root,
        encoding: 'utf8',
        stdio: 'pipe',
      }),
    diffWith: async (ref: string) =>
      git(root, 'diff', '--name-only', '--no-renames', ref)
        .split('\n')
        .filter(Boolean)
        .map((file) => ({ uri: Uri.file(path.join(root, file)), originalUri: Uri.file(path.join(root, file)) })),
  });
  const repositories = roots.map(repository);
  const api = {
    state: 'initialized',
    repositories,
    getRepository: (uri: Uri) => repositories.find((r) => uri.path.startsWith(`${r.rootUri.path}/`)) ?? null,
  };
  return { isActive: true, exports: { enabled: true, getAPI: () => api } };
}

/** The working tree's files on the fake disk, as the workspace sees them. */
function loadWorkspace(root: string): void {
  fakeWorkspace.files.clear();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      if (name === '.git') continue;
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else fakeWorkspace.files.set(full, readFileSync(full, 'utf8'));
    }
  };
  walk(root);
  (vscode.workspace as unknown as { workspaceFolders: unknown[] }).workspaceFolders = [
    { uri: Uri.file(root), name: 'repo', index: 0 },
  ];
}

const config = {
  ready: Promise.resolve(),
  effective: DEFAULT_CONFIG,
  exclusions: { patterns: [], root: undefined },
} as unknown as ConfigController;

describe('Compare with Branch (through the editor API)', function () {
  this.timeout(60_000);
  let parent: string;
  let repo: string;
  let run: (args?: { base?: string }) => Promise<Uri | undefined>;

  before(() => {
    parent = mkdtempSync(path.join(tmpdir(), 'srlens-compare-command-'));
    repo = newRepository(parent, 'repo');
    commit(repo, { 'db/stack.yaml': RDS, 'old.yaml': QUEUE }, 'base');
    git(repo, 'checkout', '-q', '-b', 'feature');
    write(repo, { 'db/stack.yaml': EC2, 'old.yaml': null });
    registerCompare(config);
    run = recorded.commands.get(COMPARE_COMMAND) as typeof run;
  });
  after(() => rmSync(parent, { recursive: true, force: true }));
  beforeEach(() => {
    recorded.reset();
    fakeWorkspace.documents = [];
    fakeWorkspace.quickPickAnswer = undefined;
    fakeWorkspace.extensions.set('vscode.git', gitExtension([repo]));
    loadWorkspace(repo);
  });

  it('offers the default branch first and does nothing when the pick is dismissed', async () => {
    assert.equal(await run(), undefined);
    assert.deepEqual(recorded.quickPicks[0].items, [
      { label: 'main', description: 'default branch' },
      { label: 'feature', description: undefined },
    ]);
    assert.deepEqual(recorded.executed, []);
    assert.deepEqual(recorded.errors, []);
  });

  it('opens the report as a Markdown preview of a srlens-diff: document, ownership first', async () => {
    // An open document's unsaved text counts, not what is on disk.
    const open = new FakeDocument(Uri.file(path.join(repo, 'new', 'queue.yaml')), QUEUE);
    fakeWorkspace.documents = [open];
    fakeWorkspace.files.set(open.uri.path, 'Resources: {}\n');
    fakeWorkspace.quickPickAnswer = 'main';
    const uri = await run();
    assert.ok(uri, recorded.errors.join('\n'));
    assert.equal(uri.scheme, 'srlens-diff');
    assert.deepEqual(recorded.errors, []);
    assert.deepEqual(recorded.executed, [{ command: 'markdown.showPreview', args: [uri] }]);
    const text = recorded.contentProviders.get('srlens-diff')?.provideTextDocumentContent(uri) ?? '';
    const lines = text.split('\n');
    assert.equal(lines[0], '### Shared responsibility: what this change shifts');
    assert.match(
      lines[2],
      /^\*\*You take on machine images and operating-system patching for 1 resource \(DbHost\); \d+ findings? introduced, \d+ resolved\.\*\*$/,
    );
    assert.ok(lines.indexOf('#### Who owns what') < lines.indexOf('#### Resources'));
    const link = (file: string) => `file://${repo}/${file}#L2`;
    assert.ok(
      lines.includes(`| Machine image | **to you (new)** | 0 → 1 | [DbHost](${link('db/stack.yaml')}) (none → you) |`),
      text,
    );
    const rows = lines.filter((l) => /^\| (added|removed|changed|renamed) \|/.test(l));
    assert.deepEqual(
      rows.map((l) => l.split(' | ').slice(0, 2).join(' | ')),
      [
        `| added | [DbHost](${link('db/stack.yaml')})`,
        '| removed | Database',
        // old.yaml, deleted from the working tree, is read from the base: its queue moved to the
        // open document (whose unsaved text counts; the disk holds no resource).
        `| renamed | [Jobs](${link('new/queue.yaml')})`,
      ],
    );
  });

  it('names a base passed as an argument, and says when nothing changed', async () => {
    git(repo, 'stash', '-u', '-q');
    try {
      loadWorkspace(repo);
      assert.equal(await run({ base: 'main' }), undefined);
      assert.deepEqual(recorded.quickPicks, []);
      assert.deepEqual(recorded.executed, []);
      assert.deepEqual(recorded.infos, [
        'Compare with Branch: nothing changed between main and the working tree: no resource, ownership or finding differs.',
      ]);
    } finally {
      git(repo, 'stash', 'pop', '-q');
    }
  });

  const messages: [string, () => void, { base?: string } | undefined, string][] = [
    [
      'an unknown branch',
      () => undefined,
      { base: 'nope' },
      `Compare with Branch: unknown branch 'nope': no branch, tag or commit by that name in ${'<repo>'}.`,
    ],
    [
      'a ref that reads as an option',
      () => undefined,
      { base: '--output=x' },
      "Compare with Branch: '--output=x' is not a ref: refs never start with '-'.",
    ],
    [
      'no Git extension',
      () => fakeWorkspace.extensions.delete('vscode.git'),
      { base: 'main' },
      "Compare with Branch: VS Code's built-in Git extension is not installed or is disabled.",
    ],
    [
      'Git turned off',
      () =>
        fakeWorkspace.extensions.set('vscode.git', { isActive: true, exports: { enabled: false, getAPI: () => null } }),
      { base: 'main' },
      'Compare with Branch: Git is turned off in VS Code (the git.enabled setting).',
    ],
    [
      'no repository',
      () => fakeWorkspace.extensions.set('vscode.git', gitExtension([])),
      { base: 'main' },
      'Compare with Branch: no Git repository is open. Open a folder that is in a Git repository (or run git init).',
    ],
  ];
  for (const [title, setUp, args, message] of messages)
    it(`says so for ${title}`, async () => {
      setUp();
      assert.equal(await run(args), undefined);
      assert.deepEqual(recorded.errors, [message.replace('<repo>', repo)]);
      assert.deepEqual(recorded.executed, []);
    });
});
