// Services AWS has closed to new customers or stopped supporting, with the date and what AWS
// recommends instead. The explanation of a type says so; a rule can report resources of these types
// from retirementOf(). Dated: re-check each entry's source when the date it names comes near.

import { doc, type Source } from './sources';

export interface Retirement {
  /** Catalog service id. */
  serviceId: string;
  service: string;
  /** Resource types (CloudFormation or Terraform prefixes) of the retired service. */
  types: readonly string[];
  status: 'closed-to-new-customers' | 'end-of-support';
  /** YYYY-MM-DD the status took effect. */
  date: string;
  /** What AWS recommends instead. */
  replacement: string;
  source: Source;
  /** AWS's own words. */
  quote: string;
}

export const RETIREMENTS: readonly Retirement[] = [
  {
    serviceId: 'glacier',
    service: 'Amazon Glacier (the original vault-based service)',
    types: ['aws_glacier_vault'],
    status: 'closed-to-new-customers',
    date: '2025-12-15',
    replacement: 'the Glacier storage classes in Amazon S3, with S3 Object Lock where a vault lock was used',
    source: doc('https://docs.aws.amazon.com/amazonglacier/latest/dev/vault-lock.html'),
    quote:
      'Amazon Glacier (original standalone vault-based service) will no longer accept new customers starting December 15, 2025 … we recommend using the Amazon Glacier storage classes in Amazon S3',
  },
  {
    serviceId: 'qldb',
    service: 'Amazon QLDB',
    types: ['AWS::QLDB::', 'aws_qldb_'],
    status: 'end-of-support',
    date: '2025-07-31',
    replacement: 'a ledger table on Amazon Aurora PostgreSQL, the migration AWS recommends',
    source: doc('https://docs.aws.amazon.com/qldb/latest/developerguide/document-history.html'),
    quote:
      'End of support notice: Existing customers will be able to use Amazon QLDB until end of support on 07/31/2025',
  },
];

/** The retirement of the service `type` belongs to, if it has been closed or retired. */
export function retirementOf(type: string): Retirement | undefined {
  const text = typeof type === 'string' ? type : '';
  return RETIREMENTS.find((r) => r.types.some((prefix) => text.startsWith(prefix)));
}

/** One sentence for explanations: what happened, when, and what to use instead. */
export function retirementSentence(r: Retirement): string {
  const what =
    r.status === 'closed-to-new-customers'
      ? `${r.service} is closed to new customers since ${r.date}`
      : `${r.service} reached end of support on ${r.date}`;
  return `${what}; AWS recommends ${r.replacement}.`;
}
