import { strict as assert } from 'node:assert';
import { parseCloudFormation, cloudFormationSyntaxOf } from '../../../src/iac/cloudformation';
import type { CloudFormationTemplate, Range, Value } from '../../../src/iac/model';
import { getPath, getProperty } from '../../../src/iac/model';

function template(file: string, text: string): CloudFormationTemplate {
  const result = parseCloudFormation(file, text);
  assert.equal(
    result.units.length,
    1,
    `expected one template, got ${result.units.length}; diagnostics: ${JSON.stringify(result.diagnostics)}`,
  );
  return result.units[0] as CloudFormationTemplate;
}

/** The range of the n-th occurrence of `needle` in `text`, computed independently of the parser. */
function rangeOf(text: string, needle: string, occurrence = 1): Range {
  let offset = -1;
  for (let i = 0; i < occurrence; i++) {
    offset = text.indexOf(needle, offset + 1);
    assert.ok(offset >= 0, `'${needle}' occurrence ${occurrence} not found`);
  }
  const at = (o: number) => {
    const before = text.slice(0, o);
    const line = before.split('\n').length - 1;
    return { line, character: o - (before.lastIndexOf('\n') + 1) };
  };
  return { start: at(offset), end: at(offset + needle.length) };
}

function literal(value: Value | undefined): unknown {
  assert.equal(value?.kind, 'literal');
  return value.kind === 'literal' ? value.value : undefined;
}

const YAML_TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Secret:
    Type: String
    NoEcho: true
  Size:
    Type: Number
    Default: 20
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: my-bucket
      VersioningConfiguration:
        Status: Enabled
  Db:
    Type: 'AWS::RDS::DBInstance'
    Condition: IsProd
    Properties:
      AllocatedStorage: !Ref Size
      MasterUserPassword: !Ref Secret
      StorageEncrypted: !If [IsProd, true, false]
      KmsKeyId: !GetAtt Key.Arn
      DBName: !Sub plain-name
      Tags: !Sub
        - "\${Env}-db"
        - Env: !Ref AWS::StackName
      Transformed: !Transform { Name: AWS::Include, Parameters: { Location: s3://x } }
      Long:
        Fn::Join: ["", ["a", { Ref: Size }]]
`;

describe('CloudFormation YAML', () => {
  it('gives exact ranges for logical ids, type tokens, property keys and values', () => {
    const t = template('t.yaml', YAML_TEMPLATE);
    const [bucket, db] = t.resources;
    assert.equal(bucket.id, 'Bucket');
    assert.equal(bucket.type, 'AWS::S3::Bucket');
    assert.deepEqual(bucket.idRange, { start: { line: 9, character: 2 }, end: { line: 9, character: 8 } });
    assert.deepEqual(bucket.typeRange, rangeOf(YAML_TEMPLATE, 'AWS::S3::Bucket'));
    const name = getProperty(bucket.properties, 'BucketName');
    assert.ok(name);
    assert.deepEqual(name.keyRange, rangeOf(YAML_TEMPLATE, 'BucketName'));
    assert.deepEqual(name.value.range, rangeOf(YAML_TEMPLATE, 'my-bucket'));
    const status = getPath(bucket.properties, 'VersioningConfiguration', 'Status');
    assert.deepEqual(status?.value.range, rangeOf(YAML_TEMPLATE, 'Enabled'));
    // A quoted scalar's range covers its quotes: that is the token a fix replaces.
    assert.deepEqual(db.typeRange, rangeOf(YAML_TEMPLATE, "'AWS::RDS::DBInstance'"));
    assert.equal(db.condition, 'IsProd');
    assert.equal(db.range.start.line, 15);
  });

  it('recognises short-form intrinsics in scalar, sequence and mapping forms, and the long forms', () => {
    const t = template('t.yaml', YAML_TEMPLATE);
    const p = t.resources[1].properties;
    const ref = getProperty(p, 'AllocatedStorage')?.value;
    assert.equal(ref?.kind, 'reference');
    assert.equal(ref?.kind === 'reference' && ref.target, 'Size');
    assert.deepEqual(ref?.range, rangeOf(YAML_TEMPLATE, '!Ref Size'));
    const condition = getProperty(p, 'StorageEncrypted')?.value;
    assert.equal(condition?.kind === 'unresolvable' && condition.construct, 'Fn::If');
    assert.equal(condition?.kind === 'unresolvable' && condition.args?.kind, 'list');
    const getAtt = getProperty(p, 'KmsKeyId')?.value;
    assert.deepEqual(getAtt?.kind === 'reference' && [getAtt.target, getAtt.attribute], ['Key', 'Arn']);
    assert.equal(literal(getProperty(p, 'DBName')?.value), 'plain-name', 'a !Sub without ${} is the literal it spells');
    const sub = getProperty(p, 'Tags')?.value;
    assert.equal(sub?.kind === 'unresolvable' && sub.construct, 'Fn::Sub');
    const transform = getProperty(p, 'Transformed')?.value;
    assert.equal(transform?.kind === 'unresolvable' && transform.construct, 'Fn::Transform');
    assert.equal(transform?.kind === 'unresolvable' && transform.args?.kind, 'map');
    const join = getProperty(p, 'Long')?.value;
    assert.equal(join?.kind === 'unresolvable' && join.construct, 'Fn::Join');
  });

  it('records parameters with defaults and NoEcho, and conditions', () => {
    const t = template('t.yaml', YAML_TEMPLATE);
    assert.deepEqual(
      t.parameters.map((p) => [p.name, p.type, p.noEcho]),
      [
        ['Secret', 'String', true],
        ['Size', 'Number', false],
      ],
    );
    assert.equal(literal(t.parameters[1].default), 20);
  });

  it('parses every intrinsic tag without warnings or errors', () => {
    const tags = [
      'Ref',
      'Sub',
      'GetAtt',
      'Join',
      'Select',
      'Split',
      'If',
      'Equals',
      'And',
      'Or',
      'Not',
      'FindInMap',
      'Base64',
      'Cidr',
      'GetAZs',
      'ImportValue',
      'Condition',
      'Transform',
    ];
    const lines = tags.flatMap((tag, i) => [
      `      S${i}: !${tag} x`,
      `      Q${i}: !${tag} [a, b]`,
      `      M${i}: !${tag} { a: b }`,
    ]);
    const text = `Resources:\n  R:\n    Type: AWS::SNS::Topic\n    Properties:\n${lines.join('\n')}\n`;
    const result = parseCloudFormation('t.yaml', text);
    assert.deepEqual(result.diagnostics, []);
    const props = (result.units[0] as CloudFormationTemplate).resources[0].properties.properties;
    assert.equal(props.length, tags.length * 3);
    for (const p of props)
      assert.ok(p.value.kind === 'reference' || p.value.kind === 'unresolvable' || p.value.kind === 'literal', p.key);
    assert.ok(props.filter((p) => p.value.kind === 'unresolvable').length >= (tags.length - 2) * 3);
  });

  it('keeps ranges exact with CRLF line endings', () => {
    const lf = 'Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: "tab\there"\n';
    const crlf = lf.replace(/\n/g, '\r\n');
    const a = template('a.yaml', lf).resources[0];
    const b = template('b.yaml', crlf).resources[0];
    assert.deepEqual(b.typeRange, a.typeRange);
    assert.deepEqual(
      getProperty(b.properties, 'TopicName')?.value.range,
      getProperty(a.properties, 'TopicName')?.value.range,
    );
    assert.equal(literal(getProperty(b.properties, 'TopicName')?.value), 'tab\there');
    assert.deepEqual(b.typeRange, { start: { line: 2, character: 10 }, end: { line: 2, character: 25 } });
  });

  it('keeps columns exact after a UTF-8 BOM and non-ASCII text', () => {
    const text =
      '\uFEFFResources:\n  Tópic:\n    Type: AWS::SNS::Topic\n    Properties:\n      DisplayName: "日本 😀"\n      TopicName: x\n';
    const r = template('bom.yaml', text).resources[0];
    assert.equal(r.id, 'Tópic');
    assert.deepEqual(r.idRange, { start: { line: 1, character: 2 }, end: { line: 1, character: 7 } });
    assert.deepEqual(getProperty(r.properties, 'TopicName')?.value.range, {
      start: { line: 5, character: 17 },
      end: { line: 5, character: 18 },
    });
    assert.deepEqual(getProperty(r.properties, 'DisplayName')?.value.range, rangeOf(text, '"日本 😀"'));
  });

  it('reads every document of a multi-document file', () => {
    const text =
      'Resources:\n  A:\n    Type: AWS::SQS::Queue\n---\nkind: ConfigMap\n---\nResources:\n  B:\n    Type: AWS::SNS::Topic\n';
    const result = parseCloudFormation('multi.yaml', text);
    assert.deepEqual(
      result.units.map((u) => [(u as CloudFormationTemplate).documentIndex, u.resources.map((r) => r.id)]),
      [
        [0, ['A']],
        [2, ['B']],
      ],
    );
    assert.deepEqual(
      (result.units[1] as CloudFormationTemplate).resources[0].typeRange,
      rangeOf(text, 'AWS::SNS::Topic'),
    );
  });

  it('reports syntax errors with a range and keeps what it recovered', () => {
    const text =
      'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Good:\n    Type: AWS::SQS::Queue\n  Bad:\n    Type: [unclosed\n';
    const result = parseCloudFormation('broken.yaml', text);
    assert.ok(result.diagnostics.length >= 1);
    assert.ok(result.diagnostics.every((d) => d.severity === 'error' && d.range.start.line >= 0));
    assert.ok(result.units.length === 1 && result.units[0].resources.some((r) => r.id === 'Good'));
  });

  it('reports a resource without a Type at its logical id', () => {
    const text = 'Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n  Orphan:\n    Properties: {}\n';
    const result = parseCloudFormation('t.yaml', text);
    assert.equal(result.units[0].resources.length, 1);
    assert.deepEqual(
      result.diagnostics.map((d) => [d.message, d.range]),
      [["Resource 'Orphan' has no Type.", rangeOf(text, 'Orphan')]],
    );
  });

  it('does not expand aliases (a billion-laughs document stays small)', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++)
      levels.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(',')}]`,
      );
    const text = `Resources:\n  R:\n    Type: AWS::SNS::Topic\n    Metadata:\n${levels.map((l) => `      ${l}`).join('\n')}\n`;
    const started = Date.now();
    const result = parseCloudFormation('bomb.yaml', text);
    assert.equal(result.units.length, 1);
    assert.ok(Date.now() - started < 2000);
  });
});

describe('CloudFormation JSON', () => {
  const JSON_TEMPLATE = `{
  "AWSTemplateFormatVersion": "2010-09-09",
  "Resources": {
    "Key": {
      "Type": "AWS::KMS::Key",
      "Properties": {
        "EnableKeyRotation": false,
        "Description": { "Fn::Sub": "\${AWS::StackName} key" },
        "Alias": { "Ref": "Name" },
        "Arn": { "Fn::GetAtt": ["Other", "Arn"] }
      }
    }
  }
}`;

  it('gives exact ranges and recognises intrinsics', () => {
    const key = template('t.json', JSON_TEMPLATE).resources[0];
    assert.equal(key.syntax, 'cloudformation-json');
    assert.deepEqual(key.idRange, rangeOf(JSON_TEMPLATE, '"Key"'));
    assert.deepEqual(key.typeRange, rangeOf(JSON_TEMPLATE, '"AWS::KMS::Key"'));
    const rotation = getProperty(key.properties, 'EnableKeyRotation');
    assert.deepEqual(rotation?.keyRange, rangeOf(JSON_TEMPLATE, '"EnableKeyRotation"'));
    assert.deepEqual(rotation?.value.range, rangeOf(JSON_TEMPLATE, 'false'));
    assert.equal(literal(rotation?.value), false);
    assert.equal(getProperty(key.properties, 'Description')?.value.kind, 'unresolvable');
    const ref = getProperty(key.properties, 'Alias')?.value;
    assert.equal(ref?.kind === 'reference' && ref.target, 'Name');
    const att = getProperty(key.properties, 'Arn')?.value;
    assert.deepEqual(att?.kind === 'reference' && [att.target, att.attribute], ['Other', 'Arn']);
  });

  it('handles CRLF, a BOM and tab indentation with exact ranges', () => {
    const text = '\uFEFF' + JSON_TEMPLATE.replace(/ {2}/g, '\t').replace(/\n/g, '\r\n');
    const key = template('t.json', text).resources[0];
    assert.deepEqual(key.typeRange, { start: { line: 4, character: 11 }, end: { line: 4, character: 26 } });
  });

  it('reports JSON syntax errors with a precise range', () => {
    const text = '{\n  "Resources": {\n    "Q": { "Type": "AWS::SQS::Queue", }\n  }\n}\n';
    const result = parseCloudFormation('t.json', text);
    assert.ok(result.diagnostics.length >= 1);
    assert.equal(result.diagnostics[0].range.start.line, 2);
    assert.match(result.diagnostics[0].message, /JSON syntax error/);
    assert.equal(result.units[0]?.resources[0]?.id, 'Q');
  });

  it('reports duplicate keys', () => {
    const text = '{"Resources": {"Q": {"Type": "AWS::SQS::Queue"}, "Q": {"Type": "AWS::SNS::Topic"}}}';
    const result = parseCloudFormation('t.json', text);
    assert.equal(result.diagnostics.length, 1);
    assert.match(result.diagnostics[0].message, /Duplicate key 'Q'/);
  });
});

describe('template detection', () => {
  const notTemplates: Record<string, string> = {
    'deployment.yaml':
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers: []\n',
    '.github/workflows/ci.yml':
      'name: CI\non: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n',
    'docker-compose.yml': 'services:\n  web:\n    image: nginx\n    ports: ["80:80"]\n',
    'openapi.yaml':
      'openapi: 3.0.0\ninfo:\n  title: API\npaths: {}\ncomponents:\n  schemas:\n    Resources:\n      type: object\n',
    'package.json': '{ "name": "x", "version": "1.0.0", "scripts": { "test": "mocha" } }',
    'tsconfig.json': '{ "compilerOptions": { "strict": true } }',
    'serverless-like.yml': 'resources:\n  Resources:\n    Bucket:\n      Type: NotAws\n',
  };
  for (const [file, text] of Object.entries(notTemplates)) {
    it(`yields nothing for ${file}`, () => {
      assert.deepEqual(parseCloudFormation(file, text), { units: [], diagnostics: [] });
    });
  }

  it('yields nothing for broken YAML that is not a template', () => {
    assert.deepEqual(parseCloudFormation('k8s.yaml', 'kind: Pod\nspec: [unclosed\n'), { units: [], diagnostics: [] });
  });

  it('detects templates by version, by Resources types and by SAM transform', () => {
    assert.equal(parseCloudFormation('a.yaml', 'AWSTemplateFormatVersion: "2010-09-09"\n').units.length, 1);
    assert.equal(parseCloudFormation('b.yaml', 'Resources:\n  X:\n    Type: Custom::Thing\n').units.length, 1);
    assert.equal(parseCloudFormation('c.yaml', 'Resources:\n  X:\n    Type: Alexa::ASK::Skill\n').units.length, 1);
    assert.equal(parseCloudFormation('d.yaml', 'Transform: AWS::Serverless-2016-10-31\n').units.length, 1);
    assert.equal(
      parseCloudFormation('e.yaml', 'Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]\n').units.length,
      1,
    );
  });

  it('reports a template that does not parse at all', () => {
    const result = parseCloudFormation('bad.yaml', 'AWSTemplateFormatVersion: "2010-09-09"\nResources: : :\n  - [\n');
    assert.ok(result.diagnostics.length >= 1);
  });

  it('chooses the syntax from the extension, sniffing .template files', () => {
    assert.equal(cloudFormationSyntaxOf('x.template', '  {"Resources": {}}'), 'cloudformation-json');
    assert.equal(cloudFormationSyntaxOf('x.template', 'Resources: {}'), 'cloudformation-yaml');
    assert.equal(cloudFormationSyntaxOf('x.yml', '{}'), 'cloudformation-yaml');
  });
});

describe('CloudFormation language extensions and preprocessors', () => {
  it('writes out Fn::ForEach over a known collection, skips one over an unknown collection, and keeps the others', () => {
    const text = [
      'Transform: AWS::LanguageExtensions',
      'Resources:',
      '  Fn::ForEach::Buckets:',
      '    - Name',
      '    - [a, b]',
      '    - ${Name}Bucket:',
      '        Type: AWS::S3::Bucket',
      '  Fn::ForEach::Topics:',
      '    - Name',
      '    - !Ref TopicNames',
      '    - ${Name}Topic:',
      '        Type: AWS::SNS::Topic',
      '  Queue:',
      '    Type: AWS::SQS::Queue',
      '',
    ].join('\n');
    const result = parseCloudFormation('t.yaml', text);
    assert.deepEqual(result.diagnostics, []);
    assert.deepEqual(
      result.units[0].resources.map((r) => r.id),
      ['aBucket', 'bBucket', 'Queue'],
    );
  });

  it('does not report a Type computed by a preprocessor tag', () => {
    const result = parseCloudFormation(
      't.yaml',
      'Resources:\n  Storage:\n    Type: !Rain::Module ./bucket.yml\n  Q:\n    Type: AWS::SQS::Queue\n',
    );
    assert.deepEqual(result.diagnostics, []);
    assert.deepEqual(
      result.units[0].resources.map((r) => r.id),
      ['Q'],
    );
  });
});

describe('classification hints', () => {
  it('classifies ECS services by launch type, in both languages', async () => {
    const cfn = parseCloudFormation(
      't.yaml',
      'Resources:\n  Ec2:\n    Type: AWS::ECS::Service\n    Properties:\n      LaunchType: EC2\n  Fargate:\n    Type: AWS::ECS::Service\n    Properties:\n      LaunchType: FARGATE\n',
    );
    const [ec2, fargate] = cfn.units[0].resources;
    assert.equal(ec2.tier, 'infrastructure');
    assert.equal(fargate.tier, 'container');
  });
});
