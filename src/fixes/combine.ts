/**
 * Fixes that set several properties at once. Each `setProperty` call inserts one property, and
 * two new properties of one Terraform block are both inserted just before its closing brace: two
 * inserts at the same position, which editors apply in an order of their own. Joining them into
 * one edit keeps the result deterministic and in the order the fix asked for.
 */
import type { Position, Range } from '../iac/model';
import type { TextEdit } from './types';

function samePosition(a: Position, b: Position): boolean {
  return a.line === b.line && a.character === b.character;
}

function isInsertion(range: Range): boolean {
  return samePosition(range.start, range.end);
}

/**
 * Joins two inserted texts. When the block is written on one line (`{ name = "a" }`), each insert
 * is `<eol>  key = value<eol><indent>`: keep one line break between the two properties.
 */
function join(first: string, second: string): string {
  const tail = /(\r?\n)[ \t]*$/.exec(first);
  if (tail && second.startsWith(tail[1])) return first.slice(0, tail.index) + second;
  return first + second;
}

/** The edits, with inserts at the same position of the same file merged into one, in order. */
export function combineInsertions(edits: readonly TextEdit[]): TextEdit[] {
  const result: TextEdit[] = [];
  for (const edit of edits) {
    const index = result.findIndex(
      (e) =>
        e.file === edit.file &&
        isInsertion(e.range) &&
        isInsertion(edit.range) &&
        samePosition(e.range.start, edit.range.start),
    );
    if (index === -1) result.push(edit);
    else result[index] = { ...result[index], newText: join(result[index].newText, edit.newText) };
  }
  return result;
}
