import { explainType, unknownTypeMessage } from '../engine/explain';
import { sourceLine, type Source } from '../knowledge';

export const OWNER_WORD = { aws: 'AWS', customer: 'You', shared: 'Shared' } as const;

export function explainUnknownType(type: string): string | undefined {
  return unknownTypeMessage(type);
}

/**
 * `srlens explain <type>`: a heading, the tier's meaning, one row per concern, and the sources:
 * each row names its source by number, listed once at the end with the date it was last checked.
 */
export function formatExplainText(type: string): string {
  const e = explainType(type);
  const sources: Source[] = [];
  const ref = (source: Source): string => {
    let index = sources.findIndex((s) => s.url === source.url && s.checked === source.checked);
    if (index < 0) index = sources.push(source) - 1;
    return `[${index + 1}]`;
  };
  const width = Math.max(...e.concerns.map((c) => c.concern.length));
  const lines = [`${e.type} — ${e.service} (${e.tierTitle})`, '', e.tierSummary];
  if (e.retired) lines.push('', `Retired: ${e.retired.message} ${ref(e.retired.source)}`);
  if (e.note) lines.push('', `Note: ${e.note}${e.noteSource ? ` ${ref(e.noteSource)}` : ''}`);
  lines.push('', `${'Concern'.padEnd(width)}  ${'Owner'.padEnd(6)}  Why`);
  for (const c of e.concerns) {
    const why = c.applicable ? c.reason : `Not applicable to this type. ${c.reason}`;
    lines.push(`${c.concern.padEnd(width)}  ${OWNER_WORD[c.owner].padEnd(6)}  ${why} ${ref(c.source)}`);
  }
  const mine = e.concerns.filter((c) => c.applicable && c.owner !== 'aws').length;
  lines.push('', `You own or share ${mine} of ${e.concerns.length} concerns for this type.`);
  lines.push('', 'Sources:', ...sources.map((s, i) => `[${i + 1}] ${sourceLine(s)}`));
  return lines.join('\n');
}

export function formatExplainJson(type: string): string {
  return JSON.stringify(explainType(type), null, 2);
}
