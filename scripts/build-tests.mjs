// Bundles every test file (test/**/*.test.ts) to out/ so mocha runs plain JavaScript, and the
// integration suite's entry point and launchers (test/integration/, see launcher.ts).
import * as esbuild from 'esbuild';
import { readdirSync, statSync, rmSync } from 'node:fs';
import path from 'node:path';
import { compactData } from './esbuild-plugins.mjs';

function find(dir, suffix, found = []) {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) find(full, suffix, found);
    else if (full.endsWith(suffix)) found.push(full);
  }
  return found;
}

// SRLENS_TEST_OUT=<dir> builds to <dir>/test instead of out/test (parallel work in one checkout);
// file arguments build only those test files.
const outRoot = process.env.SRLENS_TEST_OUT || 'out';
const only = process.argv.slice(2);
rmSync(`${outRoot}/test`, { recursive: true, force: true });
await esbuild.build({
  entryPoints: [
    ...(only.length > 0 ? only : find('test', '.test.ts')),
    'test/integration/suite/index.ts',
    'test/integration/launcher.ts',
    'test/integration/electron.ts',
  ],
  outdir: `${outRoot}/test`,
  outbase: 'test',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'inline',
  external: ['vscode', 'mocha', 'playwright-core', '@vscode/test-electron'],
  mainFields: ['module', 'main'],
  logLevel: 'warning',
  plugins: [compactData],
});
