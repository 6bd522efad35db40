import { rule } from '../../src/rules/apigateway-open-route';
import type { RuleCases } from './tester';

/** A REST API and one method on it; `method` holds the method's extra properties, `api` the API's. */
const rest = (method: string[], api: string[] = []) =>
  [
    'Resources:',
    '  Api:',
    '    Type: AWS::ApiGateway::RestApi',
    '    Properties:',
    '      Name: items',
    ...api.map((line) => `      ${line}`),
    '  Get:',
    '    Type: AWS::ApiGateway::Method',
    '    Properties:',
    '      RestApiId: !Ref Api',
    '      ResourceId: !GetAtt Api.RootResourceId',
    ...method.map((line) => `      ${line}`),
    '',
  ].join('\n');

/** An HTTP or WebSocket API and one route on it. */
const route = (protocol: string, key: string, extra: string[] = []) =>
  [
    'Resources:',
    '  Api:',
    '    Type: AWS::ApiGatewayV2::Api',
    '    Properties:',
    '      Name: items',
    `      ProtocolType: ${protocol}`,
    '  Route:',
    '    Type: AWS::ApiGatewayV2::Route',
    '    Properties:',
    '      ApiId: !Ref Api',
    `      RouteKey: '${key}'`,
    ...extra.map((line) => `      ${line}`),
    '',
  ].join('\n');

/** A SAM function with one event of `kind` (`Api`, `HttpApi`); `globals` and `resources` are added as written. */
const sam = (event: string[], { globals = [], resources = [] }: { globals?: string[]; resources?: string[] } = {}) =>
  [
    'Transform: AWS::Serverless-2016-10-31',
    ...(globals.length ? ['Globals:', ...globals.map((line) => `  ${line}`)] : []),
    'Resources:',
    ...resources.map((line) => `  ${line}`),
    '  Fn:',
    '    Type: AWS::Serverless::Function',
    '    Properties:',
    '      Runtime: python3.12',
    '      Handler: app.handler',
    '      Events:',
    '        Items:',
    ...event.map((line) => `          ${line}`),
    '',
  ].join('\n');

const GET_ITEMS = ['Type: Api', 'Properties:', '  Path: /items', '  Method: get'];
/** The GET /items event on `Api`, an `AWS::Serverless::Api` with `properties` besides its stage. */
const onApi = (properties: string[]) =>
  sam([...GET_ITEMS, '  RestApiId: !Ref Api'], {
    resources: [
      'Api:',
      '  Type: AWS::Serverless::Api',
      '  Properties:',
      '    StageName: prod',
      ...properties.map((p) => `    ${p}`),
    ],
  });
/** A SAM API whose routes require IAM unless an event says otherwise. */
const IAM_API = [
  'Api:',
  '  Type: AWS::Serverless::Api',
  '  Properties:',
  '    StageName: prod',
  '    Auth:',
  '      DefaultAuthorizer: AWS_IAM',
];

const tfMethod = (authorization: string, extra = '') =>
  [
    'resource "aws_api_gateway_rest_api" "api" {',
    '  name = "items"',
    '}',
    '',
    'resource "aws_api_gateway_method" "get" {',
    '  rest_api_id   = aws_api_gateway_rest_api.api.id',
    '  resource_id   = aws_api_gateway_rest_api.api.root_resource_id',
    '  http_method   = "GET"',
    `  authorization = ${authorization}`,
    extra,
    '}',
    '',
  ].join('\n');

export const cases: RuleCases = {
  rule,
  valid: [
    { syntax: 'yaml', name: 'IAM', code: rest(['HttpMethod: GET', 'AuthorizationType: AWS_IAM']) },
    { syntax: 'yaml', name: 'the CORS preflight', code: rest(['HttpMethod: OPTIONS', 'AuthorizationType: NONE']) },
    {
      syntax: 'yaml',
      name: 'an API key is required',
      code: rest(['HttpMethod: GET', 'AuthorizationType: NONE', 'ApiKeyRequired: true']),
    },
    {
      syntax: 'yaml',
      name: 'the API has a resource policy',
      code: rest(['HttpMethod: GET', 'AuthorizationType: NONE'], ['Policy: { Version: "2012-10-17", Statement: [] }']),
    },
    {
      syntax: 'yaml',
      name: 'a private API',
      code: rest(['HttpMethod: GET', 'AuthorizationType: NONE'], ['EndpointConfiguration: { Types: [PRIVATE] }']),
    },
    {
      syntax: 'yaml',
      name: 'a parameter without a default is unknown',
      code: `Parameters:\n  Auth:\n    Type: String\n${rest(['HttpMethod: GET', 'AuthorizationType: !Ref Auth'])}`,
    },
    { syntax: 'yaml', name: 'no authorization type written: not judged', code: rest(['HttpMethod: GET']) },
    {
      syntax: 'yaml',
      name: 'an API this template does not define',
      code: 'Resources:\n  Get:\n    Type: AWS::ApiGateway::Method\n    Properties:\n      RestApiId: !ImportValue api\n      ResourceId: abc\n      HttpMethod: GET\n      AuthorizationType: NONE\n',
    },
    {
      syntax: 'json',
      name: 'a JWT route',
      code: '{"Resources": {"Api": {"Type": "AWS::ApiGatewayV2::Api", "Properties": {"Name": "a", "ProtocolType": "HTTP"}}, "Route": {"Type": "AWS::ApiGatewayV2::Route", "Properties": {"ApiId": {"Ref": "Api"}, "RouteKey": "GET /items", "AuthorizationType": "JWT", "AuthorizerId": "abc"}}}}',
    },
    { syntax: 'yaml', name: 'a WebSocket route other than $connect', code: route('WEBSOCKET', 'sendmessage') },
    { syntax: 'yaml', name: 'an HTTP CORS preflight route', code: route('HTTP', 'OPTIONS /items') },
    { syntax: 'terraform', name: 'Cognito', code: tfMethod('"COGNITO_USER_POOLS"', '  authorizer_id = "abc"') },
    {
      syntax: 'terraform',
      name: 'a resource policy for the API',
      code: `${tfMethod('"NONE"')}\nresource "aws_api_gateway_rest_api_policy" "p" {\n  rest_api_id = aws_api_gateway_rest_api.api.id\n  policy      = "{}"\n}\n`,
    },
    {
      syntax: 'terraform',
      name: 'a variable without a default is unknown',
      code: 'variable "auth" {}\n\nresource "aws_apigatewayv2_api" "api" {\n  name          = "a"\n  protocol_type = "HTTP"\n}\n\nresource "aws_apigatewayv2_route" "get" {\n  api_id             = aws_apigatewayv2_api.api.id\n  route_key          = "GET /items"\n  authorization_type = var.auth\n}\n',
    },
    {
      syntax: 'yaml',
      name: "SAM: the event's authorizer",
      code: sam([...GET_ITEMS, '  Auth:', '    Authorizer: AWS_IAM']),
    },
    {
      syntax: 'yaml',
      name: "SAM: Globals' default authorizer for the implicit API",
      code: sam(GET_ITEMS, { globals: ['Api:', '  Auth:', '    DefaultAuthorizer: AWS_IAM'] }),
    },
    {
      syntax: 'yaml',
      name: "SAM: its API's default authorizer",
      code: onApi([
        'Auth:',
        '  DefaultAuthorizer: Lambda',
        '  Authorizers:',
        '    Lambda:',
        '      FunctionArn: arn:aws:lambda:eu-west-1:111122223333:function:auth',
      ]),
    },
    {
      syntax: 'yaml',
      name: 'SAM: an API with an OpenAPI definition is not judged',
      code: onApi(['DefinitionUri: ./openapi.yaml']),
    },
    {
      syntax: 'yaml',
      name: 'SAM: a resource policy in Globals',
      code: sam(GET_ITEMS, {
        globals: ['Api:', '  Auth:', '    ResourcePolicy:', '      SourceVpcWhitelist: [vpc-1]'],
      }),
    },
    {
      syntax: 'yaml',
      name: 'SAM: a queue event',
      code: sam(['Type: SQS', 'Properties:', '  Queue: arn:aws:sqs:eu-west-1:111122223333:q']),
    },
  ],
  invalid: [
    {
      syntax: 'yaml',
      code: rest(['HttpMethod: GET', 'AuthorizationType: NONE']),
      findings: [
        {
          line: 12,
          column: 26,
          severity: 'warning',
          messageId: 'open',
          message: "You · Identity and access: API method 'Get' (GET) requires no authorization",
          detail:
            'It has AuthorizationType NONE, so API Gateway checks no caller: anyone who can reach the API can invoke it, and what stands behind it. Who may call your API is yours to decide: attach an authorizer (IAM, Cognito, Lambda or JWT), or keep it public on purpose and say why.',
        },
      ],
      output: rest(['HttpMethod: GET', 'AuthorizationType: AWS_IAM']),
    },
    {
      syntax: 'yaml',
      name: 'a public regional API; no API key',
      code: rest(
        ['HttpMethod: post', 'AuthorizationType: NONE', 'ApiKeyRequired: false'],
        ['EndpointConfiguration: { Types: [REGIONAL] }'],
      ),
      findings: [{ line: 13, column: 26, message: /API method 'Get' \(POST\)/ }],
      output: rest(
        ['HttpMethod: post', 'AuthorizationType: AWS_IAM', 'ApiKeyRequired: false'],
        ['EndpointConfiguration: { Types: [REGIONAL] }'],
      ),
    },
    {
      syntax: 'json',
      code: '{"Resources": {"Api": {"Type": "AWS::ApiGateway::RestApi", "Properties": {"Name": "a"}},\n "Get": {"Type": "AWS::ApiGateway::Method", "Properties": {"RestApiId": {"Ref": "Api"}, "ResourceId": "x", "HttpMethod": "DELETE", "AuthorizationType": "NONE"}}}}',
      findings: [{ line: 2, column: 153, message: /'Get' \(DELETE\)/ }],
      output:
        '{"Resources": {"Api": {"Type": "AWS::ApiGateway::RestApi", "Properties": {"Name": "a"}},\n "Get": {"Type": "AWS::ApiGateway::Method", "Properties": {"RestApiId": {"Ref": "Api"}, "ResourceId": "x", "HttpMethod": "DELETE", "AuthorizationType": "AWS_IAM"}}}}',
    },
    {
      syntax: 'terraform',
      code: tfMethod('"NONE"', '  api_key_required = false'),
      findings: [
        {
          line: 9,
          column: 19,
          message: "You · Identity and access: API method 'aws_api_gateway_method.get' (GET) requires no authorization",
          detail: /^It has authorization NONE,/,
        },
      ],
      output: tfMethod('"AWS_IAM"', '  api_key_required = false'),
    },
    {
      syntax: 'yaml',
      name: 'an HTTP API route',
      code: route('HTTP', 'GET /items', ['AuthorizationType: NONE']),
      findings: [{ line: 12, column: 26, message: /route 'GET \/items' of 'Route'/ }],
      output: route('HTTP', 'GET /items', ['AuthorizationType: AWS_IAM']),
    },
    {
      syntax: 'yaml',
      name: "a WebSocket API's $connect route",
      code: route('WEBSOCKET', '$connect', ['AuthorizationType: NONE']),
      findings: [{ line: 12, column: 26, message: /route '\$connect' of 'Route'/ }],
      output: route('WEBSOCKET', '$connect', ['AuthorizationType: AWS_IAM']),
    },
    {
      syntax: 'terraform',
      name: 'an HTTP API route without an authorization type: NONE by default',
      code: 'resource "aws_apigatewayv2_api" "api" {\n  name          = "a"\n  protocol_type = "HTTP"\n}\n\nresource "aws_apigatewayv2_route" "default" {\n  api_id    = aws_apigatewayv2_api.api.id\n  route_key = "$default"\n}\n',
      findings: [
        {
          line: 6,
          column: 10,
          message: /route '\$default' of 'aws_apigatewayv2_route.default'/,
          detail: /^It has no authorization_type \(NONE by default\),/,
        },
      ],
      output:
        'resource "aws_apigatewayv2_api" "api" {\n  name          = "a"\n  protocol_type = "HTTP"\n}\n\nresource "aws_apigatewayv2_route" "default" {\n  api_id    = aws_apigatewayv2_api.api.id\n  route_key = "$default"\n  authorization_type = "AWS_IAM"\n}\n',
    },
    {
      syntax: 'yaml',
      name: 'SAM: an implicit API with no authorizer anywhere',
      code: sam(GET_ITEMS),
      findings: [
        {
          line: 9,
          column: 9,
          message:
            "You · Identity and access: the GET /items Api event 'Items' of function 'Fn' requires no authorization",
          detail: /^It has no authorizer on the event, its API or Globals,/,
        },
      ],
      output: sam([...GET_ITEMS, '  Auth:', '    Authorizer: AWS_IAM']),
    },
    {
      syntax: 'yaml',
      name: "SAM: the event opts out of its API's default authorizer",
      code: sam([...GET_ITEMS, '  RestApiId: !Ref Api', '  Auth:', '    Authorizer: NONE'], {
        resources: IAM_API,
      }),
      findings: [{ line: 22, column: 27, detail: /^It has Auth.Authorizer NONE,/ }],
      output: sam([...GET_ITEMS, '  RestApiId: !Ref Api', '  Auth:', '    Authorizer: AWS_IAM'], {
        resources: IAM_API,
      }),
    },
    {
      syntax: 'yaml',
      name: 'SAM: an HTTP API event',
      code: sam(['Type: HttpApi', 'Properties:', '  Path: /items', '  Method: POST']),
      findings: [{ line: 9, column: 9, message: /the POST \/items HttpApi event 'Items' of function 'Fn'/ }],
    },
  ],
};
