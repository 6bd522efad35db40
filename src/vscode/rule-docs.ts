/**
 * `srlens.openRuleDocs` (arg: a rule id; without one, a quick pick of every rule): shows the rule's
 * documentation as a Markdown preview built from its metadata, so it works offline; the page links
 * to the online documentation, which opens only when the user follows the link.
 */
import * as vscode from 'vscode';
import { allRules, isKnownRule, rulePageMarkdown } from '../engine/rule-page';

export const OPEN_RULE_DOCS_COMMAND = 'srlens.openRuleDocs';

export function registerRuleDocs(): vscode.Disposable[] {
  return [vscode.commands.registerCommand(OPEN_RULE_DOCS_COMMAND, openRuleDocs)];
}

async function openRuleDocs(arg?: unknown): Promise<void> {
  let id = typeof arg === 'string' ? arg.trim() : undefined;
  if (id !== undefined && !isKnownRule(id)) {
    void vscode.window.showErrorMessage(`Shared Responsibility: there is no rule '${id.slice(0, 100)}'.`);
    return;
  }
  if (id === undefined) {
    const picked = await vscode.window.showQuickPick(
      allRules().map((r) => ({ label: r.id, description: r.title })),
      {
        title: 'Open Rule Documentation',
        placeHolder: 'A rule id or what it finds, for example rds-storage-encryption',
        matchOnDescription: true,
      },
    );
    if (!picked) return;
    id = picked.label;
  }
  const content = rulePageMarkdown(id);
  if (content === undefined) return;
  // The same page again reuses its document instead of adding another untitled one.
  const doc =
    vscode.workspace.textDocuments.find(
      (d) => d.isUntitled && d.languageId === 'markdown' && d.getText() === content,
    ) ?? (await vscode.workspace.openTextDocument({ language: 'markdown', content }));
  await vscode.commands.executeCommand('markdown.showPreview', doc.uri);
}
