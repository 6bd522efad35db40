import { rule } from '../../src/rules/elb-listener-https';
import type { RuleCases } from './tester';

const ALB =
  'Resources:\n  Alb:\n    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n    Properties:\n      Subnets: [subnet-1, subnet-2]\n';

export const cases: RuleCases = {
  rule,
  valid: [
    {
      syntax: 'yaml',
      name: 'HTTP redirects to HTTPS, HTTPS uses a TLS 1.2+ policy',
      code:
        ALB +
        '  Http:\n    Type: AWS::ElasticLoadBalancingV2::Listener\n    Properties:\n      LoadBalancerArn: !Ref Alb\n      Port: 80\n      Protocol: HTTP\n      DefaultActions:\n        - Type: redirect\n          RedirectConfig:\n            Protocol: HTTPS\n            Port: "443"\n            StatusCode: HTTP_301\n' +
        '  Https:\n    Type: AWS::ElasticLoadBalancingV2::Listener\n    Properties:\n      LoadBalancerArn: !Ref Alb\n      Port: 443\n      Protocol: HTTPS\n      SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06\n      Certificates: [{ CertificateArn: !Ref Cert }]\n      DefaultActions: [{ Type: forward, TargetGroupArn: !Ref Tg }]\n',
    },
    {
      syntax: 'yaml',
      name: 'default actions behind !If are unknown',
      code: 'Resources:\n  Http:\n    Type: AWS::ElasticLoadBalancingV2::Listener\n    Properties:\n      LoadBalancerArn: !Ref Alb\n      Protocol: HTTP\n      DefaultActions: !If [Https, [{ Type: redirect, RedirectConfig: { Protocol: HTTPS } }], [{ Type: forward, TargetGroupArn: !Ref Tg }]]\n',
    },
    {
      syntax: 'yaml',
      name: 'TCP passes through: nothing to say',
      code: 'Resources:\n  Tcp:\n    Type: AWS::ElasticLoadBalancingV2::Listener\n    Properties:\n      LoadBalancerArn: !Ref Nlb\n      Protocol: TCP\n      Port: 443\n      DefaultActions: [{ Type: forward, TargetGroupArn: !Ref Tg }]\n',
    },
    {
      syntax: 'yaml',
      name: 'a policy from a parameter without default is unknown',
      code: 'Parameters:\n  Policy:\n    Type: String\nResources:\n  Https:\n    Type: AWS::ElasticLoadBalancingV2::Listener\n    Properties:\n      LoadBalancerArn: !Ref Alb\n      Protocol: HTTPS\n      SslPolicy: !Ref Policy\n      DefaultActions: [{ Type: forward, TargetGroupArn: !Ref Tg }]\n',
    },
    {
      syntax: 'yaml',
      name: 'classic load balancer on HTTPS',
      code: 'Resources:\n  Elb:\n    Type: AWS::ElasticLoadBalancing::LoadBalancer\n    Properties:\n      Listeners:\n        - LoadBalancerPort: "443"\n          InstancePort: "80"\n          Protocol: HTTPS\n          SSLCertificateId: !Ref Cert\n',
    },
    {
      syntax: 'json',
      code: '{"Resources": {"Tls": {"Type": "AWS::ElasticLoadBalancingV2::Listener", "Properties": {"LoadBalancerArn": {"Ref": "Nlb"}, "Protocol": "TLS", "SslPolicy": "ELBSecurityPolicy-FS-1-2-Res-2020-10", "DefaultActions": [{"Type": "forward", "TargetGroupArn": {"Ref": "Tg"}}]}}}}',
    },
    {
      syntax: 'terraform',
      name: 'redirect, a modern policy, and a gateway listener without protocol',
      code:
        'resource "aws_lb_listener" "http" {\n  load_balancer_arn = aws_lb.web.arn\n  port              = 80\n  protocol          = "HTTP"\n  default_action {\n    type = "redirect"\n    redirect {\n      port        = "443"\n      protocol    = "HTTPS"\n      status_code = "HTTP_301"\n    }\n  }\n}\n\n' +
        'resource "aws_lb_listener" "https" {\n  load_balancer_arn = aws_lb.web.arn\n  port              = 443\n  protocol          = "HTTPS"\n  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-Res-2021-06"\n  certificate_arn   = var.certificate_arn\n  default_action {\n    type             = "forward"\n    target_group_arn = aws_lb_target_group.web.arn\n  }\n}\n\n' +
        'resource "aws_lb" "gateway" {\n  load_balancer_type = "gateway"\n}\n\nresource "aws_lb_listener" "gateway" {\n  load_balancer_arn = aws_lb.gateway.arn\n  default_action {\n    type             = "forward"\n    target_group_arn = aws_lb_target_group.appliances.arn\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'a protocol variable without default is unknown',
      code: 'variable "protocol" {}\n\nresource "aws_lb_listener" "l" {\n  load_balancer_arn = var.lb_arn\n  protocol          = var.protocol\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'no protocol on a load balancer from outside the module is unknown',
      code: 'resource "aws_lb_listener" "l" {\n  load_balancer_arn = var.lb_arn\n  port              = 80\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'dynamic default actions are unknown',
      code: 'resource "aws_lb_listener" "l" {\n  load_balancer_arn = var.lb_arn\n  protocol          = "HTTP"\n  dynamic "default_action" {\n    for_each = var.actions\n    content {\n      type = default_action.value.type\n    }\n  }\n}\n',
    },
  ],
  invalid: [
    {
      syntax: 'yaml',
      name: 'HTTP forwarding: no fix, serving HTTPS is a decision',
      code:
        ALB +
        '  Http:\n    Type: AWS::ElasticLoadBalancingV2::Listener\n    Properties:\n      LoadBalancerArn: !Ref Alb\n      Port: 80\n      Protocol: HTTP\n      DefaultActions:\n        - Type: forward\n          TargetGroupArn: !Ref Tg\n',
      findings: [
        {
          line: 11,
          column: 17,
          severity: 'warning',
          messageId: 'plainHttp',
          message: "You · Data in transit: listener 'Http' serves plain HTTP with no redirect to HTTPS",
          detail:
            'The listener serves plain HTTP and does not redirect to HTTPS, so requests and responses cross the network unencrypted. AWS offers HTTPS listeners with ACM certificates, but using them is yours: serve HTTPS and make this listener redirect to it.',
        },
      ],
    },
    {
      syntax: 'yaml',
      name: 'a redirect that keeps HTTP, on an internal load balancer: info',
      code: 'Resources:\n  Alb:\n    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n    Properties:\n      Scheme: internal\n  Http:\n    Type: AWS::ElasticLoadBalancingV2::Listener\n    Properties:\n      LoadBalancerArn: !Ref Alb\n      Protocol: HTTP\n      DefaultActions:\n        - Type: redirect\n          RedirectConfig: { Path: /new }\n',
      findings: [
        { line: 10, column: 17, severity: 'info', messageId: 'plainHttp', detail: /on internal load balancer 'Alb'/ },
      ],
    },
    {
      syntax: 'yaml',
      name: 'HTTPS without a policy gets ELBSecurityPolicy-2016-08',
      code: 'Resources:\n  Https:\n    Type: AWS::ElasticLoadBalancingV2::Listener\n    Properties:\n      LoadBalancerArn: !Ref Alb\n      Protocol: HTTPS\n      DefaultActions: [{ Type: forward, TargetGroupArn: !Ref Tg }]\n',
      findings: [
        {
          line: 3,
          column: 11,
          messageId: 'defaultPolicy',
          message: "You · Data in transit: HTTPS listener 'Https' accepts TLS 1.0 and 1.1 (no SslPolicy)",
          detail:
            'It does not set SslPolicy, so ELB applies ELBSecurityPolicy-2016-08, which still accepts TLS 1.0 and 1.1. Choosing the TLS versions clients may use is yours: set a TLS 1.2+ policy such as ELBSecurityPolicy-TLS13-1-2-2021-06.',
        },
      ],
      output:
        'Resources:\n  Https:\n    Type: AWS::ElasticLoadBalancingV2::Listener\n    Properties:\n      LoadBalancerArn: !Ref Alb\n      Protocol: HTTPS\n      DefaultActions: [{ Type: forward, TargetGroupArn: !Ref Tg }]\n      SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06\n',
    },
    {
      syntax: 'yaml',
      name: 'TLS listener with a TLS 1.1 policy',
      code: 'Resources:\n  Tls:\n    Type: AWS::ElasticLoadBalancingV2::Listener\n    Properties:\n      LoadBalancerArn: !Ref Nlb\n      Protocol: TLS\n      SslPolicy: ELBSecurityPolicy-TLS13-1-1-2021-06\n',
      findings: [
        {
          line: 7,
          column: 18,
          messageId: 'oldPolicy',
          detail: /uses ELBSecurityPolicy-TLS13-1-1-2021-06, which still accepts clients on TLS 1\.1\./,
        },
      ],
      output:
        'Resources:\n  Tls:\n    Type: AWS::ElasticLoadBalancingV2::Listener\n    Properties:\n      LoadBalancerArn: !Ref Nlb\n      Protocol: TLS\n      SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06\n',
    },
    {
      syntax: 'yaml',
      name: 'classic load balancer: one finding per HTTP listener',
      code: 'Resources:\n  Elb:\n    Type: AWS::ElasticLoadBalancing::LoadBalancer\n    Properties:\n      Listeners:\n        - { LoadBalancerPort: "80", InstancePort: "80", Protocol: HTTP }\n        - { LoadBalancerPort: "443", InstancePort: "80", Protocol: HTTPS, SSLCertificateId: !Ref Cert }\n        - { LoadBalancerPort: "8080", InstancePort: "80", Protocol: http }\n',
      findings: [
        {
          line: 6,
          column: 67,
          messageId: 'classicHttp',
          message: /Classic Load Balancer 'Elb' has an HTTP listener on port 80/,
        },
        { line: 8, column: 69, messageId: 'classicHttp', message: /on port 8080/ },
      ],
    },
    {
      syntax: 'json',
      code: '{\n  "Resources": {\n    "Https": {\n      "Type": "AWS::ElasticLoadBalancingV2::Listener",\n      "Properties": {\n        "Protocol": "HTTPS",\n        "SslPolicy": "ELBSecurityPolicy-2016-08"\n      }\n    }\n  }\n}\n',
      findings: [
        {
          line: 7,
          column: 22,
          messageId: 'oldPolicy',
          detail: /uses ELBSecurityPolicy-2016-08, which still accepts clients on TLS 1\.0 and 1\.1/,
        },
      ],
      output:
        '{\n  "Resources": {\n    "Https": {\n      "Type": "AWS::ElasticLoadBalancingV2::Listener",\n      "Properties": {\n        "Protocol": "HTTPS",\n        "SslPolicy": "ELBSecurityPolicy-TLS13-1-2-2021-06"\n      }\n    }\n  }\n}\n',
    },
    {
      syntax: 'json',
      name: 'HTTP forwarding',
      code: '{"Resources": {"Http": {"Type": "AWS::ElasticLoadBalancingV2::Listener", "Properties": {"Protocol": "HTTP", "DefaultActions": [{"Type": "forward", "TargetGroupArn": {"Ref": "Tg"}}]}}}}',
      findings: [{ line: 1, column: 101 }],
    },
    {
      syntax: 'terraform',
      name: 'HTTP forwarding and a redirect that keeps HTTP',
      code:
        'resource "aws_lb_listener" "http" {\n  load_balancer_arn = var.lb_arn\n  protocol          = "HTTP"\n  default_action {\n    type             = "forward"\n    target_group_arn = var.tg_arn\n  }\n}\n\n' +
        'resource "aws_alb_listener" "wrong_redirect" {\n  load_balancer_arn = var.lb_arn\n  protocol          = "HTTP"\n  default_action {\n    type = "redirect"\n    redirect {\n      protocol = "HTTP"\n    }\n  }\n}\n',
      findings: [
        { line: 3, column: 23 },
        { line: 12, column: 23 },
      ],
    },
    {
      syntax: 'terraform',
      name: 'HTTPS without ssl_policy',
      code: 'resource "aws_lb_listener" "https" {\n  load_balancer_arn = var.lb_arn\n  protocol          = "HTTPS"\n  certificate_arn   = var.certificate_arn\n}\n',
      findings: [{ line: 1, column: 10, messageId: 'defaultPolicy', detail: /does not set ssl_policy/ }],
      output:
        'resource "aws_lb_listener" "https" {\n  load_balancer_arn = var.lb_arn\n  protocol          = "HTTPS"\n  certificate_arn   = var.certificate_arn\n  ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06"\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'an outdated policy on aws_alb_listener',
      code: 'resource "aws_alb_listener" "tls" {\n  load_balancer_arn = var.lb_arn\n  protocol          = "TLS"\n  ssl_policy        = "ELBSecurityPolicy-FS-1-1-2019-08"\n}\n',
      findings: [{ line: 4, column: 23 }],
      output:
        'resource "aws_alb_listener" "tls" {\n  load_balancer_arn = var.lb_arn\n  protocol          = "TLS"\n  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'no protocol on an Application Load Balancer of the module means HTTP',
      code: {
        'lb.tf': 'resource "aws_lb" "web" {\n  name     = "web"\n  internal = false\n}\n',
        'main.tf':
          'resource "aws_lb_listener" "web" {\n  load_balancer_arn = aws_lb.web.arn\n  port              = 80\n  default_action {\n    type             = "forward"\n    target_group_arn = aws_lb_target_group.web.arn\n  }\n}\n',
      },
      findings: [
        {
          line: 1,
          column: 10,
          file: 'main.tf',
          messageId: 'plainHttp',
          detail: /does not set protocol, so it serves plain HTTP/,
        },
      ],
    },
    {
      syntax: 'terraform',
      name: 'classic load balancer listener blocks',
      code: 'resource "aws_elb" "web" {\n  internal = true\n  listener {\n    lb_port           = 80\n    lb_protocol       = "http"\n    instance_port     = 8080\n    instance_protocol = "http"\n  }\n}\n',
      findings: [
        {
          line: 5,
          column: 25,
          severity: 'info',
          messageId: 'classicHttp',
          message: /'aws_elb\.web' \(internal\) has an HTTP listener on port 80/,
        },
      ],
    },
  ],
};
