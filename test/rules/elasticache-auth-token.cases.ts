import { rule } from '../../src/rules/elasticache-auth-token';
import type { RuleCases } from './tester';

const group = (properties: string) =>
  `Resources:\n  Cache:\n    Type: AWS::ElastiCache::ReplicationGroup\n    Properties:\n      ReplicationGroupDescription: cache\n      TransitEncryptionEnabled: true\n${properties}`;

export const cases: RuleCases = {
  rule,
  valid: [
    {
      syntax: 'yaml',
      name: 'token from Secrets Manager',
      code: group("      AuthToken: '{{resolve:secretsmanager:cache-token:SecretString:token}}'\n"),
    },
    {
      syntax: 'yaml',
      name: 'token from a NoEcho parameter without default',
      code: 'Parameters:\n  Token:\n    Type: String\n    NoEcho: true\n' + group('      AuthToken: !Ref Token\n'),
    },
    { syntax: 'yaml', name: 'RBAC user group', code: group('      UserGroupIds:\n        - app-users\n') },
    {
      syntax: 'yaml',
      name: 'token behind !If is unknown',
      code: group("      AuthToken: !If [HasToken, !Ref Token, !Ref 'AWS::NoValue']\n"),
    },
    {
      syntax: 'yaml',
      name: 'user groups from an import are unknown',
      code: group('      UserGroupIds: !Split [",", !ImportValue UserGroups]\n'),
    },
    {
      syntax: 'yaml',
      name: 'a Global Datastore secondary inherits',
      code: group('      GlobalReplicationGroupId: ldgnf-mygroup\n'),
    },
    {
      syntax: 'json',
      code: '{"Resources": {"Cache": {"Type": "AWS::ElastiCache::ReplicationGroup", "Properties": {"ReplicationGroupDescription": "c", "TransitEncryptionEnabled": true, "UserGroupIds": ["app"]}}}}',
    },
    {
      syntax: 'terraform',
      name: 'generated token',
      code: 'resource "random_password" "token" {\n  length = 32\n}\n\nresource "aws_elasticache_replication_group" "cache" {\n  replication_group_id       = "cache"\n  transit_encryption_enabled = true\n  auth_token                 = random_password.token.result\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a sensitive variable without default',
      code: 'variable "token" {\n  sensitive = true\n}\n\nresource "aws_elasticache_replication_group" "cache" {\n  replication_group_id       = "cache"\n  transit_encryption_enabled = true\n  auth_token                 = var.token\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'user groups',
      code: 'resource "aws_elasticache_replication_group" "cache" {\n  replication_group_id       = "cache"\n  transit_encryption_enabled = true\n  user_group_ids             = [aws_elasticache_user_group.app.id]\n}\n',
    },
  ],
  invalid: [
    {
      syntax: 'yaml',
      name: 'no token and no user group',
      code: group(''),
      findings: [
        {
          line: 3,
          column: 11,
          messageId: 'noAuthentication',
          message: "You · Credentials: ElastiCache replication group 'Cache' does not authenticate clients",
          detail:
            'It has no AuthToken and no UserGroupIds, so anything that can reach it on the network can read and change the cache. Set an AUTH token from a secret or attach an RBAC user group.',
          severity: 'warning',
        },
      ],
    },
    {
      // Checkov's CKV_AWS_31 fixture ElasticacheReplicationGroupEncryptionAtTransitAuthToken-PASSED.yaml passes this
      // exact shape because an AuthToken is present; a token written in the template is a leaked credential, so we fail it.
      syntax: 'yaml',
      name: 'a literal token is a hard-coded credential, never quoted back',
      code: group("      AuthToken: 'MySecret!AuthToken$'\n"),
      findings: [
        {
          line: 7,
          column: 18,
          messageId: 'tokenInCode',
          message: "You · Credentials: ElastiCache replication group 'Cache' has its AUTH token in the template",
          detail:
            'Anyone who can read the code can use it. The token is a credential you own: use a {{resolve:secretsmanager:…}} dynamic reference or a NoEcho parameter without a default, and rotate this one.',
          severity: 'error',
        },
      ],
    },
    {
      syntax: 'yaml',
      name: 'a NoEcho parameter with a default still puts the token in the template',
      code:
        'Parameters:\n  Token:\n    Type: String\n    NoEcho: true\n    Default: hunter2hunter2hunter2\n' +
        group('      AuthToken: !Ref Token\n'),
      findings: [{ line: 12, column: 18, messageId: 'tokenInCode', severity: 'error' }],
    },
    {
      syntax: 'yaml',
      name: 'an empty user group list authenticates nobody; transit off is called out',
      code: 'Resources:\n  Cache:\n    Type: AWS::ElastiCache::ReplicationGroup\n    Properties:\n      ReplicationGroupDescription: cache\n      UserGroupIds: []\n',
      findings: [{ line: 3, column: 11, messageId: 'noAuthentication', detail: /Both need in-transit encryption/ }],
    },
    {
      syntax: 'json',
      code: '{\n  "Resources": {\n    "Cache": {\n      "Type": "AWS::ElastiCache::ReplicationGroup",\n      "Properties": {\n        "ReplicationGroupDescription": "cache",\n        "TransitEncryptionEnabled": true,\n        "AuthToken": "0123456789abcdef0123"\n      }\n    }\n  }\n}\n',
      findings: [{ line: 8, column: 22, severity: 'error' }],
    },
    {
      syntax: 'terraform',
      name: 'no authentication',
      code: 'resource "aws_elasticache_replication_group" "cache" {\n  replication_group_id       = "cache"\n  transit_encryption_enabled = true\n}\n',
      findings: [{ line: 1, column: 10, messageId: 'noAuthentication', detail: /no auth_token and no user_group_ids/ }],
    },
    {
      syntax: 'terraform',
      name: 'a token in a variable default, in another file of the module',
      code: {
        'variables.tf': 'variable "token" {\n  default = "0123456789abcdef0123"\n}\n',
        'main.tf':
          'resource "aws_elasticache_replication_group" "cache" {\n  replication_group_id       = "cache"\n  transit_encryption_enabled = true\n  auth_token                 = var.token\n}\n',
      },
      findings: [
        {
          line: 4,
          column: 32,
          file: 'main.tf',
          messageId: 'tokenInCode',
          message:
            "You · Credentials: ElastiCache replication group 'aws_elasticach…on_group.cache' has its AUTH token in the configuration",
          detail:
            "ElastiCache replication group 'aws_elasticache_replication_group.cache' has its AUTH token in the configuration. Anyone who can read the code can use it. The token is a credential you own: use a sensitive variable without a default, random_password, or a value read from Secrets Manager, and rotate this one.",
          severity: 'error',
        },
      ],
    },
  ],
};
