/**
 * `srlens diff`: what a change does to who owns what. Reads the infrastructure code at `--base`
 * (default: the merge base with the default branch) and at `--head` (default: the working tree)
 * through git, analyses both sides with the same rules and configuration, and reports the
 * resources, ownership shifts and findings that changed. stdout holds only the report; notes go to
 * stderr. Exit codes: 0 ran (and no --fail-on triggered), 1 a --fail-on condition holds, 2 what
 * cannot be done (not a repository, unknown ref, shallow clone without the base, too many files).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import ignore from 'ignore';
import { Analyzer } from '../engine/analyzer';
import { ruleMetadata } from '../engine/catalog';
import { CONFIG_FILE_NAME, DEFAULT_CONFIG, parseConfig, type SrlensConfig } from '../engine/config';
import { diffAnalyses, type DiffReport, type DiffSideLabel } from '../engine/diff';
import { severityAtLeast, type Finding } from '../engine/finding';
import type { Severity } from '../iac/model';
import { describeIoError } from './files';
import {
  GitError,
  defaultBase,
  filesAtCommit,
  filesInWorkingTree,
  repositoryRoot,
  resolveCommit,
  type ReadFiles,
  type ReadOptions,
} from './git';
import { formatDiffJson, formatDiffMarkdown, formatDiffText } from './reporters/diff';
import { ANSI, PLAIN } from './reporters/text';

export interface DiffIo {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  color: boolean;
}

const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;
const DEFAULT_MAX_FILES = 10_000;
const FAIL_ON = ['new-duty', 'error', 'warning', 'info', 'none'] as const;
type FailOn = (typeof FAIL_ON)[number];

export const DIFF_HELP = `  srlens diff [paths...]       What a change does to who owns what (resources, ownership, findings)
      --base <ref>                 Compare from (default: merge base with origin/HEAD, main or master; else HEAD)
      --head <ref>                 Compare to (default: the working tree, uncommitted changes included)
      --format text|json|markdown  Output format (default: text)
      --link-base <url>            Markdown: link files at head to <url>/<file>#L<line>
      --fail-on new-duty|error|warning|info|none
                                   Exit 1 when the change hands you a concern no resource asked of
                                   you before (new-duty) or introduces a finding at or above the
                                   severity; repeatable (default: none)
      --max-file-size <bytes>      Skip larger files with an info finding (default: ${DEFAULT_MAX_FILE_SIZE})
      --max-files <n>              Refuse more candidate files per side (default: ${DEFAULT_MAX_FILES})
      --config <file>              Configuration (default: ./.srlens.yaml)
      --no-color                   Plain text output`;

class DiffUsageError extends Error {}

/** Runs `srlens diff`; every error that stops it is one line on stderr and exit code 2. */
export async function diffCommand(args: string[], io: DiffIo): Promise<number> {
  try {
    return await runDiff(args, io);
  } catch (error) {
    if (error instanceof DiffUsageError || error instanceof GitError || isParseArgsError(error)) {
      io.stderr(`srlens: ${(error as Error).message}`);
      return 2;
    }
    io.stderr(`srlens: unexpected error: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
}

async function runDiff(args: string[], io: DiffIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      base: { type: 'string' },
      head: { type: 'string' },
      format: { type: 'string', default: 'text' },
      'link-base': { type: 'string' },
      'fail-on': { type: 'string', multiple: true },
      'max-file-size': { type: 'string' },
      'max-files': { type: 'string' },
      config: { type: 'string' },
      'no-color': { type: 'boolean', default: false },
    },
  });
  const format = oneOf(values.format, ['text', 'json', 'markdown'] as const, '--format');
  const failOn = (values['fail-on'] ?? []).map((v) => oneOf(v, FAIL_ON, '--fail-on'));
  const linkBase = values['link-base'];
  if (linkBase !== undefined && !/^https?:\/\/[^\s]+$/i.test(linkBase))
    throw new DiffUsageError(`--link-base must be an http(s) URL (got '${linkBase}').`);
  const maxFileSize = positiveInteger(values['max-file-size'], DEFAULT_MAX_FILE_SIZE, '--max-file-size');
  const maxFiles = positiveInteger(values['max-files'], DEFAULT_MAX_FILES, '--max-files');

  const root = await repositoryRoot(io.cwd);
  const paths = positionals.map((p) => repositoryPath(root, path.resolve(io.cwd, p), p));
  const { config, findings: configFindings, root: configRoot } = loadConfig(values.config, io.cwd);
  const excludes = config.exclude.length > 0 ? ignore().add(config.exclude) : undefined;
  const options: ReadOptions = {
    paths,
    maxFileSize,
    maxFiles,
    excluded: excludes
      ? (file) => {
          const relative = path.relative(configRoot, path.join(root, file)).split(path.sep).join('/');
          return relative !== '' && !relative.startsWith('..') && excludes.ignores(relative);
        }
      : undefined,
  };
  for (const finding of configFindings) io.stderr(`srlens: warning: ${finding.file}: ${finding.message}`);

  let baseLabel: DiffSideLabel;
  if (values.base !== undefined)
    baseLabel = { ref: values.base, commit: await resolveCommit(root, values.base, '--base') };
  else {
    const choice = await defaultBase(root);
    if (choice.note) io.stderr(`srlens: ${choice.note}.`);
    baseLabel = { ref: choice.ref, commit: choice.commit };
  }
  const headLabel: DiffSideLabel =
    values.head !== undefined
      ? { ref: values.head, commit: await resolveCommit(root, values.head, '--head') }
      : { ref: 'working tree' };

  const baseFiles = await filesAtCommit(root, baseLabel.commit ?? '', options);
  const headFiles = headLabel.commit
    ? await filesAtCommit(root, headLabel.commit, options)
    : await filesInWorkingTree(root, options);
  const report = diffAnalyses(await analyzeSide(baseFiles, config), await analyzeSide(headFiles, config), {
    base: baseLabel,
    head: headLabel,
  });
  io.stderr(
    `srlens: compared ${files(baseFiles.sources.length)} at ${baseLabel.ref} with ${files(headFiles.sources.length)} at ${headLabel.ref}${
      paths.length > 0 ? ` (under ${paths.map((p) => (p === '' ? '.' : p)).join(', ')})` : ''
    }.`,
  );

  if (format === 'json') io.stdout(formatDiffJson(report));
  else if (format === 'markdown') io.stdout(formatDiffMarkdown(report, { linkBase }));
  else io.stdout(formatDiffText(report, io.color && !values['no-color'] ? ANSI : PLAIN));
  return failOn.some((condition) => triggered(report, condition)) ? 1 : 0;
}

const files = (n: number) => `${n} file${n === 1 ? '' : 's'}`;

async function analyzeSide(files: ReadFiles, config: SrlensConfig) {
  const analysis = await new Analyzer({ config }).analyze(files.sources);
  return {
    units: analysis.units,
    findings: [...files.findings, ...analysis.findings],
    unreadable: files.unreadable,
  };
}

/** Does the report meet a --fail-on condition? */
export function triggered(report: DiffReport, condition: FailOn): boolean {
  if (condition === 'none') return false;
  if (condition === 'new-duty') return report.ownership.toYou.some((s) => s.new);
  return report.findings.introduced.some((f: Finding) => severityAtLeast(f.severity, condition as Severity));
}

/** A path named on the command line, relative to the repository root (posix); '' is the root itself. */
function repositoryPath(root: string, absolute: string, given: string): string {
  const relative = path.relative(root, absolute);
  if (relative.startsWith('..') || path.isAbsolute(relative))
    throw new DiffUsageError(`'${given}' is outside the repository at '${root}'.`);
  return relative.split(path.sep).join('/');
}

function loadConfig(
  explicit: string | undefined,
  cwd: string,
): { config: SrlensConfig; findings: Finding[]; root: string } {
  const file = path.resolve(cwd, explicit ?? CONFIG_FILE_NAME);
  if (!existsSync(file)) {
    if (explicit) throw new DiffUsageError(`cannot read '${explicit}': no such file or folder`);
    return { config: DEFAULT_CONFIG, findings: [], root: cwd };
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new DiffUsageError(`cannot read '${file}': ${describeIoError(error)}`);
  }
  const { config, findings } = parseConfig(file, text, new Set(ruleMetadata().map((r) => r.id)));
  return { config, findings, root: path.dirname(file) };
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], flag: string): T {
  if (value !== undefined && (allowed as readonly string[]).includes(value)) return value as T;
  throw new DiffUsageError(`${flag} must be one of ${allowed.join(', ')} (got '${value}').`);
}

function positiveInteger(value: string | undefined, fallback: number, flag: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new DiffUsageError(`${flag} must be a positive whole number (got '${value}').`);
  return n;
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: string } | undefined)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}
