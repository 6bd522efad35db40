/**
 * The extension's log in the Output panel ("Shared Responsibility Lens"), created the first time
 * something is written to it. A rule that crashes is logged here with its stack; the finding the
 * user sees (`rule-error`) only says that it crashed.
 */
import * as vscode from 'vscode';
import { describeRuleCrash, type RuleCrash } from '../engine/rule-error';

export const OUTPUT_CHANNEL_NAME = 'Shared Responsibility Lens';

let channel: vscode.LogOutputChannel | undefined;

/** The one log channel of the extension. */
export function outputChannel(): vscode.LogOutputChannel {
  channel ??= vscode.window.createOutputChannel(OUTPUT_CHANNEL_NAME, { log: true });
  return channel;
}

/** For `Analyzer({ onRuleError })`: the crash with its stack, as an error line of the log. */
export function logRuleCrash(crash: RuleCrash): void {
  outputChannel().error(describeRuleCrash(crash));
}

/** Disposes the channel when the extension is deactivated. */
export const outputDisposable: vscode.Disposable = {
  dispose: () => {
    channel?.dispose();
    channel = undefined;
  },
};
