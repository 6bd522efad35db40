import { settledByAccount } from './toolkit/account';
import type { TextEdit } from '../fixes/types';
import type { Resource } from '../iac/model';
import { setProperty } from '../fixes/edits';
import type { Rule, RuleContext, RuleReport } from './rule';
import { booleanOf, asMap, isCloudFormation, property } from './toolkit/values';

/** The four Block Public Access settings: CloudFormation name, Terraform name, and what switching it off allows. */
const FLAGS = [
  { cfn: 'BlockPublicAcls', tf: 'block_public_acls', allows: 'S3 accepts requests that set public ACLs' },
  {
    cfn: 'IgnorePublicAcls',
    tf: 'ignore_public_acls',
    allows: 'public ACLs on the bucket and its objects take effect',
  },
  {
    cfn: 'BlockPublicPolicy',
    tf: 'block_public_policy',
    allows: 'S3 accepts bucket policies that grant public access',
  },
  {
    cfn: 'RestrictPublicBuckets',
    tf: 'restrict_public_buckets',
    allows: 'a public bucket policy is honoured for anyone, not only for AWS services and your own account',
  },
] as const;

const CONFIGURATION = 'PublicAccessBlockConfiguration';
const PUBLIC_ACCESS_BLOCK_TYPES = ['aws_s3_bucket_public_access_block', 'aws_s3_account_public_access_block'];

export const rule: Rule = {
  id: 's3-public-access-block-disabled',
  title: 'S3 Block Public Access is switched off',
  concern: 'network-access',
  severity: 'error',
  appliesTo: ['AWS::S3::Bucket', ...PUBLIC_ACCESS_BLOCK_TYPES],
  rationale:
    'S3 Block Public Access is on for every new bucket since April 2023, so AWS keeps a bucket private unless you say otherwise. A written public access block replaces that default, setting by setting (a setting left out is false): turning one off is your decision, and from then on only your own ACLs and bucket policy stand between the data and the internet.',
  remediation:
    'Set `BlockPublicAcls`, `IgnorePublicAcls`, `BlockPublicPolicy` and `RestrictPublicBuckets` to true in `PublicAccessBlockConfiguration` (CloudFormation) or `block_public_acls`, `ignore_public_acls`, `block_public_policy` and `restrict_public_buckets` to true in `aws_s3_bucket_public_access_block` (Terraform), or remove the configuration to keep the default. Serve deliberately public content through CloudFront with origin access control instead.',
  messages: {
    accountBlocks: {
      headline: "'{resource}' turns off bucket Block Public Access; the account's setting still covers the bucket.",
      detail:
        "The account's S3 Block Public Access applies to every bucket (checked on {date}) and protects this one while it stays on: set the bucket-level settings to true so the bucket does not depend on it.",
    },
    settingOff: {
      headline: "'{resource}' sets {property} to false for {scope}.",
      detail:
        'So {effect}. AWS blocks public access by default; switching it off makes public exposure yours to control, so set it to true unless the data is meant for everyone.',
    },
    accountSettingOff: {
      headline: "'{resource}' sets {property} to false for the whole account.",
      detail:
        "The account-level setting is a guard over every bucket: with it off, each bucket's own Block Public Access decides whether {effect} (buckets created since April 2023 have all four settings on by default). Set it to true unless some bucket of the account is meant to be public.",
    },
    accountSettingsLeftOut: {
      headline: "the account's public access block leaves {properties} out.",
      detail:
        "A setting left out is false for the account, so each bucket's own Block Public Access decides alone (buckets created since April 2023 have all four settings on by default). Set {pronoun} to true unless some bucket of the account is meant to be public.",
    },
    settingsLeftOut: {
      headline: "'{resource}' leaves {properties} out of its public access block.",
      detail:
        "A setting left out is false for {scope}. A written public access block replaces AWS's default of all four on: set {pronoun} to true.",
    },
  },

  check(resource, context) {
    const reports = templateReports(resource, context);
    if (resource.type === 'aws_s3_account_public_access_block') return reports;
    return settledByAccount(reports, context, 's3-account-public-access-block', 'accountBlocks');
  },

  fix(report, resource, context) {
    const names = report.data?.names as string[];
    return { title: `Set ${list(names)} to true`, edits: setAllTrue(resource, context, names) };
  },
};

/**
 * Sets several settings of one map to true in one fix. Each insertion lands at the same place (after
 * the last setting, or before the closing brace), so they are joined into one edit in order.
 */
function setAllTrue(resource: Resource, context: RuleContext, names: string[]): TextEdit[] {
  const cfn = isCloudFormation(resource);
  // An empty CloudFormation configuration (`{}`) is replaced whole: there is no last setting to insert after.
  if (cfn && asMap(property(resource, CONFIGURATION)?.value)?.properties.length === 0) {
    return setProperty(resource, context, [CONFIGURATION], Object.fromEntries(names.map((n) => [n, true])));
  }
  const path = cfn ? [CONFIGURATION] : [];
  const edits = names.map((name) => setProperty(resource, context, [...path, name], true));
  if (edits.some((e) => e.length !== 1)) return edits[0] ?? [];
  const [first, ...rest] = edits.map((e) => e[0]);
  const sameInsertion = rest.every((e) => JSON.stringify(e.range) === JSON.stringify(first.range) && isEmpty(e.range));
  if (!sameInsertion) return edits.flat();
  return [{ ...first, newText: [first, ...rest].map((e) => e.newText).join('') }];
}

function isEmpty(range: TextEdit['range']): boolean {
  return range.start.line === range.end.line && range.start.character === range.end.character;
}

function list(names: string[]): string {
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** What the template alone says, before the account's own settings are taken into account. */
function templateReports(resource: Resource, context: RuleContext): RuleReport[] {
  const cfn = isCloudFormation(resource);
  const configuration = cfn ? property(resource, CONFIGURATION) : undefined;
  // No configuration: the bucket keeps AWS's default, all four on. An intrinsic: unknown.
  if (cfn && configuration?.value.kind !== 'map') return [];
  const path = cfn ? [CONFIGURATION] : [];
  // At the account level a setting is a guard over the buckets' own, not what decides alone: its own words.
  const account = resource.type === 'aws_s3_account_public_access_block';
  const scope = account ? 'every bucket of the account' : 'the bucket';
  const reports: RuleReport[] = [];
  const omitted: string[] = [];
  for (const flag of FLAGS) {
    const name = cfn ? flag.cfn : flag.tf;
    const setting = property(resource, ...path, name);
    if (!setting) {
      omitted.push(name);
      continue;
    }
    if (booleanOf(context.resolve(setting.value)).value !== false) continue;
    reports.push({
      messageId: account ? 'accountSettingOff' : 'settingOff',
      range: setting.value.range,
      // A value that comes from a parameter or variable is changed there, not here.
      fixable: setting.value.kind === 'literal',
      data: { names: [name], resource: resource.id, property: name, scope, effect: flag.allows },
    });
  }
  if (omitted.length > 0) {
    reports.unshift({
      messageId: account ? 'accountSettingsLeftOut' : 'settingsLeftOut',
      range: configuration ? configuration.keyRange : resource.typeRange,
      data: {
        names: omitted,
        resource: resource.id,
        properties: list(omitted),
        scope,
        pronoun: omitted.length > 1 ? 'them' : 'it',
      },
    });
  }
  return reports;
}
