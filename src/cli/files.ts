/**
 * Finding and reading the files a scan looks at: walks folders, skips `.git`, `node_modules`,
 * `.terraform` and what `.gitignore` files ignore, never follows symbolic links to folders
 * (so link loops cannot hang a scan), and reads text defensively.
 */
import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { sourceKindOf } from '../iac/detect';

/** Our own configuration is YAML but never a template. */
const SKIPPED_FILES = new Set(['.srlens.yaml']);
const SKIPPED_DIRECTORIES = new Set(['.git', 'node_modules', '.terraform', '.terragrunt-cache', '.aws-sam', 'cdk.out']);

export interface CollectedFiles {
  files: string[];
  problems: { path: string; message: string }[];
}

interface IgnoreScope {
  dir: string;
  rules: Ignore;
}

export interface CollectOptions {
  /** Patterns from `.srlens.yaml` `exclude`, gitignore-style, relative to `root`. */
  exclude?: string[];
  root?: string;
}

/** Every IaC candidate file under the given paths (files given explicitly are always included). */
export function collectFiles(inputs: string[], options: CollectOptions = {}): CollectedFiles {
  const excluded: IgnoreScope[] =
    options.exclude && options.exclude.length > 0
      ? [{ dir: options.root ?? process.cwd(), rules: ignore().add(options.exclude) }]
      : [];
  const files: string[] = [];
  const problems: CollectedFiles['problems'] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    if (!seen.has(file)) {
      seen.add(file);
      files.push(file);
    }
  };
  for (const input of inputs) {
    const absolute = path.resolve(input);
    let stats;
    try {
      stats = statSync(absolute);
    } catch (error) {
      problems.push({ path: input, message: describeIoError(error) });
      continue;
    }
    if (stats.isDirectory()) walk(absolute, [...excluded, ...ancestorScopes(absolute)], add, problems);
    else add(absolute);
  }
  return { files, problems };
}

function walk(
  dir: string,
  scopes: IgnoreScope[],
  add: (file: string) => void,
  problems: CollectedFiles['problems'],
): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    problems.push({ path: dir, message: describeIoError(error) });
    return;
  }
  const own = loadIgnore(dir);
  const active = own ? [...scopes, own] : scopes;
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      // Files behind links are read; folders behind links are not walked (no loops, no escapes).
      try {
        const target = statSync(full);
        isFile = target.isFile();
        isDirectory = false;
      } catch (error) {
        // A dangling link is skipped quietly; a link loop or an unreadable link is reported.
        if ((error as NodeJS.ErrnoException | undefined)?.code !== 'ENOENT')
          problems.push({ path: full, message: describeIoError(error) });
        continue;
      }
    }
    if (isDirectory) {
      if (SKIPPED_DIRECTORIES.has(entry.name) || isIgnored(active, full, true)) continue;
      walk(full, active, add, problems);
    } else if (
      isFile &&
      sourceKindOf(entry.name) &&
      !SKIPPED_FILES.has(entry.name) &&
      !isIgnored(active, full, false)
    ) {
      add(full);
    }
  }
}

function loadIgnore(dir: string): IgnoreScope | undefined {
  const file = path.join(dir, '.gitignore');
  if (!existsSync(file)) return undefined;
  try {
    return { dir, rules: ignore().add(readFileSync(file, 'utf8')) };
  } catch {
    return undefined;
  }
}

/** `.gitignore` files above the scanned folder, up to the repository root, apply too. */
function ancestorScopes(start: string): IgnoreScope[] {
  const scopes: IgnoreScope[] = [];
  let dir = path.dirname(start);
  while (dir !== path.dirname(dir)) {
    const scope = loadIgnore(dir);
    if (scope) scopes.unshift(scope);
    if (existsSync(path.join(dir, '.git'))) break;
    dir = path.dirname(dir);
  }
  if (!existsSync(path.join(dir, '.git')) && dir === path.dirname(dir)) return [];
  return scopes;
}

function isIgnored(scopes: IgnoreScope[], full: string, directory: boolean): boolean {
  for (const scope of scopes) {
    const relative = path.relative(scope.dir, full).split(path.sep).join('/');
    if (!relative || relative.startsWith('..')) continue;
    if (scope.rules.ignores(directory ? `${relative}/` : relative)) return true;
  }
  return false;
}

export type ReadResult =
  { ok: true; text: string } | { ok: false; reason: 'too-large' | 'binary' | 'unreadable'; message: string };

const decoder = new TextDecoder('utf-8', { fatal: false });

/** Reads a file as text: skips files over the size limit without reading them, and binary files. */
export function readSource(file: string, maxBytes: number): ReadResult {
  try {
    const size = lstatSync(file).isSymbolicLink() ? statSync(file).size : lstatSync(file).size;
    if (size > maxBytes) {
      return {
        ok: false,
        reason: 'too-large',
        message: `Skipped: ${formatBytes(size)} is over the ${formatBytes(maxBytes)} limit for one file.`,
      };
    }
    const bytes = readFileSync(file);
    if (bytes.subarray(0, 8192).includes(0))
      return { ok: false, reason: 'binary', message: 'Skipped: the file is binary.' };
    const text = decoder.decode(bytes);
    return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch (error) {
    return { ok: false, reason: 'unreadable', message: describeIoError(error) };
  }
}

export function describeIoError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'EISDIR':
      return 'is a folder';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}
