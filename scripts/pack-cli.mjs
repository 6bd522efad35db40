// The CLI as its own npm package: builds the bundles for production, assembles a package folder
// with only what `srlens` needs at run time, and packs it with `npm pack`.
//
//   node scripts/pack-cli.mjs [--out <dir>]     (default: build/cli-package; prints the tarball's path last)
//
// Why a generated folder rather than `files` in the root package.json: that package.json is also
// the VS Code extension's manifest, which vsce packs with .vscodeignore, and its `dependencies`
// (yaml, web-tree-sitter, the AWS SDK, the MCP SDK…) are bundled, not needed at run time. Packed
// as it is, `npm install <tarball>` would fetch all of them; with a `files` list, vsce's selection
// would change too. The generated package.json has a `bin`, no dependencies at all, and lists its
// files, so the package is dist/cli.js, the bundles it loads on demand (aws.js for `srlens aws`,
// mcp.js and mcp-fix.js for `srlens mcp`, lsp.js for `srlens lsp`), the wasm files of the Terraform parser, README and
// LICENSE: no extension, no tests, no sources. test/unit/product/cli-package.test.ts installs it.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const outArg = process.argv.indexOf('--out');
const out = path.resolve(outArg >= 0 ? process.argv[outArg + 1] : path.join(root, 'build', 'cli-package'));

/** What the CLI loads at run time, from the production build. */
const CLI_FILES = [
  'cli.js',
  'cli-main.js',
  'aws.js',
  'lsp.js',
  'mcp.js',
  'mcp-fix.js',
  'tree-sitter.wasm',
  'tree-sitter-terraform.wasm',
];

const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const build = path.join(out, 'build');
const pkg = path.join(out, 'package');
rmSync(out, { recursive: true, force: true });
mkdirSync(path.join(pkg, 'dist'), { recursive: true });

execFileSync(process.execPath, [path.join(root, 'esbuild.mjs'), '--production', `--outdir=${build}`], {
  cwd: root,
  stdio: 'inherit',
});
for (const file of CLI_FILES) copyFileSync(path.join(build, file), path.join(pkg, 'dist', file));
for (const file of ['README.md', 'LICENSE']) copyFileSync(path.join(root, file), path.join(pkg, file));

const cliManifest = {
  name: manifest.name,
  version: manifest.version,
  description: `srlens, the command line of Shared Responsibility Lens: ${manifest.description}`,
  license: manifest.license,
  homepage: manifest.homepage,
  bugs: manifest.bugs,
  repository: manifest.repository,
  keywords: manifest.keywords,
  engines: { node: manifest.engines.node },
  bin: { srlens: 'dist/cli.js' },
  files: CLI_FILES.map((file) => `dist/${file}`),
};
writeFileSync(path.join(pkg, 'package.json'), `${JSON.stringify(cliManifest, null, 2)}\n`);

const packed = JSON.parse(
  execFileSync('npm', ['pack', '--json', '--pack-destination', out], { cwd: pkg, encoding: 'utf8' }),
);
rmSync(build, { recursive: true, force: true });
console.log(path.join(out, packed[0].filename));
