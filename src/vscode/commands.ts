/**
 * Command palette entries. Command ids live in package.json and here only.
 *
 * Explain Who Owns What shows a read-only virtual document (scheme `srlens-explain`, served by a
 * TextDocumentContentProvider) rendered in the Markdown preview: nothing to save, so closing it
 * never asks. Without an argument it starts from the resource type under the cursor, and its
 * picker matches words and service names (`matchTypes`: "dynamodb table").
 */
import * as vscode from 'vscode';
import { explainType, matchTypes } from '../engine/explain';
import { containsPosition } from '../iac/model';
import { resourcesIn, type DocumentAnalyses } from './analysis';
import { fileOf } from './files';

const OWNER_WORD = { aws: 'AWS', customer: 'You', shared: 'Shared' } as const;

/** The scheme of the Explain view's documents: `srlens-explain:/AWS::S3::Bucket.md`. */
export const EXPLAIN_SCHEME = 'srlens-explain';

export function registerCommands(analyses?: DocumentAnalyses): vscode.Disposable[] {
  return [
    vscode.workspace.registerTextDocumentContentProvider(EXPLAIN_SCHEME, new ExplainContent()),
    vscode.commands.registerCommand('srlens.explainType', (type?: unknown) => explainTypeCommand(type, analyses)),
  ];
}

/** The read-only Markdown of a type's explanation, from the type in the URI's path. */
class ExplainContent implements vscode.TextDocumentContentProvider {
  provideTextDocumentContent(uri: vscode.Uri): string {
    return explanationMarkdown(typeOfExplainUri(uri));
  }
}

export function explainUri(type: string): vscode.Uri {
  return vscode.Uri.from({ scheme: EXPLAIN_SCHEME, path: `/${type}.md` });
}

function typeOfExplainUri(uri: vscode.Uri): string {
  return uri.path.replace(/^\//, '').replace(/\.md$/, '');
}

async function explainTypeCommand(type: unknown, analyses: DocumentAnalyses | undefined): Promise<void> {
  const chosen = typeof type === 'string' && type !== '' ? type : await pickType(await typesAtCursor(analyses));
  if (!chosen) return;
  const uri = explainUri(chosen);
  // `.md`: the editor takes it for Markdown; the provider's documents are read-only
  const doc = await vscode.workspace.openTextDocument(uri);
  try {
    // one tab: the rendered view of the read-only document
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  } catch {
    await vscode.window.showTextDocument(doc, { preview: true });
  }
}

/**
 * The type of the resource the cursor of the active editor is in (first), then the other types of
 * that document, from its analysis.
 */
async function typesAtCursor(analyses: DocumentAnalyses | undefined): Promise<{ cursor?: string; others: string[] }> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !analyses) return { others: [] };
  const result = await analyses.analyze(editor.document);
  if (!result) return { others: [] };
  const at = { line: editor.selection.active.line, character: editor.selection.active.character };
  const resources = resourcesIn(result, fileOf(editor.document.uri)).map((entry) => entry.resource);
  const cursor = resources.find((resource) => containsPosition(resource.range, at))?.type;
  const others = [...new Set(resources.map((r) => r.type))].filter((t) => t !== cursor).sort();
  return { cursor, others };
}

interface TypeItem extends vscode.QuickPickItem {
  type: string;
}

/**
 * The picker: the type under the cursor first and selected, then the file's other types; typing replaces the list with the
 * types matching every word (`matchTypes`), shown in that order whatever VS Code's own filter says.
 */
function pickType(start: { cursor?: string; others: string[] }): Promise<string | undefined> {
  const picker = vscode.window.createQuickPick<TypeItem>();
  picker.title = 'Explain who owns what';
  picker.placeholder = 'Words of a type or service, for example "dynamodb table", AWS::S3::Bucket or aws_db_instance';
  picker.matchOnDescription = true;
  const item = (type: string, service: string, note?: string): TypeItem => ({
    type,
    label: type,
    description: note ? `${service} · ${note}` : service,
    alwaysShow: true,
  });
  const initial = (): TypeItem[] => [
    ...(start.cursor ? [item(start.cursor, explainType(start.cursor).service, 'under the cursor')] : []),
    ...start.others.map((type) => item(type, explainType(type).service, 'in this file')),
  ];
  picker.items = initial();
  if (picker.items.length > 0) picker.activeItems = [picker.items[0]];
  picker.onDidChangeValue((value) => {
    picker.items = value.trim() === '' ? initial() : matchTypes(value, 200).map((m) => item(m.type, m.service));
  });
  return new Promise((resolve) => {
    let chosen: string | undefined;
    picker.onDidAccept(() => {
      chosen = picker.selectedItems[0]?.type ?? picker.activeItems[0]?.type;
      picker.hide();
    });
    picker.onDidHide(() => {
      picker.dispose();
      resolve(chosen);
    });
    picker.show();
  });
}

function cell(text: string): string {
  return text.replace(/[\\|<>*_`[\]]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

export function explanationMarkdown(type: string): string {
  const e = explainType(type);
  const rows = e.concerns.map(
    (c) =>
      `| ${cell(c.title)} | ${OWNER_WORD[c.owner]} | ${c.applicable ? '' : '_Not applicable._ '}${cell(c.reason)} |`,
  );
  return [
    `# ${cell(e.type)}`,
    '',
    `**${cell(e.service)}** · ${cell(e.tierTitle)}`,
    '',
    cell(e.tierSummary),
    '',
    '| Concern | Owner | Why |',
    '| --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}
