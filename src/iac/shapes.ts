/**
 * Keeps one small instance of each of the engine's short-lived classes alive for the life of the
 * process, so that a full garbage collection does not throw away the code optimised for them.
 *
 * V8 gives every object a hidden class (a "map"), and a class's instances reach theirs through a
 * chain of transitions (one per field) that V8 holds weakly. Optimised code checks maps and keeps
 * them only weakly too. The engine's readers, converters and evaluators live for one analysis:
 * when a full collection finds none of them alive (a memory-reducing collection when the editor
 * goes idle, or one between two analyses), it frees their maps and discards every function
 * optimised for them. The next analysis then runs unoptimised code until V8 optimises it again:
 * measured on a 1,000-resource Terraform module analysed after a full collection, 260 ms instead
 * of 190 ms (docs/performance.md).
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
