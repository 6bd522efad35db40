import { rule } from '../../src/rules/elasticache-at-rest-encryption';
import type { RuleCases } from './tester';

const group = (properties: string) =>
  `Resources:\n  Cache:\n    Type: AWS::ElastiCache::ReplicationGroup\n    Properties:\n      ReplicationGroupDescription: cache\n${properties}`;

export const cases: RuleCases = {
  rule,
  valid: [
    { syntax: 'yaml', code: group('      Engine: redis\n      AtRestEncryptionEnabled: true\n') },
    {
      syntax: 'yaml',
      name: 'Valkey replication groups are encrypted at rest by default',
      code: group('      Engine: valkey\n'),
    },
    {
      syntax: 'yaml',
      name: 'value behind !If is unknown',
      code: group('      AtRestEncryptionEnabled: !If [IsProd, true, false]\n'),
    },
    {
      syntax: 'yaml',
      name: 'a parameter without default is unknown',
      code: 'Parameters:\n  Encrypt:\n    Type: String\n' + group('      AtRestEncryptionEnabled: !Ref Encrypt\n'),
    },
    {
      syntax: 'yaml',
      name: 'an engine decided at deploy time leaves the default unknown',
      code: 'Parameters:\n  Engine:\n    Type: String\n' + group('      Engine: !Ref Engine\n'),
    },
    {
      syntax: 'yaml',
      name: 'a Global Datastore secondary inherits from the primary',
      code: group('      GlobalReplicationGroupId: ldgnf-mygroup\n'),
    },
    {
      syntax: 'yaml',
      name: 'Memcached keeps no data on disk',
      code: 'Resources:\n  Cache:\n    Type: AWS::ElastiCache::CacheCluster\n    Properties:\n      Engine: memcached\n      CacheNodeType: cache.t3.micro\n      NumCacheNodes: 1\n',
    },
    {
      syntax: 'json',
      code: '{"Resources": {"Cache": {"Type": "AWS::ElastiCache::ReplicationGroup", "Properties": {"ReplicationGroupDescription": "c", "AtRestEncryptionEnabled": "true"}}}}',
    },
    {
      syntax: 'terraform',
      code: 'resource "aws_elasticache_replication_group" "cache" {\n  replication_group_id       = "cache"\n  description                = "cache"\n  at_rest_encryption_enabled = true\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a variable without default is unknown',
      code: 'variable "encrypt" {}\n\nresource "aws_elasticache_replication_group" "cache" {\n  replication_group_id       = "cache"\n  at_rest_encryption_enabled = var.encrypt\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'Valkey default',
      code: 'resource "aws_elasticache_replication_group" "cache" {\n  replication_group_id = "cache"\n  engine               = "valkey"\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a cluster that joins a replication group takes its settings',
      code: 'resource "aws_elasticache_cluster" "replica" {\n  cluster_id           = "replica"\n  replication_group_id = aws_elasticache_replication_group.cache.id\n}\n',
    },
  ],
  invalid: [
    {
      syntax: 'yaml',
      name: 'missing on Redis OSS',
      code: group('      Engine: redis\n'),
      findings: [
        {
          line: 3,
          column: 11,
          messageId: 'encryptionNotSet',
          message: "You · Data at rest: ElastiCache replication group 'Cache' is not encrypted at rest",
          detail:
            'AtRestEncryptionEnabled is not set and defaults to false for Redis OSS. ElastiCache encrypts backups and on-disk data only when you ask for it at creation.',
        },
      ],
      output: group('      Engine: redis\n      AtRestEncryptionEnabled: true\n'),
    },
    {
      syntax: 'yaml',
      name: 'no engine means Redis OSS',
      code: group('      CacheNodeType: cache.t3.micro\n'),
      findings: [{ line: 3, column: 11 }],
      output: group('      CacheNodeType: cache.t3.micro\n      AtRestEncryptionEnabled: true\n'),
    },
    {
      syntax: 'yaml',
      name: 'explicitly false',
      code: group('      Engine: redis\n      EngineVersion: "7.1"\n      AtRestEncryptionEnabled: False\n'),
      findings: [{ line: 8, column: 32, messageId: 'encryptionOff', severity: 'warning' }],
      output: group('      Engine: redis\n      EngineVersion: "7.1"\n      AtRestEncryptionEnabled: true\n'),
    },
    {
      syntax: 'yaml',
      name: 'an engine version that cannot encrypt is reported without a fix',
      code: group('      Engine: redis\n      EngineVersion: 3.2.10\n'),
      findings: [
        {
          line: 3,
          column: 11,
          messageId: 'encryptionNotSet',
          detail: /Engine version 3\.2\.10 cannot encrypt at rest/,
        },
      ],
    },
    {
      syntax: 'yaml',
      name: 'a standalone Redis OSS cache cluster cannot be encrypted at rest',
      code: 'Resources:\n  Cache:\n    Type: AWS::ElastiCache::CacheCluster\n    Properties:\n      Engine: redis\n      CacheNodeType: cache.t3.micro\n      NumCacheNodes: 1\n',
      findings: [{ line: 5, column: 15, messageId: 'standaloneCluster' }],
    },
    {
      syntax: 'json',
      code: '{\n  "Resources": {\n    "Cache": {\n      "Type": "AWS::ElastiCache::ReplicationGroup",\n      "Properties": {\n        "ReplicationGroupDescription": "cache"\n      }\n    }\n  }\n}\n',
      findings: [{ line: 4, column: 15 }],
      output:
        '{\n  "Resources": {\n    "Cache": {\n      "Type": "AWS::ElastiCache::ReplicationGroup",\n      "Properties": {\n        "ReplicationGroupDescription": "cache",\n        "AtRestEncryptionEnabled": true\n      }\n    }\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'missing',
      code: 'resource "aws_elasticache_replication_group" "cache" {\n  replication_group_id = "cache"\n  engine               = "redis"\n}\n',
      findings: [{ line: 1, column: 10 }],
      output:
        'resource "aws_elasticache_replication_group" "cache" {\n  replication_group_id = "cache"\n  engine               = "redis"\n  at_rest_encryption_enabled = true\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'false through a local in another file of the module',
      code: {
        'main.tf': 'locals {\n  encrypt = false\n}\n',
        'cache.tf':
          'resource "aws_elasticache_replication_group" "cache" {\n  replication_group_id       = "cache"\n  at_rest_encryption_enabled = local.encrypt\n}\n',
      },
      findings: [{ line: 3, column: 32, file: 'cache.tf' }],
      output: {
        'main.tf': 'locals {\n  encrypt = false\n}\n',
        'cache.tf':
          'resource "aws_elasticache_replication_group" "cache" {\n  replication_group_id       = "cache"\n  at_rest_encryption_enabled = true\n}\n',
      },
    },
    {
      syntax: 'terraform',
      name: 'a standalone Redis OSS cluster',
      code: 'resource "aws_elasticache_cluster" "cache" {\n  cluster_id      = "cache"\n  engine          = "redis"\n  node_type       = "cache.t3.micro"\n  num_cache_nodes = 1\n}\n',
      findings: [{ line: 3, column: 21 }],
    },
  ],
};
