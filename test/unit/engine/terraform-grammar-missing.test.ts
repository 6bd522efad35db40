/**
 * A broken installation (the Terraform grammar's wasm missing or unreadable) costs the Terraform
 * files their analysis, each with an error that says why, and nothing else: CloudFormation
 * templates in the same scan are still analysed, and a later call loads the grammar again.
 * This file is its own bundle, so the grammar is not loaded yet when it starts.
 */
import { strict as assert } from 'node:assert';
import { Analyzer } from '../../../src/engine/analyzer';
import { setWasmReader } from '../../../src/iac/wasm';

const BUCKET_TF = 'resource "aws_s3_bucket" "logs" {\n  bucket = "logs"\n}\n';
const QUEUE_YAML =
  'Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n      SqsManagedSseEnabled: false\n';

describe('a Terraform grammar that cannot be loaded', () => {
  afterEach(() => setWasmReader(undefined));

  it('is an error on each Terraform file, and the other files are still analysed', async () => {
    setWasmReader(() => Promise.reject(new Error('the file is unreadable.')));
    const analysis = await new Analyzer({ retain: false }).analyze([
      { path: '/g/main.tf', text: BUCKET_TF },
      { path: '/g/extra.tf', text: BUCKET_TF.replace(/logs/g, 'data') },
      { path: '/g/queue.yaml', text: QUEUE_YAML },
    ]);
    const terraform = analysis.findings.filter((f) => f.file.endsWith('.tf'));
    assert.deepEqual(
      terraform.map((f) => [f.file, f.ruleId, f.severity, f.range.start.line]),
      [
        ['/g/extra.tf', 'parse-error', 'error', 0],
        ['/g/main.tf', 'parse-error', 'error', 0],
      ],
    );
    for (const finding of terraform) {
      assert.equal(
        finding.message,
        'You · Configuration and policies: the Terraform parser could not be loaded, so this file is not analysed',
      );
      assert.match(
        finding.detail ?? '',
        /^Loading it failed: the file is unreadable\. Reinstalling srlens or the extension restores it\.$/,
      );
    }
    assert.ok(
      analysis.findings.some((f) => f.file === '/g/queue.yaml' && f.ruleId === 'sqs-queue-encryption'),
      'the template beside them is analysed',
    );
  });

  it('names a damaged wasm file before tree-sitter sees it', async () => {
    setWasmReader((file) =>
      Promise.resolve(file === 'tree-sitter.wasm' ? new TextEncoder().encode('not wasm') : new Uint8Array()),
    );
    const analysis = await new Analyzer({ retain: false }).analyzeTerraformModule('/g', [
      { path: '/g/main.tf', text: BUCKET_TF },
    ]);
    assert.deepEqual(
      analysis.findings.map((f) => f.detail),
      [
        'Loading it failed: tree-sitter.wasm is damaged: it is not a valid WebAssembly module (8 bytes). Reinstalling srlens or the extension restores it.',
      ],
    );
  });

  it('loads again on the next call once the files are there', async () => {
    setWasmReader(() => Promise.reject(new Error('not there')));
    const analyzer = new Analyzer();
    const broken = await analyzer.analyzeTerraformModule('/g', [{ path: '/g/main.tf', text: BUCKET_TF }]);
    assert.deepEqual(
      broken.findings.map((f) => f.ruleId),
      ['parse-error'],
    );
    setWasmReader(undefined);
    const repaired = await analyzer.analyzeTerraformModule('/g', [{ path: '/g/main.tf', text: BUCKET_TF }]);
    assert.deepEqual(
      repaired.units.map((u) => u.kind),
      ['terraform'],
    );
    assert.ok(!repaired.findings.some((f) => f.ruleId === 'parse-error'));
  });
});
