import { explainType, unknownTypeMessage } from '../engine/explain';

export const OWNER_WORD = { aws: 'AWS', customer: 'You', shared: 'Shared' } as const;

export function explainUnknownType(type: string): string | undefined {
  return unknownTypeMessage(type);
}

/** `srlens explain <type>`: a heading, the tier's meaning, and one row per concern. */
export function formatExplainText(type: string): string {
  const e = explainType(type);
  const width = Math.max(...e.concerns.map((c) => c.concern.length));
  const lines = [`${e.type} — ${e.service} (${e.tierTitle})`, '', e.tierSummary];
  if (e.note) lines.push('', `Note: ${e.note}`);
  lines.push('', `${'Concern'.padEnd(width)}  ${'Owner'.padEnd(6)}  Why`);
  for (const c of e.concerns) {
    const why = c.applicable ? c.reason : `Not applicable to this type. ${c.reason}`;
    lines.push(`${c.concern.padEnd(width)}  ${OWNER_WORD[c.owner].padEnd(6)}  ${why}`);
  }
  const mine = e.concerns.filter((c) => c.applicable && c.owner !== 'aws').length;
  lines.push('', `You own or share ${mine} of ${e.concerns.length} concerns for this type.`);
  return lines.join('\n');
}

export function formatExplainJson(type: string): string {
  return JSON.stringify(explainType(type), null, 2);
}
