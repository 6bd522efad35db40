import { rule } from '../../src/rules/opensearch-encryption-at-rest';
import type { RuleCases } from './tester';

const domain = (properties: string, type = 'AWS::OpenSearchService::Domain') =>
  `Resources:\n  Search:\n    Type: ${type}\n    Properties:\n      DomainName: search\n${properties}`;

export const cases: RuleCases = {
  rule,
  valid: [
    {
      syntax: 'yaml',
      code: domain('      EncryptionAtRestOptions:\n        Enabled: true\n        KmsKeyId: !Ref Key\n'),
    },
    {
      syntax: 'yaml',
      name: 'legacy Elasticsearch domain',
      code: domain(
        '      ElasticsearchVersion: "7.10"\n      EncryptionAtRestOptions:\n        Enabled: true\n',
        'AWS::Elasticsearch::Domain',
      ),
    },
    {
      syntax: 'yaml',
      name: 'value behind !If is unknown',
      code: domain('      EncryptionAtRestOptions:\n        Enabled: !If [IsProd, true, false]\n'),
    },
    {
      syntax: 'yaml',
      name: 'the whole options map behind !If is unknown',
      code: domain('      EncryptionAtRestOptions: !If [IsProd, {Enabled: true}, !Ref AWS::NoValue]\n'),
    },
    {
      syntax: 'yaml',
      name: 'a parameter without default is unknown',
      code:
        'Parameters:\n  Encrypt:\n    Type: String\n' +
        domain('      EncryptionAtRestOptions:\n        Enabled: !Ref Encrypt\n'),
    },
    {
      syntax: 'json',
      code: '{"Resources": {"Search": {"Type": "AWS::OpenSearchService::Domain", "Properties": {"EncryptionAtRestOptions": {"Enabled": true}}}}}',
    },
    {
      syntax: 'terraform',
      code: 'resource "aws_opensearch_domain" "search" {\n  domain_name = "search"\n\n  encrypt_at_rest {\n    enabled = true\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a dynamic block is unknown',
      code: 'resource "aws_elasticsearch_domain" "search" {\n  domain_name = "search"\n\n  dynamic "encrypt_at_rest" {\n    for_each = var.encrypt ? [1] : []\n    content {\n      enabled = true\n    }\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a variable without default is unknown',
      code: 'variable "encrypt" {}\n\nresource "aws_opensearch_domain" "search" {\n  domain_name = "search"\n  encrypt_at_rest {\n    enabled = var.encrypt\n  }\n}\n',
    },
  ],
  invalid: [
    {
      syntax: 'yaml',
      name: 'missing',
      code: domain('      EngineVersion: OpenSearch_2.13\n'),
      findings: [
        {
          line: 3,
          column: 11,
          messageId: 'notSet',
          message: "You · Data at rest: OpenSearch Service domain 'Search' does not encrypt its data at rest",
          detail:
            'EncryptionAtRestOptions.Enabled is not set and defaults to false. OpenSearch Service encrypts indices, logs and automated snapshots only when you turn it on.',
        },
      ],
      output: domain('      EngineVersion: OpenSearch_2.13\n      EncryptionAtRestOptions:\n        Enabled: true\n'),
    },
    {
      syntax: 'yaml',
      name: 'options without Enabled point at the options',
      code: domain('      EncryptionAtRestOptions:\n        KmsKeyId: !Ref Key\n'),
      findings: [{ line: 6, column: 7 }],
      output: domain('      EncryptionAtRestOptions:\n        KmsKeyId: !Ref Key\n        Enabled: true\n'),
    },
    {
      syntax: 'yaml',
      name: 'explicitly false on a legacy Elasticsearch domain',
      code: domain(
        '      ElasticsearchVersion: "7.10"\n      EncryptionAtRestOptions:\n        Enabled: false\n',
        'AWS::Elasticsearch::Domain',
      ),
      findings: [
        {
          line: 8,
          column: 18,
          messageId: 'off',
          message: "You · Data at rest: Elasticsearch domain 'Search' turns encryption at rest off",
          detail: 'OpenSearch Service encrypts indices, logs and automated snapshots only when you turn it on.',
        },
      ],
      output: domain(
        '      ElasticsearchVersion: "7.10"\n      EncryptionAtRestOptions:\n        Enabled: true\n',
        'AWS::Elasticsearch::Domain',
      ),
    },
    {
      syntax: 'yaml',
      name: 'an Elasticsearch version that cannot encrypt is reported without a fix',
      code: domain('      ElasticsearchVersion: "2.3"\n', 'AWS::Elasticsearch::Domain'),
      findings: [{ line: 3, column: 11, messageId: 'notSet', detail: /Elasticsearch 2\.3 cannot use it/ }],
    },
    {
      syntax: 'yaml',
      name: 'a legacy domain without a version runs Elasticsearch 1.5, which cannot encrypt: no fix',
      code: 'Resources:\n  Search:\n    Type: AWS::Elasticsearch::Domain\n',
      findings: [
        {
          line: 3,
          column: 11,
          messageId: 'notSet',
          detail: /Elasticsearch 1\.5 \(the default when no version is set\) cannot use it/,
        },
      ],
    },
    {
      syntax: 'yaml',
      name: 'a T2 instance cannot encrypt: no fix',
      code: domain('      ClusterConfig:\n        InstanceType: t2.small.search\n'),
      findings: [{ line: 3, column: 11, messageId: 'notSet', detail: /t2\.small\.search cannot use it/ }],
    },
    {
      syntax: 'json',
      code: '{\n  "Resources": {\n    "Search": {\n      "Type": "AWS::OpenSearchService::Domain",\n      "Properties": {\n        "EngineVersion": "OpenSearch_2.13"\n      }\n    }\n  }\n}\n',
      findings: [{ line: 4, column: 15 }],
      output:
        '{\n  "Resources": {\n    "Search": {\n      "Type": "AWS::OpenSearchService::Domain",\n      "Properties": {\n        "EngineVersion": "OpenSearch_2.13",\n        "EncryptionAtRestOptions": {\n          "Enabled": true\n        }\n      }\n    }\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'missing block',
      code: 'resource "aws_opensearch_domain" "search" {\n  domain_name = "search"\n}\n',
      findings: [{ line: 1, column: 10, messageId: 'notSet', detail: /encrypt_at_rest\.enabled is not set/ }],
      output:
        'resource "aws_opensearch_domain" "search" {\n  domain_name = "search"\n  encrypt_at_rest {\n    enabled = true\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a legacy domain without a version: reported, not fixable',
      code: 'resource "aws_elasticsearch_domain" "search" {\n  domain_name = "search"\n}\n',
      findings: [{ line: 1, column: 10, messageId: 'notSet', detail: /Elasticsearch 1\.5/ }],
    },
    {
      syntax: 'terraform',
      name: 'explicitly false on a legacy domain, in another file',
      code: {
        'main.tf': 'variable "name" {}\n',
        'search.tf':
          'resource "aws_elasticsearch_domain" "search" {\n  domain_name           = var.name\n  elasticsearch_version = "7.10"\n\n  encrypt_at_rest {\n    enabled = false\n  }\n}\n',
      },
      findings: [{ line: 6, column: 15, file: 'search.tf' }],
      output: {
        'main.tf': 'variable "name" {}\n',
        'search.tf':
          'resource "aws_elasticsearch_domain" "search" {\n  domain_name           = var.name\n  elasticsearch_version = "7.10"\n\n  encrypt_at_rest {\n    enabled = true\n  }\n}\n',
      },
    },
  ],
};
