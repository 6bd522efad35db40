/**
 * Every tool call is bounded in time and in output size. The analysis runs outside the server's
 * thread, where it can be stopped: the CLI's own commands in a child process (`dist/cli.js`, the
 * same JSON the CLI prints), a fix in a worker thread (`dist/mcp-fix.js`). Either is killed when
 * the time is up or when its output passes the limit, and the call fails with one sentence saying
 * which limit was hit and how to stay under it.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { Refusal } from './roots';

export interface Limits {
  /** Milliseconds a call may take. */
  timeoutMs: number;
  /** Bytes a call may return. */
  maxOutputBytes: number;
}

export const DEFAULT_LIMITS: Limits = { timeoutMs: 60_000, maxOutputBytes: 1024 * 1024 };

/**
 * What the CLI may print before the server filters it (scan's severity): the result the client
 * gets is held to `maxOutputBytes`, the CLI's raw JSON to this much more.
 */
const RAW_OUTPUT_FACTOR = 16;
const MIN_RAW_OUTPUT_BYTES = 16 * 1024 * 1024;

/** A call that went over a limit: reported to the client as a tool error. */
export class LimitExceeded extends Refusal {}

export function timeoutMessage(limits: Limits): string {
  return `the call took longer than ${limits.timeoutMs} ms and was stopped: ask about fewer paths, or start the server with a higher --timeout.`;
}

export function outputMessage(limits: Limits, what = 'the result'): string {
  return `${what} is larger than ${limits.maxOutputBytes} bytes and was cut off: ask about fewer paths (or, for scan, a higher severity), or start the server with a higher --max-output.`;
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Where the bundles are: next to this one in dist/. */
function bundle(name: string): string {
  return path.join(__dirname, name);
}

/** Runs `srlens <args>` (the CLI bundle beside this one) in `cwd`, within the limits. */
export function runCli(args: string[], cwd: string, limits: Limits): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle('cli.js'), ...args], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      // No terminal colours; git never asks for credentials.
      env: { ...process.env, NO_COLOR: '1', GIT_TERMINAL_PROMPT: '0' },
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let size = 0;
    const rawLimit = Math.max(limits.maxOutputBytes * RAW_OUTPUT_FACTOR, MIN_RAW_OUTPUT_BYTES);
    let failure: Error | undefined;
    const stop = (error: Error) => {
      if (failure) return;
      failure = error;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(() => stop(new LimitExceeded(timeoutMessage(limits))), limits.timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > rawLimit) stop(new LimitExceeded(outputMessage(limits)));
      else stdout.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      // Notes only: a few lines are plenty, the rest is dropped.
      if (stderr.reduce((n, b) => n + b.length, 0) < 16 * 1024) stderr.push(chunk);
    });
    child.on('error', (error) => stop(error));
    child.on('close', (code) => {
      clearTimeout(timer);
      if (failure) reject(failure);
      else
        resolve({
          code: code ?? 2,
          stdout: Buffer.concat(stdout).toString('utf8'),
          stderr: Buffer.concat(stderr).toString('utf8'),
        });
    });
  });
}

/** Runs the fix worker on one job, within the time limit; its answer is checked against the size limit by the caller. */
export function runFixWorker<T>(job: unknown, limits: Limits): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(bundle('mcp-fix.js'), {
      workerData: job,
      // A hostile template cannot take the server's memory with it.
      resourceLimits: { maxOldGenerationSizeMb: 1024 },
      stdout: true,
      stderr: true,
    });
    let settled = false;
    const finish = (action: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      action();
      void worker.terminate();
    };
    const timer = setTimeout(() => finish(() => reject(new LimitExceeded(timeoutMessage(limits)))), limits.timeoutMs);
    worker.on('message', (message: { ok: true; result: T } | { ok: false; error: string; refused?: boolean }) =>
      finish(() =>
        message.ok
          ? resolve(message.result)
          : reject(message.refused ? new Refusal(message.error) : new Error(message.error)),
      ),
    );
    worker.on('error', (error) => finish(() => reject(error)));
    worker.on('exit', (code) => finish(() => reject(new Error(`the fix stopped unexpectedly (exit code ${code}).`))));
  });
}
