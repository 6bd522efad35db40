/**
 * The names a value tree refers to (src/iac/reads.ts), from real CloudFormation and Terraform:
 * references' targets and the `${name}` inside expressions kept as text; one walk per tree.
 */
import { strict as assert } from 'node:assert';
import { parseCloudFormation } from '../../../src/iac/cloudformation';
import type { Resource, Value } from '../../../src/iac/model';
import { namesReadBy } from '../../../src/iac/reads';
import { loadTerraformLanguage, parseTerraformModule } from '../../../src/iac/terraform';

function cloudFormationResource(text: string, id: string): Resource {
  const result = parseCloudFormation('t.yaml', text);
  const found = result.units[0]?.resources.find((r) => r.id === id);
  assert.ok(found, `no ${id}: ${JSON.stringify(result.diagnostics)}`);
  return found;
}

let modules = 0;
function terraformResource(text: string, id: string): Resource {
  const dir = `reads-${++modules}`;
  const result = parseTerraformModule(dir, [{ path: `${dir}/main.tf`, text }]);
  const found = result.units[0]?.resources.find((r) => r.id === id);
  assert.ok(found, `no ${id}: ${JSON.stringify(result.diagnostics)}`);
  return found;
}

/** The names, sorted. */
function names(value: Value): string[] {
  return [...namesReadBy(value)].sort();
}

describe('namesReadBy: the names a value tree refers to', () => {
  before(() => loadTerraformLanguage());

  const cloudFormation: { name: string; yaml: string; id: string; expected: string[] }[] = [
    {
      name: 'a Ref and a GetAtt name their logical ids',
      yaml: 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      KmsMasterKeyId: !Ref Key\n      RedrivePolicy:\n        deadLetterTargetArn: !GetAtt Dlq.Arn\n',
      id: 'Q',
      expected: ['Dlq', 'Key'],
    },
    {
      name: 'a Sub names what its ${} hold, pseudo parameters included',
      yaml: 'Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Sub "${Env}-logs-${AWS::AccountId}"\n',
      id: 'B',
      expected: ['AWS::AccountId', 'Env'],
    },
    {
      name: 'a list names each once; a literal names nothing',
      yaml: 'Resources:\n  I:\n    Type: AWS::EC2::Instance\n    Properties:\n      ImageId: ami-12345678\n      SecurityGroupIds: [!Ref A, !Ref B, !Ref A]\n',
      id: 'I',
      expected: ['A', 'B'],
    },
    {
      name: 'a resource without properties names nothing',
      yaml: 'Resources:\n  T:\n    Type: AWS::SNS::Topic\n',
      id: 'T',
      expected: [],
    },
  ];
  for (const { name, yaml, id, expected } of cloudFormation)
    it(`CloudFormation: ${name}`, () => {
      assert.deepEqual(names(cloudFormationResource(yaml, id).properties), expected);
    });

  it('Terraform: references, and the addresses inside a template string', () => {
    const resource = terraformResource(
      [
        'resource "aws_s3_bucket_policy" "p" {',
        '  bucket = aws_s3_bucket.b.id',
        '  policy = var.policy',
        '  tags   = { Name = "${var.prefix}-${data.aws_caller_identity.me.account_id}" }',
        '}',
      ].join('\n'),
      'aws_s3_bucket_policy.p',
    );
    const found = names(resource.properties);
    for (const name of ['aws_s3_bucket.b', 'var.policy', 'var.prefix', 'data.aws_caller_identity.me'])
      assert.ok(found.includes(name), `${name} in ${JSON.stringify(found)}`);
  });

  it('walks a tree once: the same tree gives the same set, an equal new tree its own', () => {
    const yaml = 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      KmsMasterKeyId: !Ref Key\n';
    const first = cloudFormationResource(yaml, 'Q').properties;
    assert.equal(namesReadBy(first), namesReadBy(first));
    const again = cloudFormationResource(yaml, 'Q').properties;
    assert.notEqual(namesReadBy(again), namesReadBy(first));
    assert.deepEqual(names(again), names(first));
  });

  it('stops below 64 levels of nesting, and still answers', () => {
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
    let value: Value = { kind: 'reference', target: 'Deep', text: 'Deep', range };
    for (let i = 0; i < 100; i++) value = { kind: 'list', items: [value], range };
    const shallow: Value = {
      kind: 'list',
      items: [{ kind: 'reference', target: 'Near', text: 'Near', range }, value],
      range,
    };
    assert.deepEqual(names(shallow), ['Near']);
  });
});
