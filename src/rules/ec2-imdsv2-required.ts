import type { Range } from '../iac/model';
import { getProperty } from '../iac/model';
import { setProperty } from '../fixes/edits';
import type { Rule } from './rule';
import { asMap, stringOf, key } from './toolkit/values';
import {
  LAUNCH_TYPES,
  canSetPath,
  describeLaunch,
  launchSettings,
  takesSettingsFromLaunchTemplate,
} from './support/ec2-launch';
import { launchesAl2023 } from './support/amis';

export const rule: Rule = {
  id: 'ec2-imdsv2-required',
  title: 'IMDSv2 is not required',
  concern: 'credentials',
  severity: 'warning',
  appliesTo: LAUNCH_TYPES,
  rationale:
    'AWS runs the instance metadata service, but whether it still answers IMDSv1 requests, which need no session token, is a setting of your instances. Requiring IMDSv2 tokens protects the instance role credentials it serves from server-side request forgery and open proxies in the software you run. Amazon Linux 2023 AMIs are registered with `ImdsSupport: v2.0`, so their instances require IMDSv2 unless the launch or the account\'s instance metadata defaults say otherwise ("By default, any instances launched with the AL2023 AMI require IMDSv2-only", AL2023 user guide, https://docs.aws.amazon.com/linux/al2023/ug/imdsv2.html, checked 2026-12-07): when the template\'s image is recognisably AL2023 (the public SSM parameters `/aws/service/ami-amazon-linux-latest/al2023-ami-*` as an `AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>` parameter default or a `{{resolve:ssm:…}}` reference, a Terraform `data "aws_ssm_parameter"` of that name, or a `data "aws_ami"` owned by Amazon filtered on `al2023-ami-*` names), an unset `HttpTokens` is not reported. An explicit `optional` still is.',
  remediation:
    'Set `MetadataOptions: { HttpTokens: required }` (CloudFormation; under `LaunchTemplateData` for a launch template) or `metadata_options { http_tokens = "required" }` (Terraform), after checking that software on the instance uses IMDSv2 (current AWS SDKs and the AWS CLI do). `HttpEndpoint: disabled` also satisfies this rule.',
  messages: {
    tokensOptional: {
      headline: "{subject} allows IMDSv1 ({property} '{tokens}').",
      detail:
        "It sets {property} to '{tokens}', so the instance metadata service also answers IMDSv1 requests, which carry no session token. Protecting the instance role credentials it serves is your configuration: set {property} to required.",
    },
    tokensNotSet: {
      headline: '{subject} does not require IMDSv2.',
      detail:
        "{property} is not set by this template, so IMDSv1 stays available unless the AMI is registered for IMDSv2 only (ImdsSupport v2.0) or the account's instance metadata defaults require tokens. Protecting the instance role credentials is your configuration: set {property} to required.",
    },
  },

  check(resource, context) {
    const settings = launchSettings(resource, context);
    if (!settings.map) return [];
    const optionsKey = key(resource, 'MetadataOptions', 'metadata_options');
    const tokensKey = key(resource, 'HttpTokens', 'http_tokens');
    const endpointKey = key(resource, 'HttpEndpoint', 'http_endpoint');
    const subject = describeLaunch(resource);
    const fixable = canSetPath(resource.properties, [...settings.path, optionsKey, tokensKey]);

    const optionsProperty = getProperty(settings.map, optionsKey);
    const options = asMap(context.resolve(optionsProperty?.value));
    if (optionsProperty && !options) return []; // an intrinsic or a dynamic block: unknown
    const endpointProperty = getProperty(options, endpointKey);
    const tokensProperty = getProperty(options, tokensKey);
    if (endpointProperty) {
      const endpoint = stringOf(context.resolve(endpointProperty.value)).value;
      if (endpoint === undefined) return [];
      if (endpoint === 'disabled') return [];
    }

    if (tokensProperty) {
      const tokens = stringOf(context.resolve(tokensProperty.value)).value;
      if (tokens === undefined || tokens === 'required') return [];
      return [
        {
          messageId: 'tokensOptional',
          data: { subject, property: tokensKey, tokens },
          range: tokensProperty.value.range,
          // A value that comes from a parameter, variable or local is changed where it is defined.
          fixable: fixable && tokensProperty.value.kind === 'literal',
        },
      ];
    }
    // Settings an instance leaves out come from its launch template, if it names one.
    if (takesSettingsFromLaunchTemplate(resource)) return [];
    // An Amazon Linux 2023 AMI is registered for IMDSv2 only: leaving HttpTokens unset requires tokens.
    if (launchesAl2023(resource, context)) return [];
    const range: Range = optionsProperty ? optionsProperty.keyRange : resource.typeRange;
    return [
      {
        messageId: 'tokensNotSet',
        data: { subject, property: tokensKey },
        range,
        fixable,
      },
    ];
  },

  fix(_report, resource, context) {
    const settings = launchSettings(resource, context);
    const path = [
      ...settings.path,
      key(resource, 'MetadataOptions', 'metadata_options'),
      key(resource, 'HttpTokens', 'http_tokens'),
    ];
    return {
      title: `Set ${path[path.length - 1]} to required`,
      edits: setProperty(resource, context, path, 'required'),
    };
  },
};
