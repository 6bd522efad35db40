import { rule } from '../../src/rules/elasticbeanstalk-managed-updates';
import type { RuleCases } from './tester';

const ENV =
  'Resources:\n  Env:\n    Type: AWS::ElasticBeanstalk::Environment\n    Properties:\n      ApplicationName: app\n';

export const cases: RuleCases = {
  rule,
  valid: [
    {
      syntax: 'yaml',
      code: `${ENV}      OptionSettings:\n        - Namespace: aws:elasticbeanstalk:managedactions\n          OptionName: ManagedActionsEnabled\n          Value: "true"\n        - Namespace: aws:elasticbeanstalk:managedactions\n          OptionName: PreferredStartTime\n          Value: "Sun:02:00"\n        - Namespace: aws:elasticbeanstalk:managedactions:platformupdate\n          OptionName: UpdateLevel\n          Value: minor\n`,
    },
    {
      syntax: 'yaml',
      name: 'an option list behind !If is unknown',
      code: `${ENV}      OptionSettings: !If [Prod, [], []]\n`,
    },
    {
      syntax: 'yaml',
      name: 'a value from a parameter without default is unknown',
      code: `Parameters:\n  Managed:\n    Type: String\n${ENV}      OptionSettings:\n        - Namespace: aws:elasticbeanstalk:managedactions\n          OptionName: ManagedActionsEnabled\n          Value: !Ref Managed\n`,
    },
    {
      syntax: 'yaml',
      name: 'a configuration template defined elsewhere may set it',
      code: `${ENV}      TemplateName: shared-template\n`,
    },
    {
      syntax: 'yaml',
      name: 'set in the configuration template of this stack',
      code: 'Resources:\n  Template:\n    Type: AWS::ElasticBeanstalk::ConfigurationTemplate\n    Properties:\n      ApplicationName: app\n      OptionSettings:\n        - Namespace: aws:elasticbeanstalk:managedactions\n          OptionName: ManagedActionsEnabled\n          Value: "true"\n  Env:\n    Type: AWS::ElasticBeanstalk::Environment\n    Properties:\n      ApplicationName: app\n      TemplateName: !Ref Template\n',
    },
    {
      syntax: 'json',
      code: '{"Resources": {"Env": {"Type": "AWS::ElasticBeanstalk::Environment", "Properties": {"OptionSettings": [{"Namespace": "aws:elasticbeanstalk:managedactions", "OptionName": "ManagedActionsEnabled", "Value": "true"}]}}}}',
    },
    {
      syntax: 'terraform',
      code: 'resource "aws_elastic_beanstalk_environment" "env" {\n  name        = "env"\n  application = "app"\n\n  setting {\n    namespace = "aws:elasticbeanstalk:managedactions"\n    name      = "ManagedActionsEnabled"\n    value     = "true"\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'dynamic settings may set it',
      code: 'variable "settings" {}\n\nresource "aws_elastic_beanstalk_environment" "env" {\n  name = "env"\n\n  dynamic "setting" {\n    for_each = var.settings\n    content {\n      namespace = setting.value.namespace\n      name      = setting.value.name\n      value     = setting.value.value\n    }\n  }\n}\n',
    },
  ],
  invalid: [
    {
      syntax: 'yaml',
      name: 'turned off, with a window and update level chosen',
      code: `${ENV}      OptionSettings:\n        - Namespace: aws:elasticbeanstalk:managedactions\n          OptionName: PreferredStartTime\n          Value: "Sun:02:00"\n        - Namespace: aws:elasticbeanstalk:managedactions\n          OptionName: ManagedActionsEnabled\n          Value: "false"\n        - Namespace: aws:elasticbeanstalk:managedactions:platformupdate\n          OptionName: UpdateLevel\n          Value: patch\n`,
      findings: [
        {
          line: 12,
          column: 18,
          messageId: 'updatesOff',
          message: "Shared · Operating system: Elastic Beanstalk environment 'Env' turns managed platform updates off",
          detail:
            'It turns them off (ManagedActionsEnabled is false), so its instances keep an outdated platform until someone updates it. AWS publishes patched platform versions, but applying them is yours; set ManagedActionsEnabled to true.',
          severity: 'warning',
        },
      ],
      output: `${ENV}      OptionSettings:\n        - Namespace: aws:elasticbeanstalk:managedactions\n          OptionName: PreferredStartTime\n          Value: "Sun:02:00"\n        - Namespace: aws:elasticbeanstalk:managedactions\n          OptionName: ManagedActionsEnabled\n          Value: "true"\n        - Namespace: aws:elasticbeanstalk:managedactions:platformupdate\n          OptionName: UpdateLevel\n          Value: patch\n`,
    },
    {
      syntax: 'yaml',
      name: 'turned off without a window: reported, not switched on blindly',
      code: `${ENV}      OptionSettings:\n        - Namespace: aws:elasticbeanstalk:managedactions\n          OptionName: ManagedActionsEnabled\n          Value: false\n`,
      findings: [{ line: 9, column: 18 }],
    },
    {
      syntax: 'yaml',
      name: 'not configured at all: a note',
      code: `${ENV}      SolutionStackName: 64bit Amazon Linux 2023 v6.1.0 running Node.js 20\n`,
      findings: [
        {
          line: 3,
          column: 11,
          messageId: 'updatesNotConfigured',
          detail: /does not configure managed platform updates in its OptionSettings/,
          severity: 'info',
        },
      ],
    },
    {
      syntax: 'json',
      code: '{\n  "Resources": {\n    "Env": {\n      "Type": "AWS::ElasticBeanstalk::Environment",\n      "Properties": {\n        "OptionSettings": [\n          {"Namespace": "aws:elasticbeanstalk:managedactions", "OptionName": "ManagedActionsEnabled", "Value": "false"},\n          {"Namespace": "aws:elasticbeanstalk:managedactions", "OptionName": "PreferredStartTime", "Value": "Tue:09:00"},\n          {"Namespace": "aws:elasticbeanstalk:managedactions:platformupdate", "OptionName": "UpdateLevel", "Value": "minor"}\n        ]\n      }\n    }\n  }\n}\n',
      findings: [{ line: 7, column: 112 }],
      output:
        '{\n  "Resources": {\n    "Env": {\n      "Type": "AWS::ElasticBeanstalk::Environment",\n      "Properties": {\n        "OptionSettings": [\n          {"Namespace": "aws:elasticbeanstalk:managedactions", "OptionName": "ManagedActionsEnabled", "Value": "true"},\n          {"Namespace": "aws:elasticbeanstalk:managedactions", "OptionName": "PreferredStartTime", "Value": "Tue:09:00"},\n          {"Namespace": "aws:elasticbeanstalk:managedactions:platformupdate", "OptionName": "UpdateLevel", "Value": "minor"}\n        ]\n      }\n    }\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'turned off',
      code: 'resource "aws_elastic_beanstalk_environment" "env" {\n  name = "env"\n\n  setting {\n    namespace = "aws:elasticbeanstalk:managedactions"\n    name      = "ManagedActionsEnabled"\n    value     = "false"\n  }\n  setting {\n    namespace = "aws:elasticbeanstalk:managedactions"\n    name      = "PreferredStartTime"\n    value     = "Sun:02:00"\n  }\n  setting {\n    namespace = "aws:elasticbeanstalk:managedactions:platformupdate"\n    name      = "UpdateLevel"\n    value     = "patch"\n  }\n}\n',
      findings: [{ line: 7, column: 17, severity: 'warning' }],
      output:
        'resource "aws_elastic_beanstalk_environment" "env" {\n  name = "env"\n\n  setting {\n    namespace = "aws:elasticbeanstalk:managedactions"\n    name      = "ManagedActionsEnabled"\n    value     = "true"\n  }\n  setting {\n    namespace = "aws:elasticbeanstalk:managedactions"\n    name      = "PreferredStartTime"\n    value     = "Sun:02:00"\n  }\n  setting {\n    namespace = "aws:elasticbeanstalk:managedactions:platformupdate"\n    name      = "UpdateLevel"\n    value     = "patch"\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'turned off in the configuration template of the module',
      code: {
        'main.tf':
          'resource "aws_elastic_beanstalk_environment" "env" {\n  name          = "env"\n  template_name = aws_elastic_beanstalk_configuration_template.base.name\n}\n',
        'template.tf':
          'resource "aws_elastic_beanstalk_configuration_template" "base" {\n  name        = "base"\n  application = "app"\n\n  setting {\n    namespace = "aws:elasticbeanstalk:managedactions"\n    name      = "ManagedActionsEnabled"\n    value     = false\n  }\n}\n',
      },
      findings: [
        {
          line: 3,
          column: 19,
          file: 'main.tf',
          messageId: 'updatesOff',
          detail:
            /ManagedActionsEnabled is false in its configuration template 'aws_elastic_beanstalk_configuration_template.base'/,
        },
      ],
    },
    {
      syntax: 'terraform',
      name: 'not configured at all: a note',
      code: 'resource "aws_elastic_beanstalk_environment" "env" {\n  name        = "env"\n  application = "app"\n}\n',
      findings: [
        { line: 1, column: 10, messageId: 'updatesNotConfigured', detail: /in its setting blocks/, severity: 'info' },
      ],
    },
  ],
};
