/**
 * The VSIX: packages this folder with vsce (into a temporary folder, from the current dist/ build)
 * and reads the archive's table of contents, so that .vscodeignore is checked against the real
 * tree (src/, test/, examples/, node_modules/, dist/cli.js and source maps are all on disk here).
 * `npm run package` does the same after a production build, which only makes dist/extension.js
 * smaller.
 */
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const MAX_VSIX_BYTES = 2 * 1024 * 1024;

interface ZipEntry {
  name: string;
  size: number;
}

/** The entries of a zip file, from its central directory (no zip64, no multi-disk: a VSIX is neither). */
export function zipEntries(zip: Buffer): ZipEntry[] {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(eocd >= 0, 'no end of central directory record');
  const count = zip.readUInt16LE(eocd + 10);
  let offset = zip.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(offset), 0x02014b50, `bad central directory header at ${offset}`);
    const size = zip.readUInt32LE(offset + 24);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    entries.push({ name: zip.toString('utf8', offset + 46, offset + 46 + nameLength), size });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function vscePackage(out: string): Promise<{ stdout: string; stderr: string }> {
  const cli = path.join('node_modules', '@vscode', 'vsce', 'vsce');
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [cli, 'package', '--no-dependencies', '--out', out],
      { timeout: 60_000 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`vsce package failed: ${error.message}\n${stdout}\n${stderr}`));
        else resolve({ stdout, stderr });
      },
    );
  });
}

/** What the extension needs at run time, as paths inside the VSIX. */
const RUNTIME = [
  /^\[Content_Types\]\.xml$/,
  /^extension\.vsixmanifest$/,
  /^extension\/(package\.json|readme\.md|changelog\.md|LICENSE\.txt)$/,
  /^extension\/dist\/(extension|aws)\.js$/,
  /^extension\/dist\/web\/extension\.js$/,
  /^extension\/dist\/[^/]+\.wasm$/,
  /^extension\/syntaxes\/[^/]+\.json$/,
  /^extension\/snippets\/[^/]+\.json$/,
  /^extension\/media\/[^/]+\.(png|svg|css|js)$/,
  /^extension\/media\/walkthrough\/[^/]+\.md$/,
];

describe('the VSIX', function () {
  this.timeout(90_000);
  let tmp: string;
  let vsix: string;
  let output: string;
  let entries: ZipEntry[];

  before(async () => {
    assert.ok(statSync('dist/extension.js').isFile(), 'build first (node esbuild.mjs)');
    tmp = mkdtempSync(path.join(os.tmpdir(), 'srlens-vsix-'));
    vsix = path.join(tmp, 'srlens.vsix');
    const { stdout, stderr } = await vscePackage(vsix);
    output = `${stdout}\n${stderr}`;
    entries = zipEntries(readFileSync(vsix));
  });

  after(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('is packaged by vsce without a warning', () => {
    assert.doesNotMatch(output, /WARNING/i, output);
    assert.match(output, /DONE\s+Packaged/);
  });

  it(`is at most ${MAX_VSIX_BYTES / 1024 / 1024} MB`, () => {
    const size = statSync(vsix).size;
    assert.ok(size <= MAX_VSIX_BYTES, `${size} bytes`);
  });

  it('holds only run-time files', () => {
    const names = entries.map((e) => e.name).filter((name) => !name.endsWith('/'));
    for (const name of names) {
      assert.doesNotMatch(name, /^extension\/(src|test|bench|examples|node_modules|out|docs|scripts|data)\//, name);
      assert.doesNotMatch(name, /\.(ts|map)$/, name);
      assert.doesNotMatch(name, /media\/screenshots\//, name);
      assert.notEqual(name, 'extension/dist/cli.js');
      assert.notEqual(name, 'extension/dist/cli-main.js');
      assert.ok(
        RUNTIME.some((pattern) => pattern.test(name)),
        `not a run-time file: ${name}`,
      );
    }
  });

  it('holds the bundles (desktop and web), both wasm files, the grammar, the webview assets and the icon', () => {
    const names = new Set(entries.map((e) => e.name));
    for (const required of [
      'extension/package.json',
      'extension/readme.md',
      'extension/changelog.md',
      'extension/LICENSE.txt',
      'extension/dist/extension.js',
      'extension/dist/web/extension.js',
      'extension/dist/tree-sitter.wasm',
      'extension/dist/tree-sitter-terraform.wasm',
      'extension/syntaxes/terraform.tmLanguage.json',
      'extension/media/matrix.css',
      'extension/media/matrix.js',
      'extension/media/icon.png',
    ]) {
      assert.ok(names.has(required), `missing ${required}`);
    }
    for (const entry of entries.filter((e) => e.name.endsWith('.wasm'))) assert.ok(entry.size > 10_000, entry.name);
  });

  it('holds every file the manifest points at: snippets and walkthrough media', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    const names = new Set(entries.map((e) => e.name));
    const files: string[] = [
      ...(pkg.contributes.snippets ?? []).map((s: { path: string }) => s.path),
      ...(pkg.contributes.walkthroughs ?? []).flatMap((w: { steps: { media: Record<string, unknown> }[] }) =>
        w.steps.flatMap((step) =>
          [step.media.markdown, step.media.image, step.media.svg].filter((m): m is string => typeof m === 'string'),
        ),
      ),
    ];
    assert.ok(files.length > 0);
    for (const file of files) assert.ok(names.has(`extension/${path.posix.normalize(file)}`), `missing ${file}`);
  });

  it('has a 128×128 PNG icon and the marketplace fields', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    assert.equal(pkg.icon, 'media/icon.png');
    assert.equal(pkg.repository?.type, 'git');
    assert.match(pkg.repository?.url, /^https:\/\/github\.com\//);
    assert.ok(pkg.galleryBanner?.color && pkg.galleryBanner?.theme);
    assert.ok(pkg.homepage && pkg.bugs?.url);
    const png = readFileSync(pkg.icon);
    assert.equal(png.toString('latin1', 1, 4), 'PNG');
    assert.equal(png.readUInt32BE(16), 128, 'width');
    assert.equal(png.readUInt32BE(20), 128, 'height');
  });
});
