/**
 * Code actions on srlens diagnostics: the rule's quick fix (its edits are built when it runs, and
 * refused when the document changed since it was offered), "Suppress <rule> for <resource>…"
 * (suppress.ts), and "Explain who owns what for <type>" on a diagnostic or a resource type token.
 */
import * as vscode from 'vscode';
import type { Finding } from '../engine/finding';
import type { Range } from '../iac/model';
import { explainTitle, findingAt, planCodeActions } from '../features/code-actions';
import type { DocumentAnalyses } from './analysis';
import { SUPPRESS_COMMAND, type SuppressArgs } from './suppress';
import { fileOf, uriOf } from './files';

export const SELECTOR: vscode.DocumentSelector = [
  { language: 'yaml' },
  { language: 'json' },
  { language: 'terraform' },
];

/** Internal: applies one finding's fix, built from the document as it is when the command runs. */
export const APPLY_FIX_COMMAND = 'srlens.applyFix';
/** "Explain who owns what" is offered in the lightbulb, next to the fixes, under its own kind. */
export const EXPLAIN_KIND = vscode.CodeActionKind.QuickFix.append('srlens').append('explain');

export interface ApplyFixArgs {
  uri: string;
  /** The document version the fix was offered for. */
  version: number;
  ruleId: string;
  range: Range;
}

export function registerCodeActions(analyses: DocumentAnalyses): vscode.Disposable[] {
  return [
    vscode.languages.registerCodeActionsProvider(SELECTOR, new SrlensCodeActions(analyses), {
      providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, EXPLAIN_KIND],
    }),
    vscode.commands.registerCommand(APPLY_FIX_COMMAND, (args: ApplyFixArgs | undefined) => applyFix(analyses, args)),
  ];
}

class SrlensCodeActions implements vscode.CodeActionProvider {
  constructor(private readonly analyses: DocumentAnalyses) {}

  async provideCodeActions(
    doc: vscode.TextDocument,
    range: vscode.Range | vscode.Selection,
    context: vscode.CodeActionContext,
    token: vscode.CancellationToken,
  ): Promise<vscode.CodeAction[]> {
    if (context.only && !context.only.intersects(vscode.CodeActionKind.QuickFix)) return [];
    const ours = context.diagnostics.filter((d) => d.source === 'srlens');
    // The lightbulb asks on every cursor move; a Terraform analysis lists its module's directory,
    // so without a diagnostic there the type-token explanation waits for an explicit Ctrl+. there.
    if (
      ours.length === 0 &&
      context.triggerKind === vscode.CodeActionTriggerKind.Automatic &&
      doc.languageId === 'terraform'
    )
      return [];
    const result = await this.analyses.analyze(doc);
    // An analysis of an older version would offer fixes for text that is gone.
    if (!result || token.isCancellationRequested || result.version !== doc.version) return [];
    const plan = planCodeActions(
      this.analyses.analyzer,
      result.analysis,
      fileOf(doc.uri),
      ours.map((d) => ({ ruleId: ruleIdOf(d), range: d.range })),
      range.start,
    );
    const fixes = plan.fixes.map(({ diagnostic, finding, fix, preferred }) => {
      const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
      action.diagnostics = [ours[diagnostic]];
      const args: ApplyFixArgs = {
        uri: doc.uri.toString(),
        version: doc.version,
        ruleId: finding.ruleId,
        range: finding.range,
      };
      action.command = { command: APPLY_FIX_COMMAND, title: fix.title, arguments: [args] };
      if (preferred) action.isPreferred = true;
      return action;
    });
    const suppressions = plan.suppressions.map(({ diagnostic, finding, title }) =>
      suppressAction(doc, finding, ours[diagnostic], title),
    );
    const explanations = plan.explainTypes.map((type) => {
      const action = new vscode.CodeAction(explainTitle(type), EXPLAIN_KIND);
      action.command = { command: 'srlens.explainType', title: 'Explain who owns what', arguments: [type] };
      return action;
    });
    return [...fixes, ...suppressions, ...explanations];
  }
}

function suppressAction(
  doc: vscode.TextDocument,
  finding: Finding,
  diagnostic: vscode.Diagnostic,
  title: string,
): vscode.CodeAction {
  const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  const args: SuppressArgs = { uri: doc.uri.toString(), ruleId: finding.ruleId, resource: finding.resource };
  action.command = { command: SUPPRESS_COMMAND, title: action.title, arguments: [args] };
  return action;
}

/**
 * Builds the fix from the current analysis and applies it, unless the document is no longer the
 * version the fix was offered for. Resolves to true when the edit was applied.
 */
async function applyFix(analyses: DocumentAnalyses, args: ApplyFixArgs | undefined): Promise<boolean> {
  if (!args || typeof args.uri !== 'string' || typeof args.version !== 'number') return false;
  const doc = await documentFor(args.uri);
  if (!doc) return false;
  const stale = () => doc.version !== args.version;
  if (stale()) return refuse();
  const result = await analyses.analyze(doc);
  if (!result || stale() || result.version !== args.version) return refuse();
  const finding = findingAt(result.analysis, fileOf(doc.uri), args.ruleId, args.range);
  const fix = finding?.fixable ? analyses.analyzer.fixFor(finding) : undefined;
  if (!fix) {
    void vscode.window.showWarningMessage(
      `This ${args.ruleId} problem has no automatic fix any more. Ask for the quick fixes again.`,
    );
    return false;
  }
  const edit = new vscode.WorkspaceEdit();
  for (const e of fix.edits) edit.replace(uriOf(e.file), toRange(e.range), e.newText);
  if (!(await vscode.workspace.applyEdit(edit))) return false;
  // A fix that changed another file (a Terraform variable's default in variables.tf) shows that file at the change.
  const elsewhere = fix.edits.find((e) => uriOf(e.file).toString() !== doc.uri.toString());
  if (elsewhere)
    await vscode.window.showTextDocument(uriOf(elsewhere.file), {
      preview: true,
      preserveFocus: false,
      selection: toRange(elsewhere.range),
    });
  return true;
}

function refuse(): false {
  void vscode.window.showWarningMessage(
    'The file changed after this fix was offered, so it was not applied. Ask for the quick fix again.',
  );
  return false;
}

async function documentFor(uri: string | vscode.Uri): Promise<vscode.TextDocument | undefined> {
  const parsed = typeof uri === 'string' ? vscode.Uri.parse(uri) : uri;
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === parsed.toString());
  if (open) return open;
  try {
    return await vscode.workspace.openTextDocument(parsed);
  } catch {
    return undefined;
  }
}

export function ruleIdOf(d: vscode.Diagnostic): string | undefined {
  if (typeof d.code === 'object') return String(d.code.value);
  return d.code === undefined ? undefined : String(d.code);
}

export function toRange(r: Range): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}
