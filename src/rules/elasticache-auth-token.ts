import type { Resource, Value } from '../iac/model';
import type { Rule, RuleContext, RuleReport } from './rule';
import { CFN_REPLICATION_GROUP, TF_REPLICATION_GROUP, inheritsSettings } from './support/elasticache';
import { booleanOf, isCloudFormation, key, read, stringOf } from './toolkit/values';

export const rule: Rule = {
  id: 'elasticache-auth-token',
  title: 'ElastiCache replication group has no client authentication, or a hard-coded AUTH token',
  concern: 'credentials',
  severity: 'warning',
  appliesTo: [CFN_REPLICATION_GROUP, TF_REPLICATION_GROUP],
  rationale:
    'ElastiCache does not authenticate clients of a node-based Valkey or Redis OSS replication group unless you configure it: anyone who can reach the nodes on the network can read and change the data. The AUTH token, or the users of an RBAC user group, are credentials you create, store and rotate.',
  remediation:
    'Turn on in-transit encryption and either set `AuthToken` / `auth_token` from a secret (a `{{resolve:secretsmanager:…}}` dynamic reference or a NoEcho parameter; a sensitive variable or `random_password` in Terraform) or attach an RBAC user group with `UserGroupIds` / `user_group_ids`. Never write the token itself into the template.',
  messages: {
    tokenInCode: {
      headline: "ElastiCache replication group '{resource}' has its AUTH token in the {source}.",
      detail:
        'Anyone who can read the code can use it. The token is a credential you own: {where}, and rotate this one.',
    },
    noAuthentication: {
      headline: "ElastiCache replication group '{resource}' does not authenticate clients.",
      detail:
        'It has no {token} and no {groups}, so anything that can reach it on the network can read and change the cache. Set an AUTH token from a secret or attach an RBAC user group.{needsTls}',
    },
  },

  check(resource, context) {
    if (inheritsSettings(resource, context)) return [];
    const token = read(resource, context, [key(resource, 'AuthToken', 'auth_token')]);
    if (token.state === 'unknown') return [];
    if (token.state === 'known') {
      const text = stringOf(token.value).value ?? '';
      if (text !== '') return isSecretReference(text) ? [] : [hardCodedToken(resource, token.property.value.range)];
    }
    const userGroups = read(resource, context, [key(resource, 'UserGroupIds', 'user_group_ids')]);
    if (userGroups.state === 'unknown' || (userGroups.state === 'known' && !isEmptyList(userGroups.value))) return [];
    return [noAuthentication(resource, context)];
  },
};

/** A CloudFormation dynamic reference is resolved at deploy time: the secret is not in the template. */
function isSecretReference(text: string): boolean {
  return /^\{\{resolve:[a-z-]+:/.test(text.trim());
}

function isEmptyList(value: Value): boolean {
  return value.kind === 'list' && value.items.length === 0;
}

function hardCodedToken(resource: Resource, range: RuleReport['range']): RuleReport {
  // The token itself is never quoted: the finding would leak it into logs and reports.
  const where = isCloudFormation(resource)
    ? 'use a {{resolve:secretsmanager:…}} dynamic reference or a NoEcho parameter without a default'
    : 'use a sensitive variable without a default, random_password, or a value read from Secrets Manager';
  return {
    messageId: 'tokenInCode',
    data: { resource: resource.id, source: isCloudFormation(resource) ? 'template' : 'configuration', where },
    range,
    severity: 'error',
  };
}

function noAuthentication(resource: Resource, context: RuleContext): RuleReport {
  const transit = booleanOf(
    read(resource, context, [key(resource, 'TransitEncryptionEnabled', 'transit_encryption_enabled')]),
  );
  const token = key(resource, 'AuthToken', 'auth_token');
  const groups = key(resource, 'UserGroupIds', 'user_group_ids');
  const needsTls = transit.value === true ? '' : ' Both need in-transit encryption, which this group does not turn on.';
  return {
    messageId: 'noAuthentication',
    data: { resource: resource.id, token, groups, needsTls },
    range: resource.typeRange,
  };
}
