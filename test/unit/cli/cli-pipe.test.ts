/**
 * `srlens … | head`: a reader that stops early closes the pipe, and the CLI's next write fails
 * with EPIPE. The CLI must stop quietly (no stack trace, nothing on stderr) with the exit code the
 * command has when its whole output is read. Each command runs as a real child process whose
 * standard output is a pipe; the reader takes the first chunk and closes its end.
 */
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const cli = path.join(process.cwd(), 'dist', 'cli.js');

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  read: number;
}

/** Runs the CLI, reads the first chunk of its output, then closes the pipe. */
function runAndCloseEarly(args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let read = 0;
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text: string) => (stderr += text));
    child.stdout.once('data', (chunk: Buffer) => {
      read = chunk.length;
      child.stdout.destroy();
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stderr, read }));
  });
}

/** The same command with its whole output read. */
function runWhole(args: string[], cwd: string): { code: number | null; bytes: number } {
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: result.status, bytes: Buffer.byteLength(result.stdout) };
}

describe('srlens piped into a reader that closes early', function () {
  this.timeout(120_000);
  let work: string;

  before(() => {
    work = mkdtempSync(path.join(tmpdir(), 'srlens-pipe-'));
    // Enough findings that the output is far larger than a pipe's buffer (64 KiB on Linux).
    const buckets = Array.from(
      { length: 400 },
      (_, i) => `  Bucket${i}:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: data-${i}\n`,
    );
    writeFileSync(path.join(work, 'template.yaml'), `Resources:\n${buckets.join('')}`);
  });

  after(() => rmSync(work, { recursive: true, force: true }));

  const commands: [string, string[]][] = [
    ['scan --format json', ['scan', '--format', 'json', '.']],
    ['scan --format sarif', ['scan', '--format', 'sarif', '.']],
    ['scan (text, --verbose)', ['scan', '--verbose', '.']],
    ['isms export', ['isms', 'export', '.']],
  ];
  for (const [name, args] of commands) {
    it(`${name} stops quietly with its usual exit code`, async () => {
      const whole = runWhole(args, work);
      assert.ok(whole.bytes > 256 * 1024, `the output (${whole.bytes} bytes) must overflow the pipe`);
      const run = await runAndCloseEarly(args, work);
      assert.ok(run.read > 0, 'the reader got the first chunk');
      assert.equal(run.signal, null, 'not killed by a signal');
      assert.equal(run.stderr, '', 'nothing on stderr: no EPIPE, no stack trace');
      assert.equal(run.code, whole.code);
    });
  }
});
