import type { ConcernId } from '../knowledge/concerns';
import type { IacUnit, Range, Resource, Severity } from '../iac/model';

/** What a rule reports; the engine adds owner, tier, service and the rest of the contract. */
export interface RuleReport {
  message: string;
  range: Range;
  severity?: Severity;
}

export interface RuleContext {
  /** The template or module the resource belongs to (parameters, variables, companions). */
  unit: IacUnit;
}

/** A rule: plain metadata plus a pure check. One rule per file in src/rules/. */
export interface Rule {
  id: string;
  concern: ConcernId;
  severity: Severity;
  title: string;
  /** CloudFormation and Terraform resource types the rule looks at; the engine indexes rules by them. */
  appliesTo: readonly string[];
  check(resource: Resource, context: RuleContext): RuleReport[];
}
