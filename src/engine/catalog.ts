/**
 * Metadata for everything that can produce a finding: the built-in file-level checks plus every
 * registered rule. SARIF, docs and the editor read it from here.
 */
import type { ConcernId } from '../knowledge/concerns';
import type { Severity } from '../iac/model';
import { RULES } from '../rules';
import { ruleDocsUrl } from './docs';
import { PARSE_ERROR_RULE_ID } from './finding';
import { CONFIG_ERROR_RULE_ID } from './config';
import { FILE_TOO_LARGE_RULE_ID } from './limits';
import { NESTED_STACK_RULE_ID } from './nested-stacks';
import { RULE_ERROR_RULE_ID } from './rule-error';
import {
  SUPPRESSION_EXPIRING_RULE_ID,
  SUPPRESSION_INVALID_RULE_ID,
  SUPPRESSION_WITHOUT_REASON_RULE_ID,
  UNUSED_SUPPRESSION_RULE_ID,
} from './suppressions';

export interface RuleMetadata {
  id: string;
  title: string;
  description: string;
  severity: Severity;
  concern: ConcernId;
  helpUri: string;
}

const BUILT_IN: Omit<RuleMetadata, 'helpUri'>[] = [
  {
    id: PARSE_ERROR_RULE_ID,
    title: 'The file does not parse',
    description:
      'A syntax error stops CloudFormation or Terraform from deploying the file; nothing after the error can be checked reliably.',
    severity: 'error',
    concern: 'configuration',
  },
  {
    id: RULE_ERROR_RULE_ID,
    title: 'A rule crashed',
    description:
      'A rule threw an error while checking a resource, a template or a module, so its result there is unknown: a bug in the rule, not a verdict on the template. The other rules still ran. The editor logs the error with its stack in the Shared Responsibility Lens output; the CLI prints it with --verbose. Please report it.',
    severity: 'error',
    concern: 'configuration',
  },
  {
    id: CONFIG_ERROR_RULE_ID,
    title: 'The .srlens.yaml configuration has a problem',
    description:
      'A key or value in .srlens.yaml is not understood. The rest of the file still applies; the finding points at the key to correct.',
    severity: 'error',
    concern: 'configuration',
  },
  {
    id: SUPPRESSION_WITHOUT_REASON_RULE_ID,
    title: 'A suppression gives no reason',
    description:
      'Every suppression must say why the finding is acceptable, so that reviewers and auditors can judge it. A suppression without a reason does not apply.',
    severity: 'warning',
    concern: 'configuration',
  },
  {
    id: UNUSED_SUPPRESSION_RULE_ID,
    title: 'A suppression matches no finding',
    description:
      'The suppression sits above no resource or property that has the named finding: the problem was fixed, or the comment is in the wrong place. Remove or move it.',
    severity: 'info',
    concern: 'configuration',
  },
  {
    id: SUPPRESSION_EXPIRING_RULE_ID,
    title: 'A suppression expires soon',
    description:
      'A suppression with an expiry date (srlens-ignore expires=YYYY-MM-DD, Metadata expires, .srlens.yaml expires, Trivy or tfsec :exp:) ends within 14 days. After that day the finding it silences is reported again. Renew it with a new date and reason, or fix the finding.',
    severity: 'info',
    concern: 'configuration',
  },
  {
    id: SUPPRESSION_INVALID_RULE_ID,
    title: 'A suppression has an expiry that is not a date',
    description:
      'The expiry of a suppression must be a calendar date written YYYY-MM-DD. A suppression whose expiry cannot be read does not apply, so that a typo never silences a finding for ever.',
    severity: 'warning',
    concern: 'configuration',
  },
  {
    id: FILE_TOO_LARGE_RULE_ID,
    title: 'The file was skipped for its size',
    description: 'Files above the size limit are not read, so they are not checked. Raise the limit to include them.',
    severity: 'info',
    concern: 'configuration',
  },
  {
    id: NESTED_STACK_RULE_ID,
    title: 'A nested stack was not analysed',
    description:
      'A nested stack whose TemplateURL or Location is a local path is analysed with the parameters its parent passes. This one was not: its template is outside the scanned folders, missing, not a template, nested more than 5 levels deep, or part of a cycle. Its resources are not checked as the parent deploys them. Scan the folder that holds it, or correct the path.',
    severity: 'info',
    concern: 'configuration',
  },
];

export function ruleMetadata(): RuleMetadata[] {
  const fromRules = RULES.map((rule) => ({
    id: rule.id,
    title: rule.title,
    description: `${rule.rationale} ${rule.remediation}`,
    severity: rule.severity,
    concern: rule.concern,
  }));
  return [...BUILT_IN, ...fromRules].map((rule) => ({ ...rule, helpUri: ruleDocsUrl(rule.id) }));
}
