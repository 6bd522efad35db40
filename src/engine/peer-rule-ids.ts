/**
 * Which of our rules another tool's check means, so that a suppression written for that tool
 * (`#checkov:skip=CKV_AWS_18`, `#trivy:ignore:AVD-AWS-0089`, cfn_nag `W35`, cfn-guard
 * `S3_BUCKET_LOGGING_ENABLED`) silences the same finding here. Mapped by meaning, not by title: a
 * peer id is listed under a rule only when a finding of that rule is what the peer check reports
 * too. One peer id may name several of our rules (Checkov's CKV_AWS_24 checks port 22, which two of
 * our security group rules cover), and an id we do not map silences nothing (`srlens scan
 * --verbose` lists it).
 *
 * Sources, as of PEER_TABLE_DATE:
 * - Checkov (bridgecrewio/checkov @ 03d5fdad8d61, 2026-08-20): `CKV_AWS_*`, `CKV2_AWS_*` ids of its
 *   CloudFormation and Terraform checks.
 * - Trivy (aquasecurity/trivy-checks @ 80e538226970, 2026-08-21): `AVD-AWS-NNNN` ids and the
 *   long ids tfsec used (`aws-<service>-<short code>`), which Trivy still accepts.
 * - cfn_nag (stelligent/cfn_nag @ 8b5f03da7420, 2022-06-07): `W` and `F` rule ids.
 * - cfn-guard: the AWS Guard Rules Registry names its rules after the AWS Config managed rules they
 *   mirror (`S3_BUCKET_VERSIONING_ENABLED`).
 *
 * Left unmapped on purpose: checks whose finding ours does not report. Trivy's AVD-AWS-0088 /
 * tfsec's aws-s3-enable-bucket-encryption, Checkov's CKV_AWS_19 and cfn_nag's W41 ask for any
 * bucket encryption, which S3 applies by default since January 2023 (Trivy deprecated its check);
 * our s3-bucket-sse-kms asks for a customer managed key, which those suppressions do not accept.
 */

export const PEER_TABLE_DATE = '2026-12-07';

export type PeerTool = 'checkov' | 'trivy' | 'tfsec' | 'cfn_nag' | 'cfn-guard';

export const PEER_TOOLS: readonly PeerTool[] = ['checkov', 'trivy', 'tfsec', 'cfn_nag', 'cfn-guard'];

interface PeerRow {
  rule: string;
  checkov?: string[];
  /** Trivy's AVD ids (`AVD-AWS-0089`). */
  avd?: string[];
  /** tfsec's long ids, which Trivy accepts too (`aws-s3-enable-bucket-logging`). */
  tfsec?: string[];
  cfnNag?: string[];
  guard?: string[];
}

/** Our rule → the peer checks that report the same thing. */
const ROWS: readonly PeerRow[] = [
  {
    rule: 'ec2-block-device-encryption',
    checkov: ['CKV_AWS_8'],
    avd: ['AVD-AWS-0131', 'AVD-AWS-0008'],
    tfsec: ['aws-ec2-enable-at-rest-encryption', 'aws-autoscaling-enable-at-rest-encryption'],
  },
  {
    rule: 'ec2-imdsv2-required',
    checkov: ['CKV_AWS_79'],
    avd: ['AVD-AWS-0028', 'AVD-AWS-0130'],
    tfsec: ['aws-ec2-enforce-http-token-imds', 'aws-autoscaling-enforce-http-token-imds'],
    guard: ['EC2_IMDSV2_CHECK'],
  },
  {
    rule: 'ec2-user-data-secrets',
    checkov: ['CKV_AWS_46'],
    avd: ['AVD-AWS-0029', 'AVD-AWS-0129', 'AVD-AWS-0122'],
    tfsec: [
      'aws-ec2-no-secrets-in-user-data',
      'aws-ec2-no-secrets-in-launch-template-user-data',
      'aws-autoscaling-no-secrets-in-user-data',
    ],
  },
  {
    rule: 'ec2-public-ip',
    checkov: ['CKV_AWS_88', 'CKV_AWS_389'],
    avd: ['AVD-AWS-0009'],
    tfsec: ['aws-autoscaling-no-public-ip'],
    guard: ['EC2_INSTANCE_NO_PUBLIC_IP'],
  },
  { rule: 'ec2-instance-profile-missing', checkov: ['CKV2_AWS_41'], guard: ['EC2_INSTANCE_PROFILE_ATTACHED'] },
  {
    rule: 'ebs-volume-encryption',
    checkov: ['CKV_AWS_3'],
    avd: ['AVD-AWS-0026'],
    tfsec: ['aws-ebs-enable-volume-encryption'],
    cfnNag: ['F1'],
    guard: ['ENCRYPTED_VOLUMES'],
  },
  { rule: 'ebs-default-encryption', checkov: ['CKV_AWS_106'], guard: ['EC2_EBS_ENCRYPTION_BY_DEFAULT'] },
  {
    rule: 'ec2-security-group-admin-ports-open',
    checkov: ['CKV_AWS_24', 'CKV_AWS_25'],
    avd: ['AVD-AWS-0107'],
    tfsec: ['aws-ec2-no-public-ingress-sgr'],
    cfnNag: ['W2'],
    guard: ['INCOMING_SSH_DISABLED', 'RESTRICTED_INCOMING_TRAFFIC'],
  },
  {
    rule: 'ec2-security-group-all-traffic-open',
    checkov: ['CKV_AWS_24', 'CKV_AWS_25', 'CKV_AWS_277'],
    avd: ['AVD-AWS-0107'],
    tfsec: ['aws-ec2-no-public-ingress-sgr'],
    cfnNag: ['W2', 'W42'],
    guard: ['INCOMING_SSH_DISABLED', 'RESTRICTED_INCOMING_TRAFFIC', 'VPC_SG_OPEN_ONLY_TO_AUTHORIZED_PORTS'],
  },
  {
    rule: 'ec2-security-group-database-ports-open',
    cfnNag: ['W2'],
    guard: ['RESTRICTED_INCOMING_TRAFFIC', 'VPC_SG_OPEN_ONLY_TO_AUTHORIZED_PORTS'],
  },
  {
    rule: 'ec2-security-group-egress-open-data-store',
    checkov: ['CKV_AWS_382'],
    avd: ['AVD-AWS-0104'],
    tfsec: ['aws-ec2-no-public-egress-sgr'],
    cfnNag: ['W5'],
  },
  {
    rule: 'ec2-default-security-group-rules',
    checkov: ['CKV2_AWS_12'],
    avd: ['AVD-AWS-0173'],
    guard: ['VPC_DEFAULT_SECURITY_GROUP_CLOSED'],
  },
  {
    rule: 'vpc-flow-logs',
    checkov: ['CKV2_AWS_11'],
    avd: ['AVD-AWS-0178'],
    tfsec: ['aws-ec2-require-vpc-flow-logs-for-all-vpcs'],
    guard: ['VPC_FLOW_LOGS_ENABLED'],
  },
  {
    rule: 'vpc-subnet-public-ip-on-launch',
    checkov: ['CKV_AWS_130'],
    avd: ['AVD-AWS-0164'],
    tfsec: ['aws-ec2-no-public-ip-subnet'],
    cfnNag: ['W33'],
    guard: ['SUBNET_AUTO_ASSIGN_PUBLIC_IP_DISABLED'],
  },
  {
    rule: 'vpc-network-acl-allow-all',
    checkov: ['CKV_AWS_352'],
    avd: ['AVD-AWS-0102'],
    tfsec: ['aws-ec2-no-excessive-port-access'],
  },
  {
    rule: 'rds-storage-encryption',
    checkov: ['CKV_AWS_16', 'CKV_AWS_96'],
    avd: ['AVD-AWS-0080', 'AVD-AWS-0079'],
    tfsec: ['aws-rds-encrypt-instance-storage-data', 'aws-rds-encrypt-cluster-storage-data'],
    cfnNag: ['F26', 'F27'],
    guard: ['RDS_STORAGE_ENCRYPTED'],
  },
  {
    rule: 'rds-publicly-accessible',
    checkov: ['CKV_AWS_17'],
    avd: ['AVD-AWS-0180'],
    tfsec: ['aws-rds-no-public-db-access'],
    cfnNag: ['F22'],
    guard: ['RDS_INSTANCE_PUBLIC_ACCESS_CHECK'],
  },
  { rule: 'rds-multi-az', checkov: ['CKV_AWS_157'], guard: ['RDS_MULTI_AZ_SUPPORT'] },
  {
    rule: 'rds-backup-retention',
    checkov: ['CKV_AWS_133'],
    avd: ['AVD-AWS-0077'],
    tfsec: ['aws-rds-specify-backup-retention'],
    cfnNag: ['W75'],
    guard: ['DB_INSTANCE_BACKUP_ENABLED'],
  },
  {
    rule: 'rds-deletion-protection',
    checkov: ['CKV_AWS_293', 'CKV_AWS_139'],
    avd: ['AVD-AWS-0177', 'AVD-AWS-0343'],
    tfsec: ['aws-rds-enable-deletion-protection'],
    cfnNag: ['F80'],
    guard: ['RDS_INSTANCE_DELETION_PROTECTION_ENABLED'],
  },
  {
    rule: 'rds-iam-authentication',
    checkov: ['CKV_AWS_161', 'CKV_AWS_162'],
    avd: ['AVD-AWS-0176'],
    tfsec: ['aws-rds-enable-iam-authentication'],
  },
  { rule: 'rds-master-password-hardcoded', cfnNag: ['F23'] },
  {
    rule: 'rds-auto-minor-version-upgrade',
    checkov: ['CKV_AWS_226'],
    guard: ['RDS_AUTOMATIC_MINOR_VERSION_UPGRADE_ENABLED'],
  },
  {
    rule: 'emr-security-configuration',
    checkov: ['CKV2_AWS_55', 'CKV_AWS_349', 'CKV_AWS_350', 'CKV_AWS_351', 'CKV_AWS_171'],
    avd: ['AVD-AWS-0137', 'AVD-AWS-0138', 'AVD-AWS-0139'],
    cfnNag: ['W61'],
  },
  { rule: 'emr-block-public-access', checkov: ['CKV_AWS_390'] },
  {
    rule: 'elasticbeanstalk-managed-updates',
    checkov: ['CKV_AWS_340'],
    guard: ['ELASTIC_BEANSTALK_MANAGED_UPDATES_ENABLED'],
  },
  {
    rule: 'elasticache-at-rest-encryption',
    checkov: ['CKV_AWS_29'],
    avd: ['AVD-AWS-0045'],
    tfsec: ['aws-elasticache-enable-at-rest-encryption'],
    cfnNag: ['F25'],
  },
  {
    rule: 'elasticache-transit-encryption',
    checkov: ['CKV_AWS_30', 'CKV_AWS_31'],
    avd: ['AVD-AWS-0051'],
    tfsec: ['aws-elasticache-enable-in-transit-encryption'],
    cfnNag: ['F33'],
  },
  { rule: 'elasticache-auth-token', checkov: ['CKV_AWS_31'] },
  { rule: 'redshift-encryption', checkov: ['CKV_AWS_64'], avd: ['AVD-AWS-0084'], cfnNag: ['F28'] },
  {
    rule: 'redshift-publicly-accessible',
    checkov: ['CKV_AWS_87'],
    avd: ['AVD-AWS-0127'],
    guard: ['REDSHIFT_CLUSTER_PUBLIC_ACCESS_CHECK'],
  },
  {
    rule: 'eks-secrets-encryption',
    checkov: ['CKV_AWS_58'],
    avd: ['AVD-AWS-0039'],
    tfsec: ['aws-eks-encrypt-secrets'],
    cfnNag: ['W82'],
    guard: ['EKS_SECRETS_ENCRYPTED'],
  },
  {
    rule: 'eks-public-endpoint',
    checkov: ['CKV_AWS_39', 'CKV_AWS_38'],
    avd: ['AVD-AWS-0040', 'AVD-AWS-0041'],
    tfsec: ['aws-eks-no-public-cluster-access', 'aws-eks-no-public-cluster-access-to-cidr'],
    guard: ['EKS_ENDPOINT_NO_PUBLIC_ACCESS'],
  },
  { rule: 'ecs-privileged-container', checkov: ['CKV_AWS_334'], guard: ['ECS_CONTAINERS_NONPRIVILEGED'] },
  {
    rule: 'ecr-image-scan-on-push',
    checkov: ['CKV_AWS_163'],
    avd: ['AVD-AWS-0030'],
    tfsec: ['aws-ecr-enable-image-scans'],
    guard: ['ECR_PRIVATE_IMAGE_SCANNING_ENABLED'],
  },
  {
    rule: 'ecr-tag-immutability',
    checkov: ['CKV_AWS_51'],
    avd: ['AVD-AWS-0031'],
    tfsec: ['aws-ecr-enforce-immutable-repository'],
    guard: ['ECR_PRIVATE_TAG_IMMUTABILITY_ENABLED'],
  },
  {
    rule: 'efs-file-system-encryption',
    checkov: ['CKV_AWS_42'],
    avd: ['AVD-AWS-0037'],
    tfsec: ['aws-efs-enable-at-rest-encryption'],
    guard: ['EFS_ENCRYPTED_CHECK'],
  },
  {
    rule: 's3-bucket-versioning',
    checkov: ['CKV_AWS_21'],
    avd: ['AVD-AWS-0090'],
    tfsec: ['aws-s3-enable-versioning'],
    guard: ['S3_BUCKET_VERSIONING_ENABLED'],
  },
  {
    rule: 's3-bucket-access-logging',
    checkov: ['CKV_AWS_18'],
    avd: ['AVD-AWS-0089'],
    tfsec: ['aws-s3-enable-bucket-logging'],
    cfnNag: ['W35'],
    guard: ['S3_BUCKET_LOGGING_ENABLED'],
  },
  {
    rule: 's3-bucket-sse-kms',
    checkov: ['CKV_AWS_145'],
    avd: ['AVD-AWS-0132'],
    tfsec: ['aws-s3-encryption-customer-key'],
    guard: ['S3_DEFAULT_ENCRYPTION_KMS'],
  },
  {
    rule: 's3-public-access-block-disabled',
    checkov: ['CKV_AWS_53', 'CKV_AWS_54', 'CKV_AWS_55', 'CKV_AWS_56', 'CKV2_AWS_6'],
    avd: ['AVD-AWS-0086', 'AVD-AWS-0087', 'AVD-AWS-0091', 'AVD-AWS-0093', 'AVD-AWS-0094'],
    tfsec: [
      'aws-s3-block-public-acls',
      'aws-s3-block-public-policy',
      'aws-s3-ignore-public-acls',
      'aws-s3-no-public-buckets',
      'aws-s3-specify-public-access-block',
    ],
    guard: ['S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED'],
  },
  {
    rule: 's3-public-acl',
    checkov: ['CKV_AWS_20', 'CKV_AWS_57', 'CKV2_AWS_43', 'CKV_AWS_379'],
    avd: ['AVD-AWS-0092'],
    tfsec: ['aws-s3-no-public-access-with-acl'],
    cfnNag: ['W31', 'F14'],
    guard: ['S3_BUCKET_PUBLIC_READ_PROHIBITED', 'S3_BUCKET_PUBLIC_WRITE_PROHIBITED'],
  },
  { rule: 's3-bucket-policy-public', checkov: ['CKV_AWS_70'], cfnNag: ['F16'] },
  { rule: 's3-bucket-policy-tls-only', guard: ['S3_BUCKET_SSL_REQUESTS_ONLY'] },
  { rule: 'glacier-vault-policy-public', checkov: ['CKV_AWS_167'] },
  {
    rule: 'dynamodb-customer-managed-key',
    checkov: ['CKV_AWS_119'],
    avd: ['AVD-AWS-0025'],
    tfsec: ['aws-dynamodb-table-customer-key'],
    cfnNag: ['W74'],
  },
  {
    rule: 'dynamodb-point-in-time-recovery',
    checkov: ['CKV_AWS_28', 'CKV_AWS_165'],
    avd: ['AVD-AWS-0024'],
    tfsec: ['aws-dynamodb-enable-recovery'],
    cfnNag: ['W78'],
    guard: ['DYNAMODB_PITR_ENABLED'],
  },
  {
    rule: 'sqs-queue-encryption',
    checkov: ['CKV_AWS_27'],
    avd: ['AVD-AWS-0096'],
    tfsec: ['aws-sqs-enable-queue-encryption'],
    cfnNag: ['W48'],
  },
  {
    rule: 'sqs-sns-policy-public',
    checkov: ['CKV_AWS_168', 'CKV_AWS_72', 'CKV_AWS_387'],
    avd: ['AVD-AWS-0097'],
    tfsec: ['aws-sqs-no-wildcards-in-policy-documents'],
    cfnNag: ['F21', 'F20', 'F7'],
  },
  {
    rule: 'sns-topic-encryption',
    checkov: ['CKV_AWS_26'],
    avd: ['AVD-AWS-0095'],
    tfsec: ['aws-sns-enable-topic-encryption'],
    guard: ['SNS_ENCRYPTED_KMS'],
  },
  { rule: 'ses-tls-required', checkov: ['CKV_AWS_365'] },
  {
    rule: 'iam-policy-admin-access',
    checkov: ['CKV_AWS_62', 'CKV_AWS_274'],
    avd: ['AVD-AWS-0057'],
    guard: ['IAM_POLICY_NO_STATEMENTS_WITH_ADMIN_ACCESS'],
  },
  { rule: 'iam-role-trust-anyone', checkov: ['CKV_AWS_60', 'CKV_AWS_61'], cfnNag: ['F2', 'F6'] },
  { rule: 'iam-user-console-without-mfa', checkov: ['CKV2_AWS_22'] },
  {
    rule: 'kms-key-rotation',
    checkov: ['CKV_AWS_7'],
    avd: ['AVD-AWS-0065'],
    tfsec: ['aws-kms-auto-rotate-keys'],
    cfnNag: ['F19'],
    guard: ['CMK_BACKING_KEY_ROTATION_ENABLED'],
  },
  { rule: 'lambda-environment-secrets', checkov: ['CKV_AWS_45'] },
  { rule: 'lambda-function-url-public', checkov: ['CKV_AWS_258'] },
  {
    rule: 'elb-listener-https',
    checkov: ['CKV_AWS_2', 'CKV2_AWS_20', 'CKV_AWS_103', 'CKV_AWS_376', 'CKV_AWS_127'],
    avd: ['AVD-AWS-0054', 'AVD-AWS-0047'],
    tfsec: ['aws-elb-http-not-used', 'aws-elb-use-secure-tls-policy'],
    cfnNag: ['W56', 'W55'],
    guard: ['ALB_HTTP_TO_HTTPS_REDIRECTION_CHECK', 'ELB_TLS_HTTPS_LISTENERS_ONLY'],
  },
  {
    rule: 'cloudtrail-multi-region',
    checkov: ['CKV_AWS_67'],
    avd: ['AVD-AWS-0014'],
    tfsec: ['aws-cloudtrail-enable-all-regions'],
  },
  {
    rule: 'cloudtrail-log-file-validation',
    checkov: ['CKV_AWS_36'],
    avd: ['AVD-AWS-0016'],
    tfsec: ['aws-cloudtrail-enable-log-validation'],
    guard: ['CLOUD_TRAIL_LOG_FILE_VALIDATION_ENABLED'],
  },
  { rule: 'kinesis-stream-encryption', checkov: ['CKV_AWS_43'], avd: ['AVD-AWS-0064'] },
  {
    rule: 'opensearch-encryption-at-rest',
    checkov: ['CKV_AWS_5'],
    avd: ['AVD-AWS-0048'],
    tfsec: ['aws-elastic-search-enable-domain-encryption'],
    guard: ['ELASTICSEARCH_ENCRYPTED_AT_REST', 'OPENSEARCH_ENCRYPTED_AT_REST'],
  },
  {
    rule: 'opensearch-node-to-node-encryption',
    checkov: ['CKV_AWS_6'],
    avd: ['AVD-AWS-0043'],
    tfsec: ['aws-elastic-search-enable-in-transit-encryption'],
    guard: ['ELASTICSEARCH_NODE_TO_NODE_ENCRYPTION_CHECK', 'OPENSEARCH_NODE_TO_NODE_ENCRYPTION_CHECK'],
  },
  {
    rule: 'opensearch-enforce-https',
    checkov: ['CKV_AWS_83'],
    avd: ['AVD-AWS-0046'],
    tfsec: ['aws-elastic-search-enforce-https'],
    guard: ['OPENSEARCH_HTTPS_REQUIRED'],
  },
  {
    rule: 'cloudfront-viewer-https',
    checkov: ['CKV_AWS_34'],
    avd: ['AVD-AWS-0012'],
    tfsec: ['aws-cloudfront-enforce-https'],
  },
  {
    rule: 'apigateway-open-route',
    checkov: ['CKV_AWS_59', 'CKV_AWS_309'],
    avd: ['AVD-AWS-0004'],
    tfsec: ['aws-api-gateway-no-public-access'],
    cfnNag: ['W59'],
  },
  {
    rule: 'apigateway-tls-policy',
    checkov: ['CKV_AWS_206'],
    avd: ['AVD-AWS-0005'],
    tfsec: ['aws-api-gateway-use-secure-tls-policy'],
  },
];

/** How each tool writes its ids: compared after this, so `ckv_aws_18` and `CKV_AWS_18` are one id. */
export function normalisePeerId(tool: PeerTool, id: string): string {
  const trimmed = id.trim();
  if (tool === 'tfsec' || (tool === 'trivy' && !/^avd-/i.test(trimmed))) return trimmed.toLowerCase();
  return trimmed.toUpperCase();
}

const TABLE: ReadonlyMap<PeerTool, ReadonlyMap<string, readonly string[]>> = build();

function build(): Map<PeerTool, Map<string, string[]>> {
  const table = new Map<PeerTool, Map<string, string[]>>(PEER_TOOLS.map((tool) => [tool, new Map()]));
  const add = (tool: PeerTool, ids: readonly string[] | undefined, rule: string) => {
    for (const id of ids ?? []) {
      const key = normalisePeerId(tool, id);
      const rules = table.get(tool)!.get(key) ?? [];
      if (!rules.includes(rule)) rules.push(rule);
      table.get(tool)!.set(key, rules);
    }
  };
  for (const row of ROWS) {
    add('checkov', row.checkov, row.rule);
    add('cfn_nag', row.cfnNag, row.rule);
    add('cfn-guard', row.guard, row.rule);
    // Trivy accepts both its AVD ids and tfsec's long ids; tfsec only the long ids (and the AVD ids
    // of its later releases).
    add('trivy', row.avd, row.rule);
    add('trivy', row.tfsec, row.rule);
    add('tfsec', row.tfsec, row.rule);
    add('tfsec', row.avd, row.rule);
  }
  return table;
}

/** Our rules a peer id means; empty when we map none. */
export function rulesForPeerId(tool: PeerTool, id: string): readonly string[] {
  return TABLE.get(tool)?.get(normalisePeerId(tool, id)) ?? [];
}

/** Every mapped peer id of a tool, for tests and docs. */
export function mappedPeerIds(tool: PeerTool): ReadonlyMap<string, readonly string[]> {
  return TABLE.get(tool) ?? new Map();
}
