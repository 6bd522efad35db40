/**
 * AWS commands: who the credentials on this machine belong to (STS GetCallerIdentity, which needs
 * no IAM permission), and recording that account in the ISMS scope. AWS is called only when the
 * user runs one of these commands; the SDK is loaded then, not at activation.
 */
import * as vscode from 'vscode';
import type { AccountCheckReport } from '../aws/account-check';
import type { CallerIdentity } from '../aws/identity';
import { formatAccountMarkdown } from '../cli/aws-check';
import { ACCOUNT_SNAPSHOT_FILE, ISMS_STATE_FILE, accountSnapshot, serializeAccountSnapshot } from '../isms';
import type { IsmsController } from './isms';

export interface ShowIdentityArgs {
  /** Return the identity without showing a message (errors are still returned as undefined). */
  quiet?: boolean;
}

const PRINCIPAL_LABEL: Record<CallerIdentity['principalType'], string> = {
  root: 'account root user',
  user: 'IAM user',
  'assumed-role': 'assumed role',
  'federated-user': 'federated user',
  unknown: 'principal',
};

interface AwsSettings {
  profile?: string;
  region?: string;
  endpoint?: string;
}

function awsSettings(): AwsSettings {
  const config = vscode.workspace.getConfiguration('srlens.aws');
  const text = (key: string) => {
    const value = config.get<unknown>(key);
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };
  return { profile: text('profile'), region: text('region'), endpoint: text('endpoint') };
}

/** The Region the identity check and the scope use: the setting, the environment, else us-east-1. */
function regionOf(settings: AwsSettings): string {
  return settings.region ?? (process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || 'us-east-1');
}

async function identity(title: string): Promise<CallerIdentity | undefined> {
  const settings = awsSettings();
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title, cancellable: true },
    async (_progress, token) => {
      const { getCallerIdentity, IdentityError } = await import('../aws/identity');
      const controller = new AbortController();
      const subscription = token.onCancellationRequested(() => controller.abort());
      try {
        return await getCallerIdentity({ ...settings, region: regionOf(settings), signal: controller.signal });
      } catch (error) {
        if (error instanceof IdentityError && error.kind === 'cancelled') return undefined;
        const message =
          error instanceof IdentityError ? error.message : `The identity check failed: ${(error as Error).message}`;
        void vscode.window.showErrorMessage(message, 'Open AWS Settings').then((choice) => {
          if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', 'srlens.aws');
        });
        return undefined;
      } finally {
        subscription.dispose();
      }
    },
  );
}

function warnIfRoot(who: CallerIdentity): void {
  if (!who.isRoot) return;
  void vscode.window.showWarningMessage(
    `These are the root user's credentials for account ${who.account}. Use an IAM role or IAM Identity Center user for daily work, and keep the root user, with MFA, for the few tasks that need it.`,
  );
}

export async function showIdentity(args?: ShowIdentityArgs): Promise<CallerIdentity | undefined> {
  const who = await identity('AWS: checking the identity of the current credentials');
  if (!who) return undefined;
  if (!args?.quiet) {
    warnIfRoot(who);
    void vscode.window
      .showInformationMessage(
        `AWS account ${who.account}, ${PRINCIPAL_LABEL[who.principalType]}: ${who.arn}`,
        'Copy ARN',
      )
      .then((choice) => {
        if (choice) void vscode.env.clipboard.writeText(who.arn);
      });
  }
  return who;
}

/** Records the account and Region in the ISMS scope (the `scope` text and the define-scope step). */
export async function addAccountToScope(
  isms: IsmsController,
  args?: ShowIdentityArgs,
): Promise<CallerIdentity | undefined> {
  const who = await identity('AWS: checking which account to add');
  if (!who) return undefined;
  warnIfRoot(who);
  const region = regionOf(awsSettings());
  const line = `AWS account ${who.account}, Region ${region}`;
  const state = await isms.update((s) => {
    const scope = s.scope ?? '';
    if (scope.includes(`AWS account ${who.account}, Region ${region}`)) return false;
    s.scope = scope.trim() === '' ? `${line}.` : `${scope.trimEnd()}\n${line}.`;
    const step = s.steps.find((x) => x.id === 'define-scope');
    if (step && step.status === 'not-started') {
      step.status = 'in-progress';
      step.started ??= new Date().toISOString().slice(0, 10);
    }
  });
  if (state && !args?.quiet)
    void vscode.window.showInformationMessage(`${line} is in the ISMS scope (${ISMS_STATE_FILE}).`);
  return state ? who : undefined;
}

export interface CheckAccountArgs {
  /** No document and no messages: return the report (tests, other commands). */
  quiet?: boolean;
  /** Keep the results in .srlens/account.yaml even when the account is not in the ISMS scope. */
  save?: boolean;
  /** Keep the offending resource ids in the snapshot too. */
  includeResources?: boolean;
}

/**
 * "AWS: Check This Account": Trusted Advisor's security checks and the direct read-only checks,
 * shown as a Markdown report; the results are kept in .srlens/account.yaml when the account is in
 * the ISMS scope. Cancelling the progress notification stops the calls.
 */
export async function checkThisAccount(
  isms: IsmsController,
  args?: CheckAccountArgs,
): Promise<AccountCheckReport | undefined> {
  const settings = awsSettings();
  const report = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: 'AWS: checking this account (read-only)',
      cancellable: true,
    },
    async (progress, token) => {
      const { checkAccount } = await import('../aws/account-check');
      const { IdentityError } = await import('../aws/identity');
      const controller = new AbortController();
      const subscription = token.onCancellationRequested(() => controller.abort());
      try {
        return await checkAccount({
          ...settings,
          region: regionOf(settings),
          signal: controller.signal,
          onProgress: (done, total) => progress.report({ message: `${done} of ${total}`, increment: 100 / total }),
        });
      } catch (error) {
        const message =
          error instanceof IdentityError || (error instanceof Error && error.name === 'CallFailure')
            ? (error as Error).message
            : 'The account check failed.';
        if (/cancelled/.test(message)) return undefined;
        if (!args?.quiet)
          void vscode.window.showErrorMessage(message, 'Open AWS Settings').then((choice) => {
            if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', 'srlens.aws');
          });
        return undefined;
      } finally {
        subscription.dispose();
      }
    },
  );
  if (!report) return undefined;
  const line = `AWS account ${report.identity.account}`;
  const inScope = isms.tree.current?.scope?.includes(line) === true;
  let save = args?.save === true || inScope;
  if (!args?.quiet) {
    warnIfRoot(report.identity);
    const document = await vscode.workspace.openTextDocument({
      language: 'markdown',
      content: formatAccountMarkdown(report),
    });
    await vscode.window.showTextDocument(document, { preview: true });
    if (!save && isms.store.uri) {
      const keep = 'Add to ISMS Scope and Keep Results';
      save =
        (await vscode.window.showInformationMessage(
          `Keep these results in ${ACCOUNT_SNAPSHOT_FILE}, so that findings and the ISMS can cite them?`,
          keep,
        )) === keep;
      if (save) {
        const scopeLine = `${line}, Region ${report.region}`;
        await isms.update((s) => {
          const scope = s.scope ?? '';
          if (scope.includes(scopeLine)) return false;
          s.scope = scope.trim() === '' ? `${scopeLine}.` : `${scope.trimEnd()}\n${scopeLine}.`;
        });
      }
    }
  }
  const uri = isms.accountUri;
  if (save && uri) {
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
    const snapshot = accountSnapshot(report, { includeResources: args?.includeResources === true });
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(serializeAccountSnapshot(snapshot)));
    await isms.loadAccount();
  }
  return report;
}

export function registerAws(isms: IsmsController): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('srlens.aws.checkAccount', (args?: CheckAccountArgs) =>
      checkThisAccount(isms, args),
    ),
    vscode.commands.registerCommand('srlens.aws.showIdentity', (args?: ShowIdentityArgs) => showIdentity(args)),
    vscode.commands.registerCommand('srlens.isms.addAccount', (args?: ShowIdentityArgs) =>
      addAccountToScope(isms, args),
    ),
  ];
}
