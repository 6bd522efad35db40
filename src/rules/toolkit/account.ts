/**
 * What the account settles for a template: a rule asks whether an account check passed when it was
 * last run (`srlens aws check`), and says so in its finding instead of reporting the template alone.
 */
import type { RuleContext, RuleReport } from '../rule';

/** The Region and date of the account check `id` when it passed, else undefined (no snapshot, failed, not checked). */
export function accountPassed(context: RuleContext, id: string): { region: string; date: string } | undefined {
  const facts = context.settings.account;
  if (facts?.checks[id] !== 'pass') return undefined;
  return { region: facts.region, date: facts.checked };
}

/**
 * The reports restated as settled by the account: info, the message `messageId` (which may use
 * `{region}` and `{date}` besides the report's own data), and no fix offered, since the account
 * already covers it. Reports pass unchanged when the account check did not pass.
 */
export function settledByAccount(
  reports: RuleReport[],
  context: RuleContext,
  check: string,
  messageId: string,
): RuleReport[] {
  const passed = accountPassed(context, check);
  if (!passed || reports.length === 0) return reports;
  return reports.map((report) => ({
    ...report,
    messageId,
    severity: 'info',
    fixable: false,
    data: { ...report.data, region: passed.region, date: passed.date },
  }));
}
