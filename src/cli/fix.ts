/**
 * `srlens fix [paths...]`: applies every safe fix on disk, the same fixes as Fix All in the editor
 * (`engine/fix-all.ts`: one fix at a time, re-analysed after each, dropping any fix that breaks the
 * syntax or does not clear its finding), and prints what it changed; `--dry-run` prints a unified
 * diff instead and writes nothing.
 *
 * It never writes a file it could not parse (a template or module with a syntax error is left as
 * it is), and a file that changed on disk between reading and writing is left alone with a message.
 * Exit codes: 0 done, 1 a file was left alone because it changed or could not be written, 2 usage
 * or I/O error.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Analyzer } from '../engine/analyzer';
import { ruleMetadata } from '../engine/catalog';
import { CONFIG_FILE_NAME, DEFAULT_CONFIG, parseConfig, type SrlensConfig } from '../engine/config';
import { fixAllInFile } from '../engine/fix-all';
import { PARSE_ERROR_RULE_ID, type Finding } from '../engine/finding';
import { moduleDirOf, sourceKindOf } from '../iac/detect';
import { collectFiles, describeIoError, readSource } from './files';
import { unifiedDiff } from './unified-diff';

export const FIX_HELP = `  srlens fix [paths...]        Apply every safe fix on disk (the fixes of Fix All in the editor)
      --dry-run                    Print a unified diff of what it would change, write nothing
      --config <file>              Configuration (default: ./.srlens.yaml)
      --max-file-size <bytes>      Skip larger files (default: 5242880)`;

const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;

export interface FixIo {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
}

/** For tests: runs just before a changed file is written. */
export interface FixHooks {
  beforeWrite?(file: string): void;
}

export class FixUsageError extends Error {}

/** What was read of a file: its text and when it was last modified, to tell whether it changed since. */
interface ReadFile {
  text: string;
  mtimeMs: number;
  size: number;
}

export async function fixCommand(args: string[], io: FixIo, hooks: FixHooks = {}): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      config: { type: 'string' },
      'max-file-size': { type: 'string' },
    },
  });
  const dryRun = values['dry-run'];
  const maxFileSize = values['max-file-size'] === undefined ? DEFAULT_MAX_FILE_SIZE : Number(values['max-file-size']);
  if (!Number.isInteger(maxFileSize) || maxFileSize <= 0)
    throw new FixUsageError(
      `--max-file-size must be a positive whole number of bytes (got '${values['max-file-size']}').`,
    );
  const { config, root } = loadConfig(values.config, io.cwd);
  const inputs = (positionals.length > 0 ? positionals : ['.']).map((p) => path.resolve(io.cwd, p));
  for (const input of inputs)
    if (!existsSync(input)) throw new FixUsageError(`cannot read '${display(input, io.cwd)}': no such file or folder`);
  const collected = collectFiles(inputs, { exclude: config.exclude, root });
  for (const problem of collected.problems)
    io.stderr(`srlens: warning: skipped '${display(problem.path, io.cwd)}': ${problem.message}`);

  const read = new Map<string, ReadFile>();
  const readOnce = (file: string): ReadFile | undefined => {
    if (read.has(file)) return read.get(file);
    const result = readSource(file, maxFileSize);
    if (!result.ok) return undefined;
    const stat = statSync(file);
    const entry = { text: result.text, mtimeMs: stat.mtimeMs, size: stat.size };
    read.set(file, entry);
    return entry;
  };

  const analyzer = new Analyzer({ config });
  /** Final texts of the files fixes changed, and the titles applied per target file. */
  const texts = new Map<string, string>();
  const appliedByFile = new Map<string, string[]>();
  const unparsable = new Set<string>();
  let leftAlone = 0;
  let writeTrouble = 0;

  for (const target of collected.files) {
    const kind = sourceKindOf(target);
    if (!kind) continue;
    if (target.split(/[\\/]/).includes('cdk.out')) continue; // generated: fix the CDK app instead
    const own = readOnce(target);
    if (!own) continue;
    // CloudFormation: the file alone; Terraform: every .tf file of its folder, as the module is.
    const members = kind === 'terraform' ? moduleFiles(moduleDirOf(target)) : [target];
    const files = members.flatMap((file) => {
      const entry = readOnce(file);
      return entry ? [{ path: file, text: texts.get(file) ?? entry.text }] : [];
    });
    const unit = kind === 'terraform' ? moduleDirOf(target) : target;
    if (unparsable.has(unit)) continue;
    const before =
      kind === 'terraform'
        ? await analyzer.analyzeTerraformModule(unit, files)
        : analyzer.analyzeCloudFormation(target, files[0].text);
    const broken = parseErrors(before.findings);
    if (broken.length > 0) {
      unparsable.add(unit);
      if (before.findings.some((f) => f.fixable) || broken.some((f) => f.file === target)) {
        const first = broken[0];
        io.stderr(
          `srlens: left alone: '${display(first.file, io.cwd)}' does not parse (line ${first.range.start.line + 1}: ${first.message.split('\n')[0]}); fix its syntax first.`,
        );
        leftAlone++;
      }
      continue;
    }
    if (!before.findings.some((f) => f.file === target && f.fixable)) continue;
    const result = await fixAllInFile(analyzer, target, files);
    analyzer.forget(target);
    if (result.applied.length === 0) continue;
    for (const [file, text] of result.changed) texts.set(file, text);
    appliedByFile.set(target, [...(appliedByFile.get(target) ?? []), ...result.applied]);
  }

  let applied = 0;
  let filesChanged = 0;
  for (const [target, titles] of appliedByFile) {
    applied += titles.length;
    if (!dryRun) io.stdout(`${display(target, io.cwd)}\n${titles.map((t) => `  ${t}`).join('\n')}`);
  }
  for (const [file, text] of texts) {
    const original = read.get(file);
    if (!original || original.text === text) continue;
    filesChanged++;
    if (dryRun) {
      io.stdout(unifiedDiff(display(file, io.cwd), original.text, text).replace(/\n$/, ''));
      continue;
    }
    hooks.beforeWrite?.(file);
    if (changedSince(file, original)) {
      io.stderr(`srlens: left alone: '${display(file, io.cwd)}' changed on disk while it was being fixed; run again.`);
      leftAlone++;
      writeTrouble++;
      filesChanged--;
      continue;
    }
    try {
      writeFileSync(file, text);
    } catch (error) {
      io.stderr(`srlens: left alone: cannot write '${display(file, io.cwd)}': ${describeIoError(error)}`);
      leftAlone++;
      writeTrouble++;
      filesChanged--;
    }
  }
  const fixes = `${applied} ${applied === 1 ? 'fix' : 'fixes'}`;
  const inFiles = `${filesChanged} ${filesChanged === 1 ? 'file' : 'files'}`;
  io.stderr(
    dryRun
      ? `srlens: would apply ${fixes} in ${inFiles} (dry run: nothing written).`
      : `srlens: applied ${fixes} in ${inFiles}${leftAlone > 0 ? `; ${leftAlone} left alone` : ''}.`,
  );
  // Exit 1 only for files left alone when writing (changed on disk, not writable), not for syntax errors.
  return writeTrouble > 0 ? 1 : 0;
}

function changedSince(file: string, original: ReadFile): boolean {
  try {
    const stat = statSync(file);
    if (stat.mtimeMs !== original.mtimeMs || stat.size !== original.size) return true;
    return readFileSync(file, 'utf8') !== original.text;
  } catch {
    return true;
  }
}

function moduleFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => name.toLowerCase().endsWith('.tf'))
      .sort()
      .map((name) => path.join(dir, name));
  } catch {
    return [];
  }
}

function parseErrors(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.ruleId === PARSE_ERROR_RULE_ID);
}

function loadConfig(explicit: string | undefined, cwd: string): { config: SrlensConfig; root: string } {
  const file = path.resolve(cwd, explicit ?? CONFIG_FILE_NAME);
  if (!existsSync(file)) {
    if (explicit) throw new FixUsageError(`cannot read '${explicit}': no such file or folder`);
    return { config: DEFAULT_CONFIG, root: cwd };
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new FixUsageError(`cannot read '${display(file, cwd)}': ${describeIoError(error)}`);
  }
  return { config: parseConfig(file, text, new Set(ruleMetadata().map((r) => r.id))).config, root: path.dirname(file) };
}

function display(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return (relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file)
    .split(path.sep)
    .join('/');
}
