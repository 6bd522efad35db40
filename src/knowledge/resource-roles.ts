/**
 * What role a resource type plays, for the views that show one line or one row per resource (the
 * CodeLens, the ISMS asset register):
 *
 * - **outside the model**: a resource of another provider (Terraform's `random_id`, `null_resource`,
 *   `time_sleep`, `tls_private_key`, `local_file`, `archive_file`, any type whose provider prefix
 *   is not `aws` or `awscc`; a CloudFormation registry type outside the `AWS::` and `Alexa::`
 *   namespaces). The AWS Shared Responsibility Model says nothing about it: no CodeLens, no
 *   "Unclassified" owner, no asset; the inventory names its provider.
 * - **supporting**: a resource that configures or connects another one and means nothing on its
 *   own: the configuration resources of an S3 bucket (`aws_s3_bucket_versioning`, …), the policy of
 *   a bucket, queue, topic or role, subnets, routes and route tables, associations, attachments,
 *   security group and network ACL rules, database subnet and parameter groups, permissions and
 *   aliases. See SUPPORTING_TYPES.
 * - **main**: everything else: the resource a service is about (a bucket, a database, a VPC).
 *
 * Pure data and lookups, in the knowledge layer so every front end decides the same way.
 */

export type ResourceRole = 'main' | 'supporting' | 'outside';

/** Terraform providers whose resources the model covers. */
const AWS_PROVIDERS = new Set(['aws', 'awscc']);
/** CloudFormation namespaces of resource types AWS publishes (registry types of other publishers are outside). */
const AWS_NAMESPACES = new Set(['AWS', 'Alexa', 'Custom']);

/**
 * The provider of a resource type: `aws` for `aws_s3_bucket`, `random` for `random_id`, `null` for
 * `null_resource`; the namespace of a CloudFormation type (`AWS` for `AWS::S3::Bucket`, `MongoDB`
 * for `MongoDB::Atlas::Cluster`); undefined when the type has neither shape.
 */
export function providerOf(type: string): string | undefined {
  if (type.includes('::')) {
    const namespace = type.split('::')[0];
    return namespace === '' ? undefined : namespace;
  }
  const match = /^([a-z][a-z0-9]*)_[a-z0-9_]+$/.exec(type);
  return match ? match[1] : undefined;
}

/** True for a resource of another provider, which the AWS Shared Responsibility Model does not cover. */
export function isOutsideModel(type: string): boolean {
  const provider = providerOf(type);
  if (provider === undefined) return false;
  return type.includes('::') ? !AWS_NAMESPACES.has(provider) : !AWS_PROVIDERS.has(provider);
}

/**
 * Resource types that configure or connect another resource, as patterns on the type name
 * (CloudFormation and Terraform side by side). Each entry says why.
 */
export const SUPPORTING_TYPES: readonly { pattern: RegExp; why: string }[] = [
  {
    pattern: /^aws_s3_bucket_[a-z_]+$/,
    why: 'configuration of an S3 bucket (versioning, encryption, logging, lifecycle, ACL, policy, …)',
  },
  {
    pattern: /(Policy|_policy)$/,
    why: 'the policy of a bucket, queue, topic, role, key or user: part of what it protects',
  },
  { pattern: /(Attachment|_attachment)$/, why: 'attaches one resource to another (a gateway, a policy, a volume)' },
  { pattern: /(Association|_association)$/, why: 'associates a subnet, route table or ACL with another resource' },
  {
    pattern:
      /^(AWS::EC2::(Subnet|SubnetCidrBlock|Route|RouteTable|VPCCidrBlock)|aws_(default_)?(subnet|route|route_table))$/,
    why: 'subnets, routes and route tables are parts of their network (VPC)',
  },
  {
    pattern:
      /^(AWS::EC2::(SecurityGroupIngress|SecurityGroupEgress|NetworkAclEntry)|aws_security_group_rule|aws_vpc_security_group_(ingress|egress)_rule|aws_network_acl_rule)$/,
    why: 'a rule of a security group or network ACL',
  },
  {
    pattern: /(SubnetGroup|ParameterGroup|OptionGroup|_subnet_group|_parameter_group|_option_group)$/,
    why: "a database's or cache's subnet, parameter or option group: where it is placed and how it is configured",
  },
  {
    pattern: /^(AWS::Lambda::Permission|aws_lambda_permission|AWS::KMS::Alias|aws_kms_alias)$/,
    why: "a function's invoke permission, a key's alias",
  },
];

/** The reason a type is supporting, or undefined for a main resource (and for one outside the model). */
export function supportingReason(type: string): string | undefined {
  if (isOutsideModel(type)) return undefined;
  return SUPPORTING_TYPES.find((entry) => entry.pattern.test(type))?.why;
}

/** The role of a resource type: outside the model, supporting another resource, or a main resource. */
export function resourceRole(type: string): ResourceRole {
  if (isOutsideModel(type)) return 'outside';
  return supportingReason(type) !== undefined ? 'supporting' : 'main';
}
