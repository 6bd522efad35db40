// `npm run fuzz`: the property-based and fix-safety suites with many more runs than `npm test`.
// SRLENS_FUZZ_RUNS multiplies every property's runs (default here: 20; `npm test` uses 1);
// SRLENS_FUZZ_SEED replays a failure with the seed fast-check printed. Builds to
// SRLENS_TEST_OUT (default out-fuzz/, so that a full test build in out/ is left alone).
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const suites = ['test/unit/product/fuzz.test.ts', 'test/unit/product/fix-safety.test.ts'];
const outRoot = process.env.SRLENS_TEST_OUT || 'out-fuzz';
const env = { ...process.env, SRLENS_FUZZ_RUNS: process.env.SRLENS_FUZZ_RUNS || '20', SRLENS_TEST_OUT: outRoot };

function step(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

step(process.execPath, ['scripts/build-tests.mjs', ...suites]);
const mocha = path.join('node_modules', 'mocha', 'bin', 'mocha.js');
const built = suites.map((file) => path.join(outRoot, file.replace(/\.ts$/, '.js')));
console.log(
  `fuzz: SRLENS_FUZZ_RUNS=${env.SRLENS_FUZZ_RUNS}${env.SRLENS_FUZZ_SEED ? `, seed ${env.SRLENS_FUZZ_SEED}` : ''}`,
);
// --no-config: .mocharc.json would add every suite of out/ to these.
step(process.execPath, [mocha, '--no-config', '--timeout', '0', '--enable-source-maps', ...built]);
