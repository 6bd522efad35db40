// esbuild plugins shared by the product build (esbuild.mjs) and the test build
// (scripts/build-tests.mjs), so tests run on exactly the data the bundles ship.
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** Longest shared prefix an entry may record (its count is one character from `0`). */
const MAX_SHARED = 40;

/** A list of names front-coded as src/knowledge/type-list.ts expands it. */
export function frontCode(names) {
  let previous = '';
  return names
    .map((name) => {
      if (name.includes(' ') || name === '') throw new Error(`a type name cannot be empty or hold a space: '${name}'`);
      let shared = 0;
      const most = Math.min(previous.length, name.length - 1, MAX_SHARED);
      while (shared < most && previous.charCodeAt(shared) === name.charCodeAt(shared)) shared++;
      previous = name;
      return String.fromCharCode(0x30 + shared) + name.slice(shared);
    })
    .join(' ');
}

/**
 * The generated type lists (3,400 names, a tenth of a bundle as plain JSON) go into the bundles
 * front-coded, less than half the size, and are expanded when the bundle loads.
 */
export const compactTypeLists = {
  name: 'compact-type-lists',
  setup(build) {
    build.onLoad(
      { filter: /[\\/]knowledge[\\/]data[\\/](cloudformation-types|terraform-aws-types)\.json$/ },
      async (args) => {
        const { types, ...provenance } = JSON.parse(await readFile(args.path, 'utf8'));
        return {
          contents: [
            "import { expandTypeList } from '../type-list';",
            `export default { ...${JSON.stringify(provenance)}, types: expandTypeList(${JSON.stringify(frontCode(types))}) };`,
          ].join('\n'),
          loader: 'js',
          resolveDir: path.dirname(args.path),
        };
      },
    );
  },
};
