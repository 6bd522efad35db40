/**
 * Who reads what in a template or module: used by fixes to decide whether a parameter, variable or
 * attribute can be changed without affecting something else that reads it.
 */
import type { IacUnit, Value } from '../../iac/model';

/** Every value tree of the unit that can read a parameter or variable: resource properties, and in Terraform outputs, locals, module calls and data sources. */
export function unitValues(unit: IacUnit): Value[] {
  const values: Value[] = unit.resources.map((r) => r.properties);
  if (unit.kind === 'terraform') {
    values.push(...unit.outputs.flatMap((o) => (o.value ? [o.value] : [])));
    values.push(...unit.locals.map((l) => l.value), ...unit.moduleCalls.map((m) => m.properties), ...unit.dataSources.map((d) => d.properties));
  }
  return values;
}

/**
 * How many places read `target` (a parameter name, `var.x`, or `aws_db_instance.db.password`):
 * references, and interpolations inside strings (`!Sub "${Param}"`, `"${var.x}"`). A read may be
 * counted twice (in a function's arguments and its text), which only makes callers more careful.
 */
export function countReads(unit: IacUnit, matches: (target: string, attribute: string | undefined) => boolean, text: string): number {
  let count = 0;
  const visit = (value: Value, depth: number): void => {
    if (depth > 64) return;
    switch (value.kind) {
      case 'reference':
        if (matches(value.target, value.attribute)) count++;
        return;
      case 'map':
        for (const p of value.properties) visit(p.value, depth + 1);
        return;
      case 'list':
        for (const item of value.items) visit(item, depth + 1);
        return;
      case 'unresolvable':
        if (value.args) visit(value.args, depth + 1);
        if (value.text.includes(unit.kind === 'cloudformation' ? `\${${text}}` : text)) count++;
        return;
      default:
        return;
    }
  };
  for (const value of unitValues(unit)) visit(value, 0);
  return count;
}
