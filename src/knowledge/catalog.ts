// The service catalog: which AWS service and tier every CloudFormation and Terraform resource
// type belongs to. The table itself is data (data/services.json, in sections); this file gives it
// its types. The lookups are in services.ts.
//
// How a tier is chosen (the seed's three layers, applied to every service):
//   infrastructure  you run the operating system or the network (EC2, EBS, VPC, Auto Scaling)
//   container       AWS runs instances or clusters dedicated to you, usually inside your VPC,
//                   and patches their OS and platform (RDS, EMR, Elastic Beanstalk, ECS, EKS)
//   abstracted      AWS runs a multi-tenant service behind an API; you configure it and bring
//                   data or code (S3, DynamoDB, SQS, SES, IAM, KMS, Lambda, CloudWatch)
//
// Matching:
//   cloudformation  'AWS::S3' is a namespace and matches AWS::S3::*; a three-part entry such as
//                   'AWS::EC2::VPC' is a type-name prefix and matches AWS::EC2::VPC,
//                   AWS::EC2::VPCEndpoint, ... The longest matching entry wins.
//   terraform       'aws_s3' matches aws_s3 itself and aws_s3_*, but not aws_s3control_*.
//                   The longest matching entry wins.
//   overrides       exact types whose service, tier or profile differs from their match; one entry
//                   lists every type that shares the same override.

import catalog from './data/services.json';
import type { Source } from './sources';
import type { ProfileId } from './vocabulary';
import type { TierId } from './tiers';

export interface ServiceEntry {
  /** Stable id, used in output and configuration. */
  id: string;
  name: string;
  tier: TierId;
  cloudformation?: readonly string[];
  terraform?: readonly string[];
  profile?: ProfileId;
  /** Why the service's types are classified this way, when that is not obvious; with its source. */
  note?: string;
  source?: Source;
}

/**
 * Exact types whose service, tier or profile differs from what their namespace or prefix says.
 * `launch: true` marks types whose ownership depends on where containers run (hints.launchType).
 */
export interface TypeOverride {
  service?: string;
  tier?: TierId;
  profile?: ProfileId;
  note?: string;
  launch?: boolean;
  /** What the override rests on: an AWS documentation page or the seed, and when it was checked. */
  source: Source;
}

/** One group of the catalog file: a title and the services it lists. */
export interface CatalogSection {
  title: string;
  services: readonly ServiceEntry[];
}

/** One group of overrides: a title and entries, each giving one override to several types. */
export interface OverrideGroup {
  title: string;
  overrides: readonly (TypeOverride & { types: readonly string[] })[];
}

interface CatalogFile {
  description: string;
  sections: readonly CatalogSection[];
  overrides: readonly OverrideGroup[];
}

// test/unit/knowledge/knowledge-catalog.test.ts checks the file's shape, ids, tiers and profiles
const data = catalog as unknown as CatalogFile;

export const CATALOG_SECTIONS: readonly CatalogSection[] = data.sections;
export const OVERRIDE_GROUPS: readonly OverrideGroup[] = data.overrides;

export const SERVICES: readonly ServiceEntry[] = data.sections.flatMap((section) => section.services);

export const TYPE_OVERRIDES: Readonly<Partial<Record<string, TypeOverride>>> = Object.freeze(
  Object.fromEntries(
    data.overrides
      .flatMap((group) =>
        group.overrides.map(({ types, ...override }) => types.map((type) => [type, Object.freeze(override)] as const)),
      )
      .flat(),
  ),
);
