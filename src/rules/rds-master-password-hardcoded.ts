import type { TextEdit } from '../fixes/types';
import type { InputSource, Property, Resource, Value } from '../iac/model';
import { describeInputSource, inputSourceOf } from '../iac/model';
import { lineIndexOf, removeProperty, setProperty } from '../fixes/edits';
import type { Rule, RuleContext, RuleReport } from './rule';
import { engineOf, isAuroraMember, isReadReplica, isServerlessV1, rdsKind, rdsName } from './support/rds';
import { countReadsOf } from './toolkit/references';

import { booleanOf, isCloudFormation, isSet, key, property, readFor } from './toolkit/values';

const CFN_PASSWORD = 'MasterUserPassword';
const CFN_MANAGED = 'ManageMasterUserPassword';
const TF_MANAGED = 'manage_master_user_password';

/** Password properties per Terraform type; the write-only variants (`*_wo`) come with a version attribute. */
function terraformPasswordKeys(resource: Resource): string[] {
  return rdsKind(resource) === 'cluster' ? ['master_password', 'master_password_wo'] : ['password', 'password_wo'];
}

/** Where a hard-coded password comes from, for the message (never the password itself). */
interface Origin {
  /** "written in the template", "the default of parameter 'DbPassword'"… */
  description: string;
  /** The parameter, variable or local the value comes through, if any. */
  via?: string;
}

/**
 * A CloudFormation dynamic reference (`{{resolve:secretsmanager:…}}`, `{{resolve:ssm-secure:…}}`)
 * is resolved at deploy time and keeps the secret out of the template, also when it is part of a
 * longer string (`Prefix-{{resolve:…}}`).
 */
function containsDynamicReference(text: string): boolean {
  return text.includes('{{resolve:');
}

/** Follows references to parameters, variables and locals down to a literal, remembering the first name. */
function hardCodedOrigin(value: Value, resource: Resource, context: RuleContext): Origin | undefined {
  const cfn = isCloudFormation(resource);
  let via: string | undefined;
  let source: InputSource | undefined;
  if (value.kind === 'reference' && value.attribute === undefined) {
    if (cfn) via = `parameter '${value.target}'`;
    else if (value.target.startsWith('var.')) via = `variable '${value.target.slice(4)}'`;
    else if (value.target.startsWith('local.')) via = `local value '${value.target.slice(6)}'`;
    source = inputSourceOf(context.unit, value.target);
  }
  const resolved = context.resolve(value);
  if (resolved?.kind !== 'literal' || typeof resolved.value !== 'string') return undefined;
  if (resolved.value.trim() === '' || containsDynamicReference(resolved.value)) return undefined;
  // Given to this scan on the command line (`--var`): in no file, so not hard-coded anywhere.
  if (source?.kind === 'command-line') return undefined;
  const written = cfn ? 'written in the template' : 'written in the configuration';
  if (!via) return { description: written };
  if (source?.kind === 'file') return { description: `written in ${source.name} as the value of ${via}`, via };
  if (source) return { description: `${written} and ${describeInputSource(source)} as ${via}`, via };
  const what = via.startsWith('local') ? via : `the default of ${via}`;
  return { description: `${written} as ${what}`, via };
}

export const rule: Rule = {
  id: 'rds-master-password-hardcoded',
  title: 'RDS master password is written in the template',
  concern: 'credentials',
  severity: 'error',
  appliesTo: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster', 'aws_db_instance', 'aws_rds_cluster'],
  rationale:
    'The master password is a credential you own: AWS stores it, but cannot keep it secret if it is written in a template, where everyone who can read the repository, the stack or the Terraform state can read it too, and where it is never rotated.',
  remediation:
    'Let RDS generate and rotate the password in Secrets Manager: remove `MasterUserPassword` and set `ManageMasterUserPassword: true` (CloudFormation), or remove `password`/`master_password` and set `manage_master_user_password = true` (Terraform). Alternatively use a `{{resolve:secretsmanager:…}}` dynamic reference, a `NoEcho` parameter without a default, or a variable without a default fed from a secret store. Change the password once it has been exposed.',
  messages: {
    hardcoded: {
      headline: 'The master password of {database} is hard-coded.',
      detail:
        'It is {origin}{state}. AWS cannot keep a credential secret that is in your source; let RDS manage it in Secrets Manager ({managed}) and change the exposed password.',
    },
  },

  check(resource, context) {
    const keys = isCloudFormation(resource) ? [CFN_PASSWORD] : terraformPasswordKeys(resource);
    const reports: RuleReport[] = [];
    for (const name of keys) {
      const setting = property(resource, name);
      if (!setting) continue;
      const origin = hardCodedOrigin(setting.value, resource, context);
      if (!origin) continue;
      const state = isCloudFormation(resource) ? '' : ' and ends up in plain text in the Terraform state';
      reports.push({
        messageId: 'hardcoded',
        range: setting.value.range,
        fixable: canManagePassword(resource, context, setting, origin),
        data: {
          property: name,
          database: rdsName(resource),
          origin: origin.description,
          state,
          managed: key(resource, CFN_MANAGED, TF_MANAGED),
        },
      });
    }
    return reports;
  },

  fix(report, resource, context) {
    const name = String(report.data?.property ?? key(resource, CFN_PASSWORD, 'password'));
    const password = property(resource, name);
    if (!password) return undefined;
    const managed = key(resource, CFN_MANAGED, TF_MANAGED);
    const edits = property(resource, managed)
      ? [...removeProperty(resource, context, [name]), ...setProperty(resource, context, [managed], true)]
      : replaceProperty(resource, context, password, managed, true);
    return { title: `Let RDS manage the master password in Secrets Manager (${managed})`, edits };
  },
};

/**
 * Whether replacing the password with an RDS-managed secret is a safe automatic change: the engine
 * and mode support it, and nothing else in the template reads the same password (an application
 * given the old password would stop connecting).
 */
function canManagePassword(resource: Resource, context: RuleContext, setting: Property, origin: Origin): boolean {
  if (setting.key.endsWith('_wo')) return false; // comes with a *_wo_version attribute
  if (isAuroraMember(resource, context) || isReadReplica(resource, context) || isServerlessV1(resource, context))
    return false;
  const engine = engineOf(resource, context).value;
  // Not supported for RDS Custom, Oracle multitenant (CDB) and Aurora global database members.
  if (engine?.startsWith('custom-') || engine?.endsWith('-cdb')) return false;
  if (isSet(resource, context, key(resource, 'GlobalClusterIdentifier', 'global_cluster_identifier'))) return false;
  if (isSet(resource, context, 'blue_green_update')) return false;
  if (booleanOf(readFor(resource, context, CFN_MANAGED, TF_MANAGED)).state === 'unknown') return false;
  return !passwordUsedElsewhere(context, resource, setting, origin);
}

/**
 * Something else reads the same password: another read of the parameter or variable it comes
 * through, or a read of this resource's password attribute (`aws_db_instance.db.password`).
 */
function passwordUsedElsewhere(context: RuleContext, resource: Resource, setting: Property, origin: Origin): boolean {
  if (origin.via && setting.value.kind === 'reference') {
    const source = setting.value.target;
    if (countReadsOf(context, source, source) > 1) return true;
  }
  if (context.unit.kind === 'cloudformation') return false; // CloudFormation cannot read a password back.
  const attribute = `${resource.id}.${setting.key}`;
  return countReadsOf(context, resource.id, attribute, (path) => (path ?? '').split('.')[0] === setting.key) > 0;
}

/** Replaces `password = …` with `managed = true` in place: one edit, the file's own style, comments after it kept. */
function replaceProperty(
  resource: Resource,
  context: RuleContext,
  password: Property,
  managed: string,
  value: boolean,
): TextEdit[] {
  const text = context.text(resource.file);
  if (text === undefined) return [];
  const lines = lineIndexOf(text);
  const start = lines.offset(password.keyRange.start);
  let end = lines.offset(password.value.range.end);
  // A YAML block scalar ends at the start of the next line: keep that line break.
  if (password.value.range.end.character === 0 && password.value.range.end.line > password.keyRange.start.line)
    end -= text[end - 2] === '\r' ? 2 : 1;
  const newText =
    resource.syntax === 'terraform'
      ? `${managed} = ${value}`
      : resource.syntax === 'cloudformation-json'
        ? `${JSON.stringify(managed)}: ${value}`
        : `${managed}: ${value}`;
  return [{ file: resource.file, range: lines.range(start, end), newText }];
}
