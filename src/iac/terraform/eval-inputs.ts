/**
 * A module's input variables, in Terraform's own precedence (later wins):
 *
 * 1. the variable's `default`;
 * 2. for a root module only: `terraform.tfvars`, `terraform.tfvars.json`, then every
 *    `*.auto.tfvars` and `*.auto.tfvars.json` in lexical order of their names;
 * 3. what the user names, in the order given: var files (`--var-file`, the editor setting
 *    `srlens.terraform.varFiles`) and `--var name=value` assignments.
 *
 * For a called module, the caller's arguments replace step 2 and 3. `TF_VAR_*` environment
 * variables are never read: a scan does not depend on the shell it runs in. A variable with no
 * value anywhere is unknown. Values from files and assignments are never echoed in messages: a
 * `sensitive` variable set there stays unknown to the rules.
 */
import { LineIndex } from '../line-index';
import type { InputSource, ParseDiagnostic, Range, TfVariable } from '../model';
import { BudgetError, evaluateSource, topLevelAttributes, type Budget } from './eval-expressions';
import { type EV, fromJson, Unknown } from './eval-values';
import { fileName } from './eval-helpers';

/** A var file (absolute path) or a `name=value` assignment, as the user gave them. */
export type TerraformInput = { file: string } | { name: string; value: string };

/** Where the evaluator may read files: only inside the scanned roots (the host decides). */
export interface TerraformHost {
  /** The text of a file, undefined when it does not exist or may not be read. */
  readFile?(path: string): Promise<string | undefined>;
  /** The names (not paths) of the files in a folder, undefined when it cannot be listed. */
  listFiles?(dir: string): Promise<string[] | undefined>;
  /** A file's size in bytes, so that a huge var file is never read whole; undefined when unknown. */
  fileSize?(path: string): Promise<number | undefined>;
}

/** Largest var file read (larger ones are skipped with an info finding). */
export const MAX_VAR_FILE_BYTES = 2_000_000;
/** Most assignments read from one var file. */
export const MAX_VAR_FILE_ASSIGNMENTS = 10_000;

export interface InputValue {
  value: EV;
  /** Set when the value comes from a file or an assignment rather than the default. */
  from?: string;
  /** The same, for messages: the var file's name, or `--var name` (a caller's input names its call). */
  source?: InputSource;
  /** Where in `from` the value is assigned (`name = value` in a var file, the caller's argument). */
  range?: Range;
}

/** The var files Terraform reads by itself in a root module's folder, in its order. */
export function automaticVarFiles(names: string[]): string[] {
  const auto = names.filter((n) => n.endsWith('.auto.tfvars') || n.endsWith('.auto.tfvars.json')).sort();
  return [
    ...['terraform.tfvars', 'terraform.tfvars.json'].filter((n) => names.includes(n)),
    ...auto.filter((n) => n !== 'terraform.tfvars' && n !== 'terraform.tfvars.json'),
  ];
}

/** The assignments of one var file (HCL or JSON), each evaluated as a constant. */
export function readVarFile(
  file: string,
  text: string,
  budget: Budget,
  diagnostics: ParseDiagnostic[],
  /** Filled with where each assignment is (`name = value`; the key in a JSON file). */
  ranges?: Map<string, Range>,
): Map<string, EV> {
  const values = new Map<string, EV>();
  const info = (message: string) =>
    diagnostics.push({
      file,
      severity: 'info',
      message,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    });
  if (text.length > MAX_VAR_FILE_BYTES) {
    info(
      `This var file is larger than ${MAX_VAR_FILE_BYTES} characters and was not read: the variables it sets are unknown.`,
    );
    return values;
  }
  if (file.toLowerCase().endsWith('.json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      info('This var file is not valid JSON and was not read: the variables it sets are unknown.');
      return values;
    }
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      let n = 0;
      const lines = ranges ? new LineIndex(text) : undefined;
      for (const [name, value] of Object.entries(parsed as Record<string, unknown>)) {
        if (++n > MAX_VAR_FILE_ASSIGNMENTS) break;
        values.set(name, fromJson(value));
        // The key as written (the first occurrence of its JSON string: top-level keys come first in practice).
        const key = JSON.stringify(name);
        const at = text.indexOf(key);
        if (lines && at !== -1) ranges?.set(name, lines.range(at, at + key.length));
      }
    }
    return values;
  }
  const attributes = topLevelAttributes(text);
  if (attributes.length > MAX_VAR_FILE_ASSIGNMENTS)
    info(`This var file sets more than ${MAX_VAR_FILE_ASSIGNMENTS} variables; only the first ones were read.`);
  const lines = new LineIndex(text);
  const constant = { variable: () => new Unknown('var'), local: () => new Unknown('local'), budget };
  for (const attribute of attributes.slice(0, MAX_VAR_FILE_ASSIGNMENTS)) {
    const source = text.slice(attribute.start, attribute.end);
    ranges?.set(attribute.name, lines.range(attribute.nameStart, attribute.end));
    try {
      values.set(attribute.name, evaluateSource({ source, offset: attribute.start, lines }, constant));
    } catch (error) {
      if (!(error instanceof BudgetError)) throw error;
      values.set(attribute.name, new Unknown(attribute.name));
    }
  }
  return values;
}

/** `--var name=value`: a string, unless it is written as an HCL list or object (`[…]`, `{…}`). */
export function assignmentValue(value: string, budget: Budget): EV {
  const trimmed = value.trim();
  if (!trimmed.startsWith('[') && !trimmed.startsWith('{')) return value;
  const lines = new LineIndex(trimmed);
  const constant = { variable: () => new Unknown('var'), local: () => new Unknown('local'), budget };
  try {
    return evaluateSource({ source: trimmed, offset: 0, lines }, constant);
  } catch {
    return new Unknown(value);
  }
}

/**
 * The values of a root module's variables: defaults, then the automatic var files, then the
 * user's inputs. `defaultOf` evaluates a variable's default.
 */
export async function rootInputs(
  dir: string,
  variables: TfVariable[],
  defaultOf: (variable: TfVariable) => EV,
  inputs: readonly TerraformInput[],
  host: TerraformHost,
  budget: Budget,
  diagnostics: ParseDiagnostic[],
): Promise<Map<string, InputValue>> {
  const values = new Map<string, InputValue>();
  for (const variable of variables) {
    if (variable.default !== undefined) values.set(variable.name, { value: defaultOf(variable) });
  }
  const declared = new Map(variables.map((v) => [v.name, v]));
  const apply = (assignments: Map<string, EV>, from: string, source: InputSource, ranges?: Map<string, Range>) => {
    for (const [name, value] of assignments) {
      const variable = declared.get(name);
      if (!variable) continue; // Terraform warns about undeclared variables in files and ignores them
      // A sensitive value set outside the module stays unknown: never shown, never judged.
      values.set(name, {
        value: variable.sensitive ? new Unknown(`var.${name}`) : value,
        from,
        source,
        range: ranges?.get(name),
      });
    }
  };
  const readAssignments = (file: string, text: string) => {
    const ranges = new Map<string, Range>();
    apply(readVarFile(file, text, budget, diagnostics, ranges), file, { kind: 'file', name: fileName(file) }, ranges);
  };
  const read = async (file: string): Promise<string | undefined> => {
    const size = await host.fileSize?.(file);
    if (size !== undefined && size > MAX_VAR_FILE_BYTES * 4) return ' '.repeat(MAX_VAR_FILE_BYTES + 1);
    return host.readFile?.(file);
  };
  const names = (await host.listFiles?.(dir)) ?? [];
  for (const name of automaticVarFiles(names)) {
    const file = joinPath(dir, name);
    const text = await read(file);
    if (text !== undefined) readAssignments(file, text);
  }
  for (const input of inputs) {
    if ('file' in input) {
      const text = await read(input.file);
      if (text === undefined) {
        diagnostics.push({
          file: input.file,
          severity: 'warning',
          message: 'This var file cannot be read: the variables it sets are unknown.',
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        });
        continue;
      }
      readAssignments(input.file, text);
    } else {
      const name = `--var ${input.name}`;
      apply(new Map([[input.name, assignmentValue(input.value, budget)]]), name, { kind: 'command-line', name });
    }
  }
  return values;
}

export function joinPath(dir: string, name: string): string {
  const separator = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  return dir.endsWith('/') || dir.endsWith('\\') ? `${dir}${name}` : `${dir}${separator}${name}`;
}

/** `a/b/../c/./d` → `a/c/d` (forward or back slashes, as the folder was named). */
export function normalizeDir(dir: string): string {
  const separator = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  const absolute = dir.startsWith('/');
  const parts: string[] = [];
  for (const part of dir.split(/[\\/]/)) {
    if (part === '' || part === '.') continue;
    if (part === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else parts.push(part);
  }
  const joined = parts.join(separator);
  return absolute ? `/${joined}` : joined || '.';
}
