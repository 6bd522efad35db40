import type { MapValue, Property } from '../iac/model';
import { getProperty } from '../iac/model';
import type { Rule, RuleContext } from './rule';
import { isUnknownValue, mapsOf } from './support/nested';
import { booleanOf, stringOf, isCloudFormation } from './toolkit/values';

type KeyKind = 'aws-owned' | 'aws-managed' | 'customer' | 'unknown';

export const rule: Rule = {
  id: 'dynamodb-customer-managed-key',
  title: 'DynamoDB table is encrypted with a key you do not control',
  concern: 'data-at-rest',
  severity: 'info',
  appliesTo: ['AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable', 'aws_dynamodb_table'],
  rationale:
    'DynamoDB always encrypts tables at rest; by default with a key that AWS owns and manages, which you cannot see, audit or revoke. Whether that is enough is your decision: a customer managed KMS key lets you write its key policy, log every use in CloudTrail, rotate it and disable it to cut off access to the data.',
  remediation:
    "If you need control over the key, set `SSESpecification: { SSEEnabled: true, SSEType: KMS, KMSMasterKeyId: <your key> }` (CloudFormation; on a global table, `KMSMasterKeyId` goes in each replica's `SSESpecification`) or `server_side_encryption { enabled = true, kms_key_arn = <your key> }` (Terraform). Otherwise, suppress this note with a reason.",
  messages: {
    awsManagedKey: {
      headline: "DynamoDB table '{resource}' uses the AWS managed key aws/dynamodb.",
      detail:
        'It is encrypted at rest with the AWS managed key aws/dynamodb. Its use is logged, but you cannot change its key policy or disable it; if you need that control over who can decrypt the data, use a customer managed KMS key.',
    },
    awsOwnedKey: {
      headline: "DynamoDB table '{resource}' uses a key AWS owns (the default).",
      detail:
        'It is encrypted at rest with a key that AWS owns, the default. If you need to audit, restrict or revoke the key that protects this data, that choice is yours: use a customer managed KMS key.',
    },
  },

  check(resource, context) {
    const specification = getProperty(
      resource.properties,
      isCloudFormation(resource) ? 'SSESpecification' : 'server_side_encryption',
    );
    const kind = keyKind(resource.type, specification, resource.properties, context);
    if (kind === 'customer' || kind === 'unknown') return [];
    const range = specification?.keyRange ?? resource.typeRange;
    return [
      { messageId: kind === 'aws-managed' ? 'awsManagedKey' : 'awsOwnedKey', data: { resource: resource.id }, range },
    ];
  },
};

function keyKind(
  type: string,
  specification: Property | undefined,
  properties: MapValue,
  context: RuleContext,
): KeyKind {
  if (!specification) return 'aws-owned';
  const value = context.resolve(specification.value);
  if (value === undefined) return 'aws-owned';
  if (value.kind !== 'map') return 'unknown';
  const enabledProperty = getProperty(value, type === 'aws_dynamodb_table' ? 'enabled' : 'SSEEnabled');
  if (isUnknownValue(enabledProperty, context)) return 'unknown';
  if (booleanOf(context.resolve(enabledProperty?.value)).value !== true) return 'aws-owned';
  if (type === 'AWS::DynamoDB::GlobalTable') {
    const replicas = mapsOf(properties, 'Replicas', context);
    if (!replicas) return 'unknown';
    // Each replica names its own key; one chosen key is taken as the author's decision.
    const keys = replicas.map((replica) => replicaKey(replica, context));
    if (keys.includes('customer')) return 'customer';
    return keys.includes('unknown') ? 'unknown' : 'aws-managed';
  }
  return keyIn(value, type === 'aws_dynamodb_table' ? 'kms_key_arn' : 'KMSMasterKeyId', context);
}

/** A key id, ARN or alias chosen by the author is a customer managed key, unless it is the AWS managed alias. */
function keyIn(map: MapValue | undefined, name: string, context: RuleContext): KeyKind {
  const property = getProperty(map, name);
  if (!property) return 'aws-managed';
  if (isUnknownValue(property, context)) return 'customer';
  const key = stringOf(context.resolve(property.value)).value;
  if (key === undefined || key === '') return 'aws-managed';
  return /(^|:)alias\/aws\/dynamodb$/.test(key) ? 'aws-managed' : 'customer';
}

function replicaKey(replica: MapValue, context: RuleContext): KeyKind {
  const specification = context.resolve(getProperty(replica, 'SSESpecification')?.value);
  if (specification === undefined) return 'aws-managed';
  return specification.kind === 'map' ? keyIn(specification, 'KMSMasterKeyId', context) : 'unknown';
}
