/**
 * What a traversal such as `aws_s3_bucket.logs.id` refers to: the address of a resource, data
 * source, module, variable or local and the attribute read from it, or the reason it cannot be
 * known statically (a context root such as `each`, a `dynamic` block's iterator, a splat, an index).
 */

/** One step after a reference's root: `.name`, `[key]` or a splat. */
export interface TraversalStep {
  kind: 'attr' | 'index' | 'splat';
  name: string;
}

/** A traversal's target (`attribute` when one is read from it), or the construct that makes it unknown. */
export type TraversalTarget = { target: string; attribute?: string } | { construct: string };

/** Roots of references whose value depends on the evaluation context, not on a declaration. */
const CONTEXT_ROOTS = new Set(['each', 'count', 'self', 'path', 'terraform']);

/**
 * `var.x`, `local.y`, `module.m.out`, `data.t.n.attr`, `aws_s3_bucket.logs.id` → references.
 * An instance key right after a resource, data source or module address (`aws_s3_bucket.b[0].id`)
 * still refers to that resource; other indexes and splats make the value unknown. `iterators`:
 * the iterator names of the `dynamic` blocks around the traversal.
 */
export function traversalTarget(rootName: string, steps: TraversalStep[], iterators: Set<string>): TraversalTarget {
  if (CONTEXT_ROOTS.has(rootName)) return { construct: rootName };
  if (iterators.has(rootName)) return { construct: 'iterator' };
  if (steps.some((step) => step.kind === 'splat')) return { construct: 'splat' };
  const addressLength = rootName === 'data' ? 2 : 1;
  const address = [rootName];
  let next = 0;
  while (address.length <= addressLength && next < steps.length && steps[next].kind === 'attr')
    address.push(steps[next++].name);
  if (address.length <= addressLength) return { construct: next < steps.length ? 'index' : 'variable' };
  const instanceKeyAllowed = rootName !== 'var' && rootName !== 'local';
  if (instanceKeyAllowed && next < steps.length && steps[next].kind === 'index') next++;
  const attributes: string[] = [];
  for (; next < steps.length; next++) {
    if (steps[next].kind !== 'attr') return { construct: 'index' };
    attributes.push(steps[next].name);
  }
  return attributes.length > 0
    ? { target: address.join('.'), attribute: attributes.join('.') }
    : { target: address.join('.') };
}

/** `traversalTarget` for `name.name…` (attribute steps only), without building the steps. */
export function dottedTarget(source: string, iterators: Set<string>): TraversalTarget {
  const names = source.split('.');
  const rootName = names[0];
  if (CONTEXT_ROOTS.has(rootName)) return { construct: rootName };
  if (iterators.has(rootName)) return { construct: 'iterator' };
  const addressLength = rootName === 'data' ? 2 : 1;
  if (names.length <= addressLength) return { construct: 'variable' };
  if (names.length === addressLength + 1) return { target: source };
  return {
    target: names.slice(0, addressLength + 1).join('.'),
    attribute: names.slice(addressLength + 1).join('.'),
  };
}
