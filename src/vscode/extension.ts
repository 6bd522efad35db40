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
import { registerIsms } from './isms';
import { registerAws } from './aws';
import { registerCompare } from './compare';
import { initialisePlatform } from './platform';
import { logRuleCrash, outputDisposable } from './output';
import { editorTerraformHost } from './terraform-inputs';
import { registerTerraformDependents } from './terraform-dependents';
import { moduleDirOf, sourceKindOf } from '../iac/detect';
import { fileOf, isWorkspaceUri, uriOf } from './files';

export function activate(context: vscode.ExtensionContext): void {
  initialisePlatform(context);
  // A rule that throws becomes a rule-error finding; its stack goes to the Output panel.
  const analyzer = new Analyzer({ onRuleError: logRuleCrash, terraform: editorTerraformHost() });
  context.subscriptions.push(outputDisposable);
  const analyses = new DocumentAnalyses(analyzer);
  const diagnostics = new DiagnosticsController(analyses);
  const config = new ConfigController(analyzer, () => diagnostics.refreshAll(), toDiagnostic);
  context.subscriptions.push(diagnostics, config, ...analyses.register(), ...registerCommands());

  // Editor features, one file each (registered below this line).
  const isms = registerIsms(analyzer, config);
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
}

export function deactivate(): void {
  // Everything is disposed through the context's subscriptions.
}
