/**
 * What callers make of a called module, in a real editor: a module folder's own file shows the
 * findings its callers' arguments cause (not those of its defaults), and a problem that every
 * caller overrides is not shown. Fixtures: test/integration/workspace/callers/.
 */
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { rdsDiagnostics, RULE, waitFor, workspaceUri } from './helpers';

async function setText(uri: vscode.Uri, text: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text);
  assert.equal(await vscode.workspace.applyEdit(edit), true);
  return doc;
}

describe('a called Terraform module in the editor', () => {
  it("shows what its caller's argument causes, and nothing once every caller overrides the default", async () => {
    const module = workspaceUri('callers', 'modules', 'db', 'main.tf');
    const callerUri = workspaceUri('callers', 'prod', 'main.tf');
    const original = new TextDecoder().decode(await vscode.workspace.fs.readFile(callerUri));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(module));
    // The workspace scan analyses the closed caller; the module's diagnostic then names the call.
    const [diagnostic] = await waitFor(`a ${RULE} diagnostic in the module that names module.db`, () => {
      const found = rdsDiagnostics(module).filter((d) => d.message.includes('module.db.aws_db_instance.orders'));
      return found.length === 1 && found;
    });
    assert.equal(diagnostic.range.start.line, 10);

    const caller = await setText(callerUri, original.replace('encrypted = false', 'encrypted = true'));
    await waitFor(`no ${RULE} diagnostic in the module once its only caller encrypts`, () =>
      rdsDiagnostics(module).length === 0 ? true : undefined,
    );

    await setText(callerUri, original);
    assert.equal(await caller.save(), true);
    await waitFor(`the ${RULE} diagnostic back in the module`, () =>
      rdsDiagnostics(module).some((d) => d.message.includes('module.db.aws_db_instance.orders')) ? true : undefined,
    );
  });
});
