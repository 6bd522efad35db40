/**
 * Runs the same integration suite in VS Code desktop (Electron) through @vscode/test-electron.
 * It downloads a VS Code build into .vscode-test/ on first use, so it needs access to VS Code's
 * download servers and a display (or Xvfb); machines that reach only package registries cannot
 * run it, and `npm test` does not call it: there, `npm run test:integration` runs the suite in
 * code-server instead (launcher.ts).
 *
 *   npm run build && node scripts/build-tests.mjs && node out/test/integration/electron.js
 *
 * Environment: SRLENS_VSCODE_VERSION (default 1.100.3, the version code-server embeds),
 * SRLENS_VSCODE_EXECUTABLE (use an installed VS Code instead of downloading one).
 */
import { existsSync } from 'node:fs';
import { runTests } from '@vscode/test-electron';
import {
  checkBuilt,
  EXTENSION_PATH,
  makeRunDirs,
  printResults,
  readResults,
  removeDir,
  RESULTS_ENV,
  SUITE_INDEX,
  TEST_SETTINGS,
} from './common';

async function main(): Promise<number> {
  checkBuilt();
  const started = Date.now();
  const dirs = makeRunDirs(TEST_SETTINGS);
  try {
    const exitCode = await runTests({
      version: process.env.SRLENS_VSCODE_VERSION ?? '1.100.3',
      vscodeExecutablePath: process.env.SRLENS_VSCODE_EXECUTABLE,
      extensionDevelopmentPath: EXTENSION_PATH,
      extensionTestsPath: SUITE_INDEX,
      extensionTestsEnv: { [RESULTS_ENV]: dirs.results },
      // test-electron adds --disable-workspace-trust, --skip-welcome and friends itself.
      launchArgs: [
        dirs.workspace,
        `--user-data-dir=${dirs.userData}`,
        `--extensions-dir=${dirs.extensions}`,
        '--disable-extensions',
        '--disable-gpu',
      ],
    }).catch((error: unknown) => {
      console.error(
        `[integration] VS Code did not run the suite: ${error instanceof Error ? error.message : String(error)}`,
      );
      return 1;
    });
    if (!existsSync(dirs.results)) {
      console.error('[integration] FAILED: the suite wrote no results');
      console.log('integration: 0 passed, 1 failed');
      return 1;
    }
    const { ok, summary } = printResults(readResults(dirs.results), 'VS Code desktop');
    console.log(`  integration run: ${((Date.now() - started) / 1000).toFixed(1)} s end to end`);
    console.log('');
    console.log(summary);
    return ok && exitCode === 0 ? 0 : 1;
  } finally {
    removeDir(dirs.root);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
