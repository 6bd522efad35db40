/**
 * The fix tool's unified diff: exact output for the shapes an edit takes (insert, replace, delete,
 * two distant changes, a missing final newline, CRLF), and every case applied by `git apply`
 * reproduces the text after.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unifiedDiff } from '../../../src/mcp/unified-diff';

const lines = (n: number, from = 1) => Array.from({ length: n }, (_, i) => `line ${i + from}`);

const CASES: { name: string; before: string; after: string; diff: string }[] = [
  { name: 'identical', before: 'a\nb\n', after: 'a\nb\n', diff: '' },
  {
    name: 'an insert in the middle',
    before: 'a\nb\nc\nd\n',
    after: 'a\nb\nnew\nc\nd\n',
    diff: '--- a/f\n+++ b/f\n@@ -1,4 +1,5 @@\n a\n b\n+new\n c\n d\n',
  },
  {
    name: 'a replaced line with three lines of context',
    before: `${lines(9).join('\n')}\n`,
    after: `${lines(9)
      .map((l) => (l === 'line 5' ? 'five' : l))
      .join('\n')}\n`,
    diff: '--- a/f\n+++ b/f\n@@ -2,7 +2,7 @@\n line 2\n line 3\n line 4\n-line 5\n+five\n line 6\n line 7\n line 8\n',
  },
  {
    name: 'two distant changes make two hunks',
    before: `${lines(20).join('\n')}\n`,
    after: `${['first', ...lines(18, 2), 'last'].join('\n')}\n`,
    diff:
      '--- a/f\n+++ b/f\n@@ -1,4 +1,4 @@\n-line 1\n+first\n line 2\n line 3\n line 4\n' +
      '@@ -17,4 +17,4 @@\n line 17\n line 18\n line 19\n-line 20\n+last\n',
  },
  {
    name: 'a deletion at the end',
    before: 'a\nb\nc\n',
    after: 'a\n',
    diff: '--- a/f\n+++ b/f\n@@ -1,3 +1,1 @@\n a\n-b\n-c\n',
  },
  {
    name: 'a file without a final newline gains a line',
    before: 'a\nb',
    after: 'a\nb\nc\n',
    diff: '--- a/f\n+++ b/f\n@@ -1,2 +1,3 @@\n a\n-b\n\\ No newline at end of file\n+b\n+c\n',
  },
  {
    name: 'CRLF lines keep their carriage returns',
    before: 'a\r\nb\r\n',
    after: 'a\r\nx\r\nb\r\n',
    diff: '--- a/f\n+++ b/f\n@@ -1,2 +1,3 @@\n a\r\n+x\r\n b\r\n',
  },
  {
    name: 'into an empty file',
    before: '',
    after: 'a\n',
    diff: '--- a/f\n+++ b/f\n@@ -0,0 +1,1 @@\n+a\n',
  },
];

describe('unifiedDiff', () => {
  for (const c of CASES) it(c.name, () => assert.equal(unifiedDiff('f', c.before, c.after), c.diff));

  it('git apply turns each text before into the text after', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'srlens-udiff-'));
    try {
      execFileSync('git', ['init', '-q'], { cwd: dir });
      for (const c of CASES.filter((c) => c.diff !== '')) {
        writeFileSync(path.join(dir, 'f'), c.before);
        writeFileSync(path.join(dir, 'p.patch'), c.diff);
        execFileSync('git', ['apply', '--whitespace=nowarn', 'p.patch'], { cwd: dir });
        assert.equal(readFileSync(path.join(dir, 'f'), 'utf8'), c.after, c.name);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
