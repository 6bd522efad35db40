/** Engine versions as rules compare them (ElastiCache, OpenSearch, EKS). */

/** Dotted version numbers (`7.1`, `3.2.6`, `6.x`) as numbers; undefined when there is no leading number. */
export function versionNumbers(text: string): number[] | undefined {
  const match = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(text.trim());
  if (!match) return undefined;
  // Groups that did not take part in the match are undefined (RegExpExecArray types them as strings).
  const parts: (string | undefined)[] = match.slice(1);
  return parts.filter((part) => part !== undefined).map(Number);
}

/** Compares two versions on the parts both have: `6` against `6.2` compares as equal. */
export function compareVersions(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}
