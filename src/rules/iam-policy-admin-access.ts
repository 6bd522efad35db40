import type { Resource } from '../iac/model';
import { readPolicy, type PolicyStatement } from './toolkit/policy';
import type { Rule, RuleReport } from './rule';
import { IDENTITY_POLICY_TYPES, identityPolicies, statementRange } from './support/iam-policies';
import { attachedManagedPolicies, attacherName, MANAGED_POLICY_ATTACHING_TYPES } from './support/managed-policies';

/** `*` and `*:*` both mean every action of every service. */
function allowsEveryAction(statement: PolicyStatement): boolean {
  return (
    statement.actions.state === 'known' && statement.actions.value.some((action) => action === '*' || action === '*:*')
  );
}

function onEveryResource(statement: PolicyStatement): boolean {
  return statement.resources.state === 'known' && statement.resources.value.includes('*');
}

function isAdministratorStatement(statement: PolicyStatement): boolean {
  return statement.effect.value === 'Allow' && allowsEveryAction(statement) && onEveryResource(statement);
}

function subject(resource: Resource, policyName: string | undefined): string {
  if (resource.type === 'aws_ssoadmin_permission_set_inline_policy') return `Permission set policy '${resource.id}'`;
  const inline = /^(AWS::IAM::(Role|User|Group)|AWS::Serverless::(Function|StateMachine)|aws_iam_role)$/.test(
    resource.type,
  );
  if (!inline) return `IAM policy '${resource.id}'`;
  return policyName ? `Inline policy '${policyName}' of '${resource.id}'` : `An inline policy of '${resource.id}'`;
}

export const rule: Rule = {
  id: 'iam-policy-admin-access',
  title: 'IAM policy grants full administrator access',
  concern: 'identity-access',
  severity: 'error',
  appliesTo: [...new Set([...IDENTITY_POLICY_TYPES, ...MANAGED_POLICY_ATTACHING_TYPES])],
  rationale:
    "AWS enforces IAM policies exactly as written; deciding who may do what is the customer side of the model. A statement that allows every action on every resource makes its holder an administrator of the account, so one leaked credential or compromised workload can change or delete anything. Attaching the AWS-managed policy `AdministratorAccess` grants exactly that, and `IAMFullAccess` (every IAM action) lets its holder grant itself the same; AWS maintains what these policies contain, but attaching them is the customer's decision (AWS managed policy reference, checked 2026-12-07).",
  remediation:
    'Replace `Action: "*"` (or an attached `AdministratorAccess` / `IAMFullAccess`) with the actions the identity needs and `Resource: "*"` with the ARNs it works on (CloudFormation `PolicyDocument`, Terraform `policy` or `data "aws_iam_policy_document"`). Keep administrator access for a few break-glass roles, granted through IAM Identity Center permission sets.',
  messages: {
    adminAccess: {
      headline: '{subject} allows every action on every resource.',
      detail:
        'Action "*" on Resource "*" is full administrator access. AWS applies the policy exactly as written; limiting it to the actions and resources this identity needs is yours.',
    },
    managedAdministrator: {
      headline: '{subject} attaches {policy}.',
      detail:
        '{policy} is an AWS-managed policy that allows every action on every resource: full administrator access. AWS maintains what the policy grants; attaching it is yours: attach a policy with the actions and resources this identity needs instead.',
    },
    managedIamFull: {
      headline: '{subject} attaches {policy}.',
      detail:
        '{policy} is an AWS-managed policy that allows every IAM action: its holder can grant itself full administrator access. AWS maintains what the policy grants; attaching it is yours: grant only the IAM actions this identity needs, on the roles and policies it manages, and bound them with a permissions boundary.',
    },
  },

  check(resource, context) {
    const reports: RuleReport[] = [];
    for (const source of identityPolicies(resource)) {
      const policy = readPolicy(source.value, context);
      if (!policy) continue;
      policy.statements.forEach((statement, index) => {
        if (!isAdministratorStatement(statement)) return;
        reports.push({
          messageId: 'adminAccess',
          data: { subject: subject(resource, source.name) },
          range: statementRange(statement, index, source.value, context, resource),
        });
      });
    }
    for (const attachment of attachedManagedPolicies(resource, context)) {
      const { grant, name } = attachment.fact;
      if (grant !== 'administrator' && grant !== 'iam-full') continue;
      reports.push({
        messageId: grant === 'administrator' ? 'managedAdministrator' : 'managedIamFull',
        data: { subject: attacherName(resource), policy: name },
        range: attachment.written.range,
      });
    }
    return reports;
  },
};
