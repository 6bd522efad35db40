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
  /**
   * YYYY-MM-DD the status took effect, when AWS's own pages give it. Some notices are undated
   * ("is no longer available to new customers"); then no date is stated rather than one guessed.
   */
  date?: string;
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
  {
    serviceId: 'opsworks',
    service: 'AWS OpsWorks Stacks',
    types: ['AWS::OpsWorks::', 'aws_opsworks_'],
    status: 'end-of-support',
    date: '2024-05-26',
    replacement:
      'migrating the workloads to other solutions (OpsWorks Stacks is disabled for new and existing customers)',
    source: doc('https://docs.aws.amazon.com/opsworks/latest/APIReference/Welcome.html'),
    quote:
      'The AWS OpsWorks Stacks service reached end of life on May 26, 2024 and has been disabled for both new and existing customers. We strongly recommend customers migrate their workloads to other solutions as soon as possible.',
  },
  {
    serviceId: 'robomaker',
    service: 'AWS RoboMaker',
    types: ['AWS::RoboMaker::'],
    status: 'end-of-support',
    date: '2025-09-10',
    replacement: 'AWS Batch to run containerized simulations',
    source: doc('https://docs.aws.amazon.com/robomaker/latest/dg/chapter-security.html'),
    quote:
      'End of support notice: On September 10, 2025, AWS will discontinue support for AWS RoboMaker. … For more information on transitioning to AWS Batch to help run containerized simulations, visit this blog post.',
  },
  {
    serviceId: 'cloudwatch',
    service: 'Amazon CloudWatch Evidently',
    types: ['AWS::Evidently::', 'aws_evidently_'],
    status: 'end-of-support',
    date: '2025-10-16',
    replacement: 'moving feature launches and experiments off Evidently before its resources become inaccessible',
    source: doc(
      'https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch-Evidently-projectsfeatures.html',
    ),
    quote:
      'End of support notice: On October 16, 2025, AWS will discontinue support for CloudWatch Evidently. After October 16, 2025, you will no longer be able to access the Evidently console or Evidently resources.',
  },
  {
    serviceId: 'iot-analytics',
    service: 'AWS IoT Analytics',
    types: ['AWS::IoTAnalytics::', 'aws_iotanalytics_'],
    status: 'end-of-support',
    date: '2025-12-15',
    replacement: 'the migration described on its end-of-support page (AWS IoT Analytics end of support)',
    source: doc('https://docs.aws.amazon.com/iotanalytics/latest/userguide/api.html'),
    quote:
      'End of support notice: On December 15, 2025, AWS will end support for AWS IoT Analytics. After December 15, 2025, you will no longer be able to access the AWS IoT Analytics console, or AWS IoT Analytics resources.',
  },
  {
    serviceId: 'iot-events',
    service: 'AWS IoT Events',
    types: ['AWS::IoTEvents::', 'aws_iotevents_'],
    status: 'end-of-support',
    date: '2026-05-20',
    replacement: 'the migration described on its end-of-support page (AWS IoT Events end of support)',
    source: doc('https://docs.aws.amazon.com/iotevents/latest/developerguide/iotevents-commands.html'),
    quote:
      'End of support notice: On May 20, 2026, AWS will end support for AWS IoT Events. After May 20, 2026, you will no longer be able to access the AWS IoT Events console or AWS IoT Events resources.',
  },
  {
    serviceId: 'panorama',
    service: 'AWS Panorama',
    types: ['AWS::Panorama::'],
    status: 'end-of-support',
    date: '2026-05-31',
    replacement: 'the migration described on its end-of-support page (AWS Panorama end of support)',
    source: doc('https://docs.aws.amazon.com/panorama/latest/api/Welcome.html'),
    quote:
      'End of support notice: On May 31, 2026, AWS will end support for AWS Panorama. After May 31, 2026, you will no longer be able to access the AWS Panorama console or AWS Panorama resources.',
  },
  {
    serviceId: 'lookout-metrics',
    service: 'Amazon Lookout for Metrics',
    types: ['AWS::LookoutMetrics::'],
    status: 'end-of-support',
    // The CloudFormation reference's notice names October 9, 2025; the developer guide's, quoted
    // here, the earlier date. Both have passed.
    date: '2025-09-12',
    replacement: 'the migration AWS describes in "Transitioning off Amazon Lookout for Metrics"',
    source: doc('https://docs.aws.amazon.com/lookoutmetrics/latest/dev/detectors-tags.html'),
    quote:
      'Amazon Lookout for Metrics is no longer available to new customers. Existing Amazon Lookout for Metrics customers will be able to use the service until September 12, 2025, when we will end support for Amazon Lookout for Metrics.',
  },
  {
    serviceId: 'data-pipeline',
    service: 'AWS Data Pipeline',
    types: ['AWS::DataPipeline::', 'aws_datapipeline_'],
    status: 'closed-to-new-customers',
    replacement: 'the migration AWS describes in "Migrate workloads from AWS Data Pipeline"',
    source: doc('https://docs.aws.amazon.com/datapipeline/latest/DeveloperGuide/dp-taskrunner-proxy.html'),
    quote:
      'AWS Data Pipeline is no longer available to new customers. Existing customers of AWS Data Pipeline can continue to use the service as normal.',
  },
  {
    serviceId: 'cloud9',
    service: 'AWS Cloud9',
    types: ['AWS::Cloud9::', 'aws_cloud9_'],
    status: 'closed-to-new-customers',
    replacement: 'the AWS IDE Toolkits in a local IDE, or AWS CloudShell (the migration AWS describes in its notice)',
    source: doc('https://docs.aws.amazon.com/cloud9/latest/APIReference/Welcome.html'),
    quote:
      'AWS Cloud9 is no longer available to new customers. Existing customers of AWS Cloud9 can continue to use the service as normal.',
  },
];

/**
 * Whether a type belongs to a retired service, as one expression over every retirement's prefixes:
 * the rule's type list tests thousands of known types with it once, at load.
 */
export const RETIRED_TYPE = new RegExp(
  `^(?:${RETIREMENTS.flatMap((r) => r.types)
    .map((prefix) => prefix.replace(/[^\w:]/g, '\\$&'))
    .join('|')})`,
);

/** The retirement of the service `type` belongs to, if it has been closed or retired. */
export function retirementOf(type: string): Retirement | undefined {
  const text = typeof type === 'string' ? type : '';
  return RETIREMENTS.find((r) => r.types.some((prefix) => text.startsWith(prefix)));
}

/** One sentence for explanations: what happened, when, and what to use instead. */
export function retirementSentence(r: Retirement): string {
  const what =
    r.status === 'closed-to-new-customers'
      ? `${r.service} is closed to new customers${r.date ? ` since ${r.date}` : ''}`
      : `${r.service} reached end of support${r.date ? ` on ${r.date}` : ''}`;
  return `${what}; AWS recommends ${r.replacement}.`;
}
