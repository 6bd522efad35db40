import type { Resource, Value } from '../iac/model';
import { getProperties, getProperty } from '../iac/model';
import { ALL_TYPES, type Rule, type RuleContext } from './rule';
import { stringOf, isCloudFormation, property } from './toolkit/values';

/**
 * Common abstracted-tier types that take tags. The rule looks at every abstracted-tier resource
 * that writes tags; these are the ones it also reports when they write none (a companion such as
 * a bucket policy has no tags of its own, so a missing `Tags` there says nothing).
 */
export const TAGGABLE_TYPES: ReadonlySet<string> = new Set([
  'AWS::S3::Bucket',
  'AWS::DynamoDB::Table',
  'AWS::SQS::Queue',
  'AWS::SNS::Topic',
  'AWS::EFS::FileSystem',
  'AWS::Kinesis::Stream',
  'AWS::KinesisFirehose::DeliveryStream',
  'AWS::StepFunctions::StateMachine',
  'AWS::ApiGateway::RestApi',
  'AWS::ApiGatewayV2::Api',
  'AWS::SecretsManager::Secret',
  'AWS::KMS::Key',
  'AWS::Lambda::Function',
  'AWS::Serverless::Function',
  'AWS::Serverless::SimpleTable',
  'AWS::Logs::LogGroup',
  'AWS::ECR::Repository',
  'AWS::Backup::BackupVault',
  'AWS::Events::EventBus',
  'AWS::Cognito::UserPool',
  'AWS::SSM::Parameter',
  'AWS::CloudTrail::Trail',
  'AWS::IAM::Role',
  'AWS::IAM::User',
  'aws_s3_bucket',
  'aws_dynamodb_table',
  'aws_sqs_queue',
  'aws_sns_topic',
  'aws_glacier_vault',
  'aws_efs_file_system',
  'aws_kinesis_stream',
  'aws_kinesis_firehose_delivery_stream',
  'aws_sfn_state_machine',
  'aws_api_gateway_rest_api',
  'aws_apigatewayv2_api',
  'aws_secretsmanager_secret',
  'aws_kms_key',
  'aws_lambda_function',
  'aws_cloudwatch_log_group',
  'aws_ecr_repository',
  'aws_backup_vault',
  'aws_cloudwatch_event_bus',
  'aws_cognito_user_pool',
  'aws_ssm_parameter',
  'aws_cloudtrail',
  'aws_iam_role',
  'aws_iam_user',
  'aws_iam_policy',
]);

/** CloudFormation types whose tags property has its own name. */
const TAG_PROPERTY: Record<string, string> = {
  'AWS::Backup::BackupVault': 'BackupVaultTags',
  'AWS::Backup::BackupPlan': 'BackupPlanTags',
  'AWS::Cognito::UserPool': 'UserPoolTags',
};

interface TagKeys {
  keys: string[];
  /** Some tags are computed (a variable, a condition, a function): the missing ones may be among them. */
  unknown: boolean;
}

function tagKeys(value: Value | undefined, context: RuleContext, depth = 0): TagKeys {
  // A module's `var.tags` (default `{}`) is where its caller passes tags: the caller decides.
  if (value?.kind === 'reference' && value.target.startsWith('var.')) return { keys: [], unknown: true };
  const resolved = context.resolve(value);
  if (!resolved) return { keys: [], unknown: false };
  switch (resolved.kind) {
    case 'map': {
      // Terraform `(var.k) = …` and `"${var.k}" = …` keys are computed.
      const computed = resolved.properties.some((p) => p.key.startsWith('(') || p.key.includes('${'));
      return { keys: resolved.properties.map((p) => p.key), unknown: computed };
    }
    case 'list': {
      const keys: string[] = [];
      let unknown = false;
      for (const item of resolved.items) {
        const name =
          item.kind === 'map'
            ? stringOf(context.resolve(getProperty(item, 'Key')?.value ?? getProperty(item, 'key')?.value)).value
            : undefined;
        if (name === undefined) unknown = true;
        else keys.push(name);
      }
      return { keys, unknown };
    }
    case 'unresolvable':
      // `merge(local.common, { Name = "x" })` is known when every argument is.
      if (resolved.construct === 'function:merge' && resolved.args?.kind === 'list' && depth < 8) {
        const parts = resolved.args.items.map((arg) => tagKeys(arg, context, depth + 1));
        return { keys: parts.flatMap((p) => p.keys), unknown: parts.some((p) => p.unknown) };
      }
      return { keys: [], unknown: true };
    default:
      return { keys: [], unknown: resolved.kind === 'reference' };
  }
}

/** The `default_tags` of the AWS provider configuration the resource uses, if the module has one. */
function providerDefaultTags(resource: Resource, context: RuleContext): TagKeys & { provider: boolean } {
  if (context.unit.kind !== 'terraform') return { keys: [], unknown: false, provider: false };
  const chosen = property(resource, 'provider')?.value;
  const alias = chosen?.kind === 'reference' && chosen.target.startsWith('aws.') ? chosen.target.slice(4) : undefined;
  if (chosen && alias === undefined) return { keys: [], unknown: true, provider: false };
  const provider = context.unit.providers.find((p) => p.name === 'aws' && p.alias === alias);
  if (!provider) return { keys: [], unknown: false, provider: false };
  const result = { keys: [] as string[], unknown: false, provider: true };
  for (const block of getProperties(provider.properties, 'default_tags')) {
    const tags =
      block.value.kind === 'map'
        ? tagKeys(getProperty(block.value, 'tags')?.value, context)
        : { keys: [], unknown: true };
    result.keys.push(...tags.keys);
    result.unknown ||= tags.unknown;
  }
  return result;
}

export const rule: Rule = {
  id: 'tagging-required-tags',
  title: 'Resource lacks required tags',
  concern: 'tagging',
  severity: 'info',
  appliesTo: [ALL_TYPES],
  rationale:
    'AWS stores and returns tags but does not know who owns a resource, what data it holds or what it costs to whom: tagging for asset inventory is the customer side of the model. On abstracted services, where AWS runs everything else, tags are often the only record of ownership and data classification.',
  remediation:
    "Add the tag keys listed in `requiredTags` in `.srlens.yaml`: `Tags` (CloudFormation; stack-level tags applied at deploy time also reach most resources) or `tags`, or the AWS provider's `default_tags` block (Terraform). The rule is off while `requiredTags` is empty.",
  messages: {
    missingTags: {
      headline: "'{resource}' lacks the required tag{plural} {tags}.",
      detail: 'AWS does not know who owns a resource or what data it holds; recording that in tags is yours. {where}.',
    },
  },

  check(resource, context) {
    const required = context.settings.requiredTags;
    if (required.length === 0 || resource.tier !== 'abstracted') return [];
    const cfn = isCloudFormation(resource);
    const tags = property(resource, TAG_PROPERTY[resource.type] ?? (cfn ? 'Tags' : 'tags'));
    if (!tags && !TAGGABLE_TYPES.has(resource.type)) return [];
    const own = tags ? tagKeys(tags.value, context) : { keys: [], unknown: false };
    const inherited = cfn ? { keys: [], unknown: false, provider: false } : providerDefaultTags(resource, context);
    if (own.unknown || inherited.unknown) return [];
    const present = new Set([...own.keys, ...inherited.keys]);
    const missing = required.filter((tag) => !present.has(tag));
    if (missing.length === 0) return [];
    const list = missing.map((tag) => `'${tag}'`).join(', ');
    const where = cfn
      ? 'Add them to Tags, or apply them as stack tags when you deploy'
      : inherited.provider
        ? "Add them to tags or to the provider's default_tags"
        : 'Add them to tags, or to default_tags in the AWS provider configuration';
    return [
      {
        messageId: 'missingTags',
        data: { resource: resource.id, plural: missing.length > 1 ? 's' : '', tags: list, where },
        range: tags ? tags.keyRange : resource.typeRange,
      },
    ];
  },
};
