/**
 * Fixes that respect how the template is parameterised. When an insecure value comes from the
 * default of a CloudFormation parameter or a Terraform variable that nothing else reads, the fix
 * changes that default and keeps the knob; otherwise it writes the value on the resource.
 */
import type { TextEdit } from '../../fixes/types';
import type { LiteralValue, ReferenceValue, Resource } from '../../iac/model';
import { lineIndexOf, setProperty } from '../../fixes/edits';
import type { RuleContext } from '../rule';
import { property } from './values';
import { countReadsOf } from './references';

export function setSecureValue(
  resource: Resource,
  context: RuleContext,
  name: string,
  value: boolean | number,
): TextEdit[] {
  const written = property(resource, name);
  if (written?.value.kind === 'reference') {
    const edit = editDefault(context, written.value, value);
    if (edit) return [edit];
  }
  return setProperty(resource, context, [name], value);
}

/**
 * What `setSecureValue` edits instead of the resource, when it edits a default: `the default of
 * parameter DbPublic`, `the default of var.public in variables.tf`; undefined when it writes on the resource.
 */
export function editedDefault(resource: Resource, context: RuleContext, name: string): string | undefined {
  const written = property(resource, name);
  if (written?.value.kind !== 'reference') return undefined;
  const edit = editDefault(context, written.value, true);
  if (!edit) return undefined;
  const target = written.value.target;
  if (context.unit.kind === 'cloudformation') return `the default of parameter ${target}`;
  return `the default of ${target} in ${edit.file.split(/[\\/]/).pop() ?? edit.file}`;
}

/** Replaces a literal in place, keeping its quotes (`"false"` → `"true"`, `false` → `true`). */
export function replaceLiteral(
  file: string,
  context: RuleContext,
  literal: LiteralValue,
  value: string | number | boolean,
): TextEdit[] {
  const text = context.text(file);
  if (text === undefined) return [];
  const lines = lineIndexOf(text);
  const start = lines.offset(literal.range.start);
  const end = lines.offset(literal.range.end);
  const quote = text[start];
  const word = String(value);
  const newText = quote === '"' || quote === "'" ? `${quote}${word}${quote}` : word;
  return [{ file, range: lines.range(start, end), newText }];
}

function editDefault(context: RuleContext, reference: ReferenceValue, value: boolean | number): TextEdit | undefined {
  const unit = context.unit;
  if (reference.attribute !== undefined) return undefined;
  // A default that something else reads too is left alone: changing it would change that as well.
  if (countReadsOf(context, reference.target, reference.target) !== 1) return undefined;
  // A value from a var file, `--var` or a caller is not the default written in the declaration:
  // that default is not in force, and the declaration may have none to edit.
  if (unit.kind === 'cloudformation') {
    const parameter = unit.parameters.find((p) => p.name === reference.target);
    return parameter?.default?.kind === 'literal' && !parameter.valueFrom
      ? replaceLiteral(unit.file, context, parameter.default, value)[0]
      : undefined;
  }
  if (!reference.target.startsWith('var.')) return undefined;
  const variable = unit.variables.find((v) => v.name === reference.target.slice(4));
  return variable?.default?.kind === 'literal' && !variable.valueFrom
    ? replaceLiteral(variable.file, context, variable.default, value)[0]
    : undefined;
}
