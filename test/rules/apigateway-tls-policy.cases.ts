import { rule } from '../../src/rules/apigateway-tls-policy';
import type { RuleCases } from './tester';

export const cases: RuleCases = {
  rule,
  valid: [
    {
      syntax: 'yaml',
      code: 'Resources:\n  Domain:\n    Type: AWS::ApiGateway::DomainName\n    Properties:\n      DomainName: api.example.com\n      SecurityPolicy: TLS_1_2\n',
    },
    {
      syntax: 'yaml',
      name: 'not set: the default is not asserted',
      code: 'Resources:\n  Domain:\n    Type: AWS::ApiGateway::DomainName\n    Properties:\n      DomainName: api.example.com\n',
    },
    {
      syntax: 'yaml',
      name: '!If is unknown',
      code: 'Resources:\n  Domain:\n    Type: AWS::ApiGateway::DomainName\n    Properties:\n      SecurityPolicy: !If [Legacy, TLS_1_0, TLS_1_2]\n',
    },
    {
      syntax: 'json',
      code: '{"Resources": {"Domain": {"Type": "AWS::ApiGateway::DomainName", "Properties": {"SecurityPolicy": "SecurityPolicy_TLS13_1_3_2025_09"}}}}',
    },
    {
      syntax: 'terraform',
      code: 'resource "aws_api_gateway_domain_name" "api" {\n  domain_name     = "api.example.com"\n  security_policy = "TLS_1_2"\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a variable without default is unknown',
      code: 'variable "policy" {}\n\nresource "aws_api_gateway_domain_name" "api" {\n  security_policy = var.policy\n}\n',
    },
  ],
  invalid: [
    {
      syntax: 'yaml',
      code: 'Resources:\n  Domain:\n    Type: AWS::ApiGateway::DomainName\n    Properties:\n      DomainName: api.example.com\n      SecurityPolicy: TLS_1_0\n',
      findings: [
        {
          line: 6,
          column: 23,
          messageId: 'tls10',
          message:
            "Shared · Data in transit: API Gateway domain name 'Domain' accepts TLS 1.0 (security policy TLS_1_0)",
          detail:
            'It uses the TLS_1_0 security policy, so it still accepts clients on TLS 1.0. Which TLS versions to accept is yours to choose: set SecurityPolicy to TLS_1_2.',
        },
      ],
      output:
        'Resources:\n  Domain:\n    Type: AWS::ApiGateway::DomainName\n    Properties:\n      DomainName: api.example.com\n      SecurityPolicy: TLS_1_2\n',
    },
    {
      syntax: 'yaml',
      name: 'a parameter default resolves',
      code: 'Parameters:\n  Policy:\n    Type: String\n    Default: TLS_1_0\nResources:\n  Domain:\n    Type: AWS::ApiGateway::DomainName\n    Properties:\n      SecurityPolicy: !Ref Policy\n',
      findings: [{ line: 9, column: 23 }],
    },
    {
      syntax: 'json',
      code: '{\n  "Resources": {\n    "Domain": {\n      "Type": "AWS::ApiGateway::DomainName",\n      "Properties": {\n        "SecurityPolicy": "TLS_1_0"\n      }\n    }\n  }\n}\n',
      findings: [{ line: 6, column: 27 }],
      output:
        '{\n  "Resources": {\n    "Domain": {\n      "Type": "AWS::ApiGateway::DomainName",\n      "Properties": {\n        "SecurityPolicy": "TLS_1_2"\n      }\n    }\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      code: 'resource "aws_api_gateway_domain_name" "api" {\n  domain_name     = "api.example.com"\n  security_policy = "TLS_1_0"\n}\n',
      findings: [{ line: 3, column: 21 }],
      output:
        'resource "aws_api_gateway_domain_name" "api" {\n  domain_name     = "api.example.com"\n  security_policy = "TLS_1_2"\n}\n',
    },
  ],
};
