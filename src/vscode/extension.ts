/**
 * Extension entry point: wires the engine to the editor. Activation only registers listeners and
 * commands; parsing starts when a CloudFormation or Terraform document is seen.
 */
import * as vscode from 'vscode';
import { Analyzer } from '../engine/analyzer';
import { registerCommands } from './commands';
import { DocumentAnalyses } from './analysis';
import { ConfigController } from './config';
import { DiagnosticsController, toDiagnostic } from './diagnostics';
import { registerCodeActions } from './code-actions';
import { registerCodeLens } from './code-lens';
import { registerHovers } from './hover';
import { registerFixAll } from './fix-all';
import { registerSuppress } from './suppress';
import { WorkspaceScanner } from './workspace-scan';
import { MatrixPanel } from './matrix';
import { registerRuleDocs } from './rule-docs';
import { registerIsms, type IsmsController } from './isms';
import { registerAws } from './aws';
import { registerCompare } from './compare';
import { initialisePlatform } from './platform';
import { logRuleCrash, outputDisposable } from './output';
import { editorTerraformHost } from './terraform-inputs';
import { registerTerraformDependents } from './terraform-dependents';
import { editorReadFile, refreshUsedFiles } from './nested-stacks';
import { moduleDirOf, sourceKindOf } from '../iac/detect';
import { fileOf, isWorkspaceUri, uriOf } from './files';

/** What the extension exports: its ISMS controller (the real-editor tests drive the ISMS tree through it). */
export interface SrlensExports {
  isms: IsmsController;
}

export function activate(context: vscode.ExtensionContext): SrlensExports {
  initialisePlatform(context);
  // A rule that throws becomes a rule-error finding; its stack goes to the Output panel.
  // What callers make of a used module or template changed: shown again once the scanner exists.
  let usedFilesChanged: (paths: string[]) => void = () => undefined;
  const analyzer = new Analyzer({
    onRuleError: logRuleCrash,
    terraform: editorTerraformHost(),
    readFile: editorReadFile(),
    onUsedFilesChanged: (paths) => usedFilesChanged(paths),
  });
  context.subscriptions.push(outputDisposable);
  const analyses = new DocumentAnalyses(analyzer);
  const diagnostics = new DiagnosticsController(analyses);
  const config = new ConfigController(analyzer, () => diagnostics.refreshAll(), toDiagnostic);
  context.subscriptions.push(diagnostics, config, ...analyses.register(), ...registerCommands(analyses));

  // Editor features, one file each (registered below this line).
  const isms = registerIsms(analyzer, config);
  // A new account check (.srlens/account.yaml) changes what findings say: show them again.
  isms.controller.onAccountChange = () => diagnostics.refreshAll();
  context.subscriptions.push(...isms.disposables, ...registerAws(isms.controller));
  const matrix = new MatrixPanel(context.extensionUri, analyses);
  context.subscriptions.push(...matrix.register(), ...registerRuleDocs());
  context.subscriptions.push(...registerHovers(analyses), ...registerCodeLens(analyses));
  context.subscriptions.push(
    ...registerCodeActions(analyses),
    ...registerSuppress(analyses),
    ...registerFixAll(analyses),
  );
  const scanner = new WorkspaceScanner(analyses, diagnostics, config);
  context.subscriptions.push(
    ...scanner.register(),
    scanner.onDidScan((event) => matrix.workspace.handle(event)),
  );
  usedFilesChanged = (paths) =>
    refreshUsedFiles(paths, {
      refreshOpen: (doc) => diagnostics.refresh(doc),
      refreshModule: (dir) => scanner.refreshModule(dir),
      refreshFile: (uri) => scanner.refreshFile(uri),
    });
  // A var file or a called module changed: the modules that read it are analysed again, open or not.
  context.subscriptions.push(
    ...registerTerraformDependents(analyzer, (dir) => {
      const open = vscode.workspace.textDocuments.find(
        (d) => isWorkspaceUri(d.uri) && sourceKindOf(d.uri.path) === 'terraform' && moduleDirOf(fileOf(d.uri)) === dir,
      );
      if (open) diagnostics.refresh(open);
      else void scanner.refreshModule(uriOf(dir));
    }),
  );
  context.subscriptions.push(...registerCompare(config));

  // Documents are analysed once the configuration is known; reading it never blocks activation.
  void config.start().then(() => diagnostics.start());
  return { isms: isms.controller };
}

export function deactivate(): void {
  // Everything is disposed through the context's subscriptions.
}
