/**
 * The rule registry: every rule, imported by name and listed in id order. No discovery and no
 * import side effects. Retired ids stay here as comments so they are never reused.
 */
import type { Rule } from './rule';
import { rule as apigatewayOpenRoute } from './apigateway-open-route';
import { rule as apigatewayTlsPolicy } from './apigateway-tls-policy';
import { rule as autoscalingSingleAz } from './autoscaling-single-az';
import { rule as cloudformationParameterSecretWithoutNoecho } from './cloudformation-parameter-secret-without-noecho';
import { rule as cloudfrontViewerHttps } from './cloudfront-viewer-https';
import { rule as cloudtrailLogFileValidation } from './cloudtrail-log-file-validation';
import { rule as cloudtrailMultiRegion } from './cloudtrail-multi-region';
import { rule as dynamodbCustomerManagedKey } from './dynamodb-customer-managed-key';
import { rule as dynamodbDeletionProtection } from './dynamodb-deletion-protection';
import { rule as dynamodbPointInTimeRecovery } from './dynamodb-point-in-time-recovery';
import { rule as ebsDefaultEncryption } from './ebs-default-encryption';
import { rule as ebsVolumeEncryption } from './ebs-volume-encryption';
import { rule as ec2BlockDeviceEncryption } from './ec2-block-device-encryption';
import { rule as ec2DefaultSecurityGroupRules } from './ec2-default-security-group-rules';
import { rule as ec2Imdsv2Required } from './ec2-imdsv2-required';
import { rule as ec2InstanceProfileMissing } from './ec2-instance-profile-missing';
import { rule as ec2KeyPairCredential } from './ec2-key-pair-credential';
import { rule as ec2PublicIp } from './ec2-public-ip';
import { rule as ec2SecurityGroupAdminPortsOpen } from './ec2-security-group-admin-ports-open';
import { rule as ec2SecurityGroupAllTrafficOpen } from './ec2-security-group-all-traffic-open';
import { rule as ec2SecurityGroupDatabasePortsOpen } from './ec2-security-group-database-ports-open';
import { rule as ec2SecurityGroupEgressOpenDataStore } from './ec2-security-group-egress-open-data-store';
import { rule as ec2UserDataSecrets } from './ec2-user-data-secrets';
import { rule as ecrImageScanOnPush } from './ecr-image-scan-on-push';
import { rule as ecrTagImmutability } from './ecr-tag-immutability';
import { rule as ecsPrivilegedContainer } from './ecs-privileged-container';
import { rule as efsFileSystemEncryption } from './efs-file-system-encryption';
import { rule as eksPublicEndpoint } from './eks-public-endpoint';
import { rule as eksSecretsEncryption } from './eks-secrets-encryption';
import { rule as elasticacheAtRestEncryption } from './elasticache-at-rest-encryption';
import { rule as elasticacheAuthToken } from './elasticache-auth-token';
import { rule as elasticacheTransitEncryption } from './elasticache-transit-encryption';
import { rule as elasticbeanstalkHttpsListener } from './elasticbeanstalk-https-listener';
import { rule as elasticbeanstalkManagedUpdates } from './elasticbeanstalk-managed-updates';
import { rule as elbListenerHttps } from './elb-listener-https';
import { rule as emrBlockPublicAccess } from './emr-block-public-access';
import { rule as emrSecurityConfiguration } from './emr-security-configuration';
import { rule as glacierVaultLock } from './glacier-vault-lock';
import { rule as glacierVaultPolicyPublic } from './glacier-vault-policy-public';
import { rule as iamAccessKeyInTemplate } from './iam-access-key-in-template';
import { rule as iamPolicyAdminAccess } from './iam-policy-admin-access';
import { rule as iamPowerUserAccess } from './iam-power-user-access';
import { rule as iamRoleTrustAnyone } from './iam-role-trust-anyone';
import { rule as iamUserConsoleWithoutMfa } from './iam-user-console-without-mfa';
import { rule as kinesisStreamEncryption } from './kinesis-stream-encryption';
import { rule as kmsKeyRotation } from './kms-key-rotation';
import { rule as lambdaEnvironmentSecrets } from './lambda-environment-secrets';
import { rule as lambdaFunctionUrlPublic } from './lambda-function-url-public';
import { rule as opensearchEncryptionAtRest } from './opensearch-encryption-at-rest';
import { rule as opensearchEnforceHttps } from './opensearch-enforce-https';
import { rule as opensearchNodeToNodeEncryption } from './opensearch-node-to-node-encryption';
import { rule as rdsAutoMinorVersionUpgrade } from './rds-auto-minor-version-upgrade';
import { rule as rdsBackupRetention } from './rds-backup-retention';
import { rule as rdsDeletionProtection } from './rds-deletion-protection';
import { rule as rdsIamAuthentication } from './rds-iam-authentication';
import { rule as rdsMasterPasswordHardcoded } from './rds-master-password-hardcoded';
import { rule as rdsMultiAz } from './rds-multi-az';
import { rule as rdsPubliclyAccessible } from './rds-publicly-accessible';
import { rule as rdsStorageEncryption } from './rds-storage-encryption';
import { rule as redshiftEncryption } from './redshift-encryption';
import { rule as redshiftPubliclyAccessible } from './redshift-publicly-accessible';
import { rule as s3BucketAccessLogging } from './s3-bucket-access-logging';
import { rule as s3BucketPolicyPublic } from './s3-bucket-policy-public';
import { rule as s3BucketPolicyTlsOnly } from './s3-bucket-policy-tls-only';
import { rule as s3BucketSseKms } from './s3-bucket-sse-kms';
import { rule as s3BucketVersioning } from './s3-bucket-versioning';
import { rule as s3PublicAccessBlockDisabled } from './s3-public-access-block-disabled';
import { rule as s3PublicAcl } from './s3-public-acl';
import { rule as secretsHardcoded } from './secrets-hardcoded';
import { rule as serviceRetired } from './service-retired';
import { rule as sesTlsRequired } from './ses-tls-required';
import { rule as snsTopicEncryption } from './sns-topic-encryption';
import { rule as sqsQueueEncryption } from './sqs-queue-encryption';
import { rule as sqsSnsPolicyPublic } from './sqs-sns-policy-public';
import { rule as sqsSnsTlsOnlyPolicy } from './sqs-sns-tls-only-policy';
import { rule as taggingRequiredTags } from './tagging-required-tags';
import { rule as vpcFlowLogs } from './vpc-flow-logs';
import { rule as vpcNetworkAclAllowAll } from './vpc-network-acl-allow-all';
import { rule as vpcSubnetPublicIpOnLaunch } from './vpc-subnet-public-ip-on-launch';

export const RULES: readonly Rule[] = [
  apigatewayOpenRoute,
  apigatewayTlsPolicy,
  autoscalingSingleAz,
  cloudformationParameterSecretWithoutNoecho,
  cloudfrontViewerHttps,
  cloudtrailLogFileValidation,
  cloudtrailMultiRegion,
  dynamodbCustomerManagedKey,
  dynamodbDeletionProtection,
  dynamodbPointInTimeRecovery,
  ebsDefaultEncryption,
  ebsVolumeEncryption,
  ec2BlockDeviceEncryption,
  ec2DefaultSecurityGroupRules,
  ec2Imdsv2Required,
  ec2InstanceProfileMissing,
  ec2KeyPairCredential,
  ec2PublicIp,
  ec2SecurityGroupAdminPortsOpen,
  ec2SecurityGroupAllTrafficOpen,
  ec2SecurityGroupDatabasePortsOpen,
  ec2SecurityGroupEgressOpenDataStore,
  ec2UserDataSecrets,
  ecrImageScanOnPush,
  ecrTagImmutability,
  ecsPrivilegedContainer,
  efsFileSystemEncryption,
  eksPublicEndpoint,
  eksSecretsEncryption,
  elasticacheAtRestEncryption,
  elasticacheAuthToken,
  elasticacheTransitEncryption,
  elasticbeanstalkHttpsListener,
  elasticbeanstalkManagedUpdates,
  elbListenerHttps,
  emrBlockPublicAccess,
  emrSecurityConfiguration,
  glacierVaultLock,
  glacierVaultPolicyPublic,
  iamAccessKeyInTemplate,
  iamPolicyAdminAccess,
  iamPowerUserAccess,
  iamRoleTrustAnyone,
  iamUserConsoleWithoutMfa,
  kinesisStreamEncryption,
  kmsKeyRotation,
  lambdaEnvironmentSecrets,
  lambdaFunctionUrlPublic,
  opensearchEncryptionAtRest,
  opensearchEnforceHttps,
  opensearchNodeToNodeEncryption,
  rdsAutoMinorVersionUpgrade,
  rdsBackupRetention,
  rdsDeletionProtection,
  rdsIamAuthentication,
  rdsMasterPasswordHardcoded,
  rdsMultiAz,
  rdsPubliclyAccessible,
  rdsStorageEncryption,
  redshiftEncryption,
  redshiftPubliclyAccessible,
  s3BucketAccessLogging,
  s3BucketPolicyPublic,
  s3BucketPolicyTlsOnly,
  s3BucketSseKms,
  s3BucketVersioning,
  s3PublicAccessBlockDisabled,
  s3PublicAcl,
  secretsHardcoded,
  serviceRetired,
  sesTlsRequired,
  snsTopicEncryption,
  sqsQueueEncryption,
  sqsSnsPolicyPublic,
  sqsSnsTlsOnlyPolicy,
  taggingRequiredTags,
  vpcFlowLogs,
  vpcNetworkAclAllowAll,
  vpcSubnetPublicIpOnLaunch,
];
