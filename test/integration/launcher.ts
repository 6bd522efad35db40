/**
 * Runs the integration suite in a real VS Code, offline: code-server (VS Code 1.100 served to a
 * browser, installed by scripts/install-code-server.sh) with headless Chromium driven by
 * playwright-core. The browser opens the workbench with this extension under development and the
 * suite as `extensionTestsPath`; the suite runs in code-server's Node extension host and writes a
 * results file, which this launcher waits for, prints, and turns into the exit code.
 *
 *   npm run test:integration
 *
 * Environment: SRLENS_CODE_SERVER (path of code-server's out/node/entry.js), SRLENS_CODE_SERVER_DIR
 * (the install folder), SRLENS_CHROMIUM (browser executable), SRLENS_IT_TIMEOUT_MS (default 5 min),
 * SRLENS_SKIP_INTEGRATION=1 (a missing prerequisite skips the run with a SKIPPED line instead of
 * failing it; not under CI=true or SRLENS_REQUIRE_INTEGRATION=1),
 * SRLENS_IT_KEEP_LOGS=1 (keep the logs of a passing run too; a failed run's always go to
 * .vscode-test/integration-logs/), SRLENS_IT_VSIX=<file.vsix> or `--vsix=<file.vsix>` (test the
 * packaged extension: install the VSIX into the run's extensions folder with
 * `code-server --install-extension` and load it from there instead of from this folder;
 * `npm run test:integration` packages one and runs the suite on it).
 *
 * `--check` checks the prerequisites and the build and exits (0 when a run could start); `--help`.
 *
 * `--ui` runs the UI smoke test (ui-smoke.ts) on examples/; `--web` runs the web extension
 * (dist/web/extension.js, the package's `browser` entry) in the browser's web worker extension host
 * on test/integration/web-workspace/ (web-smoke.ts).
 *
 * Every process started here (code-server, its extension host and helpers, Chromium) carries a
 * unique SRLENS_IT_RUN marker in its environment and is stopped on exit, whatever the outcome.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpSync, createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { runUiSmoke } from './ui-smoke';
import { makeWebExtension, runWebSmoke, WEB_FIXTURE, WEB_STEP_COUNT } from './web-smoke';
import {
  checkBuilt,
  DEFAULT_TIMEOUT_MS,
  EXTENSION_PATH,
  log,
  makeRunDirs,
  missingPrerequisite,
  printResults,
  readResults,
  removeDir,
  RESULTS_ENV,
  ROOT,
  SUITE_INDEX,
  TEST_SETTINGS,
  type RunDirs,
} from './common';

const CODE_SERVER_VERSION = '4.100.3';
const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const RUN_MARKER = 'SRLENS_IT_RUN';
const runId = randomUUID();
const startedAt = Date.now();

let codeServer: ChildProcess | undefined;
let browser: Browser | undefined;
let dirs: RunDirs | undefined;
let cleaning: Promise<void> | undefined;

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

function codeServerEntry(): string {
  if (process.env.SRLENS_CODE_SERVER) return process.env.SRLENS_CODE_SERVER;
  const base =
    process.env.SRLENS_CODE_SERVER_DIR ??
    path.join(
      process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'),
      'srlens',
      `code-server-${CODE_SERVER_VERSION}`,
    );
  return path.join(base, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

function chromiumPath(): string | undefined {
  if (process.env.SRLENS_CHROMIUM) return process.env.SRLENS_CHROMIUM;
  return CHROMIUM_CANDIDATES.find((p) => existsSync(p));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * The environment for every child: ours, without a parent VS Code's hooks, with TMPDIR and the XDG
 * folders inside the run's temporary folder (so neither code-server nor Chromium leaves sockets,
 * profiles or logs in /tmp or the home folder), plus the run marker.
 */
function childEnv(root: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    // A VSCODE_IPC_HOOK_CLI inherited from an editor's terminal would hand the folder to that editor.
    if (!name.startsWith('VSCODE_') && name !== 'ELECTRON_RUN_AS_NODE') env[name] = value;
  }
  const xdg = (kind: string) => path.join(root, 'xdg', kind);
  return {
    ...env,
    TMPDIR: path.join(root, 'tmp'),
    XDG_CONFIG_HOME: xdg('config'),
    XDG_DATA_HOME: xdg('data'),
    XDG_CACHE_HOME: xdg('cache'),
    XDG_STATE_HOME: xdg('state'),
    ...extra,
    [RUN_MARKER]: runId,
  };
}

async function waitUntil(what: string, timeoutMs: number, probe: () => Promise<boolean> | boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (codeServer && (codeServer.exitCode !== null || codeServer.signalCode !== null)) {
      throw new Error(`code-server exited (${codeServer.exitCode ?? codeServer.signalCode}) while waiting for ${what}`);
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function healthy(port: number): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2_000) });
    return response.ok;
  } catch {
    return false;
  }
}

/** Processes (other than this one) whose environment carries this run's marker. Linux only. */
function markedProcesses(): number[] {
  if (!existsSync('/proc')) return [];
  const marker = `${RUN_MARKER}=${runId}`;
  const found: number[] = [];
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      if (readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0').includes(marker)) found.push(pid);
    } catch {
      // Gone, or not ours to read.
    }
  }
  return found;
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

/** Stops the browser, code-server's whole process group and any straggler with our marker; removes the temp folder. */
function cleanup(keepLogs: boolean): Promise<void> {
  cleaning ??= (async () => {
    if (browser) {
      await Promise.race([
        browser.close().catch(() => undefined),
        new Promise((resolve) => setTimeout(resolve, 5_000)),
      ]);
    }
    if (codeServer?.pid) {
      signalGroup(codeServer.pid, 'SIGTERM');
      const deadline = Date.now() + 5_000;
      while (markedProcesses().length > 0 && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 100));
      signalGroup(codeServer.pid, 'SIGKILL');
    }
    for (const pid of markedProcesses()) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Already exited.
      }
    }
    if (dirs) {
      if (keepLogs) saveLogs(dirs.root);
      removeDir(dirs.root);
    }
  })();
  return cleaning;
}

/** Copies the run's logs (code-server, extension host, browser console) to .vscode-test/ for a failed run. */
function saveLogs(root: string): void {
  const target = path.join(
    ROOT,
    '.vscode-test',
    'integration-logs',
    new Date(startedAt).toISOString().replace(/[:.]/g, '-'),
  );
  try {
    cpSync(root, target, {
      recursive: true,
      filter: (src) =>
        statSync(src).isDirectory() || src.endsWith('.log') || src.endsWith('.json') || src.endsWith('.png'),
    });
    log(`logs kept in ${path.relative(ROOT, target)}`);
  } catch (error) {
    log(`could not keep the logs: ${(error as Error).message}`);
  }
}

/** The last lines of every log under `root`, for a failure message. */
function logTails(root: string, lines = 30): string {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.log') && statSync(full).size > 0) {
        out.push(
          `--- ${path.relative(root, full)} (last ${lines} lines)`,
          ...readFileSync(full, 'utf8').trimEnd().split('\n').slice(-lines),
        );
      }
    }
  };
  try {
    walk(root);
  } catch {
    // Best effort.
  }
  return out.join('\n');
}

const HELP = `Runs the integration suite in code-server ${CODE_SERVER_VERSION} with headless Chromium.

  node out/test/integration/launcher.js [--vsix=<file.vsix>]   the suite (test/integration/suite/)
  node out/test/integration/launcher.js --ui                    the UI smoke test on examples/
  node out/test/integration/launcher.js --web                   the web extension in a web worker
  node out/test/integration/launcher.js --check                 check the prerequisites and exit

Prerequisites: code-server and Chromium (bash scripts/install-code-server.sh), a build
(npm run build && node scripts/build-tests.mjs). \`npm run test:integration\` does all of it.
Environment: SRLENS_CODE_SERVER, SRLENS_CODE_SERVER_DIR, SRLENS_CHROMIUM, SRLENS_IT_TIMEOUT_MS,
SRLENS_IT_KEEP_LOGS=1, SRLENS_IT_VSIX, SRLENS_SKIP_INTEGRATION=1 (skip when something is missing).`;

async function main(): Promise<number> {
  if (process.argv.includes('--help')) {
    console.log(HELP);
    return 0;
  }
  const entry = codeServerEntry();
  if (!existsSync(entry)) {
    missingPrerequisite(
      `code-server ${CODE_SERVER_VERSION} is not installed (${entry})`,
      'install it with: bash scripts/install-code-server.sh',
    );
  }
  const chromium = chromiumPath();
  if (!chromium) {
    missingPrerequisite(
      `no Chromium found (${CHROMIUM_CANDIDATES.join(', ')}; or set SRLENS_CHROMIUM)`,
      'install it with: bash scripts/install-code-server.sh (as root, for its Debian packages)',
    );
  }
  let playwright: typeof import('playwright-core');
  try {
    playwright = await import('playwright-core');
  } catch {
    missingPrerequisite('playwright-core is not installed', 'run npm ci');
  }
  // The web run loads dist/web/extension.js (makeWebExtension checks it) and no suite.
  if (!process.argv.includes('--web')) checkBuilt();
  if (process.argv.includes('--check')) {
    log(`ready: code-server ${entry}, Chromium ${chromium}, playwright-core, the build`);
    return 0;
  }
  const timeoutMs = Number(process.env.SRLENS_IT_TIMEOUT_MS) || DEFAULT_TIMEOUT_MS;

  // `--ui`: the UI smoke test on a copy of examples/ (what a new user opens), driven through the workbench.
  const ui = process.argv.includes('--ui');
  // `--web`: the web extension in the browser's web worker extension host (web-smoke.ts).
  const web = process.argv.includes('--web');
  dirs = web
    ? makeRunDirs(TEST_SETTINGS, WEB_FIXTURE)
    : ui
      ? makeRunDirs(
          {
            ...TEST_SETTINGS,
            'workbench.colorTheme': 'Default Dark Modern',
            'editor.stickyScroll.enabled': false,
            'editor.minimap.enabled': false,
          },
          path.join(ROOT, 'examples'),
        )
      : makeRunDirs(TEST_SETTINGS);
  const vsixOption =
    process.argv.find((a) => a.startsWith('--vsix='))?.slice('--vsix='.length) ?? process.env.SRLENS_IT_VSIX;
  const vsix = vsixOption ? path.resolve(vsixOption) : undefined;
  const extensionPath = web
    ? makeWebExtension(dirs.root)
    : vsix
      ? await installVsix(entry, vsix, dirs)
      : EXTENSION_PATH;
  const port = await freePort();
  const codeServerLog = createWriteStream(path.join(dirs.root, 'code-server.log'));
  log(`code-server ${CODE_SERVER_VERSION} on 127.0.0.1:${port}, workspace ${dirs.workspace}`);
  const serverStarted = Date.now();
  codeServer = spawn(
    process.execPath,
    [
      entry,
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
      '--config',
      path.join(dirs.root, 'code-server.yaml'),
      '--extensions-dir',
      dirs.extensions,
      '--user-data-dir',
      dirs.userData,
      dirs.workspace,
    ],
    // Its own process group, so that cleanup stops it and everything it started in one signal.
    {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: childEnv(dirs.root, {
        [RESULTS_ENV]: dirs.results,
        // No extension gallery: the run stays on this machine (the default is open-vsx.org).
        EXTENSIONS_GALLERY: '{}',
      }),
    },
  );
  codeServer.stdout?.pipe(codeServerLog);
  codeServer.stderr?.pipe(codeServerLog);
  await waitUntil('code-server to answer /healthz', 60_000, () => healthy(port));
  log(`code-server ready in ${seconds(serverStarted)}`);

  const remote = (p: string) => `vscode-remote://127.0.0.1:${port}${p.split(path.sep).join('/')}`;
  // With a VSIX, the development path is the folder it installed to, so that the extension host runs
  // exactly the packaged files (VS Code runs extensionTestsPath only with a development path).
  const development = ['extensionDevelopmentPath', remote(extensionPath)];
  const payload = JSON.stringify(
    ui || web ? [development] : [development, ['extensionTestsPath', remote(SUITE_INDEX)]],
  );
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(dirs.workspace)}&payload=${encodeURIComponent(payload)}`;

  browser = await playwright.chromium.launch({
    executablePath: chromium,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-dev-shm-usage',
      // Only the local server resolves: nothing the workbench loads can leave the machine.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
    env: childEnv(dirs.root, {}),
    // This launcher's own handlers stop everything (Playwright's would exit before code-server is stopped).
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const browserLog = createWriteStream(path.join(dirs.root, 'browser-console.log'));
  page.on('console', (message) => browserLog.write(`[${message.type()}] ${message.text()}\n`));
  page.on('pageerror', (error) => browserLog.write(`[pageerror] ${error.stack ?? error.message}\n`));
  let crashed = false;
  page.on('crash', () => (crashed = true));
  const suiteStarted = Date.now();
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
  if (ui) return uiSmoke(page);
  if (web) return webSmoke(page);
  log('workbench loading; the suite runs in the extension host');

  const resultsFile = dirs.results;
  try {
    await waitUntil('the suite results', timeoutMs, () => {
      if (crashed) throw new Error('the browser page crashed');
      return existsSync(resultsFile);
    });
  } catch (error) {
    console.error(`[integration] FAILED: ${(error as Error).message}`);
    console.error(logTails(dirs.root));
    console.log('integration: 0 passed, 1 failed');
    return 1;
  }
  log(`suite finished ${seconds(suiteStarted)} after the page opened`);
  const { ok, summary } = printResults(readResults(resultsFile), `code-server ${CODE_SERVER_VERSION}`);
  if (!ok) console.error(logTails(dirs.root, 15));
  console.log(`  integration run: ${seconds(startedAt)} end to end`);
  console.log('');
  console.log(summary);
  return ok ? 0 : 1;
}

/** Installs a VSIX into the run's extensions folder with code-server's own CLI (offline: a file, no gallery); returns the folder it installed to. */
async function installVsix(entry: string, vsix: string, run: RunDirs): Promise<string> {
  if (!existsSync(vsix)) throw new Error(`SRLENS_IT_VSIX: no such file ${vsix}`);
  const installStarted = Date.now();
  const output = await new Promise<string>((resolve, reject) => {
    execFile(
      process.execPath,
      [entry, '--extensions-dir', run.extensions, '--user-data-dir', run.userData, '--install-extension', vsix],
      { env: childEnv(run.root, { EXTENSIONS_GALLERY: '{}' }), timeout: 120_000 },
      (error, stdout, stderr) =>
        error
          ? reject(new Error(`installing ${vsix} failed: ${error.message}\n${stdout}${stderr}`))
          : resolve(`${stdout}${stderr}`),
    );
  });
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { publisher: string; name: string };
  const installed = readdirSync(run.extensions).filter((name) =>
    name.toLowerCase().startsWith(`${pkg.publisher}.${pkg.name}-`.toLowerCase()),
  );
  if (installed.length !== 1) throw new Error(`the VSIX did not install into ${run.extensions}:\n${output}`);
  log(`installed ${path.basename(vsix)} as ${installed[0]} in ${seconds(installStarted)}`);
  return path.join(run.extensions, installed[0]);
}

/** Runs the UI smoke steps; screenshots go to media/screenshots/ with SRLENS_UPDATE_SCREENSHOTS=1. */
async function uiSmoke(page: import('playwright-core').Page): Promise<number> {
  const update = process.env.SRLENS_UPDATE_SCREENSHOTS === '1';
  const screenshotDir = update ? path.join(ROOT, 'media', 'screenshots') : path.join(dirs!.root, 'screenshots');
  mkdirSync(screenshotDir, { recursive: true });
  const { steps } = await runUiSmoke(page, screenshotDir);
  console.log('');
  console.log('  UI smoke test in code-server (examples/)');
  for (const s of steps)
    console.log(`    ${s.ok ? '✔' : '✗'} ${s.name} (${s.ms} ms)${s.error ? `\n      ${s.error}` : ''}`);
  const failed = steps.filter((s) => !s.ok).length;
  const passed = steps.length - failed;
  const complete = steps.length === 5;
  if (update && complete && failed === 0) console.log(`  screenshots written to ${path.relative(ROOT, screenshotDir)}`);
  console.log('');
  console.log(`ui smoke: ${passed} passed, ${failed + (complete ? 0 : 1)} failed`);
  return failed === 0 && complete ? 0 : 1;
}

/** Runs the web extension's steps in the browser's web worker extension host. */
async function webSmoke(page: import('playwright-core').Page): Promise<number> {
  const screenshotDir = path.join(dirs!.root, 'screenshots');
  mkdirSync(screenshotDir, { recursive: true });
  const { steps } = await runWebSmoke(page, screenshotDir);
  console.log('');
  console.log('  Web extension in the web worker extension host of code-server (test/integration/web-workspace/)');
  for (const s of steps)
    console.log(`    ${s.ok ? '✔' : '✗'} ${s.name} (${s.ms} ms)${s.error ? `\n      ${s.error}` : ''}`);
  const failed = steps.filter((s) => !s.ok).length;
  const complete = steps.length === WEB_STEP_COUNT;
  console.log(`  web run: ${seconds(startedAt)} end to end`);
  console.log('');
  console.log(`web: ${steps.length - failed} passed, ${failed + (complete ? 0 : 1)} failed`);
  return failed === 0 && complete ? 0 : 1;
}

let exitCode: number | undefined;
/** Cleans up once (a signal during a run and the run's own end may both get here) and exits with the first code. */
async function finish(code: number): Promise<never> {
  exitCode ??= code;
  await cleanup(exitCode !== 0 || process.env.SRLENS_IT_KEEP_LOGS === '1');
  const left = markedProcesses();
  if (left.length > 0) console.error(`[integration] processes still running after cleanup: ${left.join(', ')}`);
  process.exit(exitCode);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    console.error(`[integration] ${signal}: stopping`);
    void finish(1);
  });
}

main().then(
  (code) => finish(code),
  (error: unknown) => {
    console.error(`[integration] FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    if (dirs) console.error(logTails(dirs.root));
    console.log('integration: 0 passed, 1 failed');
    return finish(1);
  },
);
