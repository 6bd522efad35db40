import type { MapValue, Property, Resource, Value } from '../iac/model';
import { describeInput, getProperty, inputSourceOf } from '../iac/model';
import { ALL_TYPES, type Rule, type RuleContext, type RuleReport } from './rule';
import { isHardCodedSecretValue, isSecretPropertyName, maskSecret } from './support/secrets';
import { stringOf, isCloudFormation } from './toolkit/values';

/**
 * Top-level properties that more specific rules already report (their messages say more about
 * the service): RDS master passwords, ElastiCache AUTH tokens and Lambda environment variables.
 */
const COVERED_ELSEWHERE: Record<string, readonly string[]> = {
  'AWS::RDS::DBInstance': ['MasterUserPassword'],
  'AWS::RDS::DBCluster': ['MasterUserPassword'],
  aws_db_instance: ['password', 'password_wo'],
  aws_rds_cluster: ['master_password', 'master_password_wo'],
  'AWS::ElastiCache::ReplicationGroup': ['AuthToken'],
  aws_elasticache_replication_group: ['auth_token'],
  'AWS::Lambda::Function': ['Environment'],
  'AWS::Serverless::Function': ['Environment'],
  aws_lambda_function: ['environment'],
};

/** The property whose name does not say "secret" but whose value is one: API keys, SecureString parameters. */
function secretValuedProperty(resource: Resource, context: RuleContext): string | undefined {
  if (resource.type === 'AWS::ApiGateway::ApiKey') return 'Value';
  if (resource.type === 'aws_api_gateway_api_key') return 'value';
  if (
    resource.type === 'aws_ssm_parameter' &&
    stringOf(context.resolve(getProperty(resource.properties, 'type')?.value)).value === 'SecureString'
  )
    return 'value';
  return undefined;
}

/**
 * Subtrees that never hold secrets: tags (whose `{ Key, Value }` entries would look like name/value
 * pairs) and Cognito token validity units (`AccessToken: hours`).
 */
const SKIPPED_SUBTREES = new Set(['Tags', 'tags', 'tags_all', 'TokenValidityUnits', 'token_validity_units']);

/** Keys that name the entry in name/value lists: ECS and CodeBuild environments, Beanstalk options, nested stack parameters. */
const NAME_KEYS = ['Name', 'name', 'OptionName', 'option_name', 'ParameterKey', 'parameter_key'];
const IS_NAME_KEY = new Set(NAME_KEYS);
const VALUE_KEYS = ['Value', 'value', 'ParameterValue', 'parameter_value'];
/** CodeBuild environment variables whose value is the name of a parameter or secret, not the secret. */
const REFERENCE_TYPES = /^(PARAMETER_STORE|SECRETS_MANAGER)$/i;

const MAX_DEPTH = 32;

interface Candidate {
  /** Where the secret is written, for the message: `MasterUserOptions.MasterUserPassword`. */
  path: string;
  value: Value;
}

/** Every value in the resource that a secret-like name points at. */
function candidates(resource: Resource, context: RuleContext): Candidate[] {
  const found: Candidate[] = [];
  const skipped = COVERED_ELSEWHERE[resource.type] ?? [];
  const forced = secretValuedProperty(resource, context);
  for (const property of resource.properties.properties) {
    if (skipped.includes(property.key) || SKIPPED_SUBTREES.has(property.key)) continue;
    if (property.key === forced) found.push({ path: property.key, value: property.value });
    else visit(property.key, property.value, [property.key], found, 0);
  }
  return found;
}

/** `path` is the keys from the resource's properties down to `value`; joined only for a candidate. */
function visit(name: string, value: Value, path: string[], into: Candidate[], depth: number): void {
  if (depth > MAX_DEPTH) return;
  switch (value.kind) {
    case 'literal':
    case 'reference':
      if (isSecretPropertyName(name)) into.push({ path: path.join('.'), value });
      return;
    case 'list':
      for (const item of value.items) visit(name, item, path, into, depth + 1);
      return;
    case 'map':
      visitMap(value, path, into, depth);
      return;
    case 'unresolvable':
      // `jsonencode({ … })` keeps its structure (ECS container definitions, for example).
      if (value.construct === 'function:jsonencode' && value.args) visit(name, value.args, path, into, depth + 1);
      return;
  }
}

function visitMap(map: MapValue, path: string[], into: Candidate[], depth: number): void {
  const pair = namedValue(map);
  if (pair) {
    if (!pair.reference && isSecretPropertyName(pair.name))
      into.push({ path: [...path, pair.name].join('.'), value: pair.value });
    return;
  }
  for (const property of map.properties) {
    if (SKIPPED_SUBTREES.has(property.key)) continue;
    path.push(property.key);
    visit(property.key, property.value, path, into, depth + 1);
    path.pop();
  }
}

/** `{ Name: DB_PASSWORD, Value: … }` and its relatives: the value is named by the Name entry. */
function namedValue(map: MapValue): { name: string; value: Value; reference: boolean } | undefined {
  // Most maps have no name key: one pass says so, instead of a search for each key.
  if (!map.properties.some((p) => IS_NAME_KEY.has(p.key))) return undefined;
  const name = firstProperty(map, NAME_KEYS);
  const value = name && firstProperty(map, VALUE_KEYS);
  const label = stringOf(name?.value).value;
  if (!name || !value || label === undefined) return undefined;
  const type = stringOf(getProperty(map, 'Type')?.value ?? getProperty(map, 'type')?.value).value;
  return { name: label, value: value.value, reference: type !== undefined && REFERENCE_TYPES.test(type) };
}

function firstProperty(map: MapValue, keys: readonly string[]): Property | undefined {
  for (const key of keys) {
    const property = getProperty(map, key);
    if (property) return property;
  }
  return undefined;
}

/** Where a resolved value came from, when it is not written in the property itself. */
function origin(written: Value, resource: Resource, context: RuleContext): string {
  if (written.kind !== 'reference') return '';
  const cfn = isCloudFormation(resource);
  if (!cfn && !written.target.startsWith('var.')) return ` (through ${written.target})`;
  if (inputSourceOf(context.unit, written.target)) return ` (${describeInput(context.unit, written.target)})`;
  return cfn ? ` (the Default of parameter ${written.target})` : ` (the default of ${written.target})`;
}

function report(resource: Resource, candidate: Candidate, context: RuleContext): RuleReport | undefined {
  const resolved = context.resolve(candidate.value);
  const secret = stringOf(resolved).value;
  if (
    resolved?.kind !== 'literal' ||
    typeof resolved.value !== 'string' ||
    secret === undefined ||
    !isHardCodedSecretValue(secret) ||
    // A value given to this scan on the command line (`--var`) is in no file.
    (candidate.value.kind === 'reference' &&
      inputSourceOf(context.unit, candidate.value.target)?.kind === 'command-line')
  )
    return undefined;
  const exposure = isCloudFormation(resource)
    ? 'anyone who can read the template, its history or the stack can read it'
    : 'anyone who can read the code, its history or the Terraform state can read it';
  const instead = isCloudFormation(resource)
    ? 'a dynamic reference ({{resolve:secretsmanager:…}}) or a NoEcho parameter without a default'
    : 'Secrets Manager (a data source, or a write-only argument where the provider has one) or a sensitive variable without a default';
  return {
    messageId: 'hardcoded',
    data: {
      resource: resource.id,
      property: candidate.path,
      origin: origin(candidate.value, resource, context),
      masked: maskSecret(secret),
      exposure,
      instead,
    },
    range: candidate.value.range,
  };
}

export const rule: Rule = {
  id: 'secrets-hardcoded',
  title: 'Secret written in the template',
  concern: 'credentials',
  severity: 'error',
  appliesTo: [ALL_TYPES],
  rationale:
    'Credentials are on the customer side of the model in every tier. AWS keeps secrets safe in Secrets Manager and SSM Parameter Store, but a password, token or private key written into a template is in every copy, commit and review of that template, in the CloudFormation console or the Terraform state, and cannot be rotated without changing code.',
  remediation:
    'Store the secret in AWS Secrets Manager (or an SSM SecureString) and reference it: in CloudFormation with a dynamic reference such as `{{resolve:secretsmanager:MySecret:SecretString:password}}`, or a `NoEcho` parameter without a `Default`; in Terraform with a `aws_secretsmanager_secret_version` data source, a write-only argument, or a `sensitive` variable without a default. Where the service can manage the secret itself (`ManageMasterUserPassword`, `GenerateSecretString`), let it. Then rotate the exposed value.',
  messages: {
    hardcoded: {
      headline: "'{resource}' has a hard-coded secret in {property}: '{masked}'.",
      detail:
        'The secret is in {property}{origin}. AWS protects secrets you store in its secret stores, not values written into code, and {exposure}; use {instead}, and rotate this one.',
    },
  },

  check(resource, context) {
    const reports: RuleReport[] = [];
    for (const candidate of candidates(resource, context)) {
      const found = report(resource, candidate, context);
      if (found) reports.push(found);
    }
    return reports;
  },
};
