/**
 * The terraform language configuration in a real VS Code: comment toggling, auto-closing pairs and
 * indentation after an opening brace come from syntaxes/terraform.language-configuration.json.
 */
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, waitFor } from './helpers';

async function openTerraform(content: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument({ language: 'terraform', content });
  return vscode.window.showTextDocument(doc);
}

async function closeWithoutSaving(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

describe('terraform language', () => {
  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  });

  afterEach(async () => {
    await closeWithoutSaving();
  });

  it('contributes the grammar and the configuration', () => {
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON;
    assert.equal(pkg.contributes.grammars[0].scopeName, 'source.terraform');
    assert.equal(
      pkg.contributes.languages.find((l: { id: string }) => l.id === 'terraform').configuration,
      './syntaxes/terraform.language-configuration.json',
    );
  });

  it('toggles # line comments and /* */ block comments', async () => {
    const editor = await openTerraform('bucket = "logs"\n');
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand('editor.action.commentLine');
    await waitFor('a # comment', () => editor.document.lineAt(0).text === '# bucket = "logs"');
    await vscode.commands.executeCommand('editor.action.commentLine');
    await waitFor('the comment removed', () => editor.document.lineAt(0).text === 'bucket = "logs"');
    editor.selection = new vscode.Selection(0, 0, 0, 15);
    await vscode.commands.executeCommand('editor.action.blockComment');
    await waitFor('a /* */ comment', () => editor.document.lineAt(0).text === '/* bucket = "logs" */');
  });

  it('auto-closes brackets and quotes, and indents after an opening brace', async () => {
    const editor = await openTerraform('');
    await vscode.commands.executeCommand('type', { text: 'tags = {' });
    await waitFor('the brace closed', () => editor.document.getText() === 'tags = {}');
    await vscode.commands.executeCommand('type', { text: '\n' });
    await waitFor('an indented line between the braces', () =>
      /^tags = \{\n[ \t]+\n\}$/.test(editor.document.getText()),
    );
    // The quote on its own, once the rest of the line is in and no suggestion list is open (typing
    // `Name` opens one, and the quote must reach the editor, not the list).
    await vscode.commands.executeCommand('type', { text: 'Name = ' });
    await waitFor('the attribute typed', () => editor.document.lineAt(1).text.trim() === 'Name =');
    await vscode.commands.executeCommand('hideSuggestWidget');
    await vscode.commands.executeCommand('type', { text: '"' });
    await waitFor('the quote closed', () => editor.document.lineAt(1).text.trim() === 'Name = ""');
  });
});
