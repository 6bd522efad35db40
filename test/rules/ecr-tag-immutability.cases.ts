import { rule } from '../../src/rules/ecr-tag-immutability';
import type { RuleCases } from './tester';

export const cases: RuleCases = {
  rule,
  valid: [
    {
      syntax: 'yaml',
      code: 'Resources:\n  Repo:\n    Type: AWS::ECR::Repository\n    Properties:\n      ImageTagMutability: IMMUTABLE\n',
    },
    {
      syntax: 'yaml',
      name: 'immutable with chosen exceptions is a deliberate choice',
      code: 'Resources:\n  Repo:\n    Type: AWS::ECR::Repository\n    Properties:\n      ImageTagMutability: IMMUTABLE_WITH_EXCLUSION\n      ImageTagMutabilityExclusionFilters:\n        - ImageTagMutabilityExclusionFilterType: WILDCARD\n          ImageTagMutabilityExclusionFilterValue: latest\n',
    },
    {
      syntax: 'yaml',
      name: 'a parameter without default is unknown',
      code: 'Parameters:\n  Mutability:\n    Type: String\nResources:\n  Repo:\n    Type: AWS::ECR::Repository\n    Properties:\n      ImageTagMutability: !Ref Mutability\n',
    },
    {
      syntax: 'yaml',
      name: 'value behind !If is unknown',
      code: 'Resources:\n  Repo:\n    Type: AWS::ECR::Repository\n    Properties:\n      ImageTagMutability: !If [IsProd, IMMUTABLE, MUTABLE]\n',
    },
    {
      syntax: 'json',
      code: '{"Resources": {"Repo": {"Type": "AWS::ECR::Repository", "Properties": {"ImageTagMutability": "IMMUTABLE"}}}}',
    },
    {
      syntax: 'terraform',
      code: 'resource "aws_ecr_repository" "app" {\n  name                 = "app"\n  image_tag_mutability = "IMMUTABLE"\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a variable without default is unknown',
      code: 'variable "mutability" {\n  type = string\n}\n\nresource "aws_ecr_repository" "app" {\n  image_tag_mutability = var.mutability\n}\n',
    },
  ],
  invalid: [
    {
      syntax: 'yaml',
      name: 'missing',
      code: 'Resources:\n  Repo:\n    Type: AWS::ECR::Repository\n    Properties:\n      RepositoryName: app\n',
      findings: [
        {
          line: 3,
          column: 11,
          messageId: 'mutableByDefault',
          message: "You · Configuration and policies: ECR repository 'Repo' keeps its image tags mutable (the default)",
          detail:
            'ImageTagMutability is not set and defaults to MUTABLE: a later push can move a tag to another image, so what runs may not be what was reviewed. Choosing immutable tags is yours; set it to IMMUTABLE.',
          severity: 'info',
        },
      ],
      output:
        'Resources:\n  Repo:\n    Type: AWS::ECR::Repository\n    Properties:\n      RepositoryName: app\n      ImageTagMutability: IMMUTABLE\n',
    },
    {
      syntax: 'yaml',
      name: 'no Properties at all',
      code: 'Resources:\n  Repo:\n    Type: AWS::ECR::Repository\n',
      findings: [{ line: 3, column: 11 }],
      output:
        'Resources:\n  Repo:\n    Type: AWS::ECR::Repository\n    Properties:\n      ImageTagMutability: IMMUTABLE\n',
    },
    {
      syntax: 'yaml',
      name: 'explicitly MUTABLE',
      code: 'Resources:\n  Repo:\n    Type: AWS::ECR::Repository\n    Properties:\n      ImageTagMutability: MUTABLE\n',
      findings: [
        {
          line: 5,
          column: 27,
          messageId: 'mutable',
          message: "You · Configuration and policies: ECR repository 'Repo' keeps its image tags mutable",
          detail:
            'A later push can move a tag to another image, so what runs may not be what was reviewed. Choosing immutable tags is yours; set ImageTagMutability to IMMUTABLE.',
        },
      ],
      output:
        'Resources:\n  Repo:\n    Type: AWS::ECR::Repository\n    Properties:\n      ImageTagMutability: IMMUTABLE\n',
    },
    {
      syntax: 'yaml',
      name: 'MUTABLE through a parameter default: reported, the parameter left to a human',
      code: 'Parameters:\n  Mutability:\n    Type: String\n    Default: MUTABLE\nResources:\n  Repo:\n    Type: AWS::ECR::Repository\n    Properties:\n      ImageTagMutability: !Ref Mutability\n',
      findings: [{ line: 9, column: 27 }],
    },
    {
      syntax: 'json',
      code: '{\n  "Resources": {\n    "Repo": {\n      "Type": "AWS::ECR::Repository",\n      "Properties": {\n        "ImageTagMutability": "MUTABLE"\n      }\n    }\n  }\n}\n',
      findings: [{ line: 6, column: 31 }],
      output:
        '{\n  "Resources": {\n    "Repo": {\n      "Type": "AWS::ECR::Repository",\n      "Properties": {\n        "ImageTagMutability": "IMMUTABLE"\n      }\n    }\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'missing',
      code: 'resource "aws_ecr_repository" "app" {\n  name = "app"\n}\n',
      findings: [
        {
          line: 1,
          column: 10,
          messageId: 'mutableByDefault',
          detail: /image_tag_mutability is not set and defaults to MUTABLE/,
        },
      ],
      output: 'resource "aws_ecr_repository" "app" {\n  name = "app"\n  image_tag_mutability = "IMMUTABLE"\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'explicitly MUTABLE',
      code: 'resource "aws_ecr_repository" "app" {\n  name                 = "app"\n  image_tag_mutability = "MUTABLE"\n}\n',
      findings: [{ line: 3, column: 26 }],
      output:
        'resource "aws_ecr_repository" "app" {\n  name                 = "app"\n  image_tag_mutability = "IMMUTABLE"\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'MUTABLE through a variable default: reported, the variable left to a human',
      code: 'variable "mutability" {\n  default = "MUTABLE"\n}\n\nresource "aws_ecr_repository" "app" {\n  image_tag_mutability = var.mutability\n}\n',
      findings: [{ line: 6, column: 26 }],
    },
  ],
};
