/**
 * Reading EC2 user data as the instance will see it, and finding credentials written into it.
 * Shared by `ec2-user-data-secrets` (the secret itself) and `ec2-instance-profile-missing` (static
 * AWS keys on an instance that has no role).
 *
 * Only text that is written in the template counts: base64 literals are decoded, `Fn::Base64`,
 * `Fn::Sub`, `Fn::Join`, `base64encode()` and Terraform templates are read for their literal
 * parts, and every part decided at deploy time (`${Param}`, `!Ref`, `var.x`, `file()`) becomes an
 * opaque gap that no pattern can match across.
 */
import type { Property, Range, Resource, UnresolvableValue, Value } from '../../iac/model';
import { lineIndexOf } from '../../fixes/edits';
import { getProperty } from '../../iac/model';
import type { RuleContext } from '../rule';
import { launchSettings } from './ec2-launch';

/** Stands for a part of the text that is only known at deploy time. */
const GAP = '\u0000';
const MAX_DEPTH = 16;

export interface UserData {
  property: Property;
  /** The user data as the instance receives it, with gaps for unknown parts. */
  text: string;
  /** True when the template holds it base64-encoded (so it cannot be pointed at in the source). */
  decoded: boolean;
}

/** The user data properties of an instance, launch template or launch configuration, read as text. */
export function readUserData(resource: Resource, context: RuleContext): UserData[] {
  const found: UserData[] = [];
  const settings = launchSettings(resource, context).map;
  for (const name of ['UserData', 'user_data', 'user_data_base64']) {
    const property = getProperty(settings, name);
    if (!property) continue;
    const read = topLevelText(property.value, context, resource);
    if (read && read.text.split(GAP).join('').trim() !== '') found.push({ property, ...read });
  }
  return found;
}

/** A literal may be base64 (CloudFormation requires it; so do `user_data_base64` and launch templates). */
function topLevelText(
  value: Value,
  context: RuleContext,
  resource: Resource,
): { text: string; decoded: boolean } | undefined {
  const resolved = context.resolve(value);
  if (resolved?.kind === 'literal' && typeof resolved.value === 'string') {
    const decoded = decodeBase64Text(resolved.value);
    return decoded !== undefined ? { text: decoded, decoded: true } : { text: resolved.value, decoded: false };
  }
  if (!resolved) return undefined;
  return { text: knownText(resolved, context, resource, 0), decoded: false };
}

/** The text a value stands for, with a gap for each part that is unknown statically. */
function knownText(value: Value | undefined, context: RuleContext, resource: Resource, depth: number): string {
  const resolved = context.resolve(value);
  if (!resolved) return '';
  if (depth > MAX_DEPTH) return GAP;
  switch (resolved.kind) {
    case 'literal':
      return resolved.value === null ? '' : String(resolved.value);
    case 'unresolvable':
      return unresolvableText(resolved, context, resource, depth + 1);
    default:
      return GAP;
  }
}

function unresolvableText(value: UnresolvableValue, context: RuleContext, resource: Resource, depth: number): string {
  const args = value.args;
  switch (value.construct) {
    case 'Fn::Base64':
      return knownText(args, context, resource, depth);
    case 'Fn::Sub': {
      const template = args?.kind === 'list' ? args.items[0] : args;
      return template?.kind === 'literal' && typeof template.value === 'string' ? subText(template.value) : GAP;
    }
    case 'Fn::Join': {
      if (args?.kind !== 'list' || args.items.length !== 2) return GAP;
      const [delimiter, parts] = args.items;
      if (delimiter.kind !== 'literal' || parts.kind !== 'list') return GAP;
      return parts.items.map((part) => knownText(part, context, resource, depth)).join(String(delimiter.value ?? ''));
    }
    case 'function:base64encode':
    case 'function:base64gzip':
      return args?.kind === 'list' && args.items.length === 1
        ? knownText(args.items[0], context, resource, depth)
        : GAP;
    case 'template': {
      const source = sourceText(value, context, resource);
      return source === undefined ? GAP : terraformTemplateText(source);
    }
    default:
      return GAP;
  }
}

/** `Fn::Sub`: `${Name}` is a gap, `${!Name}` is the literal text `${Name}`. */
function subText(template: string): string {
  return template.replace(/\$\{(!?)([^}]*)\}/g, (_match, bang: string, inner: string) => (bang ? `\${${inner}}` : GAP));
}

/**
 * The full source of a Terraform template (the model keeps only an excerpt). It may sit in any
 * file of the module (a `local`), so the file whose text at that range starts with the excerpt wins.
 */
function sourceText(value: UnresolvableValue, context: RuleContext, resource: Resource): string | undefined {
  const files =
    context.unit.kind === 'terraform'
      ? [resource.file, ...context.unit.files.filter((f) => f !== resource.file)]
      : [resource.file];
  const excerpt = value.text.endsWith('…') ? value.text.slice(0, -1) : value.text;
  for (const file of files) {
    const text = context.text(file);
    if (text === undefined) continue;
    const lines = lineIndexOf(text);
    const slice = text.slice(lines.offset(value.range.start), lines.offset(value.range.end));
    if (slice.startsWith(excerpt)) return slice;
  }
  return undefined;
}

/** A quoted string or heredoc with `${…}` and `%{…}` sequences, read as its literal parts and gaps. */
function terraformTemplateText(source: string): string {
  let body: string;
  const heredoc = /^<<-?([A-Za-z_][A-Za-z0-9_-]*)[ \t]*\r?\n/.exec(source);
  if (heredoc) {
    body = source.slice(heredoc[0].length);
    body = body.slice(0, Math.max(0, body.lastIndexOf('\n')));
  } else if (source.startsWith('"')) {
    body = source
      .slice(1, source.endsWith('"') ? -1 : undefined)
      .replace(/\\(["\\nrt])/g, (_m, c: string) => ({ n: '\n', r: '\r', t: '\t' })[c] ?? c);
  } else {
    return GAP;
  }
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if ((c === '$' || c === '%') && body[i + 1] === c && body[i + 2] === '{') {
      out += `${c}{`; // `$${` and `%%{` are the escaped, literal forms.
      i += 2;
    } else if ((c === '$' || c === '%') && body[i + 1] === '{') {
      i = closingBrace(body, i + 1);
      out += GAP;
    } else {
      out += c;
    }
  }
  return out;
}

/** The index of the `}` that closes the `{` at `open` (nested braces and quoted strings allowed). */
function closingBrace(text: string, open: number): number {
  let depth = 0;
  let quoted = false;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '\\') i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return text.length;
}

/** Decodes a base64 literal when it is one and decodes to readable text; undefined otherwise. */
export function decodeBase64Text(value: string): string | undefined {
  // Base64 may be wrapped over lines but has no spaces: a script with words is never taken for it.
  const compact = value.trim().replace(/\r?\n/g, '');
  if (compact.length < 8 || compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) return undefined;
  try {
    const binary = atob(compact);
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    // eslint-disable-next-line no-control-regex -- control characters mean the bytes are not a script
    return /[\u0000-\u0008\u000e-\u001f\u007f]/.test(text) ? undefined : text;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Credentials in text

export type SecretKind = 'access-key-id' | 'secret-access-key' | 'private-key' | 'password';

export interface Secret {
  kind: SecretKind;
  /** What was found, safe to show: the kind and the name it is assigned to, never the value. */
  description: string;
  /** The text matched, as it reads in the user data (an assignment, or the key itself). */
  match: string;
  /** Where the secret value starts and ends within `match`. */
  valueStart: number;
  valueEnd: number;
}

const ACCESS_KEY_ID = /(?<![A-Za-z0-9])(AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])/g;
/** `AWS_SECRET_ACCESS_KEY=…`, `aws_secret_access_key = …`, `aws configure set aws_secret_access_key …`, `"SecretAccessKey": "…"`. */
const SECRET_ACCESS_KEY =
  /(?<![A-Za-z0-9_])((?:aws_?)?secret_?access_?key)["']?(?:\s*[:=]\s*|[ \t]+)["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/gi;
const PRIVATE_KEY = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/g;
/**
 * `DB_PASSWORD=s3cret`, `--master-password 'x'`, `password: x` (cloud-config). The name must end in
 * password/passwd; the value must be written out: not `$VAR`, `$(cmd)`, `${…}`, a path or a flag.
 */
const PASSWORD =
  // eslint-disable-next-line no-control-regex -- NUL ends a value (it is how deploy-time gaps are marked)
  /(?<![A-Za-z0-9_])([A-Za-z0-9_.-]*(?:password|passwd))["']?(?:[ \t]*=[ \t]*|:[ \t]+)(?:"([^"\s\u0000]+)"|'([^'\s\u0000]+)'|([^\s"'\u0000;&|)]+))/gi;
const NOT_A_PASSWORD = /^(?:[$%<({[`/~*]|true$|false$|null$|none$|yes$|no$)/i;

/** Every distinct credential written in the text. */
export function findSecrets(text: string): Secret[] {
  const found: Secret[] = [];
  const seen = new Set<string>();
  const add = (secret: Secret) => {
    const value = `${secret.kind}\u0000${secret.match.slice(secret.valueStart, secret.valueEnd)}`;
    if (seen.has(value)) return;
    seen.add(value);
    found.push(secret);
  };
  for (const m of text.matchAll(ACCESS_KEY_ID)) {
    const temporary = m[1] === 'ASIA';
    add({
      kind: 'access-key-id',
      description: temporary ? `temporary AWS credentials (${m[1]}…)` : `an AWS access key id (${m[1]}…)`,
      match: m[0],
      valueStart: 0,
      valueEnd: m[0].length,
    });
  }
  for (const m of text.matchAll(SECRET_ACCESS_KEY)) {
    const start = m[0].length - m[2].length;
    add({
      kind: 'secret-access-key',
      description: `an AWS secret access key (assigned to ${m[1]})`,
      match: m[0],
      valueStart: start,
      valueEnd: m[0].length,
    });
  }
  for (const m of text.matchAll(PRIVATE_KEY)) {
    add({
      kind: 'private-key',
      description: `a private key (${m[0]})`,
      match: m[0],
      valueStart: 0,
      valueEnd: m[0].length,
    });
  }
  for (const m of text.matchAll(PASSWORD)) {
    const value = m.at(2) ?? m.at(3) ?? m.at(4) ?? '';
    const end = m.index + m[0].length;
    // A value that runs into a deploy-time gap is only partly known.
    if (value.length < 3 || NOT_A_PASSWORD.test(value) || (m.at(4) !== undefined && text[end] === GAP)) continue;
    const valueEnd = m.at(4) !== undefined ? m[0].length : m[0].length - 1;
    add({
      kind: 'password',
      description: `a password (assigned to ${m[1]})`,
      match: m[0],
      valueStart: valueEnd - value.length,
      valueEnd,
    });
  }
  return found;
}

/** True when the text holds AWS access keys: an access key id or a secret access key. */
export function holdsAwsKeys(secrets: readonly Secret[]): boolean {
  return secrets.some((s) => s.kind === 'access-key-id' || s.kind === 'secret-access-key');
}

/**
 * The source range of a secret inside its user data property, when it is written there verbatim
 * (not base64-encoded, not split by escapes); otherwise undefined and the caller points at the value.
 */
export function locateSecret(
  secret: Secret,
  userData: UserData,
  context: RuleContext,
  resource: Resource,
): Range | undefined {
  if (userData.decoded) return undefined;
  const text = context.text(resource.file);
  if (text === undefined) return undefined;
  const lines = lineIndexOf(text);
  const start = lines.offset(userData.property.value.range.start);
  const end = lines.offset(userData.property.value.range.end);
  const at = text.indexOf(secret.match, start);
  if (at === -1 || at + secret.match.length > end) return undefined;
  return lines.range(at + secret.valueStart, at + secret.valueEnd);
}
