import type { Rule, RuleReport } from './rule';
import { attachedManagedPolicies, attacherName, MANAGED_POLICY_ATTACHING_TYPES } from './support/managed-policies';

export const rule: Rule = {
  id: 'iam-power-user-access',
  title: 'AWS-managed PowerUserAccess policy attached',
  concern: 'identity-access',
  severity: 'warning',
  appliesTo: MANAGED_POLICY_ATTACHING_TYPES,
  rationale:
    "The AWS-managed policy `PowerUserAccess` allows every action of every service except IAM, AWS Organizations and account management, on every resource (AWS managed policy reference, version v12, checked 2026-12-07). Its holder cannot grant itself more IAM permissions, which is why this is less than full administrator access, but it can read and delete any data, change any network and run anything. AWS maintains the policy; attaching it is the customer's decision.",
  remediation:
    'Attach a policy with the actions and resources this identity needs instead (CloudFormation `ManagedPolicyArns` or SAM `Policies`; Terraform `aws_iam_*_policy_attachment` or `managed_policy_arns`). Keep broad human access for IAM Identity Center permission sets with short sessions.',
  messages: {
    powerUser: {
      headline: '{subject} attaches PowerUserAccess.',
      detail:
        'PowerUserAccess is an AWS-managed policy that allows every action except IAM, Organizations and account management, on every resource. AWS maintains what the policy grants; attaching it is yours: attach a policy with the actions and resources this identity needs instead.',
    },
  },

  check(resource, context) {
    const reports: RuleReport[] = [];
    for (const attachment of attachedManagedPolicies(resource, context)) {
      if (attachment.fact.grant !== 'power-user') continue;
      reports.push({
        messageId: 'powerUser',
        data: { subject: attacherName(resource) },
        range: attachment.written.range,
      });
    }
    return reports;
  },
};
