// Who owns each security concern, per tier: the AWS Shared Responsibility Model as a table.
// Tier defaults live here; per-resource differences live in profiles.ts and are chosen by the
// service catalog. Every reason is one plain sentence that must stay true for today's AWS.

import { CONCERNS, type ConcernId } from './concerns';
import { serviceCell } from './service-cells';
import { PROFILES, PROFILE_SOURCES, type Profile } from './profiles';
import { classifyType, type Classification, type ClassificationHints } from './services';
import { SHARED_RESPONSIBILITY_MODEL, doc, seed, type Source } from './sources';
import type { TierId } from './tiers';
import type { Owner } from './vocabulary';

export type { Owner } from './vocabulary';

export interface Cell {
  owner: Owner;
  reason: string;
  /** Where the statement comes from, and when it was last checked. */
  source: Source;
}

export interface Ownership {
  owner: Owner;
  reason: string;
  /** The source of `reason`: the tier's, the profile's or the service's statement that decided it. */
  source: Source;
  /** False when the resource does not have this concern at all (a security group has no OS). */
  applicable: boolean;
}

export interface OwnershipRow extends Ownership {
  concern: ConcernId;
  title: string;
}

export interface OwnershipTable {
  classification: Classification;
  rows: OwnershipRow[];
}

const aws = (reason: string, source: Source): Cell => ({ owner: 'aws', reason, source });
const customer = (reason: string, source: Source): Cell => ({ owner: 'customer', reason, source });
const shared = (reason: string, source: Source): Cell => ({ owner: 'shared', reason, source });

// "AWS is responsible for protecting the infrastructure that runs all of the services offered in
// the AWS Cloud. This infrastructure is composed of the hardware, software, networking, and
// facilities that run AWS Cloud services." (AWS, Shared Responsibility Model)
const MODEL = doc(SHARED_RESPONSIBILITY_MODEL);
// "Event history ... the past 90 days of recorded management events in an AWS Region"
const CLOUDTRAIL_HISTORY = doc(
  'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/view-cloudtrail-events.html',
);

export const TIER_OWNERSHIP: Readonly<Record<TierId, Readonly<Record<ConcernId, Cell>>>> = {
  infrastructure: {
    facilities: aws('AWS secures and operates the data centres that host your instances, volumes and networks.', MODEL),
    'physical-hardware': aws(
      'AWS owns, maintains and securely disposes of the servers, disks and network devices.',
      MODEL,
    ),
    'network-infrastructure': aws(
      'AWS runs the physical network and backbone between Availability Zones and Regions.',
      MODEL,
    ),
    virtualization: aws("AWS runs the hypervisor that isolates your instances from other customers' instances.", MODEL),
    'region-placement': customer(
      'You choose the Region and Availability Zones; spreading across zones and copying data to another Region are yours.',
      seed(),
    ),
    'machine-image': customer('You choose the AMI, and replacing it when it falls behind on patches is yours.', seed()),
    'operating-system': customer(
      'You patch, harden and configure the guest operating system; AWS has no access to it.',
      seed(),
    ),
    applications: customer('Everything you install on the instance is yours to configure and keep patched.', seed()),
    'network-access': customer(
      'You write the security groups, network ACLs and route tables that decide what can reach the resource.',
      seed(),
    ),
    'data-in-transit': customer(
      'AWS encrypts traffic on its global network between facilities, but protecting your own traffic, for example with TLS, is yours.',
      seed(),
    ),
    'data-at-rest': customer(
      'EBS volumes are encrypted only if you ask for it or turn on EBS encryption by default for the account and Region.',
      doc('https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html'),
    ),
    'backup-dr': customer(
      'Snapshots, their retention, copies to another Region and restore tests are yours to schedule.',
      seed(),
    ),
    credentials: customer(
      'EC2 key pairs and operating system passwords are yours: AWS does not keep the private key of a key pair.',
      doc('https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-key-pairs.html'),
    ),
    'identity-access': customer(
      'You decide who may manage the resources (IAM) and which role, if any, an instance may use.',
      seed(),
    ),
    tagging: customer(
      'Tagging resources so the asset inventory shows owner, purpose and data classification is yours.',
      seed(),
    ),
    'logging-monitoring': shared(
      'AWS keeps a 90-day CloudTrail event history and basic metrics; flow logs, OS and application logs, and alarms are yours.',
      CLOUDTRAIL_HISTORY,
    ),
    configuration: customer(
      'Every security setting, from instance metadata options to the OS configuration, is yours.',
      seed(),
    ),
  },

  container: {
    facilities: aws("AWS secures and operates the data centres that host the platform's instances.", MODEL),
    'physical-hardware': aws('AWS owns, maintains and securely disposes of the hardware the platform runs on.', MODEL),
    'network-infrastructure': aws(
      'AWS runs the physical network and backbone between Availability Zones and Regions.',
      MODEL,
    ),
    virtualization: aws('AWS runs the hypervisor that isolates the platform instances from other customers.', MODEL),
    'region-placement': customer(
      'You choose the Region, whether to run in more than one Availability Zone, and any copies in another Region.',
      seed(),
    ),
    'machine-image': aws(
      'AWS builds and maintains the images the platform runs on; there is no AMI for you to patch.',
      seed(),
    ),
    'operating-system': aws(
      'AWS patches the operating system underneath the platform; you can choose the maintenance window it uses.',
      doc('https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_UpgradeDBInstance.Maintenance.html'),
    ),
    applications: shared(
      'AWS installs and patches the engine or platform software; choosing versions, major upgrades, and your own code and schemas are yours.',
      doc('https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_UpgradeDBInstance.Maintenance.html'),
    ),
    'network-access': customer(
      'You choose the subnets, security groups and public-access settings that decide who can connect.',
      seed(),
    ),
    'data-in-transit': customer(
      'The platform offers TLS endpoints; requiring TLS and having clients verify certificates are yours.',
      seed(),
    ),
    'data-at-rest': customer(
      'Storage encryption is usually chosen when the resource is created, often cannot be added later, and its key is yours.',
      doc('https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html'),
    ),
    'backup-dr': shared(
      'AWS runs automated backups (on by default for RDS, kept 1 day unless you choose longer); retention, snapshots, copies to another Region and restore tests are yours.',
      doc('https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html'),
    ),
    credentials: customer(
      'Administrator and user passwords for the platform are yours to set, store and rotate, for example with Secrets Manager.',
      seed(),
    ),
    'identity-access': customer(
      'You decide who may manage the platform (IAM) and who may sign in to it (its own users).',
      seed(),
    ),
    tagging: customer(
      'Tagging resources so the asset inventory shows owner, purpose and data classification is yours.',
      seed(),
    ),
    'logging-monitoring': shared(
      'AWS publishes platform metrics and events; exporting engine and audit logs and setting alarms are yours.',
      seed(),
    ),
    configuration: customer(
      'Parameter groups, versions, maintenance windows and deletion protection are yours to set.',
      seed(),
    ),
  },

  abstracted: {
    facilities: aws('AWS secures and operates the data centres behind the service.', MODEL),
    'physical-hardware': aws('AWS owns, maintains and securely disposes of the hardware behind the service.', MODEL),
    'network-infrastructure': aws('AWS runs the network that carries requests to and within the service.', MODEL),
    virtualization: aws("AWS runs the multi-tenant platform and keeps each customer's data isolated.", seed()),
    'region-placement': shared(
      'AWS spreads the service across Availability Zones in the Region you pick; copying data to another Region is yours.',
      seed(),
    ),
    'machine-image': aws('There is no image for you to manage; AWS builds and patches what runs the service.', seed()),
    'operating-system': aws(
      'AWS runs and patches the servers behind the API; you never see their operating system.',
      seed(),
    ),
    applications: aws(
      'AWS writes, runs and patches the service software; what you send it is data and configuration.',
      seed(),
    ),
    'network-access': shared(
      'AWS runs the endpoint and authenticates every request; VPC endpoints and the networks your policies allow are yours.',
      seed(),
    ),
    'data-in-transit': shared(
      'AWS endpoints offer TLS 1.2 or later; requiring TLS where a service still accepts plain HTTP, such as S3, is yours.',
      doc(
        'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-infrastructure-security.html',
      ),
    ),
    'data-at-rest': shared(
      'Many of these services encrypt stored data by default; customer-managed keys, key policies, and turning encryption on where it is optional are yours.',
      seed(),
    ),
    'backup-dr': shared(
      'AWS stores data durably; versioning, point-in-time recovery, backups and replication against deletion are yours to turn on.',
      seed(),
    ),
    credentials: customer(
      'The access keys, API keys and other secrets your callers use are yours to protect and rotate.',
      seed(),
    ),
    'identity-access': customer(
      'These services are tied to IAM: the identity and resource policies and access groups that decide who may use them are yours.',
      seed(),
    ),
    tagging: customer(
      'Tagging every resource correctly is yours; the service keeps only the tags you give it.',
      seed(),
    ),
    'logging-monitoring': shared(
      'CloudTrail records management API calls by default; data events, access logs, alarms and log retention are yours.',
      CLOUDTRAIL_HISTORY,
    ),
    configuration: customer(
      "The resource's settings and resource policies are yours; AWS supplies only the defaults.",
      seed(),
    ),
  },
};

const PHYSICAL: ReadonlySet<ConcernId> = new Set([
  'facilities',
  'physical-hardware',
  'network-infrastructure',
  'virtualization',
]);

/** Ownership when the resource type is not in the catalog. */
export function unclassifiedOwnership(concern: ConcernId): Ownership {
  if (PHYSICAL.has(concern)) {
    return {
      owner: 'aws',
      reason: 'AWS owns this for every service it runs in its own data centres.',
      source: MODEL,
      applicable: true,
    };
  }
  return {
    owner: 'shared',
    reason:
      'This resource type is not classified, so who owns this concern is unknown; check the service documentation.',
    source: seed(),
    applicable: true,
  };
}

/**
 * Who owns `concern` for a resource of `tier`, adjusted for `type` when given (Lambda,
 * Fargate, security groups...). A concern that does not apply keeps the tier's owner.
 */
export function ownershipFor(
  tier: TierId | 'unclassified',
  concern: ConcernId,
  type?: string,
  hints?: ClassificationHints,
): Ownership {
  if (tier === 'unclassified') return unclassifiedOwnership(concern);
  const classification = type === undefined ? undefined : classifyType(type, hints);
  return resolve(tier, concern, classification);
}

/** The classification of `type` and one row per concern, in CONCERNS order. */
export function ownershipTable(type: string, hints?: ClassificationHints): OwnershipTable {
  const classification = classifyType(type, hints);
  const { tier } = classification;
  const rows = CONCERNS.map(({ id, title }): OwnershipRow => {
    const ownership = tier === 'unclassified' ? unclassifiedOwnership(id) : resolve(tier, id, classification);
    return { concern: id, title, ...ownership };
  });
  return { classification, rows };
}

/**
 * The tier's cell, replaced by the profile's cell for the concern, then by the service's own
 * statement (service-cells.ts: what one service does, such as always encrypting data at rest)
 * where the profile leaves the concern applicable.
 */
function resolve(tier: TierId, concern: ConcernId, classification: Classification | undefined): Ownership {
  const base = TIER_OWNERSHIP[tier][concern];
  const profileId = classification?.profile;
  const profile: Profile | undefined = profileId ? PROFILES[profileId] : undefined;
  const cell = profile?.[concern];
  const result: Ownership =
    cell && profileId
      ? {
          owner: cell.owner ?? base.owner,
          reason: cell.reason,
          source: cell.source ?? PROFILE_SOURCES[profileId],
          applicable: cell.applicable ?? true,
        }
      : { owner: base.owner, reason: base.reason, source: base.source, applicable: true };
  const own = classification ? serviceCell(classification.serviceId, classification.type, concern) : undefined;
  if (own && result.applicable) {
    return { owner: own.owner, reason: own.reason, source: own.source, applicable: true };
  }
  return result;
}
