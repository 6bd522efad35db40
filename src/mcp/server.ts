/**
 * `srlens mcp`: the engine as Model Context Protocol tools, over stdio. Tools `scan`, `inventory`,
 * `explain` and `diff` run the CLI's own commands and return the same JSON the CLI prints, `fix`
 * returns the engine's fix-all as a unified diff (written to disk only when the server was started
 * with `--allow-write` and the call asks for it); every rule's documentation is a resource,
 * `srlens://rules/<id>`. Each result also carries a one-line summary for the model.
 *
 * Safe by construction: paths are confined to the client's roots (roots.ts), every call is bounded
 * in time and output (bounded.ts), and nothing here opens a network connection. This module is its
 * own bundle (dist/mcp.js), loaded only by `srlens mcp`.
 */
import { readFileSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { RootsListChangedNotificationSchema, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { version } from '../../package.json';
import { severityAtLeast, type Finding } from '../engine/finding';
import { allRules, rulePageMarkdown } from '../engine/rule-page';
import type { Severity } from '../iac/model';
import { DEFAULT_LIMITS, LimitExceeded, outputMessage, runCli, runFixWorker, type Limits } from './bounded';
import type { FixJob, FixJobResult } from './fix-worker';
import { Refusal, checkNoLinkOut, isInside, resolveInRoots, rootsFromUris, type ResolvedPath } from './roots';
import { unifiedDiff } from './unified-diff';

export interface McpIo {
  stderr(text: string): void;
  cwd: string;
}

export interface McpOptions {
  allowWrite: boolean;
  limits: Limits;
  cwd: string;
}

const MAX_FILE_SIZE = 5 * 1024 * 1024;
const RULE_URI = 'srlens://rules/';

const pathSchema = z
  .string()
  .min(1)
  .max(4096)
  .describe('A file or folder, absolute or relative to the first root; it must lie inside the roots.');
const pathsSchema = z
  .array(pathSchema)
  .min(1)
  .max(100)
  .optional()
  .describe('Files and folders to analyse (default: the first root). A Terraform module is its folder.');
const refSchema = z
  .string()
  .min(1)
  .max(256)
  // eslint-disable-next-line no-control-regex -- refs with control characters are refused
  .regex(/^[^-\s\u0000-\u001f][^\s\u0000-\u001f]*$/, 'a git ref (branch, tag or commit), not an option')
  .optional();

/** `srlens mcp [--allow-write] [--timeout ms] [--max-output bytes]`: serves until stdin closes. */
export async function mcpCommand(args: string[], io: McpIo): Promise<number> {
  let options: McpOptions;
  try {
    options = parseOptions(args, io.cwd);
  } catch (error) {
    io.stderr(`srlens: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  const server = createServer(options);
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((resolve) => {
    server.server.onclose = () => resolve();
  });
  await server.connect(transport);
  process.stdin.on('end', () => void server.close());
  await closed;
  return 0;
}

function parseOptions(args: string[], cwd: string): McpOptions {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      'allow-write': { type: 'boolean', default: false },
      timeout: { type: 'string' },
      'max-output': { type: 'string' },
    },
  });
  if (positionals.length > 0)
    throw new Error(`mcp takes no paths (got '${positionals[0]}'): the client names its roots.`);
  const positive = (value: string | undefined, fallback: number, flag: string) => {
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n <= 0) throw new Error(`${flag} must be a positive whole number (got '${value}').`);
    return n;
  };
  return {
    allowWrite: values['allow-write'],
    limits: {
      timeoutMs: positive(values.timeout, DEFAULT_LIMITS.timeoutMs, '--timeout'),
      maxOutputBytes: positive(values['max-output'], DEFAULT_LIMITS.maxOutputBytes, '--max-output'),
    },
    cwd: realpathSync(cwd),
  };
}

export function createServer(options: McpOptions): McpServer {
  const server = new McpServer(
    { name: 'srlens', version },
    {
      instructions:
        'Shared Responsibility Lens: who secures what in AWS CloudFormation and Terraform, AWS or the customer. ' +
        'scan reports findings, inventory lists resources with their service tier, explain gives the owner of each ' +
        'security concern of a resource type, diff compares two git refs, fix returns the auto-fixes as a unified diff. ' +
        `Rule pages are resources under ${RULE_URI}.`,
    },
  );
  let cachedRoots: string[] | undefined;
  server.server.setNotificationHandler(RootsListChangedNotificationSchema, async () => {
    cachedRoots = undefined;
  });
  /** The client's roots (asked once, again after it says they changed), else the working directory. */
  const roots = async (): Promise<string[]> => {
    if (cachedRoots) return cachedRoots;
    let found: string[] = [];
    if (server.server.getClientCapabilities()?.roots) {
      const listed = await server.server.listRoots(undefined, { timeout: 10_000 });
      found = rootsFromUris(listed.roots.map((r) => r.uri));
      if (listed.roots.length > 0 && found.length === 0)
        throw new Refusal('none of the roots the client gave is a local folder that exists.');
    }
    cachedRoots = found.length > 0 ? found : [options.cwd];
    return cachedRoots;
  };

  /** Paths resolved and checked; the CLI runs in the root of the first, where its `.srlens.yaml` is read. */
  const confined = async (given: string[] | undefined) => {
    const all = await roots();
    const resolved = (given ?? ['.']).map((p) => resolveInRoots(p, all));
    const cwd = resolved[0].root;
    checkNoLinkOut(resolved, all, cwd);
    return { resolved, cwd, all };
  };

  server.registerTool(
    'scan',
    {
      title: 'Scan CloudFormation and Terraform',
      description:
        "Findings for the templates and Terraform modules under the paths: each with its rule, severity, the security concern and who owns it (AWS, you or shared), file and 0-based range. The JSON is `srlens scan --format json`'s.",
      inputSchema: {
        paths: pathsSchema,
        severity: z
          .enum(['error', 'warning', 'info'])
          .optional()
          .describe('Only findings at or above this severity (default: all).'),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    (args) =>
      guarded(async () => {
        const { resolved, cwd } = await confined(args.paths);
        const out = await cli(['scan', '--format', 'json', '--fail-on', 'none', ...realPaths(resolved)], cwd, options);
        const report = JSON.parse(out.stdout) as { version: number; files: number; findings: Finding[] };
        if (args.severity) report.findings = report.findings.filter((f) => severityAtLeast(f.severity, args.severity!));
        const counts = (['error', 'warning', 'info'] as Severity[]).map(
          (s) => `${report.findings.filter((f) => f.severity === s).length} ${s}`,
        );
        const summary = `${plural(report.findings.length, 'finding')}${args.severity ? ` at or above ${args.severity}` : ''} in ${plural(report.files, 'file')} (${counts.join(', ')}).`;
        return result(summary, report, out.stderr, options.limits);
      }),
  );

  server.registerTool(
    'inventory',
    {
      title: 'List resources',
      description:
        "Every resource under the paths with its type, AWS service and service tier (infrastructure, container, abstracted). The JSON is `srlens inventory --format json`'s.",
      inputSchema: { paths: pathsSchema },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    (args) =>
      guarded(async () => {
        const { resolved, cwd } = await confined(args.paths);
        const out = await cli(['inventory', '--format', 'json', ...realPaths(resolved)], cwd, options);
        const report = JSON.parse(out.stdout) as { resources: { tier: string; file: string }[] };
        const tiers = new Map<string, number>();
        for (const r of report.resources) tiers.set(r.tier, (tiers.get(r.tier) ?? 0) + 1);
        const files = new Set(report.resources.map((r) => r.file)).size;
        const summary = `${plural(report.resources.length, 'resource')} in ${plural(files, 'file')}${
          tiers.size > 0 ? ` (${[...tiers].map(([tier, n]) => `${n} ${tier}`).join(', ')})` : ''
        }.`;
        return result(summary, report, out.stderr, options.limits);
      }),
  );

  server.registerTool(
    'explain',
    {
      title: 'Who owns what for a resource type',
      description:
        "For a CloudFormation type (AWS::S3::Bucket) or a Terraform type (aws_s3_bucket): its service, tier, and each security concern with its owner (AWS, you or shared), why, and the source. The JSON is `srlens explain --format json`'s.",
      inputSchema: {
        type: z
          .string()
          .min(1)
          .max(200)
          .regex(/^[A-Za-z][A-Za-z0-9_:.]*$/, 'a resource type such as AWS::S3::Bucket or aws_s3_bucket')
          .describe('A CloudFormation or Terraform resource type.'),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    (args) =>
      guarded(async () => {
        const out = await cli(['explain', '--format', 'json', args.type], options.cwd, options);
        const report = JSON.parse(out.stdout) as { concerns: { owner: string; applicable: boolean }[]; tier: string };
        const owners = new Map<string, number>();
        for (const c of report.concerns.filter((c) => c.applicable))
          owners.set(c.owner, (owners.get(c.owner) ?? 0) + 1);
        const summary = `${args.type}: ${report.tier} tier; concerns owned by ${[...owners].map(([owner, n]) => `${owner === 'customer' ? 'you' : owner === 'aws' ? 'AWS' : owner} ${n}`).join(', ')}.`;
        return result(summary, report, out.stderr, options.limits);
      }),
  );

  server.registerTool(
    'diff',
    {
      title: 'What a change shifts',
      description:
        "Compares the infrastructure code at two git refs (or a ref and the working tree): resources added, removed, changed and renamed, security concerns that move to you or to AWS, findings introduced and resolved. The JSON is `srlens diff --format json`'s.",
      inputSchema: {
        base: refSchema.describe('Compare from (default: the merge base with the default branch).'),
        head: refSchema.describe('Compare to (default: the working tree, uncommitted changes included).'),
        paths: pathsSchema,
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    (args) =>
      guarded(async () => {
        const { resolved, cwd } = await confined(args.paths);
        const refs = [...(args.base ? [`--base=${args.base}`] : []), ...(args.head ? [`--head=${args.head}`] : [])];
        const out = await cli(['diff', '--format', 'json', ...refs, ...realPaths(resolved)], cwd, options);
        const report = JSON.parse(out.stdout) as {
          resources: Record<string, unknown[]>;
          ownership: { toYou: unknown[]; toAws: unknown[] };
          findings: { introduced: unknown[]; resolved: unknown[] };
        };
        const r = report.resources;
        const summary =
          `Resources: ${r.added.length} added, ${r.removed.length} removed, ${r.changed.length} changed, ${r.renamed.length} renamed; ` +
          `${plural(report.ownership.toYou.length, 'concern')} to you, ${report.ownership.toAws.length} to AWS; ` +
          `findings: ${report.findings.introduced.length} introduced, ${report.findings.resolved.length} resolved.`;
        return result(summary, report, out.stderr, options.limits);
      }),
  );

  server.registerTool(
    'fix',
    {
      title: 'Fix what is yours',
      description:
        'Applies every auto-fix of one CloudFormation template or Terraform file (for Terraform, its module may gain a companion resource) and returns the edits as a unified diff. ' +
        (options.allowWrite
          ? 'With apply: true the edits are also written to disk.'
          : 'This server was started without --allow-write: it never writes, the diff is for you to apply.'),
      inputSchema: {
        path: pathSchema,
        apply: z
          .boolean()
          .optional()
          .describe('Write the edits to disk (only when the server runs with --allow-write; default false).'),
      },
      annotations: { readOnlyHint: !options.allowWrite, destructiveHint: false, openWorldHint: false },
    },
    (args) =>
      guarded(async () => {
        if (args.apply && !options.allowWrite)
          throw new Refusal(
            'this server was started without --allow-write, so it does not write: apply the returned diff yourself, or start it with --allow-write.',
          );
        const all = await roots();
        const target = resolveInRoots(args.path, all);
        if (target.folder) throw new Refusal(`'${args.path}' is a folder: fix takes one file.`);
        const job: FixJob = { target: target.real, root: target.root, roots: all, maxFileSize: MAX_FILE_SIZE };
        const fixed = await runFixWorker<FixJobResult>(job, options.limits);
        const shown = (file: string) => path.relative(target.root, file).split(path.sep).join('/');
        const diff = fixed.files.map((f) => unifiedDiff(shown(f.file), f.before, f.after)).join('');
        if (Buffer.byteLength(diff) > options.limits.maxOutputBytes)
          throw new LimitExceeded(outputMessage(options.limits, 'the diff'));
        let written = false;
        if (args.apply && fixed.files.length > 0) {
          for (const f of fixed.files) {
            const real = realpathSync(f.file);
            if (!all.some((root) => isInside(root, real)))
              throw new Refusal(`'${shown(f.file)}' is a link to outside the roots.`);
            if (readFileSync(real, 'utf8').replace(/^\uFEFF/, '') !== f.before)
              throw new Refusal(`'${shown(f.file)}' changed while it was being fixed: nothing was written; try again.`);
          }
          for (const f of fixed.files) {
            const real = realpathSync(f.file);
            const bom = readFileSync(real, 'utf8').startsWith('\uFEFF') ? '\uFEFF' : '';
            writeFileSync(real, bom + f.after);
          }
          written = true;
        }
        const report = {
          version: 1,
          file: shown(target.real),
          applied: fixed.applied,
          remaining: fixed.remaining,
          written,
          diff,
        };
        const summary =
          fixed.applied.length === 0
            ? `No auto-fix applies to ${report.file}${fixed.remaining > 0 ? ` (${plural(fixed.remaining, 'fixable finding')} could not be fixed cleanly)` : ''}.`
            : `${plural(fixed.applied.length, 'fix', 'fixes')} for ${report.file}${written ? ', written to disk' : ', not written'}: ${fixed.applied.join('; ')}.`;
        return result(summary, report, '', options.limits, diff);
      }),
  );

  server.registerResource(
    'rule',
    new ResourceTemplate(`${RULE_URI}{id}`, {
      list: async () => ({
        resources: allRules().map((r) => ({
          uri: `${RULE_URI}${r.id}`,
          name: r.id,
          title: r.title,
          mimeType: 'text/markdown',
        })),
      }),
    }),
    {
      title: 'Rule documentation',
      description: 'What a rule checks, why it is yours and what to do.',
      mimeType: 'text/markdown',
    },
    async (uri, variables) => {
      const id = String(variables.id);
      const page = rulePageMarkdown(id);
      if (page === undefined) throw new Error(`no rule '${id}': list the resources for the rule ids.`);
      return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text: page }] };
    },
  );

  return server;
}

function realPaths(resolved: ResolvedPath[]): string[] {
  return resolved.map((p) => p.real);
}

/** Runs a CLI command; its usage and I/O errors (exit code 2) become the tool's error. */
async function cli(args: string[], cwd: string, options: McpOptions) {
  const out = await runCli(args, cwd, options.limits);
  if (out.code === 2 || out.stdout.trim() === '')
    throw new Refusal(
      out.stderr.trim().replace(/^srlens: /gm, '') || `srlens ${args[0]} failed (exit code ${out.code}).`,
    );
  return out;
}

/** The summary for the model, then the JSON; notes from stderr after the summary. */
function result(summary: string, report: object, notes: string, limits: Limits, extra?: string): CallToolResult {
  const json = JSON.stringify(report, null, 2);
  const noteLines = notes
    .split('\n')
    .map((l) => l.replace(/^srlens: /, '').trim())
    .filter((l) => l !== '');
  const text = noteLines.length > 0 ? `${summary}\n${noteLines.join('\n')}` : summary;
  if (Buffer.byteLength(json) + Buffer.byteLength(text) > limits.maxOutputBytes)
    throw new LimitExceeded(outputMessage(limits));
  return {
    content: [
      { type: 'text', text },
      { type: 'text', text: extra ?? json },
    ],
    structuredContent: report as Record<string, unknown>,
  };
}

/** Refusals and limits are tool errors the model can read; anything else too, with its message. */
async function guarded(work: () => Promise<CallToolResult>): Promise<CallToolResult> {
  try {
    return await work();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const prefix = error instanceof LimitExceeded ? 'Stopped' : error instanceof Refusal ? 'Refused' : 'Error';
    return { isError: true, content: [{ type: 'text', text: `${prefix}: ${message}` }] };
  }
}

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
