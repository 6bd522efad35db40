/**
 * Findings on a Terraform plan (`terraform show -json`) name resources by their plan address. When
 * the configuration the plan was made from is scanned too, each such finding also points at the
 * `.tf` block of the same address, as a related location: the plan says what will be deployed,
 * the block is where the author changes it.
 *
 * Which scanned root module the plan belongs to: the one in the plan file's own folder when it has
 * the address, otherwise the only root module that has it; with none or several, no link.
 * Addresses match exactly (`aws_security_group.svc["ssh"]`), or, when the configuration's block was
 * not expanded (its `for_each` unknown statically), without instance keys (`aws_security_group.svc`).
 */
import { moduleDirOf } from '../iac/detect';
import type { IacUnit, Range } from '../iac/model';
import type { Finding } from './finding';

interface Block {
  file: string;
  range: Range;
}

/** A root module's resources by address, and by address without instance keys. */
export interface ModuleBlocks {
  dir: string;
  exact: Map<string, Block>;
  unkeyed: Map<string, Block>;
}

/** `module.a["x"].aws_s3_bucket.b[0]` → `module.a.aws_s3_bucket.b`. */
function withoutKeys(address: string): string {
  return address.replace(/\[(?:"(?:[^"\\]|\\.)*"|[^\]]*)\]/g, '');
}

/** The resource blocks of one analysed Terraform module (its own and its called modules' instances). */
export function moduleBlocks(dir: string, units: readonly IacUnit[]): ModuleBlocks {
  const exact = new Map<string, Block>();
  const unkeyed = new Map<string, Block>();
  for (const unit of units) {
    if (unit.kind !== 'terraform') continue;
    for (const resource of unit.resources) {
      const block = { file: resource.file, range: resource.idRange };
      if (!exact.has(resource.id)) exact.set(resource.id, block);
      const key = withoutKeys(resource.id);
      if (!unkeyed.has(key)) unkeyed.set(key, block);
    }
  }
  return { dir, exact, unkeyed };
}

function blockIn(module: ModuleBlocks, address: string): Block | undefined {
  return module.exact.get(address) ?? module.unkeyed.get(withoutKeys(address));
}

/** Adds the `.tf` block as the first related location of each finding on a plan file. */
export function linkPlanFindings(
  findings: readonly Finding[],
  planFiles: ReadonlySet<string>,
  roots: readonly ModuleBlocks[],
): void {
  if (planFiles.size === 0 || roots.length === 0) return;
  for (const finding of findings) {
    if (!finding.resource || !planFiles.has(finding.file)) continue;
    const own = roots.find((m) => m.dir === moduleDirOf(finding.file));
    let block = own && blockIn(own, finding.resource);
    if (!block) {
      const matches = roots.map((m) => blockIn(m, finding.resource)).filter((b): b is Block => b !== undefined);
      if (matches.length === 1) block = matches[0];
    }
    if (!block) continue;
    const related = { file: block.file, range: block.range, message: `the configuration of ${finding.resource}` };
    finding.related = [related, ...(finding.related ?? [])];
  }
}
