/**
 * The language server in a real client: Neovim from Debian (0.7.2 on bookworm), headless, with a
 * small Lua config (srlens.lua) that starts `srlens lsp --stdio` with `vim.lsp.start_client`,
 * attaches it to a template and uses Neovim's own diagnostics, hover and code action features.
 * Run by `npm test` after the real-editor tools are installed (scripts/install-code-server.sh
 * installs the `neovim` package); alone:
 *
 *   node esbuild.mjs && node scripts/build-tests.mjs && npx mocha out/test/integration/neovim/neovim.test.js
 *
 * Skips with one line when `nvim` is not on PATH, and fails instead under SRLENS_REQUIRE_INTEGRATION=1 (CI).
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const CLI = path.resolve('dist/cli.js');
const CONFIG = path.resolve('test/integration/neovim/srlens.lua');

const VOLUME = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Data:
    Type: AWS::EC2::Volume
    Properties:
      AvailabilityZone: eu-west-1a
      Size: 10
      Encrypted: false
`;

interface NeovimResult {
  steps: { name: string; ok: boolean }[];
  diagnostics?: { code: string; lnum: number; col: number; severity: number; source: string; message: string }[];
  hover?: string[];
  offered?: string[];
  text?: string;
}

function nvimVersion(): string | undefined {
  const result = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.split('\n')[0] : undefined;
}

describe('srlens lsp in Neovim (headless)', function () {
  this.timeout(120000);
  let version: string | undefined;
  let dir: string;
  before(function () {
    version = nvimVersion();
    if (!version) {
      const line = 'SKIPPED: the Neovim language server test did not run: nvim is not on PATH (apt-get install neovim)';
      if (process.env.SRLENS_REQUIRE_INTEGRATION === '1') throw new Error(line);
      console.log(line);
      this.skip();
    }
    dir = mkdtempSync(path.join(tmpdir(), 'srlens-nvim-'));
  });
  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows the diagnostic, hovers the owners and applies the quick fix to the file', () => {
    const file = path.join(dir, 'volume.yaml');
    const resultFile = path.join(dir, 'result.json');
    writeFileSync(file, VOLUME);
    const run = spawnSync('nvim', ['--headless', '--clean', '-n', '-i', 'NONE', '-u', CONFIG], {
      env: { ...process.env, SRLENS_CLI: CLI, SRLENS_FILE: file, SRLENS_RESULT: resultFile },
      encoding: 'utf8',
      timeout: 110000,
    });
    assert.equal(run.status, 0, `${version}: ${run.stderr}`);
    const result = JSON.parse(readFileSync(resultFile, 'utf8')) as NeovimResult;
    assert.deepEqual(result.steps, [
      { name: 'client started', ok: true },
      { name: 'diagnostics', ok: true },
      { name: 'hover', ok: true },
      { name: 'code action applied', ok: true },
      { name: 'diagnostics after the fix', ok: true },
    ]);
    assert.deepEqual(
      result.diagnostics?.map((d) => [d.code, d.lnum, d.col, d.severity, d.source]),
      // Neovim's severity 2 is a warning.
      [['ebs-volume-encryption', 7, 17, 2, 'srlens']],
    );
    assert.match(result.diagnostics![0].message, /^You · Data at rest: EBS volume 'Data' sets Encrypted to false$/);
    for (const row of ['| Data at rest | You |', '| Facilities | AWS | AWS |'])
      assert.ok(
        result.hover?.some((line) => line.startsWith(row)),
        `${row} in the hover:\n${result.hover?.join('\n')}`,
      );
    assert.deepEqual(result.offered, [
      'Set Encrypted to true',
      'Suppress ebs-volume-encryption for Data: write the reason next to it',
    ]);
    assert.equal(readFileSync(file, 'utf8'), VOLUME.replace('Encrypted: false', 'Encrypted: true'));
  });
});
