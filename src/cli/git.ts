/**
 * Reading infrastructure code at a git ref, for `srlens diff`, without checking anything out.
 *
 * Git runs through `execFile`/`spawn` with fixed arguments, never a shell; a ref is refused when it
 * starts with `-` (it would read as an option) and is otherwise passed after `--end-of-options`.
 * Nothing is written to the repository (`GIT_OPTIONAL_LOCKS=0`: not even the index's stat cache).
 * Every problem that stops the comparison is a `GitError` with one line that says what to do.
 */
import type * as ChildProcess from 'node:child_process';
import { lstatSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { SourceFile } from '../engine/analyzer';
import type { Finding } from '../engine/finding';
import { fileTooLargeFinding } from '../engine/limits';
import { sourceKindOf } from '../iac/detect';
import { SKIPPED_DIRECTORIES, SKIPPED_FILES } from './files';

export class GitError extends Error {}

/** Node's process module, loaded on first use: only `srlens diff` runs git, and loading it costs every start. */
let childProcess: typeof ChildProcess | undefined;
const processes = (): typeof ChildProcess => (childProcess ??= require('node:child_process') as typeof ChildProcess);

/** ls-tree and ls-files listings of very large repositories fit; anything bigger is refused. */
const MAX_LISTING_BYTES = 256 * 1024 * 1024;
/** The first bytes looked at for a NUL, as `scan` does. */
const BINARY_PROBE = 8192;

const GIT_ENV = { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' };

/** Runs git with fixed arguments; resolves stdout, rejects with a GitError naming what failed. */
function git(cwd: string, args: readonly string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    processes().execFile(
      'git',
      args,
      { cwd, encoding: 'buffer', maxBuffer: MAX_LISTING_BYTES, env: GIT_ENV, windowsHide: true },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') return reject(new GitError('git is not installed or not on the PATH.'));
        if (code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER')
          return reject(
            new GitError(
              `git ${args[0]} printed more than ${MAX_LISTING_BYTES} bytes; name paths to narrow the comparison.`,
            ),
          );
        const first = stderr
          .toString('utf8')
          .split('\n')
          .find((line) => line.trim() !== '');
        reject(new GitError(first?.replace(/^(fatal|error): /, '') ?? `git ${args[0]} failed`));
      },
    );
  });
}

async function gitText(cwd: string, args: readonly string[]): Promise<string> {
  return (await git(cwd, args)).toString('utf8').trim();
}

/** The top folder of the repository `cwd` is in. */
export async function repositoryRoot(cwd: string): Promise<string> {
  try {
    return path.resolve(await gitText(cwd, ['rev-parse', '--show-toplevel']));
  } catch (error) {
    if (error instanceof GitError && /not a git repository/i.test(error.message))
      throw new GitError(`'${cwd}' is not in a git repository: srlens diff compares commits.`);
    throw error;
  }
}

/** Refuses what must never reach git as a ref: an option (`-x`), control characters, absurd lengths. */
export function validateRef(ref: string, flag: string): void {
  if (ref === '') throw new GitError(`${flag} needs a ref (a branch, tag or commit).`);
  if (ref.startsWith('-')) throw new GitError(`${flag} '${ref}' is not a ref: refs never start with '-'.`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(ref) || ref.length > 1024)
    throw new GitError(`${flag} is not a ref: it holds control characters or is too long.`);
}

async function isShallow(root: string): Promise<boolean> {
  try {
    return (await gitText(root, ['rev-parse', '--is-shallow-repository'])) === 'true';
  } catch {
    return false;
  }
}

const SHALLOW_HINT =
  'this is a shallow clone without that history: fetch it first (git fetch --unshallow, or actions/checkout with fetch-depth: 0)';

/** The commit a ref names; an unknown ref is one line, with the shallow-clone hint when that is why. */
export async function resolveCommit(root: string, ref: string, flag: string): Promise<string> {
  validateRef(ref, flag);
  try {
    return await gitText(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
  } catch (error) {
    if (!(error instanceof GitError) || /not installed/.test(error.message)) throw error;
    if (await isShallow(root)) throw new GitError(`unknown ref '${ref}' for ${flag}: ${SHALLOW_HINT}.`);
    throw new GitError(`unknown ref '${ref}' for ${flag}: no branch, tag or commit by that name.`);
  }
}

async function commitExists(root: string, ref: string): Promise<boolean> {
  try {
    await gitText(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}

/** The default branch: what origin/HEAD points at, else main, else master (local, then origin's). */
export async function defaultBranch(root: string): Promise<string | undefined> {
  try {
    const symbolic = await gitText(root, ['symbolic-ref', '--quiet', 'refs/remotes/origin/HEAD']);
    const name = symbolic.replace(/^refs\/remotes\//, '');
    if (name && (await commitExists(root, name))) return name;
  } catch {
    // no origin/HEAD
  }
  for (const name of ['main', 'master', 'origin/main', 'origin/master'])
    if (await commitExists(root, name)) return name;
  return undefined;
}

export interface BaseChoice {
  ref: string;
  commit: string;
  /** A line for stderr when the default had to fall back. */
  note?: string;
}

/** The default base: the merge base of HEAD with the default branch, else HEAD. */
export async function defaultBase(root: string): Promise<BaseChoice> {
  if (!(await commitExists(root, 'HEAD')))
    throw new GitError('the repository has no commit yet: there is nothing to compare with.');
  const head = await gitText(root, ['rev-parse', '--verify', 'HEAD^{commit}']);
  const branch = await defaultBranch(root);
  if (!branch)
    return { ref: 'HEAD', commit: head, note: 'no default branch (origin/HEAD, main or master): comparing with HEAD' };
  try {
    const commit = await gitText(root, ['merge-base', 'HEAD', '--end-of-options', branch]);
    return { ref: branch, commit };
  } catch {
    if (await isShallow(root))
      throw new GitError(`no merge base of HEAD and ${branch}: ${SHALLOW_HINT}, or name the base with --base.`);
    return { ref: 'HEAD', commit: head, note: `HEAD and ${branch} share no history: comparing with HEAD` };
  }
}

export interface ReadOptions {
  /** Repository-relative folders or files (posix); empty: the whole repository. */
  paths: string[];
  maxFileSize: number;
  maxFiles: number;
  /** Files to leave out (the configuration's `exclude`), given a repository-relative path. */
  excluded?: (file: string) => boolean;
}

export interface ReadFiles {
  sources: SourceFile[];
  /** Files that could not be read at this side (too large, binary), each with its finding. */
  findings: Finding[];
  unreadable: string[];
}

/** Is this repository-relative path one the comparison looks at? */
function wanted(file: string, options: ReadOptions): boolean {
  if (!sourceKindOf(file)) return false;
  const parts = file.split('/');
  if (SKIPPED_FILES.has(parts.at(-1) ?? '')) return false;
  if (parts.slice(0, -1).some((part) => SKIPPED_DIRECTORIES.has(part))) return false;
  if (options.paths.length > 0 && !options.paths.some((p) => p === '' || file === p || file.startsWith(`${p}/`)))
    return false;
  return !options.excluded?.(file);
}

function tooMany(count: number, where: string, options: ReadOptions): GitError {
  return new GitError(
    `${count} CloudFormation and Terraform candidate files ${where}, over the limit of ${options.maxFiles}: name paths to narrow the comparison, or raise --max-files.`,
  );
}

function binaryFinding(file: string): Finding {
  return {
    ...fileTooLargeFinding(file, 'Not read: the file is binary at this side of the comparison.'),
    ruleId: 'parse-error',
    severity: 'warning',
  };
}

const decoder = new TextDecoder('utf-8', { fatal: false });

function decode(bytes: Uint8Array): string {
  const text = decoder.decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

function tooLarge(file: string, size: number, max: number): Finding {
  return fileTooLargeFinding(file, `Skipped: ${formatBytes(size)} is over the ${formatBytes(max)} limit for one file.`);
}

/** The candidate files of a commit, read from git's object store (`ls-tree`, then `cat-file --batch`). */
export async function filesAtCommit(root: string, commit: string, options: ReadOptions): Promise<ReadFiles> {
  const listing = await git(root, ['ls-tree', '-r', '-z', '-l', '--full-tree', '--end-of-options', commit]);
  const blobs: { file: string; object: string }[] = [];
  const result: ReadFiles = { sources: [], findings: [], unreadable: [] };
  let candidates = 0;
  for (const entry of listing.toString('utf8').split('\0')) {
    // <mode> SP <type> SP <object> SP+ <size> TAB <path>
    const tab = entry.indexOf('\t');
    if (tab === -1) continue;
    const [mode, type, object, size] = entry.slice(0, tab).split(/ +/);
    const file = entry.slice(tab + 1);
    // Links (120000) and submodules are not files of this repository.
    if (type !== 'blob' || mode === '120000' || !wanted(file, options)) continue;
    if (++candidates > options.maxFiles) continue;
    const bytes = Number(size);
    if (bytes > options.maxFileSize) {
      result.findings.push(tooLarge(file, bytes, options.maxFileSize));
      result.unreadable.push(file);
    } else blobs.push({ file, object });
  }
  if (candidates > options.maxFiles) throw tooMany(candidates, `at ${commit.slice(0, 12)}`, options);
  const contents = await catFiles(
    root,
    blobs.map((b) => b.object),
  );
  blobs.forEach(({ file }, i) => {
    const bytes = contents[i];
    if (bytes.subarray(0, BINARY_PROBE).includes(0)) {
      result.findings.push(binaryFinding(file));
      result.unreadable.push(file);
    } else result.sources.push({ path: file, text: decode(bytes) });
  });
  return result;
}

/** Reads blobs with one `git cat-file --batch`: object names in on stdin, contents out in order. */
function catFiles(root: string, objects: string[]): Promise<Buffer[]> {
  if (objects.length === 0) return Promise.resolve([]);
  return new Promise((resolve, reject) => {
    const child = processes().spawn('git', ['cat-file', '--batch'], { cwd: root, env: GIT_ENV, windowsHide: true });
    const results: Buffer[] = [];
    let buffered: Buffer[] = [];
    let length = 0;
    /** Bytes of the current object still to come, with its trailing LF; undefined while a header is awaited. */
    let need: number | undefined;
    const flatten = (): Buffer => {
      if (buffered.length !== 1) buffered = [Buffer.concat(buffered)];
      return buffered[0];
    };
    const keep = (rest: Buffer) => {
      buffered = [rest];
      length = rest.length;
    };
    child.stdout.on('data', (chunk: Buffer) => {
      buffered.push(chunk);
      length += chunk.length;
      // <object> SP blob SP <size> LF <contents> LF
      for (;;) {
        if (need === undefined) {
          const all = flatten();
          const newline = all.indexOf(10);
          if (newline === -1) return;
          const header = all.subarray(0, newline).toString('utf8').split(' ');
          if (header[1] === 'missing') {
            child.kill();
            reject(new GitError(`git cannot read object ${header[0]}: the clone does not have it.`));
            return;
          }
          need = Number(header[2]) + 1;
          keep(all.subarray(newline + 1));
        }
        if (length < need) return;
        const all = flatten();
        results.push(Buffer.from(all.subarray(0, need - 1)));
        keep(all.subarray(need));
        need = undefined;
      }
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', (error) =>
      reject(
        (error as NodeJS.ErrnoException).code === 'ENOENT'
          ? new GitError('git is not installed or not on the PATH.')
          : error,
      ),
    );
    child.on('close', (code) => {
      if (results.length === objects.length) resolve(results);
      else reject(new GitError(stderr.trim().split('\n')[0] || `git cat-file exited with ${code}`));
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(`${objects.join('\n')}\n`);
  });
}

/**
 * The candidate files of the working tree: tracked and untracked but not ignored
 * (`git ls-files --cached --others --exclude-standard`), read from disk as they are now, so
 * uncommitted changes count. A tracked file deleted from disk is absent; links are not followed.
 */
export async function filesInWorkingTree(root: string, options: ReadOptions): Promise<ReadFiles> {
  const listing = await git(root, ['ls-files', '-z', '--cached', '--others', '--exclude-standard']);
  const files = [...new Set(listing.toString('utf8').split('\0'))].filter((f) => f !== '' && wanted(f, options));
  if (files.length > options.maxFiles) throw tooMany(files.length, 'in the working tree', options);
  const result: ReadFiles = { sources: [], findings: [], unreadable: [] };
  for (const file of files.sort()) {
    const full = path.join(root, ...file.split('/'));
    let stats;
    try {
      stats = lstatSync(full);
    } catch {
      continue; // deleted, not yet staged
    }
    if (!stats.isFile()) continue;
    if (stats.size > options.maxFileSize) {
      result.findings.push(tooLarge(file, stats.size, options.maxFileSize));
      result.unreadable.push(file);
      continue;
    }
    let bytes: Buffer;
    try {
      bytes = readFileSync(full);
    } catch (error) {
      throw new GitError(`cannot read '${file}': ${error instanceof Error ? error.message : String(error)}`);
    }
    if (bytes.subarray(0, BINARY_PROBE).includes(0)) {
      result.findings.push(binaryFinding(file));
      result.unreadable.push(file);
    } else result.sources.push({ path: file, text: decode(bytes) });
  }
  return result;
}
