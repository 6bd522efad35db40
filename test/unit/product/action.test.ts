/**
 * action.yml, the GitHub Action: its inputs, that every step runs the srlens of the action's own
 * folder (`github.action_path`, never `npx …@latest`) and pastes no input into a script, and its
 * scan, pull-request and fail steps run as GitHub would run them (bash, the step's environment
 * with its expressions filled in, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files) on the examples and
 * on a throwaway repository.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { accessSync, constants, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { commit, git, newRepository, srlens } from '../../git-repositories';

interface Step {
  name: string;
  id?: string;
  if?: string;
  shell?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Action {
  inputs: Record<string, { description: string; required: boolean; default: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parse(readFileSync('action.yml', 'utf8')) as Action;
const ACTION_PATH = '${{ github.action_path }}';

/** Fills in a step's `${{ … }}` expressions from a context; an expression the test does not know fails it. */
function fill(text: string, context: Record<string, string>): string {
  return text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_m, expression: string) => {
    assert.ok(expression in context, `unknown expression ${expression}`);
    return context[expression];
  });
}

/** Runs one `run` step as GitHub does: bash, its env filled in, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY. */
function runStep(step: Step, cwd: string, context: Record<string, string>, files: { output: string; summary: string }) {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(step.env ?? {})) env[name] = fill(value, context);
  const result = spawnSync('bash', ['-e', '-c', fill(step.run!, context)], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env, GITHUB_OUTPUT: files.output, GITHUB_STEP_SUMMARY: files.summary, NO_COLOR: '1' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function outputs(file: string): Record<string, string> {
  return Object.fromEntries(
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.includes('='))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
}

const step = (id: string) => {
  const found = action.runs.steps.find((s) => s.id === id || s.name === id);
  assert.ok(found, id);
  return found;
};

describe('action.yml (the GitHub Action)', function () {
  this.timeout(60000);

  it('takes paths, fail-on, config and var-files (and upload-sarif), none required', () => {
    assert.deepEqual(Object.keys(action.inputs), ['paths', 'fail-on', 'config', 'var-files', 'upload-sarif']);
    assert.deepEqual(
      Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, [input.required, input.default]])),
      {
        paths: [false, '.'],
        'fail-on': [false, 'error'],
        config: [false, ''],
        'var-files': [false, ''],
        'upload-sarif': [false, 'true'],
      },
    );
  });

  it("runs the srlens of the action's own folder in every step, and pastes no input into a script", () => {
    assert.equal(action.runs.using, 'composite');
    const runs = action.runs.steps.filter((s) => s.run !== undefined);
    assert.equal(runs.length, 4);
    for (const s of runs) {
      assert.ok(s.run!.includes(ACTION_PATH), `${s.name}: ${s.run}`);
      assert.equal(s.shell, 'bash', s.name);
      // The only expression in a script is the action's path; inputs arrive as environment variables.
      assert.deepEqual(
        [...s.run!.matchAll(/\$\{\{[^}]*\}\}/g)].map((m) => m[0]).filter((e) => e !== ACTION_PATH),
        [],
        s.name,
      );
      assert.doesNotMatch(s.run!, /\bnpx\b|@latest/, s.name);
      for (const script of s.run!.matchAll(/\$\{\{ github\.action_path \}\}\/(\S+\.sh)/g)) {
        assert.ok(existsSync(script[1]), script[1]);
        accessSync(script[1], constants.X_OK);
      }
    }
    assert.deepEqual(
      action.runs.steps.filter((s) => s.uses !== undefined).map((s) => s.uses),
      ['github/codeql-action/upload-sarif@v4'],
    );
    // The build step builds from the lock file, in the action's folder.
    assert.match(step('Build srlens (the pinned commit)').run!, /npm ci .*\n\s*node esbuild\.mjs --production/);
  });

  describe('its steps, run as GitHub runs them', () => {
    let tmp: string;
    let files: { output: string; summary: string };
    const context = (tmpDir: string, inputs: Record<string, string> = {}) => ({
      'github.action_path': process.cwd(),
      'runner.temp': tmpDir,
      'github.server_url': 'https://github.com',
      'github.repository': 'octo/infra',
      ...Object.fromEntries(
        Object.entries(action.inputs).map(([name, input]) => [`inputs.${name}`, inputs[name] ?? input.default]),
      ),
    });

    beforeEach(() => {
      tmp = mkdtempSync(path.join(tmpdir(), 'srlens-action-'));
      files = { output: path.join(tmp, 'output'), summary: path.join(tmp, 'summary.md') };
      writeFileSync(files.output, '');
      writeFileSync(files.summary, '');
    });
    afterEach(() => rmSync(tmp, { recursive: true, force: true }));

    it('scan: SARIF with every finding, the exit code as an output, the summary line; then fail fails', () => {
      const work = path.join(tmp, 'work');
      cpSync('examples', work, { recursive: true });
      const inputs = { paths: 'cloudformation\n  terraform/web', 'var-files': '' };
      const result = runStep(step('scan'), work, context(tmp, inputs), files);
      assert.equal(result.code, 0, result.stderr);
      const expected = JSON.parse(
        srlens(work, ['scan', '--format', 'json', '--fail-on', 'none', 'cloudformation', 'terraform/web']).stdout,
      ) as { files: number; findings: unknown[] };
      const sarif = JSON.parse(readFileSync(path.join(tmp, 'srlens.sarif'), 'utf8')) as {
        runs: { results: unknown[] }[];
      };
      assert.equal(sarif.runs[0].results.length, expected.findings.length);
      assert.deepEqual(outputs(files.output), { 'sarif-file': path.join(tmp, 'srlens.sarif'), 'exit-code': '1' });
      assert.match(
        readFileSync(files.summary, 'utf8'),
        new RegExp(
          `^### Shared Responsibility Lens\\n\\n${expected.findings.length} findings in ${expected.files} files \\(`,
        ),
      );
      assert.match(result.stdout, /web-app\.yaml/);

      const fail = runStep(step('Fail on findings'), work, context(tmp), files);
      assert.equal(fail.code, 1);
      assert.match(fail.stdout, /^::error title=srlens scan::findings at or above 'error'/);
    });

    it('scan: fail-on none gives exit code 0; a missing path fails the step with exit code 2', () => {
      const work = path.join(tmp, 'work');
      cpSync('examples', work, { recursive: true });
      assert.equal(runStep(step('scan'), work, context(tmp, { 'fail-on': 'none' }), files).code, 0);
      assert.equal(outputs(files.output)['exit-code'], '0');
      const missing = runStep(step('scan'), work, context(tmp, { paths: 'no-such-folder' }), files);
      assert.equal(missing.code, 2);
      assert.match(missing.stdout, /::error title=srlens scan::srlens scan could not run \(exit code 2\)/);
    });

    it('scan: config and var-files reach srlens', () => {
      const work = path.join(tmp, 'work');
      cpSync('examples/terraform/web', work, { recursive: true });
      writeFileSync(path.join(work, 'strict.yaml'), 'rules:\n  s3-bucket-access-logging: error\n');
      writeFileSync(path.join(work, 'prod.tfvars'), 'this_var_does_not_exist = 1\n');
      const result = runStep(
        step('scan'),
        work,
        context(tmp, { config: 'strict.yaml', 'var-files': 'prod.tfvars', 'fail-on': 'none' }),
        files,
      );
      assert.equal(result.code, 0, result.stderr);
      const expected = srlens(work, ['scan', '--config', 'strict.yaml', '--var-file', 'prod.tfvars', '--no-color']);
      assert.equal(result.stdout.trim(), expected.stdout.trim());
      assert.match(result.stdout, /error .*s3-bucket-access-logging/);
      // A var file that is not there stops the scan: it did reach srlens.
      const missing = runStep(step('scan'), work, context(tmp, { 'var-files': 'prod.tfvars missing.tfvars' }), files);
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /missing\.tfvars/);
    });

    it('pull request: the srlens diff report from the merge base goes to the summary', () => {
      const repo = newRepository(tmp, 'repo');
      const base = commit(repo, { 'bucket.yaml': 'Resources:\n  Logs:\n    Type: AWS::S3::Bucket\n' }, 'base');
      git(repo, 'checkout', '-q', '-b', 'feature');
      const head = commit(
        repo,
        { 'db.yaml': 'Resources:\n  Db:\n    Type: AWS::EC2::Instance\n    Properties:\n      ImageId: ami-1\n' },
        'add an instance',
      );
      const ctx = {
        ...context(tmp),
        'github.event.pull_request.base.sha': base,
        'github.event.pull_request.head.sha': head,
      };
      const result = runStep(step('What this pull request shifts'), repo, ctx, files);
      assert.equal(result.code, 0, result.stderr);
      const summary = readFileSync(files.summary, 'utf8');
      const expected = srlens(repo, [
        'diff',
        '--base',
        base,
        '--format',
        'markdown',
        '--link-base',
        `https://github.com/octo/infra/blob/${head}`,
        '--',
        '.',
      ]);
      assert.equal(summary, expected.stdout);
      assert.match(summary, /^<!-- srlens-diff -->/);
      assert.match(summary, /https:\/\/github\.com\/octo\/infra\/blob\/[0-9a-f]{40}\/db\.yaml/);

      // A base the clone does not have: a warning and a note, and the job goes on.
      writeFileSync(files.summary, '');
      const missing = runStep(
        step('What this pull request shifts'),
        repo,
        { ...ctx, 'github.event.pull_request.base.sha': '0123456789abcdef0123456789abcdef01234567' },
        files,
      );
      assert.equal(missing.code, 0);
      assert.match(missing.stdout, /^::warning title=srlens diff::could not compare with the pull request's base: /);
      assert.match(
        readFileSync(files.summary, 'utf8'),
        /^### What this pull request shifts\n\nsrlens diff could not compare: unknown ref/,
      );
    });
  });
});
