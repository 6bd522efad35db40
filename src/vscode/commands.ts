/** Command palette entries. Command ids live in package.json and here only. */
import * as vscode from 'vscode';
import { explainType } from '../engine/explain';
import { knownTypes } from '../knowledge';

const OWNER_WORD = { aws: 'AWS', customer: 'You', shared: 'Shared' } as const;

export function registerCommands(): vscode.Disposable[] {
  return [vscode.commands.registerCommand('srlens.explainType', explainTypeCommand)];
}

async function explainTypeCommand(type?: string): Promise<void> {
  const chosen =
    typeof type === 'string'
      ? type
      : await vscode.window.showQuickPick([...knownTypes().cloudformation, ...knownTypes().terraform], {
          title: 'Explain who owns what',
          placeHolder: 'A CloudFormation or Terraform resource type, for example AWS::S3::Bucket',
          matchOnDescription: true,
        });
  if (!chosen) return;
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: explanationMarkdown(chosen) });
  await vscode.commands.executeCommand('markdown.showPreview', doc.uri);
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
