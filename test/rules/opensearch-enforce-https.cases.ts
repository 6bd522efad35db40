import { rule } from '../../src/rules/opensearch-enforce-https';
import type { RuleCases } from './tester';

const domain = (properties: string) =>
  `Resources:\n  Search:\n    Type: AWS::OpenSearchService::Domain\n    Properties:\n      DomainName: search\n${properties}`;

export const cases: RuleCases = {
  rule,
  valid: [
    {
      syntax: 'yaml',
      code: domain(
        '      DomainEndpointOptions:\n        EnforceHTTPS: true\n        TLSSecurityPolicy: Policy-Min-TLS-1-2-PFS-2023-10\n',
      ),
    },
    {
      syntax: 'yaml',
      name: 'no TLS policy written: nothing to say about it',
      code: domain('      DomainEndpointOptions:\n        EnforceHTTPS: true\n'),
    },
    {
      syntax: 'yaml',
      name: 'value behind !If is unknown',
      code: domain('      DomainEndpointOptions:\n        EnforceHTTPS: !If [IsProd, true, false]\n'),
    },
    {
      syntax: 'yaml',
      name: 'a parameter without default is unknown',
      code:
        'Parameters:\n  Https:\n    Type: String\n' +
        domain('      DomainEndpointOptions:\n        EnforceHTTPS: !Ref Https\n'),
    },
    {
      syntax: 'json',
      code: '{"Resources": {"Search": {"Type": "AWS::Elasticsearch::Domain", "Properties": {"DomainEndpointOptions": {"EnforceHTTPS": true, "TLSSecurityPolicy": "Policy-Min-TLS-1-2-2019-07"}}}}}',
    },
    {
      syntax: 'terraform',
      code: 'resource "aws_opensearch_domain" "search" {\n  domain_name = "search"\n  domain_endpoint_options {\n    enforce_https       = true\n    tls_security_policy = "Policy-Min-TLS-1-2-2019-07"\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a dynamic block is unknown',
      code: 'resource "aws_opensearch_domain" "search" {\n  domain_name = "search"\n  dynamic "domain_endpoint_options" {\n    for_each = var.endpoint\n    content {\n      enforce_https = true\n    }\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a variable without default is unknown',
      code: 'variable "https" {}\n\nresource "aws_opensearch_domain" "search" {\n  domain_name = "search"\n  domain_endpoint_options {\n    enforce_https = var.https\n  }\n}\n',
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
          messageId: 'httpsNotSet',
          message: "You · Data in transit: OpenSearch Service domain 'Search' accepts plain HTTP requests",
          detail:
            'DomainEndpointOptions.EnforceHTTPS is not set and defaults to false. The endpoint answers HTTP as well as HTTPS unless you enforce HTTPS, and that setting is yours.',
        },
      ],
      output: domain(
        '      EngineVersion: OpenSearch_2.13\n      DomainEndpointOptions:\n        EnforceHTTPS: true\n',
      ),
    },
    {
      syntax: 'yaml',
      name: 'HTTP allowed and an outdated TLS policy: two findings, two fixes',
      code: domain(
        '      DomainEndpointOptions:\n        EnforceHTTPS: false\n        TLSSecurityPolicy: Policy-Min-TLS-1-0-2019-07\n',
      ),
      findings: [
        { line: 7, column: 23, messageId: 'httpsNotEnforced' },
        { line: 8, column: 28, messageId: 'oldTlsPolicy' },
      ],
      output: domain(
        '      DomainEndpointOptions:\n        EnforceHTTPS: true\n        TLSSecurityPolicy: Policy-Min-TLS-1-2-2019-07\n',
      ),
    },
    {
      syntax: 'json',
      code: '{\n  "Resources": {\n    "Search": {\n      "Type": "AWS::Elasticsearch::Domain",\n      "Properties": {\n        "DomainEndpointOptions": {\n          "EnforceHTTPS": true,\n          "TLSSecurityPolicy": "Policy-Min-TLS-1-0-2019-07"\n        }\n      }\n    }\n  }\n}\n',
      findings: [{ line: 8, column: 32 }],
      output:
        '{\n  "Resources": {\n    "Search": {\n      "Type": "AWS::Elasticsearch::Domain",\n      "Properties": {\n        "DomainEndpointOptions": {\n          "EnforceHTTPS": true,\n          "TLSSecurityPolicy": "Policy-Min-TLS-1-2-2019-07"\n        }\n      }\n    }\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'missing block',
      code: 'resource "aws_opensearch_domain" "search" {\n  domain_name = "search"\n}\n',
      findings: [{ line: 1, column: 10 }],
      output:
        'resource "aws_opensearch_domain" "search" {\n  domain_name = "search"\n  domain_endpoint_options {\n    enforce_https = true\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'block without enforce_https and with an outdated policy',
      code: 'resource "aws_elasticsearch_domain" "search" {\n  domain_name = "search"\n\n  domain_endpoint_options {\n    tls_security_policy = "Policy-Min-TLS-1-0-2019-07"\n  }\n}\n',
      findings: [
        { line: 4, column: 3 },
        { line: 5, column: 27 },
      ],
      output:
        'resource "aws_elasticsearch_domain" "search" {\n  domain_name = "search"\n\n  domain_endpoint_options {\n    tls_security_policy = "Policy-Min-TLS-1-2-2019-07"\n    enforce_https = true\n  }\n}\n',
    },
  ],
};
