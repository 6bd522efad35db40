/**
 * `srlens isms export`, spawned as users run it: the Markdown report and the CSV registers, the
 * state file read when present and written only with --update.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const cli = path.join(process.cwd(), 'dist', 'cli.js');

function srlens(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('srlens isms export', () => {
  let work: string;

  beforeEach(() => {
    work = mkdtempSync(path.join(tmpdir(), 'srlens-isms-'));
    mkdirSync(path.join(work, 'infra'));
    writeFileSync(path.join(work, 'infra', 'stack.yaml'), readFileSync(path.resolve('test/fixtures/isms/stack.yaml')));
  });

  afterEach(() => rmSync(work, { recursive: true, force: true }));

  it('prints the Markdown report and leaves the workspace untouched', () => {
    const result = srlens(['isms', 'export', 'infra'], work);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^# Information Security Management System\n/);
    assert.match(result.stdout, /\| Records \| essential \| business-information \|/);
    assert.match(result.stdout, /infra\/stack\.yaml#Database/);
    assert.ok(!existsSync(path.join(work, '.srlens')));
  });

  it('merges the state file when present, and writes it back only with --update', () => {
    assert.equal(srlens(['isms', 'export', 'infra', '--update', '--out', 'report.md'], work).code, 0);
    const stateFile = path.join(work, '.srlens', 'isms.yaml');
    const state = readFileSync(stateFile, 'utf8');
    assert.match(state, /id: infra\/stack\.yaml#Records/);
    writeFileSync(
      stateFile,
      state
        .replace('scope:', 'scope:')
        .replace(/^version: 1$/m, 'version: 1\nscope: Reporting account only')
        .replace(/(id: infra\/stack\.yaml#Records\n)/, '$1    value: 1234\n'),
    );
    const before = readFileSync(stateFile, 'utf8');
    const result = srlens(['isms', 'export', 'infra'], work);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /Reporting account only/);
    assert.match(result.stdout, /\$1,234/);
    assert.equal(readFileSync(stateFile, 'utf8'), before, 'no write without --update');
    assert.match(readFileSync(path.join(work, 'report.md'), 'utf8'), /## Statement of applicability/);
  });

  it('writes the asset and risk registers as CSV', () => {
    const both = srlens(['isms', 'export', 'infra', '--format', 'csv', '--out', 'out/registers.csv'], work);
    assert.equal(both.code, 0, both.stderr);
    assert.match(readFileSync(path.join(work, 'out', 'registers-assets.csv'), 'utf8'), /^id,name,category,class,/);
    assert.match(readFileSync(path.join(work, 'out', 'registers-risks.csv'), 'utf8'), /^id,status,ruleId,/);
    const risks = srlens(['isms', 'export', 'infra', '--format', 'csv', '--register', 'risks'], work);
    assert.match(risks.stdout, /^id,status,ruleId,/);
    assert.match(risks.stdout, /rds-storage-encryption infra\/stack\.yaml#Database,open,/);
  });

  it('exits 2 with one line on a bad option or an unreadable state file', () => {
    for (const args of [
      ['isms'],
      ['isms', 'import'],
      ['isms', 'export', '--format', 'pdf'],
      ['isms', 'export', '--register', 'people'],
    ]) {
      const result = srlens(args, work);
      assert.equal(result.code, 2, args.join(' '));
      assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
    }
    mkdirSync(path.join(work, '.srlens'));
    writeFileSync(path.join(work, '.srlens', 'isms.yaml'), '- not\n- a mapping\n');
    const bad = srlens(['isms', 'export', 'infra'], work);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /^srlens: cannot use '\.srlens\/isms\.yaml': /);
  });
});
