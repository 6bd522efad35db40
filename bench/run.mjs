// The benchmark: `npm run bench` (text table) or `npm run bench -- --json` (machine-readable).
// Options: --quick (fewer repetitions, no 5,000-resource inputs), --no-cfn-lint, --no-cloudformation-validate,
// --no-corpus, --activation (also runs the real-VS Code integration suite and reads its activation
// figure), --no-lsp (leaves out the language server's figures, bench/lsp.mjs), --no-browser (leaves
// out the matrix webview in Chromium), --matrix (runs only that).
// It reports; it never fails on slow absolute times. See docs/performance.md.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { measureMatrixWebview } from './matrix-webview.mjs';
import {
  cloudFormationJson,
  cloudFormationYaml,
  cloudFormationYamlOfLines,
  random,
  terraformModule,
} from './workloads.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(ROOT);
const args = new Set(process.argv.slice(2));
const JSON_OUTPUT = args.has('--json');
const QUICK = args.has('--quick');
const CORPUS = path.resolve(ROOT, '../shared/corpus');
// The CLI as users run it (the npm package and the VSIX ship the production build), built below.
const CLI = path.join(ROOT, 'out/bench/production/cli.js');
const log = (line) => (JSON_OUTPUT ? process.stderr : process.stdout).write(`${line}\n`);

// Budgets from the performance issue, shown beside each figure.
const BUDGET = {
  ratio: 1.5, // analysis ÷ bare parse of the same text, CloudFormation
  ratioTerraform: 2, // the same for Terraform, evaluation included
  keystrokeP95Ms: 50, // engine, 5,000 lines: a template (also with Fn::ForEach), a Terraform module with for_each
  processYaml: 1.6, // srlens scan ÷ a process that only parses, 5,000-resource YAML template
  processTerraform: 2, // the same, 5,000-resource Terraform module
  cfnLintSingle: 25, // × faster, whole process, one 500-resource template
  cfnLintCorpus: 25, // × faster, whole process, the corpus's CloudFormation files
  cfnValidateCel: 5, // × faster than @aws/cloudformation-validate's CEL engine, whole process, one 500-resource template
  activationMs: 50,
  corpusRssMb: 160,
  bundleBytes: 1_000_000,
};

const results = [];
function record(group, name, value, unit, budget) {
  const entry = { group, name, value, unit };
  if (budget) Object.assign(entry, { budget: budget.text, met: budget.met });
  results.push(entry);
  const shown = typeof value === 'number' ? formatNumber(value, unit) : String(value);
  log(
    `  ${name.padEnd(58)} ${shown.padStart(14)}${budget ? `   budget ${budget.text} ${budget.met ? 'met' : 'MISSED'}` : ''}`,
  );
}
const atMost = (value, limit, unit = '') => ({ text: `≤ ${limit}${unit}`, met: value <= limit });
const atLeast = (value, limit, unit = '') => ({ text: `≥ ${limit}${unit}`, met: value >= limit });

function formatNumber(value, unit) {
  if (unit === 'ms') return `${value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0)} ms`;
  if (unit === '×') return `${value.toFixed(2)}×`;
  if (unit === 'bytes') return `${(value / 1024).toFixed(0)} KiB`;
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${unit}`.trim();
}

const median = (xs) => quantile(xs, 0.5);
function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  return s[lo] + (s[Math.ceil(i)] - s[lo]) * (i - lo);
}

/**
 * Medians of `parse` and `analysis`, run alternately (parse, analysis, parse, …) after `warmup`
 * pairs, so that both see the same JIT state, heap and machine load.
 */
async function paired(parse, analysis, runs, warmup = 2) {
  for (let i = 0; i < warmup; i++) {
    await parse();
    await analysis();
  }
  const parseSamples = [];
  const analysisSamples = [];
  for (let i = 0; i < runs; i++) {
    // Each sample starts on a collected heap (with --expose-gc, as `npm run bench` runs it), so
    // neither side pays for the other's garbage.
    globalThis.gc?.();
    let start = performance.now();
    await parse();
    parseSamples.push(performance.now() - start);
    globalThis.gc?.();
    start = performance.now();
    await analysis();
    analysisSamples.push(performance.now() - start);
  }
  return { parseMs: median(parseSamples), analysisMs: median(analysisSamples) };
}

// ---------------------------------------------------------------------------------------------
// Build: the engine and bare parsers for in-process timing, and the production bundles (the CLI as
// shipped, and the bundles whose size is measured).

log('Shared Responsibility Lens benchmark');
const startedAt = Date.now();
const machine = {
  date: new Date().toISOString(),
  cores: os.cpus().length,
  cpu: os.cpus()[0]?.model ?? 'unknown',
  memoryGb: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  platform: `${os.platform()} ${os.release()}`,
  loadAverageAtStart: os.loadavg()[0],
};
log(
  `  ${machine.date}, ${machine.cores} cores (${machine.cpu}), ${machine.memoryGb} GB, Node ${machine.node}, ${machine.platform}`,
);
log(
  `  load average ${machine.loadAverageAtStart.toFixed(2)} at the start${machine.loadAverageAtStart > machine.cores ? ': the machine is busy, so absolute times are inflated (ratios within one run much less so)' : ''}`,
);

mkdirSync('out/bench', { recursive: true });
if (!existsSync('dist/cli.js')) throw new Error('dist/ is missing: run `node esbuild.mjs` first (npm run bench does).');
await esbuild.build({
  entryPoints: ['bench/engine.ts'],
  outfile: 'out/bench/engine.js',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  mainFields: ['module', 'main'],
  logLevel: 'warning',
});
// The production bundles, built by the same script as the shipped ones: their sizes, and the CLI
// that the whole-process measurements run.
const built = spawnSync(process.execPath, ['esbuild.mjs', '--production', '--outdir=out/bench/production'], {
  encoding: 'utf8',
});
if (built.status !== 0) throw new Error(`the production build failed:\n${built.stderr}`);
// The engine finds its wasm files next to its bundle.
for (const wasm of ['tree-sitter.wasm', 'tree-sitter-terraform.wasm'])
  writeFileSync(path.join('out/bench', wasm), readFileSync(path.join('dist', wasm)));
const engine = createRequire(import.meta.url)(path.resolve('out/bench/engine.js'));
await engine.loadBareTerraformParser();

// The matrix webview with 5,000 resources in headless Chromium (bench/matrix-webview.mjs);
// --matrix runs only this part, --no-browser leaves it out. Screenshots go to out/bench/.
if (!args.has('--no-browser') || args.has('--matrix'))
  await measureMatrixWebview(engine, { record, log, root: ROOT, screenshots: 'out/bench' });
if (args.has('--matrix')) {
  if (JSON_OUTPUT) process.stdout.write(`${JSON.stringify({ version: 1, results }, null, 2)}\n`);
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------
// In-process: analysis vs bare parse of the same text, warm, medians.

// Nine samples even at 5,000 resources: with five, the same code's JSON ratio ranged 1.2–1.75× on
// a shared machine.
const reps = (size) => (QUICK ? 3 : size >= 5000 ? 9 : size >= 1000 ? 11 : 21);

async function cloudFormationRatio(label, file, text, size) {
  const bare = file.endsWith('.json') ? engine.bareParseJson : engine.bareParseYaml;
  const runs = reps(size);
  let findings = 0;
  let resources = 0;
  const { parseMs, analysisMs } = await paired(
    () => bare(text),
    () => {
      const analysis = new engine.Analyzer().analyzeCloudFormation(file, text);
      findings = analysis.findings.length;
      resources = analysis.units.reduce((n, u) => n + u.resources.length, 0);
    },
    runs,
  );
  report(label, { bytes: text.length, lines: text.split('\n').length - 1, resources, findings, parseMs, analysisMs });
}

async function terraformRatio(label, dir, files, size) {
  const runs = reps(size);
  const texts = files.map((f) => f.text);
  const sources = files.map((f) => ({ path: `${dir}/${f.name}`, text: f.text }));
  let findings = 0;
  let resources = 0;
  const { parseMs, analysisMs } = await paired(
    () => engine.bareParseTerraform(texts),
    async () => {
      engine.clearTerraformCache(); // every run parses from scratch, as a first open or a CLI run does
      const analysis = await new engine.Analyzer().analyzeTerraformModule(dir, sources);
      findings = analysis.findings.length;
      resources = analysis.units.reduce((n, u) => n + u.resources.length, 0);
    },
    runs,
  );
  const bytes = texts.reduce((n, t) => n + t.length, 0);
  const lines = texts.reduce((n, t) => n + t.split('\n').length - 1, 0);
  report(label, { bytes, lines, resources, findings, parseMs, analysisMs, files: files.length }, BUDGET.ratioTerraform);
}

function report(label, m, limit = BUDGET.ratio) {
  const ratio = m.analysisMs / m.parseMs;
  const detail = `${m.resources} resources, ${m.findings} findings, ${m.lines} lines, ${(m.bytes / 1024).toFixed(0)} KiB${m.files ? `, ${m.files} files` : ''}`;
  log(`  ${label} (${detail})`);
  record(label, 'bare parse (median)', m.parseMs, 'ms');
  record(label, 'analysis: parse + rules + everything (median)', m.analysisMs, 'ms');
  record(label, 'analysis ÷ bare parse', ratio, '×', atMost(ratio, limit, '×'));
  Object.assign(results[results.length - 1], { detail: m });
}

log('\nGenerated workloads (in-process, warm; bare parse = `yaml` document API / jsonc-parser / tree-sitter)');
if (typeof globalThis.gc !== 'function')
  log("  (without --expose-gc, which `npm run bench` passes, each sample may pay for the previous one's garbage)");
const sizes = QUICK ? [100, 1000] : [100, 1000, 5000];
for (const size of sizes)
  await cloudFormationRatio(
    `CloudFormation YAML, ${size} resources`,
    `/bench/template-${size}.yaml`,
    cloudFormationYaml(size),
    size,
  );
for (const size of sizes)
  await cloudFormationRatio(
    `CloudFormation JSON, ${size} resources`,
    `/bench/template-${size}.json`,
    cloudFormationJson(size),
    size,
  );
for (const size of sizes)
  await terraformRatio(
    `Terraform, ${size} resources in 20 files`,
    `/bench/tf-${size}`,
    terraformModule(size, 20),
    size,
  );

// ---------------------------------------------------------------------------------------------
// Incremental: one keystroke in a 5,000-line template, then re-analysis, 200 times (as the editor
// does: the same Analyzer, the file's previous result cached by path and text).

/**
 * `edits` one-character edits typed at anchors spread over `base` (positions inside plain scalars
 * or strings, so every intermediate text is valid), each followed by `analyse` of the new text on
 * the same warm analyzer, beside a bare parse of the same text.
 */
async function keystrokes(label, base, anchorPattern, bare, analyse) {
  const anchors = [...base.matchAll(anchorPattern)].map((m) => m.index + m[0].length - 1);
  const rnd = random(7);
  await analyse(base);
  let text = base;
  const shift = anchors.map(() => 0);
  const analysis = [];
  const parse = [];
  const edits = 200;
  const texts = [];
  for (let i = 0; i < edits; i++) {
    const k = Math.floor(rnd() * anchors.length);
    const at = anchors[k] + shift[k];
    text = `${text.slice(0, at)}${String.fromCharCode(97 + (i % 26))}${text.slice(at)}`;
    for (let j = 0; j < anchors.length; j++) if (anchors[j] >= anchors[k]) shift[j]++;
    texts.push(text);
  }
  for (let i = 0; i < 5; i++) bare(texts[i]); // warm
  for (const t of texts) {
    let start = performance.now();
    bare(t);
    parse.push(performance.now() - start);
    start = performance.now();
    await analyse(t);
    analysis.push(performance.now() - start);
  }
  const full = `Keystrokes: ${edits} one-character edits in ${label} of ${base.split('\n').length - 1} lines`;
  log(`  ${full}`);
  record(full, 'bare parse of each edited text (median)', median(parse), 'ms');
  record(full, 'bare parse of each edited text (p95)', quantile(parse, 0.95), 'ms');
  record(full, 'keystroke to findings in the engine (median)', median(analysis), 'ms');
  record(
    full,
    'keystroke to findings in the engine (p95)',
    quantile(analysis, 0.95),
    'ms',
    atMost(quantile(analysis, 0.95), BUDGET.keystrokeP95Ms, ' ms'),
  );
}

{
  // A plain template, as the editor analyses it: the same Analyzer, the previous result cached by path and text.
  const analyzer = new engine.Analyzer();
  await keystrokes('a template', cloudFormationYamlOfLines(5000), /Value: team-\d+\n/g, engine.bareParseYaml, (t) =>
    analyzer.analyzeCloudFormation('/bench/keystrokes.yaml', t),
  );
}
{
  // The same with the AWS::LanguageExtensions transform and an Fn::ForEach (parsed whole at each edit).
  const analyzer = new engine.Analyzer();
  await keystrokes(
    'a template with Fn::ForEach',
    forEachTemplate(cloudFormationYamlOfLines(4980)),
    /Value: team-\d+\n/g,
    engine.bareParseYaml,
    (t) => analyzer.analyzeCloudFormation('/bench/keystrokes-foreach.yaml', t),
  );
}
{
  // A Terraform module with for_each over a local map: one file edited, the whole module analysed again.
  const files = forEachModule(terraformModule(440, 20));
  const analyzer = new engine.Analyzer();
  const edited = files[3];
  const others = files.filter((f) => f !== edited).map((f) => ({ path: `/bench/tf-keys/${f.name}`, text: f.text }));
  await keystrokes(
    'a Terraform module with for_each (one of its 20 files)',
    edited.text,
    /Name = "[a-z]+-\d+/g,
    (t) => engine.bareParseTerraform([t]),
    (t) =>
      analyzer.analyzeTerraformModule('/bench/tf-keys', [
        ...others,
        { path: `/bench/tf-keys/${edited.name}`, text: t },
      ]),
  );
}

/** A generated template with the LanguageExtensions transform and one Fn::ForEach of three buckets. */
function forEachTemplate(text) {
  const loop = [
    '  Fn::ForEach::Buckets:',
    '    - Name',
    '    - [Logs, Assets, Reports]',
    '    - ${Name}Bucket:',
    '        Type: AWS::S3::Bucket',
    '        Properties:',
    '          VersioningConfiguration:',
    '            Status: Enabled',
    '          Tags:',
    '            - Key: team',
    '              Value: team-0',
    '',
  ].join('\n');
  return text
    .replace(/^AWSTemplateFormatVersion: .*\n/, (line) => `${line}Transform: AWS::LanguageExtensions\n`)
    .replace(/^Resources:\n/m, (line) => `${line}${loop}`);
}

/** The generated module with a local map and a resource with for_each over it, in its first file. */
function forEachModule(files) {
  const services = Array.from({ length: 12 }, (_, i) => `    svc${i} = { port = ${8000 + i} }`).join('\n');
  const block = [
    'locals {',
    '  services = {',
    services,
    '  }',
    '}',
    '',
    'resource "aws_security_group" "svc_each" {',
    '  for_each    = local.services',
    '  name_prefix = "svc-${each.key}-"',
    '  vpc_id      = var.vpc_id',
    '',
    '  ingress {',
    '    from_port   = each.value.port',
    '    to_port     = each.value.port',
    '    protocol    = "tcp"',
    '    cidr_blocks = ["10.0.0.0/8"]',
    '  }',
    '}',
    '',
  ].join('\n');
  return files.map((f, i) => (i === 0 ? { ...f, text: `${f.text}\n${block}` } : f));
}

// ---------------------------------------------------------------------------------------------
// The corpus, in-process: every file, CloudFormation file by file, Terraform by module.

function walk(dir, found = []) {
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full, found);
    else found.push(full);
  }
  return found;
}

const corpusWanted = !args.has('--no-corpus');
if (corpusWanted && !existsSync(CORPUS)) {
  // As in the tests (test/corpus.ts): a fresh clone goes without, CI (SRLENS_REQUIRE_CORPUS=1) may not.
  const needs = 'needs ../shared/corpus (the public template corpus)';
  if (process.env.SRLENS_REQUIRE_CORPUS === '1')
    throw new Error(`${needs}, and SRLENS_REQUIRE_CORPUS=1 says it must be there`);
  log(`skipped the corpus figures: ${needs}`);
}
const corpusFiles = corpusWanted && existsSync(CORPUS) ? walk(CORPUS) : [];
const isCfnFile = (f) => /\.(ya?ml|json|template)$/i.test(f);
const cfnFiles = corpusFiles.filter(isCfnFile);
if (corpusFiles.length > 0) {
  log(`\nCorpus ../shared/corpus (in-process, warm, totals over the files)`);
  const texts = new Map(corpusFiles.map((f) => [f, readFileSync(f, 'utf8')]));
  /** `report` for corpus files: their size in bytes and lines comes from the texts read. */
  const reportCorpus = (label, files, measured, limit) => {
    const bytes = files.reduce((n, f) => n + texts.get(f).length, 0);
    const lines = files.reduce((n, f) => n + texts.get(f).split('\n').length - 1, 0);
    report(label, { bytes, lines, ...measured, files: files.length }, limit);
  };
  for (const [label, pick, bare] of [
    ['Corpus CloudFormation YAML', (f) => /\.(ya?ml)$/i.test(f), engine.bareParseYaml],
    ['Corpus CloudFormation JSON', (f) => /\.json$/i.test(f), engine.bareParseJson],
  ]) {
    const files = cfnFiles.filter(pick);
    const runs = QUICK ? 3 : 7;
    let findings = 0;
    let resources = 0;
    const { parseMs, analysisMs } = await paired(
      () => files.forEach((f) => bare(texts.get(f))),
      () => {
        const analyzer = new engine.Analyzer();
        findings = 0;
        resources = 0;
        for (const f of files) {
          const a = analyzer.analyzeCloudFormation(f, texts.get(f));
          findings += a.findings.length;
          resources += a.units.reduce((n, u) => n + u.resources.length, 0);
        }
      },
      runs,
      1,
    );
    reportCorpus(`${label} (${files.length} files)`, files, { resources, findings, parseMs, analysisMs });
  }
  {
    const tf = corpusFiles.filter((f) => f.endsWith('.tf'));
    const modules = new Map();
    for (const f of tf)
      modules.set(path.dirname(f), [...(modules.get(path.dirname(f)) ?? []), { path: f, text: texts.get(f) }]);
    const runs = QUICK ? 3 : 7;
    let findings = 0;
    let resources = 0;
    const { parseMs, analysisMs } = await paired(
      () => engine.bareParseTerraform(tf.map((f) => texts.get(f))),
      async () => {
        engine.clearTerraformCache();
        const analyzer = new engine.Analyzer();
        findings = 0;
        resources = 0;
        for (const [dir, files] of modules) {
          const a = await analyzer.analyzeTerraformModule(dir, files);
          findings += a.findings.length;
          resources += a.units.reduce((n, u) => n + u.resources.length, 0);
        }
      },
      runs,
      1,
    );
    reportCorpus(
      `Corpus Terraform (${tf.length} files, ${modules.size} modules)`,
      tf,
      { resources, findings, parseMs, analysisMs },
      BUDGET.ratioTerraform,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Whole processes: the CLI as shipped (the production build), and cfn-lint on the same files in the same run.

const tmp = mkdtempSync(path.join(os.tmpdir(), 'srlens-bench-'));
const rssHook = path.join(tmp, 'maxrss.cjs');
writeFileSync(
  rssHook,
  "process.on('exit', () => require('node:fs').writeFileSync(process.env.SRLENS_BENCH_RSS, String(process.resourceUsage().maxRSS)));\n",
);
const TIME_BIN = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** Runs a whole process; returns wall time (ms) and peak RSS (MB) when it can be read. */
function run(command, argv, { rss = false, env = {} } = {}) {
  const rssFile = path.join(tmp, `rss-${Math.random().toString(36).slice(2)}`);
  let cmd = command;
  let list = argv;
  if (rss && command === process.execPath) list = ['--require', rssHook, ...argv];
  else if (rss && TIME_BIN) [cmd, list] = [TIME_BIN, ['-f', '%M', '-o', rssFile, command, ...argv]];
  const start = performance.now();
  const child = spawnSync(cmd, list, {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, SRLENS_BENCH_RSS: rssFile, ...env },
    maxBuffer: 64 * 2 ** 20,
  });
  const ms = performance.now() - start;
  if (child.error) throw child.error;
  let rssMb;
  if (rss && existsSync(rssFile)) rssMb = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) / 1024;
  return { ms, rssMb, status: child.status, stderr: child.stderr?.toString() ?? '' };
}

function runs(command, argv, n, options) {
  const all = [];
  for (let i = 0; i < n; i++) all.push(run(command, argv, options));
  return {
    ms: median(all.map((r) => r.ms)),
    rssMb: Math.max(...all.map((r) => r.rssMb ?? 0)) || undefined,
    status: all[0].status,
    stderr: all[0].stderr,
  };
}

/**
 * Runs whole processes in turn, `n` rounds, reversing their order every other round: a change of
 * the machine's load (this bench runs on shared machines) then weighs on each side of a ratio
 * alike, instead of on whichever block of runs it fell into. Medians per command, as `runs`.
 */
function interleaved(commands, n, options) {
  const samples = commands.map(() => []);
  for (let round = 0; round < n; round++) {
    const order = commands.map((_, k) => (round % 2 === 0 ? k : commands.length - 1 - k));
    for (const k of order) samples[k].push(run(commands[k][0], commands[k][1], options));
  }
  return samples.map((all) => ({
    ms: median(all.map((r) => r.ms)),
    rssMb: Math.max(...all.map((r) => r.rssMb ?? 0)) || undefined,
    status: all[0].status,
    stderr: all[0].stderr,
  }));
}

const scan = (paths) => [CLI, 'scan', '--format', 'json', '--fail-on', 'none', ...paths];

log('\nWhole processes (wall time, median)');
const nodeStart = runs(process.execPath, ['-e', '0'], QUICK ? 3 : 7);
record('Processes', 'Node start-up alone (node -e 0)', nodeStart.ms, 'ms');
const version = runs(process.execPath, [CLI, '--version'], QUICK ? 3 : 7);
record('Processes', 'srlens --version (start-up + loading the bundle)', version.ms, 'ms');

const single = path.join(tmp, 'template-500.yaml');
writeFileSync(single, cloudFormationYaml(500));
const tiny = path.join(tmp, 'tiny.yaml');
writeFileSync(tiny, 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n');
const srSingle = runs(process.execPath, scan([single]), QUICK ? 3 : 7);
record('Processes', 'srlens scan: one 500-resource template', srSingle.ms, 'ms');
// The runs above start from the code cache the first one wrote (src/cli/launcher.ts); a first run,
// or one with the cache turned off, compiles everything.
const srSingleCold = runs(process.execPath, scan([single]), QUICK ? 3 : 7, { env: { SRLENS_NO_COMPILE_CACHE: '1' } });
record('Processes', 'the same without the code cache (SRLENS_NO_COMPILE_CACHE=1)', srSingleCold.ms, 'ms');
// The floor for any Node tool on this parser: start Node, load `yaml`, parse the template once, cold.
const parseOnly = path.join(tmp, 'parse-only.cjs');
writeFileSync(
  parseOnly,
  `require(${JSON.stringify(createRequire(import.meta.url).resolve('yaml'))}).parseAllDocuments(require('fs').readFileSync(process.argv[2], 'utf8'));\n`,
);
const floorSingle = runs(process.execPath, [parseOnly, single], QUICK ? 3 : 7);
record('Processes', 'floor: Node start-up + loading `yaml` + one cold parse of it', floorSingle.ms, 'ms');
const srTiny = runs(process.execPath, scan([tiny]), QUICK ? 3 : 7);
record('Processes', 'srlens scan: one 3-line template', srTiny.ms, 'ms');
// The same for Terraform: the grammar's WebAssembly stays baseline code (src/cli/wasm-tiering.ts).
const tinyModule = path.join(tmp, 'tiny-module');
mkdirSync(tinyModule);
writeFileSync(path.join(tinyModule, 'main.tf'), 'resource "aws_s3_bucket" "logs" {\n  bucket = "logs"\n}\n');
const srTinyModule = runs(process.execPath, scan([tinyModule]), QUICK ? 3 : 7);
record('Processes', 'srlens scan: one 3-line Terraform module', srTinyModule.ms, 'ms');

if (!QUICK) {
  // 5,000 resources, whole process against a process that only parses the same files (the floor).
  const big = path.join(tmp, 'template-5000.yaml');
  writeFileSync(big, cloudFormationYaml(5000));
  const [srBig, floorBig] = interleaved(
    [
      [process.execPath, scan([big])],
      [process.execPath, [parseOnly, big]],
    ],
    5,
  );
  record('Processes', 'srlens scan: one 5,000-resource template', srBig.ms, 'ms');
  record('Processes', 'floor: Node + `yaml` + one cold parse of it', floorBig.ms, 'ms');
  record(
    'Processes',
    'srlens scan ÷ the floor, 5,000-resource YAML',
    srBig.ms / floorBig.ms,
    '×',
    atMost(srBig.ms / floorBig.ms, BUDGET.processYaml, '×'),
  );
  const tfDir = path.join(tmp, 'tf-5000');
  mkdirSync(tfDir);
  for (const f of terraformModule(5000, 20)) writeFileSync(path.join(tfDir, f.name), f.text);
  const parseTf = path.join(tmp, 'parse-only-tf.cjs');
  const requireHere = createRequire(import.meta.url);
  writeFileSync(
    parseTf,
    [
      `const TS = require(${JSON.stringify(requireHere.resolve('web-tree-sitter'))});`,
      "const fs = require('fs');",
      "const path = require('path');",
      '(async () => {',
      `  await TS.Parser.init({ locateFile: () => ${JSON.stringify(path.join(ROOT, 'dist/tree-sitter.wasm'))} });`,
      `  const language = await TS.Language.load(${JSON.stringify(path.join(ROOT, 'dist/tree-sitter-terraform.wasm'))});`,
      '  const parser = new TS.Parser();',
      '  parser.setLanguage(language);',
      '  const dir = process.argv[2];',
      "  for (const name of fs.readdirSync(dir)) if (name.endsWith('.tf')) parser.parse(fs.readFileSync(path.join(dir, name), 'utf8')).delete();",
      '})();',
      '',
    ].join('\n'),
  );
  const [srTf, floorTf] = interleaved(
    [
      [process.execPath, scan([tfDir])],
      [process.execPath, [parseTf, tfDir]],
    ],
    5,
  );
  record('Processes', 'srlens scan: a 5,000-resource Terraform module (20 files)', srTf.ms, 'ms');
  record('Processes', 'floor: Node + tree-sitter + one cold parse of its files', floorTf.ms, 'ms');
  record(
    'Processes',
    'srlens scan ÷ the floor, 5,000-resource Terraform',
    srTf.ms / floorTf.ms,
    '×',
    atMost(srTf.ms / floorTf.ms, BUDGET.processTerraform, '×'),
  );
}

if (corpusFiles.length > 0) {
  const bytes = corpusFiles.reduce((n, f) => n + statSync(f).size, 0);
  const whole = runs(process.execPath, scan([CORPUS]), 3, { rss: true });
  record(
    'Processes',
    `srlens scan ../shared/corpus (${corpusFiles.length} files, ${(bytes / 2 ** 20).toFixed(1)} MB)`,
    whole.ms,
    'ms',
  );
  record('Processes', 'corpus throughput', corpusFiles.length / (whole.ms / 1000), 'files/s');
  record('Processes', 'corpus throughput ', bytes / 2 ** 20 / (whole.ms / 1000), 'MB/s');
  if (whole.rssMb)
    record('Processes', 'corpus scan peak RSS', whole.rssMb, 'MB', atMost(whole.rssMb, BUDGET.corpusRssMb, ' MB'));
}

const cfnLint = args.has('--no-cfn-lint')
  ? undefined
  : spawnSync('sh', ['-c', 'command -v cfn-lint'], { encoding: 'utf8' }).stdout.trim() || undefined;
if (cfnLint) {
  const cfnVersion = spawnSync(cfnLint, ['--version'], { encoding: 'utf8' }).stdout.trim();
  log(`\nsrlens vs ${cfnVersion} (whole process against whole process, same files, same run)`);
  const lintTiny = runs(cfnLint, [tiny], QUICK ? 1 : 3);
  record('cfn-lint', 'cfn-lint: one 3-line template', lintTiny.ms, 'ms');
  record('cfn-lint', 'srlens faster by, one 3-line template', lintTiny.ms / srTiny.ms, '×');
  // cfn-lint runs for seconds: srlens and the floor run between its runs, and those runs are compared.
  const [lintSingle, srBeside, floorBeside] = interleaved(
    [
      [cfnLint, [single]],
      [process.execPath, scan([single])],
      [process.execPath, [parseOnly, single]],
    ],
    QUICK ? 1 : 3,
  );
  record('cfn-lint', 'cfn-lint: one 500-resource template', lintSingle.ms, 'ms');
  record('cfn-lint', 'srlens scan of it, run between those', srBeside.ms, 'ms');
  record(
    'cfn-lint',
    'srlens faster by, one 500-resource template',
    lintSingle.ms / srBeside.ms,
    '×',
    atLeast(lintSingle.ms / srBeside.ms, BUDGET.cfnLintSingle, '×'),
  );
  record('cfn-lint', 'the floor (Node + a cold yaml parse) faster by', lintSingle.ms / floorBeside.ms, '×');
  if (cfnFiles.length > 0) {
    const srCfn = runs(process.execPath, scan(cfnFiles), 3, { rss: true });
    record('cfn-lint', `srlens scan: the corpus's ${cfnFiles.length} CloudFormation files`, srCfn.ms, 'ms');
    const lintCfn = run(cfnLint, cfnFiles, { rss: true });
    record('cfn-lint', `cfn-lint: the same ${cfnFiles.length} files (one run)`, lintCfn.ms, 'ms');
    if (lintCfn.rssMb) record('cfn-lint', 'cfn-lint peak RSS on those files', lintCfn.rssMb, 'MB');
    if (srCfn.rssMb) record('cfn-lint', 'srlens peak RSS on those files', srCfn.rssMb, 'MB');
    record(
      'cfn-lint',
      'srlens faster by, corpus CloudFormation files',
      lintCfn.ms / srCfn.ms,
      '×',
      atLeast(lintCfn.ms / srCfn.ms, BUDGET.cfnLintCorpus, '×'),
    );
  }
} else {
  log('\ncfn-lint is not installed (or --no-cfn-lint): comparison skipped');
}

// AWS's own validator, @aws/cloudformation-validate (a devDependency), same template, same run.
const validator = path.join(ROOT, 'bench/cloudformation-validate.cjs');
let validatorVersion;
try {
  validatorVersion = JSON.parse(
    readFileSync(createRequire(import.meta.url).resolve('@aws/cloudformation-validate/package.json'), 'utf8'),
  ).version;
} catch {
  validatorVersion = undefined;
}
if (validatorVersion && !args.has('--no-cloudformation-validate')) {
  log(`\nsrlens vs @aws/cloudformation-validate ${validatorVersion} (whole process against whole process, same run)`);
  const [cel, srBesideCel] = interleaved(
    [
      [process.execPath, [validator, single, 'cel']],
      [process.execPath, scan([single])],
    ],
    QUICK ? 1 : 3,
    { rss: true },
  );
  if (cel.status !== 0) log(`  cloudformation-validate failed: ${cel.stderr.trim().split('\n')[0]}`);
  else {
    record('cloudformation-validate', 'CEL engine: one 500-resource template', cel.ms, 'ms');
    if (cel.rssMb) record('cloudformation-validate', 'CEL engine peak RSS', cel.rssMb, 'MB');
    record('cloudformation-validate', 'srlens scan of it, run between those', srBesideCel.ms, 'ms');
    record(
      'cloudformation-validate',
      'srlens faster by, than the CEL engine',
      cel.ms / srBesideCel.ms,
      '×',
      atLeast(cel.ms / srBesideCel.ms, BUDGET.cfnValidateCel, '×'),
    );
  }
  if (!QUICK) {
    const rego = run(process.execPath, [validator, single, 'rego'], { rss: true });
    if (rego.status === 0) {
      record('cloudformation-validate', 'Rego engine: one 500-resource template (one run)', rego.ms, 'ms');
      if (rego.rssMb) record('cloudformation-validate', 'Rego engine peak RSS', rego.rssMb, 'MB');
      record('cloudformation-validate', 'srlens faster by, than the Rego engine', rego.ms / srSingle.ms, '×');
    }
  }
} else {
  log('\n@aws/cloudformation-validate is not installed (or --no-cloudformation-validate): comparison skipped');
}

// ---------------------------------------------------------------------------------------------
// Sizes, and activation from the real VS Code suite when asked.

log('\nBundles (production build, minified; wasm apart)');
const bundleBytes = (name) => statSync(path.join('out/bench/production', name)).size;
const extensionBytes = bundleBytes('extension.js');
record(
  'Bundles',
  'extension bundle (JavaScript loaded at activation)',
  extensionBytes,
  'bytes',
  atMost(extensionBytes, BUDGET.bundleBytes, ' bytes'),
);
const webBytes = bundleBytes('web/extension.js');
record(
  'Bundles',
  'web extension bundle (vscode.dev, github.dev)',
  webBytes,
  'bytes',
  atMost(webBytes, BUDGET.bundleBytes, ' bytes'),
);
record(
  'Bundles',
  'CLI bundle (JavaScript, with its launcher)',
  bundleBytes('cli-main.js') + bundleBytes('cli.js'),
  'bytes',
);
// The AWS SDK (STS and the account check's clients) loads only when an AWS command runs.
const awsBytes = bundleBytes('aws.js');
record(
  'Bundles',
  'AWS SDK bundle dist/aws.js (STS and the account check, loaded on first AWS command only)',
  awsBytes,
  'bytes',
  atMost(awsBytes, 1.5 * 1024 * 1024, ' bytes'),
);
record(
  'Bundles',
  'wasm shipped beside them (runtime + Terraform grammar)',
  ['tree-sitter.wasm', 'tree-sitter-terraform.wasm'].reduce((n, f) => n + statSync(path.join('dist', f)).size, 0),
  'bytes',
);

if (args.has('--activation')) {
  log('\nExtension activation (real VS Code: CI=true npm run test:integration)');
  const it = spawnSync('npm', ['run', 'test:integration'], { encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  const match = /VS Code measured code loading (\d+) ms \+ activate\(\) (\d+) ms = (\d+) ms/.exec(it.stdout ?? '');
  if (match)
    record(
      'Activation',
      'extension activation (code loading + activate())',
      Number(match[3]),
      'ms',
      atMost(Number(match[3]), BUDGET.activationMs, ' ms'),
    );
  else log('  the integration suite did not report an activation figure');
}

// The language server over stdio (bench/lsp.mjs prints its own lines): start, keystrokes alternated
// with the engine in this process, hovers, memory. --no-lsp skips it.
if (!args.has('--no-lsp')) {
  log('');
  const server = spawnSync(process.execPath, ['bench/lsp.mjs', '--json'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', JSON_OUTPUT ? 'inherit' : 'pipe'],
  });
  if (server.status === 0) {
    if (!JSON_OUTPUT) log(server.stderr.trimEnd());
    results.push(...JSON.parse(server.stdout));
  } else log(`  the language server benchmark failed:\n${server.stderr}`);
}

rmSync(tmp, { recursive: true, force: true });
const elapsed = (Date.now() - startedAt) / 1000;
machine.loadAverageAtEnd = os.loadavg()[0];
log(`\nLoad average ${machine.loadAverageAtEnd.toFixed(2)} at the end (${machine.cores} cores).`);
log(
  `\nDone in ${elapsed.toFixed(0)} s. Budgets are reported, never enforced: absolute times vary with the machine and its load.`,
);
if (JSON_OUTPUT)
  process.stdout.write(
    `${JSON.stringify({ version: 1, machine, budgets: BUDGET, elapsedSeconds: elapsed, results }, null, 2)}\n`,
  );
