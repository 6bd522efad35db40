/**
 * The AWS::LanguageExtensions transform: Fn::ForEach written out over known collections (YAML and
 * JSON), with exact logical ids, values, ranges, findings and diagnostics; unknown collections stay
 * silent; the limits; and a property test: a loop analysed gives the findings of its resources
 * written out by hand.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { Analyzer } from '../../../src/engine/analyzer';
import { parseCloudFormation } from '../../../src/iac/cloudformation';
import type { CloudFormationTemplate, Range, Resource, Value } from '../../../src/iac/model';
import { getProperty } from '../../../src/iac/model';
import { reparseYamlIncrementally } from '../../../src/iac/yaml-incremental';
import { resourceResponsibility } from '../../../src/engine/responsibility';
import { resourceHoverMarkdown } from '../../../src/features/responsibility';

function template(file: string, text: string): { unit: CloudFormationTemplate; diagnostics: string[] } {
  const result = parseCloudFormation(file, text);
  assert.equal(result.units.length, 1, `${file}: one template`);
  return {
    unit: result.units[0] as CloudFormationTemplate,
    diagnostics: result.diagnostics.map(
      (d) => `${d.severity} ${d.range.start.line}:${d.range.start.character} ${d.message}`,
    ),
  };
}

/** A property's value, as plain data where it is known (`?construct` where it is not). */
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

const ids = (resources: Resource[]) => resources.map((r) => r.id);
const at = (r: Range) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

interface Case {
  name: string;
  yaml: string;
  json: string;
  ids: string[];
  generatedBy?: string;
  /** The first generated resource's id range, YAML then JSON. */
  idRange?: [string, string];
  /** Each resource's properties, as plain data. */
  properties?: Record<string, unknown>;
  diagnostics?: [string[], string[]];
}

const cases: Case[] = [
  {
    name: 'a literal collection, ${Id} in the key and in values, Ref to the identifier',
    yaml: `Transform: AWS::LanguageExtensions
Resources:
  Fn::ForEach::Buckets:
    - Name
    - [Marketing, Sales]
    - \${Name}Bucket:
        Type: AWS::S3::Bucket
        Properties:
          BucketName: !Sub '\${Name}-logs-\${AWS::Region}'
          Tags:
            - Key: team
              Value: !Ref Name
            - Key: label
              Value: team-\${Name}
`,
    json: `{
  "Transform": "AWS::LanguageExtensions",
  "Resources": {
    "Fn::ForEach::Buckets": [
      "Name",
      ["Marketing", "Sales"],
      {
        "\${Name}Bucket": {
          "Type": "AWS::S3::Bucket",
          "Properties": {
            "BucketName": { "Fn::Sub": "\${Name}-logs-\${AWS::Region}" },
            "Tags": [{ "Key": "team", "Value": { "Ref": "Name" } }, { "Key": "label", "Value": "team-\${Name}" }]
          }
        }
      }
    ]
  }
}
`,
    ids: ['MarketingBucket', 'SalesBucket'],
    generatedBy: 'Fn::ForEach::Buckets',
    idRange: ['5:6-5:19', '7:8-7:23'],
    properties: {
      MarketingBucket: {
        BucketName: '?Fn::Sub',
        Tags: [
          { Key: 'team', Value: 'Marketing' },
          { Key: 'label', Value: 'team-Marketing' },
        ],
      },
      SalesBucket: {
        BucketName: '?Fn::Sub',
        Tags: [
          { Key: 'team', Value: 'Sales' },
          { Key: 'label', Value: 'team-Sales' },
        ],
      },
    },
  },
  {
    name: '&{Id} strips what a logical id may not hold; a Sub with nothing left to substitute is a literal',
    yaml: `Transform: [AWS::LanguageExtensions]
Resources:
  Fn::ForEach::Topics:
    - Name
    - [order-events, user.sign_up]
    - Topic&{Name}:
        Type: AWS::SNS::Topic
        Properties:
          TopicName: !Sub '\${Name}'
`,
    json: `{"Transform": ["AWS::LanguageExtensions"], "Resources": {"Fn::ForEach::Topics": ["Name", ["order-events", "user.sign_up"],
  {"Topic&{Name}": {"Type": "AWS::SNS::Topic", "Properties": {"TopicName": {"Fn::Sub": "\${Name}"}}}}]}}
`,
    ids: ['Topicorderevents', 'Topicusersignup'],
    generatedBy: 'Fn::ForEach::Topics',
    idRange: ['5:6-5:18', '1:3-1:17'],
    properties: {
      Topicorderevents: { TopicName: 'order-events' },
      Topicusersignup: { TopicName: 'user.sign_up' },
    },
  },
  {
    name: 'nested loops, an outer identifier in the inner body, resources written beside them kept',
    yaml: `Transform: AWS::LanguageExtensions
Resources:
  Fn::ForEach::Envs:
    - Env
    - [Dev, Prod]
    - Fn::ForEach::Apps:
        - App
        - [Web, Api]
        - \${Env}\${App}Queue:
            Type: AWS::SQS::Queue
            Properties:
              QueueName: \${Env}-\${App}
  Plain:
    Type: AWS::SQS::Queue
`,
    json: `{"Transform": "AWS::LanguageExtensions", "Resources": {
  "Fn::ForEach::Envs": ["Env", ["Dev", "Prod"], {
    "Fn::ForEach::Apps": ["App", ["Web", "Api"], {
      "\${Env}\${App}Queue": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "\${Env}-\${App}"}}}]}],
  "Plain": {"Type": "AWS::SQS::Queue"}}}
`,
    ids: ['DevWebQueue', 'DevApiQueue', 'ProdWebQueue', 'ProdApiQueue', 'Plain'],
    generatedBy: 'Fn::ForEach::Apps',
    idRange: ['8:10-8:27', '3:6-3:25'],
    properties: {
      DevWebQueue: { QueueName: 'Dev-Web' },
      DevApiQueue: { QueueName: 'Dev-Api' },
      ProdWebQueue: { QueueName: 'Prod-Web' },
      ProdApiQueue: { QueueName: 'Prod-Api' },
      Plain: {},
    },
  },
  {
    name: "a CommaDelimitedList parameter's default; Fn::Length, Fn::ToJsonString, Fn::FindInMap with DefaultValue",
    yaml: `Transform: AWS::LanguageExtensions
Parameters:
  Services:
    Type: CommaDelimitedList
    Default: Orders, Users
Mappings:
  Retention:
    Orders: { Days: 14 }
Resources:
  Fn::ForEach::Services:
    - Service
    - !Ref Services
    - \${Service}Log:
        Type: AWS::Logs::LogGroup
        Properties:
          RetentionInDays: !FindInMap [Retention, !Ref Service, Days, { DefaultValue: 3 }]
          LogGroupClass: !FindInMap [Retention, !Ref Service, Class, { DefaultValue: STANDARD }]
          DataProtectionPolicy:
            Count: !Length [a, b, c]
            Services: !Length { Ref: Services }
            Document: !ToJsonString { Name: !Ref Service, On: true }
            Unknown: !ToJsonString { Region: !Ref AWS::Region }
`,
    json: `{"Transform": "AWS::LanguageExtensions",
"Parameters": {"Services": {"Type": "CommaDelimitedList", "Default": "Orders, Users"}},
"Mappings": {"Retention": {"Orders": {"Days": 14}}},
"Resources": {"Fn::ForEach::Services": ["Service", {"Ref": "Services"}, {"\${Service}Log": {"Type": "AWS::Logs::LogGroup", "Properties": {
  "RetentionInDays": {"Fn::FindInMap": ["Retention", {"Ref": "Service"}, "Days", {"DefaultValue": 3}]},
  "LogGroupClass": {"Fn::FindInMap": ["Retention", {"Ref": "Service"}, "Class", {"DefaultValue": "STANDARD"}]},
  "DataProtectionPolicy": {"Count": {"Fn::Length": ["a", "b", "c"]}, "Services": {"Fn::Length": {"Ref": "Services"}},
    "Document": {"Fn::ToJsonString": {"Name": {"Ref": "Service"}, "On": true}},
    "Unknown": {"Fn::ToJsonString": {"Region": {"Ref": "AWS::Region"}}}}}}}]}}
`,
    ids: ['OrdersLog', 'UsersLog'],
    generatedBy: 'Fn::ForEach::Services',
    idRange: ['12:6-12:19', '3:73-3:88'],
    properties: {
      OrdersLog: {
        RetentionInDays: 14,
        LogGroupClass: 'STANDARD',
        DataProtectionPolicy: {
          Count: 3,
          Services: 2,
          Document: '{"Name":"Orders","On":true}',
          Unknown: '?Fn::ToJsonString',
        },
      },
      UsersLog: {
        RetentionInDays: 3,
        LogGroupClass: 'STANDARD',
        DataProtectionPolicy: {
          Count: 3,
          Services: 2,
          Document: '{"Name":"Users","On":true}',
          Unknown: '?Fn::ToJsonString',
        },
      },
    },
  },
  {
    name: 'unknown collections (a parameter with no default, a mapping keyed by a parameter) and no transform stay silent',
    yaml: `Transform: AWS::LanguageExtensions
Parameters:
  Names: { Type: CommaDelimitedList }
  Env: { Type: String, Default: prod }
Mappings:
  Lists: { prod: { Names: [a, b] } }
Resources:
  Fn::ForEach::FromParameter:
    - Name
    - !Ref Names
    - \${Name}Queue: { Type: AWS::SQS::Queue, Properties: { SqsManagedSseEnabled: false } }
  Fn::ForEach::FromMapping:
    - Name
    - !FindInMap [Lists, !Ref Env, Names]
    - \${Name}Topic: { Type: AWS::SNS::Topic }
  Fn::ForEach::Split:
    - Name
    - !Split [',', !Ref Env]
    - \${Name}Table: { Type: AWS::DynamoDB::Table }
  Kept:
    Type: AWS::SQS::Queue
`,
    json: `{"Resources": {"Fn::ForEach::Literal": ["Name", ["a", "b"], {"\${Name}Queue": {"Type": "AWS::SQS::Queue",
  "Properties": {"SqsManagedSseEnabled": false}}}], "Kept": {"Type": "AWS::SQS::Queue"}}}
`,
    ids: ['Kept'],
    properties: { Kept: {} },
  },
  {
    name: 'a generated id the template already has is reported where it is generated',
    yaml: `Transform: AWS::LanguageExtensions
Resources:
  Fn::ForEach::Queues:
    - Name
    - [A, B]
    - Queue\${Name}: { Type: AWS::SQS::Queue }
  QueueB:
    Type: AWS::SQS::Queue
`,
    json: `{"Transform": "AWS::LanguageExtensions", "Resources": {
  "Fn::ForEach::Queues": ["Name", ["A", "B"], {"Queue\${Name}": {"Type": "AWS::SQS::Queue"}}],
  "QueueB": {"Type": "AWS::SQS::Queue"}}}
`,
    ids: ['QueueA', 'QueueB'],
    generatedBy: 'Fn::ForEach::Queues',
    idRange: ['5:6-5:18', '1:47-1:61'],
    diagnostics: [
      [
        "warning 5:6 Fn::ForEach::Queues generates the logical id 'QueueB', which the template already has: CloudFormation rejects it.",
      ],
      [
        "warning 1:47 Fn::ForEach::Queues generates the logical id 'QueueB', which the template already has: CloudFormation rejects it.",
      ],
    ],
  },
];

describe('Fn::ForEach (AWS::LanguageExtensions)', () => {
  for (const c of cases) {
    for (const [syntax, file, text] of [
      ['YAML', 't.yaml', c.yaml],
      ['JSON', 't.json', c.json],
    ] as const) {
      it(`${c.name} (${syntax})`, () => {
        const { unit, diagnostics } = template(file, text);
        assert.deepEqual(ids(unit.resources), c.ids);
        assert.deepEqual(diagnostics, c.diagnostics ? c.diagnostics[syntax === 'YAML' ? 0 : 1] : []);
        if (c.properties)
          assert.deepEqual(Object.fromEntries(unit.resources.map((r) => [r.id, plain(r.properties)])), c.properties);
        const generated = unit.resources.filter((r) => r.generatedBy);
        if (c.generatedBy) {
          assert.equal(generated[0].generatedBy, c.generatedBy);
          assert.equal(at(generated[0].idRange), c.idRange?.[syntax === 'YAML' ? 0 : 1]);
          // Every instance points at the same text: the loop body.
          for (const r of generated) {
            assert.equal(at(r.idRange), at(generated[0].idRange));
            assert.equal(at(r.typeRange), at(generated[0].typeRange));
          }
        } else assert.deepEqual(generated, []);
      });
    }
  }

  it('reports the findings of each instance at the value in the loop body, named, and not fixable there', async () => {
    const text = `Transform: AWS::LanguageExtensions
Resources:
  Fn::ForEach::Queues:
    - Name
    - [Orders, Users]
    - \${Name}Queue:
        Type: AWS::SQS::Queue
        Properties:
          SqsManagedSseEnabled: false
`;
    const analysis = new Analyzer().analyzeCloudFormation('q.yaml', text);
    const findings = analysis.findings.filter((f) => f.ruleId === 'sqs-queue-encryption');
    assert.deepEqual(
      findings.map((f) => [f.resource, at(f.range), f.fixable, f.message]),
      [
        [
          'OrdersQueue',
          '8:32-8:37',
          false,
          "Shared · Data at rest: SQS queue 'OrdersQueue' turns server-side encryption off",
        ],
        [
          'UsersQueue',
          '8:32-8:37',
          false,
          "Shared · Data at rest: SQS queue 'UsersQueue' turns server-side encryption off",
        ],
      ],
    );
    const analyzer = new Analyzer();
    analyzer.analyzeCloudFormation('q.yaml', text);
    for (const f of analyzer.analyzeCloudFormation('q.yaml', text).findings)
      assert.equal(analyzer.fixFor(f), undefined);
  });

  it('bounds nesting at five levels and expansions at 2,000 entries, with one info diagnostic each', () => {
    const levels = ['A', 'B', 'C', 'D', 'E', 'F'];
    // Six loops, each body holding the next; the innermost generates one queue per combination.
    const nested = (depth: number): unknown =>
      depth === levels.length
        ? { [`Q${levels.map((id) => `\${${id}}`).join('')}`]: { Type: 'AWS::SQS::Queue' } }
        : { [`Fn::ForEach::L${levels[depth]}`]: [levels[depth], ['x', 'y'], nested(depth + 1)] };
    const deep = JSON.stringify({ Transform: 'AWS::LanguageExtensions', Resources: nested(0) }, null, 1);
    const { unit, diagnostics } = template('deep.json', deep);
    assert.deepEqual(ids(unit.resources), []);
    const lineOf = (text: string, needle: string) => {
      const line = text.split('\n').findIndex((l) => l.includes(needle));
      return `${line}:${text.split('\n')[line].indexOf(needle)}`;
    };
    assert.deepEqual(diagnostics, [
      `info ${lineOf(deep, '"Fn::ForEach::LF"')} Fn::ForEach::LF is nested more than 5 levels deep, which CloudFormation does not accept: what it generates is not analysed.`,
    ]);
    const five = JSON.stringify({ Transform: 'AWS::LanguageExtensions', Resources: nested(1) }, null, 1);
    const fiveLevels = template('five.json', five);
    assert.equal(fiveLevels.unit.resources.length, 32);
    // Five loops (B to F): `\${A}` belongs to no loop and stays as written.
    assert.equal(fiveLevels.unit.resources[0].id, 'Q${A}xxxxx');
    assert.deepEqual(fiveLevels.diagnostics, []);

    const many = Array.from({ length: 2_001 }, (_, i) => `n${i}`);
    const big = JSON.stringify({
      Transform: 'AWS::LanguageExtensions',
      Resources: {
        'Fn::ForEach::Many': ['N', many, { 'Q${N}': { Type: 'AWS::SQS::Queue' } }],
        'Fn::ForEach::Few': ['N', ['a'], { 'T${N}': { Type: 'AWS::SNS::Topic' } }],
      },
    });
    const bounded = template('many.json', big);
    assert.deepEqual(ids(bounded.unit.resources), ['Ta']);
    assert.deepEqual(bounded.diagnostics, [
      `info ${lineOf(big, '"Fn::ForEach::Many"')} Fn::ForEach::Many would write out more than 2,000 entries in this template: what it generates is not analysed.`,
    ]);
  });

  it('lists generated resources in the model the inventory, hovers and matrix read, with their properties', () => {
    const { unit } = template('t.yaml', cases[0].yaml);
    const marketing = unit.resources[0];
    assert.equal(marketing.type, 'AWS::S3::Bucket');
    assert.equal(marketing.service, 'Amazon S3');
    assert.equal(plain(getProperty(unit.resources[1].properties, 'Tags')?.value) instanceof Array, true);
    assert.equal(at(getProperty(marketing.properties, 'Tags')!.range), '9:10-14:0');
    assert.equal(at(marketing.range), '5:6-14:0');
  });

  it('gives each instance its own hover summary, with the loop and the CDK construct named', () => {
    const text = `Transform: AWS::LanguageExtensions
Resources:
  Fn::ForEach::Queues:
    - Name
    - [Orders, Users]
    - \${Name}Queue:
        Type: AWS::SQS::Queue
        Metadata:
          aws:cdk:path: App/\${Name}/Resource
        Properties:
          SqsManagedSseEnabled: !If [Off, false, true]
`;
    const analysis = new Analyzer().analyzeCloudFormation('q.yaml', text.replace('!If [Off, false, true]', 'false'));
    const [orders, users] = analysis.units[0].resources;
    assert.deepEqual([orders.constructPath, users.constructPath], ['App/Orders', 'App/Users']);
    const lines = (r: Resource) =>
      resourceHoverMarkdown(resourceResponsibility(r, analysis.findings)).split('\n').slice(0, 7);
    // Right after the ownership line; Markdown-escaped, as every name from the template is.
    assert.deepEqual(lines(orders).slice(2, 5), [
      'Generated by Fn\\:\\:ForEach\\:\\:Queues',
      '',
      'CDK construct App\\/Orders',
    ]);
    assert.deepEqual(
      analysis.findings.filter((f) => f.ruleId === 'sqs-queue-encryption').map((f) => f.resource),
      ['OrdersQueue', 'UsersQueue'],
    );
    for (const r of [orders, users]) {
      const own = analysis.findings.filter((f) => f.resource === r.id).length;
      assert.ok(own >= 1);
      assert.equal(resourceResponsibility(r, analysis.findings).openFindings, own);
    }
    assert.ok(
      analysis.findings.some((f) => f.resource === 'UsersQueue' && f.detail?.endsWith(' (CDK construct App/Users)')),
    );
    // Unknown (Fn::If): nothing open on either instance.
    const unknown = new Analyzer().analyzeCloudFormation('u.yaml', text);
    assert.deepEqual(
      unknown.findings.filter((f) => f.ruleId === 'sqs-queue-encryption'),
      [],
    );
  });

  it('always takes the full parse in a template that uses the transform', () => {
    const text = cases[0].yaml;
    const previous = parseCloudFormation('t.yaml', text);
    const edited = text.replace('team-${Name}', 'teams-${Name}');
    assert.equal(reparseYamlIncrementally('t.yaml', edited, { text, result: previous }), undefined);
    const plainTemplate =
      'Resources:\n  A:\n    Type: AWS::SQS::Queue\n    Properties:\n      X: 1\n  B:\n    Type: AWS::SQS::Queue\n';
    const again = parseCloudFormation('p.yaml', plainTemplate);
    assert.ok(
      reparseYamlIncrementally('p.yaml', plainTemplate.replace('X: 1', 'X: 12'), {
        text: plainTemplate,
        result: again,
      }),
    );
  });
});

describe('Fn::ForEach property: a loop gives the findings of its resources written out by hand', () => {
  const bodies: { type: string; properties: (id: string) => string[] }[] = [
    { type: 'AWS::SQS::Queue', properties: (id) => ['SqsManagedSseEnabled: false', `QueueName: q-${id}`] },
    { type: 'AWS::SQS::Queue', properties: (id) => ['SqsManagedSseEnabled: true', `QueueName: !Sub 'q-${id}'`] },
    { type: 'AWS::S3::Bucket', properties: () => ['VersioningConfiguration:', '  Status: Suspended'] },
    { type: 'AWS::DynamoDB::Table', properties: () => ['BillingMode: PAY_PER_REQUEST'] },
    {
      type: 'AWS::RDS::DBInstance',
      properties: (id) => ['Engine: mysql', `DBName: db${id}`, 'StorageEncrypted: false'],
    },
    {
      type: 'AWS::EC2::SecurityGroup',
      properties: (id) => [
        'GroupDescription: !Sub ' + `'sg ${id}'`,
        'SecurityGroupIngress:',
        '  - CidrIp: 0.0.0.0/0',
        '    IpProtocol: tcp',
        '    FromPort: 22',
        '    ToPort: 22',
      ],
    },
  ];
  const name = fc.stringMatching(/^[A-Z][a-z0-9]{0,5}$/);

  it('holds for random collections and bodies', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(name, { minLength: 1, maxLength: 4 }),
        fc.subarray(
          bodies.map((_, i) => i),
          { minLength: 1 },
        ),
        async (items, chosen) => {
          const indent = (lines: string[], pad: string) => lines.map((l) => `${pad}${l}`).join('\n');
          const loop = [
            'Transform: AWS::LanguageExtensions',
            'Resources:',
            '  Fn::ForEach::Things:',
            '    - Id',
            `    - [${items.join(', ')}]`,
            '    - ',
          ];
          const body = chosen
            .map((b, i) =>
              [
                `      R${i}\${Id}:`,
                `        Type: ${bodies[b].type}`,
                '        Properties:',
                indent(bodies[b].properties('${Id}'), '          '),
              ].join('\n'),
            )
            .join('\n');
          const loopText = `${loop.join('\n')}${body.replace(/^ {6}/, '')}\n`;
          const handText = [
            'Transform: AWS::LanguageExtensions',
            'Resources:',
            ...items.flatMap((item) =>
              chosen.map((b, i) =>
                [
                  `  R${i}${item}:`,
                  `    Type: ${bodies[b].type}`,
                  '    Properties:',
                  indent(bodies[b].properties(item), '      '),
                ].join('\n'),
              ),
            ),
            '',
          ].join('\n');
          const comparable = (findings: { ruleId: string; resource: string; severity: string; message: string }[]) =>
            findings
              .map((f) => `${f.ruleId} ${f.resource} ${f.severity} ${f.message.replace(`${f.resource}: `, '')}`)
              .sort();
          const fromLoop = new Analyzer().analyzeCloudFormation('loop.yaml', loopText).findings;
          const byHand = new Analyzer().analyzeCloudFormation('hand.yaml', handText).findings;
          assert.ok(!fromLoop.some((f) => f.ruleId === 'parse-error'), loopText);
          assert.deepEqual(comparable(fromLoop), comparable(byHand), loopText);
          assert.ok(byHand.length > 0 || chosen.every((b) => b === 1 || b === 3));
        },
      ),
      { numRuns: 60 },
    );
  });
});
