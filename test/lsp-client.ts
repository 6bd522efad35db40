/**
 * A language client for tests and the benchmark: starts `srlens lsp --stdio` (dist/cli.js) in a
 * folder and speaks the protocol with vscode-languageserver's own client side, answering the
 * server's requests (configuration, registrations, workspace edits) as an editor would, and
 * recording what it is sent.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ApplyWorkspaceEditRequest,
  CodeLensRefreshRequest,
  ConfigurationRequest,
  DiagnosticRefreshRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowMessageNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
  type ClientCapabilities,
  type Diagnostic,
  type InitializeResult,
  type ProtocolConnection,
  type Registration,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';

export const CLI = path.resolve('dist/cli.js');

export function uriOf(file: string): string {
  return pathToFileURL(file).href;
}

export interface StartOptions {
  capabilities?: ClientCapabilities;
  initializationOptions?: unknown;
  /** The `srlens` section answered to `workspace/configuration`. */
  settings?: unknown;
}

export class LspClient {
  readonly diagnostics = new Map<string, Diagnostic[]>();
  readonly registrations: Registration[] = [];
  readonly appliedEdits: WorkspaceEdit[] = [];
  readonly messages: string[] = [];
  readonly configurationRequests: unknown[] = [];
  refreshes = 0;
  settings: unknown;
  initializeResult!: InitializeResult;
  private readonly waiters: (() => void)[] = [];
  private versions = new Map<string, number>();

  private constructor(
    readonly process: ChildProcess,
    readonly connection: ProtocolConnection,
  ) {}

  static async start(root: string, options: StartOptions = {}): Promise<LspClient> {
    const child = spawn(process.execPath, [CLI, 'lsp', '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(
      new StreamMessageReader(child.stdout!),
      new StreamMessageWriter(child.stdin!),
    );
    const client = new LspClient(child, connection);
    client.settings = options.settings;
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      client.diagnostics.set(params.uri, params.diagnostics);
      client.notify();
    });
    connection.onNotification(ShowMessageNotification.type, (params) => {
      client.messages.push(params.message);
      client.notify();
    });
    connection.onRequest(ConfigurationRequest.type, (params) => {
      client.configurationRequests.push(params);
      return params.items.map((item) => (item.section === 'srlens' ? client.settings : null));
    });
    connection.onRequest(RegistrationRequest.type, (params) => {
      client.registrations.push(...params.registrations);
      client.notify();
    });
    connection.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
      client.appliedEdits.push(params.edit);
      client.notify();
      return { applied: true };
    });
    connection.onRequest(DiagnosticRefreshRequest.type, () => {
      client.refreshes++;
      client.notify();
    });
    connection.onRequest(CodeLensRefreshRequest.type, () => undefined);
    connection.listen();
    client.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: uriOf(root),
      capabilities: options.capabilities ?? {},
      initializationOptions: options.initializationOptions,
      workspaceFolders: null,
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  private notify(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }

  /** Resolves when `check` returns a value other than undefined, checked after every message; rejects after `ms`. */
  async until<T>(what: string, check: () => T | undefined, ms = 15000): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const value = check();
      if (value !== undefined) return value;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 250));
        this.waiters.push(() => (clearTimeout(timer), resolve()));
      });
    }
  }

  /** The diagnostics of `uri` once they satisfy `accept` (by default: once any arrive). */
  diagnosticsOf(uri: string, accept: (d: Diagnostic[]) => boolean = () => true): Promise<Diagnostic[]> {
    return this.until(`diagnostics of ${uri}`, () => {
      const list = this.diagnostics.get(uri);
      return list && accept(list) ? list : undefined;
    });
  }

  async open(file: string, text: string, languageId = 'yaml'): Promise<string> {
    const uri = uriOf(file);
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version: 1, text },
    });
    return uri;
  }

  /** Replaces the whole text of an open document. */
  async change(uri: string, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
    return version;
  }

  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => {
      if (this.process.exitCode !== null) resolve(this.process.exitCode);
      else this.process.once('exit', (code) => resolve(code));
    });
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      this.process.kill();
    }
    const code = await exited;
    this.connection.dispose();
    return code;
  }
}
