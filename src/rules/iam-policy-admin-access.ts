import type { Resource } from '../iac/model';
import { readPolicy, type PolicyStatement } from './toolkit/policy';
import type { Rule, RuleReport } from './rule';
import { IDENTITY_POLICY_TYPES, identityPolicies, statementRange } from './support/iam-policies';

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
  appliesTo: IDENTITY_POLICY_TYPES,
  rationale:
    'AWS enforces IAM policies exactly as written; deciding who may do what is the customer side of the model. A statement that allows every action on every resource makes its holder an administrator of the account, so one leaked credential or compromised workload can change or delete anything.',
  remediation:
    'Replace `Action: "*"` with the actions the identity needs and `Resource: "*"` with the ARNs it works on (CloudFormation `PolicyDocument`, Terraform `policy` or `data "aws_iam_policy_document"`). Keep administrator access for a few break-glass roles, granted through IAM Identity Center permission sets.',
  messages: {
    adminAccess: {
      headline:
        '{subject} allows every action on every resource (Action "*", Resource "*"): full administrator access.',
      detail:
        'AWS applies the policy exactly as written; limiting it to the actions and resources this identity needs is yours.',
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
    return reports;
  },
};
