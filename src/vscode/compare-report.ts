/**
 * The parts of "Compare with Branch…" that need no editor: which files each side has, reading them
 * (absent, too large, binary), analysing both sides with a fresh `Analyzer`, the default base
 * branch among the repository's refs, and the report's Markdown. No `vscode` import: the unit tests
 * load this file directly, and `compare.ts` feeds it what VS Code's Git extension reads.
 *
 * Files are named by their repository-relative path (posix), as `srlens diff` names them, so the
 * editor's report and the CLI's agree.
 */
import { Analyzer, type SourceFile } from '../engine/analyzer';
import type { SrlensConfig } from '../engine/config';
import { diffAnalyses, type DiffReport, type DiffSideLabel } from '../engine/diff';
import type { Finding } from '../engine/finding';
import { fileTooLargeFinding } from '../engine/limits';
import type { RuleCrashHandler } from '../engine/rule-error';
import { DIFF_COMMENT_MARKER, formatDiffMarkdown } from '../cli/reporters/diff';

/** The files of one side, as `srlens diff` reads them. */
export interface SideFiles {
  sources: SourceFile[];
  /** Files that could not be read at this side (too large, binary), each with its finding. */
  findings: Finding[];
  unreadable: string[];
}

/** A ref as the Git extension lists it (`RefType`: 0 a local branch, 1 a remote branch, 2 a tag). */
export interface RefInfo {
  name?: string;
  type: number;
  commit?: string;
  remote?: string;
}

const REF_HEAD = 0;
const REF_REMOTE = 1;

/** The first characters looked at for a NUL, as `srlens diff` does. */
const BINARY_PROBE = 8192;

/** Why a typed ref is refused, or undefined when it may be handed to git. */
export function refProblem(ref: string): string | undefined {
  if (ref.trim() === '') return 'Name a branch, tag or commit to compare with.';
  if (ref.startsWith('-')) return `'${ref}' is not a ref: refs never start with '-'.`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(ref) || ref.length > 1024 || ref.includes(':'))
    return `'${ref.slice(0, 80)}' is not a branch, tag or commit name.`;
  return undefined;
}

/**
 * The default branch among the refs: the remote branch `origin/HEAD` points at (the one with its
 * commit), else `main`, `master`, `origin/main`, `origin/master`; undefined when none is there.
 */
export function defaultBranchOf(refs: readonly RefInfo[]): string | undefined {
  const names = new Set(refs.filter((r) => r.type === REF_HEAD || r.type === REF_REMOTE).map((r) => r.name));
  const originHead = refs.find((r) => r.type === REF_REMOTE && r.name === 'origin/HEAD');
  if (originHead?.commit) {
    const same = refs.filter(
      (r) =>
        r.type === REF_REMOTE &&
        r.name?.startsWith('origin/') &&
        r.name !== 'origin/HEAD' &&
        r.commit === originHead.commit,
    );
    if (same.length === 1 && same[0].name) return same[0].name;
  }
  return ['main', 'master', 'origin/main', 'origin/master'].find((n) => names.has(n));
}

/** The branches to offer: the default first, then local branches, then remote ones (without the remotes' HEAD), each once. */
export function branchChoices(refs: readonly RefInfo[], defaultBranch: string | undefined): string[] {
  const local = refs.filter((r) => r.type === REF_HEAD && r.name).map((r) => r.name as string);
  const remote = refs
    .filter((r) => r.type === REF_REMOTE && r.name && !r.name.endsWith('/HEAD'))
    .map((r) => r.name as string);
  const sorted = [...local.sort(), ...remote.sort()];
  return [...new Set([...(defaultBranch ? [defaultBranch] : []), ...sorted])];
}

/**
 * The files to read at the base: the candidate files of the working tree (a file missing at the
 * base is absent there) and the files the change deleted or renamed (they are only at the base),
 * kept when `wanted` says they are candidates. Sorted, each once.
 */
export function baseCandidatePaths(
  headFiles: readonly string[],
  changedAtBase: readonly string[],
  wanted: (file: string) => boolean,
): string[] {
  return [...new Set([...headFiles, ...changedAtBase.filter(wanted)])].sort();
}

/**
 * Reads one side's files: `read` gives a file's text, or undefined when the file is not at this
 * side (it is then absent, not an error). A file over `maxFileSize` characters or holding a NUL is
 * left out with its finding, so that it never reads as resources removed. Stops early when
 * `cancelled` says so.
 */
export async function readSide(
  files: readonly string[],
  read: (file: string) => Promise<string | undefined>,
  options: { maxFileSize: number; concurrency?: number; cancelled?: () => boolean; progress?: (done: number) => void },
): Promise<SideFiles> {
  const texts: (string | undefined)[] = new Array(files.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < files.length && !options.cancelled?.()) {
      const index = next++;
      texts[index] = await read(files[index]);
      options.progress?.(++done);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 8) }, worker));
  const side: SideFiles = { sources: [], findings: [], unreadable: [] };
  files.forEach((file, i) => {
    const text = texts[i];
    if (text === undefined) return;
    if (text.length > options.maxFileSize) {
      side.findings.push(
        fileTooLargeFinding(file, `Skipped: over the ${options.maxFileSize} character limit for one file.`),
      );
      side.unreadable.push(file);
    } else if (text.slice(0, BINARY_PROBE).includes('\u0000')) {
      side.findings.push({
        ...fileTooLargeFinding(file, 'Not read: the file is binary at this side of the comparison.'),
        ruleId: 'parse-error',
        severity: 'warning',
      });
      side.unreadable.push(file);
    } else side.sources.push({ path: file, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text });
  });
  return side;
}

/** Analyses both sides with fresh analyzers of one configuration and compares them. */
export async function compareSides(
  base: SideFiles,
  head: SideFiles,
  labels: { base: DiffSideLabel; head: DiffSideLabel },
  config: SrlensConfig,
  onRuleError?: RuleCrashHandler,
): Promise<DiffReport> {
  const analyse = async (side: SideFiles) => {
    const analysis = await new Analyzer({ config, onRuleError }).analyze(side.sources);
    return { units: analysis.units, findings: [...side.findings, ...analysis.findings], unreadable: side.unreadable };
  };
  return diffAnalyses(await analyse(base), await analyse(head), labels);
}

/**
 * The report as the preview shows it: `srlens diff --format markdown` (ownership first, then
 * resources and findings), files and findings at head linked to `<root>/<file>#L<line>` (the
 * repository folder's `file:` URI), without the marker a CI job finds its comment by.
 */
export function comparisonMarkdown(report: DiffReport, rootUri: string): string {
  const text = formatDiffMarkdown(report, { linkBase: rootUri });
  return text.startsWith(`${DIFF_COMMENT_MARKER}\n`) ? text.slice(DIFF_COMMENT_MARKER.length + 1) : text;
}
