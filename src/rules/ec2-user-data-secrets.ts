import type { Rule, RuleReport } from './rule';
import { LAUNCH_TYPES, describeLaunch } from './support/ec2-launch';
import { findSecrets, locateSecret, readUserData } from './support/user-data';

export const rule: Rule = {
  id: 'ec2-user-data-secrets',
  title: 'Credentials in EC2 user data',
  concern: 'credentials',
  severity: 'error',
  appliesTo: LAUNCH_TYPES,
  rationale:
    'User data is not a secret store: AWS does not protect it cryptographically, any process on the instance can read it from the instance metadata service, and anyone allowed to describe the instance or launch template can read it through the EC2 API. Keeping credentials out of it, and out of templates, is on your side of the model.',
  remediation:
    'Remove the credential from `UserData` (CloudFormation) or `user_data` / `user_data_base64` (Terraform), revoke or rotate it, and let the instance fetch secrets at boot from AWS Secrets Manager or SSM Parameter Store (SecureString) with its instance role; an instance profile replaces AWS access keys entirely.',
  messages: {
    secretInUserData: {
      headline: '{subject} has {secret} in {where}.',
      detail:
        'User data is readable from the instance metadata service and the EC2 API, so move the secret to Secrets Manager or Parameter Store, fetch it with the instance role, and rotate it.',
    },
  },

  check(resource, context) {
    const subject = describeLaunch(resource);
    const reports: RuleReport[] = [];
    for (const userData of readUserData(resource, context)) {
      for (const secret of findSecrets(userData.text)) {
        const where = userData.decoded ? 'its base64-encoded user data' : 'its user data';
        reports.push({
          messageId: 'secretInUserData',
          data: { subject, secret: secret.description, where },
          range: locateSecret(secret, userData, context, resource) ?? userData.property.value.range,
        });
      }
    }
    return reports;
  },
};
