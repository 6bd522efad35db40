import type { Rule } from './rule';
import { key } from './toolkit/values';
import {
  LAUNCH_TYPES,
  describeLaunch,
  launchSetting,
  launchSettings,
  launchedInstances,
  takesSettingsFromLaunchTemplate,
} from './support/ec2-launch';
import { findSecrets, holdsAwsKeys, readUserData } from './support/user-data';

export const rule: Rule = {
  id: 'ec2-instance-profile-missing',
  title: 'EC2 instance uses access keys instead of an instance profile',
  concern: 'identity-access',
  severity: 'warning',
  appliesTo: LAUNCH_TYPES,
  rationale:
    'AWS delivers short-lived credentials that it rotates automatically to any instance with an IAM role, through an instance profile; long-term access keys written into user data never expire and must be rotated and revoked by you. Choosing roles over static keys is your side of identity and access management.',
  remediation:
    'Create an IAM role with only the permissions the instance needs, attach it through an instance profile (`IamInstanceProfile` in CloudFormation, under `LaunchTemplateData` for a launch template; `iam_instance_profile` in Terraform), remove the access keys from the user data and deactivate them.',
  messages: {
    keysWithoutProfile: {
      headline: '{subject} has access keys in user data and no instance profile.',
      detail:
        'It has AWS access keys in its user data and no instance profile. With an IAM role attached through an instance profile, AWS hands {instances} short-lived credentials and rotates them for you; static keys are yours to rotate and revoke.',
    },
  },

  check(resource, context) {
    if (!launchSettings(resource, context).map) return [];
    if (launchSetting(resource, context, key(resource, 'IamInstanceProfile', 'iam_instance_profile'))) return [];
    if (takesSettingsFromLaunchTemplate(resource)) return [];
    const withKeys = readUserData(resource, context).some((userData) => holdsAwsKeys(findSecrets(userData.text)));
    if (!withKeys) return [];
    return [
      {
        messageId: 'keysWithoutProfile',
        data: { subject: describeLaunch(resource), instances: launchedInstances(resource) },
        range: resource.typeRange,
      },
    ];
  },
};
