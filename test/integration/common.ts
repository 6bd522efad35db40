/**
 * What both integration launchers share (code-server in `launcher.ts`, VS Code desktop in
 * `electron.ts`): where things are, the temporary workspace, and how results are read and printed.
 * The suite (`suite/index.ts`) writes the results file; the launchers only read it.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SuiteResults } from './suite/results';

/** The repository root (this file is bundled to out/test/integration/). */
export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const EXTENSION_PATH = ROOT;
/** Next to the launcher, so a build to another folder (SRLENS_TEST_OUT) runs its own suite. */
export const SUITE_INDEX = path.join(__dirname, 'suite', 'index.js');
export const WORKSPACE_FIXTURE = path.join(ROOT, 'test', 'integration', 'workspace');
/** The suite writes its results to the file this variable names (the extension host inherits it). */
export const RESULTS_ENV = 'SRLENS_IT_RESULTS';
export const DEFAULT_TIMEOUT_MS = 5 * 60_000;

/**
 * True when the run was asked to skip the real-editor suites (SRLENS_SKIP_INTEGRATION=1), and that is
 * allowed: CI (CI=true or SRLENS_REQUIRE_INTEGRATION=1) never skips them.
 */
export function integrationSkipped(): boolean {
  const ci = (process.env.CI ?? '').toLowerCase();
  const required = (ci !== '' && ci !== 'false' && ci !== '0') || process.env.SRLENS_REQUIRE_INTEGRATION === '1';
  return process.env.SRLENS_SKIP_INTEGRATION === '1' && !required;
}

export function log(message: string): void {
  console.log(`[integration] ${message}`);
}

/**
 * A missing prerequisite fails the run with one line naming the command that installs it; only an
 * explicit SRLENS_SKIP_INTEGRATION=1 skips instead, with a line that starts with SKIPPED.
 */
export function missingPrerequisite(message: string, hint: string): never {
  if (integrationSkipped()) {
    console.log(`SKIPPED: the VS Code integration suite did not run (SRLENS_SKIP_INTEGRATION=1): ${message}`);
    process.exit(0);
  }
  console.error(`[integration] FAILED: ${message}; ${hint} (or set SRLENS_SKIP_INTEGRATION=1 to skip this suite)`);
  process.exit(1);
}

/** Build outputs the run needs; `npm run test:integration` builds them first. */
export function checkBuilt(): void {
  for (const file of [path.join(ROOT, 'dist', 'extension.js'), SUITE_INDEX]) {
    if (!existsSync(file)) {
      console.error(
        `[integration] FAILED: ${path.relative(ROOT, file)} is missing; run \`npm run build && node scripts/build-tests.mjs\` first`,
      );
      process.exit(1);
    }
  }
}

export interface RunDirs {
  root: string;
  workspace: string;
  userData: string;
  extensions: string;
  results: string;
}

/** A fresh temporary folder with a copy of the workspace fixture and empty VS Code profile folders. */
export function makeRunDirs(settings: Record<string, unknown>, fixture = WORKSPACE_FIXTURE): RunDirs {
  const root = mkdtempSync(path.join(os.tmpdir(), 'srlens-it-'));
  const dirs: RunDirs = {
    root,
    workspace: path.join(root, 'workspace'),
    userData: path.join(root, 'user-data'),
    extensions: path.join(root, 'extensions'),
    results: path.join(root, 'results.json'),
  };
  cpSync(fixture, dirs.workspace, { recursive: true });
  mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  mkdirSync(dirs.extensions, { recursive: true });
  mkdirSync(path.join(root, 'tmp'));
  writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  return dirs;
}

/** Quiet, offline, deterministic editor settings for a test profile. */
export const TEST_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'files.autoSave': 'off',
};

export function removeDir(dir: string): void {
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  } catch (error) {
    console.error(`[integration] could not remove ${dir}: ${(error as Error).message}`);
  }
}

export function readResults(file: string): SuiteResults {
  return JSON.parse(readFileSync(file, 'utf8')) as SuiteResults;
}

/**
 * Prints the suite's results like mocha's spec reporter. Returns whether all passed and the
 * one-line count, which the caller prints last (`integration: N passed, N failed`).
 */
export function printResults(results: SuiteResults, host: string): { ok: boolean; summary: string } {
  console.log('');
  console.log(`  Integration suite in ${host} (VS Code ${results.vscodeVersion})`);
  let lastGroup = '';
  for (const test of results.tests) {
    if (test.parent !== lastGroup) {
      console.log(`    ${test.parent}`);
      lastGroup = test.parent;
    }
    const mark = test.state === 'passed' ? '✔' : test.state === 'failed' ? '✖' : '-';
    console.log(`      ${mark} ${test.title}${test.state === 'pending' ? ' (pending)' : ` (${test.durationMs} ms)`}`);
  }
  const failed = results.tests.filter((t) => t.state === 'failed');
  failed.forEach((test, i) => {
    console.log('');
    console.log(`  ${i + 1}) ${test.parent} ${test.title}:`);
    console.log(indent(test.error ?? 'failed', 6));
  });
  if (results.error) {
    console.log('');
    console.log(`  the suite could not run: ${results.error}`);
  }
  console.log('');
  const a = results.metrics.activation as ActivationMetric | undefined;
  if (a) {
    const marks = a.vscodeMarks
      ? `; VS Code measured code loading ${a.vscodeMarks.loadMs} ms + activate() ${a.vscodeMarks.activateMs} ms = ${a.vscodeMarks.totalMs} ms`
      : '';
    console.log(
      `  activation: activate() resolved in ${a.activateCallMs} ms (${a.wasActive ? 'already active at startup' : 'activated by the test'})${marks}`,
    );
  }
  for (const [name, value] of Object.entries(results.metrics)) {
    if (name !== 'activation' && typeof value === 'number') console.log(`  ${name}: ${value} ms`);
  }
  console.log(`  suite: ${results.tests.length} tests in ${(results.durationMs / 1000).toFixed(1)} s`);
  const passed = results.tests.filter((t) => t.state === 'passed').length;
  const pending = results.tests.filter((t) => t.state === 'pending').length;
  const ok = failed.length === 0 && !results.error && passed > 0;
  return {
    ok,
    summary: `integration: ${passed} passed, ${failed.length + (results.error ? 1 : 0)} failed${pending ? `, ${pending} skipped` : ''}`,
  };
}

interface ActivationMetric {
  activateCallMs: number;
  wasActive: boolean;
  vscodeMarks?: { loadMs: number; activateMs: number; totalMs: number };
}

function indent(text: string, spaces: number): string {
  return text
    .split('\n')
    .map((line) => ' '.repeat(spaces) + line)
    .join('\n');
}
