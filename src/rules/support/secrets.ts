/**
 * What counts as a secret for the credential rules: names that say a value is a password, token,
 * secret or private key; values that are only placeholders or references; and masking, so that no
 * message ever repeats more than the first two characters of a secret.
 */

/** Lower-case letters and digits only: `Master_User-Password` → `masteruserpassword`. */
export function normaliseName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * Endings of property names that hold a secret value. Matching the end of the name (not any part
 * of it) keeps `SecretArn`, `TokenValidityUnits`, `ApiKeyRequired` or `PasswordResetRequired` out.
 */
const SECRET_PROPERTY_ENDINGS = [
  'password',
  'passwords',
  'passwd',
  'passphrase',
  'secret',
  'secrets',
  'secretkey',
  'secretaccesskey',
  'secretstring',
  'secretvalue',
  'token',
  'apikey',
  'privatekey',
  'privatekeypem',
  'keymaterial',
  'keymaterialbase64',
];

/** Names that end like a secret but are not one: idempotency and paging tokens, custom resource targets, switches, public keys. */
const NOT_SECRET_PROPERTIES =
  /^(client(request)?token|idempotencytoken|nexttoken|continuationtoken|paginationtoken|servicetoken|generatesecret)$|public/;

/** Property names repeat across resources: each is judged once. Bounded, so hostile input cannot grow it. */
const secretNameVerdicts = new Map<string, boolean>();
const MAX_REMEMBERED_NAMES = 10_000;

/** True when a property (or environment variable, or option) name says its value is a secret. */
export function isSecretPropertyName(name: string): boolean {
  const known = secretNameVerdicts.get(name);
  if (known !== undefined) return known;
  const normalised = normaliseName(name);
  const verdict =
    !NOT_SECRET_PROPERTIES.test(normalised) && SECRET_PROPERTY_ENDINGS.some((ending) => normalised.endsWith(ending));
  if (secretNameVerdicts.size >= MAX_REMEMBERED_NAMES) secretNameVerdicts.clear();
  secretNameVerdicts.set(name, verdict);
  return verdict;
}

/** Parts of a parameter name that say its value is a secret. */
const SECRET_PARAMETER_WORDS = [
  'password',
  'passwd',
  'passphrase',
  'pwd',
  'secret',
  'token',
  'apikey',
  'privatekey',
  'keymaterial',
];

/**
 * Endings that make a secret-sounding parameter name about something else: the secret's ARN, name,
 * KMS key, length, rotation period, or the name of the SSM parameter that holds it.
 */
const PARAMETER_METADATA_ENDINGS =
  /(arn|arns|name|names|id|ids|kms|kmskey|length|minlength|maxlength|type|version|validity|ttl|duration|expiry|expiration|rotation|days|hours|minutes|enabled|required|policy|path|prefix|parameter|location|url|uri|bucket|count|size)$/;

/** Switches such as `CreateSecret`, `EnableTokenAuth` or `UseSecretsManager`. */
const PARAMETER_SWITCH_PREFIXES = /^(create|enable|disable|use|generate|rotate|has|is|should|with|manage|include)/;

/** True when a template parameter's name says it carries a secret (`DBPassword`, `GitHubToken`, `ApiKey`). */
export function isSecretParameterName(name: string): boolean {
  const normalised = normaliseName(name);
  // `AdminPass`, `DBPass`: the common abbreviation, at the end only (`PassThrough`, `Compass`… are not).
  const abbreviated = /(admin|db|user|master|root|login|sql|ldap|smtp)pass$/.test(normalised);
  if (!abbreviated && !SECRET_PARAMETER_WORDS.some((word) => normalised.includes(word))) return false;
  return !PARAMETER_METADATA_ENDINGS.test(normalised) && !PARAMETER_SWITCH_PREFIXES.test(normalised);
}

/**
 * Values that stand in for a secret rather than being one: `<password>`, `CHANGEME`, `xxxx`,
 * `your-token-here`, `${Token}`, `REPLACE_ME`, `TODO`… and the type names that AWS's CloudFormation
 * syntax pages and template generators write where a value goes (`Password: String`,
 * `OAuthToken: String`, `Port: Integer`, `Policy: Json`).
 */
const PLACEHOLDER =
  /^(<[\w .:-]*>|\{[\w .-]*\}|\[[\w .-]*\]|\$\{.*\}|\$\(.*\)|%.*%|x{3,}|\*{3,}|\.{3,}|-+|#+|change[-_ ]?(me|it|this)|todo|tbd|placeholder|dummy|example|redacted|none|null|nil|undefined|n\/a|true|false|yes|no|seconds|minutes|hours|days|string|integer|number|boolean|double|long|json|timestamp|list|map|object)$/i;
/** `your-token`, `REPLACE_ME_TOKEN`, `YourPasswordHere`, `PUT_TOKEN_HERE` (a real `Enterprise2024!` is not one). */
const PLACEHOLDER_WORDS = [
  /^(your|replace|insert|enter|put|fill)[-_ ]/i,
  /^(Your|YOUR|Replace|REPLACE|Insert|INSERT)[A-Z]/,
  /[-_ ]here$/i,
  /[a-z]Here$/,
];

/** An SSM parameter path such as `/prod/db/password`: the name of where the secret lives, not the secret. */
const PARAMETER_PATH = /^\/[\w.-]+(\/[\w.-]+)+$/;

/**
 * True when a literal string is a real, hard-coded value: not empty, not a placeholder, not an
 * ARN or parameter path, and not a CloudFormation dynamic reference (`{{resolve:secretsmanager:…}}`).
 */
export function isHardCodedSecretValue(value: string): boolean {
  const text = value.trim();
  if (text.length === 0) return false;
  if (text.includes('{{resolve:')) return false;
  if (/^arn:/i.test(text)) return false;
  if (PARAMETER_PATH.test(text)) return false;
  return !PLACEHOLDER.test(text) && !PLACEHOLDER_WORDS.some((pattern) => pattern.test(text));
}

/** The first two characters of a secret and an ellipsis; nothing at all of a short one. */
export function maskSecret(value: string): string {
  return value.length >= 8 ? `${value.slice(0, 2)}…` : '…';
}
