/** The responsibility matrix webview (its stack view and its export) and the rule documentation command, in a real editor. */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
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

/** What srlens.showMatrix resolves to (src/vscode/matrix.ts, MatrixShown). */
interface Shown {
  view: 'stack' | 'table';
  scope: string;
  resources: number;
  files: number;
  openFindings: number;
  cell?: {
    column: string;
    concern: string;
    owner: string | undefined;
    resources: { file: string; id: string; owner: string; openFindings: number }[];
  };
}

const DATA_AT_REST = { column: 'container', concern: 'data-at-rest' };

function showCell(cell = DATA_AT_REST): Thenable<Shown> {
  return vscode.commands.executeCommand<Shown>('srlens.showMatrix', { cell });
}

describe('responsibility matrix: the stack view', () => {
  after(async () => {
    await vscode.window.tabGroups.close(matrixTabs());
  });

  it('covers the whole workspace, files never opened included, and says so', async () => {
    await vscode.commands.executeCommand('srlens.scanWorkspace');
    const started = Date.now();
    const shown = await showCell();
    recordMetric('stack of the fixture workspace shown, with a cell selected', Date.now() - started);
    assert.equal(shown.view, 'stack');
    assert.match(shown.scope, /^(\d+) resources in (\d+) files, whole workspace/);
    const [, resources, files] = /^(\d+) resources in (\d+) files/.exec(shown.scope) ?? [];
    assert.equal(Number(resources), shown.resources);
    assert.equal(Number(files), shown.files);
    // Other tests open documents of their own (and the analyser reads called modules and nested
    // stacks), so the open count says nothing; the never-opened fixture below is the evidence.
    assert.equal(
      vscode.workspace.textDocuments.some((d) => d.uri.path.endsWith('/scan/unopened.yaml')),
      false,
      'the fixture is never opened',
    );
    // The click on the Container · Data at rest cell lists its resources, those with open findings first.
    const cell = shown.cell;
    assert.ok(cell);
    const audit = cell.resources.find((r) => r.id === 'AuditDatabase');
    assert.deepEqual(audit && { ...audit, openFindings: audit.openFindings > 0 }, {
      file: workspaceUri('scan', 'unopened.yaml').fsPath,
      id: 'AuditDatabase',
      owner: 'customer',
      openFindings: true,
    });
    const firstClean = cell.resources.findIndex((r) => r.openFindings === 0);
    if (firstClean >= 0)
      assert.ok(
        cell.resources.slice(firstClean).every((r) => r.openFindings === 0),
        'open first',
      );
    assert.equal(
      cell.resources.some((r) => r.id === 'HiddenDatabase'),
      false,
      'files.exclude is honoured',
    );
    await waitFor('the matrix webview tab', () => matrixTabs().length === 1);
  });

  it('updates as files change on disk', async () => {
    const probe = workspaceUri('scan', 'stack-probe.yaml');
    const before = await showCell();
    const listed = (shown: Shown) => shown.cell?.resources.some((r) => r.id === 'StackProbeDatabase');
    try {
      await vscode.workspace.fs.writeFile(
        probe,
        new TextEncoder().encode(
          'Resources:\n  StackProbeDatabase:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n      StorageEncrypted: false\n',
        ),
      );
      const started = Date.now();
      const after = await waitFor('the new file in the stack', async () => {
        const shown = await showCell();
        return listed(shown) && shown;
      });
      recordMetric('new file on disk until it is in the stack', Date.now() - started);
      assert.equal(after.resources, before.resources + 1);
      assert.equal(after.files, before.files + 1);
      await vscode.workspace.fs.delete(probe);
      const gone = await waitFor('the deleted file to leave the stack', async () => {
        const shown = await showCell();
        return !listed(shown) && shown;
      });
      assert.equal(gone.resources, before.resources);
    } finally {
      await vscode.workspace.fs.delete(probe).then(undefined, () => undefined);
    }
  });

  it('exports the stack as SVG and as Markdown to a given file, without a dialog', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'srlens-stack-'));
    try {
      const shown = await showCell();
      const svgFile = path.join(dir, 'stack.svg');
      const written = await vscode.commands.executeCommand<vscode.Uri>('srlens.exportStack', {
        format: 'svg',
        target: vscode.Uri.file(svgFile),
      });
      assert.equal(written?.fsPath, svgFile);
      const svg = readFileSync(svgFile, 'utf8');
      assert.match(svg, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      assert.ok(svg.includes(`>${shown.scope} · `), 'the scope line');
      // The Container · Data at rest cell's tooltip names its first 12 resources per owner, then how many more.
      const yours = shown.cell?.resources.filter((r) => r.owner === 'customer') ?? [];
      const position = yours.findIndex((r) => r.id === 'AuditDatabase');
      const expected =
        position < 12
          ? `AuditDatabase (scan/unopened.yaml, ${yours[position].openFindings} open)`
          : `, ${yours.length - 12} more`;
      assert.ok(svg.includes(expected), `a cell names its resources, relative to the workspace: ${expected}`);
      assert.ok(svg.trimEnd().endsWith('</svg>'));

      const mdFile = path.join(dir, 'stack.md');
      await vscode.commands.executeCommand('srlens.exportStack', { format: 'markdown', target: mdFile });
      const markdown = readFileSync(mdFile, 'utf8').split('\n');
      assert.equal(markdown[0], '# Responsibility stack');
      assert.ok(
        markdown[2].startsWith(`${shown.resources} resources in ${shown.files} files, whole workspace`),
        markdown[2],
      );
      assert.ok(markdown.some((l) => l.startsWith('| **Data** | Data at rest | ')));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('opens the resource table for a resource, and back to the stack for a cell', async () => {
    const uri = workspaceUri('cloudformation', 'database.yaml');
    const table = await vscode.commands.executeCommand<Shown>('srlens.showMatrix', {
      file: uri.toString(),
      resource: 'OrdersDatabase',
    });
    assert.equal(table.view, 'table');
    const stack = await showCell({ column: 'abstracted', concern: 'identity-access' });
    assert.equal(stack.view, 'stack');
    assert.equal(stack.cell?.column, 'abstracted');
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
