import { rule } from '../../src/rules/ses-tls-required';
import type { RuleCases } from './tester';

export const cases: RuleCases = {
  rule,
  valid: [
    {
      syntax: 'yaml',
      code: 'Resources:\n  Mail:\n    Type: AWS::SES::ConfigurationSet\n    Properties:\n      DeliveryOptions:\n        TlsPolicy: REQUIRE\n',
    },
    {
      syntax: 'yaml',
      name: 'a parameter without default is unknown',
      code: 'Parameters:\n  Tls:\n    Type: String\nResources:\n  Mail:\n    Type: AWS::SES::ConfigurationSet\n    Properties:\n      DeliveryOptions:\n        TlsPolicy: !Ref Tls\n',
    },
    {
      syntax: 'yaml',
      name: 'delivery options behind !If are unknown',
      code: 'Resources:\n  Mail:\n    Type: AWS::SES::ConfigurationSet\n    Properties:\n      DeliveryOptions: !If [Strict, { TlsPolicy: REQUIRE }, !Ref AWS::NoValue]\n',
    },
    {
      syntax: 'json',
      code: '{"Resources": {"Mail": {"Type": "AWS::SES::ConfigurationSet", "Properties": {"DeliveryOptions": {"TlsPolicy": "REQUIRE"}}}}}',
    },
    {
      syntax: 'terraform',
      code: 'resource "aws_ses_configuration_set" "mail" {\n  name = "mail"\n\n  delivery_options {\n    tls_policy = "Require"\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'SES v2 spells it REQUIRE',
      code: 'resource "aws_sesv2_configuration_set" "mail" {\n  configuration_set_name = "mail"\n  delivery_options {\n    tls_policy = "REQUIRE"\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a variable without default is unknown',
      code: 'variable "tls" {}\n\nresource "aws_ses_configuration_set" "mail" {\n  delivery_options {\n    tls_policy = var.tls\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a dynamic block is unknown',
      code: 'resource "aws_ses_configuration_set" "mail" {\n  name = "mail"\n  dynamic "delivery_options" {\n    for_each = var.tls == null ? [] : [var.tls]\n    content {\n      tls_policy = delivery_options.value\n    }\n  }\n}\n',
    },
  ],
  invalid: [
    {
      syntax: 'yaml',
      name: 'no delivery options: OPTIONAL by default',
      code: 'Resources:\n  Mail:\n    Type: AWS::SES::ConfigurationSet\n    Properties:\n      Name: mail\n',
      findings: [
        {
          line: 3,
          column: 11,
          messageId: 'notSet',
          message: "Shared · Data in transit: SES configuration set 'Mail' does not require TLS",
          detail:
            'It does not set DeliveryOptions.TlsPolicy, which defaults to optional: SES delivers mail in plain text when the receiving server does not offer TLS. Requiring TLS is your decision: set it to REQUIRE.',
        },
      ],
      output:
        'Resources:\n  Mail:\n    Type: AWS::SES::ConfigurationSet\n    Properties:\n      Name: mail\n      DeliveryOptions:\n        TlsPolicy: REQUIRE\n',
    },
    {
      syntax: 'yaml',
      name: 'OPTIONAL explicitly',
      code: 'Resources:\n  Mail:\n    Type: AWS::SES::ConfigurationSet\n    Properties:\n      DeliveryOptions:\n        SendingPoolName: pool\n        TlsPolicy: OPTIONAL\n',
      findings: [{ line: 7, column: 20, messageId: 'optional', detail: /sets TlsPolicy to OPTIONAL/ }],
      output:
        'Resources:\n  Mail:\n    Type: AWS::SES::ConfigurationSet\n    Properties:\n      DeliveryOptions:\n        SendingPoolName: pool\n        TlsPolicy: REQUIRE\n',
    },
    {
      syntax: 'yaml',
      name: 'delivery options without a TLS policy are reported on DeliveryOptions',
      code: 'Resources:\n  Mail:\n    Type: AWS::SES::ConfigurationSet\n    Properties:\n      DeliveryOptions:\n        SendingPoolName: pool\n',
      findings: [{ line: 5, column: 7 }],
      output:
        'Resources:\n  Mail:\n    Type: AWS::SES::ConfigurationSet\n    Properties:\n      DeliveryOptions:\n        SendingPoolName: pool\n        TlsPolicy: REQUIRE\n',
    },
    {
      syntax: 'json',
      code: '{\n  "Resources": {\n    "Mail": {\n      "Type": "AWS::SES::ConfigurationSet",\n      "Properties": {\n        "Name": "mail"\n      }\n    }\n  }\n}\n',
      findings: [{ line: 4, column: 15 }],
      output:
        '{\n  "Resources": {\n    "Mail": {\n      "Type": "AWS::SES::ConfigurationSet",\n      "Properties": {\n        "Name": "mail",\n        "DeliveryOptions": {\n          "TlsPolicy": "REQUIRE"\n        }\n      }\n    }\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'v1: missing block, fixed with the v1 spelling',
      code: 'resource "aws_ses_configuration_set" "mail" {\n  name = "mail"\n}\n',
      findings: [{ line: 1, column: 10 }],
      output:
        'resource "aws_ses_configuration_set" "mail" {\n  name = "mail"\n  delivery_options {\n    tls_policy = "Require"\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'v1: Optional explicitly',
      code: 'resource "aws_ses_configuration_set" "mail" {\n  name = "mail"\n\n  delivery_options {\n    tls_policy = "Optional"\n  }\n}\n',
      findings: [{ line: 5, column: 18 }],
      output:
        'resource "aws_ses_configuration_set" "mail" {\n  name = "mail"\n\n  delivery_options {\n    tls_policy = "Require"\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'v2: fixed with the v2 spelling',
      code: 'resource "aws_sesv2_configuration_set" "mail" {\n  configuration_set_name = "mail"\n}\n',
      findings: [{ line: 1, column: 10 }],
      output:
        'resource "aws_sesv2_configuration_set" "mail" {\n  configuration_set_name = "mail"\n  delivery_options {\n    tls_policy = "REQUIRE"\n  }\n}\n',
    },
  ],
};
