import { rule } from '../../src/rules/eks-secrets-encryption';
import type { RuleCases } from './tester';

const cluster = (properties: string) =>
  `Resources:\n  Cluster:\n    Type: AWS::EKS::Cluster\n    Properties:\n      RoleArn: !GetAtt ClusterRole.Arn\n${properties}`;

export const cases: RuleCases = {
  rule,
  valid: [
    {
      syntax: 'yaml',
      code: cluster(
        '      EncryptionConfig:\n        - Resources: [secrets]\n          Provider:\n            KeyArn: !GetAtt Key.Arn\n',
      ),
    },
    {
      syntax: 'yaml',
      name: 'an entry behind !If is unknown',
      code: cluster(
        '      EncryptionConfig:\n        - !If [UseKey, {Resources: [secrets], Provider: {KeyArn: !Ref Key}}, !Ref AWS::NoValue]\n',
      ),
    },
    {
      syntax: 'yaml',
      name: 'resources from a parameter without default are unknown',
      code:
        'Parameters:\n  Kinds:\n    Type: CommaDelimitedList\n' +
        cluster(
          '      EncryptionConfig:\n        - Resources: !Ref Kinds\n          Provider:\n            KeyArn: !Ref Key\n',
        ),
    },
    {
      syntax: 'json',
      code: '{"Resources": {"Cluster": {"Type": "AWS::EKS::Cluster", "Properties": {"EncryptionConfig": [{"Resources": ["secrets"], "Provider": {"KeyArn": "arn:aws:kms:eu-west-1:111122223333:key/k"}}]}}}}',
    },
    {
      syntax: 'terraform',
      code: 'resource "aws_eks_cluster" "main" {\n  name = "main"\n\n  encryption_config {\n    resources = ["secrets"]\n    provider {\n      key_arn = aws_kms_key.eks.arn\n    }\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a dynamic block is unknown',
      code: 'resource "aws_eks_cluster" "main" {\n  name = "main"\n  dynamic "encryption_config" {\n    for_each = var.kms_key_arn == null ? [] : [var.kms_key_arn]\n    content {\n      resources = ["secrets"]\n      provider {\n        key_arn = encryption_config.value\n      }\n    }\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'resources from a variable without default are unknown',
      code: 'variable "kinds" {}\n\nresource "aws_eks_cluster" "main" {\n  name = "main"\n  encryption_config {\n    resources = var.kinds\n    provider {\n      key_arn = var.key\n    }\n  }\n}\n',
    },
  ],
  invalid: [
    {
      syntax: 'yaml',
      name: 'no encryption configuration on a current version: a note',
      code: cluster('      Version: "1.31"\n'),
      findings: [
        {
          line: 3,
          column: 11,
          messageId: 'noCustomerKey',
          message: "Shared · Data at rest: EKS cluster 'Cluster' encrypts Secrets with no KMS key of yours",
          detail:
            'It does not encrypt Kubernetes Secrets with a KMS key of yours: it has no EncryptionConfig. EKS already envelope-encrypts all Kubernetes API data with an AWS owned key on Kubernetes 1.28 and later; add a key of your own if you need to control, rotate and audit it.',
          severity: 'info',
        },
      ],
    },
    {
      syntax: 'yaml',
      name: 'an encryption configuration that leaves out secrets',
      code: cluster('      EncryptionConfig:\n        - Resources:\n            - not_secrets\n'),
      findings: [{ line: 6, column: 7, messageId: 'noCustomerKey', detail: /does not cover secrets/ }],
    },
    {
      syntax: 'yaml',
      name: 'a version before 1.28 gets no default envelope encryption: a warning',
      code: cluster("      Version: '1.27'\n"),
      findings: [
        {
          line: 3,
          column: 11,
          messageId: 'noEnvelopeEncryption',
          message:
            "Shared · Data at rest: EKS cluster 'Cluster' (Kubernetes 1.27) has no envelope encryption of Secrets",
          detail:
            'EKS encrypts all Kubernetes API data by default only from Kubernetes 1.28. Add EncryptionConfig with a KMS key of yours, or upgrade the cluster.',
          severity: 'warning',
        },
      ],
    },
    {
      syntax: 'json',
      code: '{\n  "Resources": {\n    "Cluster": {\n      "Type": "AWS::EKS::Cluster",\n      "Properties": {\n        "Name": "main"\n      }\n    }\n  }\n}\n',
      findings: [{ line: 4, column: 15, severity: 'info' }],
    },
    {
      syntax: 'terraform',
      name: 'no encryption_config',
      code: 'resource "aws_eks_cluster" "main" {\n  name    = "main"\n  version = "1.30"\n}\n',
      findings: [{ line: 1, column: 10, messageId: 'noCustomerKey', detail: /it has no encryption_config/ }],
    },
    {
      syntax: 'terraform',
      name: 'an old version from a variable default in another file',
      code: {
        'variables.tf': 'variable "k8s" {\n  default = "1.24"\n}\n',
        'main.tf': 'resource "aws_eks_cluster" "main" {\n  name    = "main"\n  version = var.k8s\n}\n',
      },
      findings: [{ line: 1, column: 10, file: 'main.tf', severity: 'warning' }],
    },
  ],
};
