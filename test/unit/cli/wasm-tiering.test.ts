/**
 * How a scan loads tree-sitter's WebAssembly (src/cli/wasm-tiering.ts): a scan of little Terraform
 * loads it with a tiering budget no function reaches and sets the budget back at once; the flags
 * are set only on V8 versions known to have them. The launcher's test checks that the compile
 * cache survives it (launcher.test.ts).
 */
import { strict as assert } from 'node:assert';
import {
  SMALL_TERRAFORM_TEXT,
  hasTieringBudget,
  loadGrammarForScan,
  startScanTiering,
} from '../../../src/cli/wasm-tiering';

const NODE_20_V8 = '11.3.244.8-node.38';

function recorder() {
  const events: string[] = [];
  return {
    events,
    setFlags: (flags: string) => void events.push(flags),
    load: async () => void events.push('load'),
  };
}

describe('wasm tiering of a scan', () => {
  it('knows the V8 versions that have the flag (Node 20 to 24), and no other', () => {
    const table: [string, boolean][] = [
      [NODE_20_V8, true],
      ['12.4.254.21-node.33', true],
      ['13.6.233.10-node.28', true],
      ['10.2.154.26-node.26', false],
      ['14.1.0', false],
      ['', false],
    ];
    for (const [version, expected] of table) assert.equal(hasTieringBudget(version), expected, version);
  });

  it('a small scan loads the grammar with a budget out of reach, then sets the usual one back', async () => {
    const { events, setFlags, load } = recorder();
    assert.equal(await loadGrammarForScan(1200, load, setFlags, NODE_20_V8), true);
    assert.deepEqual(events, ['--wasm-tiering-budget=2000000000', 'load', '--wasm-tiering-budget=1800000']);
  });

  it('the usual budget is what the launcher starts every scan with', () => {
    const { events, setFlags } = recorder();
    startScanTiering(setFlags, NODE_20_V8);
    assert.deepEqual(events, ['--wasm-tiering-budget=1800000']);
  });

  it('leaves the flags alone from SMALL_TERRAFORM_TEXT on, without Terraform, and on other V8 versions', async () => {
    for (const [size, version] of [
      [SMALL_TERRAFORM_TEXT, NODE_20_V8],
      [5_000_000, NODE_20_V8],
      [0, NODE_20_V8],
      [1200, '14.1.0'],
    ] as const) {
      const { events, setFlags, load } = recorder();
      assert.equal(await loadGrammarForScan(size, load, setFlags, version), false);
      assert.deepEqual(events, ['load'], `${size} on ${version}`);
    }
    const { events, setFlags } = recorder();
    startScanTiering(setFlags, '14.1.0');
    assert.deepEqual(events, []);
  });

  it('sets the budget back when loading fails, and lets the failure through', async () => {
    const { events, setFlags } = recorder();
    await assert.rejects(
      loadGrammarForScan(
        10,
        async () => {
          throw new Error('tree-sitter.wasm is damaged');
        },
        setFlags,
        NODE_20_V8,
      ),
      /damaged/,
    );
    assert.deepEqual(events, ['--wasm-tiering-budget=2000000000', '--wasm-tiering-budget=1800000']);
  });
});
