/**
 * The AWS SAM transform (AWS::Serverless-2016-10-31): the resources SAM writes for its resources,
 * in YAML and JSON, with exact logical ids, properties, findings and ranges; Globals merged as SAM
 * merges them; what must stay silent (unknown values, a Role given, policy templates); a finding
 * the SAM resource already has is not repeated on what it generates; the limit; and a property
 * test: a SAM function gives the findings of the Lambda, IAM and URL resources written by hand.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { Analyzer } from '../../../src/engine/analyzer';
import { parseCloudFormation } from '../../../src/iac/cloudformation';
import { MAX_SAM_GENERATED } from '../../../src/iac/cloudformation-sam';
import type { CloudFormationTemplate, Range, Value } from '../../../src/iac/model';
import { reparseYamlIncrementally } from '../../../src/iac/yaml-incremental';

const at = (r: Range) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

function plain(value: Value | undefined): unknown {
  if (!value) return undefined;
  switch (value.kind) {
    case 'literal':
      return value.value;
    case 'map':
      return Object.fromEntries(value.properties.map((p) => [p.key, plain(p.value)]));
    case 'list':
      return value.items.map(plain);
    case 'reference':
      return `!Ref ${value.target}${value.attribute ? `.${value.attribute}` : ''}`;
    case 'unresolvable':
      return `?${value.construct}`;
  }
}

function unitOf(file: string, text: string): CloudFormationTemplate {
  const result = parseCloudFormation(file, text);
  assert.deepEqual(result.diagnostics, [], `${file}: no diagnostics`);
  assert.equal(result.units.length, 1);
  return result.units[0] as CloudFormationTemplate;
}

/** Each finding as `rule resource range fixable message`. */
function findingsOf(file: string, text: string): string[] {
  return new Analyzer()
    .analyzeCloudFormation(file, text)
    .findings.map((f) => `${f.ruleId} ${f.resource} ${at(f.range)} ${f.fixable ? 'fix' : 'nofix'} ${f.message}`);
}

interface Case {
  name: string;
  yaml: string;
  json: string;
  /** Every resource as `id type` (generated ones with `<- generatedFrom`). */
  resources: string[];
  /** Properties of generated resources, as plain data, by `id type`. */
  properties?: Record<string, unknown>;
  /** Findings, YAML then JSON. */
  findings: [string[], string[]];
}

const SECRET = "You · Credentials: Lambda function '{id}' has a secret in environment variable DB_PASSWORD";
const secret = (id: string) => SECRET.replace('{id}', id);
const URL_NONE = "You · Identity and access: function URL of '{id}' has AuthType NONE";
const urlNone = (id: string) => URL_NONE.replace('{id}', id);

const cases: Case[] = [
  {
    name: 'Globals: maps merged, lists appended, plain values replaced; a global secret reaches each function that does not override it',
    yaml: `Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Runtime: python3.12
    Layers: [arn:aws:lambda:eu-west-1:123456789012:layer:base:1]
    Environment:
      Variables:
        DB_PASSWORD: hunter2hunter2
        STAGE: prod
    Policies: [AdministratorAccess]
Resources:
  Inherits:
    Type: AWS::Serverless::Function
    Properties:
      Role: arn:aws:iam::123456789012:role/app
      Runtime: nodejs20.x
      Layers: [arn:aws:lambda:eu-west-1:123456789012:layer:extra:2]
      Environment:
        Variables:
          MODE: fast
  Overrides:
    Type: AWS::Serverless::Function
    Properties:
      Role: arn:aws:iam::123456789012:role/app
      Environment:
        Variables:
          DB_PASSWORD: !Ref DbPassword
`,
    json: `{
  "Transform": "AWS::Serverless-2016-10-31",
  "Globals": {"Function": {"Runtime": "python3.12", "Layers": ["arn:aws:lambda:eu-west-1:123456789012:layer:base:1"],
    "Environment": {"Variables": {"DB_PASSWORD": "hunter2hunter2", "STAGE": "prod"}}, "Policies": ["AdministratorAccess"]}},
  "Resources": {
    "Inherits": {"Type": "AWS::Serverless::Function", "Properties": {"Role": "arn:aws:iam::123456789012:role/app",
      "Runtime": "nodejs20.x", "Layers": ["arn:aws:lambda:eu-west-1:123456789012:layer:extra:2"],
      "Environment": {"Variables": {"MODE": "fast"}}}},
    "Overrides": {"Type": "AWS::Serverless::Function", "Properties": {"Role": "arn:aws:iam::123456789012:role/app",
      "Environment": {"Variables": {"DB_PASSWORD": {"Ref": "DbPassword"}}}}}
  }
}
`,
    resources: [
      'Inherits AWS::Serverless::Function',
      'Inherits AWS::Lambda::Function <- Inherits',
      'Overrides AWS::Serverless::Function',
      'Overrides AWS::Lambda::Function <- Overrides',
    ],
    properties: {
      // Policies is not a key SAM accepts in Globals: it is not merged.
      'Inherits AWS::Lambda::Function': {
        Runtime: 'nodejs20.x',
        Layers: [
          'arn:aws:lambda:eu-west-1:123456789012:layer:base:1',
          'arn:aws:lambda:eu-west-1:123456789012:layer:extra:2',
        ],
        Environment: { Variables: { DB_PASSWORD: 'hunter2hunter2', STAGE: 'prod', MODE: 'fast' } },
      },
      'Overrides AWS::Lambda::Function': {
        Runtime: 'python3.12',
        Layers: ['arn:aws:lambda:eu-west-1:123456789012:layer:base:1'],
        Environment: { Variables: { DB_PASSWORD: '!Ref DbPassword', STAGE: 'prod' } },
      },
    },
    findings: [
      [`lambda-environment-secrets Inherits 7:21-7:35 nofix ${secret('Inherits')}`],
      [`lambda-environment-secrets Inherits 3:49-3:65 nofix ${secret('Inherits')}`],
    ],
  },
  {
    name: 'FunctionUrlConfig: from Globals on <Function>Url, written on the function once (with its fix), AWS_IAM and unknown silent',
    yaml: `Transform: AWS::Serverless-2016-10-31
Parameters:
  Auth:
    Type: String
Globals:
  Function:
    FunctionUrlConfig:
      AuthType: NONE
Resources:
  Public:
    Type: AWS::Serverless::Function
    Properties:
      Role: !GetAtt Shared.Arn
  Written:
    Type: AWS::Serverless::Function
    Properties:
      Role: !GetAtt Shared.Arn
      FunctionUrlConfig:
        AuthType: NONE
  Iam:
    Type: AWS::Serverless::Function
    Properties:
      Role: !GetAtt Shared.Arn
      FunctionUrlConfig:
        AuthType: AWS_IAM
  Unknown:
    Type: AWS::Serverless::Function
    Properties:
      Role: !GetAtt Shared.Arn
      FunctionUrlConfig:
        AuthType: !Ref Auth
`,
    json: `{"Transform": "AWS::Serverless-2016-10-31", "Parameters": {"Auth": {"Type": "String"}},
"Globals": {"Function": {"FunctionUrlConfig": {"AuthType": "NONE"}}},
"Resources": {
  "Public": {"Type": "AWS::Serverless::Function", "Properties": {"Role": {"Fn::GetAtt": ["Shared", "Arn"]}}},
  "Written": {"Type": "AWS::Serverless::Function", "Properties": {"Role": {"Fn::GetAtt": ["Shared", "Arn"]},
    "FunctionUrlConfig": {"AuthType": "NONE"}}},
  "Iam": {"Type": "AWS::Serverless::Function", "Properties": {"Role": {"Fn::GetAtt": ["Shared", "Arn"]},
    "FunctionUrlConfig": {"AuthType": "AWS_IAM"}}},
  "Unknown": {"Type": "AWS::Serverless::Function", "Properties": {"Role": {"Fn::GetAtt": ["Shared", "Arn"]},
    "FunctionUrlConfig": {"AuthType": {"Ref": "Auth"}}}}}}
`,
    resources: [
      'Public AWS::Serverless::Function',
      'Public AWS::Lambda::Function <- Public',
      'PublicUrl AWS::Lambda::Url <- Public',
      'Written AWS::Serverless::Function',
      'Written AWS::Lambda::Function <- Written',
      'WrittenUrl AWS::Lambda::Url <- Written',
      'Iam AWS::Serverless::Function',
      'Iam AWS::Lambda::Function <- Iam',
      'IamUrl AWS::Lambda::Url <- Iam',
      'Unknown AWS::Serverless::Function',
      'Unknown AWS::Lambda::Function <- Unknown',
      'UnknownUrl AWS::Lambda::Url <- Unknown',
    ],
    properties: {
      'PublicUrl AWS::Lambda::Url': { TargetFunctionArn: '!Ref Public', AuthType: 'NONE' },
      'IamUrl AWS::Lambda::Url': { TargetFunctionArn: '!Ref Iam', AuthType: 'AWS_IAM' },
      'UnknownUrl AWS::Lambda::Url': { TargetFunctionArn: '!Ref Unknown', AuthType: '!Ref Auth' },
    },
    findings: [
      [
        `lambda-function-url-public PublicUrl 7:16-7:20 nofix ${urlNone('PublicUrl')}`,
        `lambda-function-url-public Written 18:18-18:22 fix ${urlNone('Written')}`,
      ],
      [
        `lambda-function-url-public PublicUrl 1:59-1:65 nofix ${urlNone('PublicUrl')}`,
        `lambda-function-url-public Written 5:38-5:44 fix ${urlNone('Written')}`,
      ],
    ],
  },
  {
    name: 'Policies: managed names and ARNs on <Function>Role, inline statements as <Function>RolePolicy<n>, policy templates not admin, Role given',
    yaml: `Transform: AWS::Serverless-2016-10-31
Resources:
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      Tracing: Active
      Policies:
        - AmazonS3ReadOnlyAccess
        - arn:aws:iam::123456789012:policy/custom
        - S3ReadPolicy:
            BucketName: '*'
        - Statement:
            - Effect: Allow
              Action: '*'
              Resource: '*'
        - !Ref ExtraPolicy
  Scoped:
    Type: AWS::Serverless::Function
    Properties:
      Policies:
        Statement:
          Effect: Allow
          Action: s3:GetObject
          Resource: '*'
  Given:
    Type: AWS::Serverless::Function
    Properties:
      Role: arn:aws:iam::123456789012:role/given
      Policies: [AdministratorAccess]
`,
    json: `{"Transform": "AWS::Serverless-2016-10-31", "Resources": {
  "Worker": {"Type": "AWS::Serverless::Function", "Properties": {"Tracing": "Active", "Policies": [
    "AmazonS3ReadOnlyAccess", "arn:aws:iam::123456789012:policy/custom", {"S3ReadPolicy": {"BucketName": "*"}},
    {"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}, {"Ref": "ExtraPolicy"}]}},
  "Scoped": {"Type": "AWS::Serverless::Function", "Properties": {"Policies": {"Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}}}},
  "Given": {"Type": "AWS::Serverless::Function", "Properties": {"Role": "arn:aws:iam::123456789012:role/given", "Policies": ["AdministratorAccess"]}}}}
`,
    resources: [
      'Worker AWS::Serverless::Function',
      'WorkerRole AWS::IAM::Role <- Worker',
      'Scoped AWS::Serverless::Function',
      'ScopedRole AWS::IAM::Role <- Scoped',
      'Given AWS::Serverless::Function',
    ],
    properties: {
      'WorkerRole AWS::IAM::Role': {
        AssumeRolePolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Action: ['sts:AssumeRole'], Principal: { Service: ['lambda.amazonaws.com'] } },
          ],
        },
        ManagedPolicyArns: [
          'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
          'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
          'arn:aws:iam::123456789012:policy/custom',
          '!Ref ExtraPolicy',
          'arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess',
        ],
        Policies: [
          { PolicyName: 'WorkerRolePolicy2', PolicyDocument: '?SAM policy template S3ReadPolicy' },
          {
            PolicyName: 'WorkerRolePolicy3',
            PolicyDocument: { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
          },
        ],
      },
      'ScopedRole AWS::IAM::Role': {
        AssumeRolePolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Action: ['sts:AssumeRole'], Principal: { Service: ['lambda.amazonaws.com'] } },
          ],
        },
        ManagedPolicyArns: ['arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'],
        Policies: [
          {
            PolicyName: 'ScopedRolePolicy0',
            PolicyDocument: { Statement: { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' } },
          },
        ],
      },
    },
    findings: [
      [
        `iam-policy-admin-access Worker 12:14-15:0 nofix You · Identity and access: an inline policy of 'Worker' allows every action on every resource`,
      ],
      [
        `iam-policy-admin-access Worker 3:19-3:70 nofix You · Identity and access: an inline policy of 'Worker' allows every action on every resource`,
      ],
    ],
  },
  {
    name: 'SimpleTable, Api and HttpApi: the table, REST API and HTTP API SAM writes under their own ids; Globals SSESpecification and tags',
    yaml: `Transform: AWS::Serverless-2016-10-31
Globals:
  SimpleTable:
    SSESpecification:
      SSEEnabled: true
Resources:
  Table:
    Type: AWS::Serverless::SimpleTable
    Properties:
      TableName: orders
  Rest:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      Tags:
        team: web
  Http:
    Type: AWS::Serverless::HttpApi
`,
    json: `{"Transform": "AWS::Serverless-2016-10-31", "Globals": {"SimpleTable": {"SSESpecification": {"SSEEnabled": true}}},
"Resources": {"Table": {"Type": "AWS::Serverless::SimpleTable", "Properties": {"TableName": "orders"}},
  "Rest": {"Type": "AWS::Serverless::Api", "Properties": {"StageName": "prod", "Tags": {"team": "web"}}},
  "Http": {"Type": "AWS::Serverless::HttpApi"}}}
`,
    resources: [
      'Table AWS::Serverless::SimpleTable',
      'Table AWS::DynamoDB::Table <- Table',
      'Rest AWS::Serverless::Api',
      'Rest AWS::ApiGateway::RestApi <- Rest',
      'Http AWS::Serverless::HttpApi',
      'Http AWS::ApiGatewayV2::Api <- Http',
    ],
    properties: {
      'Table AWS::DynamoDB::Table': {
        TableName: 'orders',
        SSESpecification: { SSEEnabled: true },
        BillingMode: 'PAY_PER_REQUEST',
      },
      'Rest AWS::ApiGateway::RestApi': { Tags: [{ Key: 'team', Value: 'web' }] },
      'Http AWS::ApiGatewayV2::Api': {},
    },
    // The table SimpleTable writes: encrypted with the AWS managed key (from Globals), and neither
    // deletion protection nor point-in-time recovery, which SimpleTable cannot turn on.
    findings: [
      [
        `dynamodb-customer-managed-key Table 3:4-3:20 nofix Shared · Data at rest: DynamoDB table 'Table' uses the AWS managed key aws/dynamodb`,
        `dynamodb-deletion-protection Table 7:10-7:38 nofix Shared · Backup and DR: DynamoDB table 'Table' has no deletion protection`,
        `dynamodb-point-in-time-recovery Table 7:10-7:38 nofix Shared · Backup and DR: DynamoDB table 'Table' has no point-in-time recovery`,
      ],
      [
        `dynamodb-customer-managed-key Table 0:72-0:90 nofix Shared · Data at rest: DynamoDB table 'Table' uses the AWS managed key aws/dynamodb`,
        `dynamodb-deletion-protection Table 1:32-1:62 nofix Shared · Backup and DR: DynamoDB table 'Table' has no deletion protection`,
        `dynamodb-point-in-time-recovery Table 1:32-1:62 nofix Shared · Backup and DR: DynamoDB table 'Table' has no point-in-time recovery`,
      ],
    ],
  },
  {
    name: 'unknown Properties and unknown Globals are left as they are',
    yaml: `Transform: AWS::Serverless-2016-10-31
Conditions:
  Prod: !Equals [!Ref AWS::AccountId, '123456789012']
Globals: !If [Prod, {}, {}]
Resources:
  Maybe:
    Type: AWS::Serverless::Function
    Properties: !If [Prod, {FunctionUrlConfig: {AuthType: NONE}}, {}]
  Plain:
    Type: AWS::Serverless::Function
    Properties:
      Role: arn:aws:iam::123456789012:role/app
`,
    json: `{"Transform": "AWS::Serverless-2016-10-31", "Conditions": {"Prod": {"Fn::Equals": [{"Ref": "AWS::AccountId"}, "123456789012"]}},
"Globals": {"Fn::If": ["Prod", {}, {}]},
"Resources": {"Maybe": {"Type": "AWS::Serverless::Function", "Properties": {"Fn::If": ["Prod", {"FunctionUrlConfig": {"AuthType": "NONE"}}, {}]}},
  "Plain": {"Type": "AWS::Serverless::Function", "Properties": {"Role": "arn:aws:iam::123456789012:role/app"}}}}
`,
    resources: ['Maybe AWS::Serverless::Function', 'Plain AWS::Serverless::Function'],
    findings: [[], []],
  },
];

describe('CloudFormation: the AWS SAM transform', () => {
  for (const c of cases) {
    for (const [syntax, text, index] of [
      ['YAML', c.yaml, 0],
      ['JSON', c.json, 1],
    ] as const) {
      it(`${c.name} (${syntax})`, () => {
        const file = syntax === 'YAML' ? 'sam.yaml' : 'sam.json';
        const unit = unitOf(file, text);
        assert.deepEqual(
          unit.resources.map((r) => `${r.id} ${r.type}${r.generatedFrom ? ` <- ${r.generatedFrom}` : ''}`),
          c.resources,
        );
        for (const r of unit.resources) {
          if (!r.generatedFrom) continue;
          const source = unit.resources.find((s) => s.id === r.generatedFrom && !s.generatedFrom);
          assert.ok(source, `${r.id}: its SAM resource`);
          // Ranges point into the SAM resource.
          assert.equal(at(r.range), at(source.range));
          assert.equal(at(r.idRange), at(source.idRange));
          assert.equal(at(r.typeRange), at(source.typeRange));
          assert.equal(r.generatedBy, `${source.type} ${source.id}`);
        }
        for (const [key, expected] of Object.entries(c.properties ?? {})) {
          const resource = unit.resources.find((r) => `${r.id} ${r.type}` === key);
          assert.ok(resource, key);
          assert.deepEqual(plain(resource.properties), expected, key);
        }
        assert.deepEqual(findingsOf(file, text), c.findings[index]);
      });
    }
  }

  it('a template without the transform is not expanded', () => {
    const text = cases[2].yaml.replace(
      'Transform: AWS::Serverless-2016-10-31\n',
      'AWSTemplateFormatVersion: "2010-09-09"\n',
    );
    const unit = unitOf('plain.yaml', text);
    assert.deepEqual(
      unit.resources.map((r) => r.id),
      ['Worker', 'Scoped', 'Given'],
    );
  });

  it('a generated id that the template already has is reported and not generated twice', () => {
    const text = `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
  FnRole:
    Type: AWS::IAM::Role
`;
    const result = parseCloudFormation('clash.yaml', text);
    const unit = result.units[0] as CloudFormationTemplate;
    assert.deepEqual(
      unit.resources.map((r) => `${r.id} ${r.type}`),
      ['Fn AWS::Serverless::Function', 'FnRole AWS::IAM::Role'],
    );
    assert.deepEqual(
      result.diagnostics.map((d) => `${d.severity} ${at(d.range)} ${d.message}`),
      [
        "warning 2:2-2:4 AWS::Serverless::Function Fn generates the logical id 'FnRole', which the template already has: the AWS SAM transform rejects it.",
      ],
    );
  });

  it(`past ${MAX_SAM_GENERATED} generated resources, the rest is not generated and one info diagnostic says so`, () => {
    const count = Math.ceil(MAX_SAM_GENERATED / 2) + 10;
    const lines = ['Transform: AWS::Serverless-2016-10-31', 'Resources:'];
    for (let i = 0; i < count; i++)
      lines.push(
        `  F${i}:`,
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      FunctionUrlConfig: {AuthType: AWS_IAM}',
      );
    const result = parseCloudFormation('many.yaml', lines.join('\n') + '\n');
    const unit = result.units[0] as CloudFormationTemplate;
    const generated = unit.resources.filter((r) => r.generatedFrom);
    assert.equal(generated.length, MAX_SAM_GENERATED);
    const first = MAX_SAM_GENERATED / 2;
    assert.deepEqual(
      result.diagnostics.map((d) => `${d.severity} ${at(d.range)} ${d.message}`),
      [
        `info ${2 + first * 4}:2-${2 + first * 4}:${2 + String(first).length + 1} The AWS SAM transform would write more than 2,000 resources for this template: from 'F${first}' on, what it generates is not analysed.`,
      ],
    );
  });

  it('an edit in a SAM resource is re-parsed alone, and SAM writes out the whole template again', () => {
    const text = cases[1].yaml;
    const before = parseCloudFormation('edit.yaml', text);
    const edited = text.replace('AuthType: AWS_IAM', 'AuthType: NONE');
    assert.notEqual(edited, text);
    const quick = reparseYamlIncrementally('edit.yaml', edited, { text, result: before });
    assert.ok(quick, 'taken incrementally');
    assert.deepEqual(quick, parseCloudFormation('edit.yaml', edited));
    // Globals lie outside Resources: an edit there takes the full parse.
    const globals =
      'Transform: AWS::Serverless-2016-10-31\nGlobals:\n  Function:\n    Timeout: 10\nResources:\n  A:\n    Type: AWS::SQS::Queue\n  B:\n    Type: AWS::SQS::Queue\n';
    assert.equal(
      reparseYamlIncrementally('edit.yaml', globals.replace('Timeout: 10', 'Timeout: 20'), {
        text: globals,
        result: parseCloudFormation('edit.yaml', globals),
      }),
      undefined,
    );
  });

  it('a suppression on the SAM resource covers what SAM generates under its id', () => {
    const text = `Transform: AWS::Serverless-2016-10-31
Resources:
  Table:
    Type: AWS::Serverless::SimpleTable
    Metadata:
      srlens:
        ignore:
          - rule: dynamodb-point-in-time-recovery
            reason: cache table, rebuilt from the source
`;
    const rules = new Analyzer().analyzeCloudFormation('s.yaml', text).findings.map((f) => `${f.ruleId} ${f.resource}`);
    assert.deepEqual(rules, ['dynamodb-customer-managed-key Table', 'dynamodb-deletion-protection Table']);
  });
});

// ---------------------------------------------------------------------------------------------
// Property test: a SAM function gives the findings of the resources SAM writes for it, by hand.

interface Shape {
  auth: 'NONE' | 'AWS_IAM' | '!Ref Auth' | undefined;
  urlInGlobals: boolean;
  action: string;
  resource: string;
  secret: 'hunter2hunter2' | '!Ref Secret' | 'plain-value';
  secretInGlobals: boolean;
}

function samTemplate(s: Shape): string {
  const url = s.auth === undefined ? [] : ['FunctionUrlConfig:', `  AuthType: ${s.auth}`];
  const env = ['Environment:', '  Variables:', `    DB_PASSWORD: ${s.secret}`];
  const globals = [...(s.urlInGlobals ? url : []), ...(s.secretInGlobals ? env : [])];
  const own = [
    ...(s.urlInGlobals ? [] : url),
    ...(s.secretInGlobals ? [] : env),
    'Policies:',
    '  - Statement:',
    `      - {Effect: Allow, Action: '${s.action}', Resource: '${s.resource}'}`,
  ];
  return [
    'Transform: AWS::Serverless-2016-10-31',
    'Parameters: {Auth: {Type: String}, Secret: {Type: String, NoEcho: true}}',
    ...(globals.length > 0 ? ['Globals:', '  Function:', ...globals.map((l) => `    ${l}`)] : []),
    'Resources:',
    '  Fn:',
    '    Type: AWS::Serverless::Function',
    '    Properties:',
    ...own.map((l) => `      ${l}`),
    '',
  ].join('\n');
}

function handWritten(s: Shape): string {
  return [
    'Parameters: {Auth: {Type: String}, Secret: {Type: String, NoEcho: true}}',
    'Resources:',
    '  Fn:',
    '    Type: AWS::Lambda::Function',
    '    Properties:',
    '      Role: !GetAtt FnRole.Arn',
    '      Environment:',
    '        Variables:',
    `          DB_PASSWORD: ${s.secret}`,
    '  FnRole:',
    '    Type: AWS::IAM::Role',
    '    Properties:',
    '      AssumeRolePolicyDocument:',
    '        Statement: [{Effect: Allow, Action: sts:AssumeRole, Principal: {Service: lambda.amazonaws.com}}]',
    '      ManagedPolicyArns: [arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    '      Policies:',
    '        - PolicyName: FnRolePolicy0',
    '          PolicyDocument:',
    '            Statement:',
    `              - {Effect: Allow, Action: '${s.action}', Resource: '${s.resource}'}`,
    ...(s.auth === undefined
      ? []
      : [
          '  FnUrl:',
          '    Type: AWS::Lambda::Url',
          '    Properties:',
          '      TargetFunctionArn: !Ref Fn',
          `      AuthType: ${s.auth}`,
        ]),
    '',
  ].join('\n');
}

describe('CloudFormation: a SAM function is checked as the resources SAM writes for it', () => {
  it('the same rules report the same number of times as on the Lambda, IAM and URL resources written by hand', () => {
    const shape = fc.record<Shape>({
      auth: fc.constantFrom('NONE', 'AWS_IAM', '!Ref Auth', undefined),
      urlInGlobals: fc.boolean(),
      action: fc.constantFrom('*', 's3:GetObject', '*:*'),
      resource: fc.constantFrom('*', 'arn:aws:s3:::bucket/*'),
      secret: fc.constantFrom('hunter2hunter2', '!Ref Secret', 'plain-value'),
      secretInGlobals: fc.boolean(),
    });
    const rules = (file: string, text: string) =>
      new Analyzer()
        .analyzeCloudFormation(file, text)
        .findings.map((f) => `${f.ruleId} ${f.severity}`)
        .sort();
    fc.assert(
      fc.property(shape, (s) => {
        assert.deepEqual(rules('sam.yaml', samTemplate(s)), rules('hand.yaml', handWritten(s)));
      }),
      { numRuns: 200 },
    );
  });
});
