/**
 * The ISMS tree in a real editor: its items as VS Code shows them (checkboxes, descriptions), a
 * click on an asset opening its template at the resource, a step's checkbox writing the step's
 * status to `.srlens/isms.yaml`, and the inline edits (owner, value, treatment) writing theirs.
 * The tree and the edits are reached through the extension's exports; answers to the input box
 * and quick pick are given in their place, since a test cannot type into a quick input.
 */
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, waitFor, workspaceUri } from './helpers';

type Node = { kind: string; [key: string]: unknown };

interface IsmsApi {
  tree: vscode.TreeDataProvider<Node>;
  prompts: {
    input(options: vscode.InputBoxOptions): Thenable<string | undefined>;
    pick<T extends vscode.QuickPickItem>(
      items: readonly T[],
      options: vscode.QuickPickOptions,
    ): Thenable<T | undefined>;
  };
  checkboxesChanged(items: readonly (readonly [Node, vscode.TreeItemCheckboxState])[]): Promise<void>;
}

const STATE = ['.srlens', 'isms.yaml'];

async function readState(): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri(...STATE)));
}

async function children(api: IsmsApi, node?: Node): Promise<Node[]> {
  return (await api.tree.getChildren(node)) ?? [];
}

describe('ISMS tree', () => {
  let api: IsmsApi;
  let original: IsmsApi['prompts'];

  before(async () => {
    const extension = vscode.extensions.getExtension<{ isms: IsmsApi }>(EXTENSION_ID);
    assert.ok(extension);
    api = (await extension.activate()).isms;
    original = api.prompts;
    await vscode.commands.executeCommand('srlens.isms.refresh');
    await waitFor('the tree to show the state', async () => (await children(api)).length === 5);
  });

  after(async () => {
    api.prompts = original;
    try {
      await vscode.workspace.fs.delete(workspaceUri('.srlens'), { recursive: true, useTrash: false });
    } catch {
      // Not there: nothing to clean.
    }
  });

  const DATABASE = 'cloudformation/database.yaml#OrdersDatabase';

  async function assetNode(id: string): Promise<Node> {
    const [assets] = (await children(api)).filter((n) => n.group === 'assets');
    for (const category of await children(api, assets)) {
      const found = (await children(api, category)).find((n) => (n.asset as { id: string }).id === id);
      if (found) return found;
    }
    throw new Error(`no asset ${id}`);
  }

  it("shows the five groups, and opens an asset's template at its resource on a click", async () => {
    const groups = await children(api);
    const labels = await Promise.all(groups.map(async (g) => (await api.tree.getTreeItem(g)).label));
    assert.deepEqual(labels, ['Steps', 'Assets', 'Risks', 'Statement of applicability', 'Account']);
    const database = await assetNode(DATABASE);
    const item = await api.tree.getTreeItem(database);
    assert.equal(item.label, 'OrdersDatabase');
    assert.equal(item.contextValue, 'srlens.isms.asset');
    assert.ok(item.command, 'an asset item has a click command');
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    const editor = await waitFor('the template to open', () => {
      const active = vscode.window.activeTextEditor;
      return active?.document.uri.path.endsWith('/cloudformation/database.yaml') && active;
    });
    assert.equal(editor.document.lineAt(editor.selection.active.line).text.trim(), 'OrdersDatabase:');
  });

  it('writes a step as done when its checkbox is ticked, and back when cleared', async () => {
    const [steps] = (await children(api)).filter((n) => n.group === 'steps');
    const [first] = await children(api, steps);
    const before = await api.tree.getTreeItem(first);
    assert.equal(
      (before.checkboxState as { state: vscode.TreeItemCheckboxState }).state,
      vscode.TreeItemCheckboxState.Unchecked,
    );
    await api.checkboxesChanged([[first, vscode.TreeItemCheckboxState.Checked]]);
    const today = new Date().toISOString().slice(0, 10);
    assert.match(
      await readState(),
      new RegExp(`- id: define-scope\\n\\s+status: done\\n\\s+started: "?${today}"?\\n\\s+completed: "?${today}"?`),
    );
    const [checked] = await children(api, steps);
    const after = await api.tree.getTreeItem(checked);
    assert.equal(
      (after.checkboxState as { state: vscode.TreeItemCheckboxState }).state,
      vscode.TreeItemCheckboxState.Checked,
    );
    assert.match(String(after.description), /^done/);
    await api.checkboxesChanged([[checked, vscode.TreeItemCheckboxState.Unchecked]]);
    assert.match(await readState(), /- id: define-scope\n\s+status: in-progress\n/);
  });

  it("sets an asset's owner and value, and a risk's treatment, from the inline actions", async () => {
    const asked: string[] = [];
    api.prompts = {
      input: async (options) => {
        asked.push(options.title ?? '');
        return options.title?.startsWith('Value') ? '25,000' : 'Data team';
      },
      pick: async (items, options) => {
        asked.push(options.title ?? '');
        return items.find((i) => i.label === 'transfer');
      },
    };
    await vscode.commands.executeCommand('srlens.isms.setOwner', await assetNode(DATABASE));
    await vscode.commands.executeCommand('srlens.isms.setValue', await assetNode(DATABASE));
    const [risks] = (await children(api)).filter((n) => n.group === 'risks');
    const [risk] = await children(api, risks);
    await vscode.commands.executeCommand('srlens.isms.setTreatment', risk);
    assert.deepEqual(asked.slice(0, 2), ['Owner of OrdersDatabase', 'Value of OrdersDatabase']);
    assert.match(asked[2], /^Treatment of /);
    const text = await readState();
    const start = text.indexOf(`id: ${DATABASE}`);
    assert.ok(start >= 0);
    const block = text.slice(start, text.indexOf('\n  - id:', start));
    assert.match(block, /\n\s+value: 25000(\n|$)/);
    assert.match(block, /\n\s+owner: Data team(\n|$)/);
    assert.match(text, /treatment: transfer/);
    const item = await api.tree.getTreeItem(await assetNode(DATABASE));
    assert.equal(item.description, '$25,000 · Data team');
  });
});
