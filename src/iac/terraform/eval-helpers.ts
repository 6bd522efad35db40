/** Small helpers of the Terraform evaluator: ranges, file names and instance addresses. */
import type { MapValue, Range, Value } from '../model';
import { compareRanges } from '../model';
import { asString, type EV } from './eval-values';

/** The same place in a file. */
export function rangesEqual(a: Range, b: Range): boolean {
  return compareRanges(a, b) === 0;
}

/** The last segment of a path, either separator. */
export function fileName(file: string): string {
  return file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
}

/** How a Terraform address names one instance: `[0]`, `["ssh"]`. */
export function instanceKey(key: EV): string {
  return typeof key === 'number' ? `[${key}]` : `[${JSON.stringify(asString(key) ?? '')}]`;
}

export const META_ARGUMENTS = new Set([
  'count',
  'for_each',
  'depends_on',
  'provider',
  'providers',
  'lifecycle',
  'source',
  'version',
]);

/** Resource addresses referenced with no instance key (top-level meta-arguments aside). */
export function unkeyedTargets(body: MapValue, into: Set<string>): void {
  const walk = (value: Value, depth: number): void => {
    if (depth > 64) return;
    if (value.kind === 'reference') {
      if (!value.target.includes('[') && !value.text.includes('[')) into.add(value.target);
    } else if (value.kind === 'map') {
      for (const p of value.properties) if (depth > 0 || !META_ARGUMENTS.has(p.key)) walk(p.value, depth + 1);
    } else if (value.kind === 'list') for (const item of value.items) walk(item, depth + 1);
    else if (value.kind === 'unresolvable' && value.args) walk(value.args, depth + 1);
  };
  walk(body, 0);
}
