/**
 * The Terraform evaluator's options, results and limits (documented in docs/reliability.md).
 */
import type { ParseResult, Range } from '../model';
import type { TerraformHost, TerraformInput } from './eval-inputs';

/** Most instances one `count`, `for_each` or `dynamic` block expands into. */
export const MAX_INSTANCES = 1000;
/** Most resource instances one module (with the modules it calls) expands into. */
export const MAX_MODULE_INSTANCES = 20_000;
/** How deep module calls are followed. */
export const MAX_MODULE_DEPTH = 8;
/** Evaluation steps per root module (every expression, instance and called module together). */
export const EVALUATION_BUDGET = 5_000_000;

export interface TerraformEvaluationOptions extends TerraformHost {
  /** Var files and `--var` assignments, applied in this order after the automatic var files. */
  inputs?: readonly TerraformInput[];
  /** The `.tf` files of a called module's folder; undefined when it is outside the scanned roots or unreadable. */
  moduleFiles?(dir: string): Promise<{ path: string; text: string }[] | undefined>;
  /** Keep called modules' syntax trees for incremental re-parsing (default true; a one-pass scan says false). */
  keepTrees?: boolean;
}

/** Where (part of) a value at a finding's place came from: a `locals` entry, a var file's line, a caller's argument. */
export interface ValueOrigin {
  file: string;
  range: Range;
  message: string;
}

export interface TerraformEvaluation {
  /** The evaluated module first, then one unit per instance of each called local module. */
  parse: ParseResult;
  /**
   * Where the value at `range` in `file` (a finding's place in resource `resourceId`) came from,
   * when that is elsewhere; nearest first, at most `MAX_ORIGINS`.
   */
  originsOf(resourceId: string, file: string, range: Range): ValueOrigin[];
  /** The texts of every file the units come from (the module's, and the called modules'). */
  texts: Map<string, string>;
  /** Folders of the local modules analysed with this module's arguments. */
  calledDirs: string[];
}
