/**
 * The browser build's `aws.ts`: asking AWS who the credentials belong to needs the AWS SDK for
 * Node.js and the machine's credential chain, neither of which exists in a web worker, so both
 * commands say where they work instead. The SDK is not in the browser bundle.
 */
import * as vscode from 'vscode';
import type { IsmsController } from './isms';
import { availableHere } from './platform';

export function registerAws(_isms: IsmsController): vscode.Disposable[] {
  const alternative = 'Use VS Code on the desktop, or `srlens aws whoami` in a terminal.';
  return [
    vscode.commands.registerCommand(
      'srlens.aws.checkAccount',
      () =>
        void availableHere(
          'AWS: Check This Account',
          'Use VS Code on the desktop, or `srlens aws check` in a terminal.',
        ),
    ),
    vscode.commands.registerCommand(
      'srlens.aws.showIdentity',
      () => void availableHere('AWS: Show Identity', alternative),
    ),
    vscode.commands.registerCommand(
      'srlens.isms.addAccount',
      () => void availableHere('ISMS: Add This Account to Scope', alternative),
    ),
  ];
}
