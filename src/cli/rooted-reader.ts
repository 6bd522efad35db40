/**
 * How the engine reads a nested stack's template in the CLI: from disk, and only inside the paths
 * the scan was given. A folder named on the command line is a root for everything below it; a
 * file named alone is a root for itself only (its neighbours were not asked for). Symbolic links
 * are resolved first, so a link inside a root that points outside it is refused too, and so is a
 * path whose `..` leaves the root.
 */
import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ReadFile } from '../engine/nested-stacks';
import { readSource } from './files';

interface Root {
  path: string;
  folder: boolean;
}

export function rootedReader(inputs: string[], maxBytes: number): ReadFile {
  const roots: Root[] = [];
  for (const input of inputs) {
    try {
      const real = realpathSync(input);
      roots.push({ path: real, folder: statSync(real).isDirectory() });
    } catch {
      // A path that cannot be read is no root.
    }
  }
  const refused = { refused: 'it is outside the scanned paths' };
  return (file) => {
    const resolved = path.resolve(file);
    const real = tryRealpath(resolved);
    if (real === undefined) {
      // Missing: said so only when its folder is inside a root (nothing is told about the rest of the disk).
      const folder = tryRealpath(path.dirname(resolved));
      return folder !== undefined && roots.some((root) => within(root, folder, true)) ? undefined : refused;
    }
    if (!roots.some((root) => within(root, real))) return refused;
    const result = readSource(real, maxBytes);
    if (result.ok) return result.text;
    return result.reason === 'unreadable'
      ? undefined
      : { refused: result.message.replace(/^Skipped: /, '').replace(/\.$/, '') };
  };
}

/** Whether a real path is the root file, or lies in the root folder (`folder`: the path is a folder, which may be the root itself). */
function within(root: Root, real: string, folder = false): boolean {
  if (!root.folder) return !folder && real === root.path;
  const relative = path.relative(root.path, real);
  if (relative === '') return folder;
  return relative.split(path.sep)[0] !== '..' && !path.isAbsolute(relative);
}

function tryRealpath(file: string): string | undefined {
  try {
    return realpathSync(file);
  } catch {
    return undefined;
  }
}
