/**
 * The results file the suite writes and the launchers read, and the metrics tests record into it.
 * Metrics go through a global so that every separately bundled test file reaches the same table.
 */
export interface TestResult {
  /** The titles of the enclosing `describe` blocks. */
  parent: string;
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs: number;
  /** Message and stack of a failure. */
  error?: string;
}

export interface SuiteResults {
  vscodeVersion: string;
  durationMs: number;
  passes: number;
  failures: number;
  pending: number;
  tests: TestResult[];
  /** Timings and facts the tests measured (milliseconds unless the name says otherwise). */
  metrics: Record<string, unknown>;
  /** Set when the suite itself could not run (nothing loaded, mocha missing...). */
  error?: string;
}

const KEY = '__srlensIntegrationMetrics';

export function metrics(): Record<string, unknown> {
  const global = globalThis as unknown as Record<string, Record<string, unknown> | undefined>;
  return (global[KEY] ??= {});
}

export function recordMetric(name: string, value: unknown): void {
  metrics()[name] = value;
}
