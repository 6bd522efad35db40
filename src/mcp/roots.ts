/**
 * Where the MCP server may read: inside the roots the client gives (`roots/list`), or, when it
 * gives none, inside the server's working directory. A relative path resolves against the first
 * root. Every path is resolved through its symbolic links before it is checked, so neither `..`
 * nor a link leads out; a folder is refused when any file a scan of it would read is a link to
 * outside the roots (the CLI reads files behind links), and so is a `.srlens.yaml` that is one.
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONFIG_FILE_NAME } from '../engine/config';
import { collectFiles } from '../cli/files';

/** A request the server refuses: told to the client as a tool error, never a crash. */
export class Refusal extends Error {}

export interface ResolvedPath {
  /** The path as the client wrote it. */
  given: string;
  /** Its real path (links resolved). */
  real: string;
  /** The real path of the root it lies in. */
  root: string;
  folder: boolean;
}

/** Real paths of the roots given as `file://` URIs; others (and missing folders) are left out. */
export function rootsFromUris(uris: readonly string[]): string[] {
  const roots: string[] = [];
  for (const uri of uris) {
    if (!uri.startsWith('file:')) continue;
    try {
      const real = realpathSync(fileURLToPath(uri));
      if (statSync(real).isDirectory() && !roots.includes(real)) roots.push(real);
    } catch {
      // A root that does not exist (or is not a local file URI) grants nothing.
    }
  }
  return roots;
}

/** Whether a real path is `root` itself or lies below it. */
export function isInside(root: string, real: string): boolean {
  const relative = path.relative(root, real);
  return relative === '' || (relative.split(path.sep)[0] !== '..' && !path.isAbsolute(relative));
}

function realpathOrUndefined(file: string): string | undefined {
  try {
    return realpathSync(file);
  } catch {
    return undefined;
  }
}

/** Resolves one path against the roots (relative to the first), or refuses it with one clear sentence. */
export function resolveInRoots(given: string, roots: readonly string[]): ResolvedPath {
  if (roots.length === 0) throw new Refusal('there is no root to read from.');
  if (given.includes('\0')) throw new Refusal(`'${given}' is not a path.`);
  const absolute = path.resolve(roots[0], given);
  const real = realpathOrUndefined(absolute);
  if (real === undefined) {
    const lexical = roots.some((root) => isInside(root, absolute));
    throw new Refusal(
      lexical ? `'${given}' does not exist.` : `'${given}' is outside the roots (${roots.join(', ')}).`,
    );
  }
  const root = roots
    .filter((r) => isInside(r, real))
    .sort((a, b) => b.length - a.length)
    .at(0);
  if (root === undefined)
    throw new Refusal(
      `'${given}' is outside the roots (${roots.join(', ')})${real !== absolute ? ` (it leads to '${real}')` : ''}.`,
    );
  return { given, real, root, folder: statSync(real).isDirectory() };
}

/**
 * Checks what a scan of these paths would read: every candidate file, and the configuration at the
 * root, must really be inside a root. Throws a Refusal naming the first link that leads out.
 */
export function checkNoLinkOut(paths: readonly ResolvedPath[], roots: readonly string[], configRoot: string): void {
  const inRoots = (real: string) => roots.some((root) => isInside(root, real));
  const config = path.join(configRoot, CONFIG_FILE_NAME);
  if (existsSync(config)) {
    const real = realpathOrUndefined(config);
    if (real === undefined || !inRoots(real))
      throw new Refusal(`'${CONFIG_FILE_NAME}' in '${configRoot}' is a link to outside the roots.`);
  }
  const folders = paths.filter((p) => p.folder).map((p) => p.real);
  if (folders.length === 0) return;
  for (const file of collectFiles(folders, { root: configRoot }).files) {
    const real = realpathOrUndefined(file);
    if (real !== undefined && !inRoots(real))
      throw new Refusal(`'${path.relative(configRoot, file) || file}' is a link to outside the roots ('${real}').`);
  }
}
