/**
 * Metadata for everything that can produce a finding: the built-in file-level checks plus every
 * registered rule. SARIF, docs and the editor read it from here.
 */
import type { ConcernId } from '../knowledge/concerns';
import type { Severity } from '../iac/model';
import { RULES } from '../rules';
import { ruleDocsUrl } from './docs';
import { PARSE_ERROR_RULE_ID } from './finding';
import { FILE_TOO_LARGE_RULE_ID } from './limits';

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
    description: 'A syntax error stops CloudFormation or Terraform from deploying the file; nothing after the error can be checked reliably.',
    severity: 'error',
    concern: 'configuration',
  },
  {
    id: FILE_TOO_LARGE_RULE_ID,
    title: 'The file was skipped for its size',
    description: 'Files above the size limit are not read, so they are not checked. Raise the limit to include them.',
    severity: 'info',
    concern: 'configuration',
  },
];

export function ruleMetadata(): RuleMetadata[] {
  const fromRules = RULES.map((rule) => ({ id: rule.id, title: rule.title, description: rule.title, severity: rule.severity, concern: rule.concern }));
  return [...BUILT_IN, ...fromRules].map((rule) => ({ ...rule, helpUri: ruleDocsUrl(rule.id) }));
}
