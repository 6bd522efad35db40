import type { Rule } from './rule';
import { stringOf, isCloudFormation, key, property } from './toolkit/values';

export const rule: Rule = {
  id: 'iam-access-key-in-template',
  title: 'Template creates a long-lived IAM access key',
  concern: 'credentials',
  severity: 'warning',
  appliesTo: ['AWS::IAM::AccessKey', 'aws_iam_access_key'],
  rationale:
    'An IAM access key is a password-like credential that never expires and that AWS never rotates: keeping it secret and rotating it is the customer side of the model. A key created by a template also leaves its secret where the template puts it: a CloudFormation output or resource that reads `SecretAccessKey`, or the Terraform state.',
  remediation:
    'Prefer temporary credentials: an IAM role for workloads (instance profile, task role, IRSA, OIDC federation for CI) and IAM Identity Center for people. If a key is unavoidable, create it outside the template, keep the secret in Secrets Manager, and rotate it; in Terraform set `pgp_key` so the state holds only an encrypted secret.',
  messages: {
    accessKey: {
      headline: "Access key '{resource}' is a long-lived credential that AWS never rotates.",
      detail:
        'AWS never expires or rotates it, and {where}. Keeping it secret and rotating it is yours; prefer IAM roles for workloads and IAM Identity Center for people.',
    },
  },

  check(resource, context) {
    // An inactive key cannot sign requests until someone activates it.
    const status = stringOf(context.resolve(property(resource, key(resource, 'Status', 'status'))?.value)).value;
    if (status === 'Inactive') return [];
    const where = isCloudFormation(resource)
      ? 'its secret is readable by anything in the stack that uses Fn::GetAtt SecretAccessKey (often an output anyone who can describe the stack can see)'
      : property(resource, 'pgp_key')
        ? 'Terraform keeps its secret, encrypted with the PGP key, in the state'
        : 'Terraform keeps its secret in the state in plain text';
    return [
      {
        messageId: 'accessKey',
        data: { resource: resource.id, where },
        range: resource.typeRange,
      },
    ];
  },
};
