/**
 * Which AWS Security Hub controls each rule checks, by meaning: the control's statement and its
 * AWS Config rule were read against what the rule reports (resource types, settings, values). A
 * rule with no counterpart in the catalog says so and why (`none`). Keyed by rule id; a test
 * checks that every rule is here and every id is in the generated table (security-hub.ts).
 *
 * Security Hub evaluates deployed resources; the rules read templates. "Checks" means: a template
 * the rule reports would, once deployed, fail the control (or the control would fail for the same
 * setting), and fixing the finding is what the control asks for.
 */
import { SECURITY_HUB_CONTROLS } from './security-hub';

export interface SecurityHubMapping {
  /** Control ids (`S3.5`), most specific first. */
  controls: readonly string[];
  /** Why there is no counterpart, when `controls` is empty. */
  none?: string;
  /**
   * The controls are per service (one "… should be tagged" control per resource type): a finding
   * names only those of its resource's service, the rule's page lists all of them.
   */
  perService?: true;
}

/** Security Hub's tagging controls: one per resource type, each backed by a `…-tagged` Config rule. */
const TAGGING_CONTROLS = SECURITY_HUB_CONTROLS.filter((c) => c.configRule?.endsWith('-tagged')).map((c) => c.id);

const NO_TEMPLATE_SECRET_CONTROL =
  'Security Hub has no control for secrets written into a template; it looks at deployed settings, where the value no longer shows where it came from';

export const RULE_SECURITY_HUB: Readonly<Partial<Record<string, SecurityHubMapping>>> = {
  // HTTP API routes (APIGateway.8); Security Hub has no control for REST API methods' authorization.
  'apigateway-open-route': { controls: ['APIGateway.8'] },
  'apigateway-tls-policy': {
    controls: [],
    none: 'Security Hub has no control for the TLS security policy of an API Gateway custom domain name',
  },
  'autoscaling-single-az': { controls: ['AutoScaling.2'] },
  'cloudformation-parameter-secret-without-noecho': {
    controls: [],
    none: `${NO_TEMPLATE_SECRET_CONTROL} (a parameter shown in plain text in the console is a template matter)`,
  },
  // ViewerProtocolPolicy allow-all (CloudFront.3) and MinimumProtocolVersion older than TLS 1.2 (CloudFront.15).
  'cloudfront-viewer-https': { controls: ['CloudFront.3', 'CloudFront.15'] },
  'cloudtrail-log-file-validation': { controls: ['CloudTrail.4'] },
  'cloudtrail-multi-region': { controls: ['CloudTrail.1'] },
  'dynamodb-customer-managed-key': {
    controls: [],
    none: 'Security Hub has no control for the KMS key of a DynamoDB table (DynamoDB.3 is about DAX clusters)',
  },
  'dynamodb-deletion-protection': { controls: ['DynamoDB.6'] },
  'dynamodb-point-in-time-recovery': { controls: ['DynamoDB.2'] },
  'ebs-default-encryption': { controls: ['EC2.7'] },
  'ebs-volume-encryption': { controls: ['EC2.3'] },
  // Instances' block devices (EC2.3, once attached) and launch templates' (EC2.181).
  'ec2-block-device-encryption': { controls: ['EC2.3', 'EC2.181'] },
  'ec2-default-security-group-rules': { controls: ['EC2.2'] },
  // Instances (EC2.8), launch templates (EC2.170), launch configurations (AutoScaling.3).
  'ec2-imdsv2-required': { controls: ['EC2.8', 'EC2.170', 'AutoScaling.3'] },
  'ec2-instance-profile-missing': {
    controls: [],
    none: 'Security Hub has no control that an EC2 instance has an instance profile (IAM role) instead of stored access keys',
  },
  'ec2-key-pair-credential': {
    controls: [],
    none: 'Security Hub has no control for EC2 key pairs; it is a customer-held credential the rule only points out',
  },
  // Instances (EC2.9), launch templates (EC2.25), launch configurations (Autoscaling.5).
  'ec2-public-ip': { controls: ['EC2.9', 'EC2.25', 'Autoscaling.5'] },
  // Port 22 (EC2.13), port 3389 (EC2.14), both by address family (EC2.53, EC2.54), among the high-risk ports (EC2.19).
  'ec2-security-group-admin-ports-open': { controls: ['EC2.13', 'EC2.14', 'EC2.53', 'EC2.54', 'EC2.19'] },
  // Every port open to the internet: only authorized ports may be (EC2.18), high-risk ports never (EC2.19).
  'ec2-security-group-all-traffic-open': { controls: ['EC2.18', 'EC2.19'] },
  // SQL Server, MySQL, PostgreSQL and OpenSearch are among EC2.19's high-risk ports; Redshift's port is Redshift.15's.
  'ec2-security-group-database-ports-open': { controls: ['EC2.19', 'EC2.18', 'Redshift.15'] },
  'ec2-security-group-egress-open-data-store': {
    controls: [],
    none: 'Security Hub checks outbound rules only on default security groups (EC2.2), not egress from data stores',
  },
  'ec2-user-data-secrets': { controls: [], none: NO_TEMPLATE_SECRET_CONTROL },
  'ecr-image-scan-on-push': { controls: ['ECR.1'] },
  'ecr-tag-immutability': { controls: ['ECR.2'] },
  'ecs-privileged-container': { controls: ['ECS.4'] },
  // Encryption at rest (EFS.8) with AWS KMS (EFS.1).
  'efs-file-system-encryption': { controls: ['EFS.8', 'EFS.1'] },
  'eks-public-endpoint': { controls: ['EKS.1'] },
  'eks-secrets-encryption': { controls: ['EKS.3'] },
  'elasticache-at-rest-encryption': { controls: ['ElastiCache.4'] },
  'elasticache-auth-token': { controls: ['ElastiCache.6'] },
  'elasticache-transit-encryption': { controls: ['ElastiCache.5'] },
  'elasticbeanstalk-https-listener': {
    controls: [],
    none: "Security Hub has no control for an Elastic Beanstalk environment's listener protocol",
  },
  'elasticbeanstalk-managed-updates': { controls: ['ElasticBeanstalk.2'] },
  // HTTP without redirect (ELB.1), ALB/NLB listener protocols (ELB.18) and policies (ELB.17), Classic listeners (ELB.3).
  'elb-listener-https': { controls: ['ELB.1', 'ELB.18', 'ELB.17', 'ELB.3'] },
  'emr-block-public-access': { controls: ['EMR.2'] },
  // At rest (EMR.3) and in transit (EMR.4) in the security configuration.
  'emr-security-configuration': { controls: ['EMR.3', 'EMR.4'] },
  'glacier-vault-lock': { controls: [], none: 'Security Hub has no control for S3 Glacier vaults' },
  'glacier-vault-policy-public': { controls: [], none: 'Security Hub has no control for S3 Glacier vaults' },
  'iam-access-key-in-template': {
    controls: [],
    none: 'Security Hub checks access keys once they exist (age, use: IAM.3, IAM.8), not that a template creates one',
  },
  'iam-policy-admin-access': { controls: ['IAM.1'] },
  'iam-power-user-access': {
    controls: [],
    none: 'Security Hub has no control for the AWS managed PowerUserAccess policy (IAM.27 is about AWSCloudShellFullAccess)',
  },
  'iam-role-trust-anyone': {
    controls: [],
    none: "Security Hub has no control for a role's trust policy; IAM Access Analyzer (IAM.28 checks that it is on) reports such roles",
  },
  // Console users without MFA (IAM.5), and users without MFA at all (IAM.19).
  'iam-user-console-without-mfa': { controls: ['IAM.5', 'IAM.19'] },
  'kinesis-stream-encryption': { controls: ['Kinesis.1'] },
  'kms-key-rotation': { controls: ['KMS.4'] },
  'lambda-environment-secrets': { controls: [], none: NO_TEMPLATE_SECRET_CONTROL },
  // A function URL with AuthType NONE comes with a resource policy that lets anyone invoke it.
  'lambda-function-url-public': { controls: ['Lambda.1'] },
  // OpenSearch Service domains (Opensearch.*) and legacy Elasticsearch domains (ES.*).
  'opensearch-encryption-at-rest': { controls: ['Opensearch.1', 'ES.1'] },
  'opensearch-enforce-https': { controls: ['Opensearch.8'] },
  'opensearch-node-to-node-encryption': { controls: ['Opensearch.3', 'ES.3'] },
  // Instances (RDS.13) and clusters (RDS.35).
  'rds-auto-minor-version-upgrade': { controls: ['RDS.13', 'RDS.35'] },
  // Instances' automatic backups (RDS.11), clusters' retention period (RDS.50).
  'rds-backup-retention': { controls: ['RDS.11', 'RDS.50'] },
  // Instances (RDS.8) and clusters (RDS.7).
  'rds-deletion-protection': { controls: ['RDS.8', 'RDS.7'] },
  // Instances (RDS.10) and clusters (RDS.12).
  'rds-iam-authentication': { controls: ['RDS.10', 'RDS.12'] },
  'rds-master-password-hardcoded': { controls: [], none: NO_TEMPLATE_SECRET_CONTROL },
  'rds-multi-az': { controls: ['RDS.5'] },
  'rds-publicly-accessible': { controls: ['RDS.2'] },
  // Instances (RDS.3) and clusters (RDS.27).
  'rds-storage-encryption': { controls: ['RDS.3', 'RDS.27'] },
  'redshift-encryption': { controls: ['Redshift.10'] },
  'redshift-publicly-accessible': { controls: ['Redshift.1'] },
  's3-bucket-access-logging': { controls: ['S3.9'] },
  // Public read (S3.2) and write (S3.3), which Security Hub evaluates from bucket policies and ACLs.
  's3-bucket-policy-public': { controls: ['S3.2', 'S3.3'] },
  's3-bucket-policy-tls-only': { controls: ['S3.5'] },
  's3-bucket-sse-kms': { controls: ['S3.17'] },
  's3-bucket-versioning': { controls: ['S3.14'] },
  // The bucket's own Block Public Access settings (S3.8; S3.1 is the account's).
  's3-public-access-block-disabled': { controls: ['S3.8'] },
  's3-public-acl': { controls: ['S3.2', 'S3.3'] },
  // Secrets in CodeBuild (CodeBuild.2) and ECS container (ECS.8) environment variables are among what it finds.
  'secrets-hardcoded': { controls: ['CodeBuild.2', 'ECS.8'] },
  'service-retired': {
    controls: [],
    none: 'Security Hub has no control for resources of services AWS has retired or closed to new customers (its "supported version" controls, such as EKS.2 and Lambda.2, are about versions within a service)',
  },
  'ses-tls-required': { controls: ['SES.3'] },
  'sns-topic-encryption': { controls: ['SNS.1'] },
  'sqs-queue-encryption': {
    controls: [],
    none: 'Security Hub has no current control for SQS encryption at rest (the catalog has none)',
  },
  'sqs-sns-policy-public': { controls: ['SQS.3', 'SNS.4'] },
  'sqs-sns-tls-only-policy': {
    controls: [],
    none: 'Security Hub has no control that SQS queue or SNS topic policies deny requests without TLS',
  },
  'tagging-required-tags': { controls: TAGGING_CONTROLS, perService: true },
  'vpc-flow-logs': { controls: ['EC2.6'] },
  // The control's ports are 22 and 3389; an entry that allows all inbound traffic opens both.
  'vpc-network-acl-allow-all': { controls: ['EC2.21'] },
  'vpc-subnet-public-ip-on-launch': { controls: ['EC2.15'] },
};
