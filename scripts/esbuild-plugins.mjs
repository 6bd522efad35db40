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

/** The severities of the Security Hub catalog, one letter each in the bundles. */
const SEVERITY_LETTERS = { CRITICAL: 'C', HIGH: 'H', MEDIUM: 'M', LOW: 'L', INFORMATIONAL: 'I' };

/**
 * The catalog's rows as text: one row per line, its fields separated by tabs, the severity as one
 * letter (src/knowledge/control-rows.ts expands it). Plain JSON spends a quarter of the table on
 * quotes, commas and brackets.
 */
export function controlRows(rows) {
  return rows
    .map((row) => {
      const [id, title, severity, configRule] = row;
      const letter = SEVERITY_LETTERS[severity];
      if (!letter) throw new Error(`unknown severity '${severity}' in the Security Hub table`);
      const fields = [id, title, letter, configRule];
      if (fields.some((f) => typeof f !== 'string' || /[\t\n]/.test(f)))
        throw new Error(`a Security Hub row cannot be written as text: ${JSON.stringify(row)}`);
      return fields.join('\t');
    })
    .join('\n');
}

/**
 * The generated data tables go into the bundles compacted, and are expanded when the bundle loads;
 * the JSON files in the repository stay plain:
 * - the type lists (3,400 names, a tenth of a bundle as plain JSON), front-coded, less than half the size;
 * - the Security Hub controls catalog (450 rows), as tab-separated text (`controlRows`).
 */
export const compactData = {
  name: 'compact-data',
  setup(build) {
    build.onLoad({ filter: /[\\/]knowledge[\\/]data[\\/]security-hub-controls\.json$/ }, async (args) => {
      const { controls, ...provenance } = JSON.parse(await readFile(args.path, 'utf8'));
      return {
        contents: [
          "import { expandControlRows } from '../control-rows';",
          `export default { ...${JSON.stringify(provenance)}, controls: expandControlRows(${JSON.stringify(controlRows(controls))}) };`,
        ].join('\n'),
        loader: 'js',
        resolveDir: path.dirname(args.path),
      };
    });
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
