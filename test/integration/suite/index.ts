/**
 * Entry point of the integration suite, loaded by VS Code's extension host (`extensionTestsPath`).
 * Runs mocha over the `*.test.js` files next to this bundle (built by scripts/build-tests.mjs) with
 * the real `vscode` API (only the tests matching SRLENS_IT_GREP when it is set), and writes the results to the file named by SRLENS_IT_RESULTS (or
 * `results.json` beside this file), which the launcher waits for.
 */
import { readdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type Mocha from 'mocha';
import * as vscode from 'vscode';
import { metrics, type SuiteResults, type TestResult } from './results';

const RESULTS_FILE = process.env.SRLENS_IT_RESULTS || path.join(__dirname, 'results.json');

export async function run(): Promise<void> {
  const started = Date.now();
  const results: SuiteResults = {
    vscodeVersion: vscode.version,
    durationMs: 0,
    passes: 0,
    failures: 0,
    pending: 0,
    tests: [],
    metrics: metrics(),
  };
  try {
    const failures = await runMocha(results.tests);
    results.passes = results.tests.filter((t) => t.state === 'passed').length;
    results.failures = failures;
    results.pending = results.tests.filter((t) => t.state === 'pending').length;
    if (results.tests.length === 0) results.error = `no tests found next to ${__filename}`;
  } catch (error) {
    results.error = error instanceof Error ? (error.stack ?? error.message) : String(error);
  }
  results.durationMs = Date.now() - started;
  // Write then rename, so the launcher never reads half a file.
  writeFileSync(`${RESULTS_FILE}.tmp`, JSON.stringify(results, null, 2));
  renameSync(`${RESULTS_FILE}.tmp`, RESULTS_FILE);
  if (results.error) throw new Error(results.error);
  if (results.failures > 0) throw new Error(`${results.failures} integration test(s) failed`);
}

function runMocha(tests: TestResult[]): Promise<number> {
  // Loaded here, not at the top, so that a missing mocha ends up in the results file.
  const Mocha = require('mocha') as typeof import('mocha');
  const mocha = new Mocha({
    ui: 'bdd',
    timeout: 60_000,
    color: false,
    reporter: collector(Mocha, tests),
    // SRLENS_IT_GREP=<pattern> runs only the matching tests (while working on one suite).
    grep: process.env.SRLENS_IT_GREP || undefined,
  });
  const files = readdirSync(__dirname)
    .filter((name) => name.endsWith('.test.js'))
    .sort();
  for (const file of files) mocha.addFile(path.join(__dirname, file));
  return new Promise((resolve) => mocha.run(resolve));
}

/** A mocha reporter that records every test (and failing hook) instead of printing. */
function collector(Mocha: typeof import('mocha'), tests: TestResult[]): typeof Mocha.reporters.Base {
  const { EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING } = Mocha.Runner.constants;
  return class Collector extends Mocha.reporters.Base {
    constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
      super(runner, options);
      const parent = (t: Mocha.Runnable) => t.parent?.titlePath().join(' ') ?? '';
      runner.on(EVENT_TEST_PASS, (t) =>
        tests.push({ parent: parent(t), title: t.title, state: 'passed', durationMs: t.duration ?? 0 }),
      );
      runner.on(EVENT_TEST_PENDING, (t) =>
        tests.push({ parent: parent(t), title: t.title, state: 'pending', durationMs: 0 }),
      );
      runner.on(EVENT_TEST_FAIL, (t, err: Error) =>
        tests.push({
          parent: parent(t),
          title: t.title,
          state: 'failed',
          durationMs: t.duration ?? 0,
          error: err?.stack ?? String(err),
        }),
      );
    }
  };
}
