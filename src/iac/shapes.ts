/**
 * Keeps one small instance of each of the engine's short-lived classes alive for the life of the
 * process, so that a full garbage collection does not throw away the code optimised for them.
 *
 * V8 gives every object a hidden class (a "map"), and a class's instances reach theirs through a
 * chain of transitions (one per field) that V8 holds weakly. Optimised code checks maps and keeps
 * them only weakly too. The engine's readers, converters and evaluators live for one analysis.
 * The ordinary collections of a run keep their maps for a while after the last instance dies, but
 * a full collection made to free memory (the one `npm run bench` forces before each sample, or
 * one made under memory pressure) frees them and discards every function optimised for them: the
 * next analysis runs unoptimised code until V8 optimises it again. Measured on a 1,000-resource
 * Terraform module analysed after a forced collection: 260 ms without the exemplars, 170 ms with
 * them (docs/performance.md).
 *
 * An exemplar must be made the way real instances are (the same constructor, fields of the same
 * kinds: a number that is sometimes fractional must be fractional here too), or it keeps maps that
 * real instances no longer use. Exemplars hold tiny inputs, never a user's data.
 */
const exemplars: object[] = [];

/** Keeps `exemplar` alive for the life of the process; returns it. */
export function keepShape<T extends object>(exemplar: T): T {
  exemplars.push(exemplar);
  return exemplar;
}

/** How many exemplars are kept (for tests). */
export function keptShapes(): number {
  return exemplars.length;
}
