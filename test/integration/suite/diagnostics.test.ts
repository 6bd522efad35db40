/**
 * Diagnostics in a real editor, on a copy of test/integration/workspace: CloudFormation YAML and
 * JSON, a two-file Terraform module, files that are not templates, and edits that fix a finding.
 */
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { recordMetric } from './results';
import { diagnosticsReported, rdsDiagnostics, RULE, ruleId, srlensDiagnostics, waitFor, workspaceUri } from './helpers';

const YAML = ['cloudformation', 'database.yaml'];
const JSON_TEMPLATE = ['cloudformation', 'database.json'];
const TF_MAIN = ['terraform', 'database', 'main.tf'];
const TF_DB = ['terraform', 'database', 'db.tf'];
const KUBERNETES = ['kubernetes', 'deployment.yaml'];
const WORKFLOW = ['.github', 'workflows', 'ci.yml'];

/** Opens a file and waits for its rds-storage-encryption diagnostic (on `reportedOn`, default the same file). */
async function openAndWait(
  file: string[],
  reportedOn = file,
): Promise<{ doc: vscode.TextDocument; diagnostic: vscode.Diagnostic; ms: number }> {
  const started = Date.now();
  const doc = await vscode.workspace.openTextDocument(workspaceUri(...file));
  const target = workspaceUri(...reportedOn);
  const [diagnostic] = await waitFor(`a ${RULE} diagnostic on ${reportedOn.join('/')}`, () => {
    const found = rdsDiagnostics(target);
    return found.length > 0 && found;
  });
  return { doc, diagnostic, ms: Date.now() - started };
}

function assertRdsDiagnostic(diagnostic: vscode.Diagnostic, resource: string): void {
  assert.equal(diagnostic.source, 'srlens');
  assert.equal(ruleId(diagnostic), RULE);
  assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
  const code = diagnostic.code as { value: string; target: vscode.Uri };
  assert.ok(code.target instanceof vscode.Uri, 'the code carries a link to the rule documentation');
  assert.equal(code.target.scheme, 'https');
  assert.ok(code.target.path.endsWith(`/docs/rules/${RULE}.md`), code.target.toString());
  assert.ok(diagnostic.message.includes(resource), diagnostic.message);
  // A headline: the owner word and the concern first, then what is wrong and where.
  assert.ok(diagnostic.message.startsWith('You · Data at rest: '), `owner words missing: ${diagnostic.message}`);
  assert.ok(diagnostic.message.length <= 120, diagnostic.message);
}

describe('diagnostics', () => {
  it('reports unencrypted RDS storage in a CloudFormation YAML template, on the offending value', async () => {
    const { doc, diagnostic, ms } = await openAndWait(YAML);
    recordMetric('first YAML diagnostic after opening', ms);
    assertRdsDiagnostic(diagnostic, "'OrdersDatabase'");
    assert.equal(doc.getText(diagnostic.range), 'false');
    assert.equal(doc.lineAt(diagnostic.range.start.line).text.trim(), 'StorageEncrypted: false');
  });

  it('reports a CloudFormation JSON template that never sets StorageEncrypted, on the resource type', async () => {
    const { doc, diagnostic } = await openAndWait(JSON_TEMPLATE);
    assertRdsDiagnostic(diagnostic, "'ReportsDatabase'");
    assert.match(doc.getText(diagnostic.range), /AWS::RDS::DBInstance/);
  });

  it('analyses a Terraform module as a whole: opening main.tf reports the database in db.tf', async () => {
    const { diagnostic, ms } = await openAndWait(TF_MAIN, TF_DB);
    recordMetric('first Terraform diagnostic after opening (loads the HCL parser)', ms);
    assertRdsDiagnostic(diagnostic, 'aws_db_instance.billing');
    const db = await vscode.workspace.openTextDocument(workspaceUri(...TF_DB));
    assert.match(db.getText(diagnostic.range), /aws_db_instance/);
    assert.deepEqual(srlensDiagnostics(workspaceUri(...TF_MAIN)), []);
  });

  it('reports nothing for a Kubernetes manifest or a GitHub workflow', async () => {
    const uris = [workspaceUri(...KUBERNETES), workspaceUri(...WORKFLOW)];
    // The extension publishes an (empty) diagnostic set for every YAML file it analyses: waiting for
    // that event proves both files were looked at, not merely that nothing has arrived yet.
    const reported = diagnosticsReported(uris);
    for (const uri of uris) await vscode.workspace.openTextDocument(uri);
    await reported;
    for (const uri of uris) assert.deepEqual(srlensDiagnostics(uri), [], uri.path);
  });

  it('publishes diagnostics only for the files with findings', () => {
    // Only this suite's folders: the workspace scan also reports fixtures of other suites.
    const folders = [YAML, JSON_TEMPLATE, TF_MAIN, TF_DB, KUBERNETES, WORKFLOW].map((f) => `${f[0]}/`);
    const withFindings = vscode.languages
      .getDiagnostics()
      .filter(([, diagnostics]) => diagnostics.some((d) => d.source === 'srlens'))
      .map(([uri]) => vscode.workspace.asRelativePath(uri))
      .filter((file) => folders.some((folder) => file.startsWith(folder)))
      .sort();
    assert.deepEqual(withFindings, [JSON_TEMPLATE, YAML, TF_DB].map((f) => f.join('/')).sort());
  });

  it('clears the YAML finding when an edit sets StorageEncrypted: true', async () => {
    const uri = workspaceUri(...YAML);
    const { doc } = await openAndWait(YAML); // the finding is there before the edit
    const offset = doc.getText().indexOf('StorageEncrypted: false');
    assert.ok(offset >= 0);
    const valueStart = doc.positionAt(offset + 'StorageEncrypted: '.length);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(valueStart, valueStart.translate(0, 'false'.length)), 'true');
    const started = Date.now();
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    await waitFor(`the ${RULE} diagnostic to clear`, () => rdsDiagnostics(uri).length === 0);
    recordMetric('YAML finding cleared after the edit (300 ms debounce)', Date.now() - started);
    assert.ok(doc.getText().includes('StorageEncrypted: true'));
  });

  it('clears the Terraform finding when an unsaved edit adds storage_encrypted = true', async () => {
    const uri = workspaceUri(...TF_DB);
    const { doc } = await openAndWait(TF_DB); // the finding is there before the edit
    const close = doc.positionAt(doc.getText().lastIndexOf('}'));
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, close, '  storage_encrypted = true\n');
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    await waitFor(`the ${RULE} diagnostic on db.tf to clear`, () => rdsDiagnostics(uri).length === 0);
    assert.equal(doc.isDirty, true);
  });
});
