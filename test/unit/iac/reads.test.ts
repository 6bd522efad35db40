/**
 * What a value tree reads (src/iac/reads.ts): references with their attributes, expressions kept
 * as text, and the names both refer to, from real CloudFormation and Terraform; one walk per tree.
 */
import { strict as assert } from 'node:assert';
import { parseCloudFormation } from '../../../src/iac/cloudformation';
import type { Resource, Value } from '../../../src/iac/model';
import { readsOf } from '../../../src/iac/reads';
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

/** The reads as plain data, references paired with their attributes. */
function plain(value: Value) {
  const reads = readsOf(value);
  return {
    references: reads.targets.map((target, i) => [target, reads.attributes[i]]),
    texts: [...reads.texts],
    names: [...reads.names].sort(),
  };
}

describe('readsOf: what a value tree reads', () => {
  before(() => loadTerraformLanguage());

  const cloudFormation: { name: string; yaml: string; expected: ReturnType<typeof plain> }[] = [
    {
      name: 'a Ref and a GetAtt, in the order met',
      yaml: 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      KmsMasterKeyId: !Ref Key\n      RedrivePolicy:\n        deadLetterTargetArn: !GetAtt Dlq.Arn\n',
      expected: {
        references: [
          ['Key', undefined],
          ['Dlq', 'Arn'],
        ],
        texts: [],
        names: ['Dlq', 'Key'],
      },
    },
    {
      name: 'a Sub: its text, and the names inside it',
      yaml: 'Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Sub "${Env}-logs-${AWS::AccountId}"\n',
      expected: { references: [], texts: ['!Sub "${Env}-logs-${AWS::AccountId}"'], names: ['AWS::AccountId', 'Env'] },
    },
    {
      name: 'a list of references, and a literal that reads nothing',
      yaml: 'Resources:\n  I:\n    Type: AWS::EC2::Instance\n    Properties:\n      ImageId: ami-12345678\n      SecurityGroupIds: [!Ref A, !Ref B, !Ref A]\n',
      expected: {
        references: [
          ['A', undefined],
          ['B', undefined],
          ['A', undefined],
        ],
        texts: [],
        names: ['A', 'B'],
      },
    },
  ];
  for (const { name, yaml, expected } of cloudFormation)
    it(`CloudFormation: ${name}`, () => {
      const resource = cloudFormationResource(yaml, yaml.split('\n')[1].trim().replace(':', ''));
      assert.deepEqual(plain(resource.properties), expected);
    });

  it('Terraform: references with attributes, and a template string with the names in it', () => {
    const resource = terraformResource(
      [
        'resource "aws_s3_bucket_policy" "p" {',
        '  bucket = aws_s3_bucket.b.id',
        '  policy = var.policy',
        '  tags   = { Name = "${var.prefix}-${aws_s3_bucket.b.bucket}" }',
        '}',
      ].join('\n'),
      'aws_s3_bucket_policy.p',
    );
    const reads = plain(resource.properties);
    assert.deepEqual(reads.references.slice(0, 2), [
      ['aws_s3_bucket.b', 'id'],
      ['var.policy', undefined],
    ]);
    assert.ok(
      reads.texts.some((t) => t.includes('${var.prefix}-${aws_s3_bucket.b.bucket}')),
      JSON.stringify(reads.texts),
    );
    assert.ok(reads.names.includes('aws_s3_bucket.b'));
    assert.ok(reads.names.includes('var.policy'));
    assert.ok(reads.names.includes('var.prefix'), JSON.stringify(reads.names));
  });

  it('walks a tree once: the same tree gives the same answer object, an equal new tree its own', () => {
    const yaml = 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      KmsMasterKeyId: !Ref Key\n';
    const first = cloudFormationResource(yaml, 'Q').properties;
    assert.equal(readsOf(first), readsOf(first));
    const again = cloudFormationResource(yaml, 'Q').properties;
    assert.notEqual(readsOf(again), readsOf(first));
    assert.deepEqual(plain(again), plain(first));
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
    assert.deepEqual(plain(shallow).names, ['Near']);
  });
});
