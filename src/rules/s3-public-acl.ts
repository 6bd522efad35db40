import { settledByAccount } from './toolkit/account';
import type { MapValue, Property, Resource } from '../iac/model';
import { getProperties, getProperty } from '../iac/model';
import { setProperty } from '../fixes/edits';
import type { Rule, RuleContext, RuleReport } from './rule';
import { stringOf, isCloudFormation, property } from './toolkit/values';
import { aclsDisabled, publicAccessFlag } from './support/s3';

/** Public canned ACLs, by the name each language uses, and who they let in. */
const PUBLIC_CANNED_ACLS: Record<string, string> = {
  PublicRead: 'lets anyone on the internet list the objects in the bucket',
  PublicReadWrite: 'lets anyone on the internet list, write, overwrite and delete objects in the bucket',
  AuthenticatedRead: 'lets anyone with an AWS account, in any account, list the objects in the bucket',
  'public-read': 'lets anyone on the internet list the objects in the bucket',
  'public-read-write': 'lets anyone on the internet list, write, overwrite and delete objects in the bucket',
  'authenticated-read': 'lets anyone with an AWS account, in any account, list the objects in the bucket',
};

/** ACL grantee groups that mean "everyone" and "every AWS account". */
const PUBLIC_GRANTEES: Record<string, string> = {
  'http://acs.amazonaws.com/groups/global/AllUsers': 'anyone on the internet',
  'http://acs.amazonaws.com/groups/global/AuthenticatedUsers': 'anyone with an AWS account',
};

export const rule: Rule = {
  id: 's3-public-acl',
  title: 'S3 bucket ACL grants public access',
  concern: 'network-access',
  severity: 'error',
  appliesTo: ['AWS::S3::Bucket', 'aws_s3_bucket', 'aws_s3_bucket_acl'],
  rationale:
    'AWS stores the ACL you set and enforces it. Since April 2023 new buckets have ACLs disabled (Object Ownership `BucketOwnerEnforced`) and Block Public Access on, so a public ACL only takes effect when the template turns those defaults off: who can read or write the data is then your decision alone.',
  remediation:
    'Set `AccessControl: Private` (CloudFormation) or `acl = "private"` on `aws_s3_bucket` or `aws_s3_bucket_acl` (Terraform), remove grants to the AllUsers and AuthenticatedUsers groups, and prefer no ACL at all with `ObjectOwnership: BucketOwnerEnforced` / `aws_s3_bucket_ownership_controls`. Grant deliberate access with a bucket policy, or serve public content through CloudFront.',
  messages: {
    accountBlocks: {
      headline: "'{resource}' makes the bucket public through its ACL, but the account blocks public ACLs.",
      detail:
        "The account's S3 Block Public Access blocks public ACLs (checked on {date}) and protects the bucket while it stays on: remove the public ACL so the bucket does not depend on it.",
    },
    publicCannedAcl: {
      headline: "'{resource}' sets the canned ACL {acl}.",
      detail:
        'That ACL {effect}. New buckets disable ACLs and block public access by default, so a public ACL is a choice the template makes and its exposure is yours: keep the ACL private and grant deliberate access with a bucket policy.',
    },
    publicGrant: {
      headline: "'{resource}' grants {grantee} access through an ACL grant.",
      detail:
        'New buckets disable ACLs and block public access by default, so a public ACL is a choice the template makes and its exposure is yours: keep the ACL private and grant deliberate access with a bucket policy.',
    },
  },

  check(resource, context) {
    const reports = templateReports(resource, context);
    return settledByAccount(reports, context, 's3-account-public-access-block', 'accountBlocks');
  },

  fix(report, resource, context) {
    const name = report.data?.key as string;
    const value = isCloudFormation(resource) ? 'Private' : 'private';
    return { title: `Set ${name} to ${value}`, edits: setProperty(resource, context, [name], value) };
  },
};

/** The `uri` of every ACL grant: legacy `grant { uri }` blocks, or `access_control_policy { grant { grantee { uri } } }`. */
function publicGrantUris(resource: Resource): Property[] {
  const uris: Property[] = [];
  for (const grant of getProperties(resource.properties, 'grant'))
    pushUri(grant.value.kind === 'map' ? grant.value : undefined, uris);
  for (const policy of getProperties(resource.properties, 'access_control_policy')) {
    if (policy.value.kind !== 'map') continue;
    for (const grant of getProperties(policy.value, 'grant')) {
      if (grant.value.kind !== 'map') continue;
      for (const grantee of getProperties(grant.value, 'grantee'))
        pushUri(grantee.value.kind === 'map' ? grantee.value : undefined, uris);
    }
  }
  return uris;
}

function pushUri(map: MapValue | undefined, into: Property[]): void {
  const uri = getProperty(map, 'uri');
  if (uri) into.push(uri);
}

/** What the template alone says, before the account's own settings are taken into account. */
function templateReports(resource: Resource, context: RuleContext): RuleReport[] {
  // With IgnorePublicAcls on, or ACLs disabled by Object Ownership, S3 disregards ACLs: they expose nothing.
  if (publicAccessFlag(resource, context, 'IgnorePublicAcls') === true || aclsDisabled(resource, context)) return [];
  const reports: RuleReport[] = [];
  const aclKey = isCloudFormation(resource) ? 'AccessControl' : 'acl';
  const acl = property(resource, aclKey);
  const cannedAcl = stringOf(context.resolve(acl?.value)).value;
  if (acl && cannedAcl !== undefined && PUBLIC_CANNED_ACLS[cannedAcl]) {
    reports.push({
      messageId: 'publicCannedAcl',
      range: acl.value.range,
      fixable: acl.value.kind === 'literal',
      data: { key: aclKey, resource: resource.id, acl: cannedAcl, effect: PUBLIC_CANNED_ACLS[cannedAcl] },
    });
  }
  for (const uri of publicGrantUris(resource)) {
    const grantee = PUBLIC_GRANTEES[stringOf(context.resolve(uri.value)).value ?? ''];
    if (!grantee) continue;
    reports.push({
      messageId: 'publicGrant',
      data: { resource: resource.id, grantee },
      range: uri.value.range,
      // Which grants to keep is a decision for a person.
      fixable: false,
    });
  }
  return reports;
}
