/** The responsibility matrix webview and the rule documentation command, in a real editor. */
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { recordMetric } from './results';
import { RULE, waitFor, workspaceUri } from './helpers';

/** Webview tabs of the matrix; VS Code prefixes the view type of an extension's webview. */
function matrixTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('srlens.matrix'));
}

describe('responsibility matrix', () => {
  after(async () => {
    await vscode.window.tabGroups.close(matrixTabs());
  });

  it('registers its commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['srlens.showMatrix', 'srlens.openRuleDocs'])
      assert.ok(commands.includes(id), `${id} is not registered`);
  });

  it('opens one webview panel for the open templates, and reuses it', async () => {
    const uri = workspaceUri('cloudformation', 'database.yaml');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const started = Date.now();
    const command = vscode.commands.executeCommand('srlens.showMatrix');
    const [tab] = await waitFor('the matrix webview tab', () => matrixTabs().length > 0 && matrixTabs());
    recordMetric('matrix panel shown after the command', Date.now() - started);
    // The command resolves once the model of every open template is built and sent.
    await command;
    recordMetric('matrix model built for the open templates', Date.now() - started);
    assert.equal(tab.label, 'Responsibility Matrix');
    assert.equal(tab.isActive, true);

    // Asking for a resource reveals the same panel rather than opening a second one.
    await vscode.commands.executeCommand('srlens.showMatrix', { file: uri.fsPath, resource: 'OrdersDatabase' });
    await vscode.commands.executeCommand('srlens.showMatrix', { file: uri.toString(), resource: 'OrdersDatabase' });
    assert.equal(matrixTabs().length, 1);
    assert.equal(matrixTabs()[0].isActive, true);
  });

  it('ignores arguments it does not understand', async () => {
    await vscode.commands.executeCommand('srlens.showMatrix', { file: 42, resource: {} });
    await vscode.commands.executeCommand('srlens.showMatrix', 'not an object');
    await vscode.commands.executeCommand('srlens.showMatrix', { file: '/no/such/file.yaml', resource: 'X' });
    assert.equal(matrixTabs().length, 1);
  });
});

describe('rule documentation', () => {
  it('opens a rule as a local Markdown page with its title and a link to the online page', async () => {
    await vscode.commands.executeCommand('srlens.openRuleDocs', RULE);
    const doc = await waitFor('the rule page', () =>
      vscode.workspace.textDocuments.find(
        (d) => d.languageId === 'markdown' && d.getText().includes('# RDS storage is not encrypted'),
      ),
    );
    const text = doc.getText();
    assert.ok(text.includes(`\`${RULE}\``), text);
    assert.match(text, /## Why this is yours/);
    assert.match(text, /## What to do/);
    assert.ok(text.includes(`/docs/rules/${RULE}.md)`), 'links to the online page');

    // The same rule again reuses the page.
    const before = vscode.workspace.textDocuments.filter((d) => d.getText() === text).length;
    await vscode.commands.executeCommand('srlens.openRuleDocs', RULE);
    assert.equal(vscode.workspace.textDocuments.filter((d) => d.getText() === text).length, before);
  });

  it('does nothing for an unknown rule id', async () => {
    const count = vscode.workspace.textDocuments.length;
    await vscode.commands.executeCommand('srlens.openRuleDocs', 'no-such-rule');
    assert.equal(vscode.workspace.textDocuments.length, count);
  });
});
