import type { Property, Resource } from '../iac/model';
import { getPath } from '../iac/model';
import { setProperty } from '../fixes/edits';
import type { Rule } from './rule';
import { stringOf } from './toolkit/values';

/** Where each type keeps the URL's auth type. */
function authTypePath(resource: Resource): string[] {
  if (resource.type === 'AWS::Serverless::Function') return ['FunctionUrlConfig', 'AuthType'];
  return resource.type === 'aws_lambda_function_url' ? ['authorization_type'] : ['AuthType'];
}

function authType(resource: Resource): Property | undefined {
  return getPath(resource.properties, ...authTypePath(resource));
}

export const rule: Rule = {
  id: 'lambda-function-url-public',
  title: 'Lambda function URL does not authenticate callers',
  concern: 'identity-access',
  severity: 'error',
  appliesTo: ['AWS::Lambda::Url', 'AWS::Serverless::Function', 'aws_lambda_function_url'],
  rationale:
    'AWS runs the HTTPS endpoint of a function URL, but who may call it is yours to decide. With auth type NONE, Lambda checks no credentials and the function is open to anyone who learns the URL (the resource policy that such URLs need usually grants everyone); any authentication is then left to the function code.',
  remediation:
    'Set `AuthType: AWS_IAM` (`AWS::Lambda::Url`, or `FunctionUrlConfig.AuthType` on `AWS::Serverless::Function`) or `authorization_type = "AWS_IAM"` (`aws_lambda_function_url`), and grant `lambda:InvokeFunctionUrl` to the callers that need it. If the URL must stay public (a webhook, say), verify callers in the function and suppress this finding with a reason.',
  messages: {
    noAuth: {
      headline: "function URL of '{resource}' has {property} NONE.",
      detail:
        "Lambda authenticates no caller, so the function's resource-based policy alone decides who can invoke it through the URL (for such URLs, usually everyone). Who may call it is yours to decide: use AWS_IAM, or check callers in the function code.",
    },
  },

  check(resource, context) {
    const setting = authType(resource);
    if (!setting || stringOf(context.resolve(setting.value)).value !== 'NONE') return [];
    return [
      {
        messageId: 'noAuth',
        data: { resource: resource.id, property: setting.key },
        range: setting.value.range,
      },
    ];
  },

  fix(_report, resource, context) {
    const path = authTypePath(resource);
    return { title: `Set ${path[path.length - 1]} to AWS_IAM`, edits: setProperty(resource, context, path, 'AWS_IAM') };
  },
};
