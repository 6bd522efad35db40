// The three service tiers of the AWS Shared Responsibility Model. The further right a service
// sits (infrastructure -> container -> abstracted), the more of the stack AWS runs for you.

export type TierId = 'infrastructure' | 'container' | 'abstracted';

export interface Tier {
  id: TierId;
  title: string;
  /** One or two plain sentences: what AWS runs and what stays yours. */
  summary: string;
  /** Well-known services of this tier, as examples (the service catalog is the full list). */
  examples: string[];
}

export const TIERS: readonly Tier[] = [
  {
    id: 'infrastructure',
    title: 'Infrastructure services',
    summary:
      'Building blocks that work like servers, disks and networks on premises. AWS secures the ' +
      'facilities, hardware, network and hypervisor; you own everything from the machine image ' +
      'and operating system up: firewalls, applications, credentials and data.',
    examples: ['Amazon EC2', 'Amazon EBS', 'Amazon EC2 Auto Scaling', 'Amazon VPC'],
  },
  {
    id: 'container',
    title: 'Container services',
    summary:
      'Managed platforms that run on instances AWS operates for you. AWS runs and patches the ' +
      'operating system and platform; you own network access, access management, your data, ' +
      'and backup and disaster recovery settings.',
    examples: ['Amazon RDS', 'Amazon EMR', 'AWS Elastic Beanstalk'],
  },
  {
    id: 'abstracted',
    title: 'Abstracted services',
    summary:
      'Services AWS runs entirely behind an API, on a multi-tenant platform with isolation ' +
      'between customers. You own IAM and resource policies, tagging, encryption and key choices, ' +
      'and the data you put in.',
    examples: ['Amazon S3', 'Amazon S3 Glacier', 'Amazon DynamoDB', 'Amazon SQS', 'Amazon SES'],
  },
];

const BY_ID: ReadonlyMap<TierId, Tier> = new Map(TIERS.map((t) => [t.id, t]));

export function getTier(id: TierId): Tier {
  // every TierId is in TIERS, so the lookup cannot miss
  return BY_ID.get(id) as Tier;
}

export function isTierId(value: string): value is TierId {
  return BY_ID.has(value as TierId);
}

/**
 * Where a resource's software runs when it is not in AWS's data centres: on hardware you host. Told
 * instead of the tier's summary, which speaks of what AWS runs (profiles customer-hosted and on-premises).
 */
export const CUSTOMER_HOSTED = {
  title: 'on hardware you host',
  summary:
    'Software that runs on hardware you host: you own the facilities, hardware, virtualization and host ' +
    'operating system; AWS owns the software it ships and its updates, and the AWS services it connects to.',
} as const;

/**
 * A resource that describes a device of yours (a VPN customer gateway): AWS runs only its side of the
 * connection. Told instead of the tier's summary, which speaks of what AWS runs.
 */
export const CUSTOMER_DEVICE = {
  title: 'describing a device you own',
  summary:
    'A resource that tells AWS about your own device at your end of a connection: the device, its site, hardware ' +
    'and software are yours; AWS runs its side of the connection and the network behind it.',
} as const;

/** The placement told instead of the tier's summary, by ownership profile. */
export function placementOf(profile: string | undefined): { title: string; summary: string } | undefined {
  if (profile === 'customer-hosted' || profile === 'on-premises') return CUSTOMER_HOSTED;
  if (profile === 'customer-gateway') return CUSTOMER_DEVICE;
  return undefined;
}
