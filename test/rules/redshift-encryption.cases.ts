import { rule } from '../../src/rules/redshift-encryption';
import type { RuleCases } from './tester';

const cluster = (properties: string) =>
  `Resources:\n  Warehouse:\n    Type: AWS::Redshift::Cluster\n    Properties:\n      NodeType: ra3.xlplus\n${properties}`;

export const cases: RuleCases = {
  rule,
  valid: [
    { syntax: 'yaml', code: cluster('      Encrypted: true\n') },
    {
      syntax: 'yaml',
      name: 'absent: new provisioned clusters are encrypted by default since January 2025',
      code: cluster('      ClusterType: single-node\n'),
    },
    {
      syntax: 'yaml',
      name: 'value behind !If is unknown',
      code: cluster('      Encrypted: !If [IsProd, true, false]\n'),
    },
    {
      syntax: 'yaml',
      name: 'a parameter without default is unknown',
      code: 'Parameters:\n  Encrypt:\n    Type: String\n' + cluster('      Encrypted: !Ref Encrypt\n'),
    },
    {
      syntax: 'json',
      code: '{"Resources": {"Warehouse": {"Type": "AWS::Redshift::Cluster", "Properties": {"NodeType": "ra3.xlplus", "Encrypted": "true"}}}}',
    },
    {
      syntax: 'terraform',
      name: 'absent',
      code: 'resource "aws_redshift_cluster" "warehouse" {\n  cluster_identifier = "warehouse"\n  node_type          = "ra3.xlplus"\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a variable without default is unknown',
      code: 'variable "encrypted" {}\n\nresource "aws_redshift_cluster" "warehouse" {\n  cluster_identifier = "warehouse"\n  encrypted          = var.encrypted\n}\n',
    },
  ],
  invalid: [
    {
      syntax: 'yaml',
      name: 'explicitly false',
      code: cluster('      Encrypted: false\n      KmsKeyId: !Ref Key\n'),
      findings: [
        {
          line: 6,
          column: 18,
          messageId: 'encryptionOff',
          message: "Shared · Data at rest: Redshift cluster 'Warehouse' sets Encrypted to false",
          detail:
            'Redshift encrypts new provisioned clusters by default, but encrypting your warehouse data and snapshots is your decision, and this template asks for none: set it to true.',
        },
      ],
      output: cluster('      Encrypted: true\n      KmsKeyId: !Ref Key\n'),
    },
    {
      syntax: 'yaml',
      name: 'false from a parameter default',
      code:
        'Parameters:\n  Encrypt:\n    Type: String\n    Default: "false"\n' +
        cluster('      Encrypted: !Ref Encrypt\n'),
      findings: [{ line: 10, column: 18 }],
    },
    {
      syntax: 'json',
      code: '{\n  "Resources": {\n    "Warehouse": {\n      "Type": "AWS::Redshift::Cluster",\n      "Properties": {\n        "Encrypted": "false"\n      }\n    }\n  }\n}\n',
      findings: [{ line: 6, column: 22 }],
      output:
        '{\n  "Resources": {\n    "Warehouse": {\n      "Type": "AWS::Redshift::Cluster",\n      "Properties": {\n        "Encrypted": true\n      }\n    }\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      code: 'resource "aws_redshift_cluster" "warehouse" {\n  cluster_identifier = "warehouse"\n  encrypted          = false\n}\n',
      findings: [{ line: 3, column: 24, messageId: 'encryptionOff', message: /sets encrypted to false/ }],
      output:
        'resource "aws_redshift_cluster" "warehouse" {\n  cluster_identifier = "warehouse"\n  encrypted          = true\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'false through a local in another file',
      code: {
        'locals.tf': 'locals {\n  encrypted = false\n}\n',
        'main.tf':
          'resource "aws_redshift_cluster" "warehouse" {\n  cluster_identifier = "warehouse"\n  encrypted          = local.encrypted\n}\n',
      },
      findings: [{ line: 3, column: 24, file: 'main.tf' }],
    },
  ],
};
