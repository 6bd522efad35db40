/**
 * `srlens`: starts the CLI (the `cli-main.js` bundle beside this file) through V8's code cache.
 *
 * Compiling the bundle's JavaScript is a good part of a short run (`srlens scan` of a few
 * templates, as a pre-commit hook runs it): V8 compiles the whole script up front and each
 * function again on its first call. After a run, the code V8 compiled is saved to a per-user cache
 * folder, one file per command (`scan`, `diff`…), and the next run of that command starts from it.
 * V8 checks a cache against the script and its own version and flags and ignores one that does
 * not match; the cache is then written again. Anything that goes wrong with the cache (a read-only
 * disk, a folder another user owns) only means a run without it. `SRLENS_NO_COMPILE_CACHE=1`
 * turns it off.
 */
import {
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Script } from 'node:vm';

const MAIN = path.join(__dirname, 'cli-main.js');

/** The module wrapper Node puts around a CommonJS file. */
const WRAPPER = ['(function (exports, require, module, __filename, __dirname) { ', '\n});'];

interface CacheFile {
  /** This build of the bundle under this Node: a cache made by another is stale. */
  build: string;
  file: string;
}

/**
 * The cache folder, when it can be trusted: code read from it runs, so it must be this user's
 * own and writable by no one else (another user could otherwise plant code in it).
 */
function cacheFolder(): string | undefined {
  if (process.env.SRLENS_NO_COMPILE_CACHE) return undefined;
  const uid = process.getuid?.();
  // On Windows the temporary folder is already the user's own.
  const dir = path.join(tmpdir(), uid === undefined ? 'srlens-compile-cache' : `srlens-compile-cache-${uid}`);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const stat = lstatSync(dir);
    if (!stat.isDirectory()) return undefined;
    if (uid !== undefined && (stat.uid !== uid || (stat.mode & 0o022) !== 0)) return undefined;
    return dir;
  } catch {
    return undefined;
  }
}

/** Where the cache of this command and this build of the bundle is. */
function cacheFile(command: string | undefined): CacheFile | undefined {
  const dir = cacheFolder();
  if (!dir) return undefined;
  try {
    const bundle = statSync(MAIN);
    const build = `${bundle.size}-${Math.round(bundle.mtimeMs)}-${process.version}`;
    const name = command && /^[a-z][a-z-]{0,30}$/.test(command) ? command : 'other';
    return { build, file: path.join(dir, `${name}-${build}.bin`) };
  } catch {
    return undefined;
  }
}

function readCache(cache: CacheFile | undefined): Buffer | undefined {
  if (!cache) return undefined;
  try {
    const stat = lstatSync(cache.file);
    return stat.isFile() ? readFileSync(cache.file) : undefined;
  } catch {
    return undefined;
  }
}

/** Caches of other builds unused this long are removed (two installed copies may take turns). */
const STALE_MS = 7 * 24 * 3600 * 1000;

/** Saves what V8 compiled in this run, and removes caches of other builds no longer used. */
function writeCache(cache: CacheFile, script: Script): void {
  try {
    const temporary = `${cache.file}.${process.pid}.tmp`;
    writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
    renameSync(temporary, cache.file);
    const now = Date.now();
    const dir = path.dirname(cache.file);
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      if (name.endsWith('.bin') && !name.includes(cache.build) && now - statSync(file).atimeMs > STALE_MS)
        unlinkSync(file);
    }
  } catch {
    // A cache only saves time: failing to write one is not the command's failure.
  }
}

/** Runs the CLI bundle: compiled from the cache when there is one, and started. */
function launch(): void {
  const cache = cacheFile(process.argv[2]);
  const cachedData = readCache(cache);
  const script = new Script(`${WRAPPER[0]}${readFileSync(MAIN, 'utf8')}${WRAPPER[1]}`, {
    filename: MAIN,
    cachedData,
  });
  if (cache && (cachedData === undefined || script.cachedDataRejected))
    process.once('exit', () => writeCache(cache, script));
  const module: { exports: { start?: () => void } } = { exports: {} };
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(module.exports, module.exports, createRequire(MAIN), module, MAIN, path.dirname(MAIN));
  module.exports.start?.();
}

launch();
