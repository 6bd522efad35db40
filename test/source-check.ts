// Shared by the knowledge tests: what a valid source looks like.
import { strict as assert } from 'node:assert';

/** A source is an AWS page over https or the seed, with the day it was checked (not in the future). */
export function assertSource(source: { url: string; checked: string } | undefined, what: string): void {
  assert.ok(source, `${what}: no source`);
  assert.deepEqual(Object.keys(source).sort(), ['checked', 'url'], `${what}: source keys`);
  assert.match(source.url, /^(seed|https:\/\/(docs\.aws\.amazon\.com|aws\.amazon\.com)\/\S+)$/, `${what}: source url`);
  assert.match(source.checked, /^\d{4}-\d{2}-\d{2}$/, `${what}: checked`);
  assert.ok(Date.parse(source.checked) <= Date.now(), `${what}: checked in the future`);
}
