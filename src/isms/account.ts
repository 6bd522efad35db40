/**
 * `.srlens/account.yaml`: what the last account check (`srlens aws check`, "AWS: Check This
 * Account") found, kept so that the analysis and the ISMS can cite it. It holds the account id,
 * the Region, the date and each check's id, title, concern, severity and status; resource ids only
 * when the user asks for them; never a credential, session token or principal ARN.
 *
 * A snapshot older than the ISMS review interval is not used: `accountFactsFrom` says so instead.
 */
import { parse, stringify } from 'yaml';
import type { Evidence, Risk } from './model';
import type { AccountFacts } from '../rules/rule';
import { isConcernId, type ConcernId } from '../knowledge/concerns';
import { defaultScore } from './risks';

export const ACCOUNT_SNAPSHOT_FILE = '.srlens/account.yaml';
export const ACCOUNT_SNAPSHOT_VERSION = 1;
/** The review interval the editor uses unless `srlens.isms.reviewIntervalDays` says otherwise. */
export const DEFAULT_REVIEW_INTERVAL_DAYS = 90;

type Status = 'pass' | 'fail' | 'not-checked';
type Severity = 'error' | 'warning' | 'info';

export interface AccountSnapshotCheck {
  id: string;
  title: string;
  concern: ConcernId;
  severity: Severity;
  status: Status;
  /** Offending resources, only when the snapshot was written with them. */
  resources?: string[];
}

export interface AccountSnapshot {
  version: number;
  account: string;
  region: string;
  /** `YYYY-MM-DD`. */
  checked: string;
  trustedAdvisor?: string;
  checks: AccountSnapshotCheck[];
}

/** What the snapshot needs from a check run (the AWS layer's report has this shape). */
export interface AccountRunLike {
  identity: { account: string };
  region: string;
  checkedAt: string;
  trustedAdvisor?: { state: string };
  results: readonly {
    id: string;
    title: string;
    concern: ConcernId;
    severity: Severity;
    status: Status;
    resources: readonly string[];
  }[];
}

export class AccountSnapshotError extends Error {}

export function accountSnapshot(run: AccountRunLike, options: { includeResources?: boolean } = {}): AccountSnapshot {
  return {
    version: ACCOUNT_SNAPSHOT_VERSION,
    account: run.identity.account,
    region: run.region,
    checked: run.checkedAt.slice(0, 10),
    ...(run.trustedAdvisor ? { trustedAdvisor: run.trustedAdvisor.state } : {}),
    checks: run.results.map((r) => ({
      id: r.id,
      title: r.title,
      concern: r.concern,
      severity: r.severity,
      status: r.status,
      ...(options.includeResources && r.resources.length > 0 ? { resources: [...r.resources] } : {}),
    })),
  };
}

export function serializeAccountSnapshot(snapshot: AccountSnapshot): string {
  return (
    '# The last account check (srlens aws check / AWS: Check This Account). Read-only results:\n' +
    '# no credential is ever written here. Run the check again to refresh it.\n' +
    stringify(snapshot, { lineWidth: 0 })
  );
}

export function parseAccountSnapshot(text: string): AccountSnapshot {
  let data: unknown;
  try {
    data = parse(text, { maxAliasCount: 0 });
  } catch (error) {
    throw new AccountSnapshotError(
      `${ACCOUNT_SNAPSHOT_FILE} is not valid YAML: ${(error as Error).message.split('\n')[0]}`,
    );
  }
  const record = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!record(data)) throw new AccountSnapshotError(`${ACCOUNT_SNAPSHOT_FILE} does not hold an account check.`);
  const text_ = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
  const checked = text_(data.checked);
  const region = text_(data.region);
  const account = text_(data.account);
  if (!checked || !/^\d{4}-\d{2}-\d{2}$/.test(checked) || !region || !account)
    throw new AccountSnapshotError(`${ACCOUNT_SNAPSHOT_FILE} lacks its account, Region or date (checked: YYYY-MM-DD).`);
  const checks: AccountSnapshotCheck[] = [];
  for (const item of Array.isArray(data.checks) ? data.checks : []) {
    if (!record(item)) continue;
    const id = text_(item.id);
    const status = item.status;
    if (!id || (status !== 'pass' && status !== 'fail' && status !== 'not-checked')) continue;
    const concern = typeof item.concern === 'string' && isConcernId(item.concern) ? item.concern : 'configuration';
    const severity = item.severity === 'error' || item.severity === 'info' ? item.severity : 'warning';
    const check: AccountSnapshotCheck = { id, title: text_(item.title) ?? id, concern, severity, status };
    if (Array.isArray(item.resources)) check.resources = item.resources.map(String);
    checks.push(check);
  }
  return {
    version: typeof data.version === 'number' ? data.version : ACCOUNT_SNAPSHOT_VERSION,
    account,
    region,
    checked,
    ...(typeof data.trustedAdvisor === 'string' ? { trustedAdvisor: data.trustedAdvisor } : {}),
    checks,
  };
}

/** Whole days from `checked` to `today` (both `YYYY-MM-DD`). */
function ageInDays(checked: string, today: string): number {
  return Math.floor((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${checked}T00:00:00Z`)) / 86_400_000);
}

/**
 * The facts rules read, when the snapshot is recent enough: no older than the ISMS review
 * interval. An older (or future-dated) one is ignored, and `note` says so in one line.
 */
export function accountFactsFrom(
  snapshot: AccountSnapshot,
  today: string,
  reviewIntervalDays: number = DEFAULT_REVIEW_INTERVAL_DAYS,
): { facts?: AccountFacts; note?: string } {
  const age = ageInDays(snapshot.checked, today);
  if (!(age >= 0)) return { note: `${ACCOUNT_SNAPSHOT_FILE} is dated ${snapshot.checked}, after today: ignored.` };
  if (age > reviewIntervalDays)
    return {
      note: `${ACCOUNT_SNAPSHOT_FILE} is from ${snapshot.checked}, older than the ISMS review interval (${reviewIntervalDays} days): ignored; run the account check again.`,
    };
  return {
    facts: {
      account: snapshot.account,
      region: snapshot.region,
      checked: snapshot.checked,
      checks: Object.fromEntries(snapshot.checks.map((c) => [c.id, c.status])),
    },
  };
}

/** `AWS account 111122223333 (eu-west-1)`: the asset the account checks are about. */
export function accountAsset(snapshot: Pick<AccountSnapshot, 'account' | 'region'>): string {
  return `AWS account ${snapshot.account} (${snapshot.region})`;
}

/** The 1-based line of each check's `- id:` entry in the snapshot text, for evidence and risks. */
function lineOf(text: string | undefined, id: string): number {
  if (!text) return 1;
  const lines = text.split(/\r?\n/);
  const index = lines.findIndex((l) => new RegExp(`^\\s*-\\s*id:\\s*['"]?${escapeRegExp(id)}['"]?\\s*$`).test(l));
  return index === -1 ? 1 : index + 1;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Risks for the checks that failed: one per check, on the account, identified on the check's date. */
export function accountRisks(snapshot: AccountSnapshot, text?: string): Risk[] {
  const asset = accountAsset(snapshot);
  return snapshot.checks
    .filter((c) => c.status === 'fail')
    .map((c) => ({
      id: `account/${c.id} ${asset}`,
      ruleId: `account/${c.id}`,
      asset,
      concern: c.concern,
      owner: 'customer' as const,
      severity: c.severity,
      title: c.title,
      file: ACCOUNT_SNAPSHOT_FILE,
      lines: [lineOf(text, c.id)],
      ...defaultScore(c.severity),
      treatment: 'fix' as const,
      status: 'open' as const,
      identified: snapshot.checked,
    }));
}

/** Evidence entries for the checks that passed, by concern: the account settles these with a date. */
export function accountEvidence(
  snapshot: AccountSnapshot,
  text?: string,
): { concern: ConcernId; evidence: Evidence }[] {
  const asset = accountAsset(snapshot);
  return snapshot.checks
    .filter((c) => c.status === 'pass')
    .map((c) => ({
      concern: c.concern,
      evidence: {
        file: ACCOUNT_SNAPSHOT_FILE,
        line: lineOf(text, c.id),
        resource: asset,
        ruleId: `account/${c.id}`,
        checked: snapshot.checked,
      },
    }));
}
