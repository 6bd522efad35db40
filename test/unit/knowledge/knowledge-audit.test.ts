/**
 * The knowledge audit's findings (shared/research/knowledge-audit-2026-12.md), each pinned with the
 * AWS statement it rests on: software AWS ships that runs on your hardware, the tier errors, the
 * always-encrypted services, the launch type wherever a template writes it, and retired services.
 */
import { strict as assert } from 'node:assert';
import { formatExplainText } from '../../../src/cli/explain';
import { knownTypes } from '../../../src/knowledge/services';
import { explainType } from '../../../src/engine/explain';
import { classificationHints } from '../../../src/iac/hints';
import { parseCloudFormation } from '../../../src/iac/cloudformation';
import type { TerraformModule } from '../../../src/iac/model';
import { loadTerraformLanguage, parseTerraformModule } from '../../../src/iac/terraform';
import {
  PHYSICAL_CONCERNS,
  classifyType,
  launchTypeFrom,
  ownershipTable,
  retirementOf,
  RETIRED_TYPE,
  RETIREMENTS,
  type ClassificationHints,
  type ConcernId,
} from '../../../src/knowledge';

function row(type: string, concern: ConcernId, hints?: ClassificationHints) {
  const found = ownershipTable(type, hints).rows.find((r) => r.concern === concern);
  assert.ok(found, `${type} ${concern}`);
  return found;
}

describe('knowledge audit: software AWS ships that runs on hardware you host', () => {
  // "AWS Storage Gateway is a service that connects an on-premises software appliance with cloud-based storage"
  // "A gateway is an Backup Gateway appliance that runs on the customer's network"
  // "No scaling: You are creating an on-premises fleet" (Deadline Cloud customer-managed fleets)
  const hosted: [string, ClassificationHints | undefined][] = [
    ['aws_storagegateway_gateway', undefined],
    ['aws_storagegateway_smb_file_share', undefined],
    ['AWS::StorageGateway::Volume', undefined],
    ['AWS::BackupGateway::Hypervisor', undefined],
    ['AWS::DataSync::Agent', undefined],
    ['aws_datasync_agent', undefined],
    ['AWS::GreengrassV2::Deployment', undefined],
    ['AWS::Greengrass::CoreDefinition', undefined],
    ['aws_ssm_activation', undefined],
    ['AWS::Deadline::Fleet', { hosting: 'customer-managed' }],
  ];
  for (const [type, hints] of hosted) {
    it(`${type}: facilities, hardware, hypervisor and host OS are yours; AWS's software is shared`, () => {
      assert.equal(classifyType(type, hints).profile, 'customer-hosted');
      for (const concern of ['facilities', 'physical-hardware', 'virtualization', 'operating-system'] as const)
        assert.equal(row(type, concern, hints).owner, 'customer', concern);
      assert.equal(row(type, 'applications', hints).owner, 'shared');
      assert.match(row(type, 'applications', hints).reason, /AWS writes the software it ships/);
      const e = explainType(type, hints);
      assert.match(e.tierTitle, /, on hardware you host$/);
      assert.match(e.tierSummary, /you own the facilities, hardware, virtualization and host operating system/);
      assert.doesNotMatch(e.tierSummary, /AWS (runs and patches|secures the facilities)/);
      for (const c of e.concerns.filter((x) => ['facilities', 'operating-system'].includes(x.concern)))
        assert.notEqual(c.owner, 'aws', `${type} ${c.concern}`);
    });
  }

  it('says where the software can run on EC2 instead', () => {
    for (const type of ['aws_storagegateway_gateway', 'AWS::DataSync::Agent', 'AWS::GreengrassV2::ComponentVersion'])
      assert.match(classifyType(type).note ?? '', /EC2 instance instead/, type);
  });

  it('keeps service-managed Deadline fleets on AWS hosts', () => {
    assert.equal(row('AWS::Deadline::Fleet', 'facilities', { hosting: 'service-managed' }).owner, 'aws');
    assert.equal(row('AWS::Deadline::Fleet', 'facilities').owner, 'aws');
  });

  it('reads the hosting of a Deadline fleet from its Configuration', () => {
    const text = `Resources:
  Fleet:
    Type: AWS::Deadline::Fleet
    Properties:
      Configuration:
        CustomerManaged:
          Mode: NO_SCALING
`;
    const resource = parseCloudFormation('fleet.yaml', text).units[0].resources[0];
    assert.deepEqual(classificationHints(resource.properties), { hosting: 'customer-managed' });
  });

  it('moves the physical concerns off AWS only for customer sites', () => {
    for (const concern of PHYSICAL_CONCERNS) assert.equal(row('aws_instance', concern).owner, 'aws');
    assert.equal(row('aws_storagegateway_gateway', 'network-infrastructure').owner, 'shared');
  });
});

describe('knowledge audit: tier errors', () => {
  it('puts MSK Serverless in one tier, whichever language names it', () => {
    // "MSK Serverless is a cluster type for Amazon MSK that makes it possible for you to run Apache Kafka
    // without having to manage and scale cluster capacity."
    assert.equal(classifyType('AWS::MSK::ServerlessCluster').tier, 'abstracted');
    assert.equal(classifyType('aws_msk_serverless_cluster').tier, 'abstracted');
    assert.equal(classifyType('AWS::MSK::Cluster').tier, 'container');
  });

  it('gives S3 directory buckets their own profile', () => {
    // "can only be accessed over HTTPS (TLS)"; "does not support MFA delete and S3 Versioning";
    // PutPublicAccessBlock "is not supported for directory buckets"
    for (const type of ['AWS::S3Express::DirectoryBucket', 'aws_s3_directory_bucket']) {
      assert.equal(classifyType(type).profile, 's3-directory', type);
      assert.equal(row(type, 'data-in-transit').owner, 'aws');
      assert.match(row(type, 'data-in-transit').reason, /only HTTPS/);
      assert.match(row(type, 'backup-dr').reason, /do not support versioning/);
      assert.match(row(type, 'network-access').reason, /PutPublicAccessBlock is not supported/);
      assert.doesNotMatch(formatExplainText(type), /plain HTTP requests|off until you turn them on/);
    }
    assert.equal(row('AWS::S3::Bucket', 'data-in-transit').owner, 'customer');
  });

  it('does not say AWS patches Oracle Database@AWS', () => {
    // "Oracle Database@AWS ... enables you to access Oracle Exadata infrastructure managed by Oracle Cloud
    // Infrastructure (OCI) inside AWS data centers"
    for (const type of ['AWS::ODB::CloudVmCluster', 'aws_odb_cloud_exadata_infrastructure']) {
      for (const concern of ['machine-image', 'operating-system', 'applications'] as const) {
        assert.equal(row(type, concern).owner, 'shared', `${type} ${concern}`);
        assert.doesNotMatch(row(type, concern).reason, /^AWS (builds|patches)/);
      }
      assert.match(row(type, 'operating-system').reason, /Oracle Cloud Infrastructure, not AWS/);
    }
    assert.equal(row('AWS::ODB::OdbNetwork', 'operating-system').applicable, false);
  });

  it('leaves HyperPod patching to the customer who starts it', () => {
    // "UpdateClusterSoftware – Updates the platform software of a SageMaker HyperPod cluster for security patching"
    assert.equal(row('AWS::SageMaker::Cluster', 'operating-system').owner, 'shared');
    assert.match(row('AWS::SageMaker::Cluster', 'operating-system').reason, /UpdateClusterSoftware/);
    assert.equal(row('AWS::SageMaker::Endpoint', 'operating-system').owner, 'aws');
  });

  it('does not tell global services to pick a Region', () => {
    // CloudTrail's documentation lists CloudFront, IAM and STS among the "AWS global services"
    for (const type of [
      'AWS::CloudFront::Distribution',
      'aws_cloudfront_distribution',
      'AWS::Route53::HostedZone',
      'aws_route53_record',
      'AWS::GlobalAccelerator::Accelerator',
      'aws_globalaccelerator_accelerator',
    ]) {
      assert.doesNotMatch(row(type, 'region-placement').reason, /Region you pick/, type);
      assert.match(row(type, 'region-placement').reason, /global service with no Region to pick/, type);
    }
    // Resolver endpoints are Regional resources in your VPCs
    assert.match(row('aws_route53_resolver_endpoint', 'region-placement').reason, /Region you pick/);
    assert.match(row('AWS::SQS::Queue', 'region-placement').reason, /Region you pick/);
  });

  it('shows customer code as the customer’s application', () => {
    // "With CloudFront Functions, you can write lightweight functions in JavaScript"
    for (const type of [
      'AWS::CloudFront::Function',
      'aws_cloudfront_function',
      'AWS::Amplify::App',
      'aws_amplify_branch',
    ])
      assert.equal(row(type, 'applications').owner, 'customer', type);
    assert.equal(row('AWS::CloudFront::Distribution', 'applications').owner, 'aws');
  });
});

describe('knowledge audit: always-encrypted services', () => {
  // Amazon MQ: "If not provided, Amazon MQ will use a default CMK to encrypt your data"; UseAwsOwnedKey "Set to true by default"
  // AWS DMS: "If you don't specify a value for the KmsKeyId parameter, AWS DMS uses your default encryption key"
  // MWAA: "You can use an AWS owned CMK, or a Customer managed CMK"
  const table: [string, RegExp][] = [
    ['AWS::AmazonMQ::Broker', /^Amazon MQ always encrypts/],
    ['aws_mq_broker', /^Amazon MQ always encrypts/],
    ['AWS::DMS::ReplicationInstance', /^AWS DMS always encrypts/],
    ['aws_dms_replication_instance', /^AWS DMS always encrypts/],
    ['AWS::MWAA::Environment', /^Amazon MWAA always encrypts/],
    ['AWS::MSK::Cluster', /^Amazon MSK always encrypts/],
    ['aws_msk_serverless_cluster', /^Amazon MSK always encrypts/],
    ['AWS::MemoryDB::Cluster', /^Amazon MemoryDB always encrypts/],
    ['aws_fsx_lustre_file_system', /^Amazon FSx always encrypts/],
    ['AWS::DocDBElastic::Cluster', /^Amazon DocumentDB elastic clusters always encrypts/],
    ['AWS::DynamoDB::Table', /^DynamoDB encrypts every table at rest and this cannot be turned off/],
    ['aws_sqs_queue', /^New queues are encrypted with SSE-SQS by default/],
    ['aws_elasticache_serverless_cache', /always encrypts stored data/],
  ];
  for (const [type, reason] of table) {
    it(`${type}: data at rest is shared, the key is the customer's choice`, () => {
      assert.equal(row(type, 'data-at-rest').owner, 'shared');
      assert.match(row(type, 'data-at-rest').reason, reason);
      assert.match(row(type, 'data-at-rest').reason, /key/);
    });
  }

  it('keeps the customer owner where encryption is a choice', () => {
    for (const type of ['AWS::RDS::DBInstance', 'AWS::DocDB::DBCluster', 'aws_sns_topic', 'aws_kinesis_stream'])
      assert.equal(row(type, 'data-at-rest').owner, 'customer', type);
  });
});

describe('knowledge audit: launch type wherever it is written', () => {
  const table: [string, Parameters<typeof launchTypeFrom>[0], string | undefined][] = [
    ['ECS service LaunchType', { launchType: 'fargate' }, 'FARGATE'],
    ['Batch ComputeResources.Type', { computeType: 'SPOT' }, 'SPOT'],
    ['task definition requires Fargate', { compatibilities: ['FARGATE'] }, 'FARGATE'],
    ['task definition requires EC2', { compatibilities: ['EC2'] }, 'EC2'],
    ['task definition requires EXTERNAL', { compatibilities: ['EXTERNAL'] }, 'EXTERNAL'],
    ['task definition for both', { compatibilities: ['EC2', 'FARGATE'] }, undefined],
    ['strategy of Fargate providers', { capacityProviders: ['FARGATE', 'FARGATE_SPOT'] }, 'FARGATE'],
    ['strategy with a provider of yours', { capacityProviders: ['FARGATE', 'my-asg-provider'] }, undefined],
    ['nothing', {}, undefined],
  ];
  for (const [name, evidence, expected] of table) {
    it(`${name} → ${expected ?? 'open'}`, () => assert.equal(launchTypeFrom(evidence), expected));
  }

  function hintsOf(yaml: string) {
    const resource = parseCloudFormation('t.yaml', `Resources:\n  R:\n${yaml}`).units[0].resources[0];
    return classificationHints(resource.properties);
  }

  it('reads RequiresCompatibilities, ComputeResources.Type and CapacityProviderStrategy from templates', () => {
    assert.equal(
      hintsOf('    Type: AWS::ECS::TaskDefinition\n    Properties:\n      RequiresCompatibilities: [FARGATE]\n')
        ?.launchType,
      'FARGATE',
    );
    assert.equal(
      hintsOf('    Type: AWS::Batch::ComputeEnvironment\n    Properties:\n      ComputeResources:\n        Type: EC2\n')
        ?.launchType,
      'EC2',
    );
    assert.equal(
      hintsOf(
        '    Type: AWS::ECS::Service\n    Properties:\n      CapacityProviderStrategy:\n        - CapacityProvider: FARGATE_SPOT\n',
      )?.launchType,
      'FARGATE',
    );
    assert.equal(
      hintsOf('    Type: AWS::Batch::JobDefinition\n    Properties:\n      PlatformCapabilities: [FARGATE]\n')
        ?.launchType,
      'FARGATE',
    );
    // unknown is not a choice
    assert.equal(
      hintsOf('    Type: AWS::ECS::TaskDefinition\n    Properties:\n      RequiresCompatibilities: [!Ref Compat]\n'),
      undefined,
    );
  });

  it('reads requires_compatibilities, compute_resources and capacity_provider_strategy blocks from Terraform', async () => {
    await loadTerraformLanguage();
    const text = `
resource "aws_ecs_task_definition" "app" {
  family                   = "app"
  requires_compatibilities = ["FARGATE"]
}
resource "aws_batch_compute_environment" "batch" {
  compute_resources {
    type = "EC2"
  }
}
resource "aws_ecs_service" "svc" {
  capacity_provider_strategy {
    capacity_provider = "FARGATE"
  }
  capacity_provider_strategy {
    capacity_provider = "FARGATE_SPOT"
  }
}
resource "aws_ecs_service" "mixed" {
  capacity_provider_strategy {
    capacity_provider = aws_ecs_capacity_provider.asg.name
  }
}
`;
    const module = parseTerraformModule('lt', [{ path: 'lt/main.tf', text }]).units[0] as TerraformModule;
    const launch = (id: string) => {
      const found = module.resources.find((r) => r.id === id);
      assert.ok(found, id);
      return classificationHints(found.properties)?.launchType;
    };
    assert.equal(launch('aws_ecs_task_definition.app'), 'FARGATE');
    assert.equal(launch('aws_batch_compute_environment.batch'), 'EC2');
    assert.equal(launch('aws_ecs_service.svc'), 'FARGATE');
    assert.equal(launch('aws_ecs_service.mixed'), undefined);
  });

  it('puts an EC2 task definition in the same tier as an EC2-launched service', () => {
    const definition = classifyType('AWS::ECS::TaskDefinition', { launchType: 'EC2' });
    const service = classifyType('AWS::ECS::Service', { launchType: 'EC2' });
    assert.equal(definition.tier, service.tier);
    assert.equal(definition.profile, service.profile);
    assert.equal(row('aws_ecs_task_definition', 'operating-system', { launchType: 'FARGATE' }).owner, 'aws');
  });
});

describe('knowledge audit: retired and closing services', () => {
  it('dates the Glacier vault closure and QLDB end of support, with the replacement', () => {
    // "Amazon Glacier (original standalone vault-based service) will no longer accept new customers starting
    // December 15, 2025 … we recommend using the Amazon Glacier storage classes in Amazon S3"
    const glacier = retirementOf('aws_glacier_vault');
    assert.equal(glacier?.date, '2025-12-15');
    assert.equal(glacier?.status, 'closed-to-new-customers');
    assert.equal(retirementOf('aws_glacier_vault_lock')?.serviceId, 'glacier');
    // "End of support notice: Existing customers will be able to use Amazon QLDB until end of support on 07/31/2025"
    for (const type of ['AWS::QLDB::Ledger', 'aws_qldb_ledger', 'aws_qldb_stream'])
      assert.equal(retirementOf(type)?.date, '2025-07-31', type);
    assert.equal(retirementOf('AWS::S3::Bucket'), undefined);
    assert.equal(retirementOf(undefined as unknown as string), undefined);
  });

  it('finds exactly the known types of retired services with one expression (the rule lists them at load)', () => {
    const types = [...knownTypes().cloudformation, ...knownTypes().terraform];
    const expected = types.filter((type) => retirementOf(type) !== undefined);
    assert.deepEqual(
      types.filter((type) => RETIRED_TYPE.test(type)),
      expected,
    );
    assert.ok(expected.includes('AWS::OpsWorks::Stack') && expected.includes('aws_glacier_vault'), expected.join());
    assert.equal(RETIRED_TYPE.test('AWS::S3::Bucket'), false);
    assert.equal(RETIRED_TYPE.test('xAWS::QLDB::Ledger'), false, 'a prefix, not anywhere in the name');
  });

  it('says so in the explanation', () => {
    assert.match(
      formatExplainText('aws_glacier_vault'),
      /Retired: Amazon Glacier \(the original vault-based service\) is closed to new customers since 2025-12-15; AWS recommends the Glacier storage classes in Amazon S3/,
    );
    assert.match(formatExplainText('AWS::QLDB::Ledger'), /Retired: Amazon QLDB reached end of support on 2025-07-31/);
    assert.equal(explainType('AWS::QLDB::Ledger').retired?.date, '2025-07-31');
    assert.equal(explainType('AWS::DynamoDB::Table').retired, undefined);
  });
});

describe('knowledge audit, second sample: what it found and the AWS statements behind the fixes', () => {
  // "This procedure details how to create a self-hosted SiteWise Edge gateway that you'll install on your own hardware."
  // "An instance is a compute instance running on equipment in your data center and managed by MediaConnect Gateway."
  for (const type of [
    'AWS::IoTSiteWise::Gateway',
    'AWS::MediaConnect::Gateway',
    'AWS::MediaConnect::Bridge',
    'AWS::MediaConnect::BridgeSource',
    'AWS::MediaConnect::BridgeOutput',
  ]) {
    it(`${type} runs on hardware you host`, () => {
      assert.equal(classifyType(type).profile, 'customer-hosted');
      for (const concern of ['facilities', 'physical-hardware', 'operating-system'] as const)
        assert.equal(row(type, concern).owner, 'customer', concern);
      assert.match(explainType(type).tierTitle, /, on hardware you host$/);
    });
  }

  it('keeps the cloud side of MediaConnect and SiteWise on AWS', () => {
    for (const type of ['AWS::MediaConnect::Flow', 'AWS::IoTSiteWise::Asset'])
      assert.equal(row(type, 'facilities').owner, 'aws', type);
  });

  const retired: [string, string, string][] = [
    // "The AWS OpsWorks Stacks service reached end of life on May 26, 2024 and has been disabled for both new and existing customers."
    ['AWS::OpsWorks::Stack', 'end-of-support', '2024-05-26'],
    ['aws_opsworks_stack', 'end-of-support', '2024-05-26'],
    // "On September 10, 2025, AWS will discontinue support for AWS RoboMaker."
    ['AWS::RoboMaker::Fleet', 'end-of-support', '2025-09-10'],
    // "On October 16, 2025, AWS will discontinue support for CloudWatch Evidently."
    ['AWS::Evidently::Project', 'end-of-support', '2025-10-16'],
    ['aws_evidently_feature', 'end-of-support', '2025-10-16'],
    // "On December 15, 2025, AWS will end support for AWS IoT Analytics."
    ['AWS::IoTAnalytics::Channel', 'end-of-support', '2025-12-15'],
    // "On May 20, 2026, AWS will end support for AWS IoT Events."
    ['AWS::IoTEvents::DetectorModel', 'end-of-support', '2026-05-20'],
    // "On May 31, 2026, AWS will end support for AWS Panorama."
    ['AWS::Panorama::ApplicationInstance', 'end-of-support', '2026-05-31'],
  ];
  for (const [type, status, date] of retired) {
    it(`${type}: ${status} on ${date}`, () => {
      const r = retirementOf(type);
      assert.ok(r, type);
      assert.equal(r.status, status);
      assert.equal(r.date, date);
      assert.match(explainType(type).retired?.message ?? '', new RegExp(date));
    });
  }

  // Closed to new customers, and undated because none of AWS's pages dates it:
  // "AWS Cloud9 is no longer available to new customers. Existing customers of AWS Cloud9 can continue
  // to use the service as normal." (Cloud9 API Reference, Welcome)
  // "AWS Data Pipeline is no longer available to new customers. Existing customers of AWS Data
  // Pipeline can continue to use the service as normal." (Data Pipeline developer guide)
  const undated: [string, string[]][] = [
    ['cloud9', ['AWS::Cloud9::EnvironmentEC2', 'aws_cloud9_environment_ec2', 'aws_cloud9_environment_membership']],
    [
      'data-pipeline',
      ['AWS::DataPipeline::Pipeline', 'aws_datapipeline_pipeline', 'aws_datapipeline_pipeline_definition'],
    ],
  ];
  for (const [serviceId, types] of undated) {
    it(`${serviceId}: closed to new customers, undated because AWS gives no date`, () => {
      for (const type of types) {
        const r = retirementOf(type);
        assert.equal(r?.serviceId, serviceId, type);
        assert.equal(r?.status, 'closed-to-new-customers', type);
        assert.equal(r?.date, undefined, type);
      }
    });
  }

  it('says so without a date in the explanation of a Cloud9 environment', () => {
    const message = explainType('AWS::Cloud9::EnvironmentEC2').retired?.message ?? '';
    assert.match(message, /^AWS Cloud9 is closed to new customers; AWS recommends the AWS IDE Toolkits/);
    assert.doesNotMatch(message, /since|undefined/);
  });

  it('Lookout for Metrics: end of support', () => {
    // "Existing Amazon Lookout for Metrics customers will be able to use the service until
    // September 12, 2025, when we will end support for Amazon Lookout for Metrics."
    const lookout = retirementOf('AWS::LookoutMetrics::AnomalyDetector');
    assert.equal(lookout?.status, 'end-of-support');
    assert.equal(lookout?.date, '2025-09-12');
    // Its siblings are other services, with no notice retrieved.
    for (const type of ['AWS::LookoutVision::Project', 'AWS::LookoutEquipment::InferenceScheduler'])
      assert.equal(retirementOf(type), undefined, type);
  });

  it('dates every end of support: only a closure may go undated', () => {
    for (const r of RETIREMENTS)
      if (r.status === 'end-of-support') assert.match(r.date ?? '', /^\d{4}-\d{2}-\d{2}$/, r.service);
  });

  it('does not retire the services that merely share a prefix', () => {
    for (const type of ['AWS::OpsWorksCM::Server', 'AWS::IoTSiteWise::Gateway', 'AWS::CloudWatch::Alarm'])
      assert.equal(retirementOf(type), undefined, type);
  });
});

describe('knowledge audit, second sample: GameLift Servers Anywhere fleets', () => {
  // "An Anywhere fleet consists of a set of compute resources (virtual or physical) that you supply and manage."
  it('puts an ANYWHERE fleet on hardware you host and keeps an EC2 fleet on AWS hosts', () => {
    const text = (computeType: string) =>
      `Resources:\n  Fleet:\n    Type: AWS::GameLift::Fleet\n    Properties:\n      Name: f\n      ComputeType: ${computeType}\n`;
    const anywhere = classificationHints(
      parseCloudFormation('f.yaml', text('ANYWHERE')).units[0].resources[0].properties,
    );
    assert.equal(anywhere?.hosting, 'customer-managed');
    assert.equal(classifyType('AWS::GameLift::Fleet', anywhere).profile, 'customer-hosted');
    assert.equal(row('AWS::GameLift::Fleet', 'facilities', anywhere).owner, 'customer');
    const ec2 = classificationHints(parseCloudFormation('f.yaml', text('EC2')).units[0].resources[0].properties);
    assert.equal(ec2?.hosting, 'service-managed');
    assert.equal(row('AWS::GameLift::Fleet', 'facilities', ec2).owner, 'aws');
    assert.equal(row('AWS::GameLift::Fleet', 'facilities').owner, 'aws');
  });

  it('reads an unresolved compute type as unknown, not as customer hosting', () => {
    const text = `Parameters:\n  T:\n    Type: String\nResources:\n  Fleet:\n    Type: AWS::GameLift::Fleet\n    Properties:\n      ComputeType: !Ref T\n`;
    const hints = classificationHints(parseCloudFormation('f.yaml', text).units[0].resources[0].properties);
    assert.equal(hints?.hosting, undefined);
  });
});

describe('knowledge audit, second sample: a customer gateway is your device', () => {
  // "The customer gateway device is the appliance at your end of the VPN connection." (CreateCustomerGateway)
  for (const type of ['AWS::EC2::CustomerGateway', 'aws_customer_gateway']) {
    it(`${type}: the site, hardware and operating system of the device are yours`, () => {
      assert.equal(classifyType(type).profile, 'customer-gateway');
      for (const concern of ['facilities', 'physical-hardware', 'virtualization', 'operating-system'] as const)
        assert.equal(row(type, concern).owner, 'customer', concern);
      assert.equal(row(type, 'network-infrastructure').owner, 'shared');
      assert.equal(row(type, 'credentials').owner, 'customer');
    });
  }

  it("keeps AWS's side of the VPN on AWS", () => {
    for (const type of ['AWS::EC2::VPNGateway', 'aws_vpn_connection'])
      assert.equal(row(type, 'facilities').owner, 'aws', type);
  });
});

describe('knowledge audit, second sample: account settings cite what they rest on', () => {
  it('cites the EBS encryption page only for the EBS encryption settings', () => {
    for (const type of ['aws_ebs_encryption_by_default', 'aws_ebs_default_kms_key'])
      assert.match(classifyType(type).source?.url ?? '', /ebs-encryption\.html$/, type);
    for (const type of [
      'aws_ec2_serial_console_access',
      'aws_ec2_image_block_public_access',
      'aws_spot_datafeed_subscription',
    ]) {
      assert.equal(classifyType(type).profile, 'control-plane', type);
      assert.doesNotMatch(classifyType(type).source?.url ?? '', /ebs-encryption/, type);
    }
  });
});

describe('knowledge audit, second sample: what the explanation says of a customer gateway', () => {
  it('does not say AWS secures the facilities and hardware of your device', () => {
    const e = explainType('AWS::EC2::CustomerGateway');
    assert.equal(e.tierTitle, 'Infrastructure services, describing a device you own');
    assert.match(e.tierSummary, /the device, its site, hardware and software are yours/);
    assert.doesNotMatch(e.tierSummary, /AWS secures the facilities/);
    assert.match(explainType('aws_vpn_connection').tierSummary, /AWS secures the facilities/);
  });
});
