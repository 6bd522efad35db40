/**
 * `srlens aws check`: the account-level checks (Trusted Advisor's security checks, then the direct
 * read-only checks), printed as text, JSON or Markdown, with exit codes as `scan`. The results are
 * kept in `.srlens/account.yaml` when the account is in the ISMS scope (or with --save), so that
 * `scan` and `isms export` can cite them; the snapshot is also what `readAccountFacts` serves them.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { AccountCheckReport, AccountCheckResult } from '../aws/account-check';
import type { Severity } from '../iac/model';
import {
  ACCOUNT_SNAPSHOT_FILE,
  AccountSnapshotError,
  ISMS_STATE_FILE,
  accountFactsFrom,
  accountSnapshot,
  parseAccountSnapshot,
  serializeAccountSnapshot,
  type AccountSnapshot,
} from '../isms';
import type { AccountFacts } from '../rules/rule';

export const AWS_CHECK_HELP = `  srlens aws check             Check the account itself, read-only: Trusted Advisor's security checks
                               (Support API, us-east-1) and direct checks (root MFA and keys, IAM use,
                               password policy, open admin and database ports, S3 account Block Public
                               Access, EBS default encryption, IMDS defaults, CloudTrail, GuardDuty)
      --format text|json|markdown  Output format (default: text)
      --fail-on error|warning|info|none
                                   Exit 1 when a failed check is at or above this severity (default: error)
      --profile, --region, --timeout <ms>
                                   As for whoami (timeout per call, default: 10000)
      --endpoint <url>             One endpoint for every service (default: each service's own)
      --save                       Write ${ACCOUNT_SNAPSHOT_FILE} even when the account is not in the ISMS scope
      --no-save                    Do not write it
      --include-resources          Keep the offending resource ids in ${ACCOUNT_SNAPSHOT_FILE}`;

export interface AwsCheckIo {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
}

export class AwsCheckUsageError extends Error {}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export async function awsCheck(args: string[], io: AwsCheckIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      'fail-on': { type: 'string', default: 'error' },
      profile: { type: 'string' },
      region: { type: 'string' },
      endpoint: { type: 'string' },
      timeout: { type: 'string' },
      save: { type: 'boolean' },
      'no-save': { type: 'boolean' },
      'include-resources': { type: 'boolean' },
    },
  });
  if (positionals.length > 0) throw new AwsCheckUsageError(`aws check takes no arguments (got '${positionals[0]}').`);
  const format = values.format;
  if (format !== 'text' && format !== 'json' && format !== 'markdown')
    throw new AwsCheckUsageError(`--format must be one of text, json, markdown (got '${format}').`);
  const failOn = values['fail-on'];
  if (failOn !== 'error' && failOn !== 'warning' && failOn !== 'info' && failOn !== 'none')
    throw new AwsCheckUsageError(`--fail-on must be one of error, warning, info, none (got '${failOn}').`);
  let timeoutMs: number | undefined;
  if (values.timeout !== undefined) {
    timeoutMs = Number(values.timeout);
    if (!/^\d+$/.test(values.timeout) || !(timeoutMs > 0))
      throw new AwsCheckUsageError(`--timeout must be a positive number of milliseconds (got '${values.timeout}').`);
  }
  if (values.endpoint !== undefined && !/^https?:\/\/[^\s]+$/i.test(values.endpoint))
    throw new AwsCheckUsageError(`--endpoint must be an http:// or https:// URL (got '${values.endpoint}').`);

  // Loaded on demand: the AWS SDK is large and no other command needs it.
  const { checkAccount } = await import('../aws/account-check');
  const { IdentityError } = await import('../aws/identity');
  let report: AccountCheckReport;
  try {
    report = await checkAccount({
      profile: values.profile,
      region: values.region,
      endpoint: values.endpoint,
      timeoutMs,
    });
  } catch (error) {
    if (error instanceof IdentityError) throw new AwsCheckUsageError(error.message);
    if (error instanceof Error && error.name === 'CallFailure') throw new AwsCheckUsageError(error.message);
    throw error;
  }

  io.stdout(
    format === 'json'
      ? formatAccountJson(report)
      : format === 'markdown'
        ? formatAccountMarkdown(report)
        : formatAccountText(report),
  );
  // The text report shows each fault in place; the other formats say them on stderr, one line each.
  if (format !== 'text') for (const note of report.notes) io.stderr(`srlens: ${note}`);
  if (report.identity.isRoot)
    io.stderr(
      "srlens: warning: these are the account root user's credentials. Use an IAM role or IAM Identity Center user for daily work.",
    );

  const stateFile = path.join(io.cwd, ISMS_STATE_FILE);
  const inScope =
    existsSync(stateFile) && readFileSync(stateFile, 'utf8').includes(`AWS account ${report.identity.account}`);
  if (values['no-save'] !== true && (values.save === true || inScope)) {
    const file = path.join(io.cwd, ACCOUNT_SNAPSHOT_FILE);
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(
        file,
        serializeAccountSnapshot(accountSnapshot(report, { includeResources: values['include-resources'] === true })),
      );
      io.stderr(`srlens: wrote ${ACCOUNT_SNAPSHOT_FILE}`);
    } catch (error) {
      io.stderr(
        `srlens: warning: cannot write ${ACCOUNT_SNAPSHOT_FILE}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
      );
    }
  }

  if (failOn === 'none') return 0;
  const threshold = RANK[failOn];
  return report.results.some((r) => r.status === 'fail' && RANK[r.severity] <= threshold) ? 1 : 0;
}

const STATUS_LABEL: Record<AccountCheckResult['status'], string> = {
  pass: 'pass',
  fail: 'FAIL',
  'not-checked': 'not checked',
};

export function formatAccountText(report: AccountCheckReport): string {
  const lines = [
    `Account:   ${report.identity.account}`,
    `Principal: ${report.identity.arn}`,
    `Region:    ${report.region}`,
    `Checked:   ${report.checkedAt}`,
  ];
  if (report.trustedAdvisor.note) lines.push('', report.trustedAdvisor.note);
  for (const source of ['trusted-advisor', 'direct'] as const) {
    const results = report.results.filter((r) => r.source === source);
    if (results.length === 0) continue;
    lines.push('', source === 'direct' ? 'Direct checks' : 'Trusted Advisor security checks');
    for (const r of results) {
      const severity = r.status === 'fail' ? ` ${r.severity}` : '';
      lines.push(`  ${STATUS_LABEL[r.status]}${severity}  ${r.message}  [${r.id}]`);
      for (const resource of r.resources.slice(0, 20)) lines.push(`      - ${resource}`);
      if (r.resources.length > 20) lines.push(`      … and ${r.resources.length - 20} more`);
      if (r.status !== 'pass' && r.action) lines.push(`      ${r.action}`);
    }
  }
  const failed = report.results.filter((r) => r.status === 'fail').length;
  const skipped = report.results.filter((r) => r.status === 'not-checked').length;
  lines.push(
    '',
    `${report.results.length} checks: ${report.results.length - failed - skipped} passed, ${failed} failed, ${skipped} not checked. Nothing was changed in the account.`,
  );
  return lines.join('\n');
}

export function formatAccountJson(report: AccountCheckReport): string {
  return JSON.stringify(
    {
      account: report.identity.account,
      principal: report.identity.arn,
      principalType: report.identity.principalType,
      region: report.region,
      checkedAt: report.checkedAt,
      trustedAdvisor: report.trustedAdvisor,
      results: report.results,
      notes: report.notes,
    },
    null,
    2,
  );
}

function md(text: string): string {
  return text.replace(/[\\`*_{}[\]<>|]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

export function formatAccountMarkdown(report: AccountCheckReport): string {
  const lines = [
    `# AWS account ${md(report.identity.account)}`,
    '',
    `Principal: ${md(report.identity.arn)}. Region: ${md(report.region)}. Checked: ${md(report.checkedAt)}. Read-only: nothing was changed in the account.`,
  ];
  if (report.trustedAdvisor.note) lines.push('', md(report.trustedAdvisor.note));
  lines.push(
    '',
    '| Check | Status | Severity | Finding | Resources | What to do |',
    '| --- | --- | --- | --- | --- | --- |',
  );
  for (const r of report.results)
    lines.push(
      `| ${md(r.id)} | ${STATUS_LABEL[r.status]} | ${r.status === 'fail' ? r.severity : ''} | ${md(r.message)} | ${r.resources
        .slice(0, 10)
        .map(md)
        .join('<br>')} | ${r.status === 'pass' ? '' : md(r.action ?? '')} |`,
    );
  if (report.notes.length > 0) lines.push('', '## Notes', '', ...report.notes.map((n) => `- ${md(n)}`));
  return lines.join('\n');
}

/**
 * The account facts for an analysis from `<cwd>/.srlens/account.yaml`: none without the file, and
 * none (with one line on stderr) when it is unreadable or older than the review interval.
 */
export function readAccountSnapshot(
  cwd: string,
  today: string,
  warn: (line: string) => void,
): { snapshot?: AccountSnapshot; text?: string; facts?: AccountFacts } {
  const file = path.join(cwd, ACCOUNT_SNAPSHOT_FILE);
  if (!existsSync(file)) return {};
  let text: string;
  let snapshot: AccountSnapshot;
  try {
    text = readFileSync(file, 'utf8');
    snapshot = parseAccountSnapshot(text);
  } catch (error) {
    warn(
      `srlens: warning: ${error instanceof AccountSnapshotError ? error.message : `cannot read ${ACCOUNT_SNAPSHOT_FILE}`}: ignored.`,
    );
    return {};
  }
  const { facts, note } = accountFactsFrom(snapshot, today);
  if (note) {
    warn(`srlens: ${note}`);
    return {};
  }
  return { snapshot, text, facts };
}
