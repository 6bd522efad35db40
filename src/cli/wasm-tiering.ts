/**
 * How V8 compiles tree-sitter's WebAssembly for one `srlens scan`.
 *
 * V8 runs WebAssembly first as baseline code, and recompiles a function that turns hot with its
 * optimising compiler on a background thread. tree-sitter's parse loop turns hot within the first
 * few kilobytes of Terraform, and optimising it takes V8 60–120 ms; Node lets a process end only
 * once its background compilations have. A scan of a few small `.tf` files (a pre-commit hook's)
 * is done before that and then waits for code it no longer needs: about 60 ms of a 200 ms run.
 *
 * So a scan with less Terraform than `SMALL_TERRAFORM_TEXT` loads the grammar with a tiering
 * budget no function reaches: its parse stays baseline code, a third slower, a few milliseconds
 * at that size. V8 reads the budget when it compiles the grammar's modules, so it is set back at
 * once, to the version's own default: V8 checks the CLI's compile cache (launcher.ts) against the
 * flags that differ from their defaults, and a flag left otherwise would make it reject the cache
 * at every run.
 */
import type * as V8 from 'node:v8';

/** Below this much Terraform text (UTF-16 code units) in a scan, tree-sitter stays baseline code. */
export const SMALL_TERRAFORM_TEXT = 32 * 1024;

/** V8's own budget, by major version (`node --v8-options` of Node 20, 22 and 24). */
const DEFAULT_BUDGETS: Readonly<Record<number, number>> = { 11: 1_800_000, 12: 13_000_000, 13: 13_000_000 };

/** A budget no function reaches (V8 counts it down as a function runs). */
const OUT_OF_REACH = 2_000_000_000;

export type SetFlags = (flags: string) => void;

const setV8Flags: SetFlags = (flags) => (require('node:v8') as typeof V8).setFlagsFromString(flags);

/**
 * V8's default tiering budget in this version, when known: the budget can then be set back
 * exactly. V8 prints an error for a flag it does not know, so any other version is left as it is,
 * which only costs time.
 */
export function defaultTieringBudget(v8Version: string = process.versions.v8): number | undefined {
  return DEFAULT_BUDGETS[Number(v8Version.split('.')[0])];
}

/**
 * Loads the Terraform grammar (`load`) for a scan that parses `size` code units of Terraform:
 * below `SMALL_TERRAFORM_TEXT`, with a budget no function reaches, set back to V8's default before
 * this returns. True when the grammar was loaded that way. A failing load is the caller's to report.
 */
export async function loadGrammarForScan(
  size: number,
  load: () => Promise<void>,
  setFlags: SetFlags = setV8Flags,
  v8Version?: string,
): Promise<boolean> {
  const usual = defaultTieringBudget(v8Version);
  const small = usual !== undefined && size > 0 && size < SMALL_TERRAFORM_TEXT;
  if (small) setFlags(`--wasm-tiering-budget=${OUT_OF_REACH}`);
  try {
    await load();
  } finally {
    if (small) setFlags(`--wasm-tiering-budget=${usual}`);
  }
  return small;
}
