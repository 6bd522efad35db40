/**
 * A unified diff (`diff -u`, as `git apply` and `patch -p1` read it) of one file's text before and
 * after: the lines between the common head and tail are compared by longest common subsequence,
 * and changes closer than twice the context are joined into one hunk. Pure.
 */

const CONTEXT = 3;
/** Above this many line pairs to compare, the changed middle is shown as one replacement. */
const MAX_COMPARISONS = 4_000_000;

type Op = { kind: ' ' | '-' | '+'; line: string; oldNo: number; newNo: number };

/** A last line without a newline ends in NO_NEWLINE, so that it differs from the same line with one. */
const NO_NEWLINE = '\u0000';

function lines(text: string): string[] {
  if (text === '') return [];
  const all = text.split('\n');
  if (all.at(-1) === '') all.pop();
  else all[all.length - 1] += NO_NEWLINE;
  return all;
}

/** The edit script between two line lists: common lines, removals and additions, in order. */
function script(a: string[], b: string[]): Op[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const ops: Op[] = [];
  for (let i = 0; i < head; i++) ops.push({ kind: ' ', line: a[i], oldNo: i, newNo: i });
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  if (midA.length * midB.length > MAX_COMPARISONS) {
    midA.forEach((line, i) => ops.push({ kind: '-', line, oldNo: head + i, newNo: head }));
    midB.forEach((line, j) => ops.push({ kind: '+', line, oldNo: head + midA.length, newNo: head + j }));
  } else {
    // lcs[i][j]: the longest common subsequence of midA[i..] and midB[j..].
    const n = midA.length;
    const m = midB.length;
    const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--)
      for (let j = m - 1; j >= 0; j--)
        lcs[i][j] = midA[i] === midB[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && midA[i] === midB[j]) {
        ops.push({ kind: ' ', line: midA[i], oldNo: head + i, newNo: head + j });
        i++;
        j++;
      } else if (j < m && (i === n || lcs[i][j + 1] > lcs[i + 1][j])) {
        ops.push({ kind: '+', line: midB[j], oldNo: head + i, newNo: head + j });
        j++;
      } else {
        ops.push({ kind: '-', line: midA[i], oldNo: head + i, newNo: head + j });
        i++;
      }
    }
  }
  for (let k = tail; k > 0; k--)
    ops.push({ kind: ' ', line: a[a.length - k], oldNo: a.length - k, newNo: b.length - k });
  return ops;
}

/** `--- a/<name>` … for one file; '' when the texts are equal. `name` is the path shown (posix, relative). */
export function unifiedDiff(name: string, before: string, after: string): string {
  if (before === after) return '';
  const a = lines(before);
  const b = lines(after);
  const ops = script(a, b);
  const out = [`--- a/${name}`, `+++ b/${name}`];
  const changed = ops.map((op, k) => (op.kind !== ' ' ? k : -1)).filter((k) => k >= 0);
  let k = 0;
  while (k < changed.length) {
    let end = k;
    while (end + 1 < changed.length && changed[end + 1] - changed[end] <= 2 * CONTEXT) end++;
    const from = Math.max(0, changed[k] - CONTEXT);
    const to = Math.min(ops.length - 1, changed[end] + CONTEXT);
    const hunk = ops.slice(from, to + 1);
    const oldCount = hunk.filter((op) => op.kind !== '+').length;
    const newCount = hunk.filter((op) => op.kind !== '-').length;
    const oldStart = oldCount === 0 ? hunk[0].oldNo : hunk.find((op) => op.kind !== '+')!.oldNo + 1;
    const newStart = newCount === 0 ? hunk[0].newNo : hunk.find((op) => op.kind !== '-')!.newNo + 1;
    out.push(`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@`);
    for (const op of hunk) {
      if (op.line.endsWith(NO_NEWLINE)) out.push(`${op.kind}${op.line.slice(0, -1)}`, '\\ No newline at end of file');
      else out.push(`${op.kind}${op.line}`);
    }
    k = end + 1;
  }
  return `${out.join('\n')}\n`;
}
