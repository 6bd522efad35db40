/**
 * How a scan loads tree-sitter's WebAssembly (src/cli/wasm-tiering.ts): a scan of little Terraform
 * loads it with a tiering budget no function reaches and sets the budget back at once, to the V8
 * version's default; only versions whose default is known are touched. The launcher's test checks
 * that the compile cache survives it (launcher.test.ts).
 */
import { strict as assert } from 'node:assert';
import { cachedDataVersionTag, setFlagsFromString } from 'node:v8';
import { SMALL_TERRAFORM_TEXT, defaultTieringBudget, loadGrammarForScan } from '../../../src/cli/wasm-tiering';

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
  it("knows V8's default budget in the versions of Node 20, 22 and 24, and in no other", () => {
    const table: [string, number | undefined][] = [
      [NODE_20_V8, 1_800_000],
      ['12.4.254.21-node.57', 13_000_000],
      ['13.6.233.17-node.63', 13_000_000],
      ['10.2.154.26-node.26', undefined],
      ['14.1.0', undefined],
      ['', undefined],
    ];
    for (const [version, expected] of table) assert.equal(defaultTieringBudget(version), expected, version);
    // This process's own V8 (the suite runs on a supported Node).
    assert.notEqual(defaultTieringBudget(), undefined, process.versions.v8);
  });

  it("the table's budget is this V8's default: setting it leaves the flags the code cache is checked against", () => {
    // V8's version tag covers the flags that differ from their defaults (and changes with them).
    const before = cachedDataVersionTag();
    setFlagsFromString(`--wasm-tiering-budget=${defaultTieringBudget()}`);
    assert.equal(cachedDataVersionTag(), before);
  });

  it('a small scan loads the grammar with a budget out of reach, then sets the usual one back', async () => {
    const { events, setFlags, load } = recorder();
    assert.equal(await loadGrammarForScan(1200, load, setFlags, NODE_20_V8), true);
    assert.deepEqual(events, ['--wasm-tiering-budget=2000000000', 'load', '--wasm-tiering-budget=1800000']);
  });

  it("sets the budget back to Node 22's and 24's default there", async () => {
    const { events, setFlags, load } = recorder();
    assert.equal(await loadGrammarForScan(1200, load, setFlags, '12.4.254.21-node.57'), true);
    assert.deepEqual(events, ['--wasm-tiering-budget=2000000000', 'load', '--wasm-tiering-budget=13000000']);
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
