/**
 * Hovers and CodeLens in a real editor, on test/integration/workspace/hovers/: a YAML and a JSON
 * template, a Terraform module with two `provider "aws"` blocks, and a template whose type, keys
 * and values are markdown and HTML that must render as plain text.
 */
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { waitFor, workspaceUri } from './helpers';
import { recordMetric } from './results';

const YAML = ['hovers', 'orders.yaml'];
const JSON_TEMPLATE = ['hovers', 'orders.json'];
const HOSTILE = ['hovers', 'hostile.yaml'];
const TF_MAIN = ['hovers', 'module', 'main.tf'];
const TF_DB = ['hovers', 'module', 'db.tf'];
const KUBERNETES = ['kubernetes', 'deployment.yaml'];

interface MatrixArgs {
  file: string;
  resource: string;
}

/** `waitFor` with the longer wait a first hover (activation, parser load) may need. */
const poll = <T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> =>
  waitFor(what, probe, timeoutMs);

async function open(file: string[]): Promise<vscode.TextDocument> {
  return vscode.workspace.openTextDocument(workspaceUri(...file));
}

/** The position of the `nth` occurrence of `text` in the document, plus `delta` characters. */
function positionOf(doc: vscode.TextDocument, text: string, delta = 1, nth = 0): vscode.Position {
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = doc.getText().indexOf(text, offset + 1);
  assert.ok(offset >= 0, `'${text}' is not in ${doc.uri.path}`);
  return doc.positionAt(offset + delta);
}

function markdownOf(hovers: vscode.Hover[]): string[] {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)));
}

/** Our hover's markdown at `position` (polled: the extension may still be activating). */
async function hoverAt(
  doc: vscode.TextDocument,
  position: vscode.Position,
  marker: RegExp,
): Promise<{ markdown: string; hover: vscode.Hover }> {
  return poll(
    `a hover matching ${marker} at ${doc.uri.path}:${position.line + 1}:${position.character + 1}`,
    async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        doc.uri,
        position,
      );
      const hover = hovers.find((h) => markdownOf([h]).some((m) => marker.test(m)));
      const markdown = hover && markdownOf([hover]).find((m) => marker.test(m));
      return hover && markdown !== undefined ? { markdown, hover } : undefined;
    },
  );
}

async function ourHovers(doc: vscode.TextDocument, position: vscode.Position): Promise<string[]> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position);
  return markdownOf(hovers).filter((m) => /This resource|settles|Data residency/.test(m));
}

async function lenses(doc: vscode.TextDocument): Promise<vscode.CodeLens[]> {
  const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
  return found.filter((l) => l.command?.command === 'srlens.showMatrix');
}

/** Removes our escapes and checks that no HTML, link or foreign command is left active. */
function assertInert(markdown: string): void {
  const unescaped = markdown.replace(/\\[\s\S]/g, '');
  assert.ok(!/[<>]/.test(unescaped), `unescaped < or > in ${markdown}`);
  assert.ok(!unescaped.includes('command:workbench'), `a foreign command link in ${markdown}`);
  const targets = [...unescaped.matchAll(/\]\(([^)]*)\)/g)].map((m) => m[1]);
  for (const target of targets)
    assert.match(
      target,
      // The extension's own commands, its rule docs, and the AWS pages the knowledge base cites as sources.
      /^(command:srlens\.(showMatrix|explainType)(\?[^\s()]*)?|https:\/\/github\.com\/srlens\/|https:\/\/(docs\.)?aws\.amazon\.com\/)/,
      target,
    );
}

describe('hovers', () => {
  it('on a CloudFormation logical id: service, tier, every concern with its owner and this resource’s status', async () => {
    const doc = await open(YAML);
    const started = Date.now();
    const { markdown, hover } = await hoverAt(doc, positionOf(doc, 'OrdersDatabase:'), /This resource/);
    recordMetric('first resource hover (YAML, includes activation)', Date.now() - started);
    assert.match(markdown, /^\*\*Container services\*\* · Amazon RDS · You: region, network access, data, /);
    assert.match(markdown, /\| Facilities \| AWS \| AWS \|/);
    assert.match(markdown, /\| Data at rest \| You \| \*\*open:\*\* \[RDS storage is not encrypted\]\(https:/);
    assert.match(markdown, /\| Network access \| You \| settled by PubliclyAccessible \|/);
    assert.match(markdown, /settled by BackupRetentionPeriod, DeletionProtection, MultiAZ/);
    assert.match(markdown, /\| Operating system \| AWS \| AWS \|/);
    assert.equal(doc.getText(hover.range), 'OrdersDatabase');
    const matrix = /\(command:srlens\.showMatrix\?([^)]+)\)/.exec(markdown);
    assert.ok(matrix, 'a link to the responsibility matrix');
    assert.deepEqual(JSON.parse(decodeURIComponent(matrix[1])), [{ file: doc.uri.fsPath, resource: 'OrdersDatabase' }]);
    assert.match(markdown, /\(command:srlens\.explainType\?[^)]+\)/);
    assertInert(markdown);

    const warm = Date.now();
    await hoverAt(doc, positionOf(doc, 'AWS::RDS::DBInstance', 3), /This resource/);
    recordMetric('resource hover on the Type token (warm)', Date.now() - warm);
  });

  it('on a property key: the concern it settles and who owns it', async () => {
    const doc = await open(YAML);
    const { markdown, hover } = await hoverAt(doc, positionOf(doc, 'StorageEncrypted'), /settles/);
    assert.match(markdown, /\*\*StorageEncrypted\*\* settles \*\*Data at rest\*\*/);
    assert.match(markdown, /You own this for Amazon RDS \(Container services\)/);
    assert.match(markdown, /\*\*open:\*\* \[RDS storage is not encrypted\]/);
    assert.equal(doc.getText(hover.range), 'StorageEncrypted');
    const tags = await hoverAt(doc, positionOf(doc, 'Tags:'), /settles/);
    assert.match(tags.markdown, /\*\*Tags\*\* settles \*\*Tagging and inventory\*\*/);
    assert.deepEqual(
      await ourHovers(doc, positionOf(doc, 'Engine:')),
      [],
      'a property that settles nothing has no hover',
    );
  });

  it('on a JSON template’s type token', async () => {
    const doc = await open(JSON_TEMPLATE);
    const { markdown } = await hoverAt(doc, positionOf(doc, 'AWS::S3::Bucket', 3), /This resource/);
    assert.match(markdown, /^\*\*Abstracted services\*\* · Amazon S3 · You: /);
    assert.match(markdown, /settled by VersioningConfiguration/);
  });

  it('on a Terraform resource’s labels', async () => {
    const doc = await open(TF_DB);
    const { markdown } = await hoverAt(doc, positionOf(doc, '"billing"'), /This resource/);
    assert.match(markdown, /\*\*aws\\_db\\_instance\\\.billing\*\*/);
    assert.match(markdown, /^\*\*Container services\*\* · Amazon RDS · /);
    assert.match(markdown, /\| Data at rest \| You \| \*\*open:\*\*/);
    const property = await hoverAt(doc, positionOf(doc, 'publicly_accessible'), /settles/);
    assert.match(property.markdown, /settles \*\*Network access\*\*/);
  });

  it('on a Terraform provider "aws": Region, data residency, Availability Zones and replication', async () => {
    const doc = await open(TF_MAIN);
    const { markdown } = await hoverAt(doc, positionOf(doc, '"aws"'), /Data residency/);
    assert.match(markdown, /Region: decided at deploy time \\\(variable region has no default\\\)/);
    assert.match(markdown, /data stays in this Region unless you replicate it/);
    assert.match(markdown, /you choose which ones your resources use/);
    assert.match(markdown, /copies outside the Region are yours to set up/);
    const aliased = await hoverAt(doc, positionOf(doc, '"aws"', 1, 1), /Data residency/);
    assert.match(aliased.markdown, /Region: \*\*eu\\-central\\-1\*\*/);
    assertInert(aliased.markdown);
  });

  it('renders template text as plain text: no HTML, no links, no foreign commands', async () => {
    const doc = await open(HOSTILE);
    const { markdown, hover } = await hoverAt(doc, positionOf(doc, 'Custom::', 2), /This resource/);
    assert.match(markdown, /Custom\\:\\:\\<img src\\=x onerror\\=alert\\\(1\\\)\\>/);
    assertInert(markdown);
    const contents = hover.contents[0];
    if (contents instanceof vscode.MarkdownString) {
      assert.notEqual(contents.supportHtml, true);
      if (typeof contents.isTrusted === 'object')
        assert.deepEqual([...(contents.isTrusted.enabledCommands ?? [])].sort(), [
          'srlens.explainType',
          'srlens.showMatrix',
        ]);
      else assert.notEqual(contents.isTrusted, true, 'hovers never trust every command');
    }
    const key = await hoverAt(doc, positionOf(doc, '[x](command'), /settles/);
    assert.match(key.markdown, /part of BucketEncryption/);
    assertInert(key.markdown);
  });

  it('stays quiet outside templates', async () => {
    const doc = await open(KUBERNETES);
    assert.deepEqual(await ourHovers(doc, new vscode.Position(0, 1)), []);
    assert.deepEqual(await lenses(doc), []);
  });
});

describe('CodeLens', () => {
  it('shows the tier, the concerns you own or share and the open findings above each resource', async () => {
    const doc = await open(YAML);
    const started = Date.now();
    const found = await poll('CodeLens on orders.yaml', async () => {
      const l = await lenses(doc);
      return l.length === 2 && l;
    });
    recordMetric('CodeLens on a YAML template', Date.now() - started);
    const [db, queue] = [...found].sort((a, b) => a.range.start.line - b.range.start.line);
    assert.equal(doc.lineAt(db.range.start.line).text.trim(), 'OrdersDatabase:');
    assert.match(db.command?.title ?? '', /^Container · you own or share \d+ · 2 open findings$/);
    assert.deepEqual(db.command?.arguments, [
      { file: doc.uri.fsPath, resource: 'OrdersDatabase' } satisfies MatrixArgs,
    ]);
    assert.match(queue.command?.title ?? '', /^Abstracted · you own or share \d+ · 1 open finding$/);
    assert.ok(db.command?.tooltip?.includes('responsibility matrix'));
  });

  it('covers JSON, Terraform and unclassified resources', async () => {
    const json = await poll('CodeLens on orders.json', async () => (await lenses(await open(JSON_TEMPLATE)))[0]);
    assert.match(json.command?.title ?? '', /^Abstracted · you own or share \d+ · 3 open findings$/);
    const tfDoc = await open(TF_DB);
    const tf = await poll('CodeLens on db.tf', async () => (await lenses(tfDoc))[0]);
    assert.match(tf.command?.title ?? '', /^Container · you own or share \d+ · 5 open findings$/);
    assert.deepEqual(tf.command?.arguments, [{ file: tfDoc.uri.fsPath, resource: 'aws_db_instance.billing' }]);
    assert.deepEqual(await lenses(await open(TF_MAIN)), [], 'no resources, no CodeLens');
    const hostile = await poll('CodeLens on hostile.yaml', async () => (await lenses(await open(HOSTILE)))[0]);
    assert.match(hostile.command?.title ?? '', /^Unclassified · you own or share \d+ · no open findings$/);
  });

  it('follows srlens.codeLens.enable', async () => {
    const doc = await open(YAML);
    const config = () => vscode.workspace.getConfiguration('srlens');
    try {
      await config().update('codeLens.enable', false, vscode.ConfigurationTarget.Workspace);
      await poll('CodeLens to go', async () => (await lenses(doc)).length === 0);
    } finally {
      await config().update('codeLens.enable', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await poll('CodeLens to come back', async () => (await lenses(doc)).length === 2);
  });

  it('updates when an edit closes a finding', async () => {
    const doc = await open(YAML);
    await vscode.window.showTextDocument(doc);
    const offset = doc.getText().indexOf('StorageEncrypted: false');
    const start = doc.positionAt(offset + 'StorageEncrypted: '.length);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(start, start.translate(0, 'false'.length)), 'true');
    const started = Date.now();
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    try {
      const updated = await poll('the CodeLens to show one open finding', async () => {
        const found = (await lenses(doc)).find((l) => doc.lineAt(l.range.start.line).text.trim() === 'OrdersDatabase:');
        return found?.command?.title.endsWith('· 1 open finding') && found;
      });
      recordMetric('CodeLens updated after an edit', Date.now() - started);
      assert.match(updated.command?.title ?? '', /^Container · you own or share \d+ · 1 open finding$/);
      const { markdown } = await hoverAt(doc, positionOf(doc, 'OrdersDatabase:'), /This resource/);
      assert.match(markdown, /\| Data at rest \| You \| settled by StorageEncrypted \|/);
    } finally {
      const undo = new vscode.WorkspaceEdit();
      undo.replace(doc.uri, new vscode.Range(start, start.translate(0, 'true'.length)), 'false');
      await vscode.workspace.applyEdit(undo);
    }
  });
});
