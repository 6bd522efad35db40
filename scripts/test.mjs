// The test commands of the README:
//
//   node scripts/test.mjs                 `npm test`: build, typecheck, lint, unit tests, and the real-editor
//                                         suites (code-server, installed on first use: scripts/install-code-server.sh,
//                                         and the language server in headless Neovim)
//   node scripts/test.mjs --unit          `npm run test:unit`: build and the unit tests, quick (SRLENS_QUICK=1:
//                                         sampled corpus walks, a quarter of the property runs), two mocha jobs
//   node scripts/test.mjs --integration   `npm run test:integration`: the real-editor suites only
//
// SRLENS_SKIP_INTEGRATION=1 skips the real-editor suites, and a line starting with SKIPPED says so
// first and last, so a run that never started VS Code is never mistaken for a full one.
// SRLENS_REQUIRE_INTEGRATION=1 (CI) refuses that skip.
import { spawn } from 'node:child_process';
import path from 'node:path';

const mode = process.argv.includes('--unit') ? 'unit' : process.argv.includes('--integration') ? 'integration' : 'all';
const skipIntegration = process.env.SRLENS_SKIP_INTEGRATION === '1';
const SKIPPED =
  'SKIPPED: the VS Code integration suites (extension in code-server, UI smoke, web extension) did not run: SRLENS_SKIP_INTEGRATION=1';
const bin = (name) => path.join('node_modules', '.bin', name);
const results = [];

/** Runs one command with the output shown as it comes; `onStderr` also sees stderr. Resolves to the exit code. */
function exec(command, args, { env = {}, onStderr } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      stdio: ['ignore', 'inherit', onStderr ? 'pipe' : 'inherit'],
      env: { ...process.env, ...env },
    });
    child.stderr?.on('data', (chunk) => {
      process.stderr.write(chunk);
      onStderr(String(chunk));
    });
    child.on('error', (error) => {
      console.error(`${command}: ${error.message}`);
      resolve(1);
    });
    child.on('close', (code) => resolve(code ?? 1));
  });
}

/** One step: prints its name, runs it, records how long it took and whether it passed. */
async function step(name, command, args, options) {
  console.log(`\n> ${name}`);
  const started = Date.now();
  const code = await exec(command, args, options);
  results.push({ name, ok: code === 0, seconds: (Date.now() - started) / 1000 });
  return code === 0;
}

function summary() {
  if (results.length === 0) return;
  console.log('');
  for (const r of results) console.log(`  ${r.ok ? '✔' : '✖'} ${r.name} (${r.seconds.toFixed(0)} s)`);
}

/** Ends the run: a failure names its steps on the last line; a skip of the editor suites says so last. */
function finish() {
  summary();
  const failed = results.filter((r) => !r.ok).map((r) => r.name);
  if (failed.length > 0) {
    console.log(`FAILED: ${failed.join(', ')}`);
    process.exit(1);
  }
  // Last, unless nothing ran since the same line opened the run.
  if (mode !== 'unit' && skipIntegration && results.length > 0) console.log(SKIPPED);
  process.exit(0);
}

const mocha = ['node_modules/mocha/bin/mocha.js', '--config', '.mocharc.json'];

async function unitSteps() {
  if (!(await step('build', process.execPath, ['esbuild.mjs']))) return finish();
  if (mode === 'all') {
    await step('typecheck', bin('tsc'), ['--noEmit', '-p', '.']);
    await step('lint', 'npm', ['run', '--silent', 'lint']);
  }
  if (!(await step('build the tests', process.execPath, ['scripts/build-tests.mjs']))) return finish();
  if (mode === 'unit') {
    await step('unit tests (quick)', process.execPath, [...mocha, '--parallel', '--jobs', '2'], {
      env: { SRLENS_QUICK: '1' },
    });
  } else {
    await step('unit tests', process.execPath, mocha);
  }
}

/** The real-editor suites: code-server installed (or reused), the packaged VSIX, the UI smoke test, the web extension. */
async function integrationSteps() {
  if (skipIntegration) {
    if (process.env.SRLENS_REQUIRE_INTEGRATION === '1') {
      results.push({
        name: 'integration (SRLENS_SKIP_INTEGRATION=1 under SRLENS_REQUIRE_INTEGRATION=1)',
        ok: false,
        seconds: 0,
      });
    }
    return;
  }
  let installError = '';
  const installed = await step('code-server for the VS Code suites', 'bash', ['scripts/install-code-server.sh'], {
    onStderr: (text) => {
      const error = /\[code-server\] ERROR: (.*)/.exec(text);
      if (error) installError = error[1];
    },
  });
  if (!installed) {
    summary();
    console.log(
      `FAILED: code-server could not be installed: ${installError || 'see above'}. Fix that and run \`bash scripts/install-code-server.sh\`, or set SRLENS_SKIP_INTEGRATION=1 to skip the VS Code suites.`,
    );
    process.exit(1);
  }
  const ok =
    (await step('production build', process.execPath, ['esbuild.mjs', '--production'])) &&
    (await step('package the VSIX', bin('vsce'), ['package', '--no-dependencies', '--out', 'out/integration.vsix'])) &&
    (mode === 'integration' ? await step('build the tests', process.execPath, ['scripts/build-tests.mjs']) : true);
  if (!ok) return;
  // The language server in a real client (Neovim, installed with code-server's Debian packages).
  // --no-config: .mocharc.json's spec would add the whole unit suite to the run.
  await step('language server in Neovim', process.execPath, [
    'node_modules/mocha/bin/mocha.js',
    '--no-config',
    '--timeout',
    '120000',
    '--enable-source-maps',
    'out/test/integration/neovim/neovim.test.js',
  ]);
  const launcher = 'out/test/integration/launcher.js';
  await step('integration suite (packaged VSIX)', process.execPath, [launcher, '--vsix=out/integration.vsix']);
  await step('UI smoke test', process.execPath, [launcher, '--ui']);
  await step('web extension', process.execPath, [launcher, '--web']);
}

if (mode !== 'unit' && skipIntegration) console.log(SKIPPED);
if (mode !== 'integration') await unitSteps();
// The editor suites take minutes: they run only after everything before them passed.
if (mode !== 'unit' && results.every((r) => r.ok)) await integrationSteps();
finish();
