/** The extension loads in a real VS Code, fast, and contributes its command. */
import { strict as assert } from 'node:assert';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { recordMetric } from './results';
import { EXTENSION_ID, waitFor } from './helpers';

describe('extension', () => {
  it('activates', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed in the test instance`);
    const wasActive = extension.isActive;
    const started = performance.now();
    await extension.activate();
    const activateCallMs = Math.round(performance.now() - started);
    assert.equal(extension.isActive, true);

    // The workspace holds .tf files, so `workspaceContains:**/*.tf` has usually activated the
    // extension before the tests start; VS Code's own performance marks still time that activation.
    const vscodeMarks = activationMarks(EXTENSION_ID);
    recordMetric('activation', { activateCallMs, wasActive, vscodeMarks });
    const total = vscodeMarks?.totalMs ?? activateCallMs;
    assert.ok(total < 5_000, `activation took ${total} ms`);
  });

  it('registers the srlens.explainType command', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('srlens.explainType'), 'srlens.explainType is not registered');
  });

  it('explains a resource type in a Markdown document', async () => {
    await vscode.commands.executeCommand('srlens.explainType', 'AWS::RDS::DBInstance');
    const doc = await waitFor('the explanation document', () =>
      vscode.workspace.textDocuments.find(
        (d) => d.languageId === 'markdown' && d.getText().startsWith('# AWS::RDS::DBInstance'),
      ),
    );
    assert.match(doc.getText(), /\| Concern \| Owner \| Why \|/);
    assert.match(doc.getText(), /\| You \|/);
  });
});

/**
 * Code loading and activate() times from the marks the extension host sets around each activation
 * (`code/extHost/willLoadExtensionCode/<id>` ... `didActivateExtension/<id>`); undefined if this
 * VS Code does not expose them.
 */
function activationMarks(id: string): { loadMs: number; activateMs: number; totalMs: number } | undefined {
  const perf = (globalThis as { MonacoPerformanceMarks?: { getMarks(): { name: string; startTime: number }[] } })
    .MonacoPerformanceMarks;
  if (typeof perf?.getMarks !== 'function') return undefined;
  const at = (name: string) => perf.getMarks().find((m) => m.name === `code/extHost/${name}/${id}`)?.startTime;
  const [willLoad, didLoad, willActivate, didActivate] = [
    'willLoadExtensionCode',
    'didLoadExtensionCode',
    'willActivateExtension',
    'didActivateExtension',
  ].map(at);
  if (willLoad === undefined || didLoad === undefined || willActivate === undefined || didActivate === undefined)
    return undefined;
  return {
    loadMs: Math.round(didLoad - willLoad),
    activateMs: Math.round(didActivate - willActivate),
    totalMs: Math.round(didActivate - willLoad),
  };
}
