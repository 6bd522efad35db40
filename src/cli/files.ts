/**
 * Finding and reading the files a scan looks at: walks folders, skips `.git`, `node_modules`,
 * `.terraform` and what `.gitignore` files ignore, never follows symbolic links to folders
 * (so link loops cannot hang a scan), and reads text defensively.
 *
 * A path named on the command line is always scanned, even when an ignore file or `exclude`
 * ignores it (ripgrep's rule): the rules above it are set aside for the path itself, and still
 * apply to what lies inside it. Beside a `cdk.json` (an AWS CDK app), the synthesized templates in
 * `cdk.out/` (`*.template.json`) are scanned too, ignored or not.
 */
import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { sourceKindOf } from '../iac/detect';

/** Our own configuration is YAML but never a template. */
export const SKIPPED_FILES = new Set(['.srlens.yaml']);
export const SKIPPED_DIRECTORIES = new Set([
  '.git',
  'node_modules',
  '.terraform',
  '.terragrunt-cache',
  '.aws-sam',
  'cdk.out',
]);

export interface CollectedFiles {
  files: string[];
  problems: { path: string; message: string }[];
  /** What the walk passed over, so that a scan that finds nothing can say why. */
  skipped: { ignored: number; notTemplate: number };
  /** AWS CDK apps met (a folder with `cdk.json`): their `cdk.out` folder and how many templates it added. */
  cdkApps: { dir: string; cdkOut?: string; templates: number }[];
}

interface IgnoreScope {
  dir: string;
  rules: Ignore;
  /** The patterns the rules were built from, to rebuild them with exceptions. */
  patterns: string | string[];
}

/** How deep below `cdk.out` synthesized templates are looked for (nested assemblies: `assembly-<Stage>/`). */
const CDK_OUT_DEPTH = 4;

export interface CollectOptions {
  /** Patterns from `.srlens.yaml` `exclude`, gitignore-style, relative to `root`. */
  exclude?: string[];
  root?: string;
}

/** Every IaC candidate file under the given paths (files given explicitly are always included). */
export function collectFiles(inputs: string[], options: CollectOptions = {}): CollectedFiles {
  const excluded: IgnoreScope[] =
    options.exclude && options.exclude.length > 0
      ? [{ dir: options.root ?? process.cwd(), rules: ignore().add(options.exclude), patterns: options.exclude }]
      : [];
  const files: string[] = [];
  const seen = new Set<string>();
  const walker: Walker = {
    add: (file: string) => {
      if (!seen.has(file)) {
        seen.add(file);
        files.push(file);
      }
    },
    problems: [],
    skipped: { ignored: 0, notTemplate: 0 },
    cdkApps: [],
  };
  for (const input of inputs) {
    const absolute = path.resolve(input);
    let stats;
    try {
      stats = statSync(absolute);
    } catch (error) {
      walker.problems.push({ path: input, message: describeIoError(error) });
      continue;
    }
    if (stats.isDirectory())
      walk(
        absolute,
        [...excluded, ...ancestorScopes(absolute)].map((scope) => reopened(scope, absolute)),
        walker,
      );
    else walker.add(absolute);
  }
  return { files, problems: walker.problems, skipped: walker.skipped, cdkApps: walker.cdkApps };
}

interface Walker {
  add(file: string): void;
  problems: CollectedFiles['problems'];
  skipped: CollectedFiles['skipped'];
  cdkApps: CollectedFiles['cdkApps'];
}

/**
 * A scope above a folder named on the command line, with that folder and every folder between
 * them re-included (`!/a/`, `!/a/b/`): the named folder is scanned, and the scope's rules still
 * apply to what lies inside it.
 */
function reopened(scope: IgnoreScope, named: string): IgnoreScope {
  const relative = path.relative(scope.dir, named).split(path.sep).join('/');
  if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) return scope;
  const parts = relative.split('/');
  const exceptions = parts.map((_part, i) => `!/${parts.slice(0, i + 1).join('/')}/`);
  if (!parts.some((_part, i) => scope.rules.ignores(`${parts.slice(0, i + 1).join('/')}/`))) return scope;
  return { ...scope, rules: ignore().add(scope.patterns).add(exceptions) };
}

function walk(dir: string, scopes: IgnoreScope[], walker: Walker): void {
  const { add, problems } = walker;
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
  if (entries.some((entry) => entry.name === 'cdk.json' && entry.isFile())) {
    const cdkOut = entries.find((entry) => entry.name === 'cdk.out' && entry.isDirectory());
    const app: CollectedFiles['cdkApps'][number] = { dir, templates: 0 };
    if (cdkOut) {
      app.cdkOut = path.join(dir, cdkOut.name);
      walkCdkOut(
        app.cdkOut,
        0,
        (file) => {
          app.templates++;
          add(file);
        },
        problems,
      );
    }
    walker.cdkApps.push(app);
  }
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
      if (SKIPPED_DIRECTORIES.has(entry.name) || isIgnored(active, full, true)) walker.skipped.ignored++;
      else walk(full, active, walker);
    } else if (isFile) {
      if (!sourceKindOf(entry.name) || SKIPPED_FILES.has(entry.name)) walker.skipped.notTemplate++;
      else if (isIgnored(active, full, false)) walker.skipped.ignored++;
      else add(full);
    }
  }
}

/** The synthesized templates of an AWS CDK app (`*.template.json`), in nested assemblies too; ignore files do not apply. */
function walkCdkOut(dir: string, depth: number, add: (file: string) => void, problems: Walker['problems']): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    problems.push({ path: dir, message: describeIoError(error) });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    // Links are not followed here at all: cdk.out is generated, and its assets may be large.
    if (entry.isFile() && entry.name.endsWith('.template.json')) add(full);
    else if (entry.isDirectory() && depth < CDK_OUT_DEPTH && !entry.name.startsWith('asset.'))
      walkCdkOut(full, depth + 1, add, problems);
  }
}

function loadIgnore(dir: string): IgnoreScope | undefined {
  const file = path.join(dir, '.gitignore');
  if (!existsSync(file)) return undefined;
  try {
    const patterns = readFileSync(file, 'utf8');
    return { dir, rules: ignore().add(patterns), patterns };
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
