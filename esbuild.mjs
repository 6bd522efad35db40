// One build script for every bundle: the extension (vscode external) and the CLI.
// Type-checking is separate (`tsc --noEmit`).
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, chmodSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { compactData } from './scripts/esbuild-plugins.mjs';

const require = createRequire(import.meta.url);
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
// --outdir=<dir> builds elsewhere than dist/ (the benchmark measures a production build this way).
const outdir = process.argv.find((a) => a.startsWith('--outdir='))?.slice('--outdir='.length) ?? 'dist';

/** The wasm files the Terraform parser loads at run time; shipped next to the bundles. */
export const wasmFiles = [
  require.resolve('web-tree-sitter/tree-sitter.wasm'),
  path.join(
    path.dirname(require.resolve('@tree-sitter-grammars/tree-sitter-hcl/package.json')),
    'tree-sitter-terraform.wasm',
  ),
];

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: production ? false : 'linked',
  minify: production,
  legalComments: 'none',
  // Prefer ES module builds: jsonc-parser's UMD build cannot be bundled.
  mainFields: ['module', 'main'],
  logLevel: 'warning',
  plugins: [compactData],
};

/**
 * The AWS SDK (STS, IAM, EC2, S3 Control, CloudTrail, GuardDuty and Support, used only by the commands
 * that ask AWS who you are and check the account) is most of the code and is rarely needed, so it lives in its own bundle, `dist/aws.js`, required on first use: the
 * extension and the CLI load and start without it.
 */
const awsOnDemand = {
  name: 'aws-on-demand',
  setup(build) {
    build.onResolve({ filter: /\/aws\/(identity|account-check)$/ }, () => ({ path: './aws.js', external: true }));
  },
};

/**
 * `srlens mcp` likewise: the MCP server and its SDK are `dist/mcp.js`, required only by that
 * command, so `srlens scan` loads none of it; a fix runs in a worker thread on `dist/mcp-fix.js`.
 */
const mcpOnDemand = {
  name: 'mcp-on-demand',
  setup(build) {
    build.onResolve({ filter: /\/mcp\/server$/ }, () => ({ path: './mcp.js', external: true }));
  },
};

/**
 * The language server (`srlens lsp`) is its own bundle too, `dist/lsp.js`, required when that
 * command runs: `srlens scan` loads none of it.
 */
const lspOnDemand = {
  name: 'lsp-on-demand',
  setup(build) {
    build.onResolve({ filter: /\/lsp\/server$/ }, () => ({ path: './lsp.js', external: true }));
  },
};

/**
 * The browser bundle, for the web worker extension host (vscode.dev, github.dev): `<module>.web.ts`
 * next to a module replaces it (platform, wasm, aws: see src/vscode/platform.ts), and the Node
 * built-ins that web-tree-sitter requires only when it runs on Node become empty modules. Any
 * other Node built-in fails the build; test/unit/product/web-bundle.test.ts checks the result.
 */
const webTreeSitterNodeBranches = {
  name: 'web-tree-sitter-node-branches',
  setup(build) {
    build.onResolve({ filter: /^(fs|fs\/promises|path)$/ }, (args) =>
      /[\\/]web-tree-sitter[\\/]/.test(args.importer) ? { path: args.path, namespace: 'node-only' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'node-only' }, () => ({ contents: 'module.exports = {};' }));
  },
};
const web = {
  ...common,
  platform: 'browser',
  target: 'es2022',
  mainFields: ['browser', 'module', 'main'],
  resolveExtensions: ['.web.ts', '.ts', '.js', '.mjs', '.cjs', '.json'],
  plugins: [compactData, webTreeSitterNodeBranches],
};

const builds = [
  {
    ...common,
    entryPoints: ['src/vscode/extension.ts'],
    outfile: `${outdir}/extension.js`,
    external: ['vscode'],
    plugins: [compactData, awsOnDemand],
  },
  {
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: `${outdir}/cli-main.js`,
    // The launcher compiles this bundle with node:vm (for the code cache), where import() would
    // need an experimental flag: the bundles loaded on demand are required instead.
    supported: { 'dynamic-import': false },
    plugins: [compactData, awsOnDemand, mcpOnDemand, lspOnDemand],
  },
  // `srlens` itself: starts cli-main.js through V8's code cache (src/cli/launcher.ts).
  {
    ...common,
    entryPoints: ['src/cli/launcher.ts'],
    outfile: `${outdir}/cli.js`,
    banner: { js: '#!/usr/bin/env node' },
  },
  { ...common, entryPoints: ['src/aws/index.ts'], outfile: `${outdir}/aws.js` },
  { ...common, entryPoints: ['src/mcp/server.ts'], outfile: `${outdir}/mcp.js` },
  { ...common, entryPoints: ['src/mcp/fix-worker.ts'], outfile: `${outdir}/mcp-fix.js` },
  { ...common, entryPoints: ['src/lsp/server.ts'], outfile: `${outdir}/lsp.js` },
  { ...web, entryPoints: ['src/vscode/extension.ts'], outfile: `${outdir}/web/extension.js`, external: ['vscode'] },
];

mkdirSync(outdir, { recursive: true });
for (const file of wasmFiles) copyFileSync(file, path.join(outdir, path.basename(file)));

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
  chmodSync(`${outdir}/cli.js`, 0o755);
}
