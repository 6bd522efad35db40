/**
 * `dist/cli.js`, the launcher (src/cli/launcher.ts): it starts the CLI bundle through V8's code
 * cache, kept per user and per command in the temporary folder. The cache must never change what
 * a command does: every run below is compared with the bundle run directly, with no cache.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const LAUNCHER = path.join(process.cwd(), 'dist', 'cli.js');
const MAIN = path.join(process.cwd(), 'dist', 'cli-main.js');
const TEMPLATE = 'Resources:\n  Logs:\n    Type: AWS::S3::Bucket\n';

describe('srlens launcher: the code cache', function () {
  this.timeout(60000);
  let work: string;
  let temp: string;
  let folder: string;
  let expected: string;

  const run = (script: string, env: Record<string, string> = {}, target = 'bucket.yaml') => {
    const result = spawnSync(process.execPath, [script, 'scan', target, '--format', 'json', '--fail-on', 'none'], {
      cwd: work,
      encoding: 'utf8',
      env: { ...process.env, TMPDIR: temp, ...env },
    });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stderr, '');
    return result.stdout;
  };
  const caches = () => readdirSync(folder).filter((name) => name.endsWith('.bin'));

  beforeEach(() => {
    work = mkdtempSync(path.join(tmpdir(), 'srlens-launcher-'));
    temp = path.join(work, 'tmp');
    mkdirSync(temp);
    folder = path.join(temp, `srlens-compile-cache-${process.getuid?.() ?? ''}`.replace(/-$/, ''));
    writeFileSync(path.join(work, 'bucket.yaml'), TEMPLATE);
    expected = run(MAIN, { SRLENS_NO_COMPILE_CACHE: '1' });
    assert.match(expected, /"ruleId": "s3-bucket-/);
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  it('writes a cache on the first run of a command and starts from it on the next, with the same output', () => {
    assert.equal(run(LAUNCHER), expected);
    const [cache] = caches();
    assert.match(cache, /^scan-\d+-\d+-v[\d.]+\.bin$/);
    const written = statSync(path.join(folder, cache));
    assert.ok(written.size > 10_000, `${written.size} bytes of compiled code`);
    if (process.getuid) assert.equal(written.mode & 0o077, 0, 'readable by this user only');
    // Accepted by V8: not written again.
    assert.equal(run(LAUNCHER), expected);
    assert.equal(statSync(path.join(folder, cache)).mtimeMs, written.mtimeMs);
  });

  it('a scan of a small Terraform module (which changes a V8 flag and sets it back) starts from its cache too', () => {
    writeFileSync(path.join(work, 'main.tf'), 'resource "aws_s3_bucket" "logs" {\n  bucket = "logs"\n}\n');
    const scanModule = (script: string, env: Record<string, string> = {}) => run(script, env, 'main.tf');
    const expectedModule = scanModule(MAIN, { SRLENS_NO_COMPILE_CACHE: '1' });
    assert.match(expectedModule, /"resource": "aws_s3_bucket\.logs"/);
    assert.equal(scanModule(LAUNCHER), expectedModule);
    const [cache] = caches();
    const written = statSync(path.join(folder, cache)).mtimeMs;
    // V8 accepted the cache (its flags are those it was made with): it is not written again.
    assert.equal(scanModule(LAUNCHER), expectedModule);
    assert.equal(scanModule(LAUNCHER), expectedModule);
    assert.equal(statSync(path.join(folder, cache)).mtimeMs, written);
    // A template scan shares the cache of `scan`.
    assert.equal(run(LAUNCHER), expected);
    assert.equal(statSync(path.join(folder, cache)).mtimeMs, written);
  });

  it('ignores a damaged cache and writes a good one in its place', () => {
    run(LAUNCHER);
    const file = path.join(folder, caches()[0]);
    const good = readFileSync(file);
    writeFileSync(file, Buffer.alloc(good.length, 0x5a));
    assert.equal(run(LAUNCHER), expected);
    assert.notEqual(readFileSync(file)[0], 0x5a);
  });

  it('removes the caches of other builds unused for a week, and keeps recent ones', () => {
    run(LAUNCHER);
    const old = path.join(folder, 'scan-1-2-v0.0.0.bin');
    const recent = path.join(folder, 'scan-3-4-v0.0.0.bin');
    writeFileSync(old, 'stale');
    writeFileSync(recent, 'another copy of srlens');
    const eightDaysAgo = new Date(Date.now() - 8 * 24 * 3600 * 1000);
    utimesSync(old, eightDaysAgo, eightDaysAgo);
    rmSync(
      path.join(
        folder,
        caches().find((name) => !name.startsWith('scan-1-') && !name.startsWith('scan-3-'))!,
      ),
    );
    run(LAUNCHER); // writes its cache again, and tidies up
    assert.equal(existsSync(old), false);
    assert.equal(existsSync(recent), true);
  });

  it('uses no folder that others can write, and no cache at all when told not to', function () {
    if (!process.getuid) this.skip();
    mkdirSync(folder, { mode: 0o700 });
    chmodSync(folder, 0o777);
    assert.equal(run(LAUNCHER), expected);
    assert.deepEqual(caches(), []);
    rmSync(folder, { recursive: true });
    assert.equal(run(LAUNCHER, { SRLENS_NO_COMPILE_CACHE: '1' }), expected);
    assert.equal(readdirSync(temp).length, 0);
  });

  it('runs without a cache when its folder cannot be made', () => {
    writeFileSync(folder, 'a file where the folder would be');
    assert.equal(run(LAUNCHER), expected);
    assert.equal(readFileSync(folder, 'utf8'), 'a file where the folder would be');
  });
});
