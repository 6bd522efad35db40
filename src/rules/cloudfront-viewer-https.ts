import type { MapValue, Property, Resource } from '../iac/model';
import { getProperty } from '../iac/model';
import type { Rule, RuleContext, RuleReport } from './rule';
import { mapsOf, setNestedProperty, stringAt } from './support/nested';
import { booleanOf, isCloudFormation, isUnknown } from './toolkit/values';

const MODERN_MINIMUM = 'TLSv1.2_2021';
/** Security policies older than TLSv1.2_2018: they accept TLS 1.0 or 1.1 (or SSLv3). */
const OUTDATED_MINIMUMS = new Set(['SSLv3', 'TLSv1', 'TLSv1_2016', 'TLSv1.1_2016']);

interface Keys {
  config(resource: Resource): MapValue | undefined;
  defaultBehavior: string;
  behaviors: string;
  viewerPolicy: string;
  certificate: string;
  customCertificate: readonly string[];
  defaultCertificate: string;
  minimum: string;
}

const CFN: Keys = {
  config: (r) => mapValue(getProperty(r.properties, 'DistributionConfig')),
  defaultBehavior: 'DefaultCacheBehavior',
  behaviors: 'CacheBehaviors',
  viewerPolicy: 'ViewerProtocolPolicy',
  certificate: 'ViewerCertificate',
  customCertificate: ['AcmCertificateArn', 'IamCertificateId'],
  defaultCertificate: 'CloudFrontDefaultCertificate',
  minimum: 'MinimumProtocolVersion',
};

const TF: Keys = {
  config: (r) => r.properties,
  defaultBehavior: 'default_cache_behavior',
  behaviors: 'ordered_cache_behavior',
  viewerPolicy: 'viewer_protocol_policy',
  certificate: 'viewer_certificate',
  customCertificate: ['acm_certificate_arn', 'iam_certificate_id'],
  defaultCertificate: 'cloudfront_default_certificate',
  minimum: 'minimum_protocol_version',
};

type Target = { kind: 'behavior'; index: number } | { kind: 'default-behavior' } | { kind: 'minimum' };

export const rule: Rule = {
  id: 'cloudfront-viewer-https',
  title: 'CloudFront serves viewers over plain HTTP or old TLS',
  concern: 'data-in-transit',
  severity: 'warning',
  appliesTo: ['AWS::CloudFront::Distribution', 'aws_cloudfront_distribution'],
  rationale:
    "CloudFront terminates viewer connections at its edge with the protocols you allow. A cache behavior with ViewerProtocolPolicy allow-all serves content over plain HTTP, and with your own certificate the security policy (MinimumProtocolVersion) decides whether clients on TLS 1.0 or 1.1 are accepted. Both are your configuration, not AWS's.",
  remediation:
    'Set `ViewerProtocolPolicy: redirect-to-https` (or `https-only`) on `DefaultCacheBehavior` and every entry of `CacheBehaviors` (Terraform `viewer_protocol_policy` in `default_cache_behavior` and each `ordered_cache_behavior`); with a custom certificate, set `ViewerCertificate.MinimumProtocolVersion` (`viewer_certificate { minimum_protocol_version }`) to TLSv1.2_2021.',
  messages: {
    plainHttp: {
      headline: "CloudFront distribution '{resource}' allows HTTP on its {which}.",
      detail:
        '{property} is allow-all. CloudFront offers HTTPS at every edge, but requiring it is yours: use redirect-to-https or https-only.',
    },
    defaultMinimum: {
      headline: "CloudFront distribution '{resource}' accepts viewers on TLS 1.0 and 1.1.",
      detail:
        'It uses its own certificate without {property}, so it gets the API default, TLSv1, which accepts viewers on TLS 1.0 and 1.1. Choosing the TLS versions viewers may use is yours: set it to TLSv1.2_2021.',
    },
    oldMinimum: {
      headline: "CloudFront distribution '{resource}' accepts viewers on TLS older than 1.2.",
      detail:
        'It sets {property} to {minimum}, which accepts viewers on protocols older than TLS 1.2. Choosing the TLS versions viewers may use is yours: set it to TLSv1.2_2021.',
    },
  },

  check(resource, context) {
    const keys = isCloudFormation(resource) ? CFN : TF;
    const config = keys.config(resource);
    if (!config) return [];
    const reports: RuleReport[] = [];
    const defaultBehavior = mapValue(getProperty(config, keys.defaultBehavior), context);
    if (defaultBehavior)
      reports.push(
        ...checkBehavior(
          resource,
          defaultBehavior,
          keys,
          'default cache behavior',
          { kind: 'default-behavior' },
          context,
        ),
      );
    (mapsOf(config, keys.behaviors, context) ?? []).forEach((behavior, index) => {
      const pattern = stringAt(behavior, isCloudFormation(resource) ? 'PathPattern' : 'path_pattern', context);
      reports.push(
        ...checkBehavior(
          resource,
          behavior,
          keys,
          `cache behavior ${pattern ?? `#${index + 1}`}`,
          { kind: 'behavior', index },
          context,
        ),
      );
    });
    reports.push(...checkMinimum(resource, config, keys, context));
    return reports;
  },

  fix(report, resource, context) {
    const keys = isCloudFormation(resource) ? CFN : TF;
    const config = keys.config(resource)!;
    const target = report.data?.target as Target;
    if (target.kind === 'minimum') {
      const certificate = mapValue(getProperty(config, keys.certificate), context)!;
      return {
        title: `Set ${keys.minimum} to ${MODERN_MINIMUM}`,
        edits: setNestedProperty(resource, context, certificate, [keys.minimum], MODERN_MINIMUM),
      };
    }
    const behavior =
      target.kind === 'default-behavior'
        ? mapValue(getProperty(config, keys.defaultBehavior), context)
        : mapsOf(config, keys.behaviors, context)?.[target.index];
    return {
      title: `Set ${keys.viewerPolicy} to redirect-to-https`,
      edits: behavior ? setNestedProperty(resource, context, behavior, [keys.viewerPolicy], 'redirect-to-https') : [],
    };
  },
};

function checkBehavior(
  resource: Resource,
  behavior: MapValue,
  keys: Keys,
  which: string,
  target: Target,
  context: RuleContext,
): RuleReport[] {
  const setting = getProperty(behavior, keys.viewerPolicy);
  if (stringAt(behavior, keys.viewerPolicy, context) !== 'allow-all') return [];
  return [
    {
      messageId: 'plainHttp',
      range: setting!.value.range,
      data: { target, resource: resource.id, which, property: keys.viewerPolicy },
    },
  ];
}

function checkMinimum(resource: Resource, config: MapValue, keys: Keys, context: RuleContext): RuleReport[] {
  const certificateProperty = getProperty(config, keys.certificate);
  const certificate = mapValue(certificateProperty, context);
  if (!certificateProperty || !certificate) return [];
  // With the default *.cloudfront.net certificate the minimum is fixed by CloudFront.
  if (booleanOf(context.resolve(getProperty(certificate, keys.defaultCertificate)?.value)).value === true) return [];
  if (!keys.customCertificate.some((name) => getProperty(certificate, name))) return [];
  const setting = getProperty(certificate, keys.minimum);
  const value = context.resolve(setting?.value);
  if (isUnknown(value)) return [];
  const minimum = stringAt(certificate, keys.minimum, context);
  if (minimum !== undefined && !OUTDATED_MINIMUMS.has(minimum)) return [];
  return [
    {
      messageId: minimum === undefined ? 'defaultMinimum' : 'oldMinimum',
      range: setting?.value.range ?? certificateProperty.keyRange,
      data: {
        target: { kind: 'minimum' } satisfies Target,
        resource: resource.id,
        property: keys.minimum,
        minimum: minimum ?? '',
      },
    },
  ];
}

function mapValue(property: Property | undefined, context?: RuleContext): MapValue | undefined {
  const value = context ? context.resolve(property?.value) : property?.value;
  return value?.kind === 'map' ? value : undefined;
}
