/**
 * The CLI's npm package (scripts/pack-cli.mjs): exactly the files the CLI needs, a manifest with no
 * dependencies, and a tarball that installs offline into a scratch folder, globally into a prefix,
 * and runs there: `srlens scan` on the examples (the same JSON as this checkout's build), `npx
 * srlens`, and `srlens mcp` answering the SDK's client.
 */
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const EXAMPLES = path.join(process.cwd(), 'examples');

function npm(args: string[], cwd: string): string {
  return execFileSync('npm', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' },
  });
}

function scanJson(command: string, args: string[]): unknown {
  const result = spawnSync(command, [...args, 'scan', '--format', 'json', '--fail-on', 'none', '.'], {
    cwd: EXAMPLES,
    encoding: 'utf8',
  });
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout);
}

describe('the CLI npm package', function () {
  this.timeout(120000);
  let tmp: string;
  let tarball: string;
  let scratch: string;

  before(() => {
    tmp = mkdtempSync(path.join(tmpdir(), 'srlens-cli-package-'));
    const out = execFileSync(process.execPath, ['scripts/pack-cli.mjs', '--out', path.join(tmp, 'pack')], {
      encoding: 'utf8',
    });
    tarball = out.trim().split('\n').at(-1)!;
    scratch = path.join(tmp, 'scratch');
    execFileSync('mkdir', [scratch]);
    writeFileSync(path.join(scratch, 'package.json'), '{ "name": "scratch", "version": "1.0.0", "private": true }\n');
    npm(['install', '--offline', '--no-save', tarball], scratch);
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('holds the CLI, its on-demand bundles, the wasm files, README and LICENSE: nothing else', () => {
    const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n').sort();
    assert.deepEqual(files, [
      'package/LICENSE',
      'package/README.md',
      'package/dist/aws.js',
      'package/dist/cli-main.js',
      'package/dist/cli.js',
      'package/dist/lsp.js',
      'package/dist/mcp-fix.js',
      'package/dist/mcp.js',
      'package/dist/tree-sitter-terraform.wasm',
      'package/dist/tree-sitter.wasm',
      'package/package.json',
    ]);
    const manifest = JSON.parse(
      readFileSync(path.join(scratch, 'node_modules', 'shared-responsibility-lens', 'package.json'), 'utf8'),
    ) as Record<string, unknown>;
    const root = JSON.parse(readFileSync('package.json', 'utf8')) as Record<string, unknown>;
    assert.equal(manifest.name, 'shared-responsibility-lens');
    assert.equal(manifest.version, root.version);
    assert.deepEqual(manifest.bin, { srlens: 'dist/cli.js' });
    for (const key of ['dependencies', 'peerDependencies', 'optionalDependencies', 'scripts', 'contributes', 'main'])
      assert.equal(key in manifest, false, key);
  });

  it('installed offline into a scratch folder, srlens scans the examples as this checkout does', () => {
    const installed = path.join(scratch, 'node_modules', '.bin', 'srlens');
    const expected = scanJson(process.execPath, [path.join(process.cwd(), 'dist', 'cli.js')]);
    assert.deepEqual(scanJson(installed, []), expected);
    assert.ok((expected as { findings: unknown[] }).findings.length > 0);
  });

  it('runs through npx from the scratch folder', () => {
    const version = npm(['exec', '--offline', '--no', '--', 'srlens', '--version'], scratch).trim();
    assert.equal(version, (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version);
    const npx = spawnSync(
      'npx',
      ['--offline', '--no-install', 'srlens', 'explain', 'aws_s3_bucket', '--format', 'json'],
      {
        cwd: scratch,
        encoding: 'utf8',
      },
    );
    assert.equal(npx.status, 0, npx.stderr);
    assert.equal((JSON.parse(npx.stdout) as { type: string }).type, 'aws_s3_bucket');
  });

  it('installs globally (npm install -g) and its srlens bin works', () => {
    const prefix = path.join(tmp, 'global');
    npm(['install', '--global', '--offline', '--prefix', prefix, tarball], tmp);
    const result = spawnSync(path.join(prefix, 'bin', 'srlens'), ['scan', '--fail-on', 'none', '--no-color', '.'], {
      cwd: EXAMPLES,
      encoding: 'utf8',
    });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /\d+ findings in \d+ files \(/);
  });

  it('srlens mcp from the package answers the SDK client', async () => {
    const client = new Client({ name: 'srlens-test', version: '1.0.0' });
    await client.connect(
      new StdioClientTransport({
        command: path.join(scratch, 'node_modules', '.bin', 'srlens'),
        args: ['mcp'],
        cwd: EXAMPLES,
        stderr: 'pipe',
      }),
    );
    try {
      const { tools } = await client.listTools();
      assert.deepEqual(tools.map((t) => t.name).sort(), ['diff', 'explain', 'fix', 'inventory', 'scan']);
      const result = (await client.callTool({ name: 'fix', arguments: { path: 'cloudformation/web-app.yaml' } })) as {
        isError?: boolean;
        structuredContent?: { diff: string };
      };
      assert.equal(result.isError, undefined);
      assert.match(result.structuredContent!.diff, /^--- a\/cloudformation\/web-app\.yaml\n/);
    } finally {
      await client.close();
    }
  });
});
