import { asHeadline, type Finding } from './finding';

export const FILE_TOO_LARGE_RULE_ID = 'file-too-large';

/** A file skipped for its size: reported once, as information, so nobody mistakes silence for a clean file. */
export function fileTooLargeFinding(file: string, message: string): Finding {
  return asHeadline({
    ruleId: FILE_TOO_LARGE_RULE_ID,
    severity: 'info',
    concern: 'configuration',
    owner: 'customer',
    tier: 'unclassified',
    service: '',
    resource: '',
    resourceType: '',
    file,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    message,
    fixable: false,
  });
}
