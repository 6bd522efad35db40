import type { Finding } from '../../engine/finding';
import type { Resource } from '../../iac/model';

/** `srlens scan --format json`: the contract in DESIGN.md. */
export function formatFindingsJson(files: number, findings: Finding[]): string {
  return JSON.stringify({ version: 1, files, findings }, null, 2);
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
