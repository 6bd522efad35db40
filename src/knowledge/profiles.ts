// Ownership profiles: where a kind of resource differs from its tier's defaults in ownership.ts.
// The service catalog (catalog.ts) gives a profile to a service or a single type; a profile
// replaces only the cells it lists. A cell with `applicable: false` marks a concern the resource
// does not have (a security group has no operating system); its owner stays the tier's.

import type { ConcernId } from './concerns';
import { SHARED_RESPONSIBILITY_MODEL, doc, seed, type Source } from './sources';
import type { Owner, ProfileId } from './vocabulary';

export type { ProfileId } from './vocabulary';

export interface ProfileCell {
  /** Omitted only for not-applicable cells, which keep the tier's owner. */
  owner?: Owner;
  reason: string;
  applicable?: boolean;
  /** Where the statement comes from; omitted, the profile's source (PROFILE_SOURCES) applies. */
  source?: Source;
}

export type Profile = Partial<Record<ConcernId, ProfileCell>>;

/** A concern the resource does not have: the seed's layers say which concerns each kind of resource has. */
function notApplicable(reason: string): ProfileCell {
  return { reason, applicable: false, source: seed() };
}

const NETWORK: Profile = {
  'machine-image': notApplicable('A network resource boots no image; the instances attached to it carry this concern.'),
  'operating-system': notApplicable('A network resource has no operating system of its own.'),
  applications: notApplicable('No software of yours runs on a network resource.'),
  'data-at-rest': notApplicable('A network resource stores no data of yours.'),
  'backup-dr': notApplicable('There is nothing to back up; the template itself recreates the resource.'),
  credentials: notApplicable('A network resource has no keys or passwords of its own.'),
};

const FUNCTION: Profile = {
  'machine-image': {
    owner: 'aws',
    reason: 'For .zip deployments there is no image to manage: Lambda supplies the execution environment.',
  },
  'operating-system': {
    owner: 'aws',
    reason:
      'Lambda patches the operating system and managed runtime of the execution environment; ' +
      'moving off a deprecated runtime is yours.',
    source: doc('https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html'),
  },
  applications: { owner: 'customer', reason: 'Your function code and its dependencies are yours to write and patch.' },
  'network-access': {
    owner: 'shared',
    reason:
      'Lambda isolates each execution environment; who may invoke the function (resource policies, ' +
      'function URL auth) and whether it runs in your VPC are yours.',
  },
  'data-at-rest': {
    owner: 'shared',
    reason:
      'Lambda encrypts code and environment variables at rest by default; a customer-managed key, ' +
      'and keeping secrets out of plain environment variables, are yours.',
  },
};

const CONTAINER_IMAGES_ARE_YOURS: ProfileCell = {
  owner: 'customer',
  reason: 'You build the container images that run here, and rebuild them to pick up patches.',
};

const CONTAINER_CODE_IS_YOURS: ProfileCell = {
  owner: 'customer',
  reason: 'The code in your containers and its dependencies are yours to patch.',
};

const ALWAYS_ENCRYPTED: ProfileCell = {
  owner: 'shared',
  reason: 'The service always encrypts stored data; choosing a customer-managed KMS key and its key policy is yours.',
};

// "[at-rest encryption] is always enabled on a serverless cache" (ElastiCache at-rest encryption)
const ELASTICACHE_AT_REST = doc('https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/at-rest-encryption.html');

export const PROFILES: Readonly<Record<ProfileId, Profile>> = {
  network: NETWORK,

  vpn: {
    ...NETWORK,
    credentials: {
      owner: 'customer',
      reason: 'Pre-shared keys and certificates for the tunnels or client connections are yours to protect and rotate.',
    },
    'data-in-transit': {
      owner: 'shared',
      reason:
        'AWS terminates the encrypted tunnel on its side; the encryption settings you choose and the ' +
        'device or client on your side are yours.',
    },
  },

  // The customer gateway resource describes your own device at your end of the VPN: AWS runs only its side.
  'customer-gateway': {
    ...NETWORK,
    facilities: {
      owner: 'customer',
      reason: 'The customer gateway device is the appliance at your end of the VPN connection: its site is yours.',
    },
    'physical-hardware': {
      owner: 'customer',
      reason: 'The customer gateway device (or the software VPN host) is yours to secure, maintain and dispose of.',
    },
    'network-infrastructure': {
      owner: 'shared',
      reason: 'Your network and internet link carry the tunnels to AWS; AWS runs the network behind its VPN endpoints.',
    },
    virtualization: {
      owner: 'customer',
      reason: 'Whatever the device runs on (an appliance, a server or a virtual machine of yours) is yours to run.',
    },
    'operating-system': {
      owner: 'customer',
      reason: "The device's firmware or operating system and its VPN software are yours to patch and configure.",
    },
    credentials: {
      owner: 'customer',
      reason: 'Pre-shared keys and certificates for the tunnels or client connections are yours to protect and rotate.',
    },
    'data-in-transit': {
      owner: 'shared',
      reason:
        'AWS terminates the encrypted tunnel on its side; the encryption settings you choose and the ' +
        'device or client on your side are yours.',
    },
  },

  'block-storage': {
    'machine-image': notApplicable(
      'A volume or snapshot boots nothing by itself; the instance using it carries this concern.',
    ),
    'operating-system': notApplicable('A volume or snapshot has no operating system of its own.'),
    applications: notApplicable('No software of yours runs on a volume or snapshot.'),
    'network-access': notApplicable('A volume is reached only through the instance it is attached to.'),
    'identity-access': {
      owner: 'customer',
      reason: 'Who may attach, copy or share the volume and its snapshots, including public sharing, is yours.',
    },
  },

  'control-plane': {
    'region-placement': notApplicable('Account and access configuration is not placed in Availability Zones.'),
    'machine-image': notApplicable('This is account or access configuration, not a workload: there is no image.'),
    'operating-system': notApplicable(
      'This is account or access configuration, not a workload: there is no operating system.',
    ),
    applications: notApplicable('No software of yours runs here.'),
    'network-access': notApplicable('The resource is reached only through authenticated AWS APIs.'),
    'data-at-rest': notApplicable('The resource holds configuration, not data of yours.'),
    'backup-dr': notApplicable('There is nothing to back up; the template itself recreates the resource.'),
  },

  function: FUNCTION,

  'function-image': {
    ...FUNCTION,
    'machine-image': {
      owner: 'customer',
      reason: 'You build the container image, including its base image and runtime, and rebuild it to pick up patches.',
      source: doc('https://docs.aws.amazon.com/lambda/latest/dg/images-create.html'),
    },
    'operating-system': {
      owner: 'shared',
      reason:
        'Lambda patches the hosts it runs on; the operating system layers inside your container image are yours to update.',
      source: doc('https://docs.aws.amazon.com/lambda/latest/dg/images-create.html'),
    },
  },

  fargate: {
    'machine-image': CONTAINER_IMAGES_ARE_YOURS,
    'operating-system': {
      owner: 'aws',
      reason:
        'AWS runs and patches the hosts and container runtime your containers run on; you never manage an instance.',
    },
    applications: CONTAINER_CODE_IS_YOURS,
  },

  containers: {
    'machine-image': {
      owner: 'customer',
      reason: 'Your container images are yours to patch; on EC2 capacity, so is the AMI of the instances.',
    },
    'operating-system': {
      owner: 'shared',
      reason: 'It depends on where the containers run: on AWS Fargate, AWS patches the hosts; on EC2 capacity, you do.',
    },
    applications: CONTAINER_CODE_IS_YOURS,
  },

  'ec2-capacity': {
    'machine-image': {
      owner: 'customer',
      reason: 'You choose and update the AMI of the instances that run your containers, and the container images too.',
    },
    'operating-system': {
      owner: 'customer',
      reason: 'You patch the operating system and container agent of the instances that run your containers.',
    },
    applications: CONTAINER_CODE_IS_YOURS,
  },

  'on-premises': {
    facilities: {
      owner: 'customer',
      reason: 'The workload runs on your own servers, so the building and its physical security are yours.',
    },
    'physical-hardware': { owner: 'customer', reason: 'The servers are yours to secure, maintain and dispose of.' },
    'network-infrastructure': {
      owner: 'customer',
      reason: 'Your own network carries traffic to and from the servers.',
    },
    virtualization: { owner: 'customer', reason: 'Any hypervisor on your own servers is yours to run and patch.' },
    'machine-image': CONTAINER_IMAGES_ARE_YOURS,
    'operating-system': { owner: 'customer', reason: 'You patch the operating system of your own servers.' },
    applications: CONTAINER_CODE_IS_YOURS,
  },

  'eks-cluster': {
    'machine-image': {
      owner: 'shared',
      reason:
        'AWS supplies the control plane and patched node AMIs; rolling nodes onto them is yours, ' +
        'unless Fargate or EKS Auto Mode manages the nodes.',
    },
    'operating-system': {
      owner: 'shared',
      reason:
        'AWS runs and patches the Kubernetes control plane; worker nodes are patched by AWS only on ' +
        'Fargate or EKS Auto Mode, otherwise by you.',
    },
    applications: {
      owner: 'customer',
      reason: 'The workloads you deploy to the cluster, and its add-on versions, are yours.',
    },
    'network-access': {
      owner: 'customer',
      reason:
        'Whether the Kubernetes API endpoint is public, private or both, and the cluster and node security groups, are yours.',
    },
    'data-at-rest': {
      owner: 'shared',
      reason:
        'EKS envelope-encrypts Kubernetes API data such as Secrets by default on current versions; a ' +
        'customer-managed key, and encrypting node and persistent volumes, are yours.',
      source: doc('https://docs.aws.amazon.com/eks/latest/userguide/enable-kms.html'),
    },
    configuration: {
      owner: 'customer',
      reason:
        'The Kubernetes version and its upgrades, add-ons and cluster settings are yours to choose and keep current.',
    },
  },

  'eks-nodes': {
    'machine-image': {
      owner: 'shared',
      reason:
        'AWS publishes patched EKS-optimized AMIs; moving the node group onto them, or keeping a custom AMI patched, is yours.',
    },
    'operating-system': {
      owner: 'shared',
      reason: 'Managed node groups get AWS-patched images, but nodes change only when you start a node group update.',
    },
    applications: CONTAINER_CODE_IS_YOURS,
  },

  beanstalk: {
    'machine-image': {
      owner: 'shared',
      reason:
        'Elastic Beanstalk supplies the platform AMI; moving to new platform versions, or keeping a custom AMI patched, is yours.',
    },
    'operating-system': {
      owner: 'shared',
      reason:
        'With managed platform updates turned on, Elastic Beanstalk applies patch and minor platform ' +
        'updates in a weekly maintenance window; otherwise applying them is yours.',
    },
    applications: { owner: 'customer', reason: 'Your application code and its dependencies are yours to patch.' },
  },

  emr: {
    'machine-image': {
      owner: 'shared',
      reason:
        'AWS supplies a patched default AMI for each EMR release; a custom AMI, and keeping it patched, is yours.',
    },
    'operating-system': {
      owner: 'shared',
      reason:
        'EMR starts nodes from a patched image, but running clusters are not re-patched; relaunching on newer releases is yours.',
    },
    applications: {
      owner: 'customer',
      reason:
        'The release you choose fixes the versions of Spark, Hadoop and the rest; those choices and your jobs are yours.',
    },
  },

  'customer-code': {
    'machine-image': {
      owner: 'shared',
      reason:
        'AWS supplies the runtime environment; any custom image you bring, and moving to supported runtime versions, are yours.',
    },
    applications: {
      owner: 'customer',
      reason:
        'The code, scripts or container images you hand to the service are yours to write and patch; AWS runs them.',
    },
  },

  'customer-image': {
    'machine-image': {
      owner: 'customer',
      reason: 'You build the images the fleet starts from, and rebuild them to pick up patches.',
    },
    'operating-system': {
      owner: 'shared',
      reason: 'AWS runs the fleet instances, but operating system updates reach them through the images you build.',
    },
    applications: { owner: 'customer', reason: 'The applications you install in your images are yours to patch.' },
  },

  'image-registry': {
    'machine-image': {
      owner: 'customer',
      reason:
        'ECR stores and serves the container images you push; building, scanning and rebuilding them to pick up patches is yours.',
    },
  },

  outposts: {
    facilities: {
      owner: 'customer',
      reason: 'The Outpost sits in your own site, so its power, cooling and physical access control are yours.',
    },
    'physical-hardware': {
      owner: 'shared',
      reason:
        'AWS owns, monitors and replaces the Outpost hardware; keeping it physically secure in your site is yours.',
    },
    'network-infrastructure': {
      owner: 'shared',
      reason:
        'AWS runs the networking inside the Outpost; your local network and the link back to the Region are yours.',
    },
  },

  'load-balancer': {
    applications: {
      owner: 'aws',
      reason: 'AWS runs and patches the load balancer software; listeners and rules are configuration.',
    },
    'data-in-transit': {
      owner: 'customer',
      reason:
        'You choose HTTPS or TLS listeners, their security policy, and whether traffic to targets is encrypted again.',
    },
    'data-at-rest': notApplicable(
      'A load balancer stores no data of yours; its access logs go to a bucket you choose.',
    ),
    'backup-dr': notApplicable('There is nothing to back up; the template itself recreates the load balancer.'),
    credentials: {
      owner: 'customer',
      reason: 'The TLS certificates on listeners are yours to provide; ACM renews the ones it issues.',
    },
    'identity-access': {
      owner: 'customer',
      reason: 'Who may change the load balancer (IAM), and any authentication its listener rules require, are yours.',
    },
  },

  s3: {
    'network-access': {
      owner: 'shared',
      reason:
        'Since April 2023 new buckets block public access and disable ACLs by default; any policy, ' +
        'access point or setting that opens a bucket is yours.',
    },
    'data-in-transit': {
      owner: 'customer',
      reason:
        'S3 still accepts plain HTTP requests; a bucket policy denying requests where aws:SecureTransport is false requires TLS.',
      source: doc('https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html'),
    },
    'data-at-rest': {
      owner: 'shared',
      reason:
        'Since January 2023 S3 encrypts every new object with SSE-S3 by default; choosing SSE-KMS, ' +
        'bucket keys and key policies is yours.',
      source: doc('https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingServerSideEncryption.html'),
    },
    'backup-dr': {
      owner: 'shared',
      reason:
        'S3 stores objects redundantly across Availability Zones (except One Zone storage); versioning, ' +
        'Object Lock and replication are off until you turn them on.',
      source: doc('https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html'),
    },
  },

  dynamodb: {
    'data-at-rest': {
      owner: 'shared',
      reason:
        'DynamoDB encrypts every table at rest and this cannot be turned off; choosing an AWS owned, ' +
        'AWS managed or customer-managed key is yours.',
    },
    'backup-dr': {
      owner: 'shared',
      reason:
        'DynamoDB replicates tables across Availability Zones; point-in-time recovery, backups and ' +
        'global tables are yours to turn on.',
      source: doc(
        'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/PointInTimeRecovery_Howitworks.html',
      ),
    },
  },

  sqs: {
    'data-at-rest': {
      owner: 'shared',
      reason:
        'New queues are encrypted with SSE-SQS by default; choosing SSE-KMS with your own key and key policy is yours.',
    },
  },

  sns: {
    'data-at-rest': {
      owner: 'customer',
      reason: 'SNS encrypts messages in a topic with a KMS key only when you turn on server-side encryption for it.',
    },
  },

  kinesis: {
    'data-at-rest': {
      owner: 'customer',
      reason:
        'Kinesis Data Streams encrypts records with a KMS key only when server-side encryption is turned on for the stream.',
    },
  },

  efs: {
    'data-at-rest': {
      owner: 'customer',
      reason:
        'A file system is encrypted at rest only if encryption was chosen when it was created; it cannot be added later.',
    },
  },

  'always-encrypted': {
    'data-at-rest': { ...ALWAYS_ENCRYPTED, source: ELASTICACHE_AT_REST },
  },

  redshift: {
    'network-access': {
      owner: 'customer',
      reason:
        'Since January 2025 new provisioned clusters are not publicly accessible by default; subnets, ' +
        'security groups and any public access are yours.',
    },
    'data-at-rest': {
      owner: 'shared',
      reason:
        'Since January 2025 new provisioned clusters are always encrypted at rest; choosing a customer-managed KMS key is yours.',
      source: doc('https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-db-encryption.html'),
    },
  },

  secrets: {
    'data-at-rest': {
      owner: 'shared',
      reason:
        'Secrets Manager always encrypts secrets with a KMS key; choosing a customer-managed key and its key policy is yours.',
      source: doc('https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html'),
    },
    credentials: {
      owner: 'shared',
      reason:
        'Secrets Manager stores the secret and can rotate it; turning rotation on and limiting who may read it are yours.',
      source: doc('https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotating-secrets.html'),
    },
  },

  keys: {
    'data-at-rest': {
      owner: 'aws',
      reason: 'KMS keeps key material inside its hardware security modules and never exports it in plaintext.',
    },
    configuration: {
      owner: 'customer',
      reason:
        'Key policies, automatic rotation (off by default for customer-managed keys) and deletion waiting periods are yours.',
      source: doc('https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html'),
    },
  },
  'customer-hosted': {
    facilities: {
      owner: 'customer',
      reason:
        'The software runs on a host you provide (your hypervisor, server or device), so the site and its physical ' +
        "security are yours; deployed on an EC2 instance instead, they are AWS's.",
    },
    'physical-hardware': {
      owner: 'customer',
      reason: 'The host hardware is yours to secure, maintain and dispose of, unless you deploy on an EC2 instance.',
    },
    'network-infrastructure': {
      owner: 'shared',
      reason: 'Your network carries traffic from the host to the AWS endpoints; AWS runs the network behind them.',
    },
    virtualization: {
      owner: 'customer',
      reason:
        'The hypervisor or device the software runs on (VMware ESXi, Hyper-V, KVM, your server) is yours to run and patch.',
    },
    'machine-image': {
      owner: 'shared',
      reason:
        'AWS ships the appliance or agent image and its updates; deploying it, and the image of your own host, are yours.',
    },
    'operating-system': {
      owner: 'customer',
      reason:
        'The host operating system is yours to patch and harden; AWS updates only the software it ships, never your host.',
    },
    applications: {
      owner: 'shared',
      reason:
        'AWS writes the software it ships (gateway, agent, core or worker software) and publishes its updates; ' +
        'applying or scheduling them, and any code you add, are yours.',
    },
    'network-access': {
      owner: 'customer',
      reason: 'Which networks can reach the host, and the firewall in front of it, are yours; it connects out to AWS.',
    },
    'data-at-rest': {
      owner: 'shared',
      reason:
        "Data on the host's own disks (caches, buffers, local files) is yours to protect; what the service keeps in AWS is " +
        'encrypted by AWS with the key you choose.',
    },
    'backup-dr': {
      owner: 'shared',
      reason:
        'What the service stores in AWS is kept durably; backing up the host and its local data, and rebuilding it, are yours.',
    },
    credentials: {
      owner: 'customer',
      reason:
        'The activation keys, codes or certificates that tie the host to your account are yours to protect and rotate.',
    },
  },

  's3-directory': {
    'network-access': {
      owner: 'shared',
      reason:
        'Directory buckets block all public access, and PutPublicAccessBlock is not supported for them; the bucket ' +
        'policy and session access you grant are yours.',
      source: doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutPublicAccessBlock.html'),
    },
    'data-in-transit': {
      owner: 'aws',
      reason: 'S3 Express One Zone accepts only HTTPS (TLS) requests, so there is no plain-HTTP access to deny.',
    },
    'data-at-rest': {
      owner: 'shared',
      reason:
        'Directory buckets encrypt every object with SSE-S3 by default; choosing SSE-KMS and its key policy is yours.',
    },
    'backup-dr': {
      owner: 'customer',
      reason:
        'Data sits in one Availability Zone and directory buckets do not support versioning or MFA delete; copies ' +
        'in another zone or Region are yours.',
      source: doc('https://docs.aws.amazon.com/AmazonS3/latest/userguide/s3-express-differences.html'),
    },
  },

  'oracle-exadata': {
    'machine-image': {
      owner: 'shared',
      reason:
        'Oracle Cloud Infrastructure, not AWS, manages the Exadata infrastructure and supplies its images and ' +
        'updates; applying updates to your VM clusters is yours.',
    },
    'operating-system': {
      owner: 'shared',
      reason:
        'Oracle Cloud Infrastructure, not AWS, patches the Exadata infrastructure; the guest operating system of your ' +
        'VM clusters is yours to update with the updates Oracle supplies.',
    },
    applications: {
      owner: 'shared',
      reason:
        'Oracle supplies the database software and its patches; choosing and applying versions, and your schemas, are yours.',
    },
  },

  hyperpod: {
    'machine-image': {
      owner: 'shared',
      reason:
        'SageMaker supplies the HyperPod platform software and images; a lifecycle script or custom image, and moving to new releases, are yours.',
    },
    'operating-system': {
      owner: 'shared',
      reason:
        'SageMaker publishes security patches for the cluster software, but they reach your nodes only when you run ' +
        'UpdateClusterSoftware.',
    },
  },
};

/**
 * The source of each profile's cells, for the cells that do not name their own. Where a profile
 * applies the seed's layers to a kind of resource (no image on a network resource), it is the seed.
 */
export const PROFILE_SOURCES: Readonly<Record<ProfileId, Source>> = {
  network: seed(),
  vpn: doc('https://docs.aws.amazon.com/vpn/latest/s2svpn/VPC_VPN.html'),
  // "The customer gateway device is the appliance at your end of the VPN connection."
  'customer-gateway': doc('https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateCustomerGateway.html'),
  'block-storage': seed(),
  'control-plane': seed(),
  function: doc('https://docs.aws.amazon.com/lambda/latest/dg/lambda-security.html'),
  'function-image': doc('https://docs.aws.amazon.com/lambda/latest/dg/lambda-security.html'),
  fargate: doc('https://docs.aws.amazon.com/AmazonECS/latest/developerguide/AWS_Fargate.html'),
  containers: doc('https://docs.aws.amazon.com/AmazonECS/latest/developerguide/launch_types.html'),
  'ec2-capacity': doc('https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-optimized_AMI.html'),
  'on-premises': doc('https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-anywhere.html'),
  'customer-hosted': doc('https://docs.aws.amazon.com/storagegateway/latest/userguide/using-smb-fileshare.html'),
  'eks-cluster': doc('https://docs.aws.amazon.com/eks/latest/userguide/security.html'),
  'eks-nodes': doc('https://docs.aws.amazon.com/eks/latest/userguide/managed-node-groups.html'),
  beanstalk: doc('https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/environment-platform-update-managed.html'),
  emr: doc('https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-default-ami.html'),
  'customer-code': doc(SHARED_RESPONSIBILITY_MODEL),
  'customer-image': doc(SHARED_RESPONSIBILITY_MODEL),
  'image-registry': doc('https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning.html'),
  outposts: doc('https://docs.aws.amazon.com/outposts/latest/APIReference/Welcome.html'),
  'load-balancer': doc(
    'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/create-https-listener.html',
  ),
  s3: doc('https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html'),
  's3-directory': doc('https://docs.aws.amazon.com/AmazonS3/latest/userguide/s3-express-data-protection.html'),
  dynamodb: doc('https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/EncryptionAtRest.html'),
  sqs: doc(
    'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html',
  ),
  sns: doc('https://docs.aws.amazon.com/sns/latest/dg/sns-server-side-encryption.html'),
  kinesis: doc('https://docs.aws.amazon.com/streams/latest/dev/server-side-encryption.html'),
  efs: doc('https://docs.aws.amazon.com/efs/latest/ug/encryption.html'),
  'always-encrypted': ELASTICACHE_AT_REST,
  redshift: doc('https://docs.aws.amazon.com/redshift/latest/APIReference/API_CreateCluster.html'),
  secrets: doc('https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html'),
  keys: doc('https://docs.aws.amazon.com/kms/latest/developerguide/overview.html'),
  'oracle-exadata': doc('https://docs.aws.amazon.com/odb/latest/APIReference/Welcome.html'),
  hyperpod: doc('https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_UpdateClusterSoftware.html'),
};
