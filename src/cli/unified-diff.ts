/**
 * A unified diff of two texts (`diff -u`; `git apply` reads it), for `srlens fix --dry-run`. Lines
 * are compared with Myers' O(ND) algorithm, which is fast when few lines change, as with fixes.
 */

/** Marks a last line without a newline, so it differs from the same line with one. */
const NO_NEWLINE = '\u0000';

/** `--- a/<name>`, `+++ b/<name>` and hunks with `context` lines around each change; empty when equal. */
export function unifiedDiff(name: string, before: string, after: string, context = 3): string {
  if (before === after) return '';
  const a = splitLines(before);
  const b = splitLines(after);
  const ops = diffLines(a, b);
  const out = [`--- a/${name}`, `+++ b/${name}`];
  let i = 0;
  while (i < ops.length) {
    while (i < ops.length && ops[i].kind === ' ') i++;
    if (i >= ops.length) break;
    const start = Math.max(0, i - context);
    let end = i;
    // One hunk while the next change is no more than 2 × context lines after the last one.
    for (;;) {
      while (end < ops.length && ops[end].kind !== ' ') end++;
      let next = end;
      while (next < ops.length && ops[next].kind === ' ') next++;
      if (next < ops.length && next - end <= 2 * context) end = next;
      else break;
    }
    const stop = Math.min(ops.length, end + context);
    const hunk = ops.slice(start, stop);
    const oldCount = hunk.filter((o) => o.kind !== '+').length;
    const newCount = hunk.filter((o) => o.kind !== '-').length;
    out.push(`@@ -${span(hunk[0].a, oldCount)} +${span(hunk[0].b, newCount)} @@`);
    for (const op of hunk) {
      const line = op.kind === '+' ? b[op.b] : a[op.a];
      if (line.endsWith(NO_NEWLINE)) out.push(`${op.kind}${line.slice(0, -1)}`, '\\ No newline at end of file');
      else out.push(`${op.kind}${line}`);
    }
    i = stop;
  }
  return `${out.join('\n')}\n`;
}

/** `start,count` with 1-based lines; an empty side names the line before it. */
function span(start: number, count: number): string {
  return `${count === 0 ? start : start + 1},${count}`;
}

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n').map((line) => line.replace(/\r$/, ''));
  if (text.endsWith('\n')) lines.pop();
  else lines[lines.length - 1] += NO_NEWLINE;
  return lines;
}

export interface DiffOp {
  kind: ' ' | '-' | '+';
  /** Line index in the old text: the line itself (' ', '-') or where an insertion falls ('+'). */
  a: number;
  /** Line index in the new text, likewise. */
  b: number;
}

/** The shortest edit script from `a` to `b` (Myers 1986). */
export function diffLines(a: readonly string[], b: readonly string[]): DiffOp[] {
  const n = a.length;
  const m = b.length;
  const offset = n + m + 1;
  const v = new Int32Array(2 * offset + 1);
  const trace: Int32Array[] = [];
  search: for (let d = 0; d <= n + m; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) break search;
    }
  }
  const ops: DiffOp[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const frontier = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && frontier[offset + k - 1] < frontier[offset + k + 1]) ? k + 1 : k - 1;
    const prevX = frontier[offset + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      ops.push({ kind: ' ', a: x, b: y });
    }
    if (d > 0) {
      if (x === prevX) ops.push({ kind: '+', a: x, b: y - 1 });
      else ops.push({ kind: '-', a: x - 1, b: y });
    }
    x = prevX;
    y = prevY;
  }
  return ops.reverse();
}
