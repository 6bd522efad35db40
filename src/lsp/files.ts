/**
 * Files for the language server: the engine names a file by its path on disk (a `file:` URI) or,
 * for any other scheme, by the URI itself; a document open in the client counts as the client has
 * it, unsaved edits included, and everything else is read from disk, only inside the workspace
 * roots (the Terraform evaluator's var files and called modules too: cli/terraform-inputs.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { SourceFile } from '../engine/analyzer';
import { sourceKindOf } from '../iac/detect';
import type { TerraformEvaluationOptions, TerraformInput } from '../iac/terraform/eval-module';
import { terraformHost } from '../cli/terraform-inputs';

/** The engine's name for a document: its path for `file:` URIs, else the URI string. */
export function fileOfUri(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return fileURLToPath(uri);
  } catch {
    return uri;
  }
}

export class ServerFiles {
  /** Workspace roots (paths); the server's working directory when the client names none. */
  roots: string[] = [];
  /** `srlens.terraform.varFiles`, relative to the first root. */
  varFiles: string[] = [];

  constructor(private readonly documents: TextDocuments<TextDocument>) {}

  /** The open document with this engine file name. */
  openDocument(file: string): TextDocument | undefined {
    for (const doc of this.documents.all()) if (fileOfUri(doc.uri) === file) return doc;
    return undefined;
  }

  /** The URI of an engine file name: the open document's as the client wrote it, else a `file:` URI. */
  uriOf(file: string): string {
    const open = this.openDocument(file);
    if (open) return open.uri;
    return path.isAbsolute(file) ? pathToFileURL(file).href : file;
  }

  /** Whether a path is inside a workspace root. */
  inWorkspace(file: string): boolean {
    return this.roots.some((root) => {
      const relative = path.relative(root, file);
      return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
    });
  }

  /** A file's current text: the open document's, else the disk's (inside the roots), else undefined. */
  read(file: string): string | undefined {
    const open = this.openDocument(file);
    if (open) return open.getText();
    if (!path.isAbsolute(file) || !this.inWorkspace(file)) return undefined;
    try {
      return readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  }

  /** The `.tf` files of a module folder, open documents' text over the disk's; always includes `file` when open. */
  moduleFiles(dir: string, file?: string): SourceFile[] {
    const files = new Map<string, string>();
    if (path.isAbsolute(dir)) {
      let names: string[];
      try {
        names = readdirSync(dir, { withFileTypes: true })
          .filter((e) => e.isFile() && sourceKindOf(e.name) === 'terraform')
          .map((e) => e.name);
      } catch {
        names = [];
      }
      for (const name of names) {
        const full = path.join(dir, name);
        const text = this.read(full);
        if (text !== undefined) files.set(full, text);
      }
    }
    for (const doc of this.documents.all()) {
      const docFile = fileOfUri(doc.uri);
      if (sourceKindOf(docFile) === 'terraform' && path.dirname(docFile) === dir) files.set(docFile, doc.getText());
    }
    if (file && !files.has(file)) {
      const text = this.read(file);
      if (text !== undefined) files.set(file, text);
    }
    return [...files].map(([p, text]) => ({ path: p, text }));
  }

  /** The Terraform evaluator's access to files: open documents first, then the disk inside the roots. */
  terraformHost(): TerraformEvaluationOptions {
    const disk = () => terraformHost(this.roots, this.inputs());
    return {
      // Read at each analysis, so a changed setting applies to the next one.
      get inputs() {
        return disk().inputs;
      },
      readFile: async (file) => {
        const open = this.openDocument(file);
        return open ? open.getText() : disk().readFile?.(file);
      },
      fileSize: async (file) => disk().fileSize?.(file),
      listFiles: async (dir) => disk().listFiles?.(dir),
      moduleFiles: async (dir) => (this.inWorkspace(dir) ? this.moduleFiles(dir) : undefined),
    };
  }

  private inputs(): TerraformInput[] {
    const root = this.roots.at(0);
    if (!root) return [];
    return this.varFiles
      .filter((name) => typeof name === 'string' && name.trim() !== '')
      .map((name) => ({ file: path.resolve(root, name) }));
  }
}
