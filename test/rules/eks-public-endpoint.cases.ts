import { rule } from '../../src/rules/eks-public-endpoint';
import type { RuleCases } from './tester';

const cluster = (vpcConfig: string) =>
  `Resources:\n  Cluster:\n    Type: AWS::EKS::Cluster\n    Properties:\n      RoleArn: !GetAtt ClusterRole.Arn\n      ResourcesVpcConfig:\n        SubnetIds: [subnet-1, subnet-2]\n${vpcConfig}`;

export const cases: RuleCases = {
  rule,
  valid: [
    {
      syntax: 'yaml',
      name: 'private endpoint only',
      code: cluster('        EndpointPublicAccess: false\n        EndpointPrivateAccess: true\n'),
    },
    {
      syntax: 'yaml',
      name: 'public endpoint limited to an office range',
      code: cluster('        PublicAccessCidrs:\n          - 203.0.113.0/24\n'),
    },
    {
      syntax: 'yaml',
      name: 'value behind !If is unknown',
      code: cluster('        EndpointPublicAccess: !If [IsDev, true, false]\n'),
    },
    {
      syntax: 'yaml',
      name: 'CIDR blocks from a parameter without default are unknown',
      code:
        'Parameters:\n  Cidrs:\n    Type: CommaDelimitedList\n' + cluster('        PublicAccessCidrs: !Ref Cidrs\n'),
    },
    {
      syntax: 'yaml',
      name: 'the whole VPC configuration behind !If is unknown',
      code: 'Resources:\n  Cluster:\n    Type: AWS::EKS::Cluster\n    Properties:\n      ResourcesVpcConfig: !If [IsDev, {SubnetIds: [a]}, {SubnetIds: [b]}]\n',
    },
    {
      syntax: 'json',
      code: '{"Resources": {"Cluster": {"Type": "AWS::EKS::Cluster", "Properties": {"ResourcesVpcConfig": {"SubnetIds": ["s"], "EndpointPublicAccess": false}}}}}',
    },
    {
      syntax: 'terraform',
      code: 'resource "aws_eks_cluster" "main" {\n  name     = "main"\n  role_arn = aws_iam_role.cluster.arn\n\n  vpc_config {\n    subnet_ids              = var.subnet_ids\n    endpoint_private_access = true\n    endpoint_public_access  = false\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'CIDR blocks from a variable without default are unknown',
      code: 'variable "cidrs" {\n  type = list(string)\n}\n\nresource "aws_eks_cluster" "main" {\n  name = "main"\n  vpc_config {\n    subnet_ids          = ["s"]\n    public_access_cidrs = var.cidrs\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a dynamic block over an unknown collection is unknown',
      code: 'resource "aws_eks_cluster" "main" {\n  name = "main"\n  dynamic "vpc_config" {\n    for_each = var.vpcs\n    content {\n      subnet_ids = vpc_config.value.subnets\n    }\n  }\n}\n',
    },
    // Checkov's CKV_AWS_39 fixture fails `endpoint_public_access = True`; HCL has no `True` literal (Terraform rejects it as
    // an invalid reference), so the value is unknown and we say nothing. Written as `true`, it is reported like the defaults.
    {
      syntax: 'terraform',
      name: 'a capitalised True is not an HCL boolean: unknown',
      code: 'resource "aws_eks_cluster" "main" {\n  name = "main"\n  vpc_config {\n    subnet_ids             = ["s"]\n    endpoint_public_access = True\n  }\n}\n',
    },
  ],
  invalid: [
    {
      syntax: 'terraform',
      name: 'a dynamic block over a one-element list is one vpc_config block, endpoint settings unset',
      code: 'resource "aws_eks_cluster" "main" {\n  name = "main"\n  dynamic "vpc_config" {\n    for_each = [var.vpc]\n    content {\n      subnet_ids = vpc_config.value.subnets\n    }\n  }\n}\n',
      findings: [
        {
          line: 1,
          column: 10,
          message:
            "You · Network access: the Kubernetes API endpoint of EKS cluster 'aws_eks_cluster.main' is open to any IP address",
          detail:
            'It accepts connections from any IP address: endpoint_public_access is not set and defaults to true, and public_access_cidrs is not set, so it defaults to 0.0.0.0/0. AWS runs the endpoint, but limiting who can reach it is yours: restrict the CIDR blocks or use the private endpoint.',
        },
      ],
    },
    {
      syntax: 'yaml',
      name: 'defaults: public endpoint open to 0.0.0.0/0',
      code: cluster(''),
      findings: [
        {
          line: 3,
          column: 11,
          messageId: 'openByDefault',
          detail:
            /EndpointPublicAccess is not set and defaults to true, and PublicAccessCidrs is not set, so it defaults to 0\.0\.0\.0\/0/,
        },
      ],
    },
    {
      syntax: 'yaml',
      name: 'explicitly public, world CIDR listed',
      code: cluster(
        '        EndpointPublicAccess: true\n        PublicAccessCidrs:\n          - 203.0.113.0/24\n          - 0.0.0.0/0\n',
      ),
      findings: [
        {
          line: 11,
          column: 13,
          messageId: 'openCidr',
          message:
            "You · Network access: the Kubernetes API endpoint of EKS cluster 'Cluster' is open to any IP address",
          detail:
            'It accepts connections from any IP address: EndpointPublicAccess is true, and PublicAccessCidrs includes 0.0.0.0/0. AWS runs the endpoint, but limiting who can reach it is yours: restrict the CIDR blocks or use the private endpoint.',
        },
      ],
    },
    {
      syntax: 'yaml',
      name: 'a world CIDR next to an unknown one is still open',
      code:
        'Parameters:\n  Office:\n    Type: String\n' + cluster('        PublicAccessCidrs: [!Ref Office, 0.0.0.0/0]\n'),
      findings: [{ line: 11, column: 42 }],
    },
    {
      syntax: 'yaml',
      name: 'a CommaDelimitedList parameter default that includes the world',
      code:
        'Parameters:\n  Cidrs:\n    Type: CommaDelimitedList\n    Default: 203.0.113.0/24,0.0.0.0/0\n' +
        cluster('        PublicAccessCidrs: !Ref Cidrs\n'),
      findings: [{ line: 12, column: 28, messageId: 'openCidr', detail: /includes 0\.0\.0\.0\/0/ }],
    },
    {
      syntax: 'json',
      code: '{\n  "Resources": {\n    "Cluster": {\n      "Type": "AWS::EKS::Cluster",\n      "Properties": {\n        "ResourcesVpcConfig": {\n          "SubnetIds": ["s"],\n          "EndpointPublicAccess": true\n        }\n      }\n    }\n  }\n}\n',
      findings: [{ line: 8, column: 35 }],
    },
    {
      syntax: 'terraform',
      name: 'defaults',
      code: 'resource "aws_eks_cluster" "main" {\n  name = "main"\n  vpc_config {\n    subnet_ids = ["s"]\n  }\n}\n',
      findings: [
        {
          line: 1,
          column: 10,
          messageId: 'openByDefault',
          detail: /endpoint_public_access is not set and defaults to true/,
        },
      ],
    },
    {
      syntax: 'terraform',
      name: 'world CIDR from a variable default in another file',
      code: {
        'variables.tf': 'variable "cidrs" {\n  default = ["0.0.0.0/0"]\n}\n',
        'main.tf':
          'resource "aws_eks_cluster" "main" {\n  name = "main"\n  vpc_config {\n    subnet_ids             = ["s"]\n    endpoint_public_access = true\n    public_access_cidrs    = var.cidrs\n  }\n}\n',
      },
      findings: [{ line: 6, column: 30, file: 'main.tf' }],
    },
  ],
};
