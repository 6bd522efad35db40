/**
 * Suppressions written for other tools, honoured through the dated table in `peer-rule-ids.ts`:
 *
 * - Comments (Terraform, and CloudFormation YAML): `#trivy:ignore:AVD-AWS-0086`,
 *   `#tfsec:ignore:aws-s3-enable-bucket-logging` (either with `:exp:YYYY-MM-DD`) and
 *   `#checkov:skip=CKV_AWS_20:reason` (`//` works as well as `#`). A comment alone on its line
 *   applies to the block or attribute on the next line that is not blank or a comment; a comment
 *   after code applies to that line. A Checkov comment inside a resource block applies to the
 *   whole resource, as Checkov reads it.
 * - CloudFormation resource Metadata (YAML and JSON): `guard: { SuppressedRules: [ID, …] }`,
 *   `checkov: { skip: [ { id, comment } ] }`, `cfn_nag: { rules_to_suppress: [ { id, reason } ] }`.
 *
 * The reason recorded is the tool's own (`comment`, `reason`, the text after a Trivy or tfsec id);
 * a suppression that gives none records that it gave none and still applies, as it does in its
 * tool. An id the table does not map, a wildcard and a Trivy ignore with attribute filters
 * (`[bucket=…]`) silence nothing here: they are returned as `notes` for `srlens scan --verbose`.
 */
import type { IacUnit, Range, Value } from '../iac/model';
import { getPath } from '../iac/model';
import { rulesForPeerId, type PeerTool } from './peer-rule-ids';
import { nextCodeLines, setExpiry, type Suppression } from './suppressions';

/** A peer suppression that silences nothing here, and why. */
export interface PeerNote {
  tool: PeerTool;
  id: string;
  file: string;
  /** 1-based line. */
  line: number;
  why: 'unmapped' | 'wildcard' | 'filtered';
}

export interface PeerSuppressions {
  suppressions: Suppression[];
  notes: PeerNote[];
}

const MARKERS = /(?:#|\/\/)[ \t]*(?:trivy:ignore:|tfsec:ignore:|checkov:skip=)/;
const TRIVY = /(?:#|\/\/)[ \t]*(trivy|tfsec):ignore:([^\s:[\]]+)((?:\[[^\]]*\])?)((?::exp:[^\s]*)?)([^#]*)/g;
const CHECKOV = /(?:#|\/\/)[ \t]*checkov:skip=([^\s:]+)(?::(.*))?$/;

/** Peer suppression comments in a file's text. */
export function peerCommentSuppressions(file: string, text: string): PeerSuppressions {
  const result: PeerSuppressions = { suppressions: [], notes: [] };
  if (!MARKERS.test(text)) return result;
  const lines = text.split('\n');
  const next = nextCodeLines(lines);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '');
    if (!MARKERS.test(line)) continue;
    const commentStart = line.search(MARKERS);
    // Alone on its line: the next code line; after code: this line.
    const alone = /^[ \t]*$/.test(line.slice(0, commentStart));
    const targetLine = alone ? (next[i + 1] < lines.length ? next[i + 1] : undefined) : i;
    const checkov = CHECKOV.exec(line);
    if (checkov) {
      const start = line.indexOf('checkov:skip=');
      const range = lineRange(i, start, line.length);
      const reason = (checkov.at(2) ?? '').trim();
      add(result, 'checkov', checkov[1], reason, file, range, i + 1, (s) => {
        s.withinLine = i;
        s.targetLine = targetLine;
      });
      continue;
    }
    for (const match of line.matchAll(TRIVY)) {
      const tool = match[1] as PeerTool;
      const id = match[2];
      const range = lineRange(i, match.index, match.index + match[0].trimEnd().length);
      if (match[3]) {
        result.notes.push({ tool, id, file, line: i + 1, why: 'filtered' });
        continue;
      }
      const expiry = match[4] ? match[4].slice(':exp:'.length) : undefined;
      add(result, tool, id, match[5].trim(), file, range, i + 1, (s) => {
        s.targetLine = targetLine;
        if (expiry !== undefined) setExpiry(s, expiry);
      });
    }
  }
  return result;
}

/** Peer suppressions in a CloudFormation template's resource Metadata. */
export function peerMetadataSuppressions(unit: IacUnit): PeerSuppressions {
  const result: PeerSuppressions = { suppressions: [], notes: [] };
  if (unit.kind !== 'cloudformation') return result;
  for (const resource of unit.resources) {
    if (!resource.metadata) continue;
    const scope = (s: Suppression) => {
      s.resourceId = resource.id;
    };
    const guard = getPath(resource.metadata, 'guard', 'SuppressedRules')?.value;
    for (const item of guard?.kind === 'list' ? guard.items : []) {
      const id = literal(item);
      if (id) add(result, 'cfn-guard', id, '', resource.file, item.range, item.range.start.line + 1, scope);
    }
    const checkov = getPath(resource.metadata, 'checkov', 'skip')?.value;
    for (const item of checkov?.kind === 'list' ? checkov.items : []) {
      const id = item.kind === 'map' ? literal(getPath(item, 'id')?.value) : literal(item);
      const reason = item.kind === 'map' ? literal(getPath(item, 'comment')?.value) : '';
      if (id) add(result, 'checkov', id, reason, resource.file, item.range, item.range.start.line + 1, scope);
    }
    const nag = getPath(resource.metadata, 'cfn_nag', 'rules_to_suppress')?.value;
    for (const item of nag?.kind === 'list' ? nag.items : []) {
      const id = item.kind === 'map' ? literal(getPath(item, 'id')?.value) : literal(item);
      const reason = item.kind === 'map' ? literal(getPath(item, 'reason')?.value) : '';
      if (id) add(result, 'cfn_nag', id, reason, resource.file, item.range, item.range.start.line + 1, scope);
    }
  }
  return result;
}

/** One suppression per rule the peer id maps to; a note when it maps to none. */
function add(
  result: PeerSuppressions,
  tool: PeerTool,
  id: string,
  reason: string,
  file: string,
  range: Range,
  line: number,
  place: (s: Suppression) => void,
): void {
  if (id === '*' || id.toLowerCase() === 'all') {
    result.notes.push({ tool, id, file, line, why: 'wildcard' });
    return;
  }
  const rules = rulesForPeerId(tool, id);
  if (rules.length === 0) {
    result.notes.push({ tool, id, file, line, why: 'unmapped' });
    return;
  }
  for (const rule of rules) {
    const suppression: Suppression = {
      rule,
      reason: reason || `${tool} suppression of ${id}, which gives no reason`,
      file,
      range,
      source: tool,
      peerId: id,
    };
    place(suppression);
    result.suppressions.push(suppression);
  }
}

function lineRange(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

function literal(value: Value | undefined): string {
  return value?.kind === 'literal' && value.value !== null ? String(value.value).trim() : '';
}

/** Notes as `srlens scan --verbose` prints them: each tool and id once, with where it was first seen and how often. */
export function describePeerNotes(notes: readonly PeerNote[], display: (file: string) => string = (f) => f): string[] {
  const seen = new Map<string, { note: PeerNote; count: number }>();
  for (const note of notes) {
    const k = `${note.tool}\u0000${note.id}\u0000${note.why}`;
    const entry = seen.get(k);
    if (entry) entry.count++;
    else seen.set(k, { note, count: 1 });
  }
  return [...seen.values()].map(({ note, count }) => {
    const where = `${display(note.file)}:${note.line}${count > 1 ? ` and ${count - 1} more` : ''}`;
    const why =
      note.why === 'unmapped'
        ? 'names a check srlens does not map to a rule of its own'
        : note.why === 'wildcard'
          ? 'names every check, which srlens does not honour'
          : 'filters by attribute value, which srlens does not honour';
    return `${note.tool} suppression '${note.id}' (${where}) ${why}: it silences nothing here.`;
  });
}
