/**
 * The browser bundle (`dist/web/extension.js`, the package's `browser` entry) for the web worker
 * extension host: built here as it ships (production, into a temporary folder), it requires
 * nothing but `vscode`, carries no AWS SDK and stays small. That the bundle really analyses
 * templates in a browser is the integration test's job (`launcher.js --web`).
 */
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { builtinModules } from 'node:module';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const MAX_BYTES = 1024 * 1024;

function buildInto(outdir: string, production: boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['esbuild.mjs', ...(production ? ['--production'] : []), `--outdir=${outdir}`],
      { timeout: 120_000 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`node esbuild.mjs failed: ${error.message}\n${stdout}\n${stderr}`));
        else resolve();
      },
    );
  });
}

function webReplacements(dir: string, found: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) webReplacements(full, found);
    else if (full.endsWith('.web.ts')) found.push(full);
  }
  return found;
}

describe('the web extension bundle', function () {
  this.timeout(120_000);
  let tmp: string;
  let bundle: string;
  /** The project's own source files in the bundle, from the development build's source map. */
  let ownSources: string[];

  before(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'srlens-web-'));
    await Promise.all([buildInto(tmp, true), buildInto(path.join(tmp, 'dev'), false)]);
    bundle = readFileSync(path.join(tmp, 'web', 'extension.js'), 'utf8');
    const map = JSON.parse(readFileSync(path.join(tmp, 'dev', 'web', 'extension.js.map'), 'utf8')) as {
      sources: string[];
    };
    ownSources = map.sources
      .map((s) =>
        path
          .relative(process.cwd(), path.resolve(tmp, 'dev', 'web', s))
          .split(path.sep)
          .join('/'),
      )
      .filter((s) => s.startsWith('src/'));
  });

  after(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('is the package.json browser entry, next to the wasm files it reads', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    assert.equal(pkg.browser, './dist/web/extension.js');
    assert.equal(pkg.main, './dist/extension.js');
    for (const wasm of ['tree-sitter.wasm', 'tree-sitter-terraform.wasm'])
      assert.ok(existsSync(path.join(tmp, wasm)), wasm);
  });

  it('requires nothing but vscode: no Node built-in, no dynamic import', () => {
    const required = new Set([...bundle.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]));
    assert.deepEqual([...required], ['vscode']);
    assert.doesNotMatch(bundle, /\bimport\(\s*["'`]/, 'a dynamic import');
    const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
    for (const name of required) assert.ok(!builtins.has(name), name);
    assert.doesNotMatch(bundle, /["'`]node:[a-z_/]+["'`]/, 'a node: specifier');
  });

  it('is built from our sources without Node globals, the .web.ts replacements instead of their modules', () => {
    assert.ok(
      ownSources.includes('src/vscode/extension.ts') && ownSources.includes('src/iac/terraform/loader.ts'),
      ownSources.join(', '),
    );
    for (const replaced of ['src/vscode/platform.ts', 'src/vscode/aws.ts', 'src/iac/wasm.ts', 'src/aws/identity.ts']) {
      assert.ok(!ownSources.includes(replaced), `${replaced} is in the web bundle`);
    }
    // `import x = require('y')` is TypeScript's CommonJS import, which esbuild bundles like any import.
    for (const file of ownSources) {
      const text = readFileSync(file, 'utf8');
      assert.doesNotMatch(
        text,
        /\bprocess\.(env|argv|platform|cwd|versions|exit|hrtime|nextTick)\b|\bBuffer\.|\b__dirname\b|\b__filename\b|(?<!import\s+\w+\s*=\s*)\brequire\(|\bsetImmediate\(/,
        file,
      );
    }
  });

  it('carries the knowledge data files, in the browser bundle and the CLI alike', () => {
    const data = ['services.json', 'cloudformation-types.json', 'terraform-aws-types.json'];
    for (const file of data) assert.ok(ownSources.includes(`src/knowledge/data/${file}`), `${file} in the web bundle`);
    const cli = readFileSync(path.join(tmp, 'cli-main.js'), 'utf8');
    // a service section title and an override note, which exist only in services.json
    for (const text of ['abstracted: end-user, media, IoT', 'ECS Express Mode services run on AWS Fargate.']) {
      assert.ok(bundle.includes(text), `web bundle lacks ${text}`);
      assert.ok(cli.includes(text), `CLI bundle lacks ${text}`);
    }
  });

  it('leaves the AWS SDK out (the identity commands say they need the desktop)', () => {
    assert.doesNotMatch(bundle, /@aws-sdk|GetCallerIdentityCommand|@smithy/);
    assert.match(bundle, /is not available in the web version/);
  });

  it(`is at most ${MAX_BYTES / 1024 / 1024} MB`, () => {
    const size = Buffer.byteLength(bundle);
    assert.ok(size <= MAX_BYTES, `${size} bytes`);
  });

  it('replaces exactly three modules, each next to the one it replaces', () => {
    // esbuild fails the build (above) when a replacement lacks an export that the bundle imports.
    const replacements = webReplacements('src')
      .map((f) => f.split(path.sep).join('/'))
      .sort();
    assert.deepEqual(replacements, ['src/iac/wasm.web.ts', 'src/vscode/aws.web.ts', 'src/vscode/platform.web.ts']);
    for (const web of replacements) assert.ok(existsSync(web.replace(/\.web\.ts$/, '.ts')), web);
  });
});
