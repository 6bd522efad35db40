/**
 * Embedded JSON documents (an EMR security configuration, for example) in every form templates
 * write them: a CloudFormation map, a JSON string or heredoc, Terraform `jsonencode({ … })`. The
 * result is a small tree of readings (values.ts): a node is known (a scalar, a list or an object
 * of nodes) or unknown (decided at deploy time); `member` reads a missing member as absent. Ranges
 * are kept where the document is written as a map, so findings can point at the offending value.
 * `booleanOf` and the other readers of values.ts read a node like any other reading.
 */
import * as jsonc from 'jsonc-parser';
import type { Range, Value } from '../../iac/model';
import type { RuleContext } from '../rule';
import { absent, type Absent, type Known, type Scalar, type Unknown } from './values';

export type DocValue = Scalar | DocNode[] | { [key: string]: DocNode };

/** A node of a document: known or unknown, with where it is written (not inside a JSON string). */
export type DocNode = (Known<DocValue, undefined> | Unknown) & { range?: Range };

/** A member of a document: a node, or absent. */
export type DocReading = DocNode | Absent;

function knownNode(value: DocValue, range?: Range): DocNode {
  return range ? { state: 'known', value, property: undefined, range } : { state: 'known', value, property: undefined };
}

function unknownNode(range?: Range): DocNode {
  return range ? { state: 'unknown', range } : { state: 'unknown' };
}

/** Where a member is written, when it is. */
export function rangeOf(reading: DocReading): Range | undefined {
  return reading.state === 'absent' ? undefined : reading.range;
}

/** Reads a document; undefined when it cannot be known statically (a reference, `file()`, a template). */
export function readDocument(value: Value | undefined, context: RuleContext): DocNode | undefined {
  const resolved = context.resolve(value);
  if (!resolved) return undefined;
  if (resolved.kind === 'literal' && typeof resolved.value === 'string') return fromJsonText(resolved.value);
  if (resolved.kind === 'map') return fromValue(resolved, context, 0);
  if (
    resolved.kind === 'unresolvable' &&
    resolved.construct === 'function:jsonencode' &&
    resolved.args?.kind === 'list'
  ) {
    const argument = resolved.args.items.at(0);
    return argument?.kind === 'map' ? fromValue(argument, context, 0) : undefined;
  }
  return undefined;
}

/** A member of an object node: unknown when the object itself is unknown, absent when missing (or not an object). */
export function member(node: DocReading, name: string): DocReading {
  if (node.state === 'absent') return absent();
  if (node.state === 'unknown') return unknownNode();
  const value = node.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return absent();
  return Object.prototype.hasOwnProperty.call(value, name) ? value[name] : absent();
}

function fromValue(value: Value, context: RuleContext, depth: number): DocNode {
  if (depth > 32) return unknownNode(value.range);
  const resolved = context.resolve(value);
  if (!resolved) return knownNode(null, value.range);
  switch (resolved.kind) {
    case 'literal':
      return knownNode(resolved.value, value.range);
    case 'map': {
      const object: { [key: string]: DocNode } = {};
      for (const p of resolved.properties) object[p.key] = fromValue(p.value, context, depth + 1);
      return knownNode(object, value.range);
    }
    case 'list':
      return knownNode(
        resolved.items.map((item) => fromValue(item, context, depth + 1)),
        value.range,
      );
    default:
      return unknownNode(value.range);
  }
}

function fromJsonText(text: string): DocNode | undefined {
  const errors: jsonc.ParseError[] = [];
  const parsed: unknown = jsonc.parse(text, errors, { disallowComments: true });
  return errors.length > 0 ? undefined : fromJson(parsed);
}

function fromJson(value: unknown): DocNode {
  if (Array.isArray(value)) return knownNode(value.map(fromJson));
  if (value !== null && typeof value === 'object') {
    return knownNode(
      Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, fromJson(v)])),
    );
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null)
    return knownNode(value);
  return unknownNode();
}
