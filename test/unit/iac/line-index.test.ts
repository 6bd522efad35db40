/**
 * LineIndex remembers the last line it found (readers walk forwards); whatever the order of the
 * questions, its answers must be those of a plain count of the new lines before the offset.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { LineIndex } from '../../../src/iac/line-index';

function counted(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, Math.max(0, offset));
  const line = before.split('\n').length - 1;
  const lineStart = line === 0 ? 0 : before.lastIndexOf('\n') + 1;
  return { line, character: offset - lineStart };
}

describe('LineIndex', () => {
  it('answers forwards, backwards and at random as a count of new lines does', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', '\n', '\r', ' '), maxLength: 80 });
    fc.assert(
      fc.property(
        text,
        fc.array(fc.nat(90), { maxLength: 40 }),
        fc.constantFrom('asc', 'desc', 'any'),
        (t, raw, order) => {
          const offsets = raw.map((o) => Math.min(o, t.length));
          if (order === 'asc') offsets.sort((a, b) => a - b);
          if (order === 'desc') offsets.sort((a, b) => b - a);
          const index = new LineIndex(t);
          for (const offset of offsets)
            assert.deepEqual(index.position(offset), counted(t, offset), `offset ${offset}`);
        },
      ),
      { seed: 5, numRuns: 500 },
    );
  });

  it('puts a CR before a LF on its line and a position past the end on the last line', () => {
    const index = new LineIndex('ab\r\ncd\n');
    assert.deepEqual(index.position(2), { line: 0, character: 2 });
    assert.deepEqual(index.position(4), { line: 1, character: 0 });
    assert.deepEqual(index.position(0), { line: 0, character: 0 });
    assert.deepEqual(index.position(7), { line: 2, character: 0 });
    assert.deepEqual(index.range(5, 3), { start: { line: 1, character: 1 }, end: { line: 1, character: 1 } });
  });
});
