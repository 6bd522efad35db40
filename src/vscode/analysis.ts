/**
 * The latest analysis of each open document, shared by every editor feature (diagnostics, hovers,
 * code actions, CodeLens). The engine caches by text, so asking again for an unchanged document
 * costs nothing; a Terraform document is analysed with its whole module, unsaved editors included.
 */
import * as vscode from 'vscode';
import type { Analysis, Analyzer, SourceFile } from '../engine/analyzer';
import type { Finding } from '../engine/finding';
import { moduleDirOf, sourceKindOf } from '../iac/detect';
import type { IacUnit, Resource } from '../iac/model';
import { fileOf, isWorkspaceUri } from './files';
import { findingsInFile, resourcesInFile } from '../features/document';

export interface DocumentAnalysis {
  uri: vscode.Uri;
  /** The document version the analysis was computed for. */
  version: number;
  /** The whole result: for Terraform, the module the document belongs to. */
  analysis: Analysis;
  /** Files the analysis covers (the document, or every `.tf` file of its module). */
  files: string[];
}

export class DocumentAnalyses {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly lastSeen = new WeakMap<vscode.TextDocument, Analysis>();
  /** The last view of each analysis whose findings are combined with its callers' (see `shown`). */
  private readonly views = new WeakMap<Analysis, Analysis>();
  /**
   * The `.tf` files of each module folder as read from disk, by folder URI, kept once `register`
   * has started watching for the events that make them stale (a file created, changed, deleted,
   * saved or closed in the folder). Without it, every call reads the folder again.
   */
  private diskModules: Map<string, Promise<ListedFile[]>> | undefined;
  /** Fires when a document's analysis is not the one last returned for it (new text or configuration). */
  readonly onDidChange = this.changed.event;

  constructor(readonly analyzer: Analyzer) {}

  /** Starts keeping Terraform module folders read from disk between calls (hovers, CodeLens and keystrokes need not re-read them). */
  register(): vscode.Disposable[] {
    this.diskModules = new Map();
    const forget = (uri: vscode.Uri) => {
      if (sourceKindOf(uri.path) === 'terraform') this.diskModules?.delete(vscode.Uri.joinPath(uri, '..').toString());
    };
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.tf');
    return [
      watcher,
      watcher.onDidCreate(forget),
      watcher.onDidChange(forget),
      watcher.onDidDelete(forget),
      vscode.workspace.onDidSaveTextDocument((doc) => forget(doc.uri)),
      vscode.workspace.onDidCloseTextDocument((doc) => forget(doc.uri)),
      vscode.workspace.onDidRenameFiles((event) =>
        event.files.forEach(({ oldUri, newUri }) => (forget(oldUri), forget(newUri))),
      ),
      vscode.workspace.onDidDeleteFiles((event) => event.files.forEach(forget)),
      vscode.workspace.onDidCreateFiles((event) => event.files.forEach(forget)),
      { dispose: () => (this.diskModules = undefined) },
    ];
  }

  /** Analyses a CloudFormation or Terraform document; undefined for anything else. */
  async analyze(doc: vscode.TextDocument): Promise<DocumentAnalysis | undefined> {
    const kind = sourceKindOf(doc.uri.path);
    if (!isWorkspaceUri(doc.uri) || !kind) return undefined;
    const version = doc.version;
    if (kind === 'cloudformation') {
      const file = fileOf(doc.uri);
      const analysis = this.shown(this.analyzer.analyzeCloudFormation(file, doc.getText()), [file]);
      this.noteResult(doc, analysis);
      return { uri: doc.uri, version, analysis, files: [file] };
    }
    const files = await this.moduleFiles(doc.uri);
    const paths = files.map((f) => f.path);
    const analysis = this.shown(await this.analyzer.analyzeTerraformModule(moduleDirOf(fileOf(doc.uri)), files), paths);
    this.noteResult(doc, analysis);
    return { uri: doc.uri, version, analysis, files: paths };
  }

  /**
   * The analysis with the findings to show: for a called module or a nested template, what its
   * callers make of it (engine/callers.ts). The same object while neither the analysis nor the
   * view changed, so that listeners are not told of a change that is none.
   */
  private shown(analysis: Analysis, files: string[]): Analysis {
    const findings = this.analyzer.findingsToShow(analysis, files);
    if (findings === analysis.findings) return analysis;
    const previous = this.views.get(analysis);
    if (previous && sameFindings(previous.findings, findings)) return previous;
    const view = { ...analysis, findings };
    this.views.set(analysis, view);
    return view;
  }

  /** Cached results are the same object, so only a new analysis fires (no loop with listeners that re-ask). */
  private noteResult(doc: vscode.TextDocument, analysis: Analysis): void {
    if (this.lastSeen.get(doc) === analysis) return;
    const first = !this.lastSeen.has(doc);
    this.lastSeen.set(doc, analysis);
    if (!first) this.changed.fire(doc.uri);
  }

  /** All `.tf` files of the document's directory, taking unsaved editor text over the disk. */
  private async moduleFiles(uri: vscode.Uri): Promise<SourceFile[]> {
    const dirUri = vscode.Uri.joinPath(uri, '..');
    const key = dirUri.toString();
    let onDisk = this.diskModules?.get(key);
    if (!onDisk) {
      onDisk = readModuleFolder(dirUri);
      this.diskModules?.set(key, onDisk);
    }
    const open = new Map(
      vscode.workspace.textDocuments.filter((d) => isWorkspaceUri(d.uri)).map((d) => [fileOf(d.uri), d]),
    );
    const files: SourceFile[] = [];
    for (const listed of await onDisk) {
      const doc = open.get(listed.path);
      if (doc) files.push({ path: listed.path, text: doc.getText() });
      else if (listed.text !== undefined) files.push({ path: listed.path, text: listed.text });
    }
    const file = fileOf(uri);
    if (!files.some((f) => f.path === file)) {
      const doc = open.get(file);
      if (doc) files.push({ path: file, text: doc.getText() });
    }
    return files;
  }
}

/** Same findings, by what they say (a combined finding is a new object at each combination). */
function sameFindings(a: readonly Finding[], b: readonly Finding[]): boolean {
  const key = (f: Finding) =>
    `${f.ruleId}|${f.severity}|${f.file}|${f.resource}|${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}|${f.message}`;
  return a.length === b.length && a.every((f, i) => f === b[i] || key(f) === key(b[i]));
}

/** The findings of one file of an analysis. */
export function findingsIn(result: DocumentAnalysis, file: string): Finding[] {
  return findingsInFile(result.analysis, file);
}

/** The resources of one file of an analysis, with the unit each belongs to. */
export function resourcesIn(result: DocumentAnalysis, file: string): { resource: Resource; unit: IacUnit }[] {
  return resourcesInFile(result.analysis, file);
}

/** A `.tf` file of a module folder; no text when it could not be read (an open editor may still have it). */
interface ListedFile {
  path: string;
  text?: string;
}

/** The `.tf` files of a folder as they are on disk. */
async function readModuleFolder(dirUri: vscode.Uri): Promise<ListedFile[]> {
  let entries: [string, vscode.FileType][];
  try {
    entries = await vscode.workspace.fs.readDirectory(dirUri);
  } catch {
    entries = [];
  }
  const files: ListedFile[] = [];
  const decoder = new TextDecoder();
  for (const [name, type] of entries) {
    if (type !== vscode.FileType.File || sourceKindOf(name) !== 'terraform') continue;
    const fileUri = vscode.Uri.joinPath(dirUri, name);
    try {
      files.push({ path: fileOf(fileUri), text: decoder.decode(await vscode.workspace.fs.readFile(fileUri)) });
    } catch {
      // Deleted or unreadable since the directory was listed: an open editor's text, or nothing.
      files.push({ path: fileOf(fileUri) });
    }
  }
  return files;
}
