/**
 * docs/ci.md's `srlens diff` jobs, run as written: the GitHub Actions step and the GitLab script are
 * read from the document and run with bash against a fixture pull request (a clone whose target
 * branch moved on after the branch point), `npx … srlens` answered by the built CLI.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { commit, git, newRepository } from '../../git-repositories';

const RDS = 'Resources:\n  Database:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n';
const EC2 =
  'Resources:\n  DbHost:\n    Type: AWS::EC2::Instance\n    Properties:\n      ImageId: ami-0123456789abcdef0\n';

interface Step {
  run?: string;
  if?: string;
  uses?: string;
  with?: Record<string, string>;
}

/** The YAML blocks of docs/ci.md, parsed. */
function documentedYaml(): Record<string, unknown>[] {
  const text = readFileSync('docs/ci.md', 'utf8');
  return [...text.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => parse(m[1]) as Record<string, unknown>);
}

/** GitHub expressions the documented workflow uses, as a pull request's event would fill them. */
function expand(text: string, values: Record<string, string>): string {
  const expanded = text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (whole, name: string) => {
    const value = values[name];
    assert.ok(value !== undefined, `docs/ci.md uses ${whole}, which this test does not fill in`);
    return value;
  });
  return expanded;
}

function bash(script: string, cwd: string, env: Record<string, string>) {
  const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('docs/ci.md: the srlens diff jobs, run as documented', function () {
  this.timeout(60000);
  let work: string;
  let clone: string;
  let head: string;
  let mergeBase: string;
  let env: Record<string, string>;

  before(() => {
    work = mkdtempSync(path.join(tmpdir(), 'srlens-ci-docs-'));
    const origin = newRepository(work, 'origin');
    mergeBase = commit(origin, { 'db/stack.yaml': RDS }, 'database on RDS');
    clone = path.join(work, 'pr');
    git(work, 'clone', '-q', origin, clone);
    git(clone, 'config', 'user.name', 'Test');
    git(clone, 'config', 'user.email', 'test@example.com');
    git(clone, 'checkout', '-q', '-b', 'feature');
    head = commit(clone, { 'db/stack.yaml': EC2 }, 'database on EC2');
    // The target branch moves on after the branch point: its change is not the pull request's.
    commit(origin, { 'queue.yaml': 'Resources:\n  Jobs:\n    Type: AWS::SQS::Queue\n' }, 'a queue on main');
    git(clone, 'fetch', '-q', 'origin');
    git(clone, 'checkout', '-q', '--detach', head);
    // `npx --yes --package <pkg> srlens …` runs the CLI built from this checkout.
    const bin = path.join(work, 'bin');
    mkdirSync(bin);
    writeFileSync(
      path.join(bin, 'npx'),
      `#!/bin/sh\nwhile [ "$#" -gt 0 ] && [ "$1" != srlens ]; do shift; done\nshift\nexec "${process.execPath}" "${path.join(process.cwd(), 'dist', 'cli.js')}" "$@"\n`,
    );
    chmodSync(path.join(bin, 'npx'), 0o755);
    env = { PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`, NO_COLOR: '1' };
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it('GitHub Actions: the report goes to the step summary and the comment file, and a new duty fails the step', () => {
    const workflow = documentedYaml().find((doc) => JSON.stringify(doc).includes('srlens diff') && 'jobs' in doc);
    assert.ok(workflow, 'docs/ci.md has a GitHub Actions workflow running srlens diff');
    const job = Object.values(workflow.jobs as Record<string, { env: Record<string, string>; steps: Step[] }>)[0];
    const values = {
      'github.server_url': 'https://github.com',
      'github.repository': 'example/infra',
      'github.event.pull_request.head.sha': head,
    };
    const jobEnv = Object.fromEntries(Object.entries(job.env).map(([k, v]) => [k, expand(v, values)]));
    const checkout = job.steps.find((s) => s.uses?.startsWith('actions/checkout'));
    assert.equal(String(checkout?.with?.['fetch-depth']), '0');
    const step = job.steps.find((s) => s.run?.includes('srlens diff'));
    assert.ok(step?.run);
    rmSync(path.join(clone, 'srlens-diff.md'), { force: true });
    const summary = path.join(work, 'step-summary.md');
    writeFileSync(summary, '');
    const result = bash(expand(step.run, values), clone, {
      ...env,
      ...jobEnv,
      GITHUB_BASE_REF: 'main',
      GITHUB_STEP_SUMMARY: summary,
    });
    assert.equal(result.code, 1, result.stderr);
    const report = readFileSync(path.join(clone, 'srlens-diff.md'), 'utf8');
    assert.equal(readFileSync(summary, 'utf8'), report);
    assert.ok(report.startsWith('<!-- srlens-diff -->\n'));
    assert.match(
      report,
      /\*\*You take on machine images and operating-system patching for 1 resource \(DbHost\); \d+ findings? introduced, \d+ resolved\.\*\*/,
    );
    assert.ok(report.includes(`(https://github.com/example/infra/blob/${head}/db/stack.yaml#L2)`), report);
    // Measured from the merge base: the queue added on main since is not in the report.
    assert.equal(report.includes('Jobs'), false);
    assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
    // The comment step runs after a failed step, on the file the step wrote.
    const comment = job.steps.find((s) => s.uses?.startsWith('marocchino/sticky-pull-request-comment'));
    assert.equal(comment?.with?.path, 'srlens-diff.md');
    assert.match(comment?.if ?? '', /!cancelled\(\)/);
  });

  it('GitLab: the script writes the report artifact and fails on a new duty; no token, no note', () => {
    const pipeline = documentedYaml().find((doc) => JSON.stringify(doc).includes('srlens diff') && !('jobs' in doc));
    assert.ok(pipeline, 'docs/ci.md has a GitLab job running srlens diff');
    const job = Object.values(
      pipeline as Record<string, { script: string[]; after_script: string[]; variables: Record<string, unknown> }>,
    )[0];
    assert.equal(String(job.variables.GIT_DEPTH), '0');
    rmSync(path.join(clone, 'srlens-diff.md'), { force: true });
    const gitlab = {
      ...env,
      CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main',
      CI_MERGE_REQUEST_DIFF_BASE_SHA: mergeBase,
      CI_PROJECT_URL: 'https://gitlab.example.com/group/infra',
      CI_COMMIT_SHA: head,
      SRLENS_NOTE_TOKEN: '',
    };
    const result = bash(job.script.join('\n'), clone, gitlab);
    assert.equal(result.code, 1, result.stderr);
    const report = readFileSync(path.join(clone, 'srlens-diff.md'), 'utf8');
    assert.match(report, /You take on machine images and operating-system patching for 1 resource \(DbHost\)/);
    assert.ok(report.includes(`(https://gitlab.example.com/group/infra/-/blob/${head}/db/stack.yaml#L2)`), report);
    assert.equal(bash(job.after_script.join('\n'), clone, gitlab).code, 0);
    assert.ok(existsSync(path.join(clone, 'srlens-diff.md')));
  });
});
