import { rule } from '../../src/rules/redshift-publicly-accessible';
import type { RuleCases } from './tester';

const cluster = (properties: string) =>
  `Resources:\n  Warehouse:\n    Type: AWS::Redshift::Cluster\n    Properties:\n      NodeType: ra3.xlplus\n${properties}`;

export const cases: RuleCases = {
  rule,
  valid: [
    { syntax: 'yaml', code: cluster('      PubliclyAccessible: false\n') },
    { syntax: 'yaml', name: 'absent: the API default is private', code: cluster('      ClusterType: single-node\n') },
    {
      syntax: 'yaml',
      name: 'value behind !If is unknown',
      code: cluster('      PubliclyAccessible: !If [IsDemo, true, false]\n'),
    },
    {
      syntax: 'yaml',
      name: 'a parameter without default is unknown',
      code: 'Parameters:\n  Public:\n    Type: String\n' + cluster('      PubliclyAccessible: !Ref Public\n'),
    },
    {
      syntax: 'json',
      code: '{"Resources": {"Warehouse": {"Type": "AWS::Redshift::Cluster", "Properties": {"PubliclyAccessible": false}}}}',
    },
    {
      syntax: 'terraform',
      code: 'resource "aws_redshift_cluster" "warehouse" {\n  cluster_identifier  = "warehouse"\n  publicly_accessible = false\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a variable without default is unknown',
      code: 'variable "public" {}\n\nresource "aws_redshift_cluster" "warehouse" {\n  cluster_identifier  = "warehouse"\n  publicly_accessible = var.public\n}\n',
    },
  ],
  invalid: [
    {
      syntax: 'yaml',
      code: cluster('      PubliclyAccessible: true\n'),
      findings: [
        {
          line: 6,
          column: 27,
          messageId: 'public',
          message: "You · Network access: Redshift cluster 'Warehouse' is publicly accessible",
          detail:
            "It gets a public IP address reachable from the internet, limited only by its security groups. Network exposure is yours to control, not AWS's; set PubliclyAccessible to false and connect from inside the VPC.",
          severity: 'error',
        },
      ],
      output: cluster('      PubliclyAccessible: false\n'),
    },
    {
      syntax: 'yaml',
      name: 'true from a parameter default',
      code:
        'Parameters:\n  Public:\n    Type: String\n    Default: "true"\n' +
        cluster('      PubliclyAccessible: !Ref Public\n'),
      findings: [{ line: 10, column: 27 }],
    },
    {
      syntax: 'json',
      code: '{\n  "Resources": {\n    "Warehouse": {\n      "Type": "AWS::Redshift::Cluster",\n      "Properties": {\n        "PubliclyAccessible": true\n      }\n    }\n  }\n}\n',
      findings: [{ line: 6, column: 31 }],
      output:
        '{\n  "Resources": {\n    "Warehouse": {\n      "Type": "AWS::Redshift::Cluster",\n      "Properties": {\n        "PubliclyAccessible": false\n      }\n    }\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      code: 'resource "aws_redshift_cluster" "warehouse" {\n  cluster_identifier  = "warehouse"\n  publicly_accessible = true\n}\n',
      findings: [{ line: 3, column: 25, severity: 'error' }],
      output:
        'resource "aws_redshift_cluster" "warehouse" {\n  cluster_identifier  = "warehouse"\n  publicly_accessible = false\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'absent: providers before v6 default to public',
      code: 'resource "aws_redshift_cluster" "warehouse" {\n  cluster_identifier = "warehouse"\n}\n',
      findings: [{ line: 1, column: 10, messageId: 'providerDefault', severity: 'info' }],
      output:
        'resource "aws_redshift_cluster" "warehouse" {\n  cluster_identifier = "warehouse"\n  publicly_accessible = false\n}\n',
    },
  ],
};
