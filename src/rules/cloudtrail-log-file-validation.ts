import type { Rule } from './rule';
import { setSecureValue } from './toolkit/parameterised-fixes';

import { booleanOf, key, readFor, writtenRange } from './toolkit/values';

const CFN_KEY = 'EnableLogFileValidation';
const TF_KEY = 'enable_log_file_validation';

const REASON =
  'Once CloudTrail delivers log files to your bucket, protecting them is yours, and without digest files you cannot prove that a log file was not changed or deleted after delivery';

export const rule: Rule = {
  id: 'cloudtrail-log-file-validation',
  title: 'CloudTrail log file validation is off',
  concern: 'logging-monitoring',
  severity: 'warning',
  appliesTo: ['AWS::CloudTrail::Trail', 'aws_cloudtrail'],
  rationale:
    'CloudTrail records the activity and delivers the log files, but the bucket they land in, and everyone who can write to it, is yours. With log file validation on, CloudTrail also delivers an hourly digest file, hashed with SHA-256 and signed with SHA-256 with RSA, which proves whether a log file was modified or deleted after delivery; it is off by default in the CloudTrail API, CloudFormation and Terraform, and no digests are ever created for the time it was off.',
  remediation:
    'Set `EnableLogFileValidation: true` (CloudFormation `AWS::CloudTrail::Trail`) or `enable_log_file_validation = true` (Terraform `aws_cloudtrail`); it can be turned on for an existing trail without interruption. Validate the logs with `aws cloudtrail validate-logs`, and keep write and delete access to the log bucket narrow.',

  check(resource, context) {
    const setting = booleanOf(readFor(resource, context, CFN_KEY, TF_KEY));
    const name = key(resource, CFN_KEY, TF_KEY);
    if (setting.state === 'absent') {
      return [
        {
          message: `CloudTrail trail '${resource.id}' delivers no digest files: ${name} is not set and defaults to false. ${REASON}.`,
          range: resource.typeRange,
        },
      ];
    }
    if (setting.state !== 'known' || setting.value) return [];
    return [
      {
        message: `CloudTrail trail '${resource.id}' turns log file validation off, so no digest files are delivered. ${REASON}: set ${name} to true.`,
        range: writtenRange(setting, resource.typeRange),
      },
    ];
  },

  fix(_report, resource, context) {
    const name = key(resource, CFN_KEY, TF_KEY);
    return { title: `Set ${name} to true`, edits: setSecureValue(resource, context, name, true) };
  },
};
