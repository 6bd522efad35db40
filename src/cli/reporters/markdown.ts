import type { InventoryEntry } from './json';

/** Escapes text for a Markdown table cell (pipes, backslashes, link brackets, HTML and newlines). */
export function markdownCell(text: string): string {
  return text
    .replace(/[\\|[\]]/g, (c) => `\\${c}`)
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r?\n/g, ' ');
}

/** `srlens inventory --format markdown`: one table, a row per resource. */
export function formatInventoryMarkdown(entries: InventoryEntry[]): string {
  const rows = entries.map(
    (e) =>
      `| ${markdownCell(e.file)}:${e.range.start.line + 1} | ${markdownCell(e.resource)} | ${markdownCell(e.type)} | ${markdownCell(e.service)} | ${e.tier} |`,
  );
  const byTier = new Map<string, number>();
  for (const e of entries) byTier.set(e.tier, (byTier.get(e.tier) ?? 0) + 1);
  const tiers = [...byTier].map(([tier, n]) => `${n} ${tier}`).join(', ');
  return [
    '| File | Resource | Type | Service | Tier |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
    `${entries.length} resource${entries.length === 1 ? '' : 's'}${tiers ? ` (${tiers})` : ''}`,
  ].join('\n');
}
