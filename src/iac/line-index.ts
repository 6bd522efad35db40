import type { Position, Range } from './model';

/**
 * Maps string offsets (UTF-16 code units) to 0-based line/character positions.
 * Lines end at `\n`; a `\r` before it stays on its line, so CRLF files keep exact columns.
 */
export class LineIndex {
  private readonly lineStarts: number[] = [0];
  /** The line `position` found last. */
  private lastLine = 0;

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  position(offset: number): Position {
    // Readers walk a text forwards: the answer is usually the last line found, or the next.
    let line = this.lastLine;
    if (!this.holds(line, offset)) {
      line = this.holds(line + 1, offset) ? line + 1 : this.search(offset);
      this.lastLine = line;
    }
    return { line, character: offset - this.lineStarts[line] };
  }

  /** Whether `line` exists and holds `offset`. */
  private holds(line: number, offset: number): boolean {
    const starts = this.lineStarts;
    return line < starts.length && starts[line] <= offset && (line + 1 === starts.length || offset < starts[line + 1]);
  }

  /** The line holding `offset`, by binary search. */
  private search(offset: number): number {
    const starts = this.lineStarts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(Math.max(start, end)) };
  }

  offset(position: Position): number {
    const start = this.lineStarts[Math.min(Math.max(position.line, 0), this.lineStarts.length - 1)];
    return start + position.character;
  }
}
