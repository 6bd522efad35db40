import type { Resource } from '../iac/model';
import type { Rule, RuleContext } from './rule';
import { setSecureValue } from './toolkit/parameterised-fixes';

import { booleanOf, key, readFor, writtenRange } from './toolkit/values';

const CFN_KEY = 'IsMultiRegionTrail';
const TF_KEY = 'is_multi_region_trail';
const GLOBAL_CFN_KEY = 'IncludeGlobalServiceEvents';
const GLOBAL_TF_KEY = 'include_global_service_events';

/** CloudTrail rejects a multi-Region trail that leaves out global service events (they default to included). */
function excludesGlobalEvents(resource: Resource, context: RuleContext): boolean {
  const global = booleanOf(readFor(resource, context, GLOBAL_CFN_KEY, GLOBAL_TF_KEY));
  return global.state === 'known' && !global.value;
}

/** An organization trail covers every account, but, like any trail, only its home Region unless it is multi-Region. */
function scopeOf(resource: Resource, context: RuleContext): string {
  const organization = booleanOf(readFor(resource, context, 'IsOrganizationTrail', 'is_organization_trail'));
  return organization.state === 'known' && organization.value
    ? `Organization trail '${resource.id}' records only the Region it is created in`
    : `CloudTrail trail '${resource.id}' records only the Region it is created in`;
}

/** What an organization trail adds: every account, but still one Region. */
function organizationScope(resource: Resource, context: RuleContext): string {
  const organization = booleanOf(readFor(resource, context, 'IsOrganizationTrail', 'is_organization_trail'));
  return organization.state === 'known' && organization.value
    ? ' It covers every account of the organization, but only that Region.'
    : '';
}

export const rule: Rule = {
  id: 'cloudtrail-multi-region',
  title: 'CloudTrail trail records a single Region',
  concern: 'logging-monitoring',
  severity: 'warning',
  appliesTo: ['AWS::CloudTrail::Trail', 'aws_cloudtrail'],
  rationale:
    "Regions keep their data apart, and you choose where you operate, but an attacker with your credentials may use a Region you do not. CloudTrail keeps 90 days of management events in each Region's event history; a lasting record is kept only by a trail, and only for the Regions it covers. Trails made in the console are multi-Region, but the CloudTrail API, CloudFormation and Terraform create single-Region trails unless asked, and making a trail an organization trail widens its accounts, not its Regions. Since November 2021, global service events such as IAM's and CloudFront's are recorded in us-east-1 only, so a single-Region trail elsewhere misses them as well.",
  remediation:
    "Set `IsMultiRegionTrail: true` (CloudFormation `AWS::CloudTrail::Trail`) or `is_multi_region_trail = true` (Terraform `aws_cloudtrail`), and keep global service events included (`IncludeGlobalServiceEvents` / `include_global_service_events`, true by default), which a multi-Region trail requires. A single-Region trail is a valid addition next to a multi-Region one (for example to keep one Region's logs apart): suppress the finding with that reason.",
  messages: {
    singleRegion: {
      headline: '{trail}.',
      detail:
        '{cause}.{scope} Which Regions are recorded is yours to choose: activity in Regions you do not use, where stolen credentials can still create resources, goes unrecorded{global}',
    },
  },

  check(resource, context) {
    const setting = booleanOf(readFor(resource, context, CFN_KEY, TF_KEY));
    if (setting.state === 'unknown' || (setting.state === 'known' && setting.value)) return [];
    const name = key(resource, CFN_KEY, TF_KEY);
    const cause = setting.state === 'absent' ? `${name} is not set and defaults to false` : `${name} is false`;
    const global = excludesGlobalEvents(resource, context)
      ? `. Global service events are left out too, and a multi-Region trail must include them: set ${key(resource, GLOBAL_CFN_KEY, GLOBAL_TF_KEY)} to true as well.`
      : ", and so do global service events such as IAM's unless the trail is in us-east-1.";
    return [
      {
        messageId: 'singleRegion',
        data: { trail: scopeOf(resource, context), cause, global, scope: organizationScope(resource, context) },
        range: setting.state === 'known' ? writtenRange(setting, resource.typeRange) : resource.typeRange,
      },
    ];
  },

  fix(_report, resource, context) {
    const name = key(resource, CFN_KEY, TF_KEY);
    const edits = setSecureValue(resource, context, name, true);
    if (!excludesGlobalEvents(resource, context)) return { title: `Set ${name} to true`, edits };
    const global = key(resource, GLOBAL_CFN_KEY, GLOBAL_TF_KEY);
    return {
      title: `Set ${name} and ${global} to true`,
      edits: [...edits, ...setSecureValue(resource, context, global, true)],
    };
  },
};
