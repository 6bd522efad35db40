// What one service does that its tier and profile cannot say: a service that always encrypts data
// at rest (so the key, not the switch, is yours), or a global service with no Region to pick.
// Applied after the profile (ownership.ts), only where the concern applies to the resource.
// A cell quotes the AWS statement it rests on where it was retrieved; knowledge-sources.test.ts pins them.

import type { ConcernId } from './concerns';
import { doc, type Source } from './sources';
import type { Owner } from './vocabulary';

export interface ServiceCell {
  owner: Owner;
  reason: string;
  source: Source;
  /** The source's own words, where they were retrieved (the audit's evidence); else left to the next audit. */
  quote?: string;
  /** Types of the service (prefixes) the statement is not true for. */
  exceptTypes?: readonly string[];
}

function alwaysEncrypted(service: string, keyChoice: string, url: string, quote?: string): ServiceCell {
  return {
    owner: 'shared',
    reason: `${service} always encrypts stored data and it cannot be turned off; ${keyChoice} and who may use the key are yours.`,
    source: doc(url),
    ...(quote ? { quote } : {}),
  };
}

function global(service: string, url: string, quote?: string, exceptTypes?: readonly string[]): ServiceCell {
  return {
    owner: 'shared',
    reason:
      `${service} is a global service with no Region to pick: AWS runs it from locations worldwide; ` +
      'where your origins, endpoints and data live is yours.',
    source: doc(url),
    ...(quote ? { quote } : {}),
    ...(exceptTypes ? { exceptTypes } : {}),
  };
}

// CloudTrail's documentation names the AWS global services (CloudFront, IAM, STS ...), whose events
// are recorded in US East (N. Virginia) since November 2021.
const GLOBAL_SERVICES =
  'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-create-and-update-a-trail-by-using-the-aws-cli-update-trail.html';

export const SERVICE_CELLS: Readonly<Partial<Record<string, Partial<Record<ConcernId, ServiceCell>>>>> = {
  mq: {
    'data-at-rest': alwaysEncrypted(
      'Amazon MQ',
      'using the AWS owned key (the default) or a KMS key of yours',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-amazonmq-broker-encryptionoptions.html',
      'If not provided, Amazon MQ will use a default CMK to encrypt your data. UseAwsOwnedKey: Set to true by default.',
    ),
  },
  dms: {
    'data-at-rest': alwaysEncrypted(
      'AWS DMS',
      'naming a KMS key (else your account default key is used)',
      'https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_AwsDmsReplicationInstanceDetails.html',
      "If you don't specify a value for the KmsKeyId parameter, AWS DMS uses your default encryption key.",
    ),
  },
  mwaa: {
    'data-at-rest': alwaysEncrypted(
      'Amazon MWAA',
      'choosing an AWS owned key or a customer managed key',
      'https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/mwaa/aws.sdk.kotlin.services.mwaa.model/-create-environment-request/-builder/kms-key.html',
      'You can use an AWS owned CMK, or a Customer managed CMK.',
    ),
  },
  msk: {
    'data-at-rest': alwaysEncrypted(
      'Amazon MSK',
      'choosing the AWS managed key or a customer managed KMS key',
      'https://docs.aws.amazon.com/msk/latest/developerguide/msk-encryption.html',
    ),
  },
  memorydb: {
    'data-at-rest': alwaysEncrypted(
      'Amazon MemoryDB',
      'choosing the default key or a customer managed KMS key',
      'https://docs.aws.amazon.com/memorydb/latest/devguide/at-rest-encryption.html',
    ),
  },
  fsx: {
    'data-at-rest': alwaysEncrypted(
      'Amazon FSx',
      'choosing the AWS managed key or a customer managed KMS key',
      'https://docs.aws.amazon.com/fsx/latest/LustreGuide/encryption-at-rest.html',
      'Encryption of data at rest is automatically enabled when you create an Amazon FSx for Lustre file system through the AWS Management Console, the AWS CLI, or programmatically through the Amazon FSx API or one of the AWS SDKs.',
    ),
  },
  'docdb-elastic': {
    'data-at-rest': alwaysEncrypted(
      'Amazon DocumentDB elastic clusters',
      'naming a KMS key (else the default key AWS KMS creates for your account is used)',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-docdbelastic-cluster.html',
    ),
  },
  cloudfront: {
    'region-placement': global('CloudFront', GLOBAL_SERVICES),
  },
  route53: {
    'region-placement': global(
      'Route 53 DNS',
      GLOBAL_SERVICES,
      undefined,
      // Resolver endpoints and rules, and Route 53 Profiles, are Regional resources in your VPCs
      ['AWS::Route53Resolver', 'AWS::Route53Profiles', 'aws_route53_resolver', 'aws_route53profiles'],
    ),
  },
  'global-accelerator': {
    'region-placement': global(
      'Global Accelerator',
      'https://docs.aws.amazon.com/global-accelerator/latest/dg/what-is-global-accelerator.html',
    ),
  },
};

/** The service's own cell for `concern` and resource `type`, if it has one. */
export function serviceCell(serviceId: string, type: string, concern: ConcernId): ServiceCell | undefined {
  const cell = SERVICE_CELLS[serviceId]?.[concern];
  if (!cell || (cell.exceptTypes ?? []).some((prefix) => type.startsWith(prefix))) return undefined;
  return cell;
}
