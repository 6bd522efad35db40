/**
 * Bounds the heap of a one-pass scan (`srlens scan`).
 *
 * A scan keeps only findings, so what it holds stays small (about 30 MB on the 1,400 files of a
 * public corpus), but V8 lets its old generation fill with a scan's garbage before it collects:
 * about three times what is live before the first full collection of a large run. Between two
 * templates or modules, when the heap in use has grown past `floor` and past `growth` times what
 * was live after the last collection here, a full collection is made. The peak memory of a scan of
 * many files then follows what it holds; a scan of one file never pays for it (nothing is called
 * before the first unit or after the last, see `AnalyzerOptions.betweenUnits`).
 *
 * V8 collects only when asked through its `gc` function, which is given to a new context when the
 * `--expose-gc` flag is set. The flag is set just long enough to make one such context and is then
 * cleared, so that nothing else the process runs sees it.
 */
import type * as V8 from 'node:v8';
import type * as Vm from 'node:vm';

// Loaded on the first call, which a scan of one file never makes: loading them costs every start.
let v8: typeof V8 | undefined;
const heapApi = (): typeof V8 => (v8 ??= require('node:v8') as typeof V8);

export interface HeapBoundOptions {
  /** Below this many bytes in use, nothing is collected. */
  floor?: number;
  /** Collect when the heap in use is this many times what was live after the last collection. */
  growth?: number;
  /** The heap in use, in bytes (tests pass their own). */
  used?: () => number;
  /** A full collection (tests pass their own). */
  collect?: () => void;
}

const DEFAULT_FLOOR = 40 * 2 ** 20;
const DEFAULT_GROWTH = 1.5;

/** A function to call between units: it collects when the heap has grown past the bound. */
export function heapBound(options: HeapBoundOptions = {}): () => void {
  const floor = options.floor ?? DEFAULT_FLOOR;
  const growth = options.growth ?? DEFAULT_GROWTH;
  const used = options.used ?? (() => heapApi().getHeapStatistics().used_heap_size);
  let collect = options.collect;
  let limit = floor;
  return () => {
    if (used() < limit) return;
    collect ??= fullCollection();
    collect();
    limit = Math.max(floor, used() * growth);
  };
}

/** V8's full collection, or nothing where it cannot be had (the bound then never collects). */
function fullCollection(): () => void {
  const { setFlagsFromString } = heapApi();
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = (require('node:vm') as typeof Vm).runInNewContext('gc');
    return typeof gc === 'function' ? () => (gc as () => void)() : () => undefined;
  } catch {
    return () => undefined;
  } finally {
    setFlagsFromString('--no-expose-gc');
  }
}
