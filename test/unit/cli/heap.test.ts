/**
 * The heap bound of `srlens scan` (src/cli/heap.ts) and where the analyzer calls it: between two
 * templates or Terraform modules, never before the first or after the last, and with the same
 * findings whether it collects or not. A one-pass scan also lets go of each module's model once
 * its findings are made.
 */
import { strict as assert } from 'node:assert';
import { getHeapStatistics } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Analyzer, type SourceFile } from '../../../src/engine/analyzer';
import { heapBound } from '../../../src/cli/heap';

const MB = 2 ** 20;

/** Leaves about 20 MB of unreachable objects behind; returns the heap in use with them. */
function makeGarbage(): number {
  const garbage = Array.from({ length: 300_000 }, (_, i) => ({ i, text: `value ${i}` }));
  assert.equal(garbage.length, 300_000);
  return getHeapStatistics().used_heap_size;
}

describe('srlens scan: the heap bound', () => {
  it('collects only past the floor, then only past growth times what was live after the last collection', () => {
    const trace: string[] = [];
    let inUse = 0;
    let live = 0;
    const bound = heapBound({
      floor: 40 * MB,
      growth: 1.5,
      used: () => inUse,
      collect: () => {
        trace.push(`collect at ${inUse / MB}`);
        inUse = live;
      },
    });
    // [in use before the call, live after a collection]
    const steps: [number, number][] = [
      [10, 10], // under the floor
      [39, 20], // still under it
      [41, 20], // past it: collected, the next limit is max(40, 20 × 1.5) = 40
      [39, 20], // under
      [40, 30], // at the limit: collected, the next limit is 45
      [44, 30], // under
      [46, 10], // past 45: collected, the limit falls back to the floor
      [39, 10], // under
    ];
    for (const [before, after] of steps) {
      inUse = before * MB;
      live = after * MB;
      bound();
    }
    assert.deepEqual(trace, ['collect at 41', 'collect at 40', 'collect at 46']);
  });

  it("collects with V8's own full collection, and leaves `gc` unexposed to the rest of the process", () => {
    const exposed = runInNewContext('typeof gc');
    const before = makeGarbage();
    heapBound({ floor: 1 })();
    const after = getHeapStatistics().used_heap_size;
    assert.ok(after < before - 10 * MB, `in use ${before / MB} MB before, ${after / MB} MB after`);
    // Contexts made afterwards see `gc` exactly as before (not at all, unless node was started with --expose-gc).
    assert.equal(runInNewContext('typeof gc'), exposed);
  });

  it('is called between units only, and the findings are the same with or without it', async () => {
    const files: SourceFile[] = [
      {
        path: '/w/a.yaml',
        text: 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      SqsManagedSseEnabled: false\n',
      },
      {
        path: '/w/b.json',
        text: '{"Resources":{"V":{"Type":"AWS::EC2::Volume","Properties":{"Size":1,"AvailabilityZone":"a"}}}}',
      },
      { path: '/w/net/main.tf', text: 'resource "aws_ebs_volume" "v" {\n  availability_zone = "a"\n  size = 1\n}\n' },
      { path: '/w/db/main.tf', text: 'resource "aws_sqs_queue" "q" {\n  sqs_managed_sse_enabled = false\n}\n' },
      { path: '/w/notes.txt', text: 'not a template' },
    ];
    let calls = 0;
    const bounded = await new Analyzer({ retain: false, betweenUnits: () => calls++ }).analyze(files);
    // Two templates and two modules: three gaps between them.
    assert.equal(calls, 3);
    const plain = await new Analyzer({ retain: false }).analyze(files);
    assert.deepEqual(bounded.findings, plain.findings);
    assert.ok(plain.findings.some((f) => f.file === '/w/db/main.tf'));
    assert.ok(plain.findings.some((f) => f.file === '/w/a.yaml'));

    calls = 0;
    await new Analyzer({ retain: false, betweenUnits: () => calls++ }).analyze([files[0]]);
    await new Analyzer({ retain: false, betweenUnits: () => calls++ }).analyze([files[2]]);
    assert.equal(calls, 0, 'a scan of one file is never interrupted');
  });
});
