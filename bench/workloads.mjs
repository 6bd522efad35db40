// Deterministic workloads for the benchmark: CloudFormation templates (YAML and JSON) and Terraform
// modules with a realistic mix of resource types, intrinsics, references and misconfigurations.
// Same seed, same text, on every machine.

/** mulberry32: a small, fast, seedable PRNG. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------------------------------------
// CloudFormation: one model, written as YAML (short-form intrinsics) or JSON (long form).

const fn = (name, args) => ({ __fn: name, args });
const ref = (target) => fn('Ref', target);
const getAtt = (resource, attribute) => fn('GetAtt', `${resource}.${attribute}`);
const sub = (text) => fn('Sub', text);
const iff = (condition, a, b) => fn('If', [condition, a, b]);

const tags = (rnd, i) => {
  const list = [
    { Key: 'Name', Value: sub(`\${AWS::StackName}-res-${i}`) },
    { Key: 'team', Value: `team-${i % 17}` },
  ];
  if (rnd() < 0.5) list.push({ Key: 'owner', Value: `owner-${i % 7}@example.com` });
  return list;
};

/** Resource makers by weight: each returns [logicalId, body] pairs (some add a companion). */
const CFN_KINDS = [
  [
    6,
    (rnd, i) => {
      const props = { BucketName: sub(`\${AWS::StackName}-data-${i}`), Tags: tags(rnd, i) };
      if (rnd() < 0.6)
        props.BucketEncryption = {
          ServerSideEncryptionConfiguration: [
            { ServerSideEncryptionByDefault: { SSEAlgorithm: rnd() < 0.5 ? 'aws:kms' : 'AES256' } },
          ],
        };
      if (rnd() < 0.5) props.VersioningConfiguration = { Status: rnd() < 0.8 ? 'Enabled' : 'Suspended' };
      if (rnd() < 0.5)
        props.PublicAccessBlockConfiguration = {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: rnd() < 0.8,
          RestrictPublicBuckets: true,
        };
      if (rnd() < 0.3)
        props.LoggingConfiguration = { DestinationBucketName: ref('LogBucket'), LogFilePrefix: `bucket-${i}/` };
      const out = [[`Bucket${i}`, { Type: 'AWS::S3::Bucket', DeletionPolicy: 'Retain', Properties: props }]];
      if (rnd() < 0.4) {
        out.push([
          `Bucket${i}Policy`,
          {
            Type: 'AWS::S3::BucketPolicy',
            Properties: {
              Bucket: ref(`Bucket${i}`),
              PolicyDocument: {
                Version: '2012-10-17',
                Statement: [
                  {
                    Effect: 'Allow',
                    Principal: rnd() < 0.3 ? '*' : { AWS: sub('arn:aws:iam::${AWS::AccountId}:root') },
                    Action: 's3:GetObject',
                    Resource: sub(`arn:aws:s3:::\${Bucket${i}}/*`),
                  },
                ],
              },
            },
          },
        ]);
      }
      return out;
    },
  ],
  [
    5,
    (rnd, i) => {
      const ingress = [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '0.0.0.0/0' }];
      if (rnd() < 0.3)
        ingress.push({ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: rnd() < 0.5 ? '0.0.0.0/0' : '10.0.0.0/8' });
      if (rnd() < 0.15) ingress.push({ IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, CidrIp: '0.0.0.0/0' });
      return [
        [
          `Sg${i}`,
          {
            Type: 'AWS::EC2::SecurityGroup',
            Properties: {
              GroupDescription: `service ${i}`,
              VpcId: ref('VpcId'),
              SecurityGroupIngress: ingress,
              Tags: tags(rnd, i),
            },
          },
        ],
      ];
    },
  ],
  [
    4,
    (rnd, i) => {
      const props = {
        ImageId: ref('AmiId'),
        InstanceType: rnd() < 0.5 ? 't3.micro' : 'm6i.large',
        SubnetId: ref('SubnetId'),
        SecurityGroupIds: [ref('SharedSg')],
        Tags: tags(rnd, i),
      };
      if (rnd() < 0.4) props.KeyName = ref('KeyName');
      if (rnd() < 0.5) props.MetadataOptions = { HttpTokens: 'required', HttpEndpoint: 'enabled' };
      if (rnd() < 0.5) props.IamInstanceProfile = ref('InstanceProfile');
      if (rnd() < 0.3)
        props.BlockDeviceMappings = [{ DeviceName: '/dev/xvda', Ebs: { VolumeSize: 20, Encrypted: rnd() < 0.5 } }];
      if (rnd() < 0.2)
        props.UserData = fn('Base64', sub('#!/bin/bash\nyum update -y\necho ${AWS::StackName} > /etc/stack\n'));
      return [[`Instance${i}`, { Type: 'AWS::EC2::Instance', Properties: props }]];
    },
  ],
  [
    3,
    (rnd, i) => {
      const props = {
        Engine: rnd() < 0.5 ? 'postgres' : 'mysql',
        DBInstanceClass: 'db.t3.medium',
        AllocatedStorage: '100',
        MasterUsername: 'admin',
        MasterUserPassword: rnd() < 0.2 ? 'Sup3rSecret!' : ref('DbPassword'),
        StorageEncrypted: iff('IsProd', true, rnd() < 0.5),
        MultiAZ: rnd() < 0.5,
        BackupRetentionPeriod: rnd() < 0.2 ? 0 : 7,
        VPCSecurityGroups: [getAtt(`DbSg${i}`, 'GroupId')],
        Tags: tags(rnd, i),
      };
      if (rnd() < 0.3) props.PubliclyAccessible = true;
      if (rnd() < 0.5) props.DeletionProtection = true;
      return [
        [
          `DbSg${i}`,
          { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: `db ${i}`, VpcId: ref('VpcId') } },
        ],
        [`Db${i}`, { Type: 'AWS::RDS::DBInstance', DeletionPolicy: 'Snapshot', Properties: props }],
      ];
    },
  ],
  [
    3,
    (rnd, i) => {
      const props = {
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        Tags: tags(rnd, i),
      };
      if (rnd() < 0.5) props.PointInTimeRecoverySpecification = { PointInTimeRecoveryEnabled: true };
      if (rnd() < 0.4) props.SSESpecification = { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: ref('DataKey') };
      return [[`Table${i}`, { Type: 'AWS::DynamoDB::Table', Properties: props }]];
    },
  ],
  [
    3,
    (rnd, i) => [
      [
        `Queue${i}`,
        {
          Type: 'AWS::SQS::Queue',
          Properties:
            rnd() < 0.5
              ? { KmsMasterKeyId: ref('DataKey'), Tags: tags(rnd, i) }
              : { VisibilityTimeout: 60, Tags: tags(rnd, i) },
        },
      ],
    ],
  ],
  [
    2,
    (rnd, i) => [
      [
        `Topic${i}`,
        {
          Type: 'AWS::SNS::Topic',
          Properties:
            rnd() < 0.5 ? { KmsMasterKeyId: 'alias/aws/sns' } : { TopicName: sub(`\${AWS::StackName}-topic-${i}`) },
        },
      ],
    ],
  ],
  [
    4,
    (rnd, i) => {
      const statement =
        rnd() < 0.2
          ? { Effect: 'Allow', Action: '*', Resource: '*' }
          : {
              Effect: 'Allow',
              Action: ['s3:GetObject', 's3:PutObject'],
              Resource: sub('arn:aws:s3:::${AWS::StackName}-*/*'),
            };
      const role = {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
          },
          ManagedPolicyArns: ['arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'],
          Policies: [{ PolicyName: `fn-${i}`, PolicyDocument: { Version: '2012-10-17', Statement: [statement] } }],
        },
      };
      const env = { STAGE: ref('Stage'), TABLE: `table-${i}` };
      if (rnd() < 0.15) env.API_KEY = 'AKIAIOSFODNN7EXAMPLE';
      const fnProps = {
        Role: getAtt(`Role${i}`, 'Arn'),
        Runtime: 'nodejs20.x',
        Handler: 'index.handler',
        Code: { ZipFile: 'exports.handler = async () => ({ statusCode: 200 });' },
        Environment: { Variables: env },
        Tags: tags(rnd, i),
      };
      return [
        [`Role${i}`, role],
        [`Function${i}`, { Type: 'AWS::Lambda::Function', Properties: fnProps }],
      ];
    },
  ],
  [
    2,
    (rnd, i) => [
      [
        `Key${i}`,
        {
          Type: 'AWS::KMS::Key',
          Properties: {
            EnableKeyRotation: rnd() < 0.6,
            KeyPolicy: {
              Version: '2012-10-17',
              Statement: [
                {
                  Effect: 'Allow',
                  Principal: { AWS: sub('arn:aws:iam::${AWS::AccountId}:root') },
                  Action: 'kms:*',
                  Resource: '*',
                },
              ],
            },
          },
        },
      ],
    ],
  ],
  [
    2,
    (rnd, i) => [
      [
        `Volume${i}`,
        {
          Type: 'AWS::EC2::Volume',
          Properties: {
            Size: 100,
            AvailabilityZone: ref('AvailabilityZone'),
            Encrypted: rnd() < 0.6,
            Tags: tags(rnd, i),
          },
        },
      ],
    ],
  ],
  [
    1,
    (rnd, i) => [
      [
        `Repo${i}`,
        {
          Type: 'AWS::ECR::Repository',
          Properties: {
            ImageScanningConfiguration: { ScanOnPush: rnd() < 0.5 },
            ImageTagMutability: rnd() < 0.5 ? 'IMMUTABLE' : 'MUTABLE',
          },
        },
      ],
    ],
  ],
  [
    2,
    (rnd, i) => [
      [
        `Logs${i}`,
        {
          Type: 'AWS::Logs::LogGroup',
          Properties: { LogGroupName: sub(`/app/\${AWS::StackName}/${i}`), RetentionInDays: 30 },
        },
      ],
    ],
  ],
  [
    1,
    (rnd, i) => [
      [
        `Subnet${i}`,
        {
          Type: 'AWS::EC2::Subnet',
          Properties: {
            VpcId: ref('VpcId'),
            CidrBlock: `10.${i % 250}.${i % 7}.0/24`,
            MapPublicIpOnLaunch: rnd() < 0.4,
          },
        },
      ],
    ],
  ],
  [
    1,
    (rnd, i) => [
      [
        `Cache${i}`,
        {
          Type: 'AWS::ElastiCache::ReplicationGroup',
          Properties: {
            ReplicationGroupDescription: `cache ${i}`,
            Engine: 'redis',
            CacheNodeType: 'cache.t3.micro',
            NumCacheClusters: 2,
            AtRestEncryptionEnabled: rnd() < 0.5,
            TransitEncryptionEnabled: rnd() < 0.5,
          },
        },
      ],
    ],
  ],
];

function pick(rnd, kinds) {
  const total = kinds.reduce((sum, [w]) => sum + w, 0);
  let r = rnd() * total;
  for (const [w, make] of kinds) {
    if ((r -= w) < 0) return make;
  }
  return kinds[kinds.length - 1][1];
}

/** A template model with exactly `count` resources. */
export function cloudFormationModel(count, seed = 1) {
  const rnd = random(seed);
  const resources = {
    LogBucket: {
      Type: 'AWS::S3::Bucket',
      Properties: {
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
        },
        VersioningConfiguration: { Status: 'Enabled' },
      },
    },
  };
  let n = 1;
  for (let i = 0; n < count; i++) {
    for (const [id, body] of pick(rnd, CFN_KINDS)(rnd, i)) {
      if (n >= count) break;
      resources[id] = body;
      n++;
    }
  }
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `Benchmark template with ${count} resources`,
    Parameters: {
      Stage: { Type: 'String', Default: 'dev', AllowedValues: ['dev', 'prod'] },
      VpcId: { Type: 'AWS::EC2::VPC::Id' },
      SubnetId: { Type: 'AWS::EC2::Subnet::Id' },
      SharedSg: { Type: 'AWS::EC2::SecurityGroup::Id' },
      AmiId: {
        Type: 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>',
        Default: '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64',
      },
      KeyName: { Type: 'AWS::EC2::KeyPair::KeyName' },
      InstanceProfile: { Type: 'String' },
      AvailabilityZone: { Type: 'AWS::EC2::AvailabilityZone::Name' },
      DbPassword: { Type: 'String', NoEcho: true },
      DataKey: { Type: 'String', Default: 'alias/app-data' },
    },
    Conditions: { IsProd: fn('Equals', [ref('Stage'), 'prod']) },
    Resources: resources,
  };
}

const PLAIN = /^[A-Za-z_/][A-Za-z0-9_./:@-]*$/;
const RESERVED = /^(true|false|yes|no|on|off|null|y|n|~)$/i;

function yamlScalar(value) {
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (PLAIN.test(value) && !RESERVED.test(value)) return value;
  return `'${value.replace(/'/g, "''")}'`;
}

function yamlFlow(value) {
  if (Array.isArray(value)) return `[${value.map(yamlFlow).join(', ')}]`;
  if (value && typeof value === 'object' && value.__fn) return `!${value.__fn} ${yamlFlow(value.args)}`;
  return yamlScalar(value);
}

function isInline(value) {
  if (value === null || typeof value !== 'object') return !(typeof value === 'string' && value.includes('\n'));
  if (value.__fn)
    return (
      isInline(value.args) ||
      (Array.isArray(value.args) &&
        value.args.every((a) => isInline(a) && !(a && typeof a === 'object' && !a.__fn && !Array.isArray(a))))
    );
  return Array.isArray(value) && value.length > 0 && value.every((v) => v === null || typeof v !== 'object' || v.__fn);
}

function yamlBlock(value, indent) {
  const pad = ' '.repeat(indent);
  const lines = [];
  if (Array.isArray(value)) {
    for (const item of value) {
      if (item && typeof item === 'object' && !item.__fn && !Array.isArray(item)) {
        const body = yamlBlock(item, indent + 2);
        lines.push(`${pad}- ${body.slice(indent + 2)}`);
      } else {
        lines.push(`${pad}- ${yamlFlow(item)}`);
      }
    }
    return lines.join('\n');
  }
  for (const [key, v] of Object.entries(value)) {
    if (typeof v === 'string' && v.includes('\n'))
      lines.push(
        `${pad}${key}: |\n${v
          .trimEnd()
          .split('\n')
          .map((l) => `${pad}  ${l}`)
          .join('\n')}`,
      );
    else if (
      v &&
      typeof v === 'object' &&
      v.__fn &&
      typeof v.args === 'object' &&
      v.args?.__fn &&
      typeof v.args.args === 'string' &&
      v.args.args.includes('\n')
    ) {
      lines.push(
        `${pad}${key}:\n${pad}  Fn::${v.__fn}: !${v.args.__fn} |\n${v.args.args
          .trimEnd()
          .split('\n')
          .map((l) => `${pad}    ${l}`)
          .join('\n')}`,
      );
    } else if (isInline(v)) lines.push(`${pad}${key}: ${yamlFlow(v)}`);
    else lines.push(`${pad}${key}:\n${yamlBlock(v, indent + 2)}`);
  }
  return lines.join('\n');
}

function toLongForm(value) {
  if (Array.isArray(value)) return value.map(toLongForm);
  if (value && typeof value === 'object') {
    if (value.__fn) {
      const name = value.__fn === 'Ref' ? 'Ref' : `Fn::${value.__fn}`;
      const args = value.__fn === 'GetAtt' ? value.args.split('.') : toLongForm(value.args);
      return { [name]: args };
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toLongForm(v)]));
  }
  return value;
}

export function cloudFormationYaml(count, seed = 1) {
  return `${yamlBlock(cloudFormationModel(count, seed), 0)}\n`;
}

export function cloudFormationJson(count, seed = 1) {
  return `${JSON.stringify(toLongForm(cloudFormationModel(count, seed)), null, 2)}\n`;
}

/** The smallest generated YAML template with at least `lines` lines. */
export function cloudFormationYamlOfLines(lines, seed = 1) {
  let low = 1;
  let high = lines;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (cloudFormationYaml(mid, seed).split('\n').length - 1 >= lines) high = mid;
    else low = mid + 1;
  }
  return cloudFormationYaml(low, seed);
}

// ---------------------------------------------------------------------------------------------
// Terraform: one module of `files` files; companions and references cross files.

const TF_KINDS = [
  [
    6,
    (rnd, i, at) => {
      const blocks = [
        [
          at(0),
          `resource "aws_s3_bucket" "data_${i}" {\n  bucket = "\${var.prefix}-data-${i}"\n  tags   = merge(local.common_tags, { Name = "data-${i}" })\n}\n`,
        ],
      ];
      if (rnd() < 0.7)
        blocks.push([
          at(1),
          `resource "aws_s3_bucket_versioning" "data_${i}" {\n  bucket = aws_s3_bucket.data_${i}.id\n\n  versioning_configuration {\n    status = "${rnd() < 0.8 ? 'Enabled' : 'Suspended'}"\n  }\n}\n`,
        ]);
      if (rnd() < 0.6)
        blocks.push([
          at(2),
          `resource "aws_s3_bucket_server_side_encryption_configuration" "data_${i}" {\n  bucket = aws_s3_bucket.data_${i}.id\n\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm     = "aws:kms"\n      kms_master_key_id = aws_kms_key.shared.arn\n    }\n  }\n}\n`,
        ]);
      if (rnd() < 0.6)
        blocks.push([
          at(3),
          `resource "aws_s3_bucket_public_access_block" "data_${i}" {\n  bucket                  = aws_s3_bucket.data_${i}.id\n  block_public_acls       = true\n  block_public_policy     = ${rnd() < 0.8}\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n}\n`,
        ]);
      if (rnd() < 0.2)
        blocks.push([
          at(4),
          `resource "aws_s3_bucket_policy" "data_${i}" {\n  bucket = aws_s3_bucket.data_${i}.id\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Effect    = "Allow"\n      Principal = ${rnd() < 0.4 ? '"*"' : '{ AWS = "arn:aws:iam::123456789012:root" }'}\n      Action    = "s3:GetObject"\n      Resource  = "\${aws_s3_bucket.data_${i}.arn}/*"\n    }]\n  })\n}\n`,
        ]);
      return blocks;
    },
  ],
  [
    5,
    (rnd, i, at) => {
      const rules = [
        `  ingress {\n    description = "https"\n    from_port   = 443\n    to_port     = 443\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n`,
      ];
      if (rnd() < 0.3)
        rules.push(
          `  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = [${rnd() < 0.5 ? '"0.0.0.0/0"' : 'var.admin_cidr'}]\n  }\n`,
        );
      if (rnd() < 0.2)
        rules.push(
          `  dynamic "ingress" {\n    for_each = var.extra_ports\n    content {\n      from_port   = ingress.value\n      to_port     = ingress.value\n      protocol    = "tcp"\n      cidr_blocks = ["10.0.0.0/8"]\n    }\n  }\n`,
        );
      rules.push(
        `  egress {\n    from_port   = 0\n    to_port     = 0\n    protocol    = "-1"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n`,
      );
      return [
        [
          at(0),
          `resource "aws_security_group" "svc_${i}" {\n  name_prefix = "svc-${i}-"\n  vpc_id      = var.vpc_id\n\n${rules.join('\n')}\n  tags = local.common_tags\n}\n`,
        ],
      ];
    },
  ],
  [
    4,
    (rnd, i, at) => {
      const lines = [
        `  ami                    = data.aws_ami.al2023.id`,
        `  instance_type          = "${rnd() < 0.5 ? 't3.micro' : 'm6i.large'}"`,
        `  subnet_id              = var.subnet_ids[${i % 3}]`,
        `  vpc_security_group_ids = [aws_security_group.shared.id]`,
      ];
      if (rnd() < 0.3) lines.push(`  associate_public_ip_address = true`);
      if (rnd() < 0.4) lines.push(`  key_name = var.key_name`);
      if (rnd() < 0.5) lines.push(`  iam_instance_profile = aws_iam_instance_profile.shared.name`);
      if (rnd() < 0.5)
        lines.push(`\n  metadata_options {\n    http_tokens   = "required"\n    http_endpoint = "enabled"\n  }`);
      if (rnd() < 0.4)
        lines.push(`\n  root_block_device {\n    volume_size = 20\n    encrypted   = ${rnd() < 0.5}\n  }`);
      if (rnd() < 0.1) lines.push(`  count = var.replicas`);
      return [
        [
          at(0),
          `resource "aws_instance" "app_${i}" {\n${lines.join('\n')}\n\n  tags = merge(local.common_tags, { Name = "app-${i}" })\n}\n`,
        ],
      ];
    },
  ],
  [
    3,
    (rnd, i, at) => [
      [
        at(0),
        `resource "aws_db_subnet_group" "db_${i}" {\n  name       = "db-${i}"\n  subnet_ids = var.subnet_ids\n}\n`,
      ],
      [
        at(1),
        `resource "aws_db_instance" "db_${i}" {\n  identifier              = "db-${i}"\n  engine                  = "${rnd() < 0.5 ? 'postgres' : 'mysql'}"\n  instance_class          = "db.t3.medium"\n  allocated_storage       = 100\n  username                = "admin"\n  password                = ${rnd() < 0.2 ? '"Sup3rSecret!"' : 'var.db_password'}\n  db_subnet_group_name    = aws_db_subnet_group.db_${i}.name\n  storage_encrypted       = ${rnd() < 0.5 ? 'true' : 'var.encrypt'}\n  multi_az                = ${rnd() < 0.5}\n  publicly_accessible     = ${rnd() < 0.3}\n  backup_retention_period = ${rnd() < 0.2 ? 0 : 7}\n  deletion_protection     = ${rnd() < 0.5}\n  skip_final_snapshot     = true\n  tags                    = local.common_tags\n}\n`,
      ],
    ],
  ],
  [
    3,
    (rnd, i, at) => [
      [
        at(0),
        `resource "aws_dynamodb_table" "t_${i}" {\n  name         = "t-${i}"\n  billing_mode = "PAY_PER_REQUEST"\n  hash_key     = "pk"\n  range_key    = "sk"\n\n  attribute {\n    name = "pk"\n    type = "S"\n  }\n\n  attribute {\n    name = "sk"\n    type = "S"\n  }\n${rnd() < 0.5 ? '\n  point_in_time_recovery {\n    enabled = true\n  }\n' : ''}${rnd() < 0.4 ? '\n  server_side_encryption {\n    enabled     = true\n    kms_key_arn = aws_kms_key.shared.arn\n  }\n' : ''}}\n`,
      ],
    ],
  ],
  [
    3,
    (rnd, i, at) => [
      [
        at(0),
        `resource "aws_sqs_queue" "q_${i}" {\n  name = "q-${i}"\n${rnd() < 0.5 ? '  kms_master_key_id = aws_kms_key.shared.id\n' : '  visibility_timeout_seconds = 60\n'}  tags = local.common_tags\n}\n`,
      ],
    ],
  ],
  [
    2,
    (rnd, i, at) => [
      [
        at(0),
        `resource "aws_sns_topic" "topic_${i}" {\n  name = "topic-${i}"\n${rnd() < 0.5 ? '  kms_master_key_id = "alias/aws/sns"\n' : ''}}\n`,
      ],
    ],
  ],
  [
    4,
    (rnd, i, at) => [
      [
        at(0),
        `resource "aws_iam_role" "fn_${i}" {\n  name = "fn-${i}"\n  assume_role_policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Effect    = "Allow"\n      Principal = { Service = "lambda.amazonaws.com" }\n      Action    = "sts:AssumeRole"\n    }]\n  })\n}\n`,
      ],
      [
        at(1),
        `resource "aws_iam_role_policy" "fn_${i}" {\n  role = aws_iam_role.fn_${i}.id\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Effect   = "Allow"\n      Action   = ${rnd() < 0.2 ? '"*"' : '["s3:GetObject", "s3:PutObject"]'}\n      Resource = "*"\n    }]\n  })\n}\n`,
      ],
      [
        at(2),
        `resource "aws_lambda_function" "fn_${i}" {\n  function_name = "fn-${i}"\n  role          = aws_iam_role.fn_${i}.arn\n  runtime       = "nodejs20.x"\n  handler       = "index.handler"\n  filename      = "\${path.module}/fn.zip"\n\n  environment {\n    variables = {\n      STAGE = var.stage\n      TABLE = "t-${i}"${rnd() < 0.15 ? '\n      API_KEY = "AKIAIOSFODNN7EXAMPLE"' : ''}\n    }\n  }\n}\n`,
      ],
    ],
  ],
  [
    2,
    (rnd, i, at) => [
      [
        at(0),
        `resource "aws_kms_key" "k_${i}" {\n  description         = "key ${i}"\n  enable_key_rotation = ${rnd() < 0.6}\n}\n`,
      ],
    ],
  ],
  [
    2,
    (rnd, i, at) => [
      [
        at(0),
        `resource "aws_ebs_volume" "v_${i}" {\n  availability_zone = var.availability_zone\n  size              = 100\n  encrypted         = ${rnd() < 0.6}\n  tags              = local.common_tags\n}\n`,
      ],
    ],
  ],
  [
    1,
    (rnd, i, at) => [
      [
        at(0),
        `resource "aws_ecr_repository" "r_${i}" {\n  name                 = "r-${i}"\n  image_tag_mutability = "${rnd() < 0.5 ? 'IMMUTABLE' : 'MUTABLE'}"\n\n  image_scanning_configuration {\n    scan_on_push = ${rnd() < 0.5}\n  }\n}\n`,
      ],
    ],
  ],
  [
    2,
    (rnd, i, at) => [
      [
        at(0),
        `resource "aws_cloudwatch_log_group" "logs_${i}" {\n  name              = "/app/\${var.prefix}/${i}"\n  retention_in_days = 30\n}\n`,
      ],
    ],
  ],
  [
    1,
    (rnd, i, at) => [
      [
        at(0),
        `resource "aws_subnet" "s_${i}" {\n  vpc_id                  = var.vpc_id\n  cidr_block              = cidrsubnet(var.cidr, 8, ${i % 250})\n  map_public_ip_on_launch = ${rnd() < 0.4}\n}\n`,
      ],
    ],
  ],
];

/** A module of `files` files holding exactly `count` resource blocks. Returns [{ name, text }]. */
export function terraformModule(count, files = 20, seed = 1) {
  const rnd = random(seed);
  const names = Array.from({ length: files }, (_, k) =>
    k === 0 ? 'main.tf' : k === files - 1 ? 'outputs.tf' : `part-${String(k).padStart(2, '0')}.tf`,
  );
  const bodies = names.map(() => []);
  bodies[0].push(
    `terraform {\n  required_providers {\n    aws = {\n      source  = "hashicorp/aws"\n      version = "~> 5.0"\n    }\n  }\n}\n\nprovider "aws" {\n  region = var.region\n}\n`,
  );
  for (const [name, value] of [
    ['region', '"eu-west-1"'],
    ['prefix', '"bench"'],
    ['stage', '"dev"'],
    ['vpc_id', null],
    ['subnet_ids', null],
    ['key_name', null],
    ['admin_cidr', '"10.0.0.0/8"'],
    ['extra_ports', '[8080, 8443]'],
    ['replicas', '1'],
    ['db_password', null],
    ['encrypt', 'true'],
    ['availability_zone', '"eu-west-1a"'],
    ['cidr', '"10.0.0.0/16"'],
  ]) {
    bodies[0].push(
      `variable "${name}" {\n  type = any${value === null ? '' : `\n  default = ${value}`}${name === 'db_password' ? '\n  sensitive = true' : ''}\n}\n`,
    );
  }
  bodies[0].push(
    `locals {\n  common_tags = {\n    team  = "platform"\n    stage = var.stage\n  }\n}\n\ndata "aws_ami" "al2023" {\n  most_recent = true\n  owners      = ["amazon"]\n}\n`,
  );
  const fixed = [
    `resource "aws_kms_key" "shared" {\n  description         = "shared"\n  enable_key_rotation = true\n}\n`,
    `resource "aws_security_group" "shared" {\n  name_prefix = "shared-"\n  vpc_id      = var.vpc_id\n}\n`,
    `resource "aws_iam_instance_profile" "shared" {\n  name = "shared"\n  role = aws_iam_role.fn_0.name\n}\n`,
  ];
  let n = 0;
  for (const block of fixed) {
    bodies[1 + n].push(block);
    n++;
  }
  let cursor = 0;
  for (let i = 0; n < count; i++) {
    const base = cursor++;
    const at = (offset) => 1 + ((base + offset * 7) % (files - 2));
    for (const [file, text] of pick(rnd, TF_KINDS)(rnd, i, at)) {
      if (n >= count) break;
      bodies[file].push(text);
      n++;
    }
  }
  for (let k = 0; k < Math.min(count, 50); k++)
    bodies[files - 1].push(`output "kms_key_${k}" {\n  value = aws_kms_key.shared.arn\n}\n`);
  return names.map((name, k) => ({ name, text: bodies[k].join('\n') }));
}
