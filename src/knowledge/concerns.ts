// Security concerns of the AWS Shared Responsibility Model. The ids are a public contract
// (JSON output, configuration, docs): add new ones, never rename or remove one.

export type ConcernId =
  | 'facilities'
  | 'physical-hardware'
  | 'network-infrastructure'
  | 'virtualization'
  | 'region-placement'
  | 'machine-image'
  | 'operating-system'
  | 'applications'
  | 'network-access'
  | 'data-in-transit'
  | 'data-at-rest'
  | 'backup-dr'
  | 'credentials'
  | 'identity-access'
  | 'tagging'
  | 'logging-monitoring'
  | 'configuration';

export interface Concern {
  id: ConcernId;
  title: string;
  /** One plain-English line: what the concern covers. */
  meaning: string;
}

// Ordered from the ground up: what AWS always runs, then the layers you build on top.
export const CONCERNS: readonly Concern[] = [
  {
    id: 'facilities',
    title: 'Facilities',
    meaning: 'Data centre buildings, power, cooling, and who may physically enter them.',
  },
  {
    id: 'physical-hardware',
    title: 'Physical hardware',
    meaning: 'Servers, storage devices and network gear: their physical security, repair and disposal.',
  },
  {
    id: 'network-infrastructure',
    title: 'Network infrastructure',
    meaning: 'The cabling, routers and backbone that carry traffic within and between AWS Regions.',
  },
  {
    id: 'virtualization',
    title: 'Virtualization',
    meaning: "The hypervisor and isolation layer that keeps one customer's workloads apart from another's.",
  },
  {
    id: 'region-placement',
    title: 'Region and AZ placement',
    meaning: 'Which Region and Availability Zones hold the resource and its data, and copying it to other Regions.',
  },
  {
    id: 'machine-image',
    title: 'Machine image',
    meaning: 'The image a workload starts from (an AMI or a container image) and keeping it up to date.',
  },
  {
    id: 'operating-system',
    title: 'Operating system',
    meaning: 'Patching and hardening the operating system the workload runs on.',
  },
  {
    id: 'applications',
    title: 'Applications',
    meaning: 'The software and code that run on or inside the resource, and keeping them patched.',
  },
  {
    id: 'network-access',
    title: 'Network access',
    meaning: 'Who can reach the resource over the network: security groups, ACLs, public endpoints, VPC placement.',
  },
  {
    id: 'data-in-transit',
    title: 'Data in transit',
    meaning: 'Protecting data as it moves between clients, services and Regions, usually with TLS.',
  },
  {
    id: 'data-at-rest',
    title: 'Data at rest',
    meaning: 'Encrypting stored data and controlling the keys that protect it.',
  },
  {
    id: 'backup-dr',
    title: 'Backup and disaster recovery',
    meaning: 'Backups, snapshots, versioning and replication, and being able to restore after a loss.',
  },
  {
    id: 'credentials',
    title: 'Credentials',
    meaning: 'Key pairs, passwords, access keys and other secrets: creating, storing and rotating them.',
  },
  {
    id: 'identity-access',
    title: 'Identity and access',
    meaning: 'Who may do what: IAM users, roles and policies, resource policies, and MFA.',
  },
  {
    id: 'tagging',
    title: 'Tagging and inventory',
    meaning: 'Tags and ownership records that keep the asset inventory accurate.',
  },
  {
    id: 'logging-monitoring',
    title: 'Logging and monitoring',
    meaning: 'Recording activity and watching for problems: CloudTrail, CloudWatch, access and flow logs.',
  },
  {
    id: 'configuration',
    title: 'Configuration and policies',
    meaning: "The resource's security settings, and keeping them correct as things change.",
  },
];

/**
 * The concerns AWS owns in every tier. Only hardware on your own premises moves part of them to
 * you: AWS Outposts, ECS Anywhere, and software AWS ships that runs on hosts you provide (Storage
 * Gateway, Backup gateway, DataSync agents, Greengrass cores, SSM hybrid activations, Deadline Cloud
 * customer-managed fleets); see the outposts, on-premises and customer-hosted profiles.
 */
export const PHYSICAL_CONCERNS: readonly ConcernId[] = [
  'facilities',
  'physical-hardware',
  'network-infrastructure',
  'virtualization',
];

const BY_ID: ReadonlyMap<string, Concern> = new Map(CONCERNS.map((c) => [c.id, c]));

export function isConcernId(value: string): value is ConcernId {
  return BY_ID.has(value);
}

export function getConcern(id: ConcernId): Concern {
  // every ConcernId is in CONCERNS, so the lookup cannot miss
  return BY_ID.get(id) as Concern;
}
