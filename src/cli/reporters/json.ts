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

/**
 * `srlens scan --format json`: the contract in DESIGN.md. `fixOf` gives a finding's fix, with the
 * files of its edits named as the finding's file is.
 */
export function formatFindingsJson(
  files: number,
  findings: Finding[],
  fixOf: (finding: Finding) => Fix | undefined = () => undefined,
): string {
  const enriched = findings.map((finding): Finding & JsonFindingExtras => {
    const entry: Finding & JsonFindingExtras = { ...finding, controls: findingControls(finding) };
    const fix = finding.fixable ? fixOf(finding) : undefined;
    if (fix)
      entry.fix = { title: fix.title, edits: fix.edits.map(({ file, range, newText }) => ({ file, range, newText })) };
    return entry;
  });
  return JSON.stringify({ version: 1, files, findings: enriched }, null, 2);
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
