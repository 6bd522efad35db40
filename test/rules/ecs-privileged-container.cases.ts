import { rule } from '../../src/rules/ecs-privileged-container';
import type { RuleCases } from './tester';

const task = (containers: string, extra = '') =>
  `Resources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n${extra}      ContainerDefinitions:\n${containers}`;

export const cases: RuleCases = {
  rule,
  valid: [
    { syntax: 'yaml', code: task('        - Name: web\n          Image: nginx\n          Privileged: false\n') },
    { syntax: 'yaml', name: 'not set', code: task('        - Name: web\n          Image: nginx\n') },
    {
      syntax: 'yaml',
      name: 'value behind !If is unknown',
      code: task(
        '        - Name: agent\n          Image: agent\n          Privileged: !If [NeedsDocker, true, false]\n',
      ),
    },
    {
      syntax: 'yaml',
      name: 'a parameter without default is unknown',
      code:
        'Parameters:\n  Privileged:\n    Type: String\n' +
        task('        - Name: agent\n          Privileged: !Ref Privileged\n'),
    },
    {
      syntax: 'json',
      code: '{"Resources": {"Task": {"Type": "AWS::ECS::TaskDefinition", "Properties": {"ContainerDefinitions": [{"Name": "web", "Privileged": false}]}}}}',
    },
    {
      syntax: 'terraform',
      name: 'jsonencode without privileged',
      code: 'resource "aws_ecs_task_definition" "app" {\n  family = "app"\n  container_definitions = jsonencode([\n    { name = "web", image = "nginx", essential = true }\n  ])\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'file() is read at plan time: unknown',
      code: 'resource "aws_ecs_task_definition" "app" {\n  family                = "app"\n  container_definitions = file("containers.json")\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a variable without default is unknown',
      code: 'variable "privileged" {}\n\nresource "aws_ecs_task_definition" "app" {\n  family = "app"\n  container_definitions = jsonencode([{ name = "agent", privileged = var.privileged }])\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'JSON text with privileged false',
      code: 'resource "aws_ecs_task_definition" "app" {\n  family                = "app"\n  container_definitions = "[{\\"name\\": \\"web\\", \\"privileged\\": false}]"\n}\n',
    },
  ],
  invalid: [
    {
      syntax: 'yaml',
      name: 'one privileged container among two',
      code: task(
        '        - Name: web\n          Image: nginx\n        - Name: agent\n          Image: docker:dind\n          Privileged: true\n',
      ),
      findings: [
        {
          line: 10,
          column: 23,
          messageId: 'privileged',
          message: "Shared · Operating system: container 'agent' in ECS task definition 'Task' runs privileged",
          detail:
            'It gets root access to the host instance, its devices and the other tasks on it. Hardening the container instances is yours on EC2 capacity and ECS does not prevent this; grant only the Linux capabilities the container needs instead.',
          severity: 'error',
        },
      ],
      output: task(
        '        - Name: web\n          Image: nginx\n        - Name: agent\n          Image: docker:dind\n          Privileged: false\n',
      ),
    },
    {
      syntax: 'yaml',
      name: 'Fargate-only task definition: the setting cannot work there',
      code: task('        - Name: web\n          Privileged: "true"\n', '      RequiresCompatibilities: [FARGATE]\n'),
      findings: [
        {
          line: 8,
          column: 23,
          messageId: 'privilegedOnFargate',
          severity: 'warning',
        },
      ],
      output: task('        - Name: web\n          Privileged: false\n', '      RequiresCompatibilities: [FARGATE]\n'),
    },
    {
      syntax: 'yaml',
      name: 'true from a parameter default: reported, fixed where the parameter is declared',
      code:
        'Parameters:\n  Privileged:\n    Type: String\n    Default: "true"\n' +
        task('        - Name: agent\n          Privileged: !Ref Privileged\n'),
      findings: [{ line: 11, column: 23 }],
    },
    {
      syntax: 'json',
      code: '{\n  "Resources": {\n    "Task": {\n      "Type": "AWS::ECS::TaskDefinition",\n      "Properties": {\n        "ContainerDefinitions": [\n          { "Name": "agent", "Privileged": true }\n        ]\n      }\n    }\n  }\n}\n',
      findings: [{ line: 7, column: 44 }],
      output:
        '{\n  "Resources": {\n    "Task": {\n      "Type": "AWS::ECS::TaskDefinition",\n      "Properties": {\n        "ContainerDefinitions": [\n          { "Name": "agent", "Privileged": false }\n        ]\n      }\n    }\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'jsonencode: the HCL map is fixed in place',
      code: 'resource "aws_ecs_task_definition" "app" {\n  family = "app"\n  container_definitions = jsonencode([\n    {\n      name       = "agent"\n      image      = "docker:dind"\n      privileged = true\n    }\n  ])\n}\n',
      findings: [{ line: 7, column: 20, messageId: 'privileged', message: /container 'agent'/ }],
      output:
        'resource "aws_ecs_task_definition" "app" {\n  family = "app"\n  container_definitions = jsonencode([\n    {\n      name       = "agent"\n      image      = "docker:dind"\n      privileged = false\n    }\n  ])\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'privileged through a local: reported where it is used, changed where it is declared',
      code: 'locals {\n  needs_docker = true\n}\n\nresource "aws_ecs_task_definition" "app" {\n  family = "app"\n  container_definitions = jsonencode([{ name = "agent", privileged = local.needs_docker }])\n}\n',
      findings: [{ line: 7, column: 70 }],
    },
    {
      syntax: 'terraform',
      name: 'JSON in a heredoc: each privileged token is pointed at, no fix',
      code: 'resource "aws_ecs_task_definition" "app" {\n  family                = "app"\n  container_definitions = <<EOT\n[\n  {"name": "web", "image": "nginx"},\n  {"name": "agent", "privileged": true},\n  {"name": "sidecar", "privileged":true}\n]\nEOT\n}\n',
      findings: [
        { line: 6, column: 35, messageId: 'privileged', message: /container 'agent'/ },
        { line: 7, column: 36, messageId: 'privileged', message: /container 'sidecar'/ },
      ],
    },
    {
      syntax: 'terraform',
      name: 'JSON in a quoted string',
      code: 'resource "aws_ecs_task_definition" "app" {\n  family                = "app"\n  container_definitions = "[{\\"name\\": \\"agent\\", \\"privileged\\": true}]"\n}\n',
      findings: [{ line: 3, column: 67 }],
    },
    {
      syntax: 'terraform',
      name: 'containers in a local declared in another file: pointed at where the task definition uses them',
      code: {
        'locals.tf': 'locals {\n  containers = [{ name = "agent", privileged = true }]\n}\n',
        'main.tf':
          'resource "aws_ecs_task_definition" "app" {\n  family                = "app"\n  container_definitions = jsonencode(local.containers)\n}\n',
      },
      findings: [{ line: 3, column: 38, file: 'main.tf' }],
    },
  ],
};
