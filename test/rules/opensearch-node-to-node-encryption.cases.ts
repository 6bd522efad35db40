import { rule } from '../../src/rules/opensearch-node-to-node-encryption';
import type { RuleCases } from './tester';

const domain = (properties: string, type = 'AWS::OpenSearchService::Domain') =>
  `Resources:\n  Search:\n    Type: ${type}\n    Properties:\n      DomainName: search\n${properties}`;

export const cases: RuleCases = {
  rule,
  valid: [
    { syntax: 'yaml', code: domain('      NodeToNodeEncryptionOptions:\n        Enabled: true\n') },
    {
      syntax: 'yaml',
      name: 'value behind !If is unknown',
      code: domain('      NodeToNodeEncryptionOptions:\n        Enabled: !If [IsProd, true, false]\n'),
    },
    {
      syntax: 'yaml',
      name: 'a parameter without default is unknown',
      code:
        'Parameters:\n  N2N:\n    Type: String\n' +
        domain('      NodeToNodeEncryptionOptions:\n        Enabled: !Ref N2N\n'),
    },
    {
      syntax: 'json',
      code: '{"Resources": {"Search": {"Type": "AWS::Elasticsearch::Domain", "Properties": {"NodeToNodeEncryptionOptions": {"Enabled": "true"}}}}}',
    },
    {
      syntax: 'terraform',
      code: 'resource "aws_opensearch_domain" "search" {\n  domain_name = "search"\n  node_to_node_encryption {\n    enabled = true\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a dynamic block is unknown',
      code: 'resource "aws_opensearch_domain" "search" {\n  domain_name = "search"\n  dynamic "node_to_node_encryption" {\n    for_each = var.n2n\n    content {\n      enabled = node_to_node_encryption.value\n    }\n  }\n}\n',
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
          message:
            "You · Data in transit: OpenSearch Service domain 'Search' does not encrypt traffic between its nodes",
          detail:
            'NodeToNodeEncryptionOptions.Enabled is not set and defaults to false. OpenSearch Service encrypts traffic between the nodes of a domain only when you turn it on.',
        },
      ],
      output: domain(
        '      EngineVersion: OpenSearch_2.13\n      NodeToNodeEncryptionOptions:\n        Enabled: true\n',
      ),
    },
    {
      syntax: 'yaml',
      name: 'explicitly false',
      code: domain('      NodeToNodeEncryptionOptions:\n        Enabled: false\n'),
      findings: [{ line: 7, column: 18, messageId: 'off' }],
      output: domain('      NodeToNodeEncryptionOptions:\n        Enabled: true\n'),
    },
    {
      syntax: 'yaml',
      name: 'Elasticsearch 5.6 predates node-to-node encryption: no fix',
      code: domain('      EngineVersion: Elasticsearch_5.6\n'),
      findings: [
        {
          line: 3,
          column: 11,
          messageId: 'notSet',
          detail: /Elasticsearch 5\.6 cannot use it: upgrade to Elasticsearch 6\.0/,
        },
      ],
    },
    {
      syntax: 'json',
      code: '{\n  "Resources": {\n    "Search": {\n      "Type": "AWS::OpenSearchService::Domain",\n      "Properties": {\n        "NodeToNodeEncryptionOptions": {\n          "Enabled": false\n        }\n      }\n    }\n  }\n}\n',
      findings: [{ line: 7, column: 22 }],
      output:
        '{\n  "Resources": {\n    "Search": {\n      "Type": "AWS::OpenSearchService::Domain",\n      "Properties": {\n        "NodeToNodeEncryptionOptions": {\n          "Enabled": true\n        }\n      }\n    }\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'missing',
      code: 'resource "aws_elasticsearch_domain" "search" {\n  domain_name           = "search"\n  elasticsearch_version = "7.10"\n}\n',
      findings: [{ line: 1, column: 10 }],
      output:
        'resource "aws_elasticsearch_domain" "search" {\n  domain_name           = "search"\n  elasticsearch_version = "7.10"\n  node_to_node_encryption {\n    enabled = true\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'false through a local in another file',
      code: {
        'locals.tf': 'locals {\n  n2n = false\n}\n',
        'main.tf':
          'resource "aws_opensearch_domain" "search" {\n  domain_name = "search"\n  node_to_node_encryption {\n    enabled = local.n2n\n  }\n}\n',
      },
      findings: [{ line: 4, column: 15, file: 'main.tf' }],
    },
  ],
};
