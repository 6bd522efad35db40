/**
 * What one value tree reads: its references (target and attribute) and the expressions it keeps
 * as text. Each tree is walked once and the answer kept for as long as the tree lives, so the
 * engine's reverse index of references and the rules' index of reads share one walk, and an
 * incremental re-parse (which keeps the trees of the resources it did not touch) walks only what
 * changed.
 */
import type { Value } from './model';

export interface ValueReads {
  /** The target of each reference, in the order met: `var.x`, `aws_s3_bucket.b`, a parameter. */
  readonly targets: readonly string[];
  /** The attribute each of those references reads, at the same index (undefined for none). */
  readonly attributes: readonly (string | undefined)[];
  /** The text of each expression kept as text (`Fn::Sub`, `"${var.x}"`), once per occurrence. */
  readonly texts: readonly string[];
  /** The names the tree refers to: the references' targets, and the `${name}` in its texts. */
  readonly names: ReadonlySet<string>;
}

/** Deeper than this, a tree is not walked (values nest this deep only when built to). */
const MAX_DEPTH = 64;

const remembered = new WeakMap<Value, ValueReads>();

/** What `value` reads; the same object for the same tree. */
export function readsOf(value: Value): ValueReads {
  let reads = remembered.get(value);
  if (!reads) {
    const found = { targets: [], attributes: [], texts: [], names: new Set<string>() };
    walk(value, found, 0);
    remembered.set(value, found);
    reads = found;
  }
  return reads;
}

interface Found {
  targets: string[];
  attributes: (string | undefined)[];
  texts: string[];
  names: Set<string>;
}

function walk(value: Value, into: Found, depth: number): void {
  if (depth > MAX_DEPTH) return;
  switch (value.kind) {
    case 'reference':
      into.targets.push(value.target);
      into.attributes.push(value.attribute);
      into.names.add(value.target);
      return;
    case 'map':
      for (const p of value.properties) walk(p.value, into, depth + 1);
      return;
    case 'list':
      for (const item of value.items) walk(item, into, depth + 1);
      return;
    case 'unresolvable':
      if (value.args) walk(value.args, into, depth + 1);
      into.texts.push(value.text);
      // `${aws_s3_bucket.b.id}` inside a Sub or template string still ties the resources together.
      if (!value.text.includes('${')) return;
      for (const match of value.text.matchAll(/\$\{([A-Za-z0-9_:]+)/g)) into.names.add(match[1]);
      for (const match of value.text.matchAll(/\$\{((?:data\.)?[a-z0-9_]+\.[A-Za-z0-9_-]+)/g)) into.names.add(match[1]);
      return;
    default:
      return;
  }
}
