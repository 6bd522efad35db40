import { rule } from '../../src/rules/kms-key-rotation';
import type { RuleCases } from './tester';

export const cases: RuleCases = {
  rule,
  valid: [
    {
      syntax: 'yaml',
      code: 'Resources:\n  Key:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: true\n',
    },
    {
      syntax: 'yaml',
      name: 'asymmetric keys cannot rotate',
      code: 'Resources:\n  Signing:\n    Type: AWS::KMS::Key\n    Properties:\n      KeySpec: RSA_4096\n      KeyUsage: SIGN_VERIFY\n',
    },
    {
      syntax: 'yaml',
      name: 'HMAC keys cannot rotate',
      code: 'Resources:\n  Mac:\n    Type: AWS::KMS::Key\n    Properties:\n      KeySpec: HMAC_256\n      KeyUsage: GENERATE_VERIFY_MAC\n',
    },
    {
      syntax: 'yaml',
      name: 'imported key material cannot rotate automatically',
      code: 'Resources:\n  Byok:\n    Type: AWS::KMS::Key\n    Properties:\n      Origin: EXTERNAL\n',
    },
    {
      syntax: 'yaml',
      name: 'a key spec from a parameter without default is unknown',
      code: 'Parameters:\n  Spec:\n    Type: String\nResources:\n  Key:\n    Type: AWS::KMS::Key\n    Properties:\n      KeySpec: !Ref Spec\n',
    },
    {
      syntax: 'yaml',
      name: '!If is unknown',
      code: 'Resources:\n  Key:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: !If [Rotate, true, false]\n',
    },
    {
      syntax: 'json',
      code: '{"Resources": {"Key": {"Type": "AWS::KMS::Key", "Properties": {"EnableKeyRotation": "true", "KeySpec": "SYMMETRIC_DEFAULT"}}}}',
    },
    {
      syntax: 'terraform',
      code: 'resource "aws_kms_key" "data" {\n  description         = "data"\n  enable_key_rotation = true\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'asymmetric',
      code: 'resource "aws_kms_key" "signing" {\n  customer_master_key_spec = "ECC_NIST_P256"\n  key_usage                = "SIGN_VERIFY"\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a custom key store',
      code: 'resource "aws_kms_key" "hsm" {\n  custom_key_store_id = aws_kms_custom_key_store.hsm.id\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a variable without default is unknown',
      code: 'variable "rotate" {}\n\nresource "aws_kms_key" "data" {\n  enable_key_rotation = var.rotate\n}\n',
    },
  ],
  invalid: [
    {
      syntax: 'yaml',
      name: 'missing',
      code: 'Resources:\n  Key:\n    Type: AWS::KMS::Key\n    Properties:\n      Description: data key\n',
      findings: [
        {
          line: 3,
          column: 11,
          messageId: 'notSet',
          message: "Shared · Data at rest: KMS key 'Key' does not rotate",
          detail:
            'EnableKeyRotation is not set and defaults to false. AWS rotates only the keys it manages; rotating a customer managed key is yours to turn on, and it keeps older material for existing data.',
        },
      ],
      output:
        'Resources:\n  Key:\n    Type: AWS::KMS::Key\n    Properties:\n      Description: data key\n      EnableKeyRotation: true\n',
    },
    {
      syntax: 'yaml',
      name: 'explicitly false on a symmetric key',
      code: 'Resources:\n  Key:\n    Type: AWS::KMS::Key\n    Properties:\n      KeySpec: SYMMETRIC_DEFAULT\n      EnableKeyRotation: false\n',
      findings: [{ line: 6, column: 26, messageId: 'rotationOff' }],
      output:
        'Resources:\n  Key:\n    Type: AWS::KMS::Key\n    Properties:\n      KeySpec: SYMMETRIC_DEFAULT\n      EnableKeyRotation: true\n',
    },
    {
      syntax: 'json',
      code: '{\n  "Resources": {\n    "Key": {\n      "Type": "AWS::KMS::Key",\n      "Properties": {\n        "Description": "data key"\n      }\n    }\n  }\n}\n',
      findings: [{ line: 4, column: 15 }],
      output:
        '{\n  "Resources": {\n    "Key": {\n      "Type": "AWS::KMS::Key",\n      "Properties": {\n        "Description": "data key",\n        "EnableKeyRotation": true\n      }\n    }\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'missing',
      code: 'resource "aws_kms_key" "data" {\n  description = "data"\n}\n',
      findings: [{ line: 1, column: 10 }],
      output: 'resource "aws_kms_key" "data" {\n  description = "data"\n  enable_key_rotation = true\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'null leaves the default (false) in place',
      code: 'resource "aws_kms_key" "data" {\n  enable_key_rotation = null\n}\n',
      findings: [{ line: 1, column: 10, messageId: 'notSet' }],
      output: 'resource "aws_kms_key" "data" {\n  enable_key_rotation = true\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'false on a SYMMETRIC_DEFAULT key',
      code: 'resource "aws_kms_key" "data" {\n  customer_master_key_spec = "SYMMETRIC_DEFAULT"\n  enable_key_rotation      = false\n}\n',
      findings: [{ line: 3, column: 30 }],
      output:
        'resource "aws_kms_key" "data" {\n  customer_master_key_spec = "SYMMETRIC_DEFAULT"\n  enable_key_rotation      = true\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'false from a local in another file',
      code: {
        'locals.tf': 'locals {\n  rotate = false\n}\n',
        'main.tf': 'resource "aws_kms_key" "data" {\n  enable_key_rotation = local.rotate\n}\n',
      },
      findings: [{ line: 2, column: 25, file: 'main.tf' }],
    },
  ],
};
