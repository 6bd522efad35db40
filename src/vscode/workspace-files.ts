/**
 * Which workspace files are analysed: every CloudFormation and Terraform candidate, found with
 * `findFiles` (which applies `files.exclude`), minus `search.exclude`, `node_modules`, `.git`,
 * `.terraform`, `.srlens` and the `.srlens.yaml` `exclude` patterns. The workspace scan and the
 * ISMS scan both start here, so they see the same files; the scan also asks here whether one file
 * (after a file event) or one folder's files are candidates, without a search.
 */
import ignore, { type Ignore } from 'ignore';
import * as vscode from 'vscode';
import { sourceKindOf } from '../iac/detect';
import type { ConfigController } from './config';
import { isWorkspaceUri } from './files';
import { escapeGlob, expandBraces, isExcluded } from './globs';

/** Every file that may be CloudFormation or Terraform. */
const INCLUDE = '**/*.{yaml,yml,json,template,tf}';
/** Never scanned: dependencies, VCS data, Terraform's cache, and the ISMS state folder. */
const ALWAYS_EXCLUDED = ['**/node_modules/**', '**/.git/**', '**/.terraform/**', '**/.srlens/**'];
const IGNORED_FOLDER = /\/(node_modules|\.git|\.terraform)(\/|$)/;

/** Whether a path lies in a folder that is never scanned (dependencies, VCS data, Terraform's cache). */
export function inIgnoredFolder(uri: vscode.Uri): boolean {
  return IGNORED_FOLDER.test(uri.path);
}

/**
 * The workspace's candidate files, sorted: findFiles (which applies `files.exclude`) minus
 * `search.exclude`, the fixed folders and the `.srlens.yaml` excludes. The workspace scan and the
 * ISMS scan both start here, so they see the same files.
 */
export async function candidateFiles(
  config: ConfigController,
  token: vscode.CancellationToken,
  include: vscode.GlobPattern = INCLUDE,
  maxResults?: number,
): Promise<vscode.Uri[]> {
  if (!vscode.workspace.workspaceFolders?.length) return [];
  const found = await vscode.workspace.findFiles(include, excludeGlob(), maxResults, token);
  const excluded = configExclusions(config);
  return found
    .filter((uri) => isWorkspaceUri(uri) && sourceKindOf(uri.path) && !excluded(uri))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Whether a file is a candidate: the exclusions of `candidateFiles`, matched here without a search. */
export function isCandidate(config: ConfigController, uri: vscode.Uri): boolean {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder || !isWorkspaceUri(uri) || !sourceKindOf(uri.path) || inIgnoredFolder(uri)) return false;
  const relative = uri.path.slice(folder.uri.path.length).replace(/^\/+/, '');
  if (isExcluded(relative, excludePatterns(folder.uri, true))) return false;
  return !configExclusions(config)(uri);
}

/** The candidate `.tf` files of a file's directory (its Terraform module). */
export async function moduleCandidates(config: ConfigController, uri: vscode.Uri): Promise<vscode.Uri[]> {
  const dir = vscode.Uri.joinPath(uri, '..');
  let entries: [string, vscode.FileType][];
  try {
    entries = await vscode.workspace.fs.readDirectory(dir);
  } catch {
    return [];
  }
  return entries
    .filter(([name, type]) => type === vscode.FileType.File && sourceKindOf(name) === 'terraform')
    .map(([name]) => vscode.Uri.joinPath(dir, name))
    .filter((file) => isCandidate(config, file));
}

/** The candidate files inside a folder of the workspace (all of them for a workspace folder itself). */
export async function folderCandidates(config: ConfigController, dir: vscode.Uri): Promise<vscode.Uri[]> {
  const folder = vscode.workspace.getWorkspaceFolder(dir);
  if (!folder) return [];
  const relativeDir = vscode.workspace.asRelativePath(dir, false);
  if (dir.path === folder.uri.path) return candidateFiles(config, new vscode.CancellationTokenSource().token);
  return candidateFiles(
    config,
    new vscode.CancellationTokenSource().token,
    new vscode.RelativePattern(folder, `${escapeGlob(relativeDir)}/${INCLUDE}`),
  );
}

/** A predicate for the `.srlens.yaml` `exclude` patterns (gitignore-style, relative to its folder). */
function configExclusions(config: ConfigController): (uri: vscode.Uri) => boolean {
  const { patterns, root } = config.exclusions;
  if (!root || patterns.length === 0) return () => false;
  let rules: Ignore;
  try {
    rules = ignore().add(patterns);
  } catch {
    return () => false;
  }
  const prefix = root.path.endsWith('/') ? root.path : `${root.path}/`;
  return (uri) => uri.path.startsWith(prefix) && rules.ignores(uri.path.slice(prefix.length));
}

/**
 * The exclude glob for findFiles: the fixed folders, `search.exclude` and `files.exclude` (listed
 * explicitly, since an explicit exclude can turn findFiles' own use of `files.exclude` off).
 */
export function excludeGlob(): string {
  return `{${excludePatterns(undefined, true).join(',')}}`;
}

/**
 * Exclusion globs without braces inside braces: the fixed folders, `search.exclude` and, when
 * asked (findFiles applies it itself), `files.exclude`. `{ when: ... }` entries need sibling files
 * and are left out.
 */
function excludePatterns(scope: vscode.Uri | undefined, withFilesExclude: boolean): string[] {
  const patterns = new Set(ALWAYS_EXCLUDED);
  const sections = withFilesExclude ? ['search', 'files'] : ['search'];
  for (const section of sections) {
    const settings = vscode.workspace.getConfiguration(section, scope).get<Record<string, unknown>>('exclude') ?? {};
    for (const [pattern, value] of Object.entries(settings)) {
      if (value === true) for (const expanded of expandBraces(pattern)) patterns.add(expanded);
    }
  }
  return [...patterns];
}
