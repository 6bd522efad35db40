// The shared words of the knowledge base: who can own a concern and the names of the ownership
// profiles. They live here, apart from the tables that use them, so that the catalog, the
// profiles, the ownership table and the type lookups all import this file and not each other.

/** Who secures a concern for a resource: AWS alone, you alone, or both (each for a part). */
export type Owner = 'aws' | 'customer' | 'shared';

/** The ownership profiles of profiles.ts, named by the service catalog (catalog.ts). */
export type ProfileId =
  | 'network'
  | 'vpn'
  | 'customer-gateway'
  | 'block-storage'
  | 'control-plane'
  | 'function'
  | 'function-image'
  | 'fargate'
  | 'containers'
  | 'ec2-capacity'
  | 'on-premises'
  | 'customer-hosted'
  | 'eks-cluster'
  | 'eks-nodes'
  | 'beanstalk'
  | 'emr'
  | 'customer-code'
  | 'customer-image'
  | 'image-registry'
  | 'outposts'
  | 'load-balancer'
  | 's3'
  | 's3-directory'
  | 'dynamodb'
  | 'sqs'
  | 'sns'
  | 'kinesis'
  | 'efs'
  | 'always-encrypted'
  | 'redshift'
  | 'secrets'
  | 'keys'
  | 'oracle-exadata'
  | 'hyperpod';
