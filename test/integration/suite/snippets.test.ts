/**
 * The snippets in a real editor: each contributed snippet replaces an insecure resource in a new
 * file, through VS Code's own snippet engine, and the finding that resource drew must go away
 * without another taking its place. The text VS Code inserts must also be the text the unit test
 * (test/unit/product/snippets.test.ts) analyses, so that test's expansion is checked against the real one.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { expandSnippet, frame, framed, lines, prefixes, type Snippet } from '../../snippets';
import { EXTENSION_ID, ruleId, srlensDiagnostics, waitFor, workspaceUri } from './helpers';

const SENTINEL_RULE = 'rds-storage-encryption';

/** An insecure resource to replace: it draws rds-storage-encryption, so analysis is seen to run before and after. */
const SENTINEL: Record<string, string> = {
  yaml: 'Sentinel:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      StorageEncrypted: false',
  json: '"Sentinel": { "Type": "AWS::RDS::DBInstance", "Properties": { "StorageEncrypted": false } }',
  terraform: 'resource "aws_db_instance" "sentinel" {\n  storage_encrypted = false\n}',
};

/** Lines without trailing spaces, and no trailing empty lines: VS Code indents the empty line the final `$0` leaves. */
function normalized(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trimEnd();
}

describe('snippets in the editor', function () {
  this.timeout(120_000);
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  const contributed: { language: string; path: string }[] = extension?.packageJSON.contributes.snippets ?? [];

  // The files live in a folder of their own, removed afterwards so later suites see the workspace as it was.
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(workspaceUri('snippets'), { recursive: true, useTrash: false });
  });

  it('are contributed for yaml, json and terraform', () => {
    assert.deepEqual(contributed.map((c) => c.language).sort(), ['json', 'terraform', 'yaml']);
  });

  for (const language of ['yaml', 'json', 'terraform']) {
    it(`${language}: each snippet inserts the expected text and clears the finding it replaces`, async () => {
      const entry = contributed.find((c) => c.language === language);
      assert.ok(extension && entry, `no ${language} snippets`);
      const snippets = JSON.parse(readFileSync(path.join(extension.extensionPath, entry.path), 'utf8')) as Record<
        string,
        Snippet
      >;
      const { before, after, file } = frame(language);
      const entries = Object.entries(snippets).map(([name, snippet]) => ({
        name,
        snippet,
        uri: workspaceUri('snippets', `${language}-${prefixes(snippet)[0]}`, file),
      }));
      // All files at once, so their analyses overlap: first each with the sentinel, seen analysed.
      for (const { uri } of entries)
        await vscode.workspace.fs.writeFile(uri, Buffer.from(before + SENTINEL[language] + after));
      const docs: vscode.TextDocument[] = [];
      for (const { uri } of entries)
        docs.push((await vscode.window.showTextDocument(uri, { preview: false })).document);
      await waitFor(`the sentinel's finding in every ${language} file`, () =>
        entries.every(({ uri }) => srlensDiagnostics(uri).some((d) => ruleId(d) === SENTINEL_RULE)),
      );

      // Then each sentinel replaced by a snippet, through VS Code's snippet engine.
      for (const [i, { name, snippet }] of entries.entries()) {
        const doc = docs[i];
        const editor = await vscode.window.showTextDocument(doc);
        const range = new vscode.Range(
          doc.positionAt(before.length),
          doc.positionAt(before.length + SENTINEL[language].length),
        );
        assert.ok(await editor.insertSnippet(new vscode.SnippetString(lines(snippet.body)), range), name);
        assert.equal(
          normalized(doc.getText()),
          normalized(framed(language, expandSnippet(lines(snippet.body)))),
          `${name}: VS Code inserted other text than the unit test analyses`,
        );
      }

      // The sentinel's finding gone means the snippet's text was analysed: nothing else may be reported.
      await waitFor(
        `every ${language} snippet to be analysed`,
        () => entries.every(({ uri }) => !srlensDiagnostics(uri).some((d) => ruleId(d) === SENTINEL_RULE)),
        30_000,
      );
      const remaining = entries.flatMap(({ name, uri }) =>
        srlensDiagnostics(uri).map((d) => `${name}: ${ruleId(d)} line ${d.range.start.line + 1}: ${d.message}`),
      );
      assert.deepEqual(remaining, []);
      // Saved only now, so the editors close without asking.
      assert.ok(await vscode.workspace.saveAll(false));
    });
  }
});
