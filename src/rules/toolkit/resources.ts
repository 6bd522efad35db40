/**
 * The resources of a template or module grouped by type, built once per unit (through
 * `RuleContext.memo`), so that "is there an `aws_flow_log` / a registry scanning configuration /
 * an `aws_ebs_encryption_by_default` in the module" costs nothing per resource.
 */
import type { Resource } from '../../iac/model';
import type { RuleContext } from '../rule';

/** The resources of `type` in the unit, in the unit's order. */
export function resourcesOfType(context: RuleContext, type: string): readonly Resource[] {
  const index = context.memo('types:byType', () => {
    const byType = new Map<string, Resource[]>();
    for (const r of context.unit.resources) {
      const list = byType.get(r.type);
      if (list) list.push(r);
      else byType.set(r.type, [r]);
    }
    return byType;
  });
  return index.get(type) ?? [];
}

/** Whether the unit holds a resource of any of `types`. */
export function hasResourceOfType(context: RuleContext, types: readonly string[]): boolean {
  return types.some((type) => resourcesOfType(context, type).length > 0);
}
