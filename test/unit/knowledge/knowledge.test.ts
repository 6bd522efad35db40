/**
 * The knowledge base: every published resource type has a service and tier, every tier has an
 * owner and a reason for every concern, every reference in the catalog resolves, and the
 * lookups are fast and never throw.
 */
import { strict as assert } from 'node:assert';
import cloudFormationList from '../../../src/knowledge/data/cloudformation-types.json';
import terraformList from '../../../src/knowledge/data/terraform-aws-types.json';
import { SERVICES, TYPE_OVERRIDES } from '../../../src/knowledge/catalog';
import {
  CONCERNS,
  PHYSICAL_CONCERNS,
  PROFILES,
  TIERS,
  TIER_OWNERSHIP,
  classifyType,
  closestTypes,
  getConcern,
  getService,
  getTier,
  isConcernId,
  knownTypes,
  listServices,
  ownershipFor,
  ownershipTable,
  typeListProvenance,
  type ConcernId,
  type TierId,
} from '../../../src/knowledge';

/**
 * The only published types left unclassified, on purpose:
 * - a CloudFormation custom resource runs your own handler, so what it creates, and who owns
 *   it, cannot be known from its type;
 * - a Cloud Control API resource manages whatever type its type_name argument names; it is
 *   classified as that type when the caller passes the hint.
 */
const EXPECTED_UNCLASSIFIED = ['AWS::CloudFormation::CustomResource', 'aws_cloudcontrolapi_resource'];

const TIER_IDS: TierId[] = ['infrastructure', 'container', 'abstracted'];
const CONCERN_IDS: ConcernId[] = [
  'facilities',
  'physical-hardware',
  'network-infrastructure',
  'virtualization',
  'region-placement',
  'machine-image',
  'operating-system',
  'applications',
  'network-access',
  'data-in-transit',
  'data-at-rest',
  'backup-dr',
  'credentials',
  'identity-access',
  'tagging',
  'logging-monitoring',
  'configuration',
];

function namespaceOf(type: string): string {
  return type.includes('::') ? type.split('::').slice(0, 2).join('::') : type.split('_').slice(0, 2).join('_');
}

describe('knowledge: type lists', () => {
  for (const [name, list] of [
    ['cloudformation-types.json', cloudFormationList],
    ['terraform-aws-types.json', terraformList],
  ] as const) {
    it(`${name} records its provenance`, () => {
      assert.ok(list.source.length > 10, 'source');
      assert.match(list.package, /^@[a-z0-9-]+\/[a-z0-9-]+$/);
      assert.match(list.version, /^\d+\.\d+\.\d+$/);
      assert.match(list.generated, /^\d{4}-\d{2}-\d{2}$/);
      assert.ok(!Number.isNaN(Date.parse(list.generated)), 'generated is a real date');
      assert.match(list.integrity, /^sha512-[A-Za-z0-9+/=]+$/);
      assert.equal(list.count, list.types.length);
    });

    it(`${name} is sorted and free of duplicates`, () => {
      const sorted = [...new Set(list.types)].sort();
      assert.deepEqual(list.types, sorted);
    });
  }

  it('records the Terraform provider version the list was built for', () => {
    assert.equal(terraformList.provider, 'registry.terraform.io/hashicorp/aws');
    assert.match(terraformList.providerVersion, /^\d+\.\d+\.\d+$/);
  });

  it('includes the AWS SAM types and records which ones were added by hand', () => {
    const sam = [
      'AWS::Serverless::Api',
      'AWS::Serverless::Application',
      'AWS::Serverless::Connector',
      'AWS::Serverless::Function',
      'AWS::Serverless::GraphQLApi',
      'AWS::Serverless::HttpApi',
      'AWS::Serverless::LayerVersion',
      'AWS::Serverless::SimpleTable',
      'AWS::Serverless::StateMachine',
    ];
    for (const type of sam) assert.ok(cloudFormationList.types.includes(type), type);
    for (const type of cloudFormationList.supplement.types) assert.ok(sam.includes(type), type);
  });

  it('keeps only Terraform resources, not data sources or the provider', () => {
    for (const type of terraformList.types) assert.match(type, /^aws_[a-z0-9_]+$/);
    assert.ok(!terraformList.types.includes('aws'));
  });

  it('exposes the lists and their provenance through the API', () => {
    const known = knownTypes();
    assert.equal(known.cloudformation.length, cloudFormationList.count);
    assert.equal(known.terraform.length, terraformList.count);
    const provenance = typeListProvenance();
    assert.equal(provenance.cloudformation.version, cloudFormationList.version);
    assert.equal(provenance.terraform.package, '@cdktf/provider-aws');
  });
});

describe('knowledge: classification of every published type', () => {
  it('gives every type a service and tier, except the justified few', () => {
    const { cloudformation, terraform } = knownTypes();
    const unclassified: string[] = [];
    for (const type of [...cloudformation, ...terraform]) {
      const c = classifyType(type);
      assert.equal(c.type, type);
      assert.equal(c.known, true, `${type} should be known`);
      if (c.tier === 'unclassified') unclassified.push(type);
      else assert.ok(TIER_IDS.includes(c.tier) && c.service.length > 0 && getService(c.serviceId), type);
    }
    assert.deepEqual(unclassified.sort(), [...EXPECTED_UNCLASSIFIED].sort());

    const cfnNamespaces = new Set(cloudformation.map(namespaceOf));
    const tfGroups = new Set(terraform.map(namespaceOf));
    const services = new Set([...cloudformation, ...terraform].map((t) => classifyType(t).serviceId));
    console.log(
      `      CloudFormation: ${cloudformation.length} types in ${cfnNamespaces.size} namespaces; ` +
        `Terraform: ${terraform.length} types in ${tfGroups.size} prefixes; ` +
        `${services.size} services; unclassified: ${unclassified.join(', ')}`,
    );
  });

  it('tells CloudFormation from Terraform', () => {
    assert.equal(classifyType('AWS::S3::Bucket').iac, 'cloudformation');
    assert.equal(classifyType('Custom::Thing').iac, 'cloudformation');
    assert.equal(classifyType('aws_s3_bucket').iac, 'terraform');
    assert.equal(classifyType('not a type').iac, 'unknown');
  });
});

describe('knowledge: catalog integrity', () => {
  const profileIds = new Set(Object.keys(PROFILES));
  const serviceIds = new Set(SERVICES.map((s) => s.id));

  it('has unique service ids and names', () => {
    assert.equal(serviceIds.size, SERVICES.length);
    assert.equal(new Set(SERVICES.map((s) => s.name)).size, SERVICES.length);
    assert.equal(listServices().length, SERVICES.length);
  });

  it('declares every namespace, prefix and stem once, in the right syntax', () => {
    const seen = new Map<string, string>();
    for (const s of SERVICES) {
      assert.ok(TIER_IDS.includes(s.tier), `${s.id}: tier ${s.tier}`);
      assert.ok((s.cloudformation?.length ?? 0) + (s.terraform?.length ?? 0) > 0, `${s.id} matches nothing`);
      for (const token of [...(s.cloudformation ?? []), ...(s.terraform ?? [])]) {
        assert.ok(!seen.has(token), `${token} is declared by ${seen.get(token)} and ${s.id}`);
        seen.set(token, s.id);
      }
      for (const token of s.cloudformation ?? []) assert.match(token, /^[A-Za-z0-9]+::[A-Za-z0-9]+(::[A-Za-z0-9]+)?$/);
      for (const token of s.terraform ?? []) assert.match(token, /^aws_[a-z0-9_]+[a-z0-9]$/);
    }
  });

  it('uses every service for at least one published type (SAM is the fallback for future SAM types)', () => {
    const { cloudformation, terraform } = knownTypes();
    const used = new Set([...cloudformation, ...terraform].map((t) => classifyType(t).serviceId));
    const unused = SERVICES.map((s) => s.id).filter((id) => !used.has(id));
    assert.deepEqual(unused, ['sam']);
  });

  it('overrides only published types, with services and profiles that exist', () => {
    const known = new Set([...knownTypes().cloudformation, ...knownTypes().terraform]);
    for (const [type, override] of Object.entries(TYPE_OVERRIDES)) {
      assert.ok(known.has(type), `override for unknown type ${type}`);
      if (!override) continue;
      if (override.service !== undefined)
        assert.ok(serviceIds.has(override.service), `${type}: service ${override.service}`);
      if (override.tier !== undefined) assert.ok(TIER_IDS.includes(override.tier), `${type}: tier ${override.tier}`);
      if (override.profile !== undefined)
        assert.ok(profileIds.has(override.profile), `${type}: profile ${override.profile}`);
    }
    for (const s of SERVICES) if (s.profile) assert.ok(profileIds.has(s.profile), `${s.id}: profile ${s.profile}`);
  });

  it('has profiles that name real concerns, with an owner (or not-applicable) and a reason', () => {
    for (const [id, profile] of Object.entries(PROFILES)) {
      for (const [concern, cell] of Object.entries(profile)) {
        assert.ok(isConcernId(concern), `${id}: unknown concern ${concern}`);
        assert.ok(cell && cell.reason.trim().length > 0, `${id}.${concern}: reason`);
        assert.ok(cell.owner !== undefined || cell.applicable === false, `${id}.${concern}: owner`);
        assert.match(cell.reason, /^[A-Z].*\.$/, `${id}.${concern}: one sentence`);
      }
    }
  });
});

describe('knowledge: tiers, concerns and ownership', () => {
  it('lists the three tiers with titles, summaries and examples', () => {
    assert.deepEqual(
      TIERS.map((t) => t.id),
      TIER_IDS,
    );
    for (const tier of TIERS) {
      assert.ok(tier.title && tier.summary && tier.examples.length > 0, tier.id);
      assert.equal(getTier(tier.id), tier);
    }
  });

  it('lists exactly the public concern ids, in order, each with a one-line meaning', () => {
    assert.deepEqual(
      CONCERNS.map((c) => c.id),
      CONCERN_IDS,
    );
    for (const c of CONCERNS) {
      assert.ok(c.title.length > 0 && c.meaning.length > 0 && !c.meaning.includes('\n'), c.id);
      assert.equal(getConcern(c.id), c);
    }
    assert.equal(isConcernId('data-at-rest'), true);
    assert.equal(isConcernId('data_at_rest'), false);
  });

  it('gives every tier an owner and a reason for every concern', () => {
    for (const tier of TIER_IDS) {
      for (const concern of CONCERN_IDS) {
        const cell = TIER_OWNERSHIP[tier][concern];
        assert.ok(['aws', 'customer', 'shared'].includes(cell.owner), `${tier}.${concern}`);
        assert.match(cell.reason, /^[A-Z].*\.$/, `${tier}.${concern}: one sentence`);
      }
      assert.deepEqual(Object.keys(TIER_OWNERSHIP[tier]).sort(), [...CONCERN_IDS].sort());
    }
  });

  it('makes AWS own the four physical concerns in every tier', () => {
    assert.deepEqual(
      [...PHYSICAL_CONCERNS],
      ['facilities', 'physical-hardware', 'network-infrastructure', 'virtualization'],
    );
    for (const tier of TIER_IDS) {
      for (const concern of PHYSICAL_CONCERNS)
        assert.equal(ownershipFor(tier, concern).owner, 'aws', `${tier}.${concern}`);
    }
  });

  it('moves more to AWS as the tier rises', () => {
    assert.equal(ownershipFor('infrastructure', 'operating-system').owner, 'customer');
    assert.equal(ownershipFor('container', 'operating-system').owner, 'aws');
    assert.equal(ownershipFor('abstracted', 'operating-system').owner, 'aws');
    assert.equal(ownershipFor('container', 'network-access').owner, 'customer');
    assert.equal(ownershipFor('abstracted', 'identity-access').owner, 'customer');
    assert.equal(ownershipFor('abstracted', 'tagging').owner, 'customer');
    assert.equal(ownershipFor('container', 'backup-dr').owner, 'shared');
  });

  it('builds one row per concern, in order, for any type', () => {
    for (const type of ['AWS::S3::Bucket', 'aws_instance', 'AWS::Foo::Bar']) {
      const table = ownershipTable(type);
      assert.deepEqual(
        table.rows.map((r) => r.concern),
        CONCERN_IDS,
      );
      for (const row of table.rows) assert.ok(row.title && row.reason, `${type}.${row.concern}`);
    }
  });

  it('gives unclassified types AWS for the physical concerns and shared for the rest', () => {
    const table = ownershipTable('AWS::Foo::Bar');
    assert.equal(table.classification.tier, 'unclassified');
    for (const row of table.rows) {
      const physical = (PHYSICAL_CONCERNS as readonly string[]).includes(row.concern);
      assert.equal(row.owner, physical ? 'aws' : 'shared', row.concern);
      if (!physical) assert.match(row.reason, /not classified/);
    }
  });
});

describe('knowledge: spot checks', () => {
  function expect(type: string, tier: string, serviceId: string, hints?: Parameters<typeof classifyType>[1]): void {
    const c = classifyType(type, hints);
    assert.equal(c.tier, tier, `${type}: tier`);
    assert.equal(c.serviceId, serviceId, `${type}: service`);
  }
  function owner(type: string, concern: ConcernId, hints?: Parameters<typeof classifyType>[1]): string {
    const row = ownershipTable(type, hints).rows.find((r) => r.concern === concern);
    return row ? row.owner : 'missing';
  }

  it('classifies the seed examples', () => {
    expect('AWS::EC2::Instance', 'infrastructure', 'ec2');
    expect('aws_instance', 'infrastructure', 'ec2');
    expect('AWS::RDS::DBInstance', 'container', 'rds');
    expect('aws_db_instance', 'container', 'rds');
    expect('aws_rds_cluster', 'container', 'rds');
    expect('AWS::S3::Bucket', 'abstracted', 's3');
    expect('aws_s3_bucket', 'abstracted', 's3');
    expect('aws_s3control_access_point_policy', 'abstracted', 's3');
    expect('AWS::DynamoDB::Table', 'abstracted', 'dynamodb');
    expect('aws_sqs_queue', 'abstracted', 'sqs');
    expect('aws_glacier_vault', 'abstracted', 'glacier');
    expect('AWS::ElasticBeanstalk::Environment', 'container', 'elastic-beanstalk');
    expect('AWS::EMR::Cluster', 'container', 'emr');
    expect('aws_autoscaling_group', 'infrastructure', 'autoscaling');
    expect('aws_ebs_volume', 'infrastructure', 'ebs');
    expect('AWS::EC2::Volume', 'infrastructure', 'ebs');
  });

  it('classifies Terraform names that do not follow the service prefix', () => {
    expect('aws_eip', 'infrastructure', 'vpc');
    expect('aws_vpc', 'infrastructure', 'vpc');
    expect('aws_subnet', 'infrastructure', 'vpc');
    expect('aws_default_security_group', 'infrastructure', 'vpc');
    expect('aws_flow_log', 'infrastructure', 'vpc');
    expect('aws_launch_template', 'infrastructure', 'ec2');
    expect('aws_launch_configuration', 'infrastructure', 'autoscaling');
    expect('aws_lb', 'container', 'elb');
    expect('aws_alb_listener', 'container', 'elb');
    expect('aws_elb', 'container', 'elb');
    expect('aws_cloudwatch_log_group', 'abstracted', 'cloudwatch-logs');
    expect('aws_cloudwatch_event_rule', 'abstracted', 'eventbridge');
    expect('aws_cloudwatch_metric_alarm', 'abstracted', 'cloudwatch');
    expect('aws_kinesis_firehose_delivery_stream', 'abstracted', 'data-firehose');
    expect('aws_route53_zone', 'abstracted', 'route53');
    expect('aws_route_table', 'infrastructure', 'vpc');
  });

  it('puts EC2 networking types in the VPC service, where images and OS do not apply', () => {
    expect('aws_security_group', 'infrastructure', 'vpc');
    expect('AWS::EC2::VPC', 'infrastructure', 'vpc');
    expect('AWS::EC2::SecurityGroupIngress', 'infrastructure', 'vpc');
    expect('AWS::EC2::NetworkAclEntry', 'infrastructure', 'vpc');
    expect('AWS::EC2::TransitGatewayAttachment', 'infrastructure', 'transit-gateway');
    expect('AWS::EC2::VPNConnection', 'infrastructure', 'site-to-site-vpn');
    const os = ownershipTable('aws_security_group').rows.find((r) => r.concern === 'operating-system');
    assert.equal(os?.applicable, false);
    assert.equal(owner('aws_security_group', 'network-access'), 'customer');
  });

  it('makes AWS own the OS and image of Lambda functions, whatever the syntax', () => {
    for (const type of ['aws_lambda_function', 'AWS::Lambda::Function', 'AWS::Serverless::Function']) {
      expect(type, 'abstracted', 'lambda');
      assert.equal(owner(type, 'operating-system'), 'aws', type);
      assert.equal(owner(type, 'machine-image'), 'aws', type);
      assert.equal(owner(type, 'applications'), 'customer', type);
      assert.equal(ownershipFor('abstracted', 'operating-system', type).owner, 'aws', type);
    }
    // a container-image function brings its own OS layers
    assert.equal(owner('aws_lambda_function', 'machine-image', { packageType: 'Image' }), 'customer');
  });

  it('expands AWS SAM types into the services they deploy', () => {
    expect('AWS::Serverless::SimpleTable', 'abstracted', 'dynamodb');
    expect('AWS::Serverless::Api', 'abstracted', 'api-gateway');
    expect('AWS::Serverless::HttpApi', 'abstracted', 'api-gateway');
    expect('AWS::Serverless::StateMachine', 'abstracted', 'step-functions');
    expect('AWS::Serverless::GraphQLApi', 'abstracted', 'appsync');
    expect('AWS::Serverless::LayerVersion', 'abstracted', 'lambda');
    expect('AWS::Serverless::Connector', 'abstracted', 'iam');
  });

  it('follows the launch type of ECS and Batch', () => {
    expect('aws_ecs_service', 'container', 'ecs');
    assert.equal(owner('aws_ecs_service', 'operating-system'), 'shared');

    const fargate = classifyType('aws_ecs_service', { launchType: 'FARGATE' });
    assert.equal(fargate.tier, 'container');
    assert.equal(fargate.profile, 'fargate');
    assert.equal(owner('aws_ecs_service', 'operating-system', { launchType: 'fargate' }), 'aws');
    assert.equal(owner('aws_ecs_service', 'machine-image', { launchType: 'FARGATE' }), 'customer');

    expect('AWS::ECS::Service', 'infrastructure', 'ecs', { launchType: 'EC2' });
    assert.equal(owner('AWS::ECS::Service', 'operating-system', { launchType: 'EC2' }), 'customer');
    expect('aws_batch_compute_environment', 'infrastructure', 'batch', { launchType: 'SPOT' });
    expect('aws_batch_compute_environment', 'container', 'batch', { launchType: 'FARGATE_SPOT' });
    assert.equal(owner('aws_ecs_service', 'facilities', { launchType: 'EXTERNAL' }), 'customer');

    expect('aws_eks_fargate_profile', 'container', 'eks');
    assert.equal(owner('AWS::EKS::FargateProfile', 'operating-system'), 'aws');
    assert.equal(owner('AWS::EKS::Nodegroup', 'operating-system'), 'shared');
  });

  it('splits Lightsail by what each resource is', () => {
    expect('AWS::Lightsail::Instance', 'infrastructure', 'lightsail');
    assert.equal(owner('AWS::Lightsail::Instance', 'operating-system'), 'customer');
    expect('AWS::Lightsail::Database', 'container', 'lightsail');
    expect('aws_lightsail_bucket', 'abstracted', 'lightsail');
    expect('aws_lightsail_container_service', 'container', 'lightsail');
  });

  it('states current AWS defaults for data at rest', () => {
    assert.equal(owner('AWS::S3::Bucket', 'data-at-rest'), 'shared');
    assert.match(
      ownershipTable('aws_s3_bucket').rows.find((r) => r.concern === 'data-at-rest')?.reason ?? '',
      /SSE-S3 by default/,
    );
    assert.match(
      ownershipTable('aws_s3_bucket').rows.find((r) => r.concern === 'network-access')?.reason ?? '',
      /block public access/,
    );
    assert.equal(owner('aws_s3_bucket', 'data-in-transit'), 'customer');
    assert.equal(owner('AWS::DynamoDB::Table', 'data-at-rest'), 'shared');
    assert.equal(owner('aws_sqs_queue', 'data-at-rest'), 'shared');
    assert.equal(owner('aws_sns_topic', 'data-at-rest'), 'customer');
    assert.equal(owner('aws_db_instance', 'data-at-rest'), 'customer');
    assert.equal(owner('aws_ebs_volume', 'data-at-rest'), 'customer');
  });

  it('gives AWS Outposts facilities to the customer', () => {
    expect('AWS::Outposts::Outpost', 'infrastructure', 'outposts');
    assert.equal(owner('AWS::Outposts::Outpost', 'facilities'), 'customer');
  });

  it('classifies the Alexa skill type', () => {
    expect('Alexa::ASK::Skill', 'abstracted', 'alexa-skills-kit');
  });

  it('leaves custom resources unclassified, with a reason', () => {
    for (const type of ['AWS::CloudFormation::CustomResource', 'Custom::DatabaseUser']) {
      const c = classifyType(type);
      assert.equal(c.tier, 'unclassified', type);
      assert.equal(c.serviceId, 'custom-resource', type);
      assert.match(c.note ?? '', /handler/);
    }
  });

  it('classifies a Cloud Control API resource as the type it manages', () => {
    expect('aws_cloudcontrolapi_resource', 'unclassified', 'cloud-control-api');
    const c = classifyType('aws_cloudcontrolapi_resource', { typeName: 'AWS::S3::Bucket' });
    assert.equal(c.type, 'aws_cloudcontrolapi_resource');
    assert.equal(c.serviceId, 's3');
    assert.equal(c.tier, 'abstracted');
  });

  it('classifies unknown types in known namespaces, but marks them unknown', () => {
    const c = classifyType('AWS::S3::SomethingNew');
    assert.equal(c.serviceId, 's3');
    assert.equal(c.basis, 'namespace');
    assert.equal(c.known, false);
  });

  it('returns unclassified for unknown types without throwing', () => {
    const c = classifyType('AWS::Foo::Bar');
    assert.equal(c.tier, 'unclassified');
    assert.equal(c.serviceId, 'unclassified');
    assert.equal(c.basis, 'unclassified');
    for (const weird of ['', '   ', 'AWS::', '::', 'aws_', 'aws', 'x'.repeat(10_000), null, undefined, 42]) {
      assert.doesNotThrow(() => classifyType(weird as unknown as string));
      assert.equal(classifyType(weird as unknown as string).tier, 'unclassified');
      assert.doesNotThrow(() => ownershipTable(weird as unknown as string));
      assert.doesNotThrow(() => closestTypes(weird as unknown as string));
    }
    assert.equal(classifyType('google_compute_instance').tier, 'unclassified');
  });
});

describe('knowledge: closestTypes', () => {
  it('suggests the type a typo meant', () => {
    assert.ok(closestTypes('AWS::S3::Buckt').includes('AWS::S3::Bucket'));
    assert.equal(closestTypes('aws::s3::bucket')[0], 'AWS::S3::Bucket');
    assert.equal(closestTypes('aws_s3_buckt')[0], 'aws_s3_bucket');
    assert.equal(closestTypes('aws_instnace')[0], 'aws_instance');
    assert.equal(closestTypes('AWS::Lambda::Functoin')[0], 'AWS::Lambda::Function');
  });

  it('finds types from a fragment and respects the limit', () => {
    const found = closestTypes('bucket', 3);
    assert.equal(found.length, 3);
    assert.ok(found.includes('aws_s3_bucket') || found.includes('AWS::S3::Bucket'));
    assert.deepEqual(closestTypes('AWS::S3::Bucket', 0), []);
  });

  it('suggests nothing for nonsense', () => {
    assert.deepEqual(closestTypes('zzzzzzzzzzzzzzzzzzzzzzzzzzzzz'), []);
  });
});

describe('knowledge: lookups', () => {
  it('returns the same frozen object for repeated lookups', () => {
    const a = classifyType('aws_s3_bucket');
    assert.equal(classifyType('aws_s3_bucket'), a);
    assert.ok(Object.isFrozen(a));
  });
});
