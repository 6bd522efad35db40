import { rule } from '../../src/rules/elasticbeanstalk-https-listener';
import type { RuleCases } from './tester';

const ENV =
  'Resources:\n  Env:\n    Type: AWS::ElasticBeanstalk::Environment\n    Properties:\n      ApplicationName: app\n';
const ALB =
  '        - Namespace: aws:elasticbeanstalk:environment\n          OptionName: LoadBalancerType\n          Value: application\n';

export const cases: RuleCases = {
  rule,
  valid: [
    {
      syntax: 'yaml',
      name: 'an ALB with an HTTPS listener',
      code: `${ENV}      OptionSettings:\n${ALB}        - Namespace: aws:elbv2:listener:443\n          OptionName: Protocol\n          Value: HTTPS\n        - Namespace: aws:elbv2:listener:443\n          OptionName: SSLCertificateArns\n          Value: arn:aws:acm:eu-west-1:111122223333:certificate/c\n`,
    },
    {
      syntax: 'yaml',
      name: 'a single-instance environment has no load balancer',
      code: `${ENV}      OptionSettings:\n        - Namespace: aws:elasticbeanstalk:environment\n          OptionName: EnvironmentType\n          Value: SingleInstance\n`,
    },
    {
      syntax: 'yaml',
      name: 'a worker environment has no load balancer',
      code: `${ENV}      Tier:\n        Name: Worker\n        Type: SQS/HTTP\n`,
    },
    {
      syntax: 'yaml',
      name: 'a Network Load Balancer passes TLS through',
      code: `${ENV}      OptionSettings:\n        - Namespace: aws:elasticbeanstalk:environment\n          OptionName: LoadBalancerType\n          Value: network\n`,
    },
    {
      syntax: 'yaml',
      name: 'a shared load balancer has its listeners elsewhere',
      code: `${ENV}      OptionSettings:\n${ALB}        - Namespace: aws:elasticbeanstalk:environment\n          OptionName: LoadBalancerIsShared\n          Value: "true"\n`,
    },
    {
      syntax: 'yaml',
      name: 'settings behind !If are unknown',
      code: `${ENV}      OptionSettings:\n${ALB}        - !If [Https, {Namespace: "aws:elbv2:listener:443", OptionName: Protocol, Value: HTTPS}, !Ref AWS::NoValue]\n`,
    },
    {
      syntax: 'yaml',
      name: 'a configuration template defined elsewhere',
      code: `${ENV}      TemplateName: web-template\n`,
    },
    {
      syntax: 'yaml',
      name: 'a listener protocol from a parameter without default is unknown',
      code: `Parameters:\n  Protocol:\n    Type: String\n${ENV}      OptionSettings:\n${ALB}        - Namespace: aws:elbv2:listener:443\n          OptionName: Protocol\n          Value: !Ref Protocol\n`,
    },
    {
      syntax: 'json',
      name: 'a Classic Load Balancer with an HTTPS listener',
      code: '{"Resources": {"Env": {"Type": "AWS::ElasticBeanstalk::Environment", "Properties": {"OptionSettings": [{"Namespace": "aws:elb:listener:443", "OptionName": "ListenerProtocol", "Value": "HTTPS"}, {"Namespace": "aws:elb:listener:443", "OptionName": "SSLCertificateId", "Value": "arn:aws:acm:eu-west-1:111122223333:certificate/c"}]}}}}',
    },
    {
      syntax: 'terraform',
      name: 'an ALB with an HTTPS listener',
      code: 'resource "aws_elastic_beanstalk_environment" "env" {\n  name = "env"\n\n  setting {\n    namespace = "aws:elasticbeanstalk:environment"\n    name      = "LoadBalancerType"\n    value     = "application"\n  }\n  setting {\n    namespace = "aws:elbv2:listener:443"\n    name      = "Protocol"\n    value     = "HTTPS"\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'dynamic settings may add the listener',
      code: 'variable "settings" {}\n\nresource "aws_elastic_beanstalk_environment" "env" {\n  name = "env"\n\n  dynamic "setting" {\n    for_each = var.settings\n    content {\n      namespace = setting.value.namespace\n      name      = setting.value.name\n      value     = setting.value.value\n    }\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a worker environment',
      code: 'resource "aws_elastic_beanstalk_environment" "worker" {\n  name = "worker"\n  tier = "Worker"\n}\n',
    },
  ],
  invalid: [
    {
      syntax: 'yaml',
      name: 'no settings: a Classic Load Balancer on HTTP only',
      code: `${ENV}      SolutionStackName: 64bit Amazon Linux 2023 v6.1.0 running Node.js 20\n`,
      findings: [
        {
          line: 3,
          column: 11,
          messageId: 'noHttpsListener',
          message: "You · Data in transit: Elastic Beanstalk environment 'Env' has no HTTPS listener",
          detail:
            "It has a Classic Load Balancer with no HTTPS listener in its settings, so clients reach it over plain HTTP. Encrypting that traffic is yours: add aws:elb:listener:443 with ListenerProtocol HTTPS and SSLCertificateId, unless your source bundle's .ebextensions already do.",
          severity: 'info',
        },
      ],
    },
    {
      syntax: 'yaml',
      name: 'an ALB with only the default listener',
      code: `${ENV}      OptionSettings:\n${ALB}        - Namespace: aws:elbv2:listener:default\n          OptionName: ListenerEnabled\n          Value: "true"\n`,
      findings: [
        {
          line: 3,
          column: 11,
          messageId: 'noHttpsListener',
          detail: /Application Load Balancer .* aws:elbv2:listener:443 with Protocol HTTPS/,
        },
      ],
    },
    {
      syntax: 'yaml',
      name: 'an HTTPS listener that is turned off',
      code: `${ENV}      OptionSettings:\n${ALB}        - Namespace: aws:elbv2:listener:443\n          OptionName: Protocol\n          Value: HTTPS\n        - Namespace: aws:elbv2:listener:443\n          OptionName: ListenerEnabled\n          Value: "false"\n`,
      findings: [{ line: 3, column: 11 }],
    },
    {
      syntax: 'json',
      code: '{\n  "Resources": {\n    "Env": {\n      "Type": "AWS::ElasticBeanstalk::Environment",\n      "Properties": {\n        "OptionSettings": [{"Namespace": "aws:elasticbeanstalk:environment", "OptionName": "LoadBalancerType", "Value": "application"}]\n      }\n    }\n  }\n}\n',
      findings: [{ line: 4, column: 15 }],
    },
    {
      syntax: 'terraform',
      name: 'an ALB on HTTP only',
      code: 'resource "aws_elastic_beanstalk_environment" "env" {\n  name = "env"\n\n  setting {\n    namespace = "aws:elasticbeanstalk:environment"\n    name      = "LoadBalancerType"\n    value     = "application"\n  }\n}\n',
      findings: [{ line: 1, column: 10 }],
    },
    {
      syntax: 'terraform',
      name: 'an HTTP listener on 443 set through a configuration template in another file',
      code: {
        'main.tf':
          'resource "aws_elastic_beanstalk_environment" "env" {\n  name          = "env"\n  template_name = aws_elastic_beanstalk_configuration_template.web.name\n}\n',
        'template.tf':
          'resource "aws_elastic_beanstalk_configuration_template" "web" {\n  name        = "web"\n  application = "app"\n\n  setting {\n    namespace = "aws:elbv2:listener:443"\n    name      = "Protocol"\n    value     = "HTTP"\n  }\n  setting {\n    namespace = "aws:elasticbeanstalk:environment"\n    name      = "LoadBalancerType"\n    value     = "application"\n  }\n}\n',
      },
      findings: [{ line: 1, column: 10, file: 'main.tf' }],
    },
  ],
};
