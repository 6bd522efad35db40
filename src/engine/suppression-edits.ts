/**
 * The text edits that record an accountable suppression for one rule on one resource, in the
 * file's own style (see suppressions.ts for how they are read back):
 *
 * - CloudFormation YAML and Terraform: a `# srlens-ignore <rule-id> <reason>` line above the
 *   resource, indented like the resource's first line. A reasonless suppression of the same rule
 *   already sitting there gets the reason instead of a second line.
 * - CloudFormation JSON: `"Metadata": { "srlens": { "ignore": [ { "rule", "reason" } ] } }` on the
 *   resource, merged into whatever Metadata / srlens / ignore already holds, in the file's
 *   indentation and line endings.
 *
 * An expiry date, when given, is written too (`expires=YYYY-MM-DD` after the rule id; `expires` in
 * the Metadata entry).
 *
 * Pure: text in, edits out; the editor asks for the reason (and the optional expiry) and applies them.
 */
import type { TextEdit } from '../fixes/types';
import * as jsonc from 'jsonc-parser';
import { LineIndex } from '../iac/line-index';
import type { Resource, Value } from '../iac/model';
import { getPath } from '../iac/model';
import { isIsoDate } from './suppressions';

/** The longest reason written; longer ones are cut (a suppression reason is a sentence, not an essay). */
export const MAX_REASON_LENGTH = 500;

/**
 * A reason as it can be written on one comment line or in one JSON string: line breaks, other
 * control characters and runs of white space become one space; trimmed; at most MAX_REASON_LENGTH.
 */
export function cleanReason(reason: string): string {
  const flat = reason
    // eslint-disable-next-line no-control-regex -- control characters are what this removes
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > MAX_REASON_LENGTH ? flat.slice(0, MAX_REASON_LENGTH).trimEnd() : flat;
}

export type SuppressionEditResult = { edits: TextEdit[] } | { error: string };

/**
 * Edits that suppress `ruleId` for `resource`, given the current text of the resource's file.
 * Returns an error (for the user) when the reason is empty, the rule id is not a single word,
 * or the JSON structure cannot take the entry (a `Metadata` that is not an object, for example).
 */
export function suppressionEdits(
  resource: Resource,
  ruleId: string,
  reason: string,
  text: string,
  options: { expires?: string } = {},
): SuppressionEditResult {
  const why = cleanReason(reason);
  if (!why) return { error: 'A suppression needs a reason: say why this finding does not apply here.' };
  if (!/^[^\s]+$/.test(ruleId)) return { error: `'${ruleId}' is not a rule id.` };
  const expires = options.expires?.trim() || undefined;
  if (expires !== undefined && !isIsoDate(expires))
    return { error: `'${expires}' is not a date: write the last day the suppression holds as YYYY-MM-DD.` };
  return resource.syntax === 'cloudformation-json'
    ? jsonEdits(resource, ruleId, why, text, expires)
    : commentEdits(resource, ruleId, why, text, expires);
}

/**
 * The same suppression with its reason left for the user to write, for an editor that cannot ask
 * for one (the language server's code action: the protocol has no input box). Until the reason is
 * written it does not apply, and the engine reports it (`suppression-without-reason`) where the
 * reason goes.
 */
export function pendingSuppressionEdits(resource: Resource, ruleId: string, text: string): SuppressionEditResult {
  if (!/^[^\s]+$/.test(ruleId)) return { error: `'${ruleId}' is not a rule id.` };
  return resource.syntax === 'cloudformation-json'
    ? jsonEdits(resource, ruleId, '', text, undefined)
    : commentEdits(resource, ruleId, '', text, undefined);
}

// --- comments (YAML, HCL) -------------------------------------------------------------------

const REASONLESS = /^([ \t]*)(#|\/\/)[ \t]*srlens-ignore[ \t]+([^\s]+)[ \t]*\r?$/;

function commentEdits(
  resource: Resource,
  ruleId: string,
  reason: string,
  text: string,
  expires: string | undefined,
): SuppressionEditResult {
  const lines = new LineIndex(text);
  const line = resource.range.start.line;
  const lineStart = lines.offset({ line, character: 0 });
  const indent = /^[ \t]*/.exec(text.slice(lineStart, lineStart + 200))![0];
  const comment = reason
    ? `srlens-ignore ${ruleId} ${expires ? `expires=${expires} ` : ''}${reason}`
    : `srlens-ignore ${ruleId}`;

  // A reasonless `srlens-ignore <rule>` among the comment lines right above: give it the reason.
  for (let above = line - 1; above >= 0; above--) {
    const start = lines.offset({ line: above, character: 0 });
    const end = lineEnd(text, start);
    const content = text.slice(start, end);
    if (!/^[ \t]*(#|\/\/)/.test(content)) break;
    const match = REASONLESS.exec(content);
    if (match && match[3] === ruleId) {
      return {
        edits: [{ file: resource.file, range: lines.range(start, end), newText: `${match[1]}${match[2]} ${comment}` }],
      };
    }
  }

  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const at = lines.range(lineStart, lineStart);
  return { edits: [{ file: resource.file, range: at, newText: `${indent}# ${comment}${eol}` }] };
}

/** The end of the line starting at `start`, before any `\r\n` or `\n`. */
function lineEnd(text: string, start: number): number {
  const newline = text.indexOf('\n', start);
  const end = newline === -1 ? text.length : newline;
  return end > start && text[end - 1] === '\r' ? end - 1 : end;
}

// --- CloudFormation JSON ------------------------------------------------------------------------

function jsonEdits(
  resource: Resource,
  ruleId: string,
  reason: string,
  text: string,
  expires: string | undefined,
): SuppressionEditResult {
  const base: jsonc.JSONPath = ['Resources', resource.id];
  const root = jsonc.parseTree(text);
  const node = root && jsonc.findNodeAtLocation(root, base);
  if (!node || node.type !== 'object') return { error: `Resource '${resource.id}' was not found in this template.` };

  const metadata = jsonc.findNodeAtLocation(root, [...base, 'Metadata']);
  if (metadata && metadata.type !== 'object')
    return { error: `The Metadata of '${resource.id}' is not an object, so a suppression cannot be added to it.` };
  const srlens = jsonc.findNodeAtLocation(root, [...base, 'Metadata', 'srlens']);
  if (srlens && srlens.type !== 'object')
    return { error: `Metadata.srlens of '${resource.id}' is not an object, so a suppression cannot be added to it.` };
  const ignore = jsonc.findNodeAtLocation(root, [...base, 'Metadata', 'srlens', 'ignore']);
  if (ignore && ignore.type !== 'array')
    return {
      error: `Metadata.srlens.ignore of '${resource.id}' is not a list, so a suppression cannot be added to it.`,
    };

  // An entry for the same rule without a reason: give it the reason rather than adding another.
  const reasonless = reasonlessEntry(resource, ruleId);
  const entry = expires ? { rule: ruleId, reason, expires } : { rule: ruleId, reason };
  const path: jsonc.JSONPath =
    reasonless === undefined
      ? [...base, 'Metadata', 'srlens', 'ignore', -1]
      : expires
        ? [...base, 'Metadata', 'srlens', 'ignore', reasonless]
        : [...base, 'Metadata', 'srlens', 'ignore', reasonless, 'reason'];
  const value = reasonless === undefined || expires ? entry : reason;
  let result: jsonc.EditResult;
  try {
    result = jsonc.modify(text, path, value, { formattingOptions: formattingOf(text) });
  } catch (error) {
    return {
      error: `A suppression cannot be added to '${resource.id}': ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  const lines = new LineIndex(text);
  return {
    edits: result.map((e) => ({
      file: resource.file,
      range: lines.range(e.offset, e.offset + e.length),
      newText: e.content,
    })),
  };
}

function reasonlessEntry(resource: Resource, ruleId: string): number | undefined {
  const ignore = getPath(resource.metadata, 'srlens', 'ignore')?.value;
  if (ignore?.kind !== 'list') return undefined;
  const index = ignore.items.findIndex(
    (item) =>
      item.kind === 'map' &&
      literal(getPath(item, 'rule')?.value) === ruleId &&
      literal(getPath(item, 'reason')?.value).trim() === '',
  );
  return index === -1 ? undefined : index;
}

function literal(value: Value | undefined): string {
  return value?.kind === 'literal' && value.value !== null ? String(value.value) : '';
}

/** The file's own indentation (tabs or n spaces) and line ending. */
function formattingOf(text: string): jsonc.FormattingOptions {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let smallest = 0;
  for (const match of text.matchAll(/\n([ \t]+)\S/g)) {
    if (match[1].startsWith('\t')) return { insertSpaces: false, tabSize: 4, eol };
    if (smallest === 0 || match[1].length < smallest) smallest = match[1].length;
    if (smallest === 1) break;
  }
  return { insertSpaces: true, tabSize: smallest === 0 ? 2 : Math.min(smallest, 8), eol };
}
