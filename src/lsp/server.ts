/**
 * `srlens lsp --stdio`: the language server, for any editor that speaks the Language Server
 * Protocol. It runs the same engine and the same feature code (src/features/) as the VS Code
 * extension; this file only speaks the protocol:
 *
 * - diagnostics as you type (debounced by `srlens.diagnostics.debounce`): pushed, or pulled
 *   (`textDocument/diagnostic`, `workspace/diagnostic`) by clients that declare pull support;
 * - hovers (the ownership summary and table as markdown, template text escaped), CodeLens;
 * - code actions: each finding's quick fix, a suppression whose reason the user writes next to it
 *   (the protocol has no input box; `workspace/executeCommand srlens.suppress` takes a `reason`),
 *   and `source.fixAll.srlens`. Clients without code action literals get commands instead;
 * - the workspace scan (every CloudFormation and Terraform file of the workspace, as the CLI finds
 *   them), `.srlens.yaml` merged with the `srlens.*` settings (`workspace/configuration` when the
 *   client has it, else `initializationOptions` and `workspace/didChangeConfiguration`), and
 *   watched files: a changed var file or called module re-analyses the modules that read it.
 *
 * A client that declares no capabilities at all gets every default: push diagnostics, markdown
 * hovers, commands for code actions, settings from `initializationOptions`.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  CodeActionKind,
  CodeLensRefreshRequest,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  FileChangeType,
  MarkupKind,
  ProposedFeatures,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type ClientCapabilities,
  type CodeAction,
  type CodeLens,
  type Command,
  type Connection,
  type Diagnostic,
  type Hover,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analyzer, type Analysis, type SourceFile } from '../engine/analyzer';
import { ruleMetadata } from '../engine/catalog';
import { CONFIG_FILE_NAME, DEFAULT_CONFIG, parseConfig, type SrlensConfig } from '../engine/config';
import { mergeConfig } from '../engine/effective-config';
import type { Finding } from '../engine/finding';
import { fixAllInFile } from '../engine/fix-all';
import { fileTooLargeFinding } from '../engine/limits';
import { describeRuleCrash } from '../engine/rule-error';
import { pendingSuppressionEdits, suppressionEdits } from '../engine/suppression-edits';
import type { TextEdit } from '../fixes/types';
import { moduleDirOf, sourceKindOf } from '../iac/detect';
import type { Range, Severity } from '../iac/model';
import { FIX_ALL_TITLE, findingAt, planCodeActions } from '../features/code-actions';
import { resourceLenses, SHOW_MATRIX_COMMAND } from '../features/code-lens';
import {
  findingsInFile,
  isTerraformDependency,
  resourcesInFile,
  tooLargeMessage,
  visibleFindings,
} from '../features/document';
import { hoverAt } from '../features/hover';
import { withoutCommandLinks } from '../features/markdown';
import { normaliseSettings, SETTINGS_SECTION, type SrlensSettings } from '../features/settings';
import { collectFiles } from '../cli/files';
import { SOURCE, toLspDiagnostic, toLspRange, toWorkspaceEdit } from './convert';
import { fileOfUri, ServerFiles } from './files';

export const APPLY_FIX_COMMAND = 'srlens.applyFix';
export const SUPPRESS_COMMAND = 'srlens.suppress';
export const FIX_ALL_COMMAND = 'srlens.fixAll';
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.srlens`;
const COMMANDS = [APPLY_FIX_COMMAND, SUPPRESS_COMMAND, FIX_ALL_COMMAND, SHOW_MATRIX_COMMAND];

interface DocumentResult {
  analysis: Analysis;
  /** Files the analysis covers (the document, or every `.tf` file of its module). */
  files: string[];
  version: number;
}

interface ApplyFixArgs {
  uri: string;
  version: number;
  ruleId: string;
  range: Range;
}

interface SuppressArgs {
  uri: string;
  ruleId: string;
  resource: string;
  /** Without one, the suppression is written for the user to add the reason. */
  reason?: string;
}

/** What the client can do, read once from `initialize`; anything it does not declare is off. */
interface ClientSupport {
  pullDiagnostics: boolean;
  diagnosticRefresh: boolean;
  codeLensRefresh: boolean;
  codeActionLiterals: boolean;
  documentChanges: boolean;
  configuration: boolean;
  configurationRegistration: boolean;
  watchedFilesRegistration: boolean;
  markdownHover: boolean;
  applyEdit: boolean;
}

function clientSupport(caps: ClientCapabilities): ClientSupport {
  const hoverFormats = caps.textDocument?.hover?.contentFormat;
  return {
    pullDiagnostics: caps.textDocument?.diagnostic !== undefined,
    diagnosticRefresh: caps.workspace?.diagnostics?.refreshSupport === true,
    codeLensRefresh: caps.workspace?.codeLens?.refreshSupport === true,
    codeActionLiterals: caps.textDocument?.codeAction?.codeActionLiteralSupport !== undefined,
    documentChanges: caps.workspace?.workspaceEdit?.documentChanges === true,
    configuration: caps.workspace?.configuration === true,
    configurationRegistration: caps.workspace?.didChangeConfiguration?.dynamicRegistration === true,
    watchedFilesRegistration: caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    // Markdown unless the client lists the formats it takes and markdown is not among them.
    markdownHover: !hoverFormats || hoverFormats.length === 0 || hoverFormats.includes(MarkupKind.Markdown),
    applyEdit: caps.workspace?.applyEdit !== false,
  };
}

/** A `srlens.<key>` value from the settings object a client sends: nested (`{ diagnostics: { debounce } }`) or flat. */
function settingOf(raw: unknown, key: string): unknown {
  if (!raw || typeof raw !== 'object') return undefined;
  const record = raw as Record<string, unknown>;
  if (key in record) return record[key];
  let value: unknown = raw;
  for (const part of key.split('.')) {
    if (!value || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** The `srlens` section of what a client sends as settings (`{ srlens: {…} }` or the section itself). */
function sectionOf(raw: unknown): unknown {
  if (raw && typeof raw === 'object' && SETTINGS_SECTION in raw)
    return (raw as Record<string, unknown>)[SETTINGS_SECTION];
  return raw;
}

/** Whether an action of kind `kind` answers a request for `requested` (a kind covers the kinds under it). */
function kindMatches(kind: string, requested: readonly string[] | undefined): boolean {
  return !requested || requested.some((r) => kind === r || kind.startsWith(`${r}.`));
}

export class SrlensLanguageServer {
  readonly documents = new TextDocuments(TextDocument);
  private readonly files = new ServerFiles(this.documents);
  private readonly analyzer: Analyzer;
  private support: ClientSupport = clientSupport({});
  private rawSettings: unknown;
  private settings: SrlensSettings = normaliseSettings(() => undefined, undefined);
  private fileConfig: SrlensConfig = DEFAULT_CONFIG;
  private minimumSeverity: Severity = 'info';
  private configFindings: Finding[] = [];
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly dependencyTimers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Files of the workspace that are not open, with their findings from the workspace scan. */
  private readonly workspaceFindings = new Map<string, Finding[]>();
  /** URIs this server has pushed diagnostics to, so that turning things off clears them. */
  private readonly published = new Set<string>();
  private markReady!: () => void;
  /** Resolves once the configuration is known; requests wait for it. */
  private readonly ready = new Promise<void>((resolve) => (this.markReady = resolve));
  private scanning: Promise<void> = Promise.resolve();
  private scanGeneration = 0;

  constructor(private readonly connection: Connection) {
    this.analyzer = new Analyzer({
      onRuleError: (crash) => connection.console.error(describeRuleCrash(crash)),
      terraform: this.files.terraformHost(),
    });
    connection.onInitialize((params) => this.initialize(params));
    connection.onInitialized(() => void this.initialized());
    connection.onDidChangeConfiguration((params) => {
      this.rawSettings = sectionOf(params.settings);
      void this.reloadConfiguration();
    });
    connection.onDidChangeWatchedFiles((params) => this.watchedFilesChanged(params.changes));
    connection.onHover((params) => this.hover(params.textDocument.uri, params.position));
    connection.onCodeLens((params) => this.codeLenses(params.textDocument.uri));
    connection.onCodeAction((params) => this.codeActions(params.textDocument.uri, params.range, params.context));
    connection.onExecuteCommand((params) => this.executeCommand(params.command, params.arguments ?? []));
    connection.languages.diagnostics.on(async (params) => ({
      kind: DocumentDiagnosticReportKind.Full,
      items: await this.pullDiagnostics(params.textDocument.uri),
    }));
    connection.languages.diagnostics.onWorkspace(async () => {
      await this.ready;
      await this.scanning;
      return {
        items: [...this.workspaceFindings]
          .filter(([file]) => !this.files.openDocument(file))
          .map(([file, findings]) => ({
            kind: DocumentDiagnosticReportKind.Full,
            uri: this.files.uriOf(file),
            version: null,
            items: this.diagnosticsOf(findings),
          })),
      };
    });

    const seen = new Set<string>();
    this.documents.onDidChangeContent(({ document }) => {
      const first = !seen.has(document.uri);
      seen.add(document.uri);
      this.schedule(document, first ? 0 : this.settings.debounceMs);
      this.dependencyEdited(document);
    });
    this.documents.onDidClose(({ document }) => {
      seen.delete(document.uri);
      clearTimeout(this.timers.get(document.uri));
      this.timers.delete(document.uri);
      const file = fileOfUri(document.uri);
      // Closed unsaved: what counts is on disk again.
      if (isTerraformDependency(file)) this.dependencyChanged(file);
      if (sourceKindOf(file) !== 'cloudformation') return;
      if (!this.support.pullDiagnostics) this.publish(document.uri, []);
      if (this.settings.workspaceScan && this.files.inWorkspace(file)) void this.scanTemplate(file);
    });
    this.documents.listen(connection);
  }

  // --- lifecycle ----------------------------------------------------------------------------------

  private initialize(params: InitializeParams): InitializeResult {
    // A client that sends no capabilities at all gets the defaults.
    this.support = clientSupport((params.capabilities as ClientCapabilities | undefined) ?? {});
    this.rawSettings = sectionOf(params.initializationOptions);
    const roots = (params.workspaceFolders ?? []).map((f) => fileOfUri(f.uri));
    if (roots.length === 0 && params.rootUri) roots.push(fileOfUri(params.rootUri));
    if (roots.length === 0 && params.rootPath) roots.push(params.rootPath);
    // No workspace named: the folder the server runs in, as `srlens scan` with no path.
    this.files.roots = (roots.length > 0 ? roots : [process.cwd()]).filter((r) => path.isAbsolute(r));
    const result: InitializeResult = {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        codeLensProvider: { resolveProvider: false },
        codeActionProvider: this.support.codeActionLiterals
          ? { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] }
          : true,
        executeCommandProvider: { commands: COMMANDS },
      },
      serverInfo: { name: 'srlens' },
    };
    if (this.support.pullDiagnostics)
      result.capabilities.diagnosticProvider = {
        identifier: SOURCE,
        interFileDependencies: true,
        workspaceDiagnostics: true,
      };
    return result;
  }

  private async initialized(): Promise<void> {
    if (this.support.watchedFilesRegistration)
      void this.connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [
          { globPattern: '**/*.{tf,tfvars,tfvars.json}' },
          { globPattern: `**/${CONFIG_FILE_NAME}` },
          { globPattern: '**/*.{yaml,yml,json,template}' },
        ],
      });
    if (this.support.configuration && this.support.configurationRegistration)
      void this.connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
    await this.loadConfiguration();
    this.markReady();
    for (const doc of this.documents.all()) this.schedule(doc, 0);
    this.scanWorkspace();
  }

  // --- configuration ------------------------------------------------------------------------------

  private async loadConfiguration(): Promise<void> {
    let raw = this.rawSettings;
    if (this.support.configuration) {
      try {
        raw = await this.connection.workspace.getConfiguration({ section: SETTINGS_SECTION });
      } catch {
        raw = this.rawSettings;
      }
    }
    this.settings = normaliseSettings((key) => settingOf(raw, key), settingOf(raw, 'diagnostics.minimumSeverity'));
    const varFiles = settingOf(raw, 'terraform.varFiles');
    this.files.varFiles = Array.isArray(varFiles) ? varFiles.filter((v): v is string => typeof v === 'string') : [];
    this.loadConfigFile();
    const effective = mergeConfig(this.fileConfig, this.settings);
    this.minimumSeverity = effective.minimumSeverity;
    this.analyzer.setConfig(effective);
  }

  /** `.srlens.yaml` at the root of the first workspace folder; its problems are diagnostics on it. */
  private loadConfigFile(): void {
    const root = this.files.roots.at(0);
    const file = root ? path.join(root, CONFIG_FILE_NAME) : undefined;
    const text = file ? this.files.read(file) : undefined;
    if (!file || text === undefined) {
      this.fileConfig = DEFAULT_CONFIG;
      this.configFindings = [];
      return;
    }
    const { config, findings } = parseConfig(file, text, new Set(ruleMetadata().map((r) => r.id)));
    this.fileConfig = config;
    this.configFindings = findings;
    if (!this.support.pullDiagnostics)
      this.publish(
        this.files.uriOf(file),
        findings.map((f) => this.toDiagnostic(f)),
      );
  }

  private async reloadConfiguration(): Promise<void> {
    await this.ready;
    await this.loadConfiguration();
    this.refreshAll();
  }

  /** After a change of configuration: everything is analysed and shown again. */
  private refreshAll(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    if (!this.settings.enable) {
      for (const uri of this.published) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
      this.published.clear();
      this.workspaceFindings.clear();
    } else {
      for (const doc of this.documents.all()) this.schedule(doc, 0);
      this.scanWorkspace();
    }
    if (this.support.pullDiagnostics && this.support.diagnosticRefresh) this.connection.languages.diagnostics.refresh();
    if (this.support.codeLensRefresh)
      void this.connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
  }

  /** Read again after an await: the settings may have changed meanwhile. */
  private enabled(): boolean {
    return this.settings.enable;
  }

  // --- analysis -----------------------------------------------------------------------------------

  private async analyze(doc: TextDocument): Promise<DocumentResult | undefined> {
    const file = fileOfUri(doc.uri);
    const kind = sourceKindOf(file);
    if (!kind || path.basename(file) === CONFIG_FILE_NAME) return undefined;
    const version = doc.version;
    if (kind === 'cloudformation')
      return { analysis: this.analyzer.analyzeCloudFormation(file, doc.getText()), files: [file], version };
    const dir = moduleDirOf(file);
    const files = this.files.moduleFiles(dir, file);
    const analysis = await this.analyzer.analyzeTerraformModule(dir, files);
    return { analysis, files: files.map((f) => f.path), version };
  }

  /** The document's analysis if it is current, else undefined. */
  private async current(uri: string): Promise<{ doc: TextDocument; result: DocumentResult } | undefined> {
    await this.ready;
    const doc = this.documents.get(uri);
    if (!doc || !this.settings.enable || tooLargeMessage(doc.getText(), this.settings.maxFileSize)) return undefined;
    const result = await this.analyze(doc);
    if (!result || this.documents.get(uri)?.version !== result.version) return undefined;
    return { doc, result };
  }

  private toDiagnostic(finding: Finding): Diagnostic {
    return toLspDiagnostic(finding, (file) => this.files.uriOf(file));
  }

  private diagnosticsOf(findings: readonly Finding[]): Diagnostic[] {
    return visibleFindings(findings, this.minimumSeverity).map((f) => this.toDiagnostic(f));
  }

  // --- diagnostics --------------------------------------------------------------------------------

  /** Pushes a file's diagnostics; `version` is the open document's they were computed for. */
  private publish(uri: string, diagnostics: Diagnostic[], version?: number): void {
    if (diagnostics.length > 0) this.published.add(uri);
    else this.published.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics, version });
  }

  private schedule(doc: TextDocument, delay: number): void {
    if (this.support.pullDiagnostics) return;
    if (!sourceKindOf(fileOfUri(doc.uri))) return;
    const uri = doc.uri;
    clearTimeout(this.timers.get(uri));
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.ready.then(() => this.update(uri));
      }, delay),
    );
  }

  /** Pushes the diagnostics of an open document (and, for Terraform, of every file of its module). */
  private async update(uri: string): Promise<void> {
    const doc = this.documents.get(uri);
    if (!doc || !this.settings.enable) return;
    const file = fileOfUri(uri);
    const tooLarge = tooLargeMessage(doc.getText(), this.settings.maxFileSize);
    if (tooLarge) return this.publish(uri, this.diagnosticsOf([fileTooLargeFinding(file, tooLarge)]), doc.version);
    const result = await this.analyze(doc);
    // Results computed for an older version of the document are dropped.
    if (!result || this.documents.get(uri)?.version !== result.version || !this.enabled()) return;
    for (const each of result.files) {
      const findings = findingsInFile(result.analysis, each);
      if (!this.files.openDocument(each)) this.workspaceFindings.set(each, findings);
      const eachUri = this.files.uriOf(each);
      this.publish(eachUri, this.diagnosticsOf(findings), this.documents.get(eachUri)?.version);
    }
  }

  private async pullDiagnostics(uri: string): Promise<Diagnostic[]> {
    await this.ready;
    if (!this.settings.enable) return [];
    const file = fileOfUri(uri);
    if (path.basename(file) === CONFIG_FILE_NAME) return this.configFindings.map((f) => this.toDiagnostic(f));
    const doc = this.documents.get(uri);
    if (!doc) return this.diagnosticsOf(this.workspaceFindings.get(file) ?? []);
    const tooLarge = tooLargeMessage(doc.getText(), this.settings.maxFileSize);
    if (tooLarge) return this.diagnosticsOf([fileTooLargeFinding(file, tooLarge)]);
    const result = await this.analyze(doc);
    return result ? this.diagnosticsOf(findingsInFile(result.analysis, file)) : [];
  }

  // --- the workspace ------------------------------------------------------------------------------

  /** Analyses every CloudFormation and Terraform file of the workspace that is not open (as `srlens scan` finds them). */
  private scanWorkspace(): void {
    const generation = ++this.scanGeneration;
    this.scanning = this.scanning.then(async () => {
      if (generation !== this.scanGeneration) return;
      if (!this.settings.enable || !this.settings.workspaceScan) {
        for (const file of this.workspaceFindings.keys())
          if (!this.support.pullDiagnostics) this.publish(this.files.uriOf(file), []);
        this.workspaceFindings.clear();
        return;
      }
      const roots = this.files.roots.filter((r) => existsSync(r));
      const collected = collectFiles(roots, { exclude: this.fileConfig.exclude, root: roots.at(0) });
      const modules = new Set<string>();
      for (const file of collected.files) {
        if (generation !== this.scanGeneration) return;
        if (this.files.openDocument(file)) continue;
        if (sourceKindOf(file) === 'terraform') modules.add(moduleDirOf(file));
        else await this.scanTemplate(file);
      }
      for (const dir of modules) {
        if (generation !== this.scanGeneration) return;
        await this.scanModule(dir);
      }
    });
  }

  private async scanTemplate(file: string): Promise<void> {
    if (this.files.openDocument(file)) return;
    let size: number;
    try {
      size = statSync(file).size;
    } catch {
      return this.setWorkspaceFindings(file, undefined);
    }
    const tooLarge = tooLargeMessage('', this.settings.maxFileSize, size);
    if (tooLarge) return this.setWorkspaceFindings(file, [fileTooLargeFinding(file, tooLarge)]);
    const text = this.files.read(file);
    if (text === undefined) return this.setWorkspaceFindings(file, undefined);
    const analysis = this.analyzer.analyzeCloudFormation(file, text);
    this.setWorkspaceFindings(file, findingsInFile(analysis, file));
    await new Promise((resolve) => setImmediate(resolve));
  }

  private async scanModule(dir: string): Promise<void> {
    const files: SourceFile[] = this.files.moduleFiles(dir);
    // An open file of the module: its live diagnostics cover the module.
    if (files.some((f) => this.files.openDocument(f.path))) return;
    const analysis = await this.analyzer.analyzeTerraformModule(dir, files);
    for (const f of files) this.setWorkspaceFindings(f.path, findingsInFile(analysis, f.path));
    await new Promise((resolve) => setImmediate(resolve));
  }

  private setWorkspaceFindings(file: string, findings: Finding[] | undefined): void {
    if (findings) this.workspaceFindings.set(file, findings);
    else this.workspaceFindings.delete(file);
    if (!this.support.pullDiagnostics) this.publish(this.files.uriOf(file), this.diagnosticsOf(findings ?? []));
  }

  /** Files created, changed or deleted on disk (the client's file watcher). */
  private watchedFilesChanged(changes: readonly { uri: string; type: FileChangeType }[]): void {
    let config = false;
    const dirs = new Set<string>();
    const templates: string[] = [];
    for (const change of changes) {
      const file = fileOfUri(change.uri);
      if (path.basename(file) === CONFIG_FILE_NAME) {
        config = true;
        continue;
      }
      if (isTerraformDependency(file)) {
        for (const dir of this.analyzer.forgetTerraformDependents(file)) dirs.add(dir);
        if (sourceKindOf(file) === 'terraform') {
          this.analyzer.forget(file);
          dirs.add(moduleDirOf(file));
          if (change.type === FileChangeType.Deleted) this.setWorkspaceFindings(file, undefined);
        }
      } else if (sourceKindOf(file) === 'cloudformation' && !this.files.openDocument(file)) {
        this.analyzer.forget(file);
        if (change.type === FileChangeType.Deleted) this.setWorkspaceFindings(file, undefined);
        else templates.push(file);
      }
    }
    void this.ready.then(() => {
      if (config) return this.reloadConfiguration();
      this.reanalyseModules(dirs);
      if (this.settings.enable && this.settings.workspaceScan)
        for (const file of templates) if (this.files.inWorkspace(file)) void this.scanTemplate(file);
    });
  }

  /** Var files and called modules typed into: the modules that read them, once the typing pauses. */
  private dependencyEdited(doc: TextDocument): void {
    const file = fileOfUri(doc.uri);
    if (!isTerraformDependency(file)) return;
    clearTimeout(this.dependencyTimers.get(file));
    this.dependencyTimers.set(
      file,
      setTimeout(() => {
        this.dependencyTimers.delete(file);
        this.dependencyChanged(file);
      }, this.settings.debounceMs),
    );
  }

  private dependencyChanged(file: string): void {
    this.reanalyseModules(new Set(this.analyzer.forgetTerraformDependents(file)));
  }

  /** Analyses Terraform modules again: open ones through their live diagnostics, the others through the workspace scan. */
  private reanalyseModules(dirs: ReadonlySet<string>): void {
    if (dirs.size === 0 || !this.settings.enable) return;
    for (const dir of dirs) {
      const open = this.documents
        .all()
        .find((d) => sourceKindOf(fileOfUri(d.uri)) === 'terraform' && moduleDirOf(fileOfUri(d.uri)) === dir);
      if (open) this.schedule(open, 0);
      else if (this.settings.workspaceScan && this.files.inWorkspace(dir)) void this.scanModule(dir);
    }
    if (this.support.pullDiagnostics && this.support.diagnosticRefresh) this.connection.languages.diagnostics.refresh();
  }

  // --- hover and CodeLens -------------------------------------------------------------------------

  private async hover(uri: string, position: { line: number; character: number }): Promise<Hover | null> {
    const current = await this.current(uri);
    if (!current) return null;
    const found = hoverAt(current.result.analysis, fileOfUri(uri), position, this.minimumSeverity);
    if (!found) return null;
    return {
      contents: {
        kind: this.support.markdownHover ? MarkupKind.Markdown : MarkupKind.PlainText,
        value: withoutCommandLinks(found.markdown),
      },
      range: toLspRange(found.range),
    };
  }

  private async codeLenses(uri: string): Promise<CodeLens[]> {
    await this.ready;
    if (!this.settings.codeLens || this.settings.codeLensShow === 'off') return [];
    const current = await this.current(uri);
    if (!current) return [];
    const lenses = resourceLenses(
      current.result.analysis,
      fileOfUri(uri),
      this.minimumSeverity,
      this.settings.codeLensShow,
    );
    return lenses.map((lens) => ({
      range: { start: { line: lens.line, character: 0 }, end: { line: lens.line, character: 0 } },
      command: { title: lens.title, command: SHOW_MATRIX_COMMAND, arguments: [lens.args] },
    }));
  }

  // --- code actions -------------------------------------------------------------------------------

  private async codeActions(
    uri: string,
    range: Range,
    context: { diagnostics: Diagnostic[]; only?: string[] },
  ): Promise<(CodeAction | Command)[]> {
    const current = await this.current(uri);
    if (!current) return [];
    const { doc, result } = current;
    const file = fileOfUri(uri);
    const literals = this.support.codeActionLiterals;
    const actions: (CodeAction | Command)[] = [];

    if (kindMatches(CodeActionKind.QuickFix, context.only)) {
      const ours = context.diagnostics.filter((d) => d.source === SOURCE);
      const plan = planCodeActions(
        this.analyzer,
        result.analysis,
        file,
        ours.map((d) => ({ ruleId: d.code === undefined ? undefined : String(d.code), range: d.range })),
        range.start,
      );
      for (const { diagnostic, finding, fix, preferred } of plan.fixes) {
        const args: ApplyFixArgs = { uri, version: doc.version, ruleId: finding.ruleId, range: finding.range };
        actions.push(
          literals
            ? {
                title: fix.title,
                kind: CodeActionKind.QuickFix,
                diagnostics: [ours[diagnostic]],
                isPreferred: preferred || undefined,
                edit: this.workspaceEdit(fix.edits),
              }
            : { title: fix.title, command: APPLY_FIX_COMMAND, arguments: [args] },
        );
      }
      const resources = resourcesInFile(result.analysis, file);
      for (const { diagnostic, finding, title } of plan.suppressions) {
        const resource = resources.find((r) => r.resource.id === finding.resource)?.resource;
        if (!resource) continue;
        const label = `${title.replace(/…$/, '')}: write the reason next to it`;
        const args: SuppressArgs = { uri, ruleId: finding.ruleId, resource: finding.resource };
        if (!literals) {
          actions.push({ title: label, command: SUPPRESS_COMMAND, arguments: [args] });
          continue;
        }
        const edits = pendingSuppressionEdits(resource, finding.ruleId, doc.getText());
        if ('error' in edits) continue;
        actions.push({
          title: label,
          kind: CodeActionKind.QuickFix,
          diagnostics: [ours[diagnostic]],
          edit: this.workspaceEdit(edits.edits),
        });
      }
    }

    // Fix all only when asked for by kind (on save, or a source action menu): it analyses repeatedly.
    if (context.only && kindMatches(FIX_ALL_KIND, context.only)) {
      if (!literals) actions.push({ title: FIX_ALL_TITLE, command: FIX_ALL_COMMAND, arguments: [{ uri }] });
      else {
        const edits = await this.fixAllEdits(doc);
        if (edits && edits.length > 0)
          actions.push({ title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, edit: this.workspaceEdit(edits) });
      }
    }
    return actions;
  }

  private workspaceEdit(edits: readonly TextEdit[]): WorkspaceEdit {
    return toWorkspaceEdit(
      edits,
      (file) => this.files.uriOf(file),
      (uri) => this.documents.get(uri)?.version ?? null,
      this.support.documentChanges,
    );
  }

  /**
   * Every auto-fix of a document applied one at a time on the text in memory (engine/fix-all.ts);
   * undefined when the document (or another open file of its module) changed meanwhile.
   */
  private async fixAllEdits(doc: TextDocument): Promise<TextEdit[] | undefined> {
    const result = await this.analyze(doc);
    if (!result || result.version !== doc.version) return undefined;
    const file = fileOfUri(doc.uri);
    if (!result.analysis.findings.some((f) => f.file === file && f.fixable)) return [];
    const files = result.files
      .map((p) => ({ path: p, text: this.files.read(p) }))
      .filter((f): f is SourceFile => f.text !== undefined);
    const versions = this.documents.all().map((d) => [d.uri, d.version] as const);
    const changed = () => versions.some(([uri, version]) => this.documents.get(uri)?.version !== version);
    const fixed = await fixAllInFile(this.analyzer, file, files, { isCancelled: changed });
    return changed() || fixed.cancelled ? undefined : fixed.edits;
  }

  // --- commands -----------------------------------------------------------------------------------

  private async executeCommand(command: string, args: unknown[]): Promise<unknown> {
    await this.ready;
    const arg = (args[0] ?? {}) as Record<string, unknown>;
    switch (command) {
      case APPLY_FIX_COMMAND:
        return this.applyFix(arg as unknown as ApplyFixArgs);
      case SUPPRESS_COMMAND:
        return this.suppress(arg as unknown as SuppressArgs);
      case FIX_ALL_COMMAND: {
        const doc = typeof arg.uri === 'string' ? this.documents.get(arg.uri) : undefined;
        const edits = doc ? await this.fixAllEdits(doc) : undefined;
        if (!edits || edits.length === 0) return false;
        return this.apply(edits);
      }
      case SHOW_MATRIX_COMMAND: {
        // The matrix is a VS Code view; other editors get the lens's words as a message.
        const file = typeof arg.file === 'string' ? arg.file : '';
        const doc = this.files.openDocument(file);
        const current = doc ? await this.current(doc.uri) : undefined;
        const lens = current
          ? resourceLenses(current.result.analysis, file, this.minimumSeverity, 'all').find(
              (l) => l.args.resource === arg.resource,
            )
          : undefined;
        if (lens) void this.connection.window.showInformationMessage(lens.tooltip);
        return lens !== undefined;
      }
      default:
        return undefined;
    }
  }

  private async apply(edits: readonly TextEdit[]): Promise<boolean> {
    if (!this.support.applyEdit) return false;
    const response = await this.connection.workspace.applyEdit(this.workspaceEdit(edits));
    return response.applied;
  }

  /** Builds the fix from the current analysis, unless the document is no longer the version it was offered for. */
  private async applyFix(args: ApplyFixArgs): Promise<boolean> {
    if (typeof args.uri !== 'string' || typeof args.version !== 'number') return false;
    const current = await this.current(args.uri);
    if (!current || current.doc.version !== args.version) {
      void this.connection.window.showWarningMessage(
        'The file changed after this fix was offered, so it was not applied. Ask for the quick fix again.',
      );
      return false;
    }
    const finding = findingAt(current.result.analysis, fileOfUri(args.uri), args.ruleId, args.range);
    const fix = finding?.fixable ? this.analyzer.fixFor(finding) : undefined;
    return fix ? this.apply(fix.edits) : false;
  }

  /** Records a suppression: with the reason given, or written for the user to complete. */
  private async suppress(args: SuppressArgs): Promise<boolean> {
    if (typeof args.uri !== 'string' || typeof args.ruleId !== 'string' || typeof args.resource !== 'string')
      return false;
    const current = await this.current(args.uri);
    if (!current) return false;
    const target = resourcesInFile(current.result.analysis, fileOfUri(args.uri)).find(
      (r) => r.resource.id === args.resource,
    );
    if (!target) return false;
    const text = current.doc.getText();
    const computed =
      typeof args.reason === 'string'
        ? suppressionEdits(target.resource, args.ruleId, args.reason, text)
        : pendingSuppressionEdits(target.resource, args.ruleId, text);
    if ('error' in computed) {
      void this.connection.window.showErrorMessage(computed.error);
      return false;
    }
    return this.apply(computed.edits);
  }
}

/** Starts the server on a connection (tests pass their own). */
export function startServer(connection: Connection): SrlensLanguageServer {
  const server = new SrlensLanguageServer(connection);
  connection.listen();
  return server;
}

/**
 * `srlens lsp --stdio`. Resolves only when the connection ends: the client's `exit` ends the
 * process (0 after `shutdown`, else 1), and so does the end of standard input.
 */
export function runLanguageServer(args: string[], io: { stderr(text: string): void }): Promise<number> {
  const other = args.find((a) => a !== '--stdio');
  if (other !== undefined) {
    io.stderr(`srlens: lsp speaks over standard input and output only: run 'srlens lsp --stdio' (got '${other}').`);
    return Promise.resolve(2);
  }
  startServer(createConnection(ProposedFeatures.all, process.stdin, process.stdout));
  return new Promise<number>(() => undefined);
}
