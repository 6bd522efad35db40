import type { Property, Resource } from '../iac/model';
import { getPath } from '../iac/model';
import type { Rule, RuleReport } from './rule';
import { isHardCodedSecretValue, isSecretPropertyName } from './support/secrets';
import { isCloudFormation } from './toolkit/values';

/** Values that are credentials whatever the variable is called; the label goes into the message. */
const CREDENTIAL_SHAPES: readonly { label: string; pattern: RegExp }[] = [
  { label: 'an AWS access key ID', pattern: /^(AKIA|ASIA)[A-Z0-9]{16}$/ },
  { label: 'a private key', pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----/ },
  { label: 'a GitHub token', pattern: /^(gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,})$/ },
  { label: 'a Slack token', pattern: /^xox[abposr]-[A-Za-z0-9-]{10,}$/ },
  { label: 'a Stripe secret key', pattern: /^[sr]k_live_[A-Za-z0-9]{16,}$/ },
];

function variables(resource: Resource): Property | undefined {
  return isCloudFormation(resource)
    ? getPath(resource.properties, 'Environment', 'Variables')
    : getPath(resource.properties, 'environment', 'variables');
}

/** Why the variable's value is taken for a secret (a phrase for the message), or undefined when it is not. */
function secretEvidence(name: string, value: string): string | undefined {
  const shape = CREDENTIAL_SHAPES.find((s) => s.pattern.test(value.trim()));
  if (shape) return `a literal value that looks like ${shape.label}`;
  return isSecretPropertyName(name) && isHardCodedSecretValue(value)
    ? 'a literal value, and its name says it is a secret'
    : undefined;
}

export const rule: Rule = {
  id: 'lambda-environment-secrets',
  title: 'Secret in a Lambda environment variable',
  concern: 'credentials',
  severity: 'error',
  appliesTo: ['AWS::Lambda::Function', 'AWS::Serverless::Function', 'aws_lambda_function'],
  rationale:
    "Lambda encrypts environment variables at rest, but anyone allowed to read the function configuration sees them in clear, and a value written in the template also lives in every copy and commit of it (and in the Terraform state). Keeping credentials out of code is the customer's side of the model: AWS stores secrets safely only when you put them in Secrets Manager or SSM Parameter Store.",
  remediation:
    'Store the secret in AWS Secrets Manager or as an SSM SecureString and have the function read it at run time (pass its name or ARN in the variable), or in CloudFormation use a dynamic reference such as `{{resolve:secretsmanager:MySecret:SecretString:password}}`; in Terraform pass a `sensitive` variable without a default. Then rotate the exposed value.',
  messages: {
    secretInEnvironment: {
      headline: "Lambda function '{resource}' has a secret in environment variable {variable}.",
      detail:
        'It sets environment variable {variable} to {evidence} (value not shown). Anyone who can read {where} can read it; keep it in Secrets Manager or Parameter Store, pass a reference instead, and rotate it.',
    },
  },

  check(resource, context) {
    const map = context.resolve(variables(resource)?.value);
    if (map?.kind !== 'map') return [];
    const reports: RuleReport[] = [];
    for (const variable of map.properties) {
      const value = context.resolve(variable.value);
      if (value?.kind !== 'literal' || typeof value.value !== 'string') continue;
      const evidence = secretEvidence(variable.key, value.value);
      if (!evidence) continue;
      const where = isCloudFormation(resource)
        ? 'the template and the function configuration'
        : 'the code, the Terraform state and the function configuration';
      reports.push({
        messageId: 'secretInEnvironment',
        data: { resource: resource.id, variable: variable.key, evidence, where },
        range: variable.value.range,
      });
    }
    return reports;
  },
};
