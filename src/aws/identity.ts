/**
 * Who the AWS credentials on this machine belong to, through STS GetCallerIdentity (which needs
 * no IAM permission). Credentials come from the SDK's default chain (environment, shared config
 * and credentials files with an optional profile, SSO, web identity, container and instance
 * metadata); the endpoint from the `endpoint` option, else AWS_ENDPOINT_URL_STS or
 * AWS_ENDPOINT_URL, else the Region's. Nothing here logs or keeps a credential.
 */
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';

export type PrincipalType = 'root' | 'user' | 'assumed-role' | 'federated-user' | 'unknown';

export interface CallerIdentity {
  account: string;
  arn: string;
  userId: string;
  principalType: PrincipalType;
  isRoot: boolean;
}

export interface IdentityOptions {
  profile?: string;
  region?: string;
  /** An STS endpoint URL, for example a local emulator. */
  endpoint?: string;
  /** Whole-call limit in milliseconds, credential lookup included (default 5000). */
  timeoutMs?: number;
  signal?: AbortSignal;
}

export type IdentityErrorKind =
  | 'no-credentials'
  | 'expired'
  | 'invalid-credentials'
  | 'access-denied'
  | 'timeout'
  | 'cancelled'
  | 'network'
  | 'malformed'
  | 'invalid-input'
  | 'unknown';

/** A failure with a message that says what to do; `kind` lets callers react without parsing text. */
export class IdentityError extends Error {
  constructor(
    readonly kind: IdentityErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'IdentityError';
  }
}

export const DEFAULT_IDENTITY_TIMEOUT_MS = 5000;

export async function getCallerIdentity(options: IdentityOptions = {}): Promise<CallerIdentity> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_IDENTITY_TIMEOUT_MS;
  if (!(timeoutMs > 0))
    throw new IdentityError('invalid-input', 'The timeout must be a positive number of milliseconds.');
  if (options.endpoint !== undefined && !isHttpUrl(options.endpoint)) {
    throw new IdentityError(
      'invalid-input',
      `The endpoint must be an http:// or https:// URL (got '${options.endpoint}').`,
    );
  }
  if (options.signal?.aborted) throw new IdentityError('cancelled', 'The identity check was cancelled.');

  const controller = new AbortController();
  // An object, not a `let`: the flag is set in a callback, where the compiler does not follow it.
  const timeout = { expired: false };
  const timer = setTimeout(() => {
    timeout.expired = true;
    controller.abort();
  }, timeoutMs);
  const onAbort = () => controller.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });

  const client = new STSClient({
    region: options.region ?? (process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || 'us-east-1'),
    ...(options.profile ? { profile: options.profile } : {}),
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    maxAttempts: 1,
    requestHandler: { connectionTimeout: timeoutMs, requestTimeout: timeoutMs },
  });
  try {
    const response = await Promise.race([
      client.send(new GetCallerIdentityCommand({}), { abortSignal: controller.signal }),
      // Credential providers do not all honour the abort signal; the race keeps the limit anyway.
      new Promise<never>((_, reject) =>
        controller.signal.addEventListener('abort', () => reject(abortError()), { once: true }),
      ),
    ]);
    const { Account: account, Arn: arn, UserId: userId } = response;
    if (!account || !arn || !userId || !/^\d{12}$/.test(account) || !arn.startsWith('arn:')) {
      throw new IdentityError(
        'malformed',
        'STS answered, but without a valid account, ARN and user id: check that the endpoint is an STS endpoint.',
      );
    }
    const principalType = principalTypeOf(arn);
    return { account, arn, userId, principalType, isRoot: principalType === 'root' };
  } catch (error) {
    if (error instanceof IdentityError) throw error;
    if (timeout.expired)
      throw new IdentityError(
        'timeout',
        `STS did not answer within ${timeoutMs} ms: check the network, proxy and endpoint, or raise the timeout.`,
      );
    if (options.signal?.aborted) throw new IdentityError('cancelled', 'The identity check was cancelled.');
    throw describe(error, options);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
    client.destroy();
  }
}

/** The kind of principal an STS caller ARN names. */
export function principalTypeOf(arn: string): PrincipalType {
  const resource = arn.split(':').slice(5).join(':');
  if (/^root$/.test(resource)) return 'root';
  if (resource.startsWith('user/')) return 'user';
  if (resource.startsWith('assumed-role/')) return 'assumed-role';
  if (resource.startsWith('federated-user/')) return 'federated-user';
  return 'unknown';
}

function describe(error: unknown, options: IdentityOptions): IdentityError {
  const e = (error ?? {}) as {
    name?: string;
    code?: string;
    message?: string;
    $metadata?: { httpStatusCode?: number };
    $response?: unknown;
    cause?: { code?: string };
  };
  const name = e.name ?? '';
  const code = e.code ?? e.cause?.code ?? '';
  const message = String(e.message ?? '');
  const status = e.$metadata?.httpStatusCode;
  const profile = options.profile ? ` for profile '${options.profile}'` : '';

  if (
    name === 'CredentialsProviderError' ||
    /could not load credentials|no credentials|credential is missing|unable to locate credentials/i.test(message)
  ) {
    return new IdentityError(
      'no-credentials',
      `No AWS credentials found${profile}: run 'aws configure' or 'aws sso login', or set AWS_PROFILE or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.`,
    );
  }
  if (/ProfileNotFound/i.test(name) || /profile .* (could not be found|not found)/i.test(message)) {
    return new IdentityError(
      'no-credentials',
      `The AWS profile${profile ? ` '${options.profile}'` : ''} is not in the shared config or credentials file.`,
    );
  }
  if (
    /^(ExpiredToken|ExpiredTokenException|RequestExpired|TokenRefreshRequired)$/.test(name) ||
    /token.*expired|expired.*token|sso session.*expired/i.test(message)
  ) {
    return new IdentityError(
      'expired',
      `The AWS session token has expired${profile}: sign in again (for example 'aws sso login') or refresh the temporary credentials.`,
    );
  }
  if (/^(InvalidClientTokenId|SignatureDoesNotMatch|UnrecognizedClientException|IncompleteSignature)$/.test(name)) {
    return new IdentityError(
      'invalid-credentials',
      `AWS rejected the credentials${profile} (${name}): the access key is unknown or the secret does not match; check the profile or environment variables.`,
    );
  }
  if (name === 'AccessDenied' || name === 'AccessDeniedException' || status === 403) {
    return new IdentityError(
      'access-denied',
      `STS denied the request (HTTP 403${name && name !== 'Error' ? `, ${name}` : ''}): an SCP or permissions boundary may block sts:GetCallerIdentity, or the endpoint refused the credentials.`,
    );
  }
  if (
    name === 'AbortError' ||
    name === 'TimeoutError' ||
    /^(ETIMEDOUT|ESOCKETTIMEDOUT|ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|EPIPE|UND_ERR_.*)$/.test(
      code,
    ) ||
    /socket hang up|getaddrinfo|connect E|network/i.test(message)
  ) {
    return new IdentityError(
      'network',
      `Could not reach STS${options.endpoint ? ` at ${options.endpoint}` : ''} (${code || name || 'network error'}): check the network, proxy and endpoint settings.`,
    );
  }
  if (
    /deserializ|xml|parse|unexpected token|non-whitespace|char/i.test(message) ||
    name === 'SyntaxError' ||
    (typeof status === 'number' && status >= 200 && status < 300)
  ) {
    return new IdentityError(
      'malformed',
      'STS sent a response that could not be read: check that the endpoint is an STS endpoint and that no proxy rewrites it.',
    );
  }
  if (typeof status === 'number') {
    return new IdentityError(
      'unknown',
      `STS answered with HTTP ${status}${name && name !== 'Error' ? ` (${name})` : ''}; try again later or check the endpoint.`,
    );
  }
  return new IdentityError('unknown', `The identity check failed: ${oneLine(message || name || 'unknown error')}`);
}

function abortError(): Error {
  const error = new Error('aborted');
  error.name = 'AbortError';
  return error;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 300);
}
