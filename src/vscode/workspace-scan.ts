/**
 * Workspace-wide diagnostics: every CloudFormation and Terraform file, open or not. Runs once the
 * configuration is known (when `srlens.workspaceScan.enable`) and on `srlens.scanWorkspace`, then
 * keeps results current as files are created, changed, deleted or renamed, and when
 * `.srlens.yaml` or the settings change.
 *
 * Open documents keep their live diagnostics (diagnostics.ts); the scan only publishes files that
 * are not open, through the same collection. Which files are candidates is `workspace-files.ts`'s
 * answer; each is stat'ed before it is read, so a file over `srlens.maxFileSize` is never read
 * whole. Work is chunked and yields to the event loop; a scan is cancellable and cancelling keeps
 * what was already published.
 */
import * as vscode from 'vscode';
import type { Analysis } from '../engine/analyzer';
import type { Finding } from '../engine/finding';
import { fileTooLargeFinding } from '../engine/limits';
import { moduleDirOf, sourceKindOf } from '../iac/detect';
import type { DocumentAnalyses } from './analysis';
import type { ConfigController } from './config';
import type { DiagnosticsController } from './diagnostics';
import { fileOf, isWorkspaceUri } from './files';
import { tooLargeMessage } from './diagnostics';
import { outputChannel } from './output';
import { settingsStore } from './settings';
import { candidateFiles, folderCandidates, inIgnoredFolder, isCandidate, moduleCandidates } from './workspace-files';

export const SCAN_COMMAND = 'srlens.scanWorkspace';
/** A background scan shows its notification only when it takes longer than this. */
const QUIET_MS = 1000;
/** Jobs whose files are read concurrently, ahead of their analysis. */
const READ_AHEAD = 16;
/** Work between two yields to the event loop. */
const SLICE_MS = 12;
/** File events are collected for this long, then handled together. */
const EVENT_DELAY_MS = 250;
/** More file events than this at once (a branch switch) rescan the workspace instead. */
const RESCAN_THRESHOLD = 200;

type FileEvent = 'created' | 'changed' | 'deleted';

interface Counts {
  files: number;
  findings: number;
  skipped: number;
}

interface ReadJob {
  job: Job;
  sources: { uri: vscode.Uri; text: string }[];
  extra: Finding[];
  counts: Counts;
  /** An open document's live diagnostics cover this job. */
  live: boolean;
}

/**
 * What the scan learns, for views of the whole workspace (the matrix): a scan starts or ends, a
 * file or module was analysed from disk, open editors cover one (their live analysis counts), a
 * file is gone, or scanning was turned off.
 */
export type ScanEvent =
  | { kind: 'start' }
  | { kind: 'end'; cancelled: boolean }
  | { kind: 'analysed'; key: string; files: string[]; analysis: Analysis }
  | { kind: 'live'; key: string }
  | { kind: 'removed'; file: string }
  | { kind: 'cleared' };

export interface ScanSummary {
  files: number;
  findings: number;
  skipped: number;
  cancelled: boolean;
  durationMs: number;
}

/** One unit of work: a CloudFormation file, or all `.tf` files of one directory. */
interface Job {
  kind: 'cloudformation' | 'terraform';
  key: string;
  uris: vscode.Uri[];
}

class ScanRun {
  readonly source = new vscode.CancellationTokenSource();
  done = 0;
  total: number | undefined;
  /** Cancelled because a newer scan started: nothing to tell the user. */
  superseded = false;
  onProgress: (() => void) | undefined;
  finished!: Promise<ScanSummary>;

  step(count = 1): void {
    this.done += count;
    this.onProgress?.();
  }
}

export class WorkspaceScanner implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly decoder = new TextDecoder();
  private running: ScanRun | undefined;
  /** Files this scanner published (not open), so a later scan can retract what is gone. */
  private published = new Set<string>();
  private pending = new Map<string, { uri: vscode.Uri; event: FileEvent }>();
  private eventTimer: ReturnType<typeof setTimeout> | undefined;
  private eventChain: Promise<void> = Promise.resolve();
  private lastSettingsProblem = '';
  private readonly events = new vscode.EventEmitter<ScanEvent>();
  /** Each result of the scan, as it comes (see ScanEvent). */
  readonly onDidScan = this.events.event;

  constructor(
    private readonly analyses: DocumentAnalyses,
    private readonly diagnostics: DiagnosticsController,
    private readonly config: ConfigController,
  ) {}

  register(): vscode.Disposable[] {
    // Every path, not only candidates: deleting or renaming a folder reports the folder alone.
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    this.disposables.push(
      vscode.commands.registerCommand(SCAN_COMMAND, () => this.scan(true)),
      watcher,
      watcher.onDidCreate((uri) => this.queue(uri, 'created')),
      watcher.onDidChange((uri) => sourceKindOf(uri.path) && this.queue(uri, 'changed')),
      watcher.onDidDelete((uri) => this.queue(uri, 'deleted')),
      // A closed document falls back to what is on disk.
      vscode.workspace.onDidCloseTextDocument((doc) => {
        if (isWorkspaceUri(doc.uri) && sourceKindOf(doc.uri.path)) this.queue(doc.uri, 'changed');
      }),
      this.config.onDidChange(() => {
        const settings = settingsStore.current;
        this.reportSettingsProblems();
        if (settings.enable && settings.workspaceScan) void this.scan(false);
        else this.retract();
      }),
    );
    void this.config.ready.then(() => {
      const settings = settingsStore.current;
      this.reportSettingsProblems();
      if (settings.enable && settings.workspaceScan) void this.scan(false);
    });
    return [this];
  }

  /** Scans the workspace; an interactive scan shows its progress at once and runs even when background scans are off. */
  scan(interactive: boolean): Promise<ScanSummary> {
    if (this.running) {
      this.running.superseded = true;
      this.running.source.cancel();
    }
    const run = new ScanRun();
    this.running = run;
    run.finished = this.run(run)
      .catch((error: unknown) => {
        this.channel().error(`Workspace scan failed: ${error instanceof Error ? error.message : String(error)}`);
        return { files: run.done, findings: 0, skipped: 0, cancelled: true, durationMs: 0 };
      })
      .finally(() => {
        if (this.running === run) this.running = undefined;
        run.onProgress = undefined;
        run.source.dispose();
      });
    if (interactive) this.showProgress(run);
    else {
      const timer = setTimeout(() => this.showProgress(run), QUIET_MS);
      void run.finished.finally(() => clearTimeout(timer));
    }
    return run.finished;
  }

  private showProgress(run: ScanRun): void {
    void vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: 'Shared Responsibility: scanning the workspace',
        cancellable: true,
      },
      async (progress, token) => {
        const cancel = token.onCancellationRequested(() => run.source.cancel());
        let reported = 0;
        run.onProgress = () => {
          if (run.total === undefined) return progress.report({ message: 'finding files…' });
          const percent = run.total === 0 ? 100 : (run.done / run.total) * 100;
          progress.report({ increment: percent - reported, message: `${run.done} / ${run.total}` });
          reported = percent;
        };
        run.onProgress();
        try {
          await run.finished;
        } catch {
          // Reported by the scan itself.
        } finally {
          cancel.dispose();
        }
      },
    );
  }

  private async run(run: ScanRun): Promise<ScanSummary> {
    const started = Date.now();
    const token = run.source.token;
    const summary: ScanSummary = { files: 0, findings: 0, skipped: 0, cancelled: false, durationMs: 0 };
    if (!settingsStore.current.enable) return summary;
    this.events.fire({ kind: 'start' });
    const uris = await candidateFiles(this.config, token);
    const jobs = groupJobs(uris);
    run.total = uris.length;
    run.onProgress?.();
    const seen = new Set<string>();
    let sliceStart = Date.now();
    // Reads run a window ahead of the analysis, so file I/O overlaps; diagnostics go out per window.
    for (let start = 0; start < jobs.length && !token.isCancellationRequested; start += READ_AHEAD) {
      const reads = jobs.slice(start, start + READ_AHEAD).map((job) => this.readJob(job));
      const entries: [vscode.Uri, Finding[]][] = [];
      for (const pending of reads) {
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- cancelled while a read was awaited
        if (token.isCancellationRequested) break;
        const read = await pending;
        const result = await this.analyseJob(read);
        entries.push(...result.entries);
        summary.files += result.counts.files;
        summary.findings += result.counts.findings;
        summary.skipped += result.counts.skipped;
        run.step(read.job.uris.length);
        if (Date.now() - sliceStart >= SLICE_MS) {
          await yieldToEditor();
          sliceStart = Date.now();
        }
      }
      // Files opened during the window keep their live diagnostics.
      const stillClosed = entries.filter(([uri]) => !isOpen(uri));
      this.diagnostics.publishMany(stillClosed);
      for (const [uri] of stillClosed) seen.add(uri.toString());
    }
    summary.cancelled = token.isCancellationRequested;
    this.events.fire({ kind: 'end', cancelled: summary.cancelled });
    if (!summary.cancelled) {
      // Files published earlier that this scan no longer covers (deleted, now excluded) are retracted.
      for (const key of this.published) {
        if (!seen.has(key) && !isOpen(vscode.Uri.parse(key))) this.diagnostics.forget(vscode.Uri.parse(key));
      }
      this.published = seen;
    } else {
      for (const key of seen) this.published.add(key);
    }
    summary.durationMs = Date.now() - started;
    if (!run.superseded) this.log(summary, run.total);
    return summary;
  }

  /** Analyses one job from disk and publishes its files; open files are left to live diagnostics. */
  private async runJob(job: Job, seen: Set<string>): Promise<Counts> {
    const result = await this.analyseJob(await this.readJob(job));
    this.diagnostics.publishMany(result.entries);
    for (const [uri] of result.entries) seen.add(uri.toString());
    return result.counts;
  }

  /** Reads a job's files (the I/O part, run ahead of the analysis); undefined when live diagnostics cover it. */
  private async readJob(job: Job): Promise<ReadJob> {
    const read: ReadJob = { job, sources: [], extra: [], counts: { files: 0, findings: 0, skipped: 0 }, live: false };
    if (job.kind === 'terraform') {
      const openDoc = vscode.workspace.textDocuments.find(
        (d) =>
          isWorkspaceUri(d.uri) && sourceKindOf(d.uri.path) === 'terraform' && moduleDirOf(fileOf(d.uri)) === job.key,
      );
      if (openDoc) {
        // The live analysis of the open file covers the whole module, unsaved text included.
        this.diagnostics.refresh(openDoc);
        read.live = true;
      }
    } else if (isOpen(job.uris[0])) read.live = true;
    if (read.live) {
      read.counts.files = job.uris.length;
      return read;
    }
    const maxFileSize = settingsStore.current.maxFileSize;
    const contents = await Promise.all(job.uris.map((uri) => readCandidate(uri, maxFileSize, this.decoder)));
    job.uris.forEach((uri, i) => {
      const content = contents[i];
      if (content === undefined) return;
      read.counts.files += 1;
      if (typeof content === 'object') {
        read.extra.push(content);
        read.counts.skipped += 1;
      } else read.sources.push({ uri, text: content });
    });
    return read;
  }

  /** Analyses what readJob read; the diagnostics to publish for the files that are still not open. */
  private async analyseJob(read: ReadJob): Promise<{ entries: [vscode.Uri, Finding[]][]; counts: Counts }> {
    const { job, sources, extra, counts } = read;
    if (read.live) {
      this.events.fire({ kind: 'live', key: job.key });
      return { entries: [], counts };
    }
    let analysis: Analysis = { units: [], findings: [] };
    try {
      if (job.kind === 'cloudformation' && sources.length === 1)
        analysis = this.analyses.analyzer.analyzeCloudFormation(fileOf(sources[0].uri), sources[0].text);
      else if (job.kind === 'terraform' && sources.length > 0)
        analysis = await this.analyses.analyzer.analyzeTerraformModule(
          job.key,
          sources.map((s) => ({ path: fileOf(s.uri), text: s.text })),
        );
    } catch (error) {
      this.channel().warn(
        `Could not analyse ${vscode.workspace.asRelativePath(job.uris[0])}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    this.events.fire({ kind: 'analysed', key: job.key, files: job.uris.map(fileOf), analysis });
    // Cached parses of files nobody has open are not worth their memory.
    for (const source of sources) this.analyses.analyzer.forget(fileOf(source.uri));

    const entries: [vscode.Uri, Finding[]][] = [];
    for (const uri of job.uris) {
      // A file opened while the scan read it has live diagnostics by now.
      if (isOpen(uri)) continue;
      const file = fileOf(uri);
      // A called module's or a nested template's findings are what its callers make of it (engine/callers.ts).
      const shown = this.analyses.analyzer.findingsToShow(
        analysis,
        sources.map((s) => fileOf(s.uri)),
      );
      const findings = [...shown.filter((f) => f.file === file), ...extra.filter((f) => f.file === file)];
      counts.findings += findings.length;
      entries.push([uri, findings]);
    }
    return { entries, counts };
  }

  /**
   * Analyses one Terraform module folder again (something it reads changed, and the engine has
   * forgotten its result): as a file event on one of its `.tf` files, so it is batched like them.
   */
  async refreshModule(dir: vscode.Uri): Promise<void> {
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(dir);
    } catch {
      return;
    }
    const tf = entries.find(([name, type]) => type === vscode.FileType.File && sourceKindOf(name) === 'terraform');
    if (tf) this.queue(vscode.Uri.joinPath(dir, tf[0]), 'changed');
  }

  /** Analyses one closed template again (what its parents make of it changed). */
  refreshFile(uri: vscode.Uri): void {
    this.queue(uri, 'changed');
  }

  private queue(uri: vscode.Uri, event: FileEvent): void {
    if (!isWorkspaceUri(uri) || inIgnoredFolder(uri)) return;
    this.pending.set(uri.toString(), { uri, event });
    clearTimeout(this.eventTimer);
    // One batch at a time: a batch that arrives while another is handled waits for it.
    this.eventTimer = setTimeout(() => {
      this.eventChain = this.eventChain.then(() => this.handleEvents()).catch(() => undefined);
    }, EVENT_DELAY_MS);
  }

  /** Re-analyses changed files (or their Terraform module) and clears deleted ones. */
  private async handleEvents(): Promise<void> {
    const events = [...this.pending.values()];
    this.pending.clear();
    const settings = settingsStore.current;
    for (const { uri, event } of events) {
      if (event !== 'deleted') continue;
      if (sourceKindOf(uri.path)) {
        this.analyses.analyzer.forget(fileOf(uri));
        if (sourceKindOf(uri.path) === 'cloudformation') this.analyses.analyzer.forgetCaller(fileOf(uri));
        this.forgetIfClosed(uri);
      } else {
        // Possibly a folder: everything published under it goes.
        const prefix = uri.path.endsWith('/') ? uri.path : `${uri.path}/`;
        for (const published of this.diagnostics.publishedUris()) {
          if (
            published.scheme === uri.scheme &&
            published.authority === uri.authority &&
            published.path.startsWith(prefix)
          ) {
            this.analyses.analyzer.forget(fileOf(published));
            this.forgetIfClosed(published);
          }
        }
      }
    }
    if (!settings.enable || !settings.workspaceScan) return;
    if (events.filter((e) => e.event !== 'deleted' || sourceKindOf(e.uri.path)).length > RESCAN_THRESHOLD) {
      void this.scan(false);
      return;
    }
    const jobs = new Map<string, Job>();
    const addJobs = async (uri: vscode.Uri, deleted: boolean) => {
      const kind = sourceKindOf(uri.path);
      if (kind === 'terraform') {
        const dir = moduleDirOf(fileOf(uri));
        if (!jobs.has(dir)) jobs.set(dir, { kind, key: dir, uris: await moduleCandidates(this.config, uri) });
      } else if (kind === 'cloudformation' && !deleted && !isOpen(uri) && isCandidate(this.config, uri)) {
        jobs.set(fileOf(uri), { kind, key: fileOf(uri), uris: [uri] });
      }
    };
    for (const { uri, event } of events) {
      if (sourceKindOf(uri.path)) await addJobs(uri, event === 'deleted');
      else if (event === 'created' && (await isDirectory(uri))) {
        // A folder created or renamed into place: its candidates, with the usual exclusions.
        for (const found of await folderCandidates(this.config, uri)) await addJobs(found, false);
      }
    }
    const seen = new Set<string>();
    for (const job of jobs.values()) {
      if (job.uris.length === 0) {
        // A module folder whose last file went: what it made of the modules it called goes too.
        if (job.kind === 'terraform') this.analyses.analyzer.forgetCaller(job.key);
        continue;
      }
      await this.runJob(job, seen);
      await yieldToEditor();
    }
    for (const key of seen) this.published.add(key);
  }

  private forgetIfClosed(uri: vscode.Uri): void {
    this.events.fire({ kind: 'removed', file: fileOf(uri) });
    this.published.delete(uri.toString());
    if (!isOpen(uri)) this.diagnostics.forget(uri);
  }

  /** Background scanning was turned off: only open documents keep diagnostics. */
  private retract(): void {
    this.running?.source.cancel();
    this.events.fire({ kind: 'cleared' });
    for (const key of this.published) {
      const uri = vscode.Uri.parse(key);
      if (!isOpen(uri)) this.diagnostics.forget(uri);
    }
    this.published.clear();
  }

  /** One line for rule ids in `srlens.rules` that do not exist or have a bad value, once per distinct problem. */
  private reportSettingsProblems(): void {
    const { unknownRules, invalidRules } = settingsStore.current;
    const parts: string[] = [];
    if (unknownRules.length > 0)
      parts.push(`unknown rule id${unknownRules.length === 1 ? '' : 's'} ${unknownRules.join(', ')} (ignored)`);
    if (invalidRules.length > 0) parts.push(`${invalidRules.join(', ')} must be off, error, warning or info (ignored)`);
    const line = parts.length > 0 ? `Setting srlens.rules: ${parts.join('; ')}.` : '';
    if (line && line !== this.lastSettingsProblem) this.channel().warn(line);
    this.lastSettingsProblem = line;
  }

  /** The extension's one log channel (output.ts), shared with the rule-crash log. */
  private channel(): vscode.LogOutputChannel {
    return outputChannel();
  }

  private log(summary: ScanSummary, total: number | undefined): void {
    const seconds = (summary.durationMs / 1000).toFixed(1);
    const files = `${summary.files} file${summary.files === 1 ? '' : 's'}`;
    const findings = `${summary.findings} finding${summary.findings === 1 ? '' : 's'}`;
    const skipped = summary.skipped > 0 ? `, ${summary.skipped} skipped for size` : '';
    const line = summary.cancelled
      ? `Workspace scan cancelled after ${summary.files} / ${total ?? '?'} files (${findings} so far) in ${seconds} s.`
      : `Workspace scan: ${files}, ${findings}${skipped}, ${seconds} s.`;
    this.channel().info(line);
  }

  dispose(): void {
    this.running?.source.cancel();
    clearTimeout(this.eventTimer);
    this.events.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

/**
 * Reads a candidate: its text, a file-too-large finding (without reading it), or undefined when it
 * is gone, unreadable or binary.
 */
async function readCandidate(
  uri: vscode.Uri,
  maxFileSize: number,
  decoder: { decode(bytes: Uint8Array): string },
): Promise<string | Finding | undefined> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type & vscode.FileType.Directory) return undefined;
    const tooLarge = tooLargeMessage('', maxFileSize, stat.size);
    if (tooLarge) return fileTooLargeFinding(fileOf(uri), tooLarge);
    const bytes = await vscode.workspace.fs.readFile(uri);
    if (bytes.subarray(0, 8192).includes(0)) return undefined;
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

/** CloudFormation files one by one, Terraform grouped by directory; in path order. */
function groupJobs(uris: vscode.Uri[]): Job[] {
  const jobs: Job[] = [];
  const modules = new Map<string, Job>();
  for (const uri of uris) {
    const kind = sourceKindOf(uri.path);
    if (kind === 'cloudformation') jobs.push({ kind, key: fileOf(uri), uris: [uri] });
    else if (kind === 'terraform') {
      const dir = moduleDirOf(fileOf(uri));
      let job = modules.get(dir);
      if (!job) {
        job = { kind, key: dir, uris: [] };
        modules.set(dir, job);
        jobs.push(job);
      }
      job.uris.push(uri);
    }
  }
  return jobs;
}

async function isDirectory(uri: vscode.Uri): Promise<boolean> {
  try {
    return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory) !== 0;
  } catch {
    return false;
  }
}

function isOpen(uri: vscode.Uri): boolean {
  const key = uri.toString();
  return vscode.workspace.textDocuments.some((d) => d.uri.toString() === key);
}

function yieldToEditor(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
