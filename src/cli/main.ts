/**
 * `srlens`: the command-line front end. Exit codes: 0 = ran and nothing at or above the fail
 * level, 1 = findings at or above the fail level, 2 = usage or I/O error (one clear line on stderr).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { version } from '../../package.json';
import { Analyzer, type SourceFile } from '../engine/analyzer';
import { rootedReader } from './rooted-reader';
import { heapBound } from './heap';
import { loadGrammarForScan } from './wasm-tiering';
import { sourceKindOf } from '../iac/detect';
import { loadTerraformLanguage } from '../iac/terraform';
import { ruleMetadata } from '../engine/catalog';
import { FILE_TOO_LARGE_RULE_ID, fileTooLargeFinding } from '../engine/limits';
import { describeRuleCrash, type RuleCrashHandler } from '../engine/rule-error';
import { compareFindings, severityAtLeast, type Finding } from '../engine/finding';
import { describePeerNotes } from '../engine/peer-suppressions';
import { suppressionInfo } from '../engine/suppressions';
import type { Severity } from '../iac/model';
import type { Fix } from '../fixes/types';
import { DIFF_HELP, diffCommand } from './diff';
import { CONTROLS_HELP, ControlsError, withControlsOption } from './controls';
import { FIX_HELP, FixUsageError, fixCommand } from './fix';
import { AWS_CHECK_HELP, AwsCheckUsageError, awsCheck, readAccountSnapshot } from './aws-check';
import { MATRIX_HELP, MatrixUsageError, parseMatrixArgs, renderMatrix } from './matrix';
import { collectFiles, describeIoError, readSource, type CollectedFiles } from './files';
import type { TerraformEvaluationOptions } from '../iac/terraform/eval-module';
import { TerraformInputError, terraformHost, terraformInputs } from './terraform-inputs';
import { CONFIG_FILE_NAME, DEFAULT_CONFIG, parseConfig, type SrlensConfig } from '../engine/config';
import { formatExplainText, formatExplainJson, explainUnknownType } from './explain';
import { isOutsideModel, providerOf } from '../knowledge/resource-roles';
import { findingsJsonChunks, formatInventoryJson, type InventoryEntry } from './reporters/json';
import { formatInventoryMarkdown } from './reporters/markdown';
import { formatSarif } from './reporters/sarif';
import { ANSI, PLAIN, formatFindingsText, printable } from './reporters/text';
import {
  ISMS_STATE_FILE,
  IsmsStateError,
  assetsCsv,
  isoDate,
  ismsMarkdown,
  mergeIsms,
  parseIsmsState,
  risksCsv,
  scanIsms,
  serializeIsmsState,
  type IsmsState,
} from '../isms';

const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;

export class UsageError extends Error {}

const HELP = `srlens ${version} — who secures what in your AWS CloudFormation and Terraform: AWS, or you.

Usage:
  srlens scan [paths...]       Report findings (default path: .)
      --format text|json|sarif     Output format (default: text)
      --fail-on error|warning|info|none
                                   Exit 1 when a finding is at or above this severity (default: error)
      --max-file-size <bytes>      Skip larger files with an info finding (default: ${DEFAULT_MAX_FILE_SIZE})
      --no-color                   Plain text output
      --config <file>              Configuration (default: ./.srlens.yaml)
      --verbose                    Text: print each finding's detail under it; also print a crashing
                                   rule's error and stack on stderr (its finding is rule-error), and
                                   each suppression written for another tool that names a check
                                   srlens does not map
      --include-suppressed         JSON: list suppressed findings too, each with suppressed: { reason,
                                   expires, source } (SARIF always lists them, with suppressions)
      --var-file <file>            Terraform variables from this file, after terraform.tfvars and
                                   *.auto.tfvars (repeatable; applied with --var in the order given)
      --var <name=value>           A Terraform variable (repeatable)
${CONTROLS_HELP}
${FIX_HELP}
${DIFF_HELP}
  srlens inventory [paths...]  List every resource with its service and tier
      --format json|markdown       Output format (default: markdown)
${MATRIX_HELP}
  srlens explain <type>        Who owns each security concern for a CloudFormation or Terraform type
      --format text|json           Output format (default: text)
  srlens isms export [paths...]
                               ISMS report: scope, policy, methodology, asset and risk registers,
                               statement of applicability; reads ${ISMS_STATE_FILE} when present
      --format markdown|csv        Output format (default: markdown)
      --register assets|risks|both CSV only: which register (default: both; with --out, both
                                   writes <name>-assets.csv and <name>-risks.csv)
      --out <file>                 Write to a file instead of standard output
      --update                     Write the merged state back to ${ISMS_STATE_FILE}
      --config <file>              Configuration (default: ./.srlens.yaml)
      --verbose                    Print a crashing rule's error and stack on stderr
  srlens aws whoami            The AWS account and principal of the current credentials (STS)
      --format text|json           Output format (default: text)
      --profile <name>             Shared config profile (default: the SDK's credential chain)
      --region <region>            Region of the STS endpoint (default: AWS_REGION, else us-east-1)
      --endpoint <url>             STS endpoint (default: AWS_ENDPOINT_URL_STS, AWS_ENDPOINT_URL, the Region's)
      --timeout <ms>               Give up after this long (default: 5000)
  srlens mcp                   A Model Context Protocol server on stdio (tools scan, inventory,
                               explain, diff, fix; rule pages as resources), confined to the
                               client's roots, else the current folder
      --allow-write                Let the fix tool write its edits (default: it only returns them)
      --timeout <ms>               Stop a call after this long (default: 60000)
      --max-output <bytes>         Refuse a result larger than this (default: 1048576)
  srlens lsp --stdio           The language server, for editors that speak LSP (docs/editors.md)
${AWS_CHECK_HELP}
  srlens --version | --help

Exit codes: 0 success, 1 findings at or above --fail-on, 2 usage or I/O error.`;

export interface CliIo {
  /** A block of output; a newline follows it. */
  stdout(text: string): void;
  /**
   * Output as it is, no newline added: large reports go out in chunks through it. Without it
   * (tests), the chunks are joined and go to `stdout`.
   */
  write?(chunk: string): void;
  stderr(text: string): void;
  cwd: string;
  color: boolean;
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  try {
    const command = argv.at(0);
    const rest = argv.slice(1);
    switch (command) {
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.stdout(HELP);
        return 0;
      case 'version':
      case '--version':
      case '-v':
        io.stdout(version);
        return 0;
      case 'scan':
        return await scan(rest, io);
      case 'diff':
        return await diffCommand(rest, io);
      case 'fix':
        return await fixCommand(rest, io);
      case 'inventory':
        return await inventory(rest, io);
      case 'matrix':
        return await matrix(rest, io);
      case 'explain':
        return explain(rest, io);
      case 'isms':
        return await isms(rest, io);
      case 'aws':
        return await aws(rest, io);
      case 'mcp':
        // Its own bundle (dist/mcp.js), loaded only by this command: the scan path carries none of it.
        return await (await import('../mcp/server')).mcpCommand(rest, io);
      case 'lsp': // the language server, loaded on demand (dist/lsp.js): no other command needs it
        return await (await import('../lsp/server')).runLanguageServer(rest, io);
      default:
        throw new UsageError(`unknown command '${command}'. Run 'srlens --help' for the commands.`);
    }
  } catch (error) {
    if (
      error instanceof UsageError ||
      error instanceof FixUsageError ||
      error instanceof MatrixUsageError ||
      isParseArgsError(error)
    ) {
      io.stderr(`srlens: ${(error as Error).message}`);
      return 2;
    }
    io.stderr(`srlens: unexpected error: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
}

async function scan(args: string[], io: CliIo): Promise<number> {
  const { values, positionals, tokens } = parseArgs({
    args,
    allowPositionals: true,
    tokens: true,
    options: {
      format: { type: 'string', default: 'text' },
      'fail-on': { type: 'string', default: 'error' },
      'max-file-size': { type: 'string' },
      'no-color': { type: 'boolean', default: false },
      config: { type: 'string' },
      verbose: { type: 'boolean', default: false },
      'include-suppressed': { type: 'boolean', default: false },
      'var-file': { type: 'string', multiple: true },
      var: { type: 'string', multiple: true },
      controls: { type: 'string', multiple: true },
    },
  });
  const format = oneOf(values.format, ['text', 'json', 'sarif'] as const, '--format');
  const failOn = oneOf(values['fail-on'], ['error', 'warning', 'info', 'none'] as const, '--fail-on');
  const maxFileSize =
    values['max-file-size'] === undefined
      ? DEFAULT_MAX_FILE_SIZE
      : positiveInteger(values['max-file-size'], '--max-file-size');

  const loadedConfig = loadConfig(values.config, io);
  const { findings: configFindings, root } = loadedConfig;
  const config = controlsOption(loadedConfig.config, values.controls, io);
  const loaded = loadSources(positionals, maxFileSize, io, config.exclude, root);
  const { sources, files, extraFindings } = loaded;
  const terraform = scanTerraformHost(tokens, positionals, io.cwd);
  const onRuleError = crashLog(values.verbose, io);
  const readFile = rootedReader(
    loaded.inputs.map((input) => path.resolve(io.cwd, input)),
    maxFileSize,
  );
  // JSON and SARIF carry each finding's fix: the analyzer keeps what it needs to build them.
  const fixes = format !== 'text';
  // The account's last check (.srlens/account.yaml), when recent enough, settles what templates leave to it.
  const { facts: account } = readAccountSnapshot(root, isoDate(), io.stderr);
  // Between templates and modules, the heap is kept near what the scan holds (heap.ts).
  const betweenUnits = heapBound();
  const analyzer = new Analyzer({
    config,
    retain: false,
    fixes,
    terraform,
    onRuleError,
    readFile,
    account,
    betweenUnits,
  });
  // A scan of little Terraform keeps tree-sitter's code unoptimised (wasm-tiering.ts). A grammar
  // that fails to load is reported by the analysis, on each file.
  const terraformText = sources.reduce((n, s) => (sourceKindOf(s.path) === 'terraform' ? n + s.text.length : n), 0);
  if (terraformText > 0) await loadGrammarForScan(terraformText, () => loadTerraformLanguage().catch(() => undefined));
  const analysis = await analyzer.analyze(sources);
  noteWhenNothingFound(loaded, analysis.unitCount ?? 0, analysis.findings.length, io);
  if (values.verbose)
    for (const note of describePeerNotes(analysis.peerNotes ?? [], (file) => display(file, io.cwd)))
      io.stderr(`srlens: note: ${note}`);
  // Findings of one file share its name as shown, made once.
  const names = new Map<string, string>();
  const displayed = (file: string): string => {
    let name = names.get(file);
    if (name === undefined) names.set(file, (name = display(file, io.cwd)));
    return name;
  };
  const shown = (f: Finding): Finding => ({
    ...f,
    file: displayed(f.file),
    ...(f.related ? { related: f.related.map((r) => ({ ...r, file: displayed(r.file) })) } : {}),
    ...(f.expiredSuppression
      ? { expiredSuppression: { ...f.expiredSuppression, file: displayed(f.expiredSuppression.file) } }
      : {}),
    ...(f.suppressed ? { suppressed: { ...f.suppressed, file: displayed(f.suppressed.file) } } : {}),
  });
  const fixOf = new Map<Finding, Fix>();
  const findings = [...configFindings, ...extraFindings, ...analysis.findings].map((f) => {
    const finding = shown(f);
    const fix = fixes && f.fixable ? analyzer.fixFor(f) : undefined;
    if (fix) fixOf.set(finding, { ...fix, edits: fix.edits.map((e) => ({ ...e, file: displayed(e.file) })) });
    return finding;
  });
  // What a suppression silenced: never counted for --fail-on; SARIF always lists it, JSON on request.
  const suppressed = (analysis.suppressed ?? [])
    .map(({ finding, suppression }) => shown({ ...finding, suppressed: suppressionInfo(suppression) }))
    .sort(compareFindings);

  if (format === 'json')
    writeChunks(
      io,
      findingsJsonChunks(
        files,
        values['include-suppressed'] ? [...findings, ...suppressed].sort(compareFindings) : findings,
        (f) => fixOf.get(f),
      ),
    );
  else if (format === 'sarif')
    io.stdout(
      formatSarif(
        [...findings, ...suppressed].sort(compareFindings),
        ruleMetadata(),
        version,
        `${pathToFileURL(io.cwd).href}/`,
        (file) => file,
        { fixOf: (f) => fixOf.get(f) },
      ),
    );
  else io.stdout(formatFindingsText(files, findings, io.color && !values['no-color'] ? ANSI : PLAIN, values.verbose));

  return failOn !== 'none' && findings.some((f) => severityAtLeast(f.severity, failOn as Severity)) ? 1 : 0;
}

async function inventory(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string', default: 'markdown' }, config: { type: 'string' } },
  });
  const format = oneOf(values.format, ['json', 'markdown'] as const, '--format');
  const { config, root } = loadConfig(values.config, io);
  const loaded = loadSources(positionals, DEFAULT_MAX_FILE_SIZE, io, config.exclude, root);
  const analysis = await new Analyzer().analyze(loaded.sources);
  noteWhenNothingFound(loaded, analysis.unitCount ?? 0, analysis.findings.length, io);
  const entries: InventoryEntry[] = analysis.units
    .flatMap((unit) => unit.resources)
    .map((r) => {
      // A resource of another provider (random_id, null_resource) is outside the AWS model: name its provider.
      const provider = isOutsideModel(r.type) ? providerOf(r.type) : undefined;
      return {
        file: display(r.file, io.cwd),
        resource: r.id,
        type: r.type,
        service: provider ? `${provider} provider` : r.service,
        tier: provider ? 'outside the model' : r.tier,
        ...(provider ? { provider } : {}),
        range: r.range,
      };
    })
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.range.start.line - b.range.start.line));
  io.stdout(format === 'json' ? formatInventoryJson(entries) : formatInventoryMarkdown(entries));
  return 0;
}

async function matrix(args: string[], io: CliIo): Promise<number> {
  const options = parseMatrixArgs(args);
  const { config, root } = loadConfig(options.config, io);
  const loaded = loadSources(options.paths, DEFAULT_MAX_FILE_SIZE, io, config.exclude, root);
  const analysis = await new Analyzer({ config }).analyze(loaded.sources);
  noteWhenNothingFound(loaded, analysis.unitCount ?? 0, analysis.findings.length, io);
  const text = renderMatrix(options, analysis, (file) => display(file, io.cwd));
  if (options.out) writeText(path.resolve(io.cwd, options.out), text, io);
  else io.stdout(text);
  return 0;
}

function explain(args: string[], io: CliIo): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string', default: 'text' } },
  });
  const format = oneOf(values.format, ['text', 'json'] as const, '--format');
  if (positionals.length !== 1)
    throw new UsageError(
      "explain needs one resource type, for example 'srlens explain AWS::S3::Bucket' or 'srlens explain aws_s3_bucket'.",
    );
  const type = positionals[0];
  const unknown = explainUnknownType(type);
  if (unknown) {
    io.stderr(`srlens: ${unknown}`);
    return 2;
  }
  io.stdout(format === 'json' ? formatExplainJson(type) : formatExplainText(type));
  return 0;
}

async function isms(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'export')
    throw new UsageError(`isms needs a subcommand: 'srlens isms export [paths...]'${sub ? ` (got '${sub}')` : ''}.`);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'markdown' },
      register: { type: 'string', default: 'both' },
      out: { type: 'string' },
      update: { type: 'boolean', default: false },
      config: { type: 'string' },
      verbose: { type: 'boolean', default: false },
    },
  });
  const format = oneOf(values.format, ['markdown', 'csv'] as const, '--format');
  const register = oneOf(values.register, ['assets', 'risks', 'both'] as const, '--register');
  const { config, root } = loadConfig(values.config, io);
  const { sources } = loadSources(positionals, DEFAULT_MAX_FILE_SIZE, io, config.exclude, root);
  const today = isoDate();
  const accountCheck = readAccountSnapshot(root, today, io.stderr);
  const analysis = await new Analyzer({
    config,
    onRuleError: crashLog(values.verbose, io),
    today: () => today,
    account: accountCheck.facts,
  }).analyze(sources);

  const stateFile = path.join(root, ISMS_STATE_FILE);
  let previous: IsmsState | undefined;
  let previousText: string | undefined;
  if (existsSync(stateFile)) {
    let text: string;
    try {
      text = readFileSync(stateFile, 'utf8');
      previousText = text;
    } catch (error) {
      throw new UsageError(`cannot read '${display(stateFile, io.cwd)}': ${describeIoError(error)}`);
    }
    const warnings: string[] = [];
    try {
      previous = parseIsmsState(text, warnings);
    } catch (error) {
      if (error instanceof IsmsStateError)
        throw new UsageError(`cannot use '${display(stateFile, io.cwd)}': ${error.message}`);
      throw error;
    }
    for (const warning of warnings) io.stderr(`srlens: warning: ${display(stateFile, io.cwd)}: ${warning}`);
  }
  const account = accountCheck.snapshot ? { snapshot: accountCheck.snapshot, text: accountCheck.text } : undefined;
  const state = mergeIsms(
    previous,
    scanIsms(analysis, {
      displayPath: (file) => display(file, root),
      today,
      classificationTag: config.classificationTag,
      account,
    }),
    today,
  );

  const outputs: { file?: string; text: string }[] = [];
  const out = values.out === undefined ? undefined : path.resolve(io.cwd, values.out);
  if (format === 'markdown') outputs.push({ file: out, text: ismsMarkdown(state, { today }) });
  else if (register === 'both' && out) {
    const base = out.replace(/\.csv$/i, '');
    outputs.push(
      { file: `${base}-assets.csv`, text: assetsCsv(state) },
      { file: `${base}-risks.csv`, text: risksCsv(state) },
    );
  } else if (register === 'both') outputs.push({ text: `${assetsCsv(state)}\r\n${risksCsv(state)}` });
  else outputs.push({ file: out, text: register === 'assets' ? assetsCsv(state) : risksCsv(state) });

  for (const output of outputs) {
    if (output.file) writeText(output.file, output.text, io);
    else io.stdout(output.text);
  }
  if (values.update) {
    writeText(stateFile, serializeIsmsState({ ...state }, previousText), io);
    io.stderr(`srlens: updated ${display(stateFile, io.cwd)}`);
  }
  return 0;
}

/** With --verbose, a crashing rule's error and stack go to stderr; the rule-error finding is reported either way. */
function crashLog(verbose: boolean | undefined, io: CliIo): RuleCrashHandler | undefined {
  return verbose ? (crash) => io.stderr(`srlens: ${describeRuleCrash(crash)}`) : undefined;
}

async function aws(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'check') {
    try {
      return await awsCheck(rest, io);
    } catch (error) {
      if (error instanceof AwsCheckUsageError) throw new UsageError(error.message);
      throw error;
    }
  }
  if (sub !== 'whoami')
    throw new UsageError(
      `aws needs a subcommand: 'srlens aws whoami' or 'srlens aws check'${sub ? ` (got '${sub}')` : ''}.`,
    );
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      profile: { type: 'string' },
      region: { type: 'string' },
      endpoint: { type: 'string' },
      timeout: { type: 'string' },
    },
  });
  if (positionals.length > 0) throw new UsageError(`aws whoami takes no arguments (got '${positionals[0]}').`);
  const format = oneOf(values.format, ['text', 'json'] as const, '--format');
  const timeoutMs =
    values.timeout === undefined ? undefined : positiveInteger(values.timeout, '--timeout', 'milliseconds');
  // Loaded on demand: the AWS SDK is large and no other command needs it.
  const { getCallerIdentity, IdentityError } = await import('../aws/identity');
  let identity;
  try {
    identity = await getCallerIdentity({
      profile: values.profile,
      region: values.region,
      endpoint: values.endpoint,
      timeoutMs,
    });
  } catch (error) {
    if (error instanceof IdentityError) throw new UsageError(error.message);
    throw error;
  }
  const { account, arn, userId, principalType, isRoot } = identity;
  if (format === 'json') io.stdout(JSON.stringify({ account, arn, userId, principalType, isRoot }, null, 2));
  else io.stdout(`Account:   ${account}\nPrincipal: ${arn}\nType:      ${principalType}\nUser id:   ${userId}`);
  if (isRoot)
    io.stderr(
      "srlens: warning: these are the account root user's credentials. Use an IAM role or IAM Identity Center user for daily work, and keep the root user for the few tasks that need it, with MFA.",
    );
  return 0;
}

function writeText(file: string, text: string, io: CliIo): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text.endsWith('\n') ? text : `${text}\n`);
  } catch (error) {
    throw new UsageError(`cannot write '${display(file, io.cwd)}': ${describeIoError(error)}`);
  }
}

interface LoadedSources {
  sources: SourceFile[];
  files: number;
  extraFindings: Finding[];
  /** The paths asked for, as the user wrote them. */
  inputs: string[];
  /** Why files were passed over, for the note a scan that finds nothing prints. */
  skipped: { ignored: number; notTemplate: number; tooLarge: number };
}

/**
 * Reads every candidate file; files it cannot use become findings (too large) or stderr notes
 * (unreadable). An AWS CDK app's synthesized templates are announced once on stderr.
 */
function loadSources(paths: string[], maxFileSize: number, io: CliIo, exclude: string[], root: string): LoadedSources {
  const inputs = paths.length > 0 ? paths : ['.'];
  const collected = collectFiles(
    inputs.map((p) => path.resolve(io.cwd, p)),
    { exclude, root },
  );
  const missing = collected.problems.filter((p) =>
    inputs.some((input) => path.resolve(io.cwd, input) === path.resolve(io.cwd, p.path)),
  );
  if (missing.length > 0)
    throw new UsageError(`cannot read '${display(missing[0].path, io.cwd)}': ${missing[0].message}`);
  for (const problem of collected.problems)
    io.stderr(`srlens: warning: skipped '${display(problem.path, io.cwd)}': ${problem.message}`);
  const cdkNote = cdkAppsNote(collected.cdkApps, io.cwd);
  if (cdkNote) io.stderr(cdkNote);

  const sources: SourceFile[] = [];
  const extraFindings: Finding[] = [];
  const skipped = { ...collected.skipped, tooLarge: 0 };
  for (const file of collected.files) {
    const result = readSource(file, maxFileSize);
    if (result.ok) sources.push({ path: file, text: result.text });
    else if (result.reason === 'too-large') {
      skipped.tooLarge++;
      extraFindings.push(fileTooLargeFinding(file, result.message));
    } else if (result.reason === 'binary') skipped.notTemplate++;
    else io.stderr(`srlens: warning: skipped '${display(file, io.cwd)}': ${result.message}`);
  }
  return { sources, files: collected.files.length, extraFindings, inputs, skipped };
}

/** One line about the AWS CDK apps met: the synthesized templates added, or that there are none yet. */
function cdkAppsNote(apps: CollectedFiles['cdkApps'], cwd: string): string | undefined {
  if (apps.length === 0) return undefined;
  const name = (app: CollectedFiles['cdkApps'][number]) =>
    `'${display(app.cdkOut ?? path.join(app.dir, 'cdk.out'), cwd)}'`;
  const synthesized = apps.filter((app) => app.templates > 0);
  const missing = apps.filter((app) => app.templates === 0);
  const parts: string[] = [];
  if (synthesized.length > 0) {
    const count = synthesized.reduce((sum, app) => sum + app.templates, 0);
    parts.push(
      `scanning the ${count === 1 ? 'synthesized template' : `${count} synthesized templates`} in ${synthesized.map(name).join(', ')}`,
    );
  }
  if (missing.length > 0)
    parts.push(
      `no synthesized template in ${missing.map(name).join(', ')}: run 'cdk synth' to scan what the app deploys`,
    );
  return `srlens: AWS CDK app (cdk.json): ${parts.join('; ')}.`;
}

/** A scan that found no template says so, and why: silence must never read as a clean result. */
function noteWhenNothingFound(loaded: LoadedSources, unitCount: number, findingCount: number, io: CliIo): void {
  if (unitCount > 0 || findingCount > 0) return;
  const { ignored, tooLarge } = loaded.skipped;
  // Every file read found no template in it: none of them is one.
  const notTemplate = loaded.skipped.notTemplate + loaded.sources.length;
  const reasons: string[] = [];
  if (notTemplate > 0) reasons.push(`${notTemplate === 1 ? '1 file is' : `${notTemplate} files are`} not a template`);
  if (ignored > 0)
    reasons.push(
      `${ignored === 1 ? '1 path was' : `${ignored} paths were`} ignored (.gitignore, exclude, or a folder such as node_modules; name a path to scan it anyway)`,
    );
  if (tooLarge > 0) reasons.push(`${tooLarge === 1 ? '1 file is' : `${tooLarge} files are`} over the size limit`);
  const where = loaded.inputs
    .map((input) => path.resolve(io.cwd, input))
    .map((input) => `'${input === path.resolve(io.cwd) ? '.' : display(input, io.cwd)}'`)
    .join(', ');
  io.stderr(
    `srlens: no CloudFormation template or Terraform file found in ${where}: ${reasons.length > 0 ? reasons.join(', ') : 'there are no files'}.`,
  );
}

/** Terraform inputs from `--var-file` / `--var`, and file access limited to the scanned paths. */
function scanTerraformHost(
  tokens: readonly { kind: string; name?: string; value?: string | undefined }[],
  positionals: string[],
  cwd: string,
): TerraformEvaluationOptions {
  try {
    const inputs = terraformInputs(tokens, cwd);
    const roots = (positionals.length > 0 ? positionals : ['.']).map((p) => path.resolve(cwd, p));
    return terraformHost(roots, inputs);
  } catch (error) {
    if (error instanceof TerraformInputError) throw new UsageError(error.message);
    throw error;
  }
}

/** `.srlens.yaml` from `--config`, else from the current folder; missing is fine, unreadable is an error. */
function loadConfig(
  explicit: string | undefined,
  io: CliIo,
): { config: SrlensConfig; findings: Finding[]; root: string } {
  const file = path.resolve(io.cwd, explicit ?? CONFIG_FILE_NAME);
  if (!existsSync(file)) {
    if (explicit) throw new UsageError(`cannot read '${explicit}': no such file or folder`);
    return { config: DEFAULT_CONFIG, findings: [], root: io.cwd };
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read '${display(file, io.cwd)}': ${describeIoError(error)}`);
  }
  const { config, findings } = parseConfig(file, text, new Set(ruleMetadata().map((r) => r.id)));
  return { config, findings, root: path.dirname(file) };
}

function controlsOption(config: SrlensConfig, items: string[] | undefined, io: CliIo): SrlensConfig {
  try {
    return withControlsOption(config, items, io.stderr);
  } catch (error) {
    if (error instanceof ControlsError) throw new UsageError(error.message);
    throw error;
  }
}

/** A report made in chunks, written as it is made, then its final newline. */
function writeChunks(io: CliIo, chunks: Iterable<string>): void {
  if (!io.write) {
    io.stdout([...chunks].join(''));
    return;
  }
  for (const chunk of chunks) io.write(chunk);
  io.write('\n');
}

function display(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return (relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file)
    .split(path.sep)
    .join('/');
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], flag: string): T {
  if (value !== undefined && (allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} must be one of ${allowed.join(', ')} (got '${value}').`);
}

function positiveInteger(value: string, flag: string, unit = 'bytes'): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new UsageError(`${flag} must be a positive whole number of ${unit} (got '${value}').`);
  return n;
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: string } | undefined)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

export { FILE_TOO_LARGE_RULE_ID };

/**
 * A reader that stops early (`srlens scan --format json | head`) closes the pipe: the write fails
 * with EPIPE. That is not an error of the command: the stream is marked closed, later output to it
 * is dropped, and the command ends with its usual exit code, without a stack trace.
 */
function closingQuietly(stream: NodeJS.WriteStream): (text: string) => void {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
    closed = true;
  });
  return (text) => {
    if (!closed) stream.write(text);
  };
}

/** Runs the command line of this process (`dist/cli.js`, the launcher, calls it). */
export function start(): void {
  const out = closingQuietly(process.stdout);
  const err = closingQuietly(process.stderr);
  void run(process.argv.slice(2), {
    // The newline goes separately: appended to a report of megabytes, it would copy the whole text.
    stdout: (text) => {
      out(text);
      if (!text.endsWith('\n')) out('\n');
    },
    write: out,
    // Messages can quote file names and template text: nothing in them may drive the terminal.
    stderr: (text) => err(`${printable(text)}\n`),
    cwd: process.cwd(),
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  }).then((code) => {
    process.exitCode = code;
  });
}

// Run directly (`node dist/cli-main.js`), it starts itself.
if (require.main === module) start();
