/**
 * `srlens aws check` and "AWS: Check This Account": the account-level duties no template shows,
 * read from the account itself, read-only, only when the user asks.
 *
 * - Trusted Advisor's security checks, through the Support API (always in us-east-1). Accounts
 *   without a Business, Enterprise On-Ramp or Enterprise support plan get
 *   `SubscriptionRequiredException`: one line says so.
 * - Direct checks that need no support plan, one read-only call (or two) each: see `DIRECT_CHECKS`.
 *
 * Every call is a Describe/Get/List call; nothing is written to the account. A call that fails
 * (AccessDenied, throttling after bounded retries, a timeout, a Region without the service, a
 * malformed or oversized response) turns its check into `not-checked` with one line saying why,
 * and the other checks still run. No credential or session token is kept, logged or printed: lines
 * name the error code, never the server's text, and strings from AWS pass through `redactKeys`.
 */
import {
  CloudTrailClient,
  DescribeTrailsCommand,
  GetTrailStatusCommand,
  type DescribeTrailsCommandOutput,
} from '@aws-sdk/client-cloudtrail';
import {
  DescribeSecurityGroupsCommand,
  EC2Client,
  GetEbsEncryptionByDefaultCommand,
  GetInstanceMetadataDefaultsCommand,
  type IpPermission,
  type SecurityGroup,
} from '@aws-sdk/client-ec2';
import { GuardDutyClient, ListDetectorsCommand } from '@aws-sdk/client-guardduty';
import { GetAccountPasswordPolicyCommand, GetAccountSummaryCommand, IAMClient } from '@aws-sdk/client-iam';
import { GetPublicAccessBlockCommand, S3ControlClient } from '@aws-sdk/client-s3-control';
import {
  DescribeTrustedAdvisorCheckResultCommand,
  DescribeTrustedAdvisorChecksCommand,
  SupportClient,
  type TrustedAdvisorCheckDescription,
} from '@aws-sdk/client-support';
import { Transform } from 'node:stream';
import { getConcern, type ConcernId } from '../knowledge/concerns';
import { ADMIN_PORTS, DATABASE_PORTS, type SensitivePort } from '../knowledge/ports';
import { getCallerIdentity, type CallerIdentity } from './identity';

export type AccountCheckStatus = 'pass' | 'fail' | 'not-checked';
export type AccountCheckSeverity = 'error' | 'warning' | 'info';

export interface AccountCheckResult {
  /** Stable id: `root-mfa`, `ebs-default-encryption`, …; Trusted Advisor checks are `trusted-advisor/<slug of the name>`. */
  id: string;
  source: 'direct' | 'trusted-advisor';
  title: string;
  concern: ConcernId;
  /** The account's side of the model: always yours. */
  owner: 'customer';
  status: AccountCheckStatus;
  /** How much a failure matters (the `--fail-on` threshold compares it). */
  severity: AccountCheckSeverity;
  /** The headline: `You · <Concern>: <what>`. */
  message: string;
  /** What to do about a failure, or why the check did not run. */
  action?: string;
  /** Offending resources: security group ids with their open ports, trails, flagged resources. */
  resources: string[];
  /** For `not-checked`: the IAM permission the check needs. */
  permission?: string;
  /** For `not-checked`: why (`access-denied`, `throttled`, `timeout`, …). */
  reason?: CallFailureKind;
}

export interface TrustedAdvisorState {
  state: 'available' | 'subscription-required' | 'not-checked';
  /** One line for the report when Trusted Advisor could not be used. */
  note?: string;
}

export interface AccountCheckReport {
  identity: CallerIdentity;
  region: string;
  /** ISO timestamp of the run. */
  checkedAt: string;
  trustedAdvisor: TrustedAdvisorState;
  results: AccountCheckResult[];
  /** One line per fault met (a call denied, throttled, timed out…), in the order met. */
  notes: string[];
}

export interface AccountCheckOptions {
  profile?: string;
  region?: string;
  /** One endpoint URL for every service (a local emulator); otherwise each service's, or AWS_ENDPOINT_URL_<SERVICE>. */
  endpoint?: string;
  /** Per-call limit in milliseconds, retries included (default 10000). */
  timeoutMs?: number;
  /** Attempts per call, the first included, with exponential backoff between them (default 3). */
  maxAttempts?: number;
  /** Largest response body read, in bytes (default 8 MiB). */
  maxResponseBytes?: number;
  signal?: AbortSignal;
  /** Called as each check finishes (the editor's progress). */
  onProgress?: (done: number, total: number) => void;
}

export const DEFAULT_CHECK_TIMEOUT_MS = 10000;
export const DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

export type CallFailureKind =
  | 'access-denied'
  | 'subscription-required'
  | 'throttled'
  | 'expired'
  | 'invalid-credentials'
  | 'timeout'
  | 'cancelled'
  | 'unavailable'
  | 'malformed'
  | 'too-large'
  | 'network'
  | 'unknown';

/** A failed call, described in one line without the server's own text. */
export class CallFailure extends Error {
  constructor(
    readonly kind: CallFailureKind,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'CallFailure';
  }
}

/** The account's checks: id, what it reads, and the permission each call needs. */
export const DIRECT_CHECKS = [
  { id: 'root-mfa', permissions: ['iam:GetAccountSummary'] },
  { id: 'root-access-keys', permissions: ['iam:GetAccountSummary'] },
  { id: 'iam-use', permissions: ['iam:GetAccountSummary'] },
  { id: 'password-policy', permissions: ['iam:GetAccountPasswordPolicy'] },
  { id: 'security-group-open-ports', permissions: ['ec2:DescribeSecurityGroups'] },
  { id: 's3-account-public-access-block', permissions: ['s3:GetAccountPublicAccessBlock'] },
  { id: 'ebs-default-encryption', permissions: ['ec2:GetEbsEncryptionByDefault'] },
  { id: 'imds-defaults', permissions: ['ec2:GetInstanceMetadataDefaults'] },
  { id: 'cloudtrail-multi-region', permissions: ['cloudtrail:DescribeTrails', 'cloudtrail:GetTrailStatus'] },
  { id: 'guardduty-enabled', permissions: ['guardduty:ListDetectors'] },
] as const;
export type DirectCheckId = (typeof DIRECT_CHECKS)[number]['id'];

/** The Trusted Advisor permissions, for docs/aws.md and the AccessDenied line. */
export const TRUSTED_ADVISOR_PERMISSIONS = [
  'support:DescribeTrustedAdvisorChecks',
  'support:DescribeTrustedAdvisorCheckResult',
] as const;

interface CheckText {
  title: string;
  concern: ConcernId;
  severity: AccountCheckSeverity;
  /** What to do when it fails. */
  action: string;
}

const TEXT: Record<DirectCheckId, CheckText> = {
  'root-mfa': {
    title: 'MFA on the root user',
    concern: 'credentials',
    severity: 'error',
    action:
      'Sign in as the root user and assign an MFA device (IAM > Security credentials); keep the root user for the few tasks that need it.',
  },
  'root-access-keys': {
    title: 'Root user access keys',
    concern: 'credentials',
    severity: 'error',
    action:
      'Delete the root user’s access keys and use IAM roles or IAM Identity Center users for programmatic access.',
  },
  'iam-use': {
    title: 'IAM in use',
    concern: 'identity-access',
    severity: 'info',
    action: 'Create IAM roles (or IAM Identity Center users) for daily work instead of the root user.',
  },
  'password-policy': {
    title: 'IAM password policy',
    concern: 'credentials',
    severity: 'warning',
    action:
      'Set an account password policy (IAM > Account settings): at least 14 characters, or better, sign-in through IAM Identity Center.',
  },
  'security-group-open-ports': {
    title: 'Security groups with administration or database ports open to the internet',
    concern: 'network-access',
    severity: 'error',
    action:
      'Limit these rules to known addresses or another security group, or reach instances through Session Manager instead of an open port.',
  },
  's3-account-public-access-block': {
    title: 'S3 Block Public Access for the account',
    concern: 'network-access',
    severity: 'warning',
    action:
      'Turn on all four S3 Block Public Access settings for the account (S3 > Block Public Access settings for this account).',
  },
  'ebs-default-encryption': {
    title: 'EBS encryption by default',
    concern: 'data-at-rest',
    severity: 'warning',
    action:
      'Turn on EBS encryption by default for this Region (EC2 > Settings > EBS encryption), in every Region you use.',
  },
  'imds-defaults': {
    title: 'IMDSv2 required by default for new instances',
    concern: 'credentials',
    severity: 'warning',
    action:
      'Set the account’s instance metadata defaults to require IMDSv2 (EC2 > Settings > Data protection and security, HttpTokens required).',
  },
  'cloudtrail-multi-region': {
    title: 'A multi-Region CloudTrail trail that is logging',
    concern: 'logging-monitoring',
    severity: 'warning',
    action: 'Create a multi-Region trail (or an organization trail) and keep it logging.',
  },
  'guardduty-enabled': {
    title: 'GuardDuty in this Region',
    concern: 'logging-monitoring',
    severity: 'warning',
    action: 'Turn on GuardDuty in this Region (and every Region you use, ideally through the organization).',
  },
};

/** Runs every check it can and returns what it found; throws `IdentityError` only when it cannot even tell whose account it is. */
export async function checkAccount(options: AccountCheckOptions = {}): Promise<AccountCheckReport> {
  const region = options.region ?? (process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || 'us-east-1');
  const timeoutMs = options.timeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS;
  const identity = await getCallerIdentity({
    profile: options.profile,
    region,
    endpoint: options.endpoint,
    timeoutMs,
    signal: options.signal,
  });
  const caller = new Caller(options, timeoutMs);
  const notes: string[] = [];
  const results: AccountCheckResult[] = [];
  const total = DIRECT_CHECKS.length + 1;
  let done = 0;
  const progress = () => options.onProgress?.(++done, total);

  const clients = caller.clients(region);
  try {
    const trustedAdvisor = await trustedAdvisorChecks(caller, clients.support, results, notes);
    progress();

    // One summary serves three checks.
    const summary = await attempt(() =>
      caller.send('iam:GetAccountSummary', (abortSignal) =>
        clients.iam.send(new GetAccountSummaryCommand({}), { abortSignal }),
      ),
    );
    const map = summary.ok ? (summary.value.SummaryMap ?? {}) : undefined;
    for (const id of ['root-mfa', 'root-access-keys', 'iam-use'] as const) {
      results.push(map ? summaryCheck(id, map) : notChecked(id, summary.failure!, notes));
      progress();
    }
    const runners: [DirectCheckId, () => Promise<AccountCheckResult>][] = [
      ['password-policy', () => passwordPolicy(caller, clients.iam)],
      ['security-group-open-ports', () => securityGroups(caller, clients.ec2, region)],
      ['s3-account-public-access-block', () => accountPublicAccessBlock(caller, clients.s3control, identity.account)],
      ['ebs-default-encryption', () => ebsDefaultEncryption(caller, clients.ec2, region)],
      ['imds-defaults', () => imdsDefaults(caller, clients.ec2, region)],
      ['cloudtrail-multi-region', () => cloudTrail(caller, clients.cloudtrail)],
      ['guardduty-enabled', () => guardDuty(caller, clients.guardduty, region)],
    ];
    for (const [id, run] of runners) {
      if (options.signal?.aborted) throw new CallFailure('cancelled', 'Cancelled', 'The account check was cancelled.');
      const outcome = await attempt(run);
      results.push(outcome.ok ? outcome.value : notChecked(id, outcome.failure!, notes));
      progress();
    }
    return { identity, region, checkedAt: new Date().toISOString(), trustedAdvisor, results, notes };
  } finally {
    for (const client of Object.values(clients)) client.destroy();
  }
}

type Outcome<T> = { ok: true; value: T; failure?: undefined } | { ok: false; failure: CallFailure };

async function attempt<T>(run: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    if (error instanceof CallFailure) {
      if (error.kind === 'cancelled') throw error;
      return { ok: false, failure: error };
    }
    return { ok: false, failure: new CallFailure('unknown', 'Error', 'the response could not be used') };
  }
}

// ---------------------------------------------------------------------------------------------
// Calls

interface Sendable {
  send(command: unknown, options?: { abortSignal?: AbortSignal }): Promise<unknown>;
  destroy(): void;
  middlewareStack: { add(middleware: unknown, options: unknown): void };
}

class Caller {
  constructor(
    private readonly options: AccountCheckOptions,
    private readonly timeoutMs: number,
  ) {}

  clients(region: string) {
    const base = {
      ...(this.options.profile ? { profile: this.options.profile } : {}),
      ...(this.options.endpoint ? { endpoint: this.options.endpoint } : {}),
      maxAttempts: this.options.maxAttempts ?? 3,
      retryMode: 'standard',
      requestHandler: { connectionTimeout: this.timeoutMs, requestTimeout: this.timeoutMs },
    } as const;
    const limit = this.options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    const clients = {
      // Trusted Advisor is served by the Support API's endpoint in us-east-1, whatever the Region.
      support: new SupportClient({ ...base, region: 'us-east-1' }),
      iam: new IAMClient({ ...base, region }),
      ec2: new EC2Client({ ...base, region }),
      // S3 Control puts the account id in front of the host name, which a custom endpoint (an IP
      // address, a local emulator) cannot take: there the endpoint is used as given.
      s3control: new S3ControlClient({
        ...base,
        region,
        ...(this.options.endpoint ? { endpointProvider: () => ({ url: new URL(this.options.endpoint!) }) } : {}),
      }),
      cloudtrail: new CloudTrailClient({ ...base, region }),
      guardduty: new GuardDutyClient({ ...base, region }),
    };
    for (const client of Object.values(clients)) limitResponses(client as unknown as Sendable, limit);
    return clients;
  }

  /** One read-only call with a time limit, the caller's cancellation, and its failure described. */
  async send<T>(permission: string, call: (abortSignal: AbortSignal) => Promise<T>): Promise<T> {
    const signal = this.options.signal;
    if (signal?.aborted) throw new CallFailure('cancelled', 'Cancelled', 'The account check was cancelled.');
    const controller = new AbortController();
    const timeout = { expired: false };
    const timer = setTimeout(() => {
      timeout.expired = true;
      controller.abort();
    }, this.timeoutMs);
    const onAbort = () => controller.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      return await Promise.race([
        call(controller.signal),
        new Promise<never>((_, reject) =>
          controller.signal.addEventListener(
            'abort',
            () => reject(Object.assign(new Error('aborted'), { name: 'AbortError' })),
            {
              once: true,
            },
          ),
        ),
      ]);
    } catch (error) {
      if (signal?.aborted) throw new CallFailure('cancelled', 'Cancelled', 'The account check was cancelled.');
      if (timeout.expired)
        throw new CallFailure('timeout', 'Timeout', `${permission} did not answer within ${this.timeoutMs} ms`);
      throw describeFailure(error, permission);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }
}

/** Refuses a response body larger than `limit` bytes, announced or streamed, before the SDK parses it. */
function limitResponses(client: Sendable, limit: number): void {
  client.middlewareStack.add(
    (next: (args: unknown) => Promise<{ response?: { headers?: Record<string, string>; body?: unknown } }>) =>
      async (args: unknown) => {
        const result = await next(args);
        const response = result.response;
        const length = Number(response?.headers?.['content-length'] ?? response?.headers?.['Content-Length']);
        if (Number.isFinite(length) && length > limit) {
          destroyBody(response?.body);
          throw Object.assign(new Error('response too large'), { name: 'ResponseTooLarge' });
        }
        const body = response?.body as NodeJS.ReadableStream | undefined;
        if (body && typeof (body as { on?: unknown }).on === 'function' && typeof body.pipe === 'function') {
          let seen = 0;
          const counted = new Transform({
            transform(chunk: Buffer, _encoding, callback) {
              seen += chunk.length;
              if (seen > limit) {
                destroyBody(body);
                callback(Object.assign(new Error('response too large'), { name: 'ResponseTooLarge' }));
              } else callback(null, chunk);
            },
          });
          body.on('error', (error: Error) => counted.destroy(error));
          if (response) response.body = body.pipe(counted);
        }
        return result;
      },
    { step: 'deserialize', priority: 'low', name: 'srlensResponseLimit' },
  );
}

function destroyBody(body: unknown): void {
  const stream = body as { destroy?: () => void } | undefined;
  if (typeof stream?.destroy === 'function') stream.destroy();
}

const DENIED =
  /^(AccessDenied|AccessDeniedException|UnauthorizedOperation|UnauthorizedAccess|Forbidden|AuthorizationError)$/;
const THROTTLED =
  /^(Throttling|ThrottlingException|ThrottledException|TooManyRequestsException|RequestLimitExceeded|RequestThrottled|RequestThrottledException|SlowDown|ProvisionedThroughputExceededException|LimitExceededException)$/;

/** The failure of one call, in one line that names the permission and the error code, never the server's message. */
export function describeFailure(error: unknown, permission: string): CallFailure {
  const e = (error ?? {}) as {
    name?: string;
    code?: string;
    message?: string;
    $metadata?: { httpStatusCode?: number };
    cause?: { code?: string };
  };
  const name = e.name ?? '';
  const code = e.code ?? e.cause?.code ?? '';
  const message = String(e.message ?? '');
  const status = e.$metadata?.httpStatusCode;
  const label = safeCode(name) || 'Error';
  if (name === 'SubscriptionRequiredException')
    return new CallFailure('subscription-required', name, `${permission}: the support plan does not include it`);
  if (name === 'ResponseTooLarge' || /response too large/.test(message))
    return new CallFailure(
      'too-large',
      'ResponseTooLarge',
      `${permission}: the response was larger than the limit and was not read`,
    );
  if (DENIED.test(name) || (status === 403 && !/ExpiredToken|InvalidClientTokenId|SignatureDoesNotMatch/.test(name)))
    return new CallFailure('access-denied', label, `${permission} was denied (${label}): allow it to run this check`);
  if (THROTTLED.test(name) || status === 429)
    return new CallFailure(
      'throttled',
      label,
      `${permission} was throttled (${label}) after the retries: try again later`,
    );
  if (/^(ExpiredToken|ExpiredTokenException|RequestExpired|TokenRefreshRequired)$/.test(name))
    return new CallFailure('expired', label, `${permission}: the session has expired: sign in again`);
  if (
    /^(InvalidClientTokenId|SignatureDoesNotMatch|UnrecognizedClientException|IncompleteSignature|AuthFailure)$/.test(
      name,
    )
  )
    return new CallFailure('invalid-credentials', label, `${permission}: AWS rejected the credentials (${label})`);
  if (
    /^(OptInRequired|SubscriptionRequired|UnsupportedOperation|InvalidAction|UnknownOperationException|EndpointError)$/.test(
      name,
    ) ||
    /endpoint.*(not|could not)|not (supported|available) in (this|the) region|unknownendpoint/i.test(
      `${name} ${message}`,
    ) ||
    (code === 'ENOTFOUND' && !/^(127\.|localhost)/.test(message))
  )
    return new CallFailure(
      'unavailable',
      label,
      `${permission}: the service is not offered in this Region or at this endpoint (${safeCode(code) || label})`,
    );
  if (
    name === 'AbortError' ||
    name === 'TimeoutError' ||
    /^(ETIMEDOUT|ESOCKETTIMEDOUT|ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|EPIPE|UND_ERR_.*)$/.test(
      code,
    ) ||
    /socket hang up|getaddrinfo|connect E/i.test(message)
  )
    return new CallFailure(
      'network',
      safeCode(code) || label,
      `${permission}: could not reach the service (${safeCode(code) || label})`,
    );
  if (
    /deserializ|xml|parse|unexpected token|non-whitespace|char|json/i.test(message) ||
    name === 'SyntaxError' ||
    (typeof status === 'number' && status >= 200 && status < 300)
  )
    return new CallFailure(
      'malformed',
      'Malformed',
      `${permission}: the response could not be read (is the endpoint an AWS endpoint?)`,
    );
  return new CallFailure(
    'unknown',
    label,
    `${permission} failed (${typeof status === 'number' ? `HTTP ${status}, ` : ''}${label})`,
  );
}

/** An error code as the server named it, when it looks like one (letters and digits), else nothing. */
function safeCode(name: string): string {
  return /^[A-Za-z][A-Za-z0-9_.]{0,80}$/.test(name) ? name : '';
}

const REASON: Record<CallFailureKind, string> = {
  'access-denied': 'access denied',
  'subscription-required': 'support plan',
  throttled: 'throttled',
  expired: 'session expired',
  'invalid-credentials': 'credentials rejected',
  timeout: 'timed out',
  cancelled: 'cancelled',
  unavailable: 'not offered here',
  malformed: 'unreadable response',
  'too-large': 'response too large',
  network: 'unreachable',
  unknown: 'failed',
};

function notChecked(id: DirectCheckId, failure: CallFailure, notes: string[]): AccountCheckResult {
  const text = TEXT[id];
  const permissions = DIRECT_CHECKS.find((c) => c.id === id)!.permissions;
  const permission = permissions.find((p) => failure.message.startsWith(p)) ?? permissions[0];
  notes.push(`${id}: not checked: ${failure.message}.`);
  return {
    id,
    source: 'direct',
    title: text.title,
    concern: text.concern,
    owner: 'customer',
    status: 'not-checked',
    severity: text.severity,
    message: headline(text.concern, `${lowerFirst(text.title)} was not checked (${REASON[failure.kind]}).`),
    action:
      failure.kind === 'access-denied'
        ? `Allow ${permission} to run this check (docs/aws.md has the read-only policy).`
        : failure.message,
    resources: [],
    permission,
    reason: failure.kind,
  };
}

// ---------------------------------------------------------------------------------------------
// Direct checks

function result(
  id: DirectCheckId,
  passed: boolean,
  what: string,
  resources: string[] = [],
  severity?: AccountCheckSeverity,
): AccountCheckResult {
  const text = TEXT[id];
  return {
    id,
    source: 'direct',
    title: text.title,
    concern: text.concern,
    owner: 'customer',
    status: passed ? 'pass' : 'fail',
    severity: severity ?? text.severity,
    message: headline(text.concern, what),
    ...(passed ? {} : { action: text.action }),
    resources,
  };
}

/** `You · Credentials: the root user has no MFA device.` */
export function headline(concern: ConcernId, what: string): string {
  return `You · ${getConcern(concern).title}: ${what}`;
}

function summaryCheck(
  id: 'root-mfa' | 'root-access-keys' | 'iam-use',
  map: Partial<Record<string, number>>,
): AccountCheckResult {
  if (id === 'root-mfa') {
    const on = map.AccountMFAEnabled === 1;
    return result(id, on, on ? 'the root user has MFA.' : 'the root user has no MFA device.');
  }
  if (id === 'root-access-keys') {
    const present = (map.AccountAccessKeysPresent ?? 0) > 0;
    return result(id, !present, present ? 'the root user has access keys.' : 'the root user has no access keys.');
  }
  const users = map.Users ?? 0;
  const roles = map.Roles ?? 0;
  const used = users + roles > 0;
  return result(
    id,
    used,
    used
      ? `IAM is in use (${users} user${users === 1 ? '' : 's'}, ${roles} role${roles === 1 ? '' : 's'}).`
      : 'the account has no IAM users or roles: everything runs as the root user.',
  );
}

async function passwordPolicy(caller: Caller, iam: IAMClient): Promise<AccountCheckResult> {
  let policy;
  try {
    policy = (
      await caller.send('iam:GetAccountPasswordPolicy', (abortSignal) =>
        iam.send(new GetAccountPasswordPolicyCommand({}), { abortSignal }),
      )
    ).PasswordPolicy;
  } catch (error) {
    if (error instanceof CallFailure && /^NoSuchEntity(Exception)?$/.test(error.code))
      return result('password-policy', false, 'the account has no password policy: IAM users may choose any password.');
    throw error;
  }
  const length = policy?.MinimumPasswordLength ?? 0;
  const weak: string[] = [];
  if (length < 14) weak.push(`a minimum length of ${length} (14 or more is advised)`);
  if (policy?.PasswordReusePrevention === undefined) weak.push('no reuse prevention');
  return weak.length === 0
    ? result('password-policy', true, `the password policy asks for at least ${length} characters and prevents reuse.`)
    : result('password-policy', false, `the password policy is weak: ${weak.join(', ')}.`);
}

interface OpenPort {
  port: SensitivePort;
  cidr: string;
}

/** The administration and database ports a permission opens to 0.0.0.0/0 or ::/0. */
export function openSensitivePorts(permission: IpPermission): OpenPort[] {
  const protocol = normaliseProtocol(permission.IpProtocol);
  const anywhere = [
    ...(permission.IpRanges ?? []).map((r) => r.CidrIp),
    ...(permission.Ipv6Ranges ?? []).map((r) => r.CidrIpv6),
  ].filter((cidr): cidr is string => cidr !== undefined && /^[0-9A-Fa-f:.]+\/0+$/.test(cidr.trim()));
  if (anywhere.length === 0 || protocol === undefined) return [];
  const open: OpenPort[] = [];
  for (const port of [...ADMIN_PORTS, ...DATABASE_PORTS]) {
    const covered =
      protocol === 'all' ||
      (port.protocols.includes(protocol) &&
        permission.FromPort !== undefined &&
        permission.ToPort !== undefined &&
        permission.FromPort <= port.port &&
        port.port <= permission.ToPort);
    if (covered) open.push({ port, cidr: anywhere[0] });
  }
  return open;
}

function normaliseProtocol(protocol: string | undefined): string | undefined {
  if (protocol === undefined) return undefined;
  const p = protocol.toLowerCase();
  if (p === '-1' || p === 'all') return 'all';
  if (p === '6') return 'tcp';
  if (p === '17') return 'udp';
  return p;
}

async function securityGroups(caller: Caller, ec2: EC2Client, region: string): Promise<AccountCheckResult> {
  const groups: SecurityGroup[] = [];
  let token: string | undefined;
  // Bounded: a misbehaving endpoint that always answers with a next page cannot loop forever.
  for (let page = 0; page < 100; page++) {
    const out = await caller.send('ec2:DescribeSecurityGroups', (abortSignal) =>
      ec2.send(new DescribeSecurityGroupsCommand({ MaxResults: 1000, NextToken: token }), { abortSignal }),
    );
    groups.push(...(out.SecurityGroups ?? []));
    token = out.NextToken;
    if (!token) break;
  }
  const offending: string[] = [];
  for (const group of groups) {
    const open = (group.IpPermissions ?? []).flatMap(openSensitivePorts);
    if (open.length === 0) continue;
    const seen = new Set<string>();
    const ports = open
      .filter((o) => !seen.has(`${o.port.port}`) && seen.add(`${o.port.port}`))
      .map((o) => `${o.port.port} ${o.port.service}`);
    const name = group.GroupName ? ` (${redactKeys(clip(group.GroupName, 80))})` : '';
    offending.push(`${redactKeys(clip(group.GroupId ?? '?', 40))}${name}: ${ports.join(', ')} open to ${open[0].cidr}`);
  }
  if (offending.length === 0)
    return result(
      'security-group-open-ports',
      true,
      `no security group in ${region} opens an administration or database port to the internet (${groups.length} checked).`,
    );
  return result(
    'security-group-open-ports',
    false,
    `${offending.length} security group${offending.length === 1 ? '' : 's'} in ${region} open${offending.length === 1 ? 's' : ''} administration or database ports to the internet.`,
    offending,
  );
}

async function accountPublicAccessBlock(
  caller: Caller,
  s3control: S3ControlClient,
  account: string,
): Promise<AccountCheckResult> {
  let config;
  try {
    config = (
      await caller.send('s3:GetAccountPublicAccessBlock', (abortSignal) =>
        s3control.send(new GetPublicAccessBlockCommand({ AccountId: account }), { abortSignal }),
      )
    ).PublicAccessBlockConfiguration;
  } catch (error) {
    if (error instanceof CallFailure && error.code === 'NoSuchPublicAccessBlockConfiguration')
      return result(
        's3-account-public-access-block',
        false,
        'S3 Block Public Access is not set for the account: each bucket decides on its own.',
      );
    throw error;
  }
  const settings = ['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'] as const;
  const off = settings.filter((s) => config?.[s] !== true);
  return off.length === 0
    ? result('s3-account-public-access-block', true, 'S3 Block Public Access is on for the whole account.')
    : result(
        's3-account-public-access-block',
        false,
        `S3 Block Public Access for the account leaves ${off.join(', ')} off.`,
      );
}

async function ebsDefaultEncryption(caller: Caller, ec2: EC2Client, region: string): Promise<AccountCheckResult> {
  const out = await caller.send('ec2:GetEbsEncryptionByDefault', (abortSignal) =>
    ec2.send(new GetEbsEncryptionByDefaultCommand({}), { abortSignal }),
  );
  const on = out.EbsEncryptionByDefault === true;
  return result(
    'ebs-default-encryption',
    on,
    on
      ? `new EBS volumes in ${region} are encrypted by default.`
      : `EBS encryption by default is off in ${region}: a new volume is unencrypted unless it asks for encryption.`,
  );
}

async function imdsDefaults(caller: Caller, ec2: EC2Client, region: string): Promise<AccountCheckResult> {
  const out = await caller.send('ec2:GetInstanceMetadataDefaults', (abortSignal) =>
    ec2.send(new GetInstanceMetadataDefaultsCommand({}), { abortSignal }),
  );
  const tokens = out.AccountLevel?.HttpTokens;
  const required = tokens === 'required';
  return result(
    'imds-defaults',
    required,
    required
      ? `new instances in ${region} require IMDSv2 by default.`
      : `new instances in ${region} accept IMDSv1 unless each launch requires IMDSv2 (account default: ${tokens ? clip(tokens, 20) : 'not set'}).`,
  );
}

async function cloudTrail(caller: Caller, cloudtrail: CloudTrailClient): Promise<AccountCheckResult> {
  const out: DescribeTrailsCommandOutput = await caller.send('cloudtrail:DescribeTrails', (abortSignal) =>
    cloudtrail.send(new DescribeTrailsCommand({ includeShadowTrails: true }), { abortSignal }),
  );
  const multi = (out.trailList ?? []).filter((t) => t.IsMultiRegionTrail === true).slice(0, 50);
  const notLogging: string[] = [];
  for (const trail of multi) {
    const status = await caller.send('cloudtrail:GetTrailStatus', (abortSignal) =>
      cloudtrail.send(new GetTrailStatusCommand({ Name: trail.TrailARN ?? trail.Name }), { abortSignal }),
    );
    const name = redactKeys(clip(trail.Name ?? trail.TrailARN ?? '?', 200));
    if (status.IsLogging === true)
      return result('cloudtrail-multi-region', true, `the multi-Region trail '${name}' is logging.`);
    notLogging.push(name);
  }
  if (notLogging.length > 0)
    return result(
      'cloudtrail-multi-region',
      false,
      `no multi-Region trail is logging (${notLogging.length} stopped).`,
      notLogging,
    );
  return result('cloudtrail-multi-region', false, 'the account has no multi-Region CloudTrail trail.');
}

async function guardDuty(caller: Caller, guardduty: GuardDutyClient, region: string): Promise<AccountCheckResult> {
  const out = await caller.send('guardduty:ListDetectors', (abortSignal) =>
    guardduty.send(new ListDetectorsCommand({}), { abortSignal }),
  );
  const detectors = out.DetectorIds ?? [];
  return detectors.length > 0
    ? result('guardduty-enabled', true, `GuardDuty has a detector in ${region}.`, [])
    : result('guardduty-enabled', false, `GuardDuty is not turned on in ${region}.`);
}

// ---------------------------------------------------------------------------------------------
// Trusted Advisor

async function trustedAdvisorChecks(
  caller: Caller,
  support: SupportClient,
  results: AccountCheckResult[],
  notes: string[],
): Promise<TrustedAdvisorState> {
  let checks: TrustedAdvisorCheckDescription[];
  try {
    checks =
      (
        await caller.send('support:DescribeTrustedAdvisorChecks', (abortSignal) =>
          support.send(new DescribeTrustedAdvisorChecksCommand({ language: 'en' }), { abortSignal }),
        )
      ).checks ?? [];
  } catch (error) {
    const failure =
      error instanceof CallFailure ? error : describeFailure(error, 'support:DescribeTrustedAdvisorChecks');
    if (failure.kind === 'cancelled') throw failure;
    const note =
      failure.kind === 'subscription-required'
        ? "Trusted Advisor: this account's support plan does not include the full Trusted Advisor checks (SubscriptionRequiredException; Business, Enterprise On-Ramp or Enterprise does): the direct checks below need no support plan."
        : `Trusted Advisor: not checked: ${failure.message}.`;
    notes.push(note);
    return { state: failure.kind === 'subscription-required' ? 'subscription-required' : 'not-checked', note };
  }
  const security = checks.filter((c) => c.category === 'security' && c.id).slice(0, 100);
  // The first failed result ends the calls: a denial or an unreadable endpoint is the same for every check.
  let stopped: CallFailure | undefined;
  for (const check of security) {
    const name = redactKeys(clip(check.name ?? check.id ?? '?', 120));
    const id = `trusted-advisor/${slug(name)}`;
    const concern = trustedAdvisorConcern(name);
    try {
      if (stopped) throw stopped;
      const out = await caller.send('support:DescribeTrustedAdvisorCheckResult', (abortSignal) =>
        support.send(new DescribeTrustedAdvisorCheckResultCommand({ checkId: check.id, language: 'en' }), {
          abortSignal,
        }),
      );
      const status = out.result?.status;
      const flagged = (out.result?.flaggedResources ?? []).filter((r) => r.isSuppressed !== true);
      const resources = flagged.slice(0, 200).map((r) => {
        const parts = (r.metadata ?? []).filter((m): m is string => typeof m === 'string' && m.trim() !== '');
        return redactKeys(clip(parts.length > 0 ? parts.join(' · ') : (r.resourceId ?? '?'), 300));
      });
      const base = {
        id,
        source: 'trusted-advisor' as const,
        title: name,
        concern,
        owner: 'customer' as const,
        resources,
      };
      if (status === 'ok')
        results.push({
          ...base,
          status: 'pass',
          severity: 'info',
          message: headline(concern, `Trusted Advisor: '${name}' is fine.`),
        });
      else if (status === 'warning' || status === 'error')
        results.push({
          ...base,
          status: 'fail',
          severity: status === 'error' ? 'error' : 'warning',
          message: headline(
            concern,
            `Trusted Advisor: '${name}' flags ${flagged.length} resource${flagged.length === 1 ? '' : 's'}.`,
          ),
          action: 'Open the check in Trusted Advisor and follow its recommended action.',
        });
      else
        results.push({
          ...base,
          status: 'not-checked',
          severity: 'info',
          message: headline(concern, `Trusted Advisor: '${name}' has no result for this account.`),
        });
    } catch (error) {
      const failure =
        error instanceof CallFailure ? error : describeFailure(error, 'support:DescribeTrustedAdvisorCheckResult');
      if (failure.kind === 'cancelled') throw failure;
      if (!stopped)
        notes.push(`Trusted Advisor results: not checked: ${failure.message}; the direct checks below still ran.`);
      stopped = failure;
      results.push({
        id,
        source: 'trusted-advisor',
        title: name,
        concern,
        owner: 'customer',
        status: 'not-checked',
        severity: 'info',
        message: headline(concern, `Trusted Advisor: '${name}' was not checked (${REASON[failure.kind]}).`),
        action: failure.message,
        resources: [],
        permission: 'support:DescribeTrustedAdvisorCheckResult',
        reason: failure.kind,
      });
    }
  }
  return { state: 'available' };
}

function trustedAdvisorConcern(name: string): ConcernId {
  if (/security group|ports|network acl/i.test(name)) return 'network-access';
  if (/mfa|password|access key|credential|root/i.test(name)) return 'credentials';
  if (/\biam\b|identity|permission|polic/i.test(name)) return 'identity-access';
  if (/cloudtrail|logging|log/i.test(name)) return 'logging-monitoring';
  if (/certificate|ssl|tls|https|listener/i.test(name)) return 'data-in-transit';
  if (/snapshot|encrypt/i.test(name)) return 'data-at-rest';
  return 'configuration';
}

/** `Security Groups - Specific Ports Unrestricted` → `security-groups-specific-ports-unrestricted`. */
export function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'check'
  );
}

// ---------------------------------------------------------------------------------------------
// Text

/** Access key ids (AKIA…, ASIA…) become their last four characters; nothing from AWS prints a key id whole. */
export function redactKeys(text: string): string {
  return text.replace(/\b(AKIA|ASIA|AROA|AIDA)[A-Z0-9]{12,}\b/g, (m) => `${m.slice(0, 4)}…${m.slice(-4)}`);
}

function clip(text: string, max: number): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f]+/g, ' ');
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

/** `MFA on the root user` stays, `IAM password policy` stays, `Security groups …` becomes `security groups …`. */
function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
