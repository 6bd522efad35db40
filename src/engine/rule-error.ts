/**
 * A rule that throws is a bug, and for a security tool a silent one is the worst kind: the check it
 * should have made is simply missing. The engine turns the exception into a `rule-error` finding
 * on the resource (or template, module) the rule was looking at, runs the other rules as usual,
 * and hands the exception with its stack to the front end's log (the editor's output channel,
 * `srlens --verbose`). The stack never goes into the finding, which is shown, exported and shared.
 */
import type { IacUnit, Range, Resource } from '../iac/model';
import type { Rule } from '../rules/rule';
import { composeHeadline, type Finding } from './finding';

export const RULE_ERROR_RULE_ID = 'rule-error';

/** What a front end is told when a rule throws, to log with the stack. */
export interface RuleCrash {
  ruleId: string;
  /** What the rule was doing: checking a resource or a whole template/module, or building a fix. */
  phase: 'check' | 'checkUnit' | 'fix' | 'fixUnit';
  /** The resource id or Terraform address; for a template- or module-level check, the file or directory. */
  subject: string;
  file: string;
  error: unknown;
}

export type RuleCrashHandler = (crash: RuleCrash) => void;

/** One line for a log: which rule, on what, and the exception with its stack when it has one. */
export function describeRuleCrash(crash: RuleCrash): string {
  const { error } = crash;
  const detail =
    error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : `thrown value: ${String(error)}`;
  const doing = crash.phase === 'fix' || crash.phase === 'fixUnit' ? 'building a fix for' : 'checking';
  return `Rule ${crash.ruleId} crashed while ${doing} ${crash.subject} (${crash.file}): ${detail}`;
}

/** The finding for a rule that threw while checking one resource. */
export function resourceRuleErrorFinding(rule: Rule, resource: Resource, owner: Finding['owner']): Finding {
  return {
    ruleId: RULE_ERROR_RULE_ID,
    severity: 'error',
    concern: rule.concern,
    owner,
    tier: resource.tier,
    service: resource.service,
    resource: resource.id,
    resourceType: resource.type,
    file: resource.file,
    range: resource.idRange,
    ...crashMessage(rule, owner, `resource '${resource.id}'`),
    fixable: false,
  };
}

/** The finding for a rule that threw while checking a whole template or Terraform module. */
export function unitRuleErrorFinding(rule: Rule, unit: IacUnit): Finding {
  const { file, range, subject } = unitPlace(unit);
  return {
    ruleId: RULE_ERROR_RULE_ID,
    severity: 'error',
    concern: rule.concern,
    owner: 'customer',
    tier: 'unclassified',
    service: '',
    resource: '',
    resourceType: '',
    file,
    range,
    ...crashMessage(rule, 'customer', subject),
    fixable: false,
  };
}

function crashMessage(rule: Rule, owner: Finding['owner'], subject: string): { message: string; detail?: string } {
  return composeHeadline(
    owner,
    rule.concern,
    `rule '${rule.id}' crashed on ${subject}, so its result is unknown`,
    'The other rules ran. This is a bug in the rule, not a verdict on the template: the error is logged (the Shared Responsibility Lens output, or srlens --verbose).',
  );
}

const START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Where a unit-level crash is shown: the template's first line, or the first line of the module's first file. */
function unitPlace(unit: IacUnit): { file: string; range: Range; subject: string } {
  if (unit.kind === 'cloudformation') {
    return {
      file: unit.file,
      range: { start: unit.range.start, end: unit.range.start },
      subject: `the template ${unit.file}`,
    };
  }
  return { file: unit.files[0] ?? unit.dir, range: START, subject: `the Terraform module ${unit.dir}` };
}
