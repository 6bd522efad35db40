/**
 * The `AWS::Serverless-2016-10-31` (SAM) transform, evaluated where its result can be known from
 * the template alone: the CloudFormation resources SAM writes for a SAM resource are added to the
 * model next to it, so that the rules for those types check them.
 *
 * - `Globals` are merged into each `AWS::Serverless::Function`, `Api`, `HttpApi` and `SimpleTable`
 *   as SAM merges them: a value the resource writes replaces a plain global value, maps are merged
 *   key by key, lists are appended to the global list; an intrinsic on either side replaces.
 * - A function with values from `Globals` gets the `AWS::Lambda::Function` SAM writes (same logical id).
 * - A function without `Role` gets `<Function>Role` (`AWS::IAM::Role`): the trust policy
 *   (`AssumeRolePolicyDocument`, else Lambda's), `ManagedPolicyArns` (AWS-managed policy names and
 *   ARNs from `Policies`, plus the ones SAM adds), inline policies `<Function>RolePolicy<n>` for the
 *   policy documents in `Policies`. A SAM policy template (`S3ReadPolicy: …`) is scoped by SAM to
 *   the resource it names: it is kept as an inline policy whose document is not known (no rule reads it).
 * - A function with `FunctionUrlConfig` gets `<Function>Url` (`AWS::Lambda::Url`).
 * - `AWS::Serverless::SimpleTable` gets the `AWS::DynamoDB::Table` SAM writes (same logical id),
 *   `AWS::Serverless::Api` the `AWS::ApiGateway::RestApi`, `AWS::Serverless::HttpApi` the
 *   `AWS::ApiGatewayV2::Api` (their tags; no rule reads the rest).
 *
 * Generated values keep the ranges of the text they come from (the resource, or `Globals`), and
 * values SAM invents (the default trust policy, `AWSLambdaBasicExecutionRole`) take the range of the
 * SAM resource's `Type`. Each generated resource names the resource it repeats (`generatedFrom`):
 * a finding it shares with that resource (same rule, same range) is reported once, on the resource
 * as written, which keeps its quick fix. A resource whose `Properties` are not a map, or a
 * `Globals` section that is not, is left as it is. `Events` (implicit APIs), `Connectors`,
 * `AWS::Serverless::StateMachine` and the resources SAM adds for deployment (aliases, versions,
 * permissions, CodeDeploy) are not generated: the API events are read on the function itself
 * (apigateway-open-route, with the template's `Globals`), and no rule reads the rest.
 */
import type { LiteralValue, ListValue, MapValue, ParseDiagnostic, Property, Range, Value } from './model';
import { getProperty } from './model';

export const SERVERLESS_TRANSFORM = 'AWS::Serverless-2016-10-31';

/** Generated resources per template: SAM accepts at most 500 resources in the template it writes. */
export const MAX_SAM_GENERATED = 2_000;

/** What each generated entry repeats and what generated it. */
export interface SamOrigin {
  /** The SAM resource's logical id. */
  from: string;
  /** `AWS::Serverless::Function MyFunction`. */
  by: string;
}

/** The entries the transform wrote out, each with the SAM resource it comes from. */
export const samEntries = new WeakMap<Property, SamOrigin>();

export function usesServerless(transforms: readonly string[]): boolean {
  return transforms.includes(SERVERLESS_TRANSFORM);
}

/** The `Globals` keys SAM accepts for each resource type (others make the transform fail). */
const GLOBAL_KEYS: Partial<Record<string, { section: string; keys: ReadonlySet<string> }>> = {
  'AWS::Serverless::Function': {
    section: 'Function',
    keys: new Set([
      'Architectures',
      'AssumeRolePolicyDocument',
      'AutoPublishAlias',
      'AutoPublishAliasAllProperties',
      'CodeSigningConfigArn',
      'CodeUri',
      'DeadLetterQueue',
      'DeploymentPreference',
      'Description',
      'Environment',
      'EphemeralStorage',
      'EventInvokeConfig',
      'FileSystemConfigs',
      'FunctionUrlConfig',
      'Handler',
      'KmsKeyArn',
      'Layers',
      'LoggingConfig',
      'MemorySize',
      'PermissionsBoundary',
      'PropagateTags',
      'ProvisionedConcurrencyConfig',
      'RecursiveLoop',
      'ReservedConcurrentExecutions',
      'RolePath',
      'Runtime',
      'RuntimeManagementConfig',
      'SnapStart',
      'SourceKMSKeyArn',
      'Tags',
      'Timeout',
      'Tracing',
      'VpcConfig',
    ]),
  },
  'AWS::Serverless::Api': {
    section: 'Api',
    keys: new Set([
      'AccessLogSetting',
      'AlwaysDeploy',
      'Auth',
      'BinaryMediaTypes',
      'CacheClusterEnabled',
      'CacheClusterSize',
      'CanarySetting',
      'Cors',
      'DefinitionUri',
      'Domain',
      'EndpointConfiguration',
      'GatewayResponses',
      'MethodSettings',
      'MinimumCompressionSize',
      'Name',
      'OpenApiVersion',
      'PropagateTags',
      'Tags',
      'TracingEnabled',
      'Variables',
    ]),
  },
  'AWS::Serverless::HttpApi': {
    section: 'HttpApi',
    keys: new Set([
      'AccessLogSettings',
      'Auth',
      'CorsConfiguration',
      'DefaultRouteSettings',
      'DisableExecuteApiEndpoint',
      'Domain',
      'PropagateTags',
      'RouteSettings',
      'StageVariables',
      'Tags',
    ]),
  },
  'AWS::Serverless::SimpleTable': { section: 'SimpleTable', keys: new Set(['SSESpecification']) },
};

/** `AWS::Lambda::Function` properties a SAM function passes on as they are (`Tracing` and `Tags` are converted). */
const LAMBDA_KEYS = new Set([
  'Architectures',
  'CodeSigningConfigArn',
  'Description',
  'Environment',
  'EphemeralStorage',
  'FileSystemConfigs',
  'FunctionName',
  'Handler',
  'ImageConfig',
  'KmsKeyArn',
  'Layers',
  'LoggingConfig',
  'MemorySize',
  'PackageType',
  'RecursiveLoop',
  'ReservedConcurrentExecutions',
  'Runtime',
  'RuntimeManagementConfig',
  'SnapStart',
  'Timeout',
  'VpcConfig',
]);

/** AWS-managed policies whose ARN has the `service-role/` path (SAM maps a policy name to its ARN). */
const SERVICE_ROLE_POLICIES = new Set([
  'AWSLambdaBasicExecutionRole',
  'AWSLambdaDynamoDBExecutionRole',
  'AWSLambdaKinesisExecutionRole',
  'AWSLambdaMSKExecutionRole',
  'AWSLambdaSQSQueueExecutionRole',
  'AWSLambdaVPCAccessExecutionRole',
  'AWSLambdaENIManagementAccess',
  'AWSLambdaRole',
  'AWSConfigRulesExecutionRole',
  'AWSIoTRuleActions',
]);

interface Scope {
  file: string;
  diagnostics: ParseDiagnostic[];
  globals: MapValue | undefined;
  generated: number;
  reported: boolean;
}

/** The template root with the entries SAM writes added to `Resources`; the same object when nothing changed. */
export function expandServerless(root: MapValue, file: string, diagnostics: ParseDiagnostic[]): MapValue {
  const sectionIndex = root.properties.findIndex((p) => p.key === 'Resources');
  const section = sectionIndex < 0 ? undefined : root.properties[sectionIndex];
  if (section?.value.kind !== 'map') return root;
  const globals = getProperty(root, 'Globals')?.value;
  const scope: Scope = {
    file,
    diagnostics,
    globals: globals?.kind === 'map' ? globals : undefined,
    generated: 0,
    reported: false,
  };
  const entries: Property[] = [];
  let changed = false as boolean; // set inside the callbacks below
  for (const entry of section.value.properties) {
    entries.push(entry);
    const written = generate(entry, scope);
    if (written.length === 0) continue;
    if (scope.generated + written.length > MAX_SAM_GENERATED) {
      if (!scope.reported) {
        scope.reported = true;
        diagnostics.push({
          file,
          range: entry.keyRange,
          severity: 'info',
          message: `The AWS SAM transform would write more than ${MAX_SAM_GENERATED.toLocaleString('en-US')} resources for this template: from '${entry.key}' on, what it generates is not analysed.`,
        });
      }
      continue;
    }
    scope.generated += written.length;
    entries.push(...written);
    changed = true;
  }
  if (!changed) return root;
  const properties = [...root.properties];
  properties[sectionIndex] = { ...section, value: { ...section.value, properties: entries } };
  return { ...root, properties };
}

/** The entries SAM writes for one resource (none for anything else). */
function generate(entry: Property, scope: Scope): Property[] {
  if (entry.value.kind !== 'map') return [];
  const typeProperty = getProperty(entry.value, 'Type');
  const type = typeProperty?.value;
  if (!typeProperty || type?.kind !== 'literal' || typeof type.value !== 'string') return [];
  const globalKeys = GLOBAL_KEYS[type.value];
  if (!globalKeys) return [];
  const written = getProperty(entry.value, 'Properties');
  if (written && written.value.kind !== 'map') return [];
  const own: MapValue =
    written?.value.kind === 'map' ? written.value : { kind: 'map', properties: [], range: entry.keyRange };
  const fromGlobals = globalsFor(scope.globals, globalKeys.section, globalKeys.keys);
  const effective = fromGlobals ? mergeMaps(fromGlobals, own) : own;
  const maker = new Maker(entry, typeProperty, written, `${type.value} ${entry.key}`);
  switch (type.value) {
    case 'AWS::Serverless::Function':
      return functionEntries(maker, own, effective, fromGlobals !== undefined);
    case 'AWS::Serverless::SimpleTable':
      return [maker.entry(entry.key, 'AWS::DynamoDB::Table', tableProperties(maker, effective))];
    case 'AWS::Serverless::Api':
      return [maker.entry(entry.key, 'AWS::ApiGateway::RestApi', apiProperties(maker, effective, 'list'))];
    case 'AWS::Serverless::HttpApi':
      return [maker.entry(entry.key, 'AWS::ApiGatewayV2::Api', apiProperties(maker, effective, 'map'))];
    default:
      return [];
  }
}

/** The keys of `Globals.<section>` SAM merges into a resource; undefined when there are none. */
function globalsFor(globals: MapValue | undefined, section: string, keys: ReadonlySet<string>): MapValue | undefined {
  const value = getProperty(globals, section)?.value;
  if (value?.kind !== 'map') return undefined;
  const properties = value.properties.filter((p) => keys.has(p.key));
  return properties.length > 0 ? { ...value, properties } : undefined;
}

/**
 * SAM's merge of a global value with the resource's own: maps key by key, lists appended to the
 * global list, anything else (a plain value, an intrinsic, two different kinds) the resource's own.
 */
export function merge(global: Value, own: Value): Value {
  if (global.kind === 'map' && own.kind === 'map') return mergeMaps(global, own);
  if (global.kind === 'list' && own.kind === 'list') return { ...own, items: [...global.items, ...own.items] };
  return own;
}

function mergeMaps(global: MapValue, own: MapValue): MapValue {
  const properties: Property[] = [];
  for (const g of global.properties) {
    const mine = getProperty(own, g.key);
    properties.push(mine ? { ...mine, value: merge(g.value, mine.value) } : g);
  }
  for (const mine of own.properties) if (!getProperty(global, mine.key)) properties.push(mine);
  return { ...own, properties };
}

/** Builds generated entries whose ranges point into the SAM resource. */
class Maker {
  constructor(
    readonly source: Property,
    readonly typeProperty: Property,
    readonly written: Property | undefined,
    readonly by: string,
  ) {}

  get id(): string {
    return this.source.key;
  }

  /** Where values SAM invents are reported: the SAM resource's `Type`. */
  get typeRange(): Range {
    return this.typeProperty.value.range;
  }

  literal(value: string | number | boolean): LiteralValue {
    return { kind: 'literal', value, range: this.typeRange };
  }

  property(key: string, value: Value, keyRange: Range = this.typeRange): Property {
    return { key, keyRange, value, range: { start: keyRange.start, end: value.range.end } };
  }

  map(properties: Property[], at: Range = this.typeRange): MapValue {
    return { kind: 'map', properties, range: at };
  }

  entry(id: string, type: string, properties: Property[]): Property {
    const propertiesRange = this.written?.value.range ?? this.typeRange;
    const body: Property[] = [
      { ...this.typeProperty, value: { kind: 'literal', value: type, range: this.typeRange } },
      {
        key: 'Properties',
        keyRange: this.written?.keyRange ?? this.typeRange,
        value: this.map(properties, propertiesRange),
        range: this.written?.range ?? this.typeRange,
      },
    ];
    const condition = this.source.value.kind === 'map' ? getProperty(this.source.value, 'Condition') : undefined;
    if (condition) body.push(condition);
    const generated: Property = {
      ...this.source,
      key: id,
      value: { ...this.source.value, properties: body } as MapValue,
    };
    samEntries.set(generated, { from: this.id, by: this.by });
    return generated;
  }
}

/** A property of the effective (merged) properties, kept as it is. */
function pass(effective: MapValue, key: string): Property[] {
  const found = getProperty(effective, key);
  return found ? [found] : [];
}

/** SAM's `Tags` map as the list of `Key`/`Value` pairs most CloudFormation types take. */
function tagList(maker: Maker, effective: MapValue): Property[] {
  const tags = getProperty(effective, 'Tags');
  if (!tags) return [];
  if (tags.value.kind !== 'map') return [tags];
  const items: Value[] = tags.value.properties.map((tag) =>
    maker.map(
      [
        maker.property('Key', { kind: 'literal', value: tag.key, range: tag.keyRange }, tag.keyRange),
        maker.property('Value', tag.value, tag.keyRange),
      ],
      tag.range,
    ),
  );
  const list: ListValue = { kind: 'list', items, range: tags.value.range };
  return [{ ...tags, value: list }];
}

function functionEntries(maker: Maker, own: MapValue, effective: MapValue, hasGlobals: boolean): Property[] {
  const out: Property[] = [];
  const id = maker.id;
  // The function itself: only when Globals add to it (otherwise the SAM resource says it all).
  if (hasGlobals) {
    const properties = effective.properties.filter((p) => LAMBDA_KEYS.has(p.key));
    const tracing = getProperty(effective, 'Tracing');
    if (tracing)
      properties.push(
        maker.property(
          'TracingConfig',
          maker.map([maker.property('Mode', tracing.value, tracing.keyRange)], tracing.range),
          tracing.keyRange,
        ),
      );
    properties.push(...tagList(maker, effective));
    out.push(maker.entry(id, 'AWS::Lambda::Function', properties));
  }
  // The execution role, unless the function names one.
  if (!getProperty(own, 'Role'))
    out.push(maker.entry(`${id}Role`, 'AWS::IAM::Role', roleProperties(maker, own, effective)));
  // The function URL.
  const url = getProperty(effective, 'FunctionUrlConfig');
  if (url?.value.kind === 'map') {
    const properties: Property[] = [
      maker.property('TargetFunctionArn', {
        kind: 'reference',
        target: id,
        text: `!Ref ${id}`,
        range: maker.typeRange,
      }),
      ...pass(url.value, 'AuthType'),
      ...pass(url.value, 'Cors'),
      ...pass(url.value, 'InvokeMode'),
    ];
    out.push(maker.entry(`${id}Url`, 'AWS::Lambda::Url', properties));
  }
  return out;
}

function roleProperties(maker: Maker, own: MapValue, effective: MapValue): Property[] {
  const roleId = `${maker.id}Role`;
  const trust =
    getProperty(effective, 'AssumeRolePolicyDocument') ??
    maker.property('AssumeRolePolicyDocument', lambdaTrust(maker));
  const managed: Value[] = [maker.literal(managedPolicyArn('AWSLambdaBasicExecutionRole'))];
  const inline: Value[] = [];
  const policies = getProperty(own, 'Policies');
  const items = policies ? (policies.value.kind === 'list' ? policies.value.items : [policies.value]) : [];
  items.forEach((item, index) => {
    const name = (): Property =>
      maker.property('PolicyName', { kind: 'literal', value: `${roleId}Policy${index}`, range: item.range });
    if (item.kind === 'literal' && typeof item.value === 'string') {
      managed.push({ ...item, value: managedPolicyArn(item.value) });
    } else if (item.kind === 'map' && getProperty(item, 'Statement')) {
      inline.push(maker.map([name(), maker.property('PolicyDocument', item, item.range)], item.range));
    } else if (item.kind === 'map' && item.properties.length === 1) {
      // A SAM policy template: SAM writes statements scoped to the resource it names.
      const template = item.properties[0];
      const document: Value = {
        kind: 'unresolvable',
        construct: `SAM policy template ${template.key}`,
        text: template.key,
        range: item.range,
      };
      inline.push(maker.map([name(), maker.property('PolicyDocument', document, item.range)], item.range));
    } else if (item.kind === 'reference' || item.kind === 'unresolvable') {
      // An intrinsic names a managed policy ARN that is not known here.
      managed.push(item);
    }
  });
  const tracing = getProperty(effective, 'Tracing')?.value;
  if (tracing?.kind === 'literal' && tracing.value === 'Active')
    managed.push({ ...tracing, value: managedPolicyArn('AWSXrayWriteOnlyAccess') });
  const vpc = getProperty(effective, 'VpcConfig');
  if (vpc)
    managed.push({ kind: 'literal', value: managedPolicyArn('AWSLambdaVPCAccessExecutionRole'), range: vpc.keyRange });
  const properties: Property[] = [
    trust,
    maker.property(
      'ManagedPolicyArns',
      { kind: 'list', items: managed, range: policies?.value.range ?? maker.typeRange },
      policies?.keyRange,
    ),
  ];
  if (inline.length > 0 && policies)
    properties.push(
      maker.property('Policies', { kind: 'list', items: inline, range: policies.value.range }, policies.keyRange),
    );
  properties.push(...pass(effective, 'PermissionsBoundary'));
  const path = getProperty(effective, 'RolePath');
  if (path) properties.push({ ...path, key: 'Path' });
  properties.push(...tagList(maker, effective));
  return properties;
}

/** The trust policy SAM gives a function's role: Lambda may assume it. */
function lambdaTrust(maker: Maker): MapValue {
  const l = (value: string) => maker.literal(value);
  return maker.map([
    maker.property('Version', l('2012-10-17')),
    maker.property('Statement', {
      kind: 'list',
      range: maker.typeRange,
      items: [
        maker.map([
          maker.property('Effect', l('Allow')),
          maker.property('Action', { kind: 'list', items: [l('sts:AssumeRole')], range: maker.typeRange }),
          maker.property(
            'Principal',
            maker.map([
              maker.property('Service', { kind: 'list', items: [l('lambda.amazonaws.com')], range: maker.typeRange }),
            ]),
          ),
        ]),
      ],
    }),
  ]);
}

/** An AWS-managed policy name as SAM turns it into an ARN; an ARN stays as it is. */
export function managedPolicyArn(nameOrArn: string): string {
  if (nameOrArn.startsWith('arn:')) return nameOrArn;
  const path = SERVICE_ROLE_POLICIES.has(nameOrArn) ? 'service-role/' : '';
  return `arn:aws:iam::aws:policy/${path}${nameOrArn}`;
}

function tableProperties(maker: Maker, effective: MapValue): Property[] {
  const properties: Property[] = [...pass(effective, 'TableName'), ...pass(effective, 'SSESpecification')];
  const throughput = getProperty(effective, 'ProvisionedThroughput');
  properties.push(throughput ?? maker.property('BillingMode', maker.literal('PAY_PER_REQUEST')));
  properties.push(...tagList(maker, effective));
  return properties;
}

function apiProperties(maker: Maker, effective: MapValue, tags: 'list' | 'map'): Property[] {
  return [...pass(effective, 'Name'), ...(tags === 'list' ? tagList(maker, effective) : pass(effective, 'Tags'))];
}
