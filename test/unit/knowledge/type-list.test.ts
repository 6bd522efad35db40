/**
 * The type lists ship front-coded (scripts/esbuild-plugins.mjs) and are expanded at load
 * (src/knowledge/type-list.ts): what the engine sees must be exactly the generated JSON files.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import cloudFormationList from '../../../src/knowledge/data/cloudformation-types.json';
import terraformList from '../../../src/knowledge/data/terraform-aws-types.json';
import { expandTypeList } from '../../../src/knowledge/type-list';
import { knownTypes } from '../../../src/knowledge/services';
// @ts-expect-error -- plain JavaScript without declarations (bundled by esbuild)
import { frontCode } from '../../../scripts/esbuild-plugins.mjs';

const DATA = path.resolve(process.cwd(), 'src', 'knowledge', 'data');
const onDisk = (file: string): string[] => JSON.parse(readFileSync(path.join(DATA, file), 'utf8')).types;

describe('front-coded type lists', () => {
  it('expand to exactly the generated files, in order', () => {
    assert.deepEqual(cloudFormationList.types, onDisk('cloudformation-types.json'));
    assert.deepEqual(terraformList.types, onDisk('terraform-aws-types.json'));
    const known = knownTypes();
    assert.deepEqual([...known.cloudformation], onDisk('cloudformation-types.json'));
    assert.deepEqual([...known.terraform], onDisk('terraform-aws-types.json'));
  });

  it('keep the provenance beside the list', () => {
    const raw = JSON.parse(readFileSync(path.join(DATA, 'terraform-aws-types.json'), 'utf8'));
    assert.equal(terraformList.providerVersion, raw.providerVersion);
    assert.equal(cloudFormationList.count, cloudFormationList.types.length);
  });

  it('are less than half the size of the plain lists', () => {
    for (const file of ['cloudformation-types.json', 'terraform-aws-types.json']) {
      const types = onDisk(file);
      assert.ok(frontCode(types).length * 2 < JSON.stringify(types).length, file);
    }
  });

  it('round-trip any list of names, sorted or not', () => {
    const name = fc.stringMatching(/^[A-Za-z0-9_:.-]{1,60}$/);
    fc.assert(
      fc.property(fc.array(name, { maxLength: 50 }), fc.boolean(), (names, sort) => {
        const list = sort ? [...names].sort() : names;
        assert.deepEqual(expandTypeList(frontCode(list)), list);
      }),
      { seed: 3, numRuns: 300 },
    );
  });

  it('refuse a name the encoding cannot hold', () => {
    assert.throws(() => frontCode(['a b']), /space/);
    assert.throws(() => frontCode(['']), /empty/);
  });
});
