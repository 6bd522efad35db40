import { rule } from '../../src/rules/elasticache-transit-encryption';
import type { RuleCases } from './tester';

const group = (properties: string) =>
  `Resources:\n  Cache:\n    Type: AWS::ElastiCache::ReplicationGroup\n    Properties:\n      ReplicationGroupDescription: cache\n${properties}`;
const memcached = (properties: string) =>
  `Resources:\n  Cache:\n    Type: AWS::ElastiCache::CacheCluster\n    Properties:\n      Engine: memcached\n${properties}`;

export const cases: RuleCases = {
  rule,
  valid: [
    { syntax: 'yaml', code: group('      TransitEncryptionEnabled: true\n') },
    {
      syntax: 'yaml',
      name: 'required mode',
      code: group('      TransitEncryptionEnabled: true\n      TransitEncryptionMode: required\n'),
    },
    {
      syntax: 'yaml',
      name: 'value behind !If is unknown',
      code: group('      TransitEncryptionEnabled: !If [IsProd, true, false]\n'),
    },
    {
      syntax: 'yaml',
      name: 'a parameter without default is unknown',
      code: 'Parameters:\n  Tls:\n    Type: String\n' + group('      TransitEncryptionEnabled: !Ref Tls\n'),
    },
    {
      syntax: 'yaml',
      name: 'AWS::NoValue in one branch is still unknown',
      code: group('      TransitEncryptionEnabled: !If [IsProd, true, !Ref AWS::NoValue]\n'),
    },
    {
      syntax: 'yaml',
      name: 'a Global Datastore secondary inherits from the primary',
      code: group('      GlobalReplicationGroupId: ldgnf-mygroup\n'),
    },
    {
      syntax: 'yaml',
      name: 'Memcached with TLS',
      code: memcached('      EngineVersion: 1.6.22\n      TransitEncryptionEnabled: true\n'),
    },
    {
      syntax: 'yaml',
      name: 'a standalone Redis OSS cluster gets TLS only as a replication group: not this rule',
      code: 'Resources:\n  Cache:\n    Type: AWS::ElastiCache::CacheCluster\n    Properties:\n      Engine: redis\n',
    },
    {
      syntax: 'json',
      code: '{"Resources": {"Cache": {"Type": "AWS::ElastiCache::ReplicationGroup", "Properties": {"ReplicationGroupDescription": "c", "TransitEncryptionEnabled": true}}}}',
    },
    {
      syntax: 'terraform',
      code: 'resource "aws_elasticache_replication_group" "cache" {\n  replication_group_id       = "cache"\n  transit_encryption_enabled = true\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a variable without default is unknown',
      code: 'variable "tls" {\n  type = bool\n}\n\nresource "aws_elasticache_replication_group" "cache" {\n  replication_group_id       = "cache"\n  transit_encryption_enabled = var.tls\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a member cluster takes its settings from the group',
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
          message:
            "You · Data in transit: ElastiCache replication group 'Cache' does not turn on in-transit encryption",
          detail:
            'TransitEncryptionEnabled is not set and defaults to false for Redis OSS. ElastiCache uses TLS only when you turn it on; until then cached data crosses the network in plain text.',
        },
      ],
      output: group('      Engine: redis\n      TransitEncryptionEnabled: true\n'),
    },
    {
      syntax: 'yaml',
      name: 'missing on Valkey: no claim about the default',
      code: group('      Engine: valkey\n'),
      findings: [
        { line: 3, column: 11, messageId: 'encryptionNotSet', detail: /TransitEncryptionEnabled is not set\. / },
      ],
      output: group('      Engine: valkey\n      TransitEncryptionEnabled: true\n'),
    },
    {
      syntax: 'yaml',
      name: 'explicitly false, through a parameter default',
      code:
        'Parameters:\n  Tls:\n    Type: String\n    Default: "false"\n' +
        group('      TransitEncryptionEnabled: !Ref Tls\n'),
      findings: [{ line: 10, column: 33, messageId: 'encryptionOff' }],
    },
    {
      syntax: 'yaml',
      name: 'preferred mode still accepts plain text; not fixed automatically',
      code: group('      TransitEncryptionEnabled: true\n      TransitEncryptionMode: preferred\n'),
      findings: [{ line: 7, column: 30, messageId: 'preferredMode' }],
    },
    {
      syntax: 'yaml',
      name: 'Memcached too old for TLS: reported without a fix',
      code: memcached('      EngineVersion: 1.6.6\n'),
      findings: [{ line: 3, column: 11, messageId: 'encryptionNotSet', detail: /upgrade to Memcached 1\.6\.12/ }],
    },
    {
      syntax: 'yaml',
      name: 'Memcached explicitly false',
      code: memcached('      EngineVersion: 1.6.17\n      TransitEncryptionEnabled: false # for now\n'),
      findings: [{ line: 7, column: 33 }],
      output: memcached('      EngineVersion: 1.6.17\n      TransitEncryptionEnabled: true # for now\n'),
    },
    {
      syntax: 'json',
      code: '{\n  "Resources": {\n    "Cache": {\n      "Type": "AWS::ElastiCache::ReplicationGroup",\n      "Properties": {\n        "ReplicationGroupDescription": "cache",\n        "TransitEncryptionEnabled": false\n      }\n    }\n  }\n}\n',
      findings: [{ line: 7, column: 37 }],
      output:
        '{\n  "Resources": {\n    "Cache": {\n      "Type": "AWS::ElastiCache::ReplicationGroup",\n      "Properties": {\n        "ReplicationGroupDescription": "cache",\n        "TransitEncryptionEnabled": true\n      }\n    }\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'missing',
      code: 'resource "aws_elasticache_replication_group" "cache" {\n  replication_group_id = "cache"\n}\n',
      findings: [{ line: 1, column: 10 }],
      output:
        'resource "aws_elasticache_replication_group" "cache" {\n  replication_group_id = "cache"\n  transit_encryption_enabled = true\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a variable default of false, in another file',
      code: {
        'variables.tf': 'variable "tls" {\n  default = false\n}\n',
        'main.tf':
          'resource "aws_elasticache_cluster" "memcached" {\n  cluster_id                 = "m"\n  engine                     = "memcached"\n  transit_encryption_enabled = var.tls\n}\n',
      },
      findings: [{ line: 4, column: 32, file: 'main.tf' }],
      output: {
        'variables.tf': 'variable "tls" {\n  default = false\n}\n',
        'main.tf':
          'resource "aws_elasticache_cluster" "memcached" {\n  cluster_id                 = "m"\n  engine                     = "memcached"\n  transit_encryption_enabled = true\n}\n',
      },
    },
  ],
};
