/**
 * .pre-commit-hooks.yaml and its wrapper, scripts/pre-commit-hook.sh: the hook definition, the
 * wrapper's handling of options and files (a .tf file becomes its folder), and the hook run by
 * Debian's `pre-commit try-repo` from this repository on a fixture repository. Without pre-commit
 * those last tests are skipped with one line (CI installs it and sets SRLENS_REQUIRE_PRE_COMMIT=1,
 * which turns the skip into a failure). The wrapper's first-use build (npm ci and the bundle, as
 * the GitHub Action does) is not run here: SRLENS_HOOK_CLI points it at this checkout's dist/cli.js.
 */
import { strict as assert } from 'node:assert';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { commit, newRepository } from '../../git-repositories';

interface Hook {
  id: string;
  entry: string;
  language: string;
  files: string;
  require_serial?: boolean;
}

const BUCKET = 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n';
const VERSIONING =
  'resource "aws_s3_bucket_versioning" "b" {\n  bucket = aws_s3_bucket.b.id\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n';
const UNENCRYPTED_DB =
  'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n      StorageEncrypted: false\n';

const CLI = path.join(process.cwd(), 'dist', 'cli.js');
const HOOK = path.join(process.cwd(), 'scripts', 'pre-commit-hook.sh');

function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', SRLENS_HOOK_CLI: CLI, ...env },
  });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

function hasPreCommit(): boolean {
  return spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;
}

describe('the pre-commit hook', function () {
  this.timeout(60000);
  let tmp: string;
  let repo: string;

  before(() => {
    tmp = mkdtempSync(path.join(tmpdir(), 'srlens-pre-commit-'));
    repo = newRepository(tmp, 'infra-repo');
    commit(repo, { 'infra/main.tf': BUCKET, 'infra/versioning.tf': VERSIONING, 'db.yaml': UNENCRYPTED_DB }, 'infra');
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('.pre-commit-hooks.yaml defines srlens on the wrapper, for templates, .tf and .tfvars files', () => {
    const hooks = parse(readFileSync('.pre-commit-hooks.yaml', 'utf8')) as Hook[];
    assert.deepEqual(
      hooks.map((h) => [h.id, h.language, h.entry, h.require_serial]),
      [['srlens', 'script', 'scripts/pre-commit-hook.sh', true]],
    );
    accessSync(hooks[0].entry, constants.X_OK);
    const files = new RegExp(hooks[0].files);
    const names = ['a/main.tf', 'prod.tfvars', 't.yaml', 't.yml', 't.json', 'stack.template', 'README.md', 'main.go'];
    assert.deepEqual(
      names.filter((n) => files.test(n)),
      ['a/main.tf', 'prod.tfvars', 't.yaml', 't.yml', 't.json', 'stack.template'],
    );
  });

  it("the wrapper scans a .tf file's whole folder, passes options on, and does nothing without files", () => {
    // The versioning in versioning.tf settles main.tf's bucket: only a scan of the folder sees it.
    const alone = run(process.execPath, [CLI, 'scan', '--fail-on', 'none', 'infra/main.tf'], repo);
    assert.match(alone.output, /s3-bucket-versioning/);
    const hook = run(HOOK, ['--fail-on', 'none', 'infra/main.tf', 'infra/versioning.tf'], repo);
    assert.equal(hook.code, 0, hook.output);
    assert.doesNotMatch(hook.output, /s3-bucket-versioning/);
    assert.match(hook.output, /3 findings in 2 files \(0 errors, 1 warning, 2 info\)/);
    // The bucket's warning fails at --fail-on warning; the default bar is error.
    assert.equal(run(HOOK, ['--fail-on', 'warning', 'infra/main.tf'], repo).code, 1);
    assert.equal(run(HOOK, ['infra/main.tf'], repo).code, 0);
    assert.equal(run(HOOK, ['db.yaml'], repo).code, 1);
    const none = run(HOOK, ['--fail-on', 'warning'], repo);
    assert.deepEqual(none, { code: 0, output: '' });
  });

  describe('pre-commit try-repo', () => {
    before(function () {
      if (hasPreCommit()) return;
      if (process.env.SRLENS_REQUIRE_PRE_COMMIT === '1')
        assert.fail('pre-commit is not installed and SRLENS_REQUIRE_PRE_COMMIT=1: apt-get install -y pre-commit');
      console.log('      SKIPPED: pre-commit is not installed (apt-get install -y pre-commit)');
      this.skip();
    });

    const tryRepo = (args: string[]) =>
      run('pre-commit', ['try-repo', process.cwd(), 'srlens', '--verbose', ...args], repo, {
        PRE_COMMIT_HOME: path.join(tmp, 'pre-commit-home'),
      });

    it('passes a changed .tf file as its folder, and passes when nothing is at or above error', () => {
      const result = tryRepo(['--files', 'infra/main.tf']);
      assert.equal(result.code, 0, result.output);
      assert.match(result.output, /srlens \(shared responsibility\)\.+Passed/);
      assert.match(result.output, /3 findings in 2 files \(0 errors, 1 warning, 2 info\)/);
    });

    it('fails the commit on an error finding, with the finding in its output', () => {
      const result = tryRepo(['--files', 'db.yaml', 'infra/main.tf']);
      assert.equal(result.code, 1, result.output);
      assert.match(result.output, /srlens \(shared responsibility\)\.+Failed/);
      assert.match(
        result.output,
        /error +You · Data at rest: RDS database 'Db' turns storage encryption off +rds-storage-encryption/,
      );
      assert.equal(tryRepo(['--all-files']).code, 1);
    });
  });
});
