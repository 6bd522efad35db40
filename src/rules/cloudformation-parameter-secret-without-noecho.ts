import type { CloudFormationTemplate } from '../iac/model';
import { setProperty } from '../fixes/edits';
import type { Rule, UnitReport } from './rule';
import { parameterAsEditTarget } from './support/cfn-parameters';
import { isSecretParameterName } from './support/secrets';

/**
 * Parameters whose names say they carry a secret (`DBPassword`, `GitHubToken`, `ApiKey`…) and that
 * are not `NoEcho: true`. Only `String` parameters: SSM parameter types and lists do not carry a
 * secret typed in at deploy time.
 */
export function secretParametersWithoutNoEcho(template: CloudFormationTemplate): UnitReport[] {
  return template.parameters
    .filter((parameter) => parameter.type === 'String' && !parameter.noEcho && isSecretParameterName(parameter.name))
    .map((parameter) => ({
      messageId: 'notNoEcho',
      range: parameter.keyRange,
      file: template.file,
      subject: parameter.name,
      data: { parameter: parameter.name },
    }));
}

export const rule: Rule = {
  id: 'cloudformation-parameter-secret-without-noecho',
  title: 'Secret template parameter is shown in plain text',
  concern: 'credentials',
  severity: 'warning',
  appliesTo: [],
  rationale:
    'CloudFormation displays parameter values to anyone who can view the stack, in the console and through DescribeStacks, unless the parameter is `NoEcho`. Which parameters carry secrets is something only the template author knows, so marking them is the customer side of the model.',
  remediation:
    'Add `NoEcho: true` to the parameter and give it no `Default`. Better, do not pass the secret as a parameter at all: store it in Secrets Manager and read it where it is used with a dynamic reference such as `{{resolve:secretsmanager:MySecret:SecretString:password}}`. NoEcho does not mask values you copy into `Outputs` or `Metadata`.',
  messages: {
    notNoEcho: {
      headline: "parameter '{parameter}' looks like a secret but is not NoEcho.",
      detail:
        'CloudFormation shows its value in plain text to anyone who can view the stack (console, DescribeStacks). Masking it is yours: set NoEcho: true, or better, read the secret from Secrets Manager with a dynamic reference.',
    },
  },

  check: () => [],

  checkUnit(unit) {
    return unit.kind === 'cloudformation' ? secretParametersWithoutNoEcho(unit) : [];
  },

  fixUnit(report, unit, context) {
    if (unit.kind !== 'cloudformation') return undefined;
    const parameter = unit.parameters.find((p) => p.name === report.data?.parameter);
    const text = context.text(unit.file);
    if (!parameter || text === undefined) return undefined;
    const target = parameterAsEditTarget(unit, parameter, text);
    if (!target) return undefined;
    return {
      title: `Set NoEcho: true on parameter ${parameter.name}`,
      edits: setProperty(target, context, ['NoEcho'], true),
    };
  },
};
