import { rule } from '../../src/rules/emr-security-configuration';
import type { RuleCases } from './tester';

const FULL_YAML =
  '      SecurityConfiguration:\n' +
  '        EncryptionConfiguration:\n' +
  '          EnableAtRestEncryption: true\n' +
  '          AtRestEncryptionConfiguration:\n' +
  '            LocalDiskEncryptionConfiguration:\n' +
  '              EncryptionKeyProviderType: AwsKms\n' +
  '              AwsKmsKey: !GetAtt Key.Arn\n' +
  '              EnableEbsEncryption: true\n' +
  '          EnableInTransitEncryption: true\n' +
  '          InTransitEncryptionConfiguration:\n' +
  '            TLSCertificateConfiguration:\n' +
  '              CertificateProviderType: PEM\n' +
  '              S3Object: s3://certs/certs.zip\n';

export const cases: RuleCases = {
  rule,
  valid: [
    {
      syntax: 'yaml',
      name: 'a complete security configuration',
      code: `Resources:\n  SecConfig:\n    Type: AWS::EMR::SecurityConfiguration\n    Properties:\n${FULL_YAML}`,
    },
    {
      syntax: 'yaml',
      name: 'a cluster referencing a configuration',
      code: 'Resources:\n  Cluster:\n    Type: AWS::EMR::Cluster\n    Properties:\n      ReleaseLabel: emr-7.1.0\n      SecurityConfiguration: !Ref SecConfig\n',
    },
    {
      syntax: 'yaml',
      name: 'a configuration from a parameter is unknown',
      code: 'Parameters:\n  Config:\n    Type: String\nResources:\n  SecConfig:\n    Type: AWS::EMR::SecurityConfiguration\n    Properties:\n      SecurityConfiguration: !Ref Config\n',
    },
    {
      syntax: 'yaml',
      name: 'flags behind !If are unknown',
      code: 'Resources:\n  SecConfig:\n    Type: AWS::EMR::SecurityConfiguration\n    Properties:\n      SecurityConfiguration:\n        EncryptionConfiguration: !If [Encrypt, {EnableAtRestEncryption: true}, {EnableAtRestEncryption: false}]\n',
    },
    {
      syntax: 'json',
      name: 'a complete configuration written as a JSON string',
      code: '{"Resources": {"SecConfig": {"Type": "AWS::EMR::SecurityConfiguration", "Properties": {"SecurityConfiguration": "{\\"EncryptionConfiguration\\": {\\"EnableAtRestEncryption\\": true, \\"AtRestEncryptionConfiguration\\": {\\"LocalDiskEncryptionConfiguration\\": {\\"EncryptionKeyProviderType\\": \\"AwsKms\\", \\"AwsKmsKey\\": \\"arn:aws:kms:eu-west-1:111122223333:key/k\\"}}, \\"EnableInTransitEncryption\\": true}}"}}}}',
    },
    {
      syntax: 'terraform',
      name: 'a complete configuration in a heredoc',
      code: 'resource "aws_emr_security_configuration" "sc" {\n  configuration = <<EOF\n{\n  "EncryptionConfiguration": {\n    "EnableAtRestEncryption": true,\n    "AtRestEncryptionConfiguration": {\n      "LocalDiskEncryptionConfiguration": { "EncryptionKeyProviderType": "AwsKms", "AwsKmsKey": "arn:aws:kms:eu-west-1:111122223333:key/k" }\n    },\n    "EnableInTransitEncryption": true\n  }\n}\nEOF\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a cluster referencing a configuration',
      code: 'resource "aws_emr_cluster" "c" {\n  name                   = "c"\n  security_configuration = aws_emr_security_configuration.sc.name\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a configuration read from a file is unknown',
      code: 'resource "aws_emr_security_configuration" "sc" {\n  configuration = file("${path.module}/security.json")\n}\n',
    },
  ],
  invalid: [
    {
      syntax: 'yaml',
      name: 'a cluster without a security configuration',
      code: 'Resources:\n  Cluster:\n    Type: AWS::EMR::Cluster\n    Properties:\n      ReleaseLabel: emr-7.1.0\n',
      findings: [
        {
          line: 3,
          column: 11,
          messageId: 'noSecurityConfiguration',
          message: "You · Data at rest: EMR cluster 'Cluster' has no security configuration",
          detail:
            "So EMR itself encrypts neither its nodes' local disks nor the traffic between them. Protecting your data on the cluster is yours; create an AWS::EMR::SecurityConfiguration with at-rest and in-transit encryption and reference it in SecurityConfiguration.",
        },
      ],
    },
    {
      syntax: 'yaml',
      name: 'in-transit encryption off',
      code: 'Resources:\n  SecConfig:\n    Type: AWS::EMR::SecurityConfiguration\n    Properties:\n      SecurityConfiguration:\n        EncryptionConfiguration:\n          EnableAtRestEncryption: true\n          AtRestEncryptionConfiguration:\n            LocalDiskEncryptionConfiguration:\n              EncryptionKeyProviderType: AwsKms\n              AwsKmsKey: arn:aws:kms:eu-west-1:111122223333:key/k\n          EnableInTransitEncryption: false\n',
      findings: [{ line: 12, column: 38, messageId: 'encryptionOff', message: /leaves in-transit encryption off/ }],
    },
    {
      syntax: 'yaml',
      name: 'at-rest encryption for S3 only',
      code: 'Resources:\n  SecConfig:\n    Type: AWS::EMR::SecurityConfiguration\n    Properties:\n      SecurityConfiguration:\n        EncryptionConfiguration:\n          EnableAtRestEncryption: true\n          AtRestEncryptionConfiguration:\n            S3EncryptionConfiguration:\n              EncryptionMode: SSE-S3\n          EnableInTransitEncryption: true\n',
      findings: [
        {
          line: 7,
          column: 35,
          messageId: 'encryptionOff',
          message: "You · Data at rest: EMR security configuration 'SecConfig' leaves local-disk encryption off",
          detail:
            "at-rest encryption covers EMRFS data in S3 only, not the nodes' local disks. AWS runs EMR, but encrypting your data on the cluster is yours; turn it on in this security configuration.",
        },
      ],
    },
    {
      syntax: 'yaml',
      name: 'a configuration for instance metadata only',
      code: 'Resources:\n  SecConfig:\n    Type: AWS::EMR::SecurityConfiguration\n    Properties:\n      SecurityConfiguration:\n        InstanceMetadataServiceConfiguration:\n          MinimumInstanceMetadataServiceVersion: 2\n',
      findings: [
        {
          line: 5,
          column: 7,
          messageId: 'encryptionOff',
          message: /leaves at-rest encryption and in-transit encryption off/,
        },
      ],
    },
    {
      syntax: 'json',
      code: '{\n  "Resources": {\n    "Cluster": {\n      "Type": "AWS::EMR::Cluster",\n      "Properties": {\n        "ReleaseLabel": "emr-6.15.0"\n      }\n    }\n  }\n}\n',
      findings: [{ line: 4, column: 15 }],
    },
    {
      syntax: 'terraform',
      name: 'a cluster without a security configuration',
      code: 'resource "aws_emr_cluster" "c" {\n  name          = "c"\n  release_label = "emr-7.1.0"\n}\n',
      findings: [
        {
          line: 1,
          column: 10,
          messageId: 'noSecurityConfiguration',
          detail:
            /aws_emr_security_configuration with at-rest and in-transit encryption and reference it in security_configuration/,
        },
      ],
    },
    {
      syntax: 'terraform',
      name: 'at-rest off in a heredoc',
      code: 'resource "aws_emr_security_configuration" "sc" {\n  configuration = <<EOF\n{\n  "EncryptionConfiguration": {\n    "EnableAtRestEncryption": false,\n    "EnableInTransitEncryption": true\n  }\n}\nEOF\n}\n',
      findings: [{ line: 2, column: 3, messageId: 'encryptionOff', message: /leaves at-rest encryption off/ }],
    },
    {
      syntax: 'terraform',
      name: 'both off in jsonencode, through a local',
      code: {
        'main.tf':
          'resource "aws_emr_security_configuration" "sc" {\n  configuration = jsonencode({\n    EncryptionConfiguration = {\n      EnableAtRestEncryption    = local.at_rest\n      EnableInTransitEncryption = false\n    }\n  })\n}\n',
        'locals.tf': 'locals {\n  at_rest = false\n}\n',
      },
      findings: [
        {
          line: 4,
          column: 35,
          file: 'main.tf',
          messageId: 'encryptionOff',
          detail: /leaves at-rest encryption and in-transit encryption off/,
        },
      ],
    },
  ],
};
