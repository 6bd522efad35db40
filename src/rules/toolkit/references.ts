/**
 * Who reads what in a template or module: used by fixes to decide whether a parameter, variable or
 * attribute can be changed without affecting something else that reads it.
 */
import type { IacUnit, Value } from '../../iac/model';
import type { RuleContext } from '../rule';

/** Every value tree of the unit that can read a parameter or variable: resource properties, and in Terraform outputs, locals, module calls and data sources. */
export function unitValues(unit: IacUnit): Value[] {
  const values: Value[] = unit.resources.map((r) => r.properties);
  if (unit.kind === 'terraform') {
    values.push(...unit.outputs.flatMap((o) => (o.value ? [o.value] : [])));
    values.push(
      ...unit.locals.map((l) => l.value),
      ...unit.moduleCalls.map((m) => m.properties),
      ...unit.dataSources.map((d) => d.properties),
    );
  }
  return values;
}

/** Every read of the unit, gathered in one walk (see `countReadsOf`). */
interface ReadIndex {
  /** The attribute of each reference (undefined for none), by the reference's target. */
  references: Map<string, (string | undefined)[]>;
  /** The text of every expression kept as text (`Fn::Sub`, `"${var.x}"`), once per occurrence. */
  texts: string[];
  /** Text counts already asked for, by the text looked for. */
  counts: Map<string, number>;
  /** The texts split at dots, and where each piece between two dots occurs: built when first needed. */
  pieces?: { split: string[][]; at: Map<string, [number, number][]> };
}

function readIndex(context: RuleContext): ReadIndex {
  return context.memo('references:reads', () => {
    const index: ReadIndex = { references: new Map(), texts: [], counts: new Map() };
    const visit = (value: Value, depth: number): void => {
      if (depth > 64) return;
      switch (value.kind) {
        case 'reference': {
          const list = index.references.get(value.target);
          if (list) list.push(value.attribute);
          else index.references.set(value.target, [value.attribute]);
          return;
        }
        case 'map':
          for (const p of value.properties) visit(p.value, depth + 1);
          return;
        case 'list':
          for (const item of value.items) visit(item, depth + 1);
          return;
        case 'unresolvable':
          if (value.args) visit(value.args, depth + 1);
          index.texts.push(value.text);
          return;
        default:
          return;
      }
    };
    for (const value of unitValues(context.unit)) visit(value, 0);
    return index;
  });
}

/**
 * How many places read `target` (a parameter name, `var.x`, or `aws_db_instance.db.password`),
 * optionally only references whose attribute `attributeMatches`: references, and `text` inside
 * expressions kept as text (`!Sub "${Param}"`, `"${var.x}"`). A read may be counted twice (in a
 * function's arguments and its text), which only makes callers more careful. Answered from an index
 * of the unit's reads built once per unit: linear however many resources ask.
 */
export function countReadsOf(
  context: RuleContext,
  target: string,
  text: string,
  attributeMatches: (attribute: string | undefined) => boolean = () => true,
): number {
  const index = readIndex(context);
  let count = 0;
  for (const attribute of index.references.get(target) ?? []) if (attributeMatches(attribute)) count++;
  const needle = context.unit.kind === 'cloudformation' ? `\${${text}}` : text;
  let texts = index.counts.get(needle);
  if (texts === undefined) {
    texts = textsContaining(index, needle);
    index.counts.set(needle, texts);
  }
  return count + texts;
}

/** How many of the index's texts contain `needle`. */
function textsContaining(index: ReadIndex, needle: string): number {
  const parts = needle.split('.');
  if (parts.length < 3) return index.texts.filter((t) => t.includes(needle)).length;
  // `a.b.c` occurs in a text exactly where a piece between two dots is `b`, the piece before it
  // ends with `a` and the piece after it starts with `c`: look `b` up instead of scanning every text.
  if (!index.pieces) {
    const split = index.texts.map((t) => t.split('.'));
    const at = new Map<string, [number, number][]>();
    split.forEach((pieces, t) =>
      pieces.forEach((piece, i) => {
        if (i === 0 || i === pieces.length - 1) return;
        const list = at.get(piece);
        if (list) list.push([t, i]);
        else at.set(piece, [[t, i]]);
      }),
    );
    index.pieces = { split, at };
  }
  const { split, at } = index.pieces;
  const last = parts.length - 1;
  const found = new Set<number>();
  for (const [t, i] of at.get(parts[1]) ?? []) {
    const pieces = split[t];
    if (i + last - 1 >= pieces.length) continue;
    if (!pieces[i - 1].endsWith(parts[0]) || !pieces[i + last - 1].startsWith(parts[last])) continue;
    let middle = true;
    for (let j = 2; j < last && middle; j++) middle = pieces[i + j - 1] === parts[j];
    if (middle) found.add(t);
  }
  return found.size;
}
