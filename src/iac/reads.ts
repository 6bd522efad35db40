/**
 * The names a value tree refers to: its references' targets, and the `${name}` inside expressions
 * it keeps as text. Each tree is walked once and the answer kept for as long as the tree lives, so
 * the engine's reverse index of references and the Terraform evaluator (which looks for blocks
 * read without an instance key) share one walk, and an incremental re-parse, which keeps the trees
 * of the resources it did not touch, walks only what changed.
 */
import type { Value } from './model';

/** Deeper than this, a tree is not walked (values nest this deep only when built to). */
const MAX_DEPTH = 64;

const remembered = new WeakMap<Value, ReadonlySet<string>>();

/** What most trees (literals only) refer to. */
const NOTHING: ReadonlySet<string> = new Set();

/** The names `value` refers to; the same set for the same tree. */
export function namesReadBy(value: Value): ReadonlySet<string> {
  let names = remembered.get(value);
  if (!names) {
    const found = new Set<string>();
    walk(value, found, 0);
    names = found.size > 0 ? found : NOTHING;
    remembered.set(value, names);
  }
  return names;
}

// Global expressions, run with `exec` from index 0: `matchAll` would copy each at every call.
const SUBSTITUTION = /\$\{([A-Za-z0-9_:]+)/g;
const TERRAFORM_ADDRESS = /\$\{((?:data\.)?[a-z0-9_]+\.[A-Za-z0-9_-]+)/g;

/** Adds each first group of `pattern` in `text`. */
function addMatches(pattern: RegExp, text: string, into: Set<string>): void {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) into.add(match[1]);
}

function walk(value: Value, into: Set<string>, depth: number): void {
  if (depth > MAX_DEPTH) return;
  switch (value.kind) {
    case 'reference':
      into.add(value.target);
      return;
    case 'map':
      for (const p of value.properties) walk(p.value, into, depth + 1);
      return;
    case 'list':
      for (const item of value.items) walk(item, into, depth + 1);
      return;
    case 'unresolvable':
      if (value.args) walk(value.args, into, depth + 1);
      // `${aws_s3_bucket.b.id}` inside a Sub or template string still ties the resources together.
      if (!value.text.includes('${')) return;
      addMatches(SUBSTITUTION, value.text, into);
      addMatches(TERRAFORM_ADDRESS, value.text, into);
      return;
    default:
      return;
  }
}
