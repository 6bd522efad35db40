import type { Rule } from './rule';

import { checkRequiredSetting, fixRequiredSetting, type RequiredSetting } from './toolkit/required-setting';

const SETTING: RequiredSetting = {
  cloudFormation: 'EnableLogFileValidation',
  terraform: 'enable_log_file_validation',
  wanted: true,
  default: { value: false, source: 'CloudTrail API, CloudFormation and Terraform default' },
};

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
  messages: {
    noDigests: {
      headline: "CloudTrail trail '{resource}' has no log file validation.",
      detail:
        'It delivers no digest files: {property} is not set and defaults to false. Once CloudTrail delivers log files to your bucket, protecting them is yours, and without digest files you cannot prove that a log file was not changed or deleted after delivery.',
    },
    validationOff: {
      headline: "CloudTrail trail '{resource}' turns log file validation off.",
      detail:
        'No digest files are delivered. Once CloudTrail delivers log files to your bucket, protecting them is yours, and without digest files you cannot prove that a log file was not changed or deleted after delivery: set {property} to true.',
    },
  },

  check(resource, context) {
    return checkRequiredSetting(resource, context, SETTING, { absent: 'noDigests', insecure: 'validationOff' });
  },

  fix(_report, resource, context) {
    return fixRequiredSetting(resource, context, SETTING);
  },
};
