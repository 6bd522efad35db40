/** Every rule's test table, listed by name (the registry meta-test checks none is missing). */
import type { RuleCases } from './tester';
import { cases as apigatewayOpenRoute } from './apigateway-open-route.cases';
import { cases as apigatewayTlsPolicy } from './apigateway-tls-policy.cases';
import { cases as autoscalingSingleAz } from './autoscaling-single-az.cases';
import { cases as cloudformationParameterSecretWithoutNoecho } from './cloudformation-parameter-secret-without-noecho.cases';
import { cases as cloudfrontViewerHttps } from './cloudfront-viewer-https.cases';
import { cases as cloudtrailLogFileValidation } from './cloudtrail-log-file-validation.cases';
import { cases as cloudtrailMultiRegion } from './cloudtrail-multi-region.cases';
import { cases as dynamodbCustomerManagedKey } from './dynamodb-customer-managed-key.cases';
import { cases as dynamodbDeletionProtection } from './dynamodb-deletion-protection.cases';
import { cases as dynamodbPointInTimeRecovery } from './dynamodb-point-in-time-recovery.cases';
import { cases as ebsDefaultEncryption } from './ebs-default-encryption.cases';
import { cases as ebsVolumeEncryption } from './ebs-volume-encryption.cases';
import { cases as ec2BlockDeviceEncryption } from './ec2-block-device-encryption.cases';
import { cases as ec2DefaultSecurityGroupRules } from './ec2-default-security-group-rules.cases';
import { cases as ec2Imdsv2Required } from './ec2-imdsv2-required.cases';
import { cases as ec2InstanceProfileMissing } from './ec2-instance-profile-missing.cases';
import { cases as ec2KeyPairCredential } from './ec2-key-pair-credential.cases';
import { cases as ec2PublicIp } from './ec2-public-ip.cases';
import { cases as ec2SecurityGroupAdminPortsOpen } from './ec2-security-group-admin-ports-open.cases';
import { cases as ec2SecurityGroupAllTrafficOpen } from './ec2-security-group-all-traffic-open.cases';
import { cases as ec2SecurityGroupDatabasePortsOpen } from './ec2-security-group-database-ports-open.cases';
import { cases as ec2SecurityGroupEgressOpenDataStore } from './ec2-security-group-egress-open-data-store.cases';
import { cases as ec2UserDataSecrets } from './ec2-user-data-secrets.cases';
import { cases as ecrImageScanOnPush } from './ecr-image-scan-on-push.cases';
import { cases as ecrTagImmutability } from './ecr-tag-immutability.cases';
import { cases as ecsPrivilegedContainer } from './ecs-privileged-container.cases';
import { cases as efsFileSystemEncryption } from './efs-file-system-encryption.cases';
import { cases as eksPublicEndpoint } from './eks-public-endpoint.cases';
import { cases as eksSecretsEncryption } from './eks-secrets-encryption.cases';
import { cases as elasticacheAtRestEncryption } from './elasticache-at-rest-encryption.cases';
import { cases as elasticacheAuthToken } from './elasticache-auth-token.cases';
import { cases as elasticacheTransitEncryption } from './elasticache-transit-encryption.cases';
import { cases as elasticbeanstalkHttpsListener } from './elasticbeanstalk-https-listener.cases';
import { cases as elasticbeanstalkManagedUpdates } from './elasticbeanstalk-managed-updates.cases';
import { cases as elbListenerHttps } from './elb-listener-https.cases';
import { cases as emrBlockPublicAccess } from './emr-block-public-access.cases';
import { cases as emrSecurityConfiguration } from './emr-security-configuration.cases';
import { cases as glacierVaultLock } from './glacier-vault-lock.cases';
import { cases as glacierVaultPolicyPublic } from './glacier-vault-policy-public.cases';
import { cases as iamAccessKeyInTemplate } from './iam-access-key-in-template.cases';
import { cases as iamPolicyAdminAccess } from './iam-policy-admin-access.cases';
import { cases as iamPowerUserAccess } from './iam-power-user-access.cases';
import { cases as iamRoleTrustAnyone } from './iam-role-trust-anyone.cases';
import { cases as iamUserConsoleWithoutMfa } from './iam-user-console-without-mfa.cases';
import { cases as kinesisStreamEncryption } from './kinesis-stream-encryption.cases';
import { cases as kmsKeyRotation } from './kms-key-rotation.cases';
import { cases as lambdaEnvironmentSecrets } from './lambda-environment-secrets.cases';
import { cases as lambdaFunctionUrlPublic } from './lambda-function-url-public.cases';
import { cases as opensearchEncryptionAtRest } from './opensearch-encryption-at-rest.cases';
import { cases as opensearchEnforceHttps } from './opensearch-enforce-https.cases';
import { cases as opensearchNodeToNodeEncryption } from './opensearch-node-to-node-encryption.cases';
import { cases as rdsAutoMinorVersionUpgrade } from './rds-auto-minor-version-upgrade.cases';
import { cases as rdsBackupRetention } from './rds-backup-retention.cases';
import { cases as rdsDeletionProtection } from './rds-deletion-protection.cases';
import { cases as rdsIamAuthentication } from './rds-iam-authentication.cases';
import { cases as rdsMasterPasswordHardcoded } from './rds-master-password-hardcoded.cases';
import { cases as rdsMultiAz } from './rds-multi-az.cases';
import { cases as rdsPubliclyAccessible } from './rds-publicly-accessible.cases';
import { cases as rdsStorageEncryption } from './rds-storage-encryption.cases';
import { cases as redshiftEncryption } from './redshift-encryption.cases';
import { cases as redshiftPubliclyAccessible } from './redshift-publicly-accessible.cases';
import { cases as s3BucketAccessLogging } from './s3-bucket-access-logging.cases';
import { cases as s3BucketPolicyPublic } from './s3-bucket-policy-public.cases';
import { cases as s3BucketPolicyTlsOnly } from './s3-bucket-policy-tls-only.cases';
import { cases as s3BucketSseKms } from './s3-bucket-sse-kms.cases';
import { cases as s3BucketVersioning } from './s3-bucket-versioning.cases';
import { cases as s3PublicAccessBlockDisabled } from './s3-public-access-block-disabled.cases';
import { cases as s3PublicAcl } from './s3-public-acl.cases';
import { cases as secretsHardcoded } from './secrets-hardcoded.cases';
import { cases as serviceRetired } from './service-retired.cases';
import { cases as sesTlsRequired } from './ses-tls-required.cases';
import { cases as snsTopicEncryption } from './sns-topic-encryption.cases';
import { cases as sqsQueueEncryption } from './sqs-queue-encryption.cases';
import { cases as sqsSnsPolicyPublic } from './sqs-sns-policy-public.cases';
import { cases as sqsSnsTlsOnlyPolicy } from './sqs-sns-tls-only-policy.cases';
import { cases as taggingRequiredTags } from './tagging-required-tags.cases';
import { cases as vpcFlowLogs } from './vpc-flow-logs.cases';
import { cases as vpcNetworkAclAllowAll } from './vpc-network-acl-allow-all.cases';
import { cases as vpcSubnetPublicIpOnLaunch } from './vpc-subnet-public-ip-on-launch.cases';

export const ALL_CASES: readonly RuleCases[] = [
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
