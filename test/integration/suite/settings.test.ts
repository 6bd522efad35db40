/**
 * The `srlens.*` settings in a real editor: rule severities and required tags laid over
 * `.srlens.yaml`, the minimum severity, and the declared contributions. Every test restores the
 * workspace settings it changes.
 */
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, rdsDiagnostics, RULE, ruleId, srlensDiagnostics, waitFor, workspaceUri } from './helpers';
import { recordMetric } from './results';

const UNOPENED = ['scan', 'unopened.yaml'];
const TAG_RULE = 'tagging-required-tags';

async function setWorkspaceSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('srlens').update(key, value, vscode.ConfigurationTarget.Workspace);
}

describe('settings', () => {
  const uri = () => workspaceUri(...UNOPENED);

  before(async () => {
    await waitFor(
      `the workspace scan to report ${RULE} on ${UNOPENED.join('/')}`,
      () => rdsDiagnostics(uri()).length > 0,
    );
  });

  afterEach(async () => {
    for (const key of ['rules', 'requiredTags', 'diagnostics.minimumSeverity'])
      await setWorkspaceSetting(key, undefined);
  });

  it('declares its settings in titled sections, each with a markdown description', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    const sections = extension?.packageJSON.contributes.configuration as {
      title: string;
      properties: Record<string, { markdownDescription?: string }>;
    }[];
    assert.ok(Array.isArray(sections), 'contributes.configuration is an array of sections');
    const titles = sections.map((s) => s.title);
    for (const title of ['General', 'Diagnostics', 'Workspace', 'Rules'])
      assert.ok(titles.includes(title), `no section '${title}'`);
    const keys = sections.flatMap((s) => Object.keys(s.properties));
    for (const key of [
      'enable',
      'diagnostics.minimumSeverity',
      'diagnostics.debounce',
      'workspaceScan.enable',
      'maxFileSize',
      'codeLens.enable',
      'rules',
      'requiredTags',
    ]) {
      assert.ok(keys.includes(`srlens.${key}`), `srlens.${key} is not declared`);
    }
    for (const section of sections)
      for (const [key, p] of Object.entries(section.properties))
        assert.ok(p.markdownDescription, `${key} has no markdownDescription`);
    const config = vscode.workspace.getConfiguration('srlens');
    assert.equal(config.get('diagnostics.debounce'), 300);
    assert.equal(config.get('maxFileSize'), 5 * 1024 * 1024);
    assert.equal(config.get('diagnostics.minimumSeverity'), 'info');
  });

  it('turning a rule off in srlens.rules removes its diagnostics, and turning it back restores them', async () => {
    const started = Date.now();
    await setWorkspaceSetting('rules', { [RULE]: 'off' });
    await waitFor(`the ${RULE} diagnostic to go`, () => rdsDiagnostics(uri()).length === 0);
    recordMetric('rule turned off in settings until its diagnostic went (unopened file, rescan)', Date.now() - started);
    assert.ok(srlensDiagnostics(uri()).length > 0, 'the other rules still report');

    await setWorkspaceSetting('rules', undefined);
    const [restored] = await waitFor(`the ${RULE} diagnostic to come back`, () => {
      const found = rdsDiagnostics(uri());
      return found.length > 0 && found;
    });
    assert.equal(restored.severity, vscode.DiagnosticSeverity.Error);
  });

  it('srlens.rules changes a severity, and srlens.diagnostics.minimumSeverity hides what falls below it', async () => {
    await setWorkspaceSetting('rules', { [RULE]: 'warning' });
    await waitFor(`${RULE} as a warning`, () =>
      rdsDiagnostics(uri()).some((d) => d.severity === vscode.DiagnosticSeverity.Warning),
    );

    await setWorkspaceSetting('diagnostics.minimumSeverity', 'error');
    await waitFor('only errors', () =>
      srlensDiagnostics(uri()).every((d) => d.severity === vscode.DiagnosticSeverity.Error),
    );
    assert.deepEqual(rdsDiagnostics(uri()), []);

    await setWorkspaceSetting('diagnostics.minimumSeverity', undefined);
    await setWorkspaceSetting('rules', undefined);
    await waitFor('information diagnostics again', () =>
      srlensDiagnostics(uri()).some((d) => d.severity === vscode.DiagnosticSeverity.Information),
    );
    await waitFor(`${RULE} as an error again`, () =>
      rdsDiagnostics(uri()).some((d) => d.severity === vscode.DiagnosticSeverity.Error),
    );
  });

  it('srlens.requiredTags turns on the tagging rule', async () => {
    const tagging = () => srlensDiagnostics(uri()).filter((d) => ruleId(d) === TAG_RULE);
    assert.deepEqual(tagging(), [], 'off while no tags are required');
    await setWorkspaceSetting('requiredTags', ['owner']);
    const [finding] = await waitFor(`a ${TAG_RULE} diagnostic`, () => {
      const found = tagging();
      return found.length > 0 && found;
    });
    assert.match(finding.message, /owner/);
    await setWorkspaceSetting('requiredTags', undefined);
    await waitFor(`the ${TAG_RULE} diagnostic to go`, () => tagging().length === 0);
  });
});
