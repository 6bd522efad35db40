/**
 * Redaction of values that look like credentials, for everything the ISMS code writes out: the
 * asset register's tags, the Markdown report and the CSV exports. Its own module so that building
 * the registers (data) does not depend on the exporters (presentation).
 */

const SECRET_PATTERNS: readonly RegExp[] = [
  /\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b/g, // AWS access key ids
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g,
  /\b(?:ghp|gho|ghu|ghs|ghr|github_pat)_[A-Za-z0-9_]{20,}\b/g,
  /\bxox[abprs]-[A-Za-z0-9-]{10,}\b/g,
  /(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g, // secret-access-key-shaped
];
const SENSITIVE_KEY = /pass(word)?|secret|token|credential|private|api[-_]?key|access[-_]?key/i;

/** Replaces anything that looks like a credential with `[redacted]`. */
export function redactSecrets(text: string): string {
  let result = text;
  for (const pattern of SECRET_PATTERNS) result = result.replace(pattern, '[redacted]');
  return result;
}

/** A tag value, unless its key says it holds a secret. */
export function safeTagValue(key: string, value: string): string {
  return SENSITIVE_KEY.test(key) ? '[redacted]' : redactSecrets(value);
}
