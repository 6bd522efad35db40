/** The role of a resource type: outside the AWS model, supporting another resource, or a main resource. */
import { strict as assert } from 'node:assert';
import { SUPPORTING_TYPES, isOutsideModel, providerOf, resourceRole } from '../../../src/knowledge/resource-roles';

describe('resource roles', () => {
  const table: [type: string, role: 'main' | 'supporting' | 'outside', provider: string | undefined][] = [
    ['aws_s3_bucket', 'main', 'aws'],
    ['aws_s3_bucket_versioning', 'supporting', 'aws'],
    ['aws_s3_bucket_server_side_encryption_configuration', 'supporting', 'aws'],
    ['aws_s3_bucket_policy', 'supporting', 'aws'],
    ['aws_s3_bucket_public_access_block', 'supporting', 'aws'],
    ['aws_s3_account_public_access_block', 'main', 'aws'],
    ['aws_sqs_queue', 'main', 'aws'],
    ['aws_sqs_queue_policy', 'supporting', 'aws'],
    ['AWS::SQS::QueuePolicy', 'supporting', 'AWS'],
    ['AWS::S3::BucketPolicy', 'supporting', 'AWS'],
    ['AWS::S3::Bucket', 'main', 'AWS'],
    ['AWS::EC2::VPC', 'main', 'AWS'],
    ['AWS::EC2::Subnet', 'supporting', 'AWS'],
    ['AWS::EC2::Route', 'supporting', 'AWS'],
    ['AWS::EC2::RouteTable', 'supporting', 'AWS'],
    ['AWS::EC2::SubnetRouteTableAssociation', 'supporting', 'AWS'],
    ['AWS::EC2::VPCGatewayAttachment', 'supporting', 'AWS'],
    ['AWS::EC2::InternetGateway', 'main', 'AWS'],
    ['AWS::EC2::SecurityGroup', 'main', 'AWS'],
    ['AWS::EC2::SecurityGroupIngress', 'supporting', 'AWS'],
    ['aws_security_group_rule', 'supporting', 'aws'],
    ['aws_vpc_security_group_ingress_rule', 'supporting', 'aws'],
    ['aws_route', 'supporting', 'aws'],
    ['aws_route_table', 'supporting', 'aws'],
    ['aws_route_table_association', 'supporting', 'aws'],
    ['aws_subnet', 'supporting', 'aws'],
    ['aws_vpc', 'main', 'aws'],
    ['aws_iam_role', 'main', 'aws'],
    ['aws_iam_role_policy_attachment', 'supporting', 'aws'],
    ['aws_lambda_permission', 'supporting', 'aws'],
    ['AWS::KMS::Alias', 'supporting', 'AWS'],
    ['AWS::RDS::DBInstance', 'main', 'AWS'],
    ['AWS::RDS::DBSubnetGroup', 'supporting', 'AWS'],
    ['AWS::DMS::ReplicationSubnetGroup', 'supporting', 'AWS'],
    ['aws_db_parameter_group', 'supporting', 'aws'],
    ['aws_elasticache_subnet_group', 'supporting', 'aws'],
    ['AWS::RDS::DBClusterParameterGroup', 'supporting', 'AWS'],
    ['awscc_s3_bucket', 'main', 'awscc'],
    ['Custom::Seed', 'main', 'Custom'],
    ['random_id', 'outside', 'random'],
    ['null_resource', 'outside', 'null'],
    ['time_sleep', 'outside', 'time'],
    ['tls_private_key', 'outside', 'tls'],
    ['local_file', 'outside', 'local'],
    ['archive_file', 'outside', 'archive'],
    ['kubernetes_namespace', 'outside', 'kubernetes'],
    ['MongoDB::Atlas::Cluster', 'outside', 'MongoDB'],
  ];
  for (const [type, role, provider] of table) {
    it(`${type}: ${role}, provider ${provider}`, () => {
      assert.equal(resourceRole(type), role);
      assert.equal(providerOf(type), provider);
      assert.equal(isOutsideModel(type), role === 'outside');
    });
  }

  it('gives every supporting pattern a reason', () => {
    for (const entry of SUPPORTING_TYPES) assert.ok(entry.why.length > 10, String(entry.pattern));
  });

  it('has no provider for text of neither shape', () => {
    assert.equal(providerOf(''), undefined);
    assert.equal(providerOf('bucket'), undefined);
    assert.equal(isOutsideModel('bucket'), false);
  });
});
