// Writes docs/rules/*.md and the README rules table from rule metadata, and the README commands and
// settings tables from package.json (see scripts/rule-docs.ts and scripts/manifest-docs.ts).
import * as esbuild from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync, readdirSync, unlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const outfile = 'out/scripts/rule-docs.js';
await esbuild.build({
  entryPoints: ['scripts/rule-docs.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  external: ['mocha'],
  mainFields: ['module', 'main'],
  logLevel: 'warning',
});
const { generateDocs } = createRequire(import.meta.url)(path.resolve(outfile));
const files = generateDocs(readFileSync('README.md', 'utf8'), JSON.parse(readFileSync('package.json', 'utf8')));
mkdirSync('docs/rules', { recursive: true });
const wanted = new Set([...files.keys()].filter((f) => f.startsWith('docs/rules/')).map((f) => path.basename(f)));
for (const name of readdirSync('docs/rules')) if (!wanted.has(name)) unlinkSync(path.join('docs/rules', name));
for (const [file, content] of files) writeFileSync(file, content);
console.log(`wrote ${files.size} files`);
