import * as assert from 'node:assert/strict';
import { Analyzer } from '../../../src/engine/analyzer';
import { keepShape, keptShapes } from '../../../src/iac/shapes';

describe('shapes: exemplars kept for the optimised code', () => {
  it('keeps what it is given and returns it', () => {
    const before = keptShapes();
    const exemplar = { a: 1 };
    assert.equal(keepShape(exemplar), exemplar);
    assert.equal(keptShapes(), before + 1);
  });

  it('makes each exemplar once, however many analyses run', async () => {
    const analyse = async (n: number) => {
      const analyzer = new Analyzer();
      analyzer.analyzeCloudFormation(`/t/${n}.json`, '{"Resources":{"B":{"Type":"AWS::S3::Bucket"}}}');
      analyzer.analyzeCloudFormation(`/t/${n}.yaml`, 'Resources:\n  B:\n    Type: AWS::S3::Bucket\n');
      await analyzer.analyzeTerraformModule(`/t/${n}`, [
        { path: `/t/${n}/main.tf`, text: 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n}\n' },
      ]);
    };
    await analyse(0);
    const kept = keptShapes();
    assert.ok(kept >= 6, `exemplars of the converter, reader, cursor, node, tree, evaluator, context: ${kept}`);
    for (let n = 1; n < 4; n++) await analyse(n);
    assert.equal(keptShapes(), kept);
  });
});
