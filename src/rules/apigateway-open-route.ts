import type { MapValue, Range, Resource, Value } from '../iac/model';
import { getPath, getProperty } from '../iac/model';
import { setProperty } from '../fixes/edits';
import type { Rule, RuleContext, RuleReport } from './rule';
import { booleanOf, isCloudFormation, property, stringOf } from './toolkit/values';

/**
 * API Gateway methods and routes that anyone can call:
 *
 * - REST API methods (`AWS::ApiGateway::Method`, `aws_api_gateway_method`) whose authorization is
 *   `NONE`, without an API key, on an API of the same template or module that has no resource
 *   policy and is not private (a resource policy or a private endpoint limits callers in a way
 *   this rule does not read);
 * - HTTP API routes (`AWS::ApiGatewayV2::Route`, `aws_apigatewayv2_route`) whose authorization
 *   type is `NONE`, also when left out (the default); an API of protocol WEBSOCKET authorizes only
 *   `$connect`, so only that route is checked there;
 * - the API events of SAM functions (`Type: Api` and `Type: HttpApi`, on the implicit API or on an
 *   `AWS::Serverless::Api` / `HttpApi` of the template) with no authorizer from the event, its API
 *   or `Globals`, or with `Authorizer: NONE`.
 *
 * `OPTIONS` (the CORS preflight, which browsers send without credentials) is never reported, nor
 * anything decided at deploy time.
 */

const METHOD_TYPES = ['AWS::ApiGateway::Method', 'aws_api_gateway_method'];
const ROUTE_TYPES = ['AWS::ApiGatewayV2::Route', 'aws_apigatewayv2_route'];
const SAM_FUNCTION = 'AWS::Serverless::Function';
const HTTP_ROUTE_KEY = /^(ANY|GET|POST|PUT|PATCH|DELETE|HEAD) /i;

/** A known string, undefined when absent, null when decided at deploy time. */
function text(value: Value | undefined, context: RuleContext): string | undefined | null {
  if (value === undefined) return undefined;
  const reading = stringOf(context.resolve(value));
  if (reading.state === 'known') return reading.value;
  return reading.state === 'absent' ? undefined : null;
}

/**
 * The resource a reference (`!Ref Api`, `aws_api_gateway_rest_api.api.id`) names in the unit; of
 * `type` when given (a SAM API shares its logical id with the API Gateway API SAM writes for it).
 */
function referenced(value: Value | undefined, context: RuleContext, type?: string): Resource | undefined {
  const resolved = context.resolve(value);
  if (resolved?.kind !== 'reference') return undefined;
  if (!type) return context.resourceById(resolved.target);
  return context.unit.resources.find((r) => r.id === resolved.target && r.type === type);
}

/** Whether a REST API limits its callers in a way this rule does not read: a resource policy, a private endpoint. */
function restApiRestricted(api: Resource, context: RuleContext): boolean {
  const cfn = isCloudFormation(api);
  if (property(api, cfn ? 'Policy' : 'policy')) return true;
  if (!cfn && context.referencing(api, ['aws_api_gateway_rest_api_policy']).length > 0) return true;
  const types = getPath(
    api.properties,
    ...(cfn ? ['EndpointConfiguration', 'Types'] : ['endpoint_configuration', 'types']),
  );
  if (!types) return false;
  // Anything but a known list of public endpoint types (EDGE, REGIONAL) may be private.
  if (types.value.kind !== 'list') return true;
  return types.value.items.some((t) => {
    const type = text(t, context);
    return type !== 'EDGE' && type !== 'REGIONAL';
  });
}

/** An API key requirement that is set, or not known: either way, not an open method. */
function apiKeyRequired(value: Value | undefined, context: RuleContext): boolean {
  const reading = booleanOf(context.resolve(value));
  return reading.state === 'unknown' || (reading.state === 'known' && reading.value);
}

function restMethod(resource: Resource, context: RuleContext): RuleReport[] {
  const cfn = isCloudFormation(resource);
  const authorization = property(resource, cfn ? 'AuthorizationType' : 'authorization');
  const verb = text(property(resource, cfn ? 'HttpMethod' : 'http_method')?.value, context);
  // Only a written NONE is judged on a REST API method.
  if (!authorization || text(authorization.value, context) !== 'NONE') return [];
  if (typeof verb !== 'string' || verb.toUpperCase() === 'OPTIONS') return [];
  if (apiKeyRequired(property(resource, cfn ? 'ApiKeyRequired' : 'api_key_required')?.value, context)) return [];
  const api = referenced(property(resource, cfn ? 'RestApiId' : 'rest_api_id')?.value, context);
  if (!api || restApiRestricted(api, context)) return [];
  return [
    report(
      `API method '${resource.id}' (${verb.toUpperCase()})`,
      `${authorization.key} NONE`,
      authorization.value.range,
      [authorization.key],
    ),
  ];
}

function httpRoute(resource: Resource, context: RuleContext): RuleReport[] {
  const cfn = isCloudFormation(resource);
  const key = text(property(resource, cfn ? 'RouteKey' : 'route_key')?.value, context);
  if (typeof key !== 'string' || /^OPTIONS /i.test(key)) return [];
  const api = referenced(property(resource, cfn ? 'ApiId' : 'api_id')?.value, context);
  const protocol = api ? text(property(api, cfn ? 'ProtocolType' : 'protocol_type')?.value, context) : undefined;
  if (protocol === null) return [];
  const websocket = protocol === 'WEBSOCKET';
  if (websocket ? key !== '$connect' : protocol !== 'HTTP' && !HTTP_ROUTE_KEY.test(key)) return [];
  const authorization = property(resource, cfn ? 'AuthorizationType' : 'authorization_type');
  const type = text(authorization?.value, context);
  if (type === null || (type !== undefined && type !== 'NONE')) return [];
  const name = cfn ? 'AuthorizationType' : 'authorization_type';
  return [
    report(
      `route '${key}' of '${resource.id}'`,
      authorization ? `${name} NONE` : `no ${name} (NONE by default)`,
      authorization ? authorization.value.range : resource.typeRange,
      [name],
    ),
  ];
}

/** The events of a SAM function that put it behind an API with no authorizer. */
function samEvents(resource: Resource, context: RuleContext): RuleReport[] {
  const events = property(resource, 'Events')?.value;
  if (events?.kind !== 'map') return [];
  const reports: RuleReport[] = [];
  for (const event of events.properties) {
    if (event.value.kind !== 'map') continue;
    const kind = text(getProperty(event.value, 'Type')?.value, context);
    if (kind !== 'Api' && kind !== 'HttpApi') continue;
    const properties = getProperty(event.value, 'Properties')?.value;
    if (properties?.kind !== 'map') continue;
    const found = samEventOpen(properties, kind, context);
    if (!found) continue;
    const verb = text(getProperty(properties, 'Method')?.value, context);
    const path = text(getProperty(properties, 'Path')?.value, context);
    const route = typeof verb === 'string' && typeof path === 'string' ? ` ${verb.toUpperCase()} ${path}` : '';
    // SAM accepts AWS_IAM as an Api event's authorizer; an HttpApi event needs its API to enable it first.
    const fix = kind === 'Api' ? ['Events', event.key, 'Properties', 'Auth', 'Authorizer'] : undefined;
    reports.push(
      report(
        `the${route} ${kind} event '${event.key}' of function '${resource.id}'`,
        found.setting,
        found.range ?? event.keyRange,
        fix,
      ),
    );
  }
  return reports;
}

/**
 * Whether a SAM API event is open: its own `Auth.Authorizer`, else its API's `Auth.DefaultAuthorizer`,
 * else the one in `Globals` (SAM merges `Globals` into an API, and the API's own value wins). An
 * API key or a resource policy at any of these levels counts as a limit, and anything decided at
 * deploy time, or an API this template does not define, as not known.
 */
function samEventOpen(
  properties: MapValue,
  kind: 'Api' | 'HttpApi',
  context: RuleContext,
): { setting: string; range?: Range } | undefined {
  const verb = text(getProperty(properties, 'Method')?.value, context);
  if (typeof verb !== 'string' || verb.toUpperCase() === 'OPTIONS') return undefined;
  const apiReference = getProperty(properties, kind === 'Api' ? 'RestApiId' : 'ApiId');
  const api = apiReference
    ? referenced(apiReference.value, context, kind === 'Api' ? 'AWS::Serverless::Api' : 'AWS::Serverless::HttpApi')
    : undefined;
  // An API this template does not define, or one with an OpenAPI definition (which can hold its own
  // security settings for each path): not known here.
  if (
    apiReference &&
    (!api || getProperty(api.properties, 'DefinitionBody') || getProperty(api.properties, 'DefinitionUri'))
  )
    return undefined;
  const globals = context.unit.kind === 'cloudformation' ? context.unit.globals : undefined;
  // Most specific first: the event, its API, Globals.
  const levels = [
    getProperty(properties, 'Auth')?.value,
    api ? getProperty(api.properties, 'Auth')?.value : undefined,
    getPath(globals, kind, 'Auth')?.value,
  ].filter((auth): auth is Value => auth !== undefined);
  if (levels.some((auth) => auth.kind !== 'map')) return undefined;
  const auths = levels as MapValue[];
  if (
    auths.some(
      (auth) =>
        getProperty(auth, 'ResourcePolicy') || apiKeyRequired(getProperty(auth, 'ApiKeyRequired')?.value, context),
    )
  )
    return undefined;
  const own = getPath(properties, 'Auth', 'Authorizer');
  if (own) {
    const authorizer = text(own.value, context);
    return authorizer === 'NONE' ? { setting: 'Auth.Authorizer NONE', range: own.value.range } : undefined;
  }
  for (const auth of auths) {
    const fallback = getProperty(auth, 'DefaultAuthorizer');
    if (!fallback) continue;
    return text(fallback.value, context) === 'NONE' ? { setting: 'DefaultAuthorizer NONE' } : undefined;
  }
  return { setting: 'no authorizer on the event, its API or Globals' };
}

/** `path` is where the fix writes `AWS_IAM`; undefined when no authorizer can be written for it. */
function report(what: string, setting: string, range: Range, path?: string[]): RuleReport {
  return {
    messageId: 'open',
    data: { what, setting, ...(path ? { path } : {}) },
    range,
    fixable: path !== undefined,
  };
}

export const rule: Rule = {
  id: 'apigateway-open-route',
  title: 'API Gateway method or route requires no authorization',
  concern: 'identity-access',
  severity: 'warning',
  appliesTo: [...METHOD_TYPES, ...ROUTE_TYPES, SAM_FUNCTION],
  rationale:
    'AWS runs API Gateway and checks callers with the authorizer you attach, but whether an API checks callers at all is yours to decide. A method or route with authorization NONE lets anyone who can reach the API invoke it, and through it the function, service or data behind it.',
  remediation:
    'Attach an authorizer (the quick fix writes `AWS_IAM`: callers must then sign their requests with IAM credentials, so check who calls the API first): `AWS_IAM`, a Cognito user pool or a Lambda authorizer on REST API methods (`AuthorizationType` / `authorization`), `AWS_IAM`, `JWT` or `CUSTOM` on HTTP API routes (`AuthorizationType` / `authorization_type`), or `Auth.Authorizer` on a SAM event (or `Auth.DefaultAuthorizer` on its API or in `Globals`). An API that must stay public (a public website backend, a webhook) can keep NONE: suppress this finding with a reason, and consider throttling and AWS WAF.',
  messages: {
    open: {
      headline: '{what} requires no authorization.',
      detail:
        'It has {setting}, so API Gateway checks no caller: anyone who can reach the API can invoke it, and what stands behind it. Who may call your API is yours to decide: attach an authorizer (IAM, Cognito, Lambda or JWT), or keep it public on purpose and say why.',
    },
  },

  check(resource, context) {
    if (METHOD_TYPES.includes(resource.type)) return restMethod(resource, context);
    if (ROUTE_TYPES.includes(resource.type)) return httpRoute(resource, context);
    if (resource.type === SAM_FUNCTION) return samEvents(resource, context);
    return [];
  },

  fix(report, resource, context) {
    const path = report.data?.path as string[] | undefined;
    if (!path) return undefined;
    return {
      title: `Require IAM authorization (${path[path.length - 1]}: AWS_IAM)`,
      edits: setProperty(resource, context, path, 'AWS_IAM'),
    };
  },
};
