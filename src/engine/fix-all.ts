/**
 * Fix all: applies the auto-fixes of one file's findings one at a time, re-analysing the edited
 * text in memory after each (a fix can move, add or settle other findings), until none is left
 * or a round limit is hit. The result is the final text of every file touched (a Terraform fix
 * may add a companion resource to another file of the module) and, per file, the one minimal edit
 * from the original text to the final one. Pure: no editor, no file system.
 */
import type { TextEdit } from '../fixes/types';
import { LineIndex } from '../iac/line-index';
import { moduleDirOf, sourceKindOf } from '../iac/detect';
import type { Analysis, Analyzer, SourceFile } from './analyzer';
import { PARSE_ERROR_RULE_ID, type Finding } from './finding';

export const MAX_FIX_ROUNDS = 20;

export interface FixAllResult {
  /** Titles of the fixes applied, in order. */
  applied: string[];
  /** Final text of each file that changed. */
  changed: Map<string, string>;
  /** One minimal edit per changed file, against the original text. */
  edits: TextEdit[];
  /** Fixable findings of the file still there at the end (fixes that did not apply cleanly). */
  remaining: number;
  cancelled: boolean;
}

export interface FixAllOptions {
  maxRounds?: number;
  isCancelled?: () => boolean;
}

/**
 * Fixes every fixable finding of `target`. `files` is the target alone (CloudFormation) or every
 * `.tf` file of its module (Terraform), with their current texts.
 */
export async function fixAllInFile(
  analyzer: Analyzer,
  target: string,
  files: SourceFile[],
  options: FixAllOptions = {},
): Promise<FixAllResult> {
  const maxRounds = options.maxRounds ?? MAX_FIX_ROUNDS;
  const original = new Map(files.map((f) => [f.path, f.text]));
  let texts = new Map(original);
  const applied: string[] = [];
  const given = new Set<string>(); // findings whose fix did not apply cleanly: never tried again
  let analysis = await analyse(analyzer, target, texts);
  let cancelled = false;

  for (let round = 0; round < maxRounds; round++) {
    if (options.isCancelled?.()) {
      cancelled = true;
      break;
    }
    const finding = fixable(analysis, target).find((f) => !given.has(key(f)));
    if (!finding) break;
    const fix = analyzer.fixFor(finding);
    if (!fix || fix.edits.some((e) => !texts.has(e.file))) {
      given.add(key(finding));
      continue;
    }
    const next = new Map(texts);
    for (const [file, text] of texts) {
      const edits = fix.edits.filter((e) => e.file === file);
      if (edits.length > 0) next.set(file, applyTextEdits(text, edits));
    }
    const after = [...next].every(([file, text]) => texts.get(file) === text)
      ? analysis
      : await analyse(analyzer, target, next);
    // A fix that changes nothing, breaks the syntax or leaves its finding in place is dropped.
    if (
      after === analysis ||
      parseErrors(after) > parseErrors(analysis) ||
      count(after, target, key(finding)) >= count(analysis, target, key(finding))
    ) {
      given.add(key(finding));
      continue;
    }
    texts = next;
    analysis = after;
    applied.push(fix.title);
  }

  const changed = new Map([...texts].filter(([file, text]) => original.get(file) !== text));
  const edits = [...changed].map(([file, text]) => minimalEdit(file, original.get(file)!, text));
  return { applied, changed, edits, remaining: fixable(analysis, target).length, cancelled };
}

/** Applies edits (non-overlapping, against the same text) to a text. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  const sorted = edits
    .map((e) => ({ start: lines.offset(e.range.start), end: lines.offset(e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  for (const e of sorted) result = result.slice(0, e.start) + e.newText + result.slice(e.end);
  return result;
}

/**
 * The single edit that turns `before` into `after`: the changed span between their common prefix
 * and suffix, never splitting a `\r\n` pair or a surrogate pair.
 */
export function minimalEdit(file: string, before: string, after: string): TextEdit {
  const limit = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < limit && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  while (prefix > 0 && (splits(before, prefix) || splits(after, prefix))) prefix--;
  let suffix = 0;
  while (
    suffix < limit - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  )
    suffix++;
  while (suffix > 0 && (splits(before, before.length - suffix) || splits(after, after.length - suffix))) suffix--;
  const lines = new LineIndex(before);
  return {
    file,
    range: lines.range(prefix, before.length - suffix),
    newText: after.slice(prefix, after.length - suffix),
  };
}

/** True when `offset` falls inside a `\r\n` pair or a surrogate pair. */
function splits(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const previous = text.charCodeAt(offset - 1);
  const next = text.charCodeAt(offset);
  return (
    (previous === 13 && next === 10) || (previous >= 0xd800 && previous <= 0xdbff && next >= 0xdc00 && next <= 0xdfff)
  );
}

async function analyse(analyzer: Analyzer, target: string, texts: Map<string, string>): Promise<Analysis> {
  if (sourceKindOf(target) === 'terraform') {
    return analyzer.analyzeTerraformModule(
      moduleDirOf(target),
      [...texts].map(([path, text]) => ({ path, text })),
    );
  }
  return analyzer.analyzeCloudFormation(target, texts.get(target) ?? '');
}

function fixable(analysis: Analysis, target: string): Finding[] {
  return analysis.findings.filter((f) => f.file === target && f.fixable);
}

function parseErrors(analysis: Analysis): number {
  return analysis.findings.filter((f) => f.ruleId === PARSE_ERROR_RULE_ID).length;
}

function count(analysis: Analysis, target: string, wanted: string): number {
  return fixable(analysis, target).filter((f) => key(f) === wanted).length;
}

function key(f: Finding): string {
  return `${f.ruleId}\u0000${f.resource}\u0000${f.message}`;
}
