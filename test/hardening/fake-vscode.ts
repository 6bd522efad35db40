/**
 * A small stand-in for the `vscode` module, so unit tests can drive editor features that are
 * pure logic around the API (stale-fix refusal) without a running VS Code. Import it before any
 * `src/vscode/` module: it answers `require('vscode')` from then on. It records what the feature
 * did (edits applied, messages shown, commands registered); anything it does not model is an inert
 * stub. The real API is covered by the integration suite (test/integration/).
 */
import Module from 'node:module';
import path from 'node:path';

export class Uri {
  readonly authority = '';
  readonly query = '';
  readonly fragment = '';
  private constructor(
    readonly scheme: string,
    readonly path: string,
  ) {}
  get fsPath(): string {
    return this.path;
  }
  toString(): string {
    return `${this.scheme}://${this.path}`;
  }
  with(change: { path?: string }): Uri {
    return new Uri(this.scheme, change.path ?? this.path);
  }
  static file(file: string): Uri {
    return new Uri('file', file);
  }
  static from(parts: { scheme: string; path?: string }): Uri {
    return new Uri(parts.scheme, parts.path ?? '');
  }
  static parse(value: string): Uri {
    const match = /^([a-z][a-z0-9+.-]*):\/\/(.*)$/i.exec(value);
    return match ? new Uri(match[1], match[2]) : new Uri('file', value);
  }
  static joinPath(base: Uri, ...parts: string[]): Uri {
    return new Uri(base.scheme, path.posix.join(base.path, ...parts));
  }
}

export class Range {
  readonly start: { line: number; character: number };
  readonly end: { line: number; character: number };
  constructor(startLine: number, startCharacter: number, endLine: number, endCharacter: number) {
    this.start = { line: startLine, character: startCharacter };
    this.end = { line: endLine, character: endCharacter };
  }
}

export class WorkspaceEdit {
  readonly replacements: { uri: Uri; range: Range; newText: string }[] = [];
  replace(uri: Uri, range: Range, newText: string): void {
    this.replacements.push({ uri, range, newText });
  }
}

/** A text document whose text the test changes; every change bumps its version, as in VS Code. */
export class FakeDocument {
  version = 1;
  isClosed = false;
  constructor(
    readonly uri: Uri,
    private text: string,
    readonly languageId = 'yaml',
  ) {}
  getText(): string {
    return this.text;
  }
  setText(text: string): void {
    this.text = text;
    this.version++;
  }
}

interface Kind {
  value: string;
  append(part: string): Kind;
  contains(other: Kind): boolean;
  intersects(other: Kind): boolean;
}
function kind(value: string): Kind {
  return {
    value,
    append: (part) => kind(`${value}.${part}`),
    contains: (other) => other.value === value || other.value.startsWith(`${value}.`),
    intersects: (other) => other.value.startsWith(value) || value.startsWith(other.value),
  };
}

/** What the code under test did through the fake API. */
export const recorded = {
  applied: [] as WorkspaceEdit[],
  warnings: [] as string[],
  infos: [] as string[],
  errors: [] as string[],
  commands: new Map<string, (...args: unknown[]) => unknown>(),
  /** Commands run through `executeCommand`, with their arguments. */
  executed: [] as { command: string; args: unknown[] }[],
  /** Quick picks shown: their items (labels and descriptions) and options. */
  quickPicks: [] as { items: { label: string; description?: string }[]; options: unknown }[],
  /** Text document content providers, by scheme. */
  contentProviders: new Map<string, { provideTextDocumentContent(uri: Uri): string }>(),
  reset(): void {
    this.applied.length = 0;
    this.warnings.length = 0;
    this.infos.length = 0;
    this.errors.length = 0;
    this.executed.length = 0;
    this.quickPicks.length = 0;
  },
};

/** Files on the fake disk (path → text) and open documents. */
export const fakeWorkspace = {
  files: new Map<string, string>(),
  documents: [] as FakeDocument[],
  /** Extensions by id (`vscode.extensions.getExtension`). */
  extensions: new Map<string, unknown>(),
  /** The label a quick pick answers with (undefined: dismissed). */
  quickPickAnswer: undefined as string | undefined,
};

const disposable = { dispose: () => undefined };

class EventEmitter {
  readonly event = () => disposable;
  fire(): void {}
  dispose(): void {}
}

class CodeAction {
  edit?: WorkspaceEdit;
  command?: unknown;
  diagnostics?: unknown[];
  isPreferred?: boolean;
  constructor(
    readonly title: string,
    readonly kind?: Kind,
  ) {}
}

const api = {
  Uri,
  Range,
  Position: class {
    constructor(
      readonly line: number,
      readonly character: number,
    ) {}
  },
  WorkspaceEdit,
  EventEmitter,
  CodeAction,
  CodeActionKind: {
    QuickFix: kind('quickfix'),
    SourceFixAll: kind('source.fixAll'),
    Source: kind('source'),
    Empty: kind(''),
  },
  CodeActionTriggerKind: { Invoke: 1, Automatic: 2 },
  ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
  FileType: { Unknown: 0, File: 1, Directory: 2, SymbolicLink: 64 },
  DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
  languages: { registerCodeActionsProvider: () => disposable },
  commands: {
    registerCommand: (id: string, handler: (...args: unknown[]) => unknown) => {
      recorded.commands.set(id, handler);
      return disposable;
    },
    executeCommand: async (command: string, ...args: unknown[]) => {
      recorded.executed.push({ command, args });
      return undefined;
    },
  },
  extensions: { getExtension: (id: string) => fakeWorkspace.extensions.get(id) },
  window: {
    showWarningMessage: async (message: string) => void recorded.warnings.push(message),
    showInformationMessage: async (message: string) => void recorded.infos.push(message),
    showErrorMessage: async (message: string) => void recorded.errors.push(message),
    showQuickPick: async <T extends { label: string; description?: string }>(items: T[], options: unknown) => {
      recorded.quickPicks.push({ items: items.map((i) => ({ label: i.label, description: i.description })), options });
      return items.find((i) => i.label === fakeWorkspace.quickPickAnswer);
    },
    setStatusBarMessage: () => disposable,
    withProgress: async (_options: unknown, task: (progress: unknown, token: unknown) => unknown) =>
      task({ report: () => undefined }, { isCancellationRequested: false }),
    activeTextEditor: undefined as unknown,
  },
  workspace: {
    get textDocuments() {
      return fakeWorkspace.documents;
    },
    workspaceFolders: [] as { uri: Uri; name: string; index: number }[],
    getWorkspaceFolder: (uri: Uri) =>
      api.workspace.workspaceFolders.find((f) => uri.path === f.uri.path || uri.path.startsWith(`${f.uri.path}/`)),
    asRelativePath: (uri: Uri) => uri.path,
    /** The fake disk's files (any include pattern, no exclusions), as `file:` URIs. */
    findFiles: async () => [...fakeWorkspace.files.keys()].map((file) => Uri.file(file)),
    registerTextDocumentContentProvider: (
      scheme: string,
      provider: { provideTextDocumentContent(uri: Uri): string },
    ) => {
      recorded.contentProviders.set(scheme, provider);
      return disposable;
    },
    applyEdit: async (edit: WorkspaceEdit) => {
      recorded.applied.push(edit);
      return true;
    },
    openTextDocument: async (uri: Uri) => {
      const open = fakeWorkspace.documents.find((d) => d.uri.toString() === uri.toString());
      if (open) return open;
      throw new Error(`not open: ${uri.toString()}`);
    },
    fs: {
      readFile: async (uri: Uri) => {
        const text = fakeWorkspace.files.get(uri.path);
        if (text === undefined) throw new Error(`ENOENT: ${uri.path}`);
        return new TextEncoder().encode(text);
      },
      readDirectory: async (uri: Uri) =>
        [...new Set([...fakeWorkspace.files.keys(), ...fakeWorkspace.documents.map((d) => d.uri.path)])]
          .filter((file) => path.posix.dirname(file) === uri.path)
          .map((file) => [path.posix.basename(file), 1] as [string, number]),
      stat: async () => ({ type: 1, size: 0 }),
    },
    getConfiguration: () => ({ get: () => undefined, inspect: () => undefined }),
    onDidChangeConfiguration: () => disposable,
  },
};

/** Anything else the modules touch when they load is an inert stub. */
function stub(): unknown {
  const fn = () => stub();
  return new Proxy(fn, {
    get: (_target, key) => (key === 'then' ? undefined : stub()),
    construct: () => stub() as object,
  });
}
const fake = new Proxy(api as Record<string | symbol, unknown>, {
  get: (target, key) => (key in target ? target[key] : stub()),
});

const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
const originalLoad = loader._load;
loader._load = function (request: string, ...rest: unknown[]) {
  return request === 'vscode' ? fake : originalLoad.call(this, request, ...rest);
};
