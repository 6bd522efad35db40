/**
 * `srlens mcp` driven by the MCP SDK's own client over stdio, spawning the built CLI
 * (dist/cli.js mcp): the tools and their schemas, each tool against the CLI's own JSON, bad
 * arguments, paths outside the roots and links leading out of them, the write switch, the time
 * and output bounds, the rule pages as resources, and the CLI's scan path without the MCP bundle.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ListRootsRequestSchema, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { allRules, rulePageMarkdown } from '../../../src/engine/rule-page';
import { commit, git, srlens, write } from '../../git-repositories';

const CLI = path.join(process.cwd(), 'dist', 'cli.js');

const BUCKET = `Resources:
  Logs:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: logs
`;
const VERSIONED_BUCKET = `Resources:
  Logs:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: logs
      VersioningConfiguration:
        Status: Enabled
`;
const TERRAFORM = `resource "aws_s3_bucket" "data" {
  bucket = "data"
}
`;

interface Session {
  client: Client;
  /** Replaces the roots the client gives, and tells the server they changed. */
  setRoots(roots: string[]): Promise<void>;
  close(): Promise<void>;
}

/** A client over stdio on `srlens mcp <args>` in `cwd`; with `roots`, it declares and answers roots/list. */
async function connect(cwd: string, options: { roots?: string[]; args?: string[] } = {}): Promise<Session> {
  let roots = options.roots;
  const client = new Client(
    { name: 'srlens-test', version: '1.0.0' },
    roots ? { capabilities: { roots: { listChanged: true } } } : {},
  );
  if (roots)
    client.setRequestHandler(ListRootsRequestSchema, () => ({
      roots: (roots ?? []).map((r) => ({ uri: pathToFileURL(r).href, name: path.basename(r) })),
    }));
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [CLI, 'mcp', ...(options.args ?? [])],
    cwd,
    stderr: 'pipe',
  });
  await client.connect(transport);
  return {
    client,
    setRoots: async (next) => {
      roots = next;
      await client.sendRootsListChanged();
    },
    close: () => client.close(),
  };
}

async function call(session: Session, name: string, args: Record<string, unknown>): Promise<CallToolResult> {
  return (await session.client.callTool({ name, arguments: args })) as CallToolResult;
}

function texts(result: CallToolResult): string[] {
  return result.content.map((c) => (c.type === 'text' ? c.text : `<${c.type}>`));
}

/** The tool's error text; fails when the call did not fail. */
function errorOf(result: CallToolResult): string {
  assert.equal(result.isError, true, `expected an error, got: ${texts(result).join('\n')}`);
  return texts(result).join('\n');
}

function cliJson(cwd: string, args: string[]): unknown {
  const out = srlens(cwd, args);
  assert.ok(out.code === 0 || out.code === 1, out.stderr);
  return JSON.parse(out.stdout);
}

describe('srlens mcp (SDK client over stdio)', function () {
  this.timeout(60000);
  let tmp: string;
  let ws: string;
  let outside: string;
  let session: Session;

  before(async () => {
    tmp = realpathSync(mkdtempSync(path.join(tmpdir(), 'srlens-mcp-')));
    ws = path.join(tmp, 'ws');
    outside = path.join(tmp, 'outside');
    write(ws, { 'clean/bucket.yaml': BUCKET, 'clean/tf/main.tf': TERRAFORM });
    write(outside, { 'secret.yaml': BUCKET });
    mkdirSync(path.join(ws, 'linked'));
    symlinkSync(path.join(outside, 'secret.yaml'), path.join(ws, 'linked', 'escape.yaml'));
    symlinkSync(outside, path.join(ws, 'outdir'));
    // The server runs in the parent of both: only the roots keep 'outside' out.
    session = await connect(tmp, { roots: [ws] });
  });

  after(async () => {
    await session.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('lists its five tools, each with an input schema', async () => {
    const { tools } = await session.client.listTools();
    assert.deepEqual(tools.map((t) => t.name).sort(), ['diff', 'explain', 'fix', 'inventory', 'scan']);
    const properties = Object.fromEntries(
      tools.map((t) => [t.name, Object.keys(t.inputSchema.properties ?? {}).sort()]),
    );
    assert.deepEqual(properties, {
      scan: ['paths', 'severity'],
      inventory: ['paths'],
      explain: ['type'],
      diff: ['base', 'head', 'paths'],
      fix: ['apply', 'path'],
    });
    assert.deepEqual(tools.find((t) => t.name === 'explain')?.inputSchema.required, ['type']);
  });

  it('scan: the JSON of `srlens scan --format json`, and a summary', async () => {
    const result = await call(session, 'scan', { paths: ['clean/bucket.yaml'] });
    assert.equal(result.isError, undefined);
    const expected = cliJson(ws, ['scan', '--format', 'json', '--fail-on', 'none', 'clean/bucket.yaml']);
    assert.deepEqual(result.structuredContent, expected);
    assert.deepEqual(JSON.parse(texts(result)[1]), expected);
    assert.equal(texts(result)[0], '4 findings in 1 file (0 error, 1 warning, 3 info).');
  });

  it('scan: severity keeps the findings at or above it', async () => {
    const result = await call(session, 'scan', { paths: ['clean'], severity: 'warning' });
    const report = result.structuredContent as { files: number; findings: { ruleId: string; file: string }[] };
    assert.deepEqual(
      report.findings.map((f) => [f.file, f.ruleId]),
      [
        ['clean/bucket.yaml', 's3-bucket-policy-tls-only'],
        ['clean/tf/main.tf', 's3-bucket-policy-tls-only'],
      ],
    );
    assert.equal(report.files, 2);
    assert.equal(texts(result)[0], '2 findings at or above warning in 2 files (0 error, 2 warning, 0 info).');
  });

  it('inventory: the JSON of `srlens inventory --format json`', async () => {
    const result = await call(session, 'inventory', { paths: ['clean'] });
    assert.deepEqual(result.structuredContent, cliJson(ws, ['inventory', '--format', 'json', 'clean']));
    assert.equal(texts(result)[0], '2 resources in 2 files (2 abstracted).');
  });

  it('explain: the JSON of `srlens explain --format json`; an unknown type is an error', async () => {
    const result = await call(session, 'explain', { type: 'aws_s3_bucket' });
    assert.deepEqual(result.structuredContent, cliJson(ws, ['explain', '--format', 'json', 'aws_s3_bucket']));
    assert.match(texts(result)[0], /^aws_s3_bucket: abstracted tier; concerns owned by /);
    assert.match(
      errorOf(await call(session, 'explain', { type: 'aws_nope' })),
      /^Refused: 'aws_nope' is not a known CloudFormation or Terraform AWS resource type\./,
    );
  });

  it('refuses bad arguments through the schemas', async () => {
    const cases: [string, Record<string, unknown>, RegExp][] = [
      ['scan', { paths: 3 }, /Input validation error.*expected array/],
      ['scan', { paths: [] }, /Input validation error/],
      ['scan', { severity: 'critical' }, /Input validation error/],
      ['explain', {}, /Input validation error/],
      ['explain', { type: '--help' }, /Input validation error.*a resource type/],
      ['diff', { base: '--output=/tmp/x' }, /Input validation error.*not an option/],
      ['fix', {}, /Input validation error/],
      ['fix', { path: 'clean/bucket.yaml', apply: 'yes' }, /Input validation error/],
    ];
    for (const [tool, args, expected] of cases)
      assert.match(errorOf(await call(session, tool, args)), expected, `${tool} ${JSON.stringify(args)}`);
  });

  it('refuses a path outside the roots, relative or absolute', async () => {
    for (const tool of ['scan', 'inventory', 'diff'])
      assert.match(
        errorOf(await call(session, tool, { paths: ['../outside'] })),
        /^Refused: '\.\.\/outside' is outside the roots \(/,
        tool,
      );
    assert.match(
      errorOf(await call(session, 'scan', { paths: [path.join(outside, 'secret.yaml')] })),
      /is outside the roots/,
    );
    assert.match(errorOf(await call(session, 'fix', { path: '../outside/secret.yaml' })), /is outside the roots/);
  });

  it('refuses a link that leads out of the roots: a file, a folder, and a folder holding one', async () => {
    assert.match(
      errorOf(await call(session, 'scan', { paths: ['linked/escape.yaml'] })),
      /^Refused: 'linked\/escape\.yaml' is outside the roots .*it leads to '.*outside\/secret\.yaml'/,
    );
    assert.match(errorOf(await call(session, 'inventory', { paths: ['outdir'] })), /'outdir' is outside the roots/);
    assert.match(
      errorOf(await call(session, 'scan', { paths: ['linked'] })),
      /^Refused: 'linked\/escape\.yaml' is a link to outside the roots/,
    );
    // The default path is the root, which holds that link.
    assert.match(errorOf(await call(session, 'scan', {})), /'linked\/escape\.yaml' is a link to outside the roots/);
    assert.match(errorOf(await call(session, 'fix', { path: 'linked/escape.yaml' })), /is outside the roots/);
  });

  it('follows the roots the client gives when they change', async () => {
    await session.setRoots([outside]);
    try {
      // The server asks again after the notification; give it a moment to arrive.
      let result: CallToolResult | undefined;
      for (let i = 0; i < 20 && (!result || result.isError); i++) {
        result = await call(session, 'inventory', { paths: ['secret.yaml'] });
        if (result.isError) await new Promise((r) => setTimeout(r, 50));
      }
      assert.equal(texts(result!)[0], '1 resource in 1 file (1 abstracted).');
      assert.match(errorOf(await call(session, 'scan', { paths: [path.join(ws, 'clean')] })), /outside the roots/);
    } finally {
      await session.setRoots([ws]);
    }
  });

  it('without roots from the client, reads only inside its working directory', async () => {
    const plain = await connect(ws);
    try {
      const result = await call(plain, 'inventory', { paths: ['clean/bucket.yaml'] });
      assert.equal(texts(result)[0], '1 resource in 1 file (1 abstracted).');
      assert.match(errorOf(await call(plain, 'scan', { paths: ['../outside'] })), /is outside the roots/);
    } finally {
      await plain.close();
    }
  });

  it('bounds every call in output size and in time', async () => {
    const small = await connect(ws, { args: ['--max-output', '2000'] });
    const quick = await connect(ws, { args: ['--timeout', '1'] });
    try {
      assert.equal(
        errorOf(await call(small, 'scan', { paths: ['clean'] })),
        'Stopped: the result is larger than 2000 bytes and was cut off: ask about fewer paths (or, for scan, a higher severity), or start the server with a higher --max-output.',
      );
      assert.match(
        errorOf(await call(small, 'explain', { type: 'AWS::EC2::Instance' })),
        /^Stopped: the result is larger/,
      );
      // What the severity leaves is small enough: the same server answers.
      assert.equal(
        texts(await call(small, 'scan', { paths: ['clean/tf'], severity: 'error' }))[0],
        '0 findings at or above error in 1 file (0 error, 0 warning, 0 info).',
      );
      for (const [tool, args] of [
        ['scan', { paths: ['clean'] }],
        ['fix', { path: 'clean/bucket.yaml' }],
      ] as const)
        assert.equal(
          errorOf(await call(quick, tool, args)),
          'Stopped: the call took longer than 1 ms and was stopped: ask about fewer paths, or start the server with a higher --timeout.',
          tool,
        );
    } finally {
      await small.close();
      await quick.close();
    }
  });

  it('serves every rule page as a resource', async () => {
    const { resources } = await session.client.listResources();
    assert.deepEqual(
      resources.map((r) => r.uri),
      allRules().map((r) => `srlens://rules/${r.id}`),
    );
    const page = await session.client.readResource({ uri: 'srlens://rules/s3-bucket-versioning' });
    assert.deepEqual(page.contents, [
      {
        uri: 'srlens://rules/s3-bucket-versioning',
        mimeType: 'text/markdown',
        text: rulePageMarkdown('s3-bucket-versioning'),
      },
    ]);
    await assert.rejects(session.client.readResource({ uri: 'srlens://rules/no-such-rule' }), /no rule 'no-such-rule'/);
  });

  describe('fix and diff in a repository', () => {
    let repo: string;

    beforeEach(() => {
      repo = path.join(tmp, `repo-${Math.random().toString(36).slice(2)}`);
      mkdirSync(repo);
      git(repo, 'init', '-q', '-b', 'main');
      git(repo, 'config', 'user.name', 'Test');
      git(repo, 'config', 'user.email', 'test@example.com');
      commit(repo, { 'bucket.yaml': BUCKET, 'tf/main.tf': TERRAFORM }, 'base');
    });

    it('fix returns a unified diff that git applies, and writes nothing without --allow-write', async () => {
      const server = await connect(repo);
      try {
        const result = await call(server, 'fix', { path: 'bucket.yaml' });
        const report = result.structuredContent as { file: string; applied: string[]; written: boolean; diff: string };
        assert.equal(report.file, 'bucket.yaml');
        assert.equal(report.written, false);
        assert.equal(report.applied.length, 2, report.applied.join('; '));
        assert.equal(texts(result)[1], report.diff);
        assert.match(
          report.diff,
          /^--- a\/bucket\.yaml\n\+\+\+ b\/bucket\.yaml\n@@ -3,3 \+3,22 @@\n {5}Type: AWS::S3::Bucket\n/,
        );
        assert.equal(readFileSync(path.join(repo, 'bucket.yaml'), 'utf8'), BUCKET);
        assert.match(
          errorOf(await call(server, 'fix', { path: 'bucket.yaml', apply: true })),
          /^Refused: this server was started without --allow-write/,
        );
        assert.equal(readFileSync(path.join(repo, 'bucket.yaml'), 'utf8'), BUCKET);

        // The diff applies cleanly, and the result has no fixable finding left.
        writeFileSync(path.join(tmp, 'fix.patch'), report.diff);
        execFileSync('git', ['apply', path.join(tmp, 'fix.patch')], { cwd: repo });
        const after = cliJson(repo, ['scan', '--format', 'json', 'bucket.yaml']) as {
          findings: { fixable: boolean }[];
        };
        assert.equal(after.findings.filter((f) => f.fixable).length, 0);
        const again = await call(server, 'fix', { path: 'bucket.yaml' });
        assert.equal(texts(again)[0], 'No auto-fix applies to bucket.yaml.');
        assert.equal((again.structuredContent as { diff: string }).diff, '');
      } finally {
        await server.close();
      }
    });

    it('fix with --allow-write and apply writes what the diff says', async () => {
      const server = await connect(repo, { args: ['--allow-write'] });
      try {
        const preview = (await call(server, 'fix', { path: 'bucket.yaml' })).structuredContent as { diff: string };
        const result = await call(server, 'fix', { path: 'bucket.yaml', apply: true });
        const report = result.structuredContent as { written: boolean; diff: string; applied: string[] };
        assert.equal(report.written, true);
        assert.equal(report.diff, preview.diff);
        assert.match(texts(result)[0], /^2 fixes for bucket\.yaml, written to disk: /);
        assert.equal(
          git(repo, 'diff', '--no-color', '--no-prefix', '-U3').includes('+      VersioningConfiguration'),
          true,
        );
        const written = readFileSync(path.join(repo, 'bucket.yaml'), 'utf8');
        git(repo, 'checkout', '--', 'bucket.yaml');
        writeFileSync(path.join(tmp, 'fix.patch'), report.diff);
        execFileSync('git', ['apply', path.join(tmp, 'fix.patch')], { cwd: repo });
        assert.equal(readFileSync(path.join(repo, 'bucket.yaml'), 'utf8'), written);
      } finally {
        await server.close();
      }
    });

    it('diff: the JSON of `srlens diff --format json` between two refs and against the working tree', async () => {
      commit(repo, { 'bucket.yaml': VERSIONED_BUCKET }, 'versioning');
      const server = await connect(repo);
      try {
        const result = await call(server, 'diff', { base: 'HEAD~1', head: 'HEAD' });
        assert.deepEqual(
          result.structuredContent,
          cliJson(repo, ['diff', '--format', 'json', '--base', 'HEAD~1', '--head', 'HEAD']),
        );
        const report = result.structuredContent as { findings: { resolved: { ruleId: string }[] } };
        assert.deepEqual(
          report.findings.resolved.map((f) => f.ruleId),
          ['s3-bucket-versioning'],
        );
        assert.equal(
          texts(result)[0].split('\n')[0],
          'Resources: 0 added, 0 removed, 1 changed, 0 renamed; 0 concerns to you, 0 to AWS; findings: 0 introduced, 1 resolved.',
        );
        write(repo, { 'bucket.yaml': BUCKET });
        const working = await call(server, 'diff', { base: 'HEAD' });
        assert.deepEqual(
          (working.structuredContent as { findings: { introduced: { ruleId: string }[] } }).findings.introduced.map(
            (f) => f.ruleId,
          ),
          ['s3-bucket-versioning'],
        );
        assert.match(
          errorOf(await call(server, 'diff', { base: 'no-such-branch' })),
          /^Refused: unknown ref 'no-such-branch' for --base/,
        );
      } finally {
        await server.close();
      }
    });
  });
});

describe('srlens scan without the MCP bundle', function () {
  this.timeout(30000);

  it('the CLI bundle holds none of the MCP server, and scans with dist/mcp.js absent', () => {
    const cli = readFileSync(path.join(path.dirname(CLI), 'cli-main.js'), 'utf8');
    assert.equal(cli.includes('@modelcontextprotocol'), false);
    assert.equal(cli.includes('McpServer'), false);
    assert.equal(cli.includes('"./mcp.js"'), true);
    const tmp = mkdtempSync(path.join(tmpdir(), 'srlens-nomcp-'));
    try {
      for (const file of readdirSync('dist').filter(
        (f) => f === 'cli.js' || f === 'cli-main.js' || f.endsWith('.wasm'),
      ))
        copyFileSync(path.join('dist', file), path.join(tmp, file));
      writeFileSync(path.join(tmp, 'bucket.yaml'), BUCKET);
      const out = execFileSync(
        process.execPath,
        [path.join(tmp, 'cli.js'), 'scan', 'bucket.yaml', '--fail-on', 'none'],
        {
          cwd: tmp,
          encoding: 'utf8',
          env: { ...process.env, NO_COLOR: '1' },
        },
      );
      assert.match(out, /4 findings in 1 file \(0 errors, 1 warning, 3 info\)/);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
