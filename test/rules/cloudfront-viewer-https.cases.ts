import { rule } from '../../src/rules/cloudfront-viewer-https';
import type { RuleCases } from './tester';

export const cases: RuleCases = {
  rule,
  valid: [
    {
      syntax: 'yaml',
      name: 'HTTPS everywhere with a modern policy on a custom certificate',
      code: 'Resources:\n  Cdn:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n        Enabled: true\n        DefaultCacheBehavior:\n          TargetOriginId: site\n          ViewerProtocolPolicy: redirect-to-https\n        CacheBehaviors:\n          - PathPattern: /api/*\n            TargetOriginId: api\n            ViewerProtocolPolicy: https-only\n        ViewerCertificate:\n          AcmCertificateArn: !Ref Cert\n          SslSupportMethod: sni-only\n          MinimumProtocolVersion: TLSv1.2_2021\n',
    },
    {
      syntax: 'yaml',
      name: "the default certificate: its minimum is CloudFront's",
      code: 'Resources:\n  Cdn:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n        DefaultCacheBehavior:\n          ViewerProtocolPolicy: https-only\n        ViewerCertificate:\n          CloudFrontDefaultCertificate: true\n',
    },
    {
      syntax: 'yaml',
      name: 'a parameter without default and !If are unknown',
      code: 'Parameters:\n  Viewer:\n    Type: String\nResources:\n  Cdn:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n        DefaultCacheBehavior:\n          ViewerProtocolPolicy: !Ref Viewer\n        ViewerCertificate:\n          AcmCertificateArn: !Ref Cert\n          MinimumProtocolVersion: !If [Modern, TLSv1.2_2021, TLSv1]\n',
    },
    {
      syntax: 'json',
      code: '{"Resources": {"Cdn": {"Type": "AWS::CloudFront::Distribution", "Properties": {"DistributionConfig": {"DefaultCacheBehavior": {"ViewerProtocolPolicy": "redirect-to-https"}}}}}}',
    },
    {
      syntax: 'terraform',
      code: 'resource "aws_cloudfront_distribution" "cdn" {\n  enabled = true\n  default_cache_behavior {\n    target_origin_id       = "site"\n    viewer_protocol_policy = "redirect-to-https"\n  }\n  viewer_certificate {\n    acm_certificate_arn      = var.certificate_arn\n    ssl_support_method       = "sni-only"\n    minimum_protocol_version = "TLSv1.2_2021"\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'dynamic ordered behaviors and a variable policy are unknown',
      code: 'variable "viewer" {}\n\nresource "aws_cloudfront_distribution" "cdn" {\n  default_cache_behavior {\n    viewer_protocol_policy = var.viewer\n  }\n  dynamic "ordered_cache_behavior" {\n    for_each = var.behaviors\n    content {\n      viewer_protocol_policy = "allow-all"\n    }\n  }\n  viewer_certificate {\n    cloudfront_default_certificate = true\n  }\n}\n',
    },
  ],
  invalid: [
    {
      syntax: 'yaml',
      name: 'allow-all on the default and one ordered behavior, an old minimum',
      code: 'Resources:\n  Cdn:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n        DefaultCacheBehavior:\n          TargetOriginId: site\n          ViewerProtocolPolicy: allow-all\n        CacheBehaviors:\n          - PathPattern: /api/*\n            ViewerProtocolPolicy: https-only\n          - PathPattern: /img/*\n            ViewerProtocolPolicy: allow-all\n        ViewerCertificate:\n          AcmCertificateArn: !Ref Cert\n          SslSupportMethod: sni-only\n          MinimumProtocolVersion: TLSv1.1_2016\n',
      findings: [
        {
          line: 8,
          column: 33,
          messageId: 'plainHttp',
          message: "Shared · Data in transit: CloudFront distribution 'Cdn' allows HTTP on its default cache behavior",
          detail:
            'ViewerProtocolPolicy is allow-all. CloudFront offers HTTPS at every edge, but requiring it is yours: use redirect-to-https or https-only.',
        },
        {
          line: 13,
          column: 35,
          messageId: 'plainHttp',
          message: "Shared · Data in transit: CloudFront distribution 'Cdn' allows HTTP on its cache behavior /img/*",
          detail:
            'ViewerProtocolPolicy is allow-all. CloudFront offers HTTPS at every edge, but requiring it is yours: use redirect-to-https or https-only.',
        },
        {
          line: 17,
          column: 35,
          messageId: 'oldMinimum',
          detail:
            /sets MinimumProtocolVersion to TLSv1\.1_2016, which accepts viewers on protocols older than TLS 1\.2/,
        },
      ],
      output:
        'Resources:\n  Cdn:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n        DefaultCacheBehavior:\n          TargetOriginId: site\n          ViewerProtocolPolicy: redirect-to-https\n        CacheBehaviors:\n          - PathPattern: /api/*\n            ViewerProtocolPolicy: https-only\n          - PathPattern: /img/*\n            ViewerProtocolPolicy: redirect-to-https\n        ViewerCertificate:\n          AcmCertificateArn: !Ref Cert\n          SslSupportMethod: sni-only\n          MinimumProtocolVersion: TLSv1.2_2021\n',
    },
    {
      syntax: 'yaml',
      name: 'a custom certificate without a minimum: reported on ViewerCertificate',
      code: 'Resources:\n  Cdn:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n        DefaultCacheBehavior:\n          ViewerProtocolPolicy: https-only\n        ViewerCertificate:\n          IamCertificateId: ASCAEXAMPLE\n          SslSupportMethod: sni-only\n',
      findings: [
        {
          line: 8,
          column: 9,
          messageId: 'defaultMinimum',
          detail: /uses its own certificate without MinimumProtocolVersion, so it gets the API default, TLSv1/,
        },
      ],
      output:
        'Resources:\n  Cdn:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n        DefaultCacheBehavior:\n          ViewerProtocolPolicy: https-only\n        ViewerCertificate:\n          IamCertificateId: ASCAEXAMPLE\n          SslSupportMethod: sni-only\n          MinimumProtocolVersion: TLSv1.2_2021\n',
    },
    {
      syntax: 'json',
      code: '{\n  "Resources": {\n    "Cdn": {\n      "Type": "AWS::CloudFront::Distribution",\n      "Properties": {\n        "DistributionConfig": {\n          "DefaultCacheBehavior": {\n            "ViewerProtocolPolicy": "allow-all"\n          }\n        }\n      }\n    }\n  }\n}\n',
      findings: [{ line: 8, column: 37 }],
      output:
        '{\n  "Resources": {\n    "Cdn": {\n      "Type": "AWS::CloudFront::Distribution",\n      "Properties": {\n        "DistributionConfig": {\n          "DefaultCacheBehavior": {\n            "ViewerProtocolPolicy": "redirect-to-https"\n          }\n        }\n      }\n    }\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'the second ordered behavior and the minimum',
      code: 'resource "aws_cloudfront_distribution" "cdn" {\n  default_cache_behavior {\n    viewer_protocol_policy = "https-only"\n  }\n  ordered_cache_behavior {\n    path_pattern           = "/api/*"\n    viewer_protocol_policy = "redirect-to-https"\n  }\n  ordered_cache_behavior {\n    path_pattern           = "/img/*"\n    viewer_protocol_policy = "allow-all"\n  }\n  viewer_certificate {\n    acm_certificate_arn = aws_acm_certificate.site.arn\n    ssl_support_method  = "sni-only"\n  }\n}\n',
      findings: [
        { line: 11, column: 30, messageId: 'plainHttp', message: /cache behavior \/img\/\*/ },
        { line: 13, column: 3, messageId: 'defaultMinimum', detail: /without minimum_protocol_version/ },
      ],
      output:
        'resource "aws_cloudfront_distribution" "cdn" {\n  default_cache_behavior {\n    viewer_protocol_policy = "https-only"\n  }\n  ordered_cache_behavior {\n    path_pattern           = "/api/*"\n    viewer_protocol_policy = "redirect-to-https"\n  }\n  ordered_cache_behavior {\n    path_pattern           = "/img/*"\n    viewer_protocol_policy = "redirect-to-https"\n  }\n  viewer_certificate {\n    acm_certificate_arn = aws_acm_certificate.site.arn\n    ssl_support_method  = "sni-only"\n    minimum_protocol_version = "TLSv1.2_2021"\n  }\n}\n',
    },
    {
      syntax: 'terraform',
      name: 'an old minimum from a variable default in another file',
      code: {
        'main.tf':
          'resource "aws_cloudfront_distribution" "cdn" {\n  viewer_certificate {\n    acm_certificate_arn      = var.certificate_arn\n    minimum_protocol_version = var.minimum_tls\n  }\n}\n',
        'variables.tf': 'variable "minimum_tls" {\n  default = "TLSv1"\n}\n',
      },
      findings: [{ line: 4, column: 32, file: 'main.tf' }],
      output: {
        'main.tf':
          'resource "aws_cloudfront_distribution" "cdn" {\n  viewer_certificate {\n    acm_certificate_arn      = var.certificate_arn\n    minimum_protocol_version = "TLSv1.2_2021"\n  }\n}\n',
        'variables.tf': 'variable "minimum_tls" {\n  default = "TLSv1"\n}\n',
      },
    },
  ],
};
