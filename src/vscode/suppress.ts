/**
 * `srlens.suppress` (internal, run from the "Suppress <rule> for <resource>…" code action): asks
 * why the finding does not apply, then records an accountable suppression with that reason — a
 * `# srlens-ignore` comment in YAML and Terraform, resource Metadata in CloudFormation JSON (the
 * edits come from engine/suppression-edits.ts), and an expiry date when one is given. Callers that
 * already have a reason pass it (and the expiry, if any) and are not asked.
 */
import * as vscode from 'vscode';
import { cleanReason, suppressionEdits } from '../engine/suppression-edits';
import { isIsoDate } from '../engine/suppressions';
import { resourcesIn, type DocumentAnalyses } from './analysis';
import { fileOf } from './files';

export const SUPPRESS_COMMAND = 'srlens.suppress';

export interface SuppressArgs {
  uri: string | vscode.Uri;
  ruleId: string;
  /** CloudFormation logical id or Terraform address. */
  resource: string;
  /** Asked for when missing. */
  reason?: string;
  /** `YYYY-MM-DD`, the last day the suppression holds; asked for (optional) with the reason. */
  expires?: string;
}

export function registerSuppress(analyses: DocumentAnalyses): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(SUPPRESS_COMMAND, (args: SuppressArgs | undefined) => suppress(analyses, args)),
  ];
}

/** Resolves to true when the suppression was written. */
async function suppress(analyses: DocumentAnalyses, args: SuppressArgs | undefined): Promise<boolean> {
  if (!args || !args.uri || typeof args.ruleId !== 'string' || typeof args.resource !== 'string') return false;
  const uri = typeof args.uri === 'string' ? vscode.Uri.parse(args.uri) : args.uri;
  let reason = args.reason;
  let expires = args.expires;
  if (reason === undefined) {
    reason = await vscode.window.showInputBox({
      title: `Suppress ${args.ruleId} for ${args.resource}`,
      prompt:
        'Why does this finding not apply here? The reason is written next to the suppression, for reviewers and auditors.',
      placeHolder: 'For example: public website content, reviewed by the security team',
      ignoreFocusOut: true,
      validateInput: (value) =>
        cleanReason(value) ? undefined : 'Give a reason: a suppression without one does not apply.',
    });
    if (reason === undefined) return false; // dismissed
    expires = await vscode.window.showInputBox({
      title: `Suppress ${args.ruleId} for ${args.resource}: until when?`,
      prompt:
        'The last day this acceptance holds (YYYY-MM-DD); after it the finding is reported again. Leave empty for no expiry.',
      placeHolder: 'For example: 2027-03-31',
      ignoreFocusOut: true,
      validateInput: (value) =>
        value.trim() === '' || isIsoDate(value.trim()) ? undefined : 'Write a date as YYYY-MM-DD, or leave it empty.',
    });
    if (expires === undefined) return false; // dismissed
  }

  let doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  try {
    doc ??= await vscode.workspace.openTextDocument(uri);
  } catch {
    void vscode.window.showWarningMessage(`${uri.fsPath} cannot be opened, so nothing was suppressed.`);
    return false;
  }
  const result = await analyses.analyze(doc);
  if (!result || result.version !== doc.version) {
    void vscode.window.showWarningMessage('The file changed while the suppression was being prepared. Try again.');
    return false;
  }
  const target = resourcesIn(result, fileOf(doc.uri)).find((r) => r.resource.id === args.resource);
  if (!target) {
    void vscode.window.showWarningMessage(`'${args.resource}' is no longer in this file, so nothing was suppressed.`);
    return false;
  }
  const computed = suppressionEdits(target.resource, args.ruleId, reason, doc.getText(), { expires });
  if ('error' in computed) {
    void vscode.window.showErrorMessage(computed.error);
    return false;
  }
  const edit = new vscode.WorkspaceEdit();
  for (const e of computed.edits) {
    edit.replace(
      uri,
      new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character),
      e.newText,
    );
  }
  // Nothing awaited between reading the text and building the edit, but check all the same.
  if (doc.version !== result.version) return false;
  return vscode.workspace.applyEdit(edit);
}
