/**
 * Security. Guarantees: analysing, reporting and exporting open no socket, send no request and
 * start no process (checked at run time over the whole corpus and every rule fixture, and in the
 * sources); nothing evaluates strings as code; the webview loads only its own script under a
 * strict CSP and builds its DOM without HTML parsing; template text such as a resource named
 * `<img src=x onerror=alert(1)>` or `[x](command:workbench.action.terminal.new)` stays inert in
 * hovers, the ISMS report, SARIF and the terminal; secrets written in templates never appear in
 * full in any output; `.srlens.yaml` can change rules and paths but never run anything; and the
 * manifest's Restricted Mode (untrusted workspace) declaration says and does what docs/reliability.md says.
 */
import { strict as assert } from 'node:assert';
import childProcess from 'node:child_process';
import dgram from 'node:dgram';
import dns from 'node:dns';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import http from 'node:http';
import http2 from 'node:http2';
import https from 'node:https';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { Analyzer } from '../../../src/engine/analyzer';
import { ruleMetadata } from '../../../src/engine/catalog';
import { parseConfig } from '../../../src/engine/config';
import type { Finding } from '../../../src/engine/finding';
import { fixAllInFile } from '../../../src/engine/fix-all';
import { buildMatrix } from '../../../src/engine/matrix';
import { matrixHtml } from '../../../src/engine/matrix-html';
import type { MapValue, Property, Resource } from '../../../src/iac/model';
import { loadTerraformLanguage } from '../../../src/iac/terraform';
import { resourceResponsibility } from '../../../src/engine/responsibility';
import { propertyHover, resourceHoverMarkdown } from '../../../src/features/responsibility';
import { CORPUS, fixtureSources, hasShared, runCliInProcess } from '../../hardening/support';
import { QUICK } from '../../corpus';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

const cli = (args: string[], cwd: string) => runCliInProcess(args, cwd, true);

function sources(dir: string, suffix: RegExp, found: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) sources(full, suffix, found);
    else if (suffix.test(full)) found.push(full);
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// No network, no processes

/**
 * Replaces every way Node opens a connection, sends a datagram, resolves a name or starts a
 * process with a function that records the call and throws; `work` runs with those in place.
 */
async function withoutNetworkOrProcesses(work: () => Promise<void>): Promise<string[]> {
  const calls: string[] = [];
  const restore: (() => void)[] = [];
  const trap = (owner: object, name: string, label: string) => {
    const target = owner as Record<string, unknown>;
    const original = target[name];
    target[name] = function trapped() {
      calls.push(label);
      throw new Error(`${label} called during analysis`);
    };
    restore.push(() => (target[name] = original));
  };
  trap(net.Socket.prototype, 'connect', 'net.Socket#connect');
  for (const name of ['connect', 'createConnection']) trap(net, name, `net.${name}`);
  trap(tls, 'connect', 'tls.connect');
  for (const name of ['request', 'get']) {
    trap(http, name, `http.${name}`);
    trap(https, name, `https.${name}`);
  }
  trap(http2, 'connect', 'http2.connect');
  trap(dgram, 'createSocket', 'dgram.createSocket');
  for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6']) trap(dns, name, `dns.${name}`);
  trap(globalThis, 'fetch', 'fetch');
  for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'])
    trap(childProcess, name, `child_process.${name}`);
  try {
    await work();
  } finally {
    for (const undo of restore.reverse()) undo();
  }
  return calls;
}

describe('security: no network and no processes during analysis', function () {
  this.timeout(180_000);
  let work: string;
  before(async () => {
    await loadTerraformLanguage();
    work = mkdtempSync(path.join(tmpdir(), 'srlens-security-'));
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it('the traps catch what they stand for (the test can fail)', async () => {
    const calls = await withoutNetworkOrProcesses(async () => {
      assert.throws(() => net.connect(9, '127.0.0.1'));
      await assert.rejects(async () => fetch('http://127.0.0.1:9/'));
      assert.throws(() => childProcess.spawnSync('true'));
      assert.throws(() => new net.Socket().connect(9, '127.0.0.1'));
    });
    assert.deepEqual(calls, ['net.connect', 'fetch', 'child_process.spawnSync', 'net.Socket#connect']);
  });

  it('scans, exports and fixes the whole corpus and every rule fixture without one call', async function () {
    // The quick run (SRLENS_QUICK=1) leaves the corpus half to npm test.
    const corpus = !QUICK && hasShared('corpus', 'the corpus half of this test');
    const calls = await withoutNetworkOrProcesses(async () => {
      const fixtures = fixtureSources();
      const analyzer = new Analyzer();
      let fixes = 0;
      for (const fixture of fixtures) {
        const analysis = await analyzer.analyze(fixture.files);
        for (const finding of analysis.findings) if (finding.fixable && analyzer.fixFor(finding)) fixes++;
        const first = fixture.files[0];
        await fixAllInFile(analyzer, first.path, first.path.endsWith('.tf') ? fixture.files : [first]);
      }
      assert.ok(fixes > 100, `only ${fixes} fixes built`);
      if (!corpus) return;
      for (const args of [
        ['scan', CORPUS, '--format', 'sarif', '--fail-on', 'none'],
        ['isms', 'export', CORPUS, '--format', 'csv'],
        ['inventory', CORPUS, '--format', 'json'],
        ['explain', 'AWS::S3::Bucket'],
      ]) {
        const result = await cli(args, work);
        assert.equal(result.code, 0, `${args.join(' ')}: ${result.stderr}`);
        assert.ok(result.stdout.length > 100);
      }
    });
    assert.deepEqual(calls, []);
  });

  // A worker thread (src/cli/scanWorker.ts runs the CLI's own bundle in one) is neither: it is allowed.
  it('has no network or process primitive in the sources, except the STS call in src/aws, git for srlens diff and the CLI for srlens mcp', () => {
    const primitive =
      /from ['"](node:)?(net|tls|http|https|http2|dgram|dns|child_process|cluster|vm)['"]|require\(['"](node:)?(net|tls|http|https|http2|dgram|dns|child_process|cluster|vm)['"]\)|\bXMLHttpRequest\b|\bWebSocket\b|\bEventSource\b|createTerminal|ShellExecution|ProcessExecution|executeTask|sendText\(/;
    const offenders = sources('src', /\.ts$/)
      .filter((file) => !file.startsWith(path.join('src', 'aws') + path.sep))
      .filter((file) => file !== path.join('src', 'cli', 'git.ts'))
      .filter((file) => file !== path.join('src', 'mcp', 'bounded.ts'))
      .filter((file) => file !== path.join('src', 'cli', 'launcher.ts'))
      .filter((file) => file !== path.join('src', 'cli', 'heap.ts'))
      .filter((file) => primitive.test(readFileSync(file, 'utf8')));
    assert.deepEqual(offenders, []);
    // The launcher compiles the CLI's own bundle, from beside itself, with node:vm (for V8's code
    // cache), and nothing else; the cache it reads is in a folder only this user can write.
    const launcher = readFileSync(path.join('src', 'cli', 'launcher.ts'), 'utf8');
    assert.match(launcher, /^const MAIN = path\.join\(__dirname, 'cli-main\.js'\);$/m);
    assert.deepEqual(
      [...launcher.matchAll(/new Script\(([^\n]*)/g)].map((m) => m[1]),
      ["`${WRAPPER[0]}${readFileSync(MAIN, 'utf8')}${WRAPPER[1]}`, {"],
    );
    assert.match(launcher, /stat\.uid !== uid \|\| \(stat\.mode & 0o022\) !== 0/);
    // The heap bound (src/cli/heap.ts) runs one fixed expression in a new context: V8's `gc`.
    const heap = readFileSync(path.join('src', 'cli', 'heap.ts'), 'utf8');
    assert.deepEqual(
      [...heap.matchAll(/runInNewContext\(([^)]*)\)/g)].map((m) => m[1]),
      ["'gc'"],
    );
    // `srlens diff` runs git itself, and nothing else: fixed program, argument arrays, never a shell.
    const git = readFileSync(path.join('src', 'cli', 'git.ts'), 'utf8');
    const runs = [...git.matchAll(/\b(execFile|spawn|exec|execSync|execFileSync|spawnSync|fork)\(\s*([^,\s]*)/g)];
    assert.deepEqual(
      runs.map((m) => [m[1], m[2]]),
      [
        ['execFile', "'git'"],
        ['spawn', "'git'"],
      ],
    );
    assert.equal(/\bshell\s*:/.test(git), false);
    // `srlens mcp` runs the CLI's own bundle with this Node.js, and nothing else: argument arrays, no shell.
    const mcp = readFileSync(path.join('src', 'mcp', 'bounded.ts'), 'utf8');
    assert.deepEqual(
      [...mcp.matchAll(/\b(execFile|spawn|exec|execSync|execFileSync|spawnSync|fork)\(\s*([^\n]*)/g)].map((m) => [
        m[1],
        m[2],
      ]),
      [['spawn', "process.execPath, [bundle('cli.js'), ...args], {"]],
    );
    assert.equal(/\bshell\s*:/.test(mcp), false);
    // `fetch` only in the browser build, for the extension's own wasm files.
    const fetches = sources('src', /\.ts$/).filter((file) => /\bfetch\(/.test(readFileSync(file, 'utf8')));
    assert.ok(
      fetches.every((file) => file.endsWith('.web.ts')),
      fetches.join(', '),
    );
  });

  it('never evaluates strings as code, in the sources or the webview script', () => {
    const evaluates =
      /\beval\s*\(|\bnew\s+Function\s*\(|\bFunction\s*\(\s*['"`]|set(Timeout|Interval)\s*\(\s*['"`]|\bimport\s*\(\s*[^'"`]/;
    const offenders = [...sources('src', /\.ts$/), ...sources('media', /\.js$/)].filter((file) =>
      evaluates.test(readFileSync(file, 'utf8')),
    );
    assert.deepEqual(offenders, []);
  });
});

// ---------------------------------------------------------------------------------------------
// Webview

describe('security: webviews', () => {
  it('the matrix script builds its DOM without parsing HTML and fetches nothing', () => {
    const script = readFileSync('media/matrix.js', 'utf8');
    for (const sink of [
      /\.innerHTML\b/,
      /\.outerHTML\b/,
      /insertAdjacentHTML/,
      /document\.write/,
      /createContextualFragment/,
      /DOMParser/,
      /srcdoc/,
      /\bfetch\s*\(/,
      /XMLHttpRequest/,
      /WebSocket/,
      /https?:\/\//,
      /\.setAttribute\(\s*['"]on/,
      /\bhref\s*=/,
    ]) {
      assert.doesNotMatch(script, sink);
    }
    assert.match(script, /textContent/);
  });

  it('the page is a fixed shell: strict CSP with a nonce, no remote content, no inline handlers, whatever the data', () => {
    const html = matrixHtml({
      cspSource: 'vscode-webview://x',
      nonce: 'A'.repeat(32),
      styleUri: 'vscode-webview://x/matrix.css',
      scriptUri: 'vscode-webview://x/matrix.js',
    });
    const csp = /content="([^"]+)"/.exec(html)?.[1] ?? '';
    assert.match(csp, /^default-src 'none';/);
    assert.match(csp, /script-src 'nonce-A{32}'/);
    assert.doesNotMatch(csp, /unsafe-|https?:|\*/);
    assert.doesNotMatch(html, /https?:\/\//, 'remote content');
    assert.doesNotMatch(html, /\son[a-z]+\s*=/i, 'inline handler');
    assert.doesNotMatch(html, /<script(?![^>]*\bnonce="A{32}")[^>]*>/, 'a script without the nonce');
    // The shell takes no data: template text reaches the page only as a message rendered with textContent.
    assert.equal(matrixHtml.length, 1);
  });
});

// ---------------------------------------------------------------------------------------------
// Template text stays inert

const IMG = '<img src=x onerror=alert(1)>';
const LINK = '[x](command:workbench.action.terminal.new)';

const EVIL_YAML = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  "${IMG}":
    Type: AWS::RDS::DBInstance
    Properties:
      StorageEncrypted: false
      Tags:
        - Key: "${LINK}"
          Value: "${IMG}"
  "${LINK}":
    Type: AWS::S3::Bucket
    Properties:
      BucketName: "${IMG}"
  "x\\e]8;;https://evil.example\\aclick\\e]8;;\\a\\e[2J":
    Type: AWS::SQS::Queue
    Properties:
      SqsManagedSseEnabled: false
`;
const EVIL_TF = `resource "aws_db_instance" "${IMG.replace(/"/g, '\\"')}" {
  storage_encrypted = false
  tags = { "${LINK}" = "${IMG}" }
}
`;

/** Markdown is inert when, with every backslash-escaped character removed, no tag, link or command is left. */
function assertInertMarkdown(markdown: string, label: string): void {
  const bare = markdown.replace(/\\[\s\S]/g, '');
  assert.ok(!/[<>]/.test(bare.replace(/&lt;|&gt;/g, '')), `${label}: raw < or > in ${markdown.slice(0, 300)}`);
  assert.ok(!/\]\(\s*command:(?!srlens\.)/.test(bare), `${label}: a command link in ${markdown.slice(0, 300)}`);
  assert.ok(!/\]\(\s*(?!command:srlens\.|https:\/\/)/.test(bare), `${label}: a link to somewhere else`);
}

function everyPath(map: MapValue, prefix: Property[] = []): Property[][] {
  return map.properties.flatMap((p) => [
    [...prefix, p],
    ...(p.value.kind === 'map' ? everyPath(p.value, [...prefix, p]) : []),
  ]);
}

describe('security: template text stays inert', function () {
  this.timeout(60_000);
  let work: string;
  before(async () => {
    await loadTerraformLanguage();
    work = mkdtempSync(path.join(tmpdir(), 'srlens-inert-'));
    writeFileSync(path.join(work, 'evil.yaml'), EVIL_YAML);
    mkdirSync(path.join(work, 'tf'));
    writeFileSync(path.join(work, 'tf', 'main.tf'), EVIL_TF);
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  async function analysis() {
    const analyzer = new Analyzer();
    const result = await analyzer.analyze([
      { path: path.join(work, 'evil.yaml'), text: EVIL_YAML },
      { path: path.join(work, 'tf', 'main.tf'), text: EVIL_TF },
    ]);
    const resources = result.units.flatMap((u) => u.resources);
    assert.ok(
      resources.some((r) => r.id === IMG) &&
        resources.some((r) => r.id === LINK) &&
        resources.some((r) => r.id === `aws_db_instance.${IMG}`),
      resources.map((r) => r.id).join(' | '),
    );
    assert.ok(
      result.findings.some((f) => f.resource === IMG),
      'the evil resource has findings whose messages name it',
    );
    return result;
  }

  it('in hovers: resource and property hovers escape names, keys and messages', async () => {
    const result = await analysis();
    for (const resource of result.units.flatMap((u) => u.resources) as Resource[]) {
      assertInertMarkdown(
        resourceHoverMarkdown(resourceResponsibility(resource, result.findings)),
        `hover of ${resource.id}`,
      );
      for (const p of everyPath(resource.properties)) {
        const hover = propertyHover(resource, p, result.findings);
        if (hover) assertInertMarkdown(hover.markdown, `hover of ${resource.id} ${p.map((x) => x.key).join('.')}`);
      }
    }
  });

  it('in the ISMS report (Markdown), its registers (CSV) and the inventory (Markdown)', async () => {
    const markdown = await cli(['isms', 'export', '.', '--format', 'markdown'], work);
    assert.equal(markdown.code, 0, markdown.stderr);
    assert.ok(markdown.stdout.includes('img src=x onerror=alert'), 'the resource is in the report');
    assertInertMarkdown(markdown.stdout, 'ISMS markdown');
    const inventory = await cli(['inventory', '.'], work);
    assert.ok(inventory.stdout.includes('command:workbench.action.terminal.new'), 'the resource is in the inventory');
    assertInertMarkdown(inventory.stdout, 'inventory markdown');
    const csv = await cli(['isms', 'export', '.', '--format', 'csv'], work);
    assert.equal(csv.code, 0);
    for (const line of csv.stdout.split(/\r?\n/))
      assert.doesNotMatch(line, /(^|,)[=+\-@]/, `a cell a spreadsheet would run: ${line}`);
  });

  it('in SARIF: brackets are escaped, so no message holds an embedded link', async () => {
    const sarif = await cli(['scan', '.', '--format', 'sarif', '--fail-on', 'none'], work);
    const log = JSON.parse(sarif.stdout);
    const messages: string[] = log.runs[0].results.map((r: { message: { text: string } }) => r.message.text);
    assert.ok(
      messages.some((m) => m.includes('command:workbench.action.terminal.new')),
      'the resource is named in a message',
    );
    for (const message of messages)
      assert.doesNotMatch(message, /(?<!\\)\[[^\]]*(?<!\\)\]\(/, `an embedded link in ${message}`);
    // The Markdown message (headline and detail) escapes every character Markdown reads as markup:
    // no link, no HTML tag, no emphasis from template text.
    const markdown: string[] = log.runs[0].results.map((r: { message: { markdown: string } }) => r.message.markdown);
    assert.ok(
      markdown.some((m) => m.includes('\\<img src=x onerror=alert\\(1\\)\\>')),
      'the HTML is escaped',
    );
    for (const text of markdown) {
      assert.doesNotMatch(text, /(?<!\\)\[[^\]]*(?<!\\)\]\(/, `an embedded link in ${text}`);
      assert.doesNotMatch(text, /(?<!\\)<[a-z]/i, `an HTML tag in ${text}`);
      assert.doesNotMatch(text, /(?<!\\)[*_`]/, `emphasis or code in ${text}`);
    }
  });

  it('in the terminal: control characters from templates never reach it', async () => {
    const text = await cli(['scan', '.', '--fail-on', 'none'], work);
    const withoutOurColours = text.stdout.replace(/\u001b\[[0-9;]*m/g, '');
    assert.ok(
      !/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(withoutOurColours),
      `control characters in ${JSON.stringify(withoutOurColours.slice(0, 400))}`,
    );
    assert.ok(/click/.test(withoutOurColours), 'the hostile resource is reported');
  });
});

// ---------------------------------------------------------------------------------------------
// Secrets

/** Distinct values, each written once into the templates below; none may appear in full in any output. */
const SECRETS = {
  rdsPassword: 'Vq7pZt3Lw9Nx2Rb8Kc4Md',
  lambdaToken: 'Hs5Jd8Kf2Lg7Qw3Ez9Rt',
  userDataKey: 'Tq3vX9pL2mN8bR4kW7yZ1cF6hJ0sD5gA8eU3iO2q',
  accessKeyId: 'AKIAZ7Q3K9LMN2PX4RTV',
  cacheToken: 'Wm4Nq8Zr2Tx6Vb9Kp3Ls7Hd',
  parameterDefault: 'Pd6Gh2Jk9Lm4Nb7Vc3Xz',
  tfPassword: 'Fy8Uh3Nj6Mk1Ol9Ip4Qa',
  tfSecretKey: 'Bn2Mv5Cx8Za1Sd4Fg7Hj0Kl3Qw6Er9Ty2Ui5Op8',
};

const SECRET_YAML = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  DbPassword:
    Type: String
    Default: ${SECRETS.parameterDefault}
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      MasterUsername: admin
      MasterUserPassword: ${SECRETS.rdsPassword}
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Environment:
        Variables:
          API_TOKEN: ${SECRETS.lambdaToken}
  Box:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-12345678
      UserData: !Base64 |
        #!/bin/bash
        export AWS_ACCESS_KEY_ID=${SECRETS.accessKeyId}
        export AWS_SECRET_ACCESS_KEY=${SECRETS.userDataKey}
  Cache:
    Type: AWS::ElastiCache::ReplicationGroup
    Properties:
      ReplicationGroupDescription: cache
      TransitEncryptionEnabled: true
      AuthToken: ${SECRETS.cacheToken}
      Tags:
        - Key: api_token
          Value: ${SECRETS.cacheToken}
`;
const SECRET_TF = `provider "aws" {
  region     = "eu-west-1"
  access_key = "${SECRETS.accessKeyId}"
  secret_key = "${SECRETS.tfSecretKey}"
}

resource "aws_db_instance" "db" {
  engine   = "postgres"
  username = "admin"
  password = "${SECRETS.tfPassword}"
  tags = {
    password = "${SECRETS.tfPassword}"
  }
}
`;

/** Every 8-character piece of every secret (masking may show a couple of characters, never 8). */
function assertNoSecret(output: string, label: string): void {
  for (const [name, secret] of Object.entries(SECRETS)) {
    for (let i = 0; i + 8 <= secret.length; i++) {
      const piece = secret.slice(i, i + 8);
      assert.ok(
        !output.includes(piece),
        `${label} shows ${name} (${piece}…): ${output.slice(Math.max(0, output.indexOf(piece) - 200), output.indexOf(piece) + 60)}`,
      );
    }
  }
}

describe('security: secrets in templates are never shown in full', function () {
  this.timeout(60_000);
  let work: string;
  before(async () => {
    await loadTerraformLanguage();
    work = mkdtempSync(path.join(tmpdir(), 'srlens-secrets-'));
    writeFileSync(path.join(work, 'stack.yaml'), SECRET_YAML);
    mkdirSync(path.join(work, 'tf'));
    writeFileSync(path.join(work, 'tf', 'main.tf'), SECRET_TF);
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it('finds the secrets (so the checks below can fail)', async () => {
    const { findings } = await new Analyzer().analyze([
      { path: path.join(work, 'stack.yaml'), text: SECRET_YAML },
      { path: path.join(work, 'tf', 'main.tf'), text: SECRET_TF },
    ]);
    const credentials = findings.filter((f) => f.concern === 'credentials');
    const resources = new Set(credentials.map((f) => f.resource));
    for (const id of ['Db', 'Fn', 'Box', 'Cache', 'aws_db_instance.db'])
      assert.ok(resources.has(id), `no credentials finding on ${id}: ${[...resources].join(', ')}`);
  });

  it('not in messages, hovers or the matrix', async () => {
    const analyzer = new Analyzer();
    const result = await analyzer.analyze([
      { path: path.join(work, 'stack.yaml'), text: SECRET_YAML },
      { path: path.join(work, 'tf', 'main.tf'), text: SECRET_TF },
    ]);
    for (const finding of result.findings as Finding[]) assertNoSecret(finding.message, `${finding.ruleId} message`);
    for (const resource of result.units.flatMap((u) => u.resources) as Resource[]) {
      assertNoSecret(
        resourceHoverMarkdown(resourceResponsibility(resource, result.findings)),
        `hover of ${resource.id}`,
      );
      for (const p of everyPath(resource.properties))
        assertNoSecret(
          propertyHover(resource, p, result.findings)?.markdown ?? '',
          `hover of ${resource.id} ${p.map((x) => x.key).join('.')}`,
        );
    }
    assertNoSecret(JSON.stringify(buildMatrix([result])), 'the matrix data');
  });

  it('not in any CLI output: text, JSON, SARIF, inventory, ISMS Markdown and CSV', async () => {
    for (const args of [
      ['scan', '.', '--fail-on', 'none'],
      ['scan', '.', '--format', 'json', '--fail-on', 'none'],
      ['scan', '.', '--format', 'sarif', '--fail-on', 'none'],
      ['inventory', '.', '--format', 'json'],
      ['inventory', '.'],
      ['isms', 'export', '.'],
      ['isms', 'export', '.', '--format', 'csv'],
    ]) {
      const result = await cli(args, work);
      assert.ok(result.stdout.length > 50, args.join(' '));
      assertNoSecret(result.stdout + result.stderr, `srlens ${args.join(' ')}`);
    }
    const updated = await cli(['isms', 'export', '.', '--update', '--out', 'report.md'], work);
    assert.equal(updated.code, 0, updated.stderr);
    assertNoSecret(readFileSync(path.join(work, '.srlens', 'isms.yaml'), 'utf8'), 'the ISMS state file');
    assertNoSecret(readFileSync(path.join(work, 'report.md'), 'utf8'), 'the ISMS report file');
  });
});

// ---------------------------------------------------------------------------------------------
// Configuration and Restricted Mode

const HOSTILE_CONFIG = `rules:
  s3-bucket-versioning: "$(touch /tmp/srlens-pwned)"
  __proto__: error
  constructor: off
requiredTags: ["\`touch /tmp/srlens-pwned\`", { $eval: "process.exit(1)" }]
exclude: ["../../**", "!**"]
minimumSeverity: !!js/function "function () { return 'error' }"
command: touch /tmp/srlens-pwned
plugins: [./evil.js]
extends: https://evil.example/srlens.yaml
require: ./evil.js
hooks: { onScan: "rm -rf /" }
`;

describe('security: configuration cannot run anything', function () {
  this.timeout(60_000);

  it('.srlens.yaml yields data only: four known keys, each a string or list of strings; the rest is reported', async () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const { config, findings } = parseConfig(
      '/w/.srlens.yaml',
      HOSTILE_CONFIG,
      new Set(ruleMetadata().map((r) => r.id)),
    );
    assert.deepEqual(Object.keys(config).sort(), ['exclude', 'minimumSeverity', 'requiredTags', 'rules']);
    assert.ok(['error', 'warning', 'info'].includes(config.minimumSeverity));
    for (const [id, setting] of Object.entries(config.rules)) {
      assert.equal(typeof setting, 'string', id);
      assert.ok(['off', 'error', 'warning', 'info'].includes(setting), `${id}: ${setting}`);
    }
    assert.ok(config.requiredTags.every((t) => typeof t === 'string'));
    assert.ok(config.exclude.every((t) => typeof t === 'string'));
    assert.equal(
      Object.getPrototypeOf(config.rules) === Object.prototype || Object.getPrototypeOf(config.rules) === null,
      true,
      'rules keeps a plain prototype',
    );
    assert.deepEqual(Object.getOwnPropertyNames(Object.prototype).sort(), before, 'Object.prototype polluted');
    assert.equal(({} as Record<string, unknown>).error, undefined);
    const reported = findings.map((f) => f.message).join('\n');
    for (const key of ['command', 'plugins', 'extends', 'require', 'hooks'])
      assert.match(reported, new RegExp(key), `unknown key ${key} not reported`);
  });

  it('a scan with that configuration starts no process and opens no connection', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'srlens-config-'));
    try {
      writeFileSync(path.join(work, '.srlens.yaml'), HOSTILE_CONFIG);
      writeFileSync(path.join(work, 'stack.yaml'), 'Resources:\n  B:\n    Type: AWS::S3::Bucket\n');
      const calls = await withoutNetworkOrProcesses(async () => {
        const result = await cli(['scan', '.', '--format', 'json', '--fail-on', 'none'], work);
        assert.equal(result.code, 0, result.stderr);
        assert.ok(JSON.parse(result.stdout).findings.some((f: Finding) => f.ruleId === 'config-error'));
      });
      assert.deepEqual(calls, []);
      assert.ok(!existsSync('/tmp/srlens-pwned'));
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it('the manifest declares limited support in untrusted workspaces, restricting the AWS settings a workspace could aim', () => {
    const trust = pkg.capabilities.untrustedWorkspaces;
    assert.equal(trust.supported, 'limited');
    assert.match(trust.description, /never runs anything from the workspace/);
    assert.match(trust.description, /\.srlens\.yaml can change rules, tags and exclusions, nothing else/);
    assert.deepEqual([...trust.restrictedConfigurations].sort(), ['srlens.aws.endpoint', 'srlens.aws.profile']);
    const settings = Object.assign(
      {},
      ...pkg.contributes.configuration.map((section: { properties: object }) => section.properties),
    );
    for (const key of trust.restrictedConfigurations) assert.ok(settings[key], `${key} is not a setting`);
    // Nothing in the manifest runs a program or a task.
    assert.equal(pkg.contributes.taskDefinitions, undefined);
    assert.equal(pkg.contributes.debuggers, undefined);
    assert.equal(pkg.contributes.terminal, undefined);
    const docs = readFileSync('docs/reliability.md', 'utf8');
    assert.match(docs, /## Untrusted workspaces/);
    for (const key of trust.restrictedConfigurations)
      assert.ok(docs.includes(key), `docs/reliability.md does not mention ${key}`);
  });

  it('says how to report a security problem', () => {
    assert.match(readFileSync('SECURITY.md', 'utf8'), /## Reporting a vulnerability/);
    assert.ok(readFileSync('docs/reliability.md', 'utf8').includes('](../SECURITY.md)'));
    assert.ok(readFileSync('README.md', 'utf8').includes('](SECURITY.md)'));
  });
});
