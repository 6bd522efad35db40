/**
 * Code actions in a real editor, on fixtures of their own (test/integration/workspace/codeactions/):
 * the rule's quick fix (preferred, and refused once the file changed), suppressions with a reason
 * in YAML and JSON, "Explain who owns what", and fix-all as a source action and as a command.
 */
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { parseDocument } from 'yaml';
import { recordMetric } from './results';
import { ruleId, srlensDiagnostics, waitFor, workspaceUri } from './helpers';

const QUICKFIX = ['codeactions', 'quickfix.yaml'];
const SUPPRESS_JSON = ['codeactions', 'suppress.json'];
const FIXALL = ['codeactions', 'fixall.yaml'];
const MODULE_MAIN = ['codeactions', 'module', 'main.tf'];
const APPLY_FIX = 'srlens.applyFix';

async function open(file: string[]): Promise<vscode.TextDocument> {
  return vscode.workspace.openTextDocument(workspaceUri(...file));
}

function diagnosticFor(uri: vscode.Uri, rule: string): vscode.Diagnostic | undefined {
  return srlensDiagnostics(uri).find((d) => ruleId(d) === rule);
}

function waitForDiagnostic(uri: vscode.Uri, rule: string): Promise<vscode.Diagnostic> {
  return waitFor(`a ${rule} diagnostic on ${vscode.workspace.asRelativePath(uri)}`, () => diagnosticFor(uri, rule));
}

async function actionsAt(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  return (
    (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind)) ??
    []
  );
}

function fullRange(doc: vscode.TextDocument): vscode.Range {
  return new vscode.Range(0, 0, doc.lineCount, 0);
}

/** srlens quick fixes offered anywhere in the document. */
async function quickFixes(doc: vscode.TextDocument): Promise<vscode.CodeAction[]> {
  return (await actionsAt(doc.uri, fullRange(doc))).filter((a) => a.command?.command === APPLY_FIX);
}

describe('code actions', () => {
  it('offers the rule’s fix as the preferred quick fix, and applying it clears the diagnostic', async () => {
    const doc = await open(QUICKFIX);
    const diagnostic = await waitForDiagnostic(doc.uri, 'rds-storage-encryption');
    const started = Date.now();
    const actions = await actionsAt(doc.uri, diagnostic.range);
    recordMetric('code actions on a diagnostic', Date.now() - started);
    const fix = actions.find((a) => a.command?.command === APPLY_FIX);
    assert.ok(fix, `no quick fix among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(fix.title, 'Set StorageEncrypted to true');
    assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
    assert.equal(fix.isPreferred, true);
    assert.ok(
      actions.some(
        (a) =>
          a.title === 'Suppress rds-storage-encryption for AppDatabase…' && a.command?.command === 'srlens.suppress',
      ),
    );
    const explain = actions.find((a) => a.title === 'Explain who owns what for AWS::RDS::DBInstance');
    assert.ok(explain, 'an explanation is offered on the diagnostic');
    assert.equal(explain.command?.command, 'srlens.explainType');
    assert.deepEqual(explain.command?.arguments, ['AWS::RDS::DBInstance']);

    assert.equal(await vscode.commands.executeCommand(fix.command!.command, ...(fix.command!.arguments ?? [])), true);
    assert.equal(doc.lineAt(diagnostic.range.start.line).text.trim(), 'StorageEncrypted: true');
    await waitFor(
      'the rds-storage-encryption diagnostic to clear',
      () => !diagnosticFor(doc.uri, 'rds-storage-encryption'),
    );
  });

  it('refuses a fix offered for an older version of the document', async () => {
    const doc = await open(QUICKFIX);
    const diagnostic = await waitForDiagnostic(doc.uri, 'rds-publicly-accessible');
    const fix = (await actionsAt(doc.uri, diagnostic.range)).find((a) => a.command?.command === APPLY_FIX);
    assert.ok(fix);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(0, 0), '# edited after the fix was offered\n');
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    const before = doc.getText();
    assert.equal(await vscode.commands.executeCommand(fix.command!.command, ...(fix.command!.arguments ?? [])), false);
    assert.equal(doc.getText(), before, 'the stale fix changed nothing');
    assert.ok(doc.getText().includes('PubliclyAccessible: true'));
  });

  it('offers an explanation on a resource type token', async () => {
    const doc = await open(QUICKFIX);
    const line = doc
      .getText()
      .split('\n')
      .findIndex((l) => l.includes('Type: AWS::RDS::DBInstance'));
    const at = new vscode.Position(line, doc.lineAt(line).text.indexOf('AWS::') + 3);
    const actions = await actionsAt(doc.uri, new vscode.Range(at, at));
    assert.ok(
      actions.some(
        (a) => a.command?.command === 'srlens.explainType' && a.command.arguments?.[0] === 'AWS::RDS::DBInstance',
      ),
      actions.map((a) => a.title).join(' | '),
    );
  });

  it('suppresses a rule for a YAML resource with a comment that gives the reason', async () => {
    const doc = await open(QUICKFIX);
    await waitForDiagnostic(doc.uri, 'rds-publicly-accessible');
    const done = await vscode.commands.executeCommand('srlens.suppress', {
      uri: doc.uri.toString(),
      ruleId: 'rds-publicly-accessible',
      resource: 'AppDatabase',
      reason: 'demo database,\nno data',
    });
    assert.equal(done, true);
    assert.ok(
      doc.getText().includes('\n  # srlens-ignore rds-publicly-accessible demo database, no data\n  AppDatabase:\n'),
      doc.getText(),
    );
    await waitFor('the suppressed diagnostic to clear', () => !diagnosticFor(doc.uri, 'rds-publicly-accessible'));
    assert.deepEqual(
      srlensDiagnostics(doc.uri).filter((d) =>
        ['unused-suppression', 'suppression-without-reason', 'parse-error'].includes(ruleId(d) ?? ''),
      ),
      [],
    );
  });

  it('suppresses a rule for a JSON resource in its Metadata, merged with what is there, with an expiry date', async () => {
    const doc = await open(SUPPRESS_JSON);
    const diagnostic = await waitForDiagnostic(doc.uri, 'rds-storage-encryption');
    const actions = await actionsAt(doc.uri, diagnostic.range);
    assert.ok(actions.some((a) => a.title === 'Suppress rds-storage-encryption for ArchiveDatabase…'));
    const done = await vscode.commands.executeCommand('srlens.suppress', {
      uri: doc.uri,
      ruleId: 'rds-storage-encryption',
      resource: 'ArchiveDatabase',
      reason: 'archive of "public" records',
      expires: '2999-12-31',
    });
    assert.equal(done, true);
    const metadata = JSON.parse(doc.getText()).Resources.ArchiveDatabase.Metadata;
    assert.deepEqual(metadata, {
      Owner: 'records-team',
      srlens: {
        ignore: [{ rule: 'rds-storage-encryption', reason: 'archive of "public" records', expires: '2999-12-31' }],
      },
    });
    assert.ok(
      doc.getText().includes('\n        "Owner": "records-team",\n        "srlens": {\n'),
      'two-space indentation kept',
    );
    await waitFor('the suppressed diagnostic to clear', () => !diagnosticFor(doc.uri, 'rds-storage-encryption'));
  });

  it('fixes everything fixable at once with source.fixAll.srlens', async () => {
    const doc = await open(FIXALL);
    await waitForDiagnostic(doc.uri, 'rds-storage-encryption');
    assert.ok((await quickFixes(doc)).length >= 4, 'several fixable problems to start with');
    const started = Date.now();
    const actions = await actionsAt(doc.uri, fullRange(doc), 'source.fixAll.srlens');
    recordMetric('source.fixAll.srlens computed', Date.now() - started);
    assert.equal(actions.length, 1, actions.map((a) => a.title).join(' | '));
    const [fixAll] = actions;
    assert.equal(fixAll.kind?.value, 'source.fixAll.srlens');
    assert.ok(fixAll.edit);
    const entries = fixAll.edit.entries();
    assert.equal(entries.length, 1, 'one file');
    assert.equal(entries[0][1].length, 1, 'one minimal edit');
    assert.ok(entries[0][1][0].range.start.line >= 5, 'the edit starts at the first change, not at the top');
    assert.equal(await vscode.workspace.applyEdit(fixAll.edit), true);
    await waitFor('no fixable srlens diagnostics left', async () => {
      await waitFor('fresh diagnostics', () => !diagnosticFor(doc.uri, 'rds-storage-encryption'));
      return (await quickFixes(doc)).length === 0;
    });
    const parsed = parseDocument(doc.getText());
    assert.deepEqual(parsed.errors, []);
    assert.ok(doc.getText().includes('  # The comment stays where it is.\n  Assets:\n'));
    assert.equal(srlensDiagnostics(doc.uri).filter((d) => ruleId(d) === 'parse-error').length, 0);
  });

  it('fixes a Terraform file from the command palette command', async () => {
    const doc = await open(MODULE_MAIN);
    await vscode.window.showTextDocument(doc);
    await waitForDiagnostic(doc.uri, 'rds-storage-encryption');
    assert.equal(await vscode.commands.executeCommand('srlens.fixAll'), true);
    assert.match(doc.getText(), /storage_encrypted\s+= true/);
    await waitFor('no fixable srlens diagnostics left in main.tf', async () => {
      await waitFor('fresh diagnostics', () => !diagnosticFor(doc.uri, 'rds-storage-encryption'));
      return (await quickFixes(doc)).length === 0;
    });
    assert.equal(srlensDiagnostics(doc.uri).filter((d) => ruleId(d) === 'parse-error').length, 0);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('offers nothing for fix-all when nothing is fixable', async () => {
    const doc = await open(FIXALL);
    const actions = await actionsAt(doc.uri, fullRange(doc), 'source.fixAll.srlens');
    assert.deepEqual(
      actions.map((a) => a.title),
      [],
    );
  });
});
