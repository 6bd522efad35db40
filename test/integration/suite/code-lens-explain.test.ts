/**
 * CodeLens that earns its line and Explain Who Owns What, in a real editor: `srlens.codeLens.show`
 * (findings, all, off) above a network template and a Terraform module with resources of other
 * providers; Explain opens a read-only document that is never dirty, so closing it asks nothing.
 */
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { waitFor, workspaceUri } from './helpers';

const NETWORK = ['lens', 'network.yaml'];
const OTHER_PROVIDERS = ['lens', 'other-providers', 'main.tf'];

async function open(file: string[]): Promise<vscode.TextDocument> {
  return vscode.workspace.openTextDocument(workspaceUri(...file));
}

/** The resources (the lines under our CodeLens), top to bottom. */
async function lensedLines(doc: vscode.TextDocument): Promise<string[]> {
  const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
  return found
    .filter((l) => l.command?.command === 'srlens.showMatrix')
    .sort((a, b) => a.range.start.line - b.range.start.line)
    .map((l) => doc.lineAt(l.range.start.line).text.trim());
}

async function setShow(value: string | undefined): Promise<void> {
  await vscode.workspace
    .getConfiguration('srlens')
    .update('codeLens.show', value, vscode.ConfigurationTarget.Workspace);
}

describe('CodeLens setting (srlens.codeLens.show)', () => {
  after(() => setShow(undefined));

  it('findings (the default): above resources with open findings and main resources only', async () => {
    const doc = await open(NETWORK);
    const lines = await waitFor(
      'CodeLens on lens/network.yaml',
      async () => {
        const found = await lensedLines(doc);
        return found.length > 0 && found;
      },
      20_000,
    );
    // the VPC is the main resource; the public subnet has a finding; the other subnet, the route
    // table and the association get none
    assert.deepEqual(lines, ['Network:', 'PublicSubnet:']);
    const titles = (
      await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri)
    ).map((l) => l.command?.title ?? '');
    for (const title of titles) assert.match(title, /^Infrastructure · you own or share \d+ · \d+ open findings?$/);
  });

  it('never above resources of other providers, and the AWS resource beside them keeps its own', async () => {
    const doc = await open(OTHER_PROVIDERS);
    const lines = await waitFor(
      'CodeLens on lens/other-providers/main.tf',
      async () => {
        const found = await lensedLines(doc);
        return found.length > 0 && found;
      },
      20_000,
    );
    assert.deepEqual(lines, ['resource "aws_sqs_queue" "jobs" {']);
  });

  it('all: above every AWS resource; off: none', async () => {
    const doc = await open(NETWORK);
    await setShow('all');
    await waitFor('CodeLens above every resource', async () => (await lensedLines(doc)).length === 5);
    assert.deepEqual(await lensedLines(doc), [
      'Network:',
      'PrivateSubnet:',
      'PublicSubnet:',
      'Routes:',
      'PrivateRoutes:',
    ]);
    assert.deepEqual(await lensedLines(await open(OTHER_PROVIDERS)), ['resource "aws_sqs_queue" "jobs" {']);
    await setShow('off');
    await waitFor('no CodeLens', async () => (await lensedLines(doc)).length === 0);
    await setShow(undefined);
    await waitFor('CodeLens back to the default', async () => (await lensedLines(doc)).length === 2);
  });
});

describe('Explain Who Owns What', () => {
  // only the Explain tabs: other suites may leave edited documents open
  afterEach(() =>
    vscode.window.tabGroups.close(
      vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => /dynamodb/i.test(t.label)),
    ),
  );

  it('opens a read-only document that is never dirty, so closing it never asks to save', async () => {
    const untitledBefore = vscode.workspace.textDocuments.filter((d) => d.isUntitled).length;
    await vscode.commands.executeCommand('srlens.explainType', 'AWS::DynamoDB::Table');
    // Earlier tests may have explained other types: their documents stay open beside this one.
    const doc = await waitFor('the Explain document', () =>
      vscode.workspace.textDocuments.find(
        (d) => d.uri.scheme === 'srlens-explain' && d.uri.path === '/AWS::DynamoDB::Table.md',
      ),
    );
    assert.equal(doc.isDirty, false);
    assert.equal(doc.isUntitled, false);
    assert.match(doc.getText(), /^# AWS::DynamoDB::Table\n\n\*\*Amazon DynamoDB\*\* · Abstracted services/);
    assert.match(doc.getText(), /\| Data at rest \| Shared \|/);
    assert.equal(
      vscode.workspace.textDocuments.filter((d) => d.isUntitled).length,
      untitledBefore,
      'no untitled document is created',
    );
    // a document the extension provides has no file behind it: even an edit does not make it dirty
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(0, 0), 'x');
    await vscode.workspace.applyEdit(edit);
    assert.equal(doc.isDirty, false);
    // the Explain tabs (the preview, or the document) hold no unsaved changes: closing them cannot ask
    const ours = await waitFor('the Explain tab', () => {
      const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.label.includes('DynamoDB'));
      return tabs.length > 0 && tabs;
    });
    assert.deepEqual(
      ours.filter((t) => t.isDirty).map((t) => t.label),
      [],
    );
    await vscode.window.tabGroups.close(ours);
    assert.deepEqual(
      vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.label.includes('DynamoDB')),
      [],
    );
  });

  it('explains a Terraform type the same way, in its own document', async () => {
    await vscode.commands.executeCommand('srlens.explainType', 'aws_dynamodb_table');
    const doc = await waitFor('the Explain document', () =>
      vscode.workspace.textDocuments.find((d) => d.uri.path === '/aws_dynamodb_table.md'),
    );
    assert.equal(doc.isDirty, false);
    assert.match(doc.getText(), /^# aws\\_dynamodb\\_table\n/);
  });
});
