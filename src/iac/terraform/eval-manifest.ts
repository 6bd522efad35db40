/**
 * Registry and git modules that `terraform init` has downloaded. Terraform records each module
 * call in `.terraform/modules/modules.json`, in the root module's folder: its key (the call names
 * from the root, joined with dots: `vpc`, `vpc.endpoints`), its source and the folder it was
 * downloaded to, relative to the root module. With that file such a call is analysed like a local
 * one; without it (no `terraform init`, or a folder outside the scanned roots) the call stays opaque.
 */
import type { TerraformHost } from './eval-inputs';
import { joinPath, normalizeDir } from './eval-inputs';

/** Largest manifest read (Terraform writes one entry per call: a few hundred bytes each). */
export const MAX_MANIFEST_BYTES = 5_000_000;

export interface ModuleManifest {
  /** The folder a call was downloaded to, by its call names from the root; undefined when not recorded. */
  dirOf(keyPath: readonly string[]): string | undefined;
}

const EMPTY: ModuleManifest = { dirOf: () => undefined };

/** Where `terraform init` put a registry or git module (the manifest read once per root); undefined when it has not. */
export async function downloadedDir(
  root: { manifest?: Promise<ModuleManifest>; rootDir: string; options: TerraformHost },
  keyPath: readonly string[],
): Promise<string | undefined> {
  root.manifest ??= readModuleManifest(root.rootDir, root.options);
  return (await root.manifest).dirOf(keyPath);
}

/** The manifest of root module `rootDir`; an empty one when it is absent, too large or malformed. */
export async function readModuleManifest(rootDir: string, host: TerraformHost): Promise<ModuleManifest> {
  if (!host.readFile) return EMPTY;
  const file = joinPath(joinPath(joinPath(rootDir, '.terraform'), 'modules'), 'modules.json');
  const size = await host.fileSize?.(file);
  if (size !== undefined && size > MAX_MANIFEST_BYTES) return EMPTY;
  const text = await host.readFile(file);
  if (text === undefined || text.length > MAX_MANIFEST_BYTES) return EMPTY;
  return parseModuleManifest(rootDir, text);
}

/** Reads a manifest's text; entries whose folder is not inside `rootDir` are left out. */
export function parseModuleManifest(rootDir: string, text: string): ModuleManifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return EMPTY;
  }
  const modules = isRecord(json) ? json.Modules : undefined;
  if (!Array.isArray(modules)) return EMPTY;
  const dirs = new Map<string, string>();
  for (const entry of modules as unknown[]) {
    if (!isRecord(entry)) continue;
    const { Key: key, Dir: dir } = entry;
    if (typeof key !== 'string' || key === '' || typeof dir !== 'string' || !isInsideRelative(dir)) continue;
    dirs.set(key, normalizeDir(joinPath(rootDir, dir)));
  }
  return { dirOf: (keyPath) => dirs.get(keyPath.join('.')) };
}

/** A relative folder that does not climb out of the folder it is relative to. */
function isInsideRelative(dir: string): boolean {
  if (dir === '' || dir.startsWith('/') || dir.startsWith('\\') || /^[A-Za-z]:/.test(dir)) return false;
  const normalized = normalizeDir(dir);
  return normalized !== '..' && !normalized.startsWith('../') && !normalized.startsWith('..\\');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
