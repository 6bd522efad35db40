/**
 * Terraform inputs in a real editor: a change in `terraform.tfvars` (unsaved, saved, or written on
 * disk while nothing is open) re-analyses the module that reads it, and the diagnostic in
 * `main.tf` appears and disappears with the value. Fixtures: test/integration/workspace/tfvars/.
 */
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { rdsDiagnostics, RULE, waitFor, workspaceUri } from './helpers';
import { recordMetric } from './results';

const isOpen = (uri: vscode.Uri) => vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());

/** Replaces the whole text of a document (opened if needed) with an unsaved edit. */
async function setText(uri: vscode.Uri, text: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text);
  assert.equal(await vscode.workspace.applyEdit(edit), true);
  return doc;
}

describe('Terraform var files', () => {
  it('an edit of terraform.tfvars moves the diagnostic in main.tf: unsaved, then saved', async () => {
    const main = workspaceUri('tfvars', 'open', 'main.tf');
    const tfvars = workspaceUri('tfvars', 'open', 'terraform.tfvars');
    const doc = await vscode.workspace.openTextDocument(main);
    const [diagnostic] = await waitFor(`a ${RULE} diagnostic on main.tf (terraform.tfvars sets false)`, () => {
      const found = rdsDiagnostics(main);
      return found.length > 0 && found;
    });
    assert.equal(doc.getText(diagnostic.range), 'var.encrypted');
    assert.equal(diagnostic.range.start.line, 10);
    assert.ok(diagnostic.message.includes('aws_db_instance.orders'), diagnostic.message);
    // relatedInformation: where the value came from.
    const related = (diagnostic.relatedInformation ?? []).map((r) => [
      r.location.uri.toString(),
      r.location.range.start.line,
      r.location.range.start.character,
      r.location.range.end.line,
      r.location.range.end.character,
      r.message,
    ]);
    assert.deepEqual(related, [[tfvars.toString(), 0, 0, 0, 17, 'value from terraform.tfvars']]);

    let started = Date.now();
    const vars = await setText(tfvars, 'encrypted = true\n');
    assert.equal(vars.isDirty, true);
    await waitFor(
      `the ${RULE} diagnostic on main.tf to clear after an unsaved tfvars edit`,
      () => rdsDiagnostics(main).length === 0,
    );
    recordMetric('main.tf re-analysed after an unsaved terraform.tfvars edit', Date.now() - started);

    started = Date.now();
    await setText(tfvars, 'encrypted = false\n');
    assert.equal(await vars.save(), true);
    const [back] = await waitFor(`the ${RULE} diagnostic on main.tf to return after saving false`, () => {
      const found = rdsDiagnostics(main);
      return found.length > 0 && found;
    });
    assert.deepEqual(
      [back.range.start.line, back.range.start.character, back.range.end.line, back.range.end.character],
      [10, 22, 10, 35],
    );
    recordMetric('main.tf re-analysed after saving terraform.tfvars', Date.now() - started);
  });

  it('terraform.tfvars written on disk re-analyses a module nobody has open', async () => {
    const main = workspaceUri('tfvars', 'closed', 'main.tf');
    const tfvars = workspaceUri('tfvars', 'closed', 'terraform.tfvars');
    const [diagnostic] = await waitFor(`the workspace scan to report ${RULE} on the unopened main.tf`, () => {
      const found = rdsDiagnostics(main);
      return found.length > 0 && found;
    });
    assert.equal(diagnostic.range.start.line, 10);
    assert.equal(isOpen(main), false);
    assert.equal(isOpen(tfvars), false);
    await vscode.workspace.fs.writeFile(tfvars, new TextEncoder().encode('encrypted = true\n'));
    await waitFor(`the ${RULE} diagnostic on the unopened main.tf to clear`, () => rdsDiagnostics(main).length === 0);
    await vscode.workspace.fs.writeFile(tfvars, new TextEncoder().encode('encrypted = false\n'));
    await waitFor(`the ${RULE} diagnostic on the unopened main.tf to return`, () => rdsDiagnostics(main).length > 0);
    assert.equal(isOpen(main), false);
  });
});
