/**
 * Registers a reviewer would sign: one asset per main resource with its configuration resources,
 * policies, subnets and routes as parts; no asset for resources of other providers; and a statement
 * of applicability that claims 5.12 and 8.8 only with the evidence they need.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Analyzer } from '../../../src/engine/analyzer';
import { parseConfig } from '../../../src/engine/config';
import {
  assetParents,
  mergeIsms,
  parseIsmsState,
  scanIsms,
  serializeIsmsState,
  type IsmsScan,
} from '../../../src/isms';
import { CORPUS, needsShared } from '../../corpus';

const TODAY = '2026-12-07';

async function scan(files: { path: string; text: string }[], classificationTag?: string): Promise<IsmsScan> {
  return scanIsms(await new Analyzer().analyze(files), { today: TODAY, classificationTag });
}

const NETWORK = `Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16
  Gateway:
    Type: AWS::EC2::InternetGateway
  GatewayAttachment:
    Type: AWS::EC2::VPCGatewayAttachment
    Properties:
      InternetGatewayId: !Ref Gateway
      VpcId: !Ref Vpc
  PublicSubnet:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: 10.0.1.0/24
  PublicRoutes:
    Type: AWS::EC2::RouteTable
    Properties:
      VpcId: !Ref Vpc
  DefaultRoute:
    Type: AWS::EC2::Route
    Properties:
      RouteTableId: !Ref PublicRoutes
      DestinationCidrBlock: 0.0.0.0/0
      GatewayId: !Ref Gateway
  SubnetRoutes:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties:
      SubnetId: !Ref PublicSubnet
      RouteTableId: !Ref PublicRoutes
  Queue:
    Type: AWS::SQS::Queue
  QueuePolicy:
    Type: AWS::SQS::QueuePolicy
    Properties:
      Queues: [!Ref Queue]
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal: "*"
            Action: sqs:SendMessage
            Resource: !GetAtt Queue.Arn
  Bucket:
    Type: AWS::S3::Bucket
  BucketPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Bucket
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal: "*"
            Action: s3:GetObject
            Resource: !Sub "\${Bucket.Arn}/*"
  OtherBucketPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref BucketName
      PolicyDocument:
        Statement:
          - Effect: Deny
            Principal: "*"
            Action: s3:*
            Resource: "*"
Parameters:
  BucketName:
    Type: String
`;

const TERRAFORM = `resource "aws_s3_bucket" "logs" {
  bucket = "logs"
}

resource "aws_s3_bucket_versioning" "logs" {
  bucket = aws_s3_bucket.logs.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_public_access_block" "logs" {
  bucket                  = aws_s3_bucket.logs.id
  block_public_acls       = false
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_policy" "logs" {
  bucket = aws_s3_bucket.logs.id
  policy = "{}"
}

resource "random_id" "suffix" {
  byte_length = 4
}

resource "null_resource" "wait" {}

resource "time_sleep" "later" {
  create_duration = "30s"
}
`;

describe('ISMS assets are assets', () => {
  it('folds subnets, routes, route tables, associations and attachments into their VPC, a policy into its queue or bucket', async () => {
    const { assets } = await scan([{ path: 'stack.yaml', text: NETWORK }]);
    assert.deepEqual(
      assets.map((a) => [a.name, a.class, a.parts ?? []]),
      [
        ['Bucket', 'business-information', ['BucketPolicy']],
        ['Gateway', 'network', []],
        ['Queue', 'process', ['QueuePolicy']],
        ['Vpc', 'network', ['DefaultRoute', 'GatewayAttachment', 'PublicRoutes', 'PublicSubnet', 'SubnetRoutes']],
      ],
    );
  });

  it('names the main resource of each supporting one', async () => {
    const analysis = await new Analyzer().analyze([{ path: 'stack.yaml', text: NETWORK }]);
    assert.deepEqual([...assetParents(analysis.units[0])].sort(), [
      ['BucketPolicy', 'Bucket'],
      ['DefaultRoute', 'Vpc'],
      ['GatewayAttachment', 'Vpc'],
      ['PublicRoutes', 'Vpc'],
      ['PublicSubnet', 'Vpc'],
      ['QueuePolicy', 'Queue'],
      ['SubnetRoutes', 'Vpc'],
    ]);
  });

  it('puts the findings of a configuration resource on its bucket, and lists no other provider', async () => {
    const { assets, risks } = await scan([{ path: 'main.tf', text: TERRAFORM }]);
    assert.deepEqual(
      assets.map((a) => [a.id, a.parts]),
      [
        [
          'main.tf#aws_s3_bucket.logs',
          ['aws_s3_bucket_policy.logs', 'aws_s3_bucket_public_access_block.logs', 'aws_s3_bucket_versioning.logs'],
        ],
      ],
    );
    const blocked = risks.find((r) => r.ruleId === 's3-public-access-block-disabled');
    assert.equal(blocked?.asset, 'main.tf#aws_s3_bucket.logs');
    for (const risk of risks) assert.equal(risk.asset, 'main.tf#aws_s3_bucket.logs', risk.id);
  });

  it('keeps parts through the state file and drops them when they go', async () => {
    const first = mergeIsms(undefined, await scan([{ path: 'main.tf', text: TERRAFORM }]), TODAY);
    const text = serializeIsmsState(first);
    const read = parseIsmsState(text);
    assert.deepEqual(read.assets[0].parts, first.assets[0].parts);
    const alone = TERRAFORM.slice(0, TERRAFORM.indexOf('resource "aws_s3_bucket_versioning"'));
    const second = mergeIsms(read, await scan([{ path: 'main.tf', text: alone }]), TODAY);
    assert.equal(second.assets[0].parts, undefined);
    assert.equal(second.assets[0].status, 'active');
  });

  it('makes one asset of the corpus module terraform-aws-s3-bucket (was seven: the bucket and six configuration resources)', async function () {
    needsShared(this, 'corpus');
    const dir = path.join(CORPUS, 'terraform-aws-s3-bucket');
    const files = ['main.tf', 'variables.tf', 'outputs.tf', 'versions.tf'].map((name) => ({
      path: path.join(dir, name),
      text: readFileSync(path.join(dir, name), 'utf8'),
    }));
    const { assets } = await scan(files);
    assert.deepEqual(
      assets.map((a) => [a.name, a.parts]),
      [
        [
          'aws_s3_bucket.this[0]',
          [
            'aws_s3_bucket_acl.this',
            'aws_s3_bucket_cors_configuration.this',
            'aws_s3_bucket_intelligent_tiering_configuration.this',
            'aws_s3_bucket_lifecycle_configuration.this',
            'aws_s3_bucket_metric.this',
            'aws_s3_bucket_public_access_block.this[0]',
          ],
        ],
      ],
    );
  });
});

const TAGGED = (tags: string) => `Resources:
  Records:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration:
        Status: Enabled
      Tags:${tags}
  Table:
    Type: AWS::DynamoDB::Table
    Properties:
      KeySchema: [{ AttributeName: id, KeyType: HASH }]
      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
      BillingMode: PAY_PER_REQUEST
      Tags:
        - Key: data-classification
          Value: internal
`;

describe('statement of applicability claims only what it can show', () => {
  const control = (s: IsmsScan, id: string) => s.controls.find((c) => c.id === id);

  it('5.12: any tag is not a classification; the configured key on every asset is', async () => {
    const some = TAGGED('\n        - Key: owner\n          Value: data-team');
    const withoutKey = control(await scan([{ path: 's.yaml', text: some }]), '5.12');
    assert.equal(withoutKey?.suggested, 'partial');
    assert.equal(
      withoutKey?.missing,
      'no classification tag key is configured (classificationTag in .srlens.yaml); any tag is not a classification',
    );
    const oneMissing = control(await scan([{ path: 's.yaml', text: some }], 'data-classification'), '5.12');
    assert.equal(oneMissing?.suggested, 'partial');
    assert.equal(oneMissing?.missing, "the classification tag 'data-classification' on 1 of 2 assets (Records)");
    const all = TAGGED('\n        - Key: data-classification\n          Value: confidential');
    const complete = control(await scan([{ path: 's.yaml', text: all }], 'data-classification'), '5.12');
    assert.equal(complete?.missing, undefined);
    assert.equal(complete?.suggested, 'yes');
  });

  const INSTANCE = `Resources:
  Server:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-12345678
      MetadataOptions:
        HttpTokens: required
  Database:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      AutoMinorVersionUpgrade: true
`;

  it('8.8: instances whose operating system is yours need patching evidence', async () => {
    const without = control(await scan([{ path: 'i.yaml', text: INSTANCE }]), '8.8');
    assert.notEqual(without?.suggested, 'yes');
    assert.equal(
      without?.missing,
      'patching evidence for 1 resource whose operating system is yours (Server): an SSM patch baseline, a patching association or maintenance window task (AWS-RunPatchBaseline), or Amazon Inspector',
    );
    const patched = `${INSTANCE}  Patching:
    Type: AWS::SSM::Association
    Properties:
      Name: AWS-RunPatchBaseline
      Targets:
        - Key: InstanceIds
          Values: [!Ref Server]
`;
    assert.equal(control(await scan([{ path: 'i.yaml', text: patched }]), '8.8')?.missing, undefined);
    const other = patched.replace('AWS-RunPatchBaseline', 'AWS-RunShellScript');
    assert.notEqual(control(await scan([{ path: 'i.yaml', text: other }]), '8.8')?.missing, undefined);
    const baseline = `${INSTANCE}  Baseline:
    Type: AWS::SSM::PatchBaseline
    Properties:
      Name: linux
`;
    assert.equal(control(await scan([{ path: 'i.yaml', text: baseline }]), '8.8')?.missing, undefined);
    const inspector = `resource "aws_instance" "web" {
  ami           = "ami-12345678"
  instance_type = "t3.micro"
}

resource "aws_inspector2_enabler" "scan" {
  account_ids    = ["123456789012"]
  resource_types = ["EC2"]
}
`;
    assert.equal(control(await scan([{ path: 'main.tf', text: inspector }]), '8.8')?.missing, undefined);
    // without instances, nothing is missing
    const managed = INSTANCE.slice(INSTANCE.indexOf('  Database:'));
    assert.equal(control(await scan([{ path: 'm.yaml', text: `Resources:\n${managed}` }]), '8.8')?.missing, undefined);
  });

  it('reads classificationTag from .srlens.yaml', () => {
    const ok = parseConfig('.srlens.yaml', 'classificationTag: data-classification\n', new Set());
    assert.equal(ok.config.classificationTag, 'data-classification');
    assert.deepEqual(ok.findings, []);
    const bad = parseConfig('.srlens.yaml', 'classificationTag: [a, b]\n', new Set());
    assert.equal(bad.config.classificationTag, undefined);
    assert.equal(
      bad.findings[0]?.message,
      "You · Configuration and policies: 'classificationTag' must be a tag key, such as data-classification",
    );
  });
});
