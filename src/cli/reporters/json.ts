import { findingControls, type ControlRef } from '../../engine/controls';
import type { Finding } from '../../engine/finding';
import type { Fix } from '../../fixes/types';
import type { Resource } from '../../iac/model';

/** What a JSON finding adds to the finding: the controls it checks, and its fix when it has one. */
export interface JsonFindingExtras {
  /** AWS Security Hub controls, then ISO/IEC 27001:2022 Annex A controls (`engine/controls.ts`). */
  controls: ControlRef[];
  /** The quick fix's edits (0-based ranges, like the finding's), for fixable findings. */
  fix?: Fix;
}

/** Findings per chunk of `findingsJsonChunks`: about 100 KB of text. */
const FINDINGS_PER_CHUNK = 64;

/**
 * `srlens scan --format json`, the contract in DESIGN.md, in chunks of a few dozen findings, for
 * writing as it is made. `fixOf` gives a finding's fix, with the files of its edits named as the
 * finding's file is. The chunks joined are `JSON.stringify` of the whole report, indented by two.
 *
 * One `JSON.stringify` of a large report builds a string of megabytes that is then
 * flattened, copied as two-byte text when one character needs it, and encoded whole (about 40 ms
 * more on a report of 7.5 MB); chunks stay small, and each is written and dropped.
 *
 * Each finding is stringified inside the same wrapper as in the whole report (an object holding
 * an array), so its indentation is that of the report, and cut out of it.
 */
export function* findingsJsonChunks(
  files: number,
  findings: Finding[],
  fixOf: (finding: Finding) => Fix | undefined = () => undefined,
): Generator<string> {
  const head = `{\n  "version": 1,\n  "files": ${JSON.stringify(files)},\n  "findings": [`;
  if (findings.length === 0) {
    yield `${head}]\n}`;
    return;
  }
  const parts: string[] = [head];
  for (let i = 0; i < findings.length; i++) {
    const wrapped = JSON.stringify({ f: [jsonFinding(findings[i], fixOf)] }, null, 2);
    parts.push(i === 0 ? '\n' : ',\n', wrapped.slice(WRAPPER_HEAD, wrapped.length - WRAPPER_TAIL));
    if ((i + 1) % FINDINGS_PER_CHUNK === 0) {
      yield parts.join('');
      parts.length = 0;
    }
  }
  parts.push('\n  ]\n}');
  yield parts.join('');
}

/** The length of `{\n  "f": [\n`, and of `\n  ]\n}`, around a finding stringified in its wrapper. */
const WRAPPER_HEAD = 11;
const WRAPPER_TAIL = 6;

/** A finding as the JSON report has it: its controls, and its fix when it has one. */
function jsonFinding(finding: Finding, fixOf: (finding: Finding) => Fix | undefined): Finding & JsonFindingExtras {
  const entry: Finding & JsonFindingExtras = { ...finding, controls: findingControls(finding) };
  const fix = finding.fixable ? fixOf(finding) : undefined;
  if (fix)
    entry.fix = { title: fix.title, edits: fix.edits.map(({ file, range, newText }) => ({ file, range, newText })) };
  return entry;
}

export interface InventoryEntry {
  file: string;
  resource: string;
  type: string;
  service: string;
  tier: string;
  /** The provider of a resource outside the AWS model (`random` for `random_id`). */
  provider?: string;
  range: Resource['range'];
}

/** `srlens inventory --format json`. */
export function formatInventoryJson(resources: InventoryEntry[]): string {
  return JSON.stringify({ resources }, null, 2);
}
