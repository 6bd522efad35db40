/**
 * The workspace scan in a real editor: files that are never opened get diagnostics, `files.exclude`
 * is honoured (test/integration/workspace/.vscode/settings.json excludes scan/excluded), the
 * command runs to completion, and file events keep the results current.
 */
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { rdsDiagnostics, RULE, ruleId, srlensDiagnostics, waitFor, workspaceUri } from './helpers';
import { recordMetric } from './results';

const UNOPENED = ['scan', 'unopened.yaml'];
const EXCLUDED = ['scan', 'excluded', 'hidden.yaml'];
const CFN_FILES = 400;
const TF_MODULES = 40;

interface ScanSummary {
  files: number;
  findings: number;
  skipped: number;
  cancelled: boolean;
  durationMs: number;
}

const isOpen = (uri: vscode.Uri) => vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());

describe('workspace scan', () => {
  it('reports a file that was never opened', async () => {
    const uri = workspaceUri(...UNOPENED);
    const [diagnostic] = await waitFor(`the startup scan to report ${RULE} on ${UNOPENED.join('/')}`, () => {
      const found = rdsDiagnostics(uri);
      return found.length > 0 && found;
    });
    assert.equal(isOpen(uri), false, 'the file is not open');
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(diagnostic.range.start.line, 12, 'on the StorageEncrypted value');
    assert.ok(diagnostic.message.includes("'AuditDatabase'"), diagnostic.message);
  });

  it('runs on demand with srlens.scanWorkspace and completes', async () => {
    const started = Date.now();
    const summary = await vscode.commands.executeCommand<ScanSummary>('srlens.scanWorkspace');
    recordMetric('srlens.scanWorkspace on the fixture workspace', Date.now() - started);
    assert.ok(summary, 'the command returns a summary');
    assert.equal(summary.cancelled, false);
    assert.ok(summary.files >= 7, `scanned ${summary.files} files`);
    assert.ok(summary.findings >= 5, `found ${summary.findings} findings`);
    assert.ok(rdsDiagnostics(workspaceUri(...UNOPENED)).length > 0);
  });

  it('skips folders excluded by files.exclude', async () => {
    await vscode.commands.executeCommand('srlens.scanWorkspace');
    assert.deepEqual(srlensDiagnostics(workspaceUri(...EXCLUDED)), []);
  });

  it('analyses a new file, follows a rename, and clears the diagnostics of a deleted file', async () => {
    const copy = workspaceUri('scan', 'copy.yaml');
    const renamed = workspaceUri('scan', 'renamed.yaml');
    try {
      let started = Date.now();
      await vscode.workspace.fs.copy(workspaceUri(...UNOPENED), copy, { overwrite: true });
      await waitFor(`${RULE} on the new file`, () => rdsDiagnostics(copy).length > 0);
      recordMetric('new file on disk until its diagnostics', Date.now() - started);

      await vscode.workspace.fs.rename(copy, renamed, { overwrite: true });
      await waitFor('the renamed file to be reported', () => rdsDiagnostics(renamed).length > 0);
      await waitFor('the old name to be cleared', () => srlensDiagnostics(copy).length === 0);

      started = Date.now();
      await vscode.workspace.fs.delete(renamed);
      await waitFor('the deleted file to be cleared', () => srlensDiagnostics(renamed).length === 0);
      recordMetric('deleted file until its diagnostics cleared', Date.now() - started);
    } finally {
      for (const uri of [copy, renamed]) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    }
  });

  it('analyses a new Terraform file, re-analyses it when it changes on disk, and clears a deleted folder', async () => {
    const dir = workspaceUri('scan', 'module');
    const db = vscode.Uri.joinPath(dir, 'db.tf');
    const encoder = new TextEncoder();
    try {
      await vscode.workspace.fs.writeFile(
        db,
        encoder.encode('resource "aws_db_instance" "scan" {\n  engine = "postgres"\n}\n'),
      );
      await waitFor(`${RULE} on the new Terraform file`, () => rdsDiagnostics(db).length > 0);
      await vscode.workspace.fs.writeFile(
        db,
        encoder.encode('resource "aws_db_instance" "scan" {\n  engine = "postgres"\n  storage_encrypted = true\n}\n'),
      );
      await waitFor(
        `the ${RULE} diagnostic to clear after the file changed on disk`,
        () => rdsDiagnostics(db).length === 0,
      );
    } finally {
      await vscode.workspace.fs.delete(dir, { recursive: true }).then(undefined, () => undefined);
    }
    await waitFor('the deleted module to be cleared', () => srlensDiagnostics(db).length === 0);
  });

  it('scans a few hundred files without stalling the editor, and a new scan cancels the running one', async function () {
    this.timeout(120_000);
    const bulk = workspaceUri('scan', 'bulk');
    const template = await vscode.workspace.fs.readFile(workspaceUri(...UNOPENED));
    const encoder = new TextEncoder();
    const writes: Thenable<void>[] = [];
    for (let i = 0; i < CFN_FILES; i++)
      writes.push(vscode.workspace.fs.writeFile(vscode.Uri.joinPath(bulk, `stack-${i}.yaml`), template));
    for (let i = 0; i < TF_MODULES; i++) {
      const dir = vscode.Uri.joinPath(bulk, `module-${i}`);
      writes.push(
        vscode.workspace.fs.writeFile(
          vscode.Uri.joinPath(dir, 'db.tf'),
          encoder.encode(`resource "aws_db_instance" "m${i}" {\n  engine = "postgres"\n}\n`),
        ),
      );
      writes.push(
        vscode.workspace.fs.writeFile(
          vscode.Uri.joinPath(dir, 'variables.tf'),
          encoder.encode('variable "name" {\n  type = string\n}\n'),
        ),
      );
    }
    await Promise.all(writes);
    const last = vscode.Uri.joinPath(bulk, `stack-${CFN_FILES - 1}.yaml`);
    try {
      // The file events alone bring the new files in (as a rescan: there are many of them).
      await waitFor('the new files to be reported', () => rdsDiagnostics(last).length > 0, 60_000);

      // A second scan cancels the first; what the first published stays.
      const first = vscode.commands.executeCommand<ScanSummary>('srlens.scanWorkspace');
      const second = vscode.commands.executeCommand<ScanSummary>('srlens.scanWorkspace');
      assert.equal((await first).cancelled, true, 'the first scan was cancelled');
      assert.ok(rdsDiagnostics(workspaceUri(...UNOPENED)).length > 0, 'cancelling keeps published results');
      await second;

      // Time a full scan and the longest gap in the extension host's event loop while it runs.
      let longest = 0;
      let previous = Date.now();
      const ticker = setInterval(() => {
        const now = Date.now();
        longest = Math.max(longest, now - previous);
        previous = now;
      }, 5);
      const started = Date.now();
      const summary = await vscode.commands.executeCommand<ScanSummary>('srlens.scanWorkspace');
      const elapsed = Date.now() - started;
      clearInterval(ticker);
      recordMetric(
        `full scan of ${summary.files} files (${CFN_FILES} templates, ${TF_MODULES} two-file Terraform modules)`,
        elapsed,
      );
      recordMetric('longest event-loop stall during that scan', longest);
      assert.equal(summary.cancelled, false);
      assert.ok(summary.files >= CFN_FILES + 2 * TF_MODULES, `scanned ${summary.files} files`);
      assert.ok(
        rdsDiagnostics(vscode.Uri.joinPath(bulk, 'module-0', 'db.tf')).length > 0,
        'Terraform modules are reported',
      );
      assert.ok(longest < 250, `the event loop stalled for ${longest} ms`);
    } finally {
      await vscode.workspace.fs.delete(bulk, { recursive: true }).then(undefined, () => undefined);
    }
    await waitFor('the deleted folder to be cleared', () => srlensDiagnostics(last).length === 0);
  });

  it('skips files over srlens.maxFileSize with one information diagnostic on the first line', async () => {
    const uri = workspaceUri(...UNOPENED);
    const config = vscode.workspace.getConfiguration('srlens');
    try {
      await config.update('maxFileSize', 100, vscode.ConfigurationTarget.Workspace);
      const [skipped] = await waitFor('the file-too-large diagnostic', () => {
        const found = srlensDiagnostics(uri);
        return found.length === 1 && ruleId(found[0]) === 'file-too-large' && found;
      });
      assert.equal(skipped.severity, vscode.DiagnosticSeverity.Information);
      assert.equal(skipped.range.start.line, 0);
      assert.match(skipped.message, /limit/);
    } finally {
      await config.update('maxFileSize', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor(`${RULE} again after the limit is restored`, () => rdsDiagnostics(uri).length > 0);
  });
});
