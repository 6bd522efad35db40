// The language server measured as an editor sees it, over stdio: `node bench/lsp.mjs` (text) or
// `--json`. Run by `npm run bench` too (after `node esbuild.mjs`: it starts dist/cli.js).
//
// - start: process spawned to the `initialize` answer, and the server's memory when idle;
// - keystrokes: the same 200 one-character edits in the same 5,000-line template as the engine's
//   keystroke figure of bench/run.mjs, each sent as an incremental didChange, timed until the
//   diagnostics of that version arrive (debounce 0), so the figure is engine + protocol + process;
//   alternated with the same edit analysed in this process (as the in-process extension does), so
//   both see the same machine load: the difference is what a client-server extension would add;
// - hovers on resource types, and the server's memory after all that.
import * as esbuild from 'esbuild';
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cloudFormationYamlOfLines, random } from './workloads.mjs';

const require = createRequire(import.meta.url);
const lsp = require('vscode-languageserver/node');
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'dist/cli.js');
const JSON_OUTPUT = process.argv.includes('--json');
const results = [];
const log = (line) => (JSON_OUTPUT ? process.stderr : process.stdout).write(`${line}\n`);

function record(name, value, unit) {
  results.push({ group: 'Language server (srlens lsp --stdio, over stdio)', name, value, unit });
  const shown = unit === 'ms' ? `${value.toFixed(value < 10 ? 2 : 1)} ms` : `${value.toFixed(1)} ${unit}`;
  log(`  ${name.padEnd(58)} ${shown.padStart(14)}`);
}

function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  return s[lo] + (s[Math.ceil(i)] - s[lo]) * (i - lo);
}

/** CPU time (user + system) a process has used, in ms (Linux). */
function cpuOf(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks of 1/100 s
}

/** Resident and peak memory of a process, in MB (Linux). */
function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

async function startServer() {
  const started = performance.now();
  const child = spawn(process.execPath, [CLI, 'lsp', '--stdio'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = lsp.createProtocolConnection(
    new lsp.StreamMessageReader(child.stdout),
    new lsp.StreamMessageWriter(child.stdin),
  );
  const waiting = new Map();
  connection.onNotification(lsp.PublishDiagnosticsNotification.type, (params) => {
    const key = `${params.uri}@${params.version}`;
    waiting.get(key)?.(params);
    waiting.delete(key);
  });
  connection.listen();
  await connection.sendRequest(lsp.InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    capabilities: {},
    // No workspace scan: the figures are the open document's.
    initializationOptions: { srlens: { diagnostics: { debounce: 0 }, workspaceScan: { enable: false } } },
  });
  const initializeMs = performance.now() - started;
  await connection.sendNotification(lsp.InitializedNotification.type, {});
  const diagnostics = (uri, version) => new Promise((resolve) => waiting.set(`${uri}@${version}`, resolve));
  const stop = async () => {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    await connection.sendRequest(lsp.ShutdownRequest.type);
    await connection.sendNotification(lsp.ExitNotification.type);
    await exited;
    connection.dispose();
  };
  return { child, connection, initializeMs, diagnostics, stop };
}

log('Language server (srlens lsp --stdio, over stdio)');

// The engine in this process, for the alternated comparison (bench/engine.ts, as bench/run.mjs builds it).
mkdirSync(path.join(ROOT, 'out/bench'), { recursive: true });
await esbuild.build({
  entryPoints: [path.join(ROOT, 'bench/engine.ts')],
  outfile: path.join(ROOT, 'out/bench/lsp-engine.js'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  mainFields: ['module', 'main'],
  logLevel: 'warning',
});
for (const wasm of ['tree-sitter.wasm', 'tree-sitter-terraform.wasm'])
  writeFileSync(path.join(ROOT, 'out/bench', wasm), readFileSync(path.join(ROOT, 'dist', wasm)));
const engine = require(path.join(ROOT, 'out/bench/lsp-engine.js'));

// Start, five times.
const starts = [];
for (let i = 0; i < 5; i++) {
  const server = await startServer();
  starts.push(server.initializeMs);
  if (i < 4) await server.stop();
  else {
    await new Promise((resolve) => setTimeout(resolve, 200));
    record('start: process spawned to initialize answered (median of 5)', quantile(starts, 0.5), 'ms');
    record('memory of the idle server (RSS)', memoryOf(server.child.pid).rss, 'MB');
    await server.stop();
  }
}

const server = await startServer();
const base = cloudFormationYamlOfLines(5000);
const uri = pathToFileURL(path.join(ROOT, 'bench-keystrokes.yaml')).href;
let started = performance.now();
let published = server.diagnostics(uri, 1);
await server.connection.sendNotification(lsp.DidOpenTextDocumentNotification.type, {
  textDocument: { uri, languageId: 'yaml', version: 1, text: base },
});
const first = await published;
record(`open a ${base.split('\n').length - 1}-line template to its diagnostics`, performance.now() - started, 'ms');

// The engine benchmark's keystrokes (bench/run.mjs): the same anchors, seed and edits.
const anchors = [...base.matchAll(/Value: team-\d+\n/g)].map((m) => m.index + m[0].length - 1);
const rnd = random(7);
const shift = anchors.map(() => 0);
let text = base;
const samples = [];
const inProcess = [];
const analyzer = new engine.Analyzer();
const file = fileURLToPath(uri);
analyzer.analyzeCloudFormation(file, base);
let findings = first.diagnostics.length;
const cpuBefore = cpuOf(server.child.pid);
for (let i = 0; i < 200; i++) {
  const k = Math.floor(rnd() * anchors.length);
  const at = anchors[k] + shift[k];
  const before = text.slice(0, at);
  const line = before.split('\n').length - 1;
  const character = at - (before.lastIndexOf('\n') + 1);
  const char = String.fromCharCode(97 + (i % 26));
  text = `${before}${char}${text.slice(at)}`;
  for (let j = 0; j < anchors.length; j++) if (anchors[j] >= anchors[k]) shift[j]++;
  started = performance.now();
  analyzer.analyzeCloudFormation(file, text);
  inProcess.push(performance.now() - started);
  const version = i + 2;
  published = server.diagnostics(uri, version);
  started = performance.now();
  await server.connection.sendNotification(lsp.DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version },
    contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: char }],
  });
  findings = (await published).diagnostics.length;
  samples.push(performance.now() - started);
}
const cpuPerKeystroke = (cpuOf(server.child.pid) - cpuBefore) / 200;
record('keystroke to findings in this process, alternated (median)', quantile(inProcess, 0.5), 'ms');
record('keystroke to findings in this process, alternated (p95)', quantile(inProcess, 0.95), 'ms');
record('keystroke to diagnostics through the server (median)', quantile(samples, 0.5), 'ms');
record('keystroke to diagnostics through the server (p95)', quantile(samples, 0.95), 'ms');
record('server CPU time per keystroke (user + system)', cpuPerKeystroke, 'ms');

const resourcesAt = text.indexOf('\nResources:');
const types = [...text.matchAll(/^ {4}Type: AWS::/gm)]
  .filter((m) => m.index > resourcesAt)
  .map((m) => {
    const before = text.slice(0, m.index);
    return { line: before.split('\n').length - 1, character: 12 };
  });
const hovers = [];
for (let i = 0; i < 100; i++) {
  const position = types[Math.floor((i * types.length) / 100)];
  started = performance.now();
  const hover = await server.connection.sendRequest(lsp.HoverRequest.type, { textDocument: { uri }, position });
  hovers.push(performance.now() - started);
  if (!hover) throw new Error(`no hover at ${JSON.stringify(position)}: ${text.split('\n')[position.line]}`);
}
record('hover on a resource type, round trip (median)', quantile(hovers, 0.5), 'ms');
record('hover on a resource type, round trip (p95)', quantile(hovers, 0.95), 'ms');
const memory = memoryOf(server.child.pid);
record('memory of the server with that template open (RSS)', memory.rss, 'MB');
record('peak memory of the server (VmHWM)', memory.peak, 'MB');
log(`  (${findings} diagnostics on the template after the edits)`);
await server.stop();

if (JSON_OUTPUT) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
