import { getConcern, type ConcernId } from '../knowledge/concerns';
import type { Owner } from '../knowledge/ownership';
import type { ParseDiagnostic, Range, ResourceTier, Severity } from '../iac/model';
import { compareRanges } from '../iac/model';
import type { PeerTool } from './peer-rule-ids';

/**
 * One finding, as every front end shows it. The field names are a public contract
 * (`srlens scan --format json`, SARIF properties, the editor): add fields, never rename or drop.
 */
export interface Finding {
  ruleId: string;
  severity: Severity;
  concern: ConcernId;
  owner: Owner;
  tier: ResourceTier;
  service: string;
  /** CloudFormation logical id or Terraform address; empty for file-level findings. */
  resource: string;
  resourceType: string;
  file: string;
  range: Range;
  /**
   * The headline: one sentence of at most 120 characters, `Owner · Concern: what is wrong, where`
   * (`You · Network access: security group 'Bastion' allows SSH (22) from 0.0.0.0/0`).
   */
  message: string;
  /**
   * The explanation behind the headline: why the concern is yours (or shared), what AWS does and
   * does not do, where the value came from, and whatever the headline had to leave out.
   */
  detail?: string;
  fixable: boolean;
  /**
   * Where the value the finding is about came from, when that is elsewhere (Terraform: the
   * `locals` entry, the var file's line, the caller's module argument); absent when there is none.
   */
  related?: RelatedLocation[];
  /**
   * Set when a suppression covered this finding but expired: the finding is reported again, and
   * this says which acceptance lapsed.
   */
  expiredSuppression?: SuppressionInfo;
  /** Only on suppressed findings a front end chose to show (`srlens scan --include-suppressed`): what silenced it. */
  suppressed?: SuppressionInfo;
}
/**
 * Where a suppression is written: our comment, our Metadata entry, `.srlens.yaml`, or another
 * tool's own form.
 */
export type SuppressionSource = 'comment' | 'metadata' | 'config' | PeerTool;

/** What the outputs say about a suppression (JSON `suppressed`, SARIF `suppressions`, the ISMS register). */
export interface SuppressionInfo {
  reason: string;
  /** `YYYY-MM-DD`, when it expires. */
  expires?: string;
  source: SuppressionSource;
  kind: 'inSource' | 'external';
  file: string;
  /** 1-based line of the comment, Metadata entry or `.srlens.yaml` item. */
  line: number;
  owner?: string;
  ticket?: string;
  /** A peer tool's suppression: the id it names. */
  peerId?: string;
}

/** A place that explains a finding: `{ file, range, message: "value from terraform.tfvars" }`. */
export interface RelatedLocation {
  file: string;
  range: Range;
  message: string;
}

export const PARSE_ERROR_RULE_ID = 'parse-error';

/** The longest headline (`Finding.message`), prefix included. */
export const HEADLINE_LIMIT = 120;

/** The word a headline starts with: who owns the concern. */
export const OWNER_WORD: Readonly<Record<Owner, string>> = { customer: 'You', shared: 'Shared', aws: 'AWS' };

/** The concern as a headline names it: its title, shortened where the title is long. */
export function concernLabel(concern: ConcernId): string {
  return concern === 'backup-dr' ? 'Backup and DR' : getConcern(concern).title;
}

/** `You · Network access: `, what every headline of that owner and concern starts with. */
export function headlinePrefix(owner: Owner, concern: ConcernId): string {
  return `${OWNER_WORD[owner]} · ${concernLabel(concern)}: `;
}

/** A headline and the detail that goes with it. */
export interface Headline {
  message: string;
  detail?: string;
}

/**
 * `Owner · Concern: text`, the text without its closing full stop. A text too long for the limit
 * is cut at a word with an ellipsis, as a last resort. When the headline is not the whole text
 * (`whole`: the text before any shortening, such as a long address shortened in the middle), the
 * whole text opens the detail, so nothing is lost.
 */
export function composeHeadline(
  owner: Owner,
  concern: ConcernId,
  text: string,
  detail?: string,
  whole = text,
): Headline {
  const prefix = headlinePrefix(owner, concern);
  const sentence = withoutFullStop(text);
  let message = prefix + sentence;
  if (message.length > HEADLINE_LIMIT) {
    const room = HEADLINE_LIMIT - prefix.length - 1;
    const cut = sentence.slice(0, room + 1).lastIndexOf(' ');
    message = `${prefix}${sentence.slice(0, cut > room / 2 ? cut : room).trimEnd()}…`;
  }
  const complete = whole === text ? sentence : withoutFullStop(whole);
  if (message === prefix + complete) return withDetail(message, detail);
  return withDetail(message, joinSentences(`${whole.trim().replace(/\.$/, '')}.`, detail));
}

/**
 * A text as it follows `Concern: `: without its closing full stop, and a common noun or article
 * that opens it in lower case (`security group 'Bastion' …`); names (`KMS key`, `Lambda
 * function`, `CloudFront distribution`) keep their capitals.
 */
function withoutFullStop(text: string): string {
  const sentence = text.trim().replace(/\.$/, '');
  return COMMON_OPENING.test(sentence) ? sentence[0].toLowerCase() + sentence.slice(1) : sentence;
}

const COMMON_OPENING =
  /^(?:The|A|An|Security|Container|Ingress|Egress|Default|Bucket|Launch|Role|Listener|Parameter|Vault|Subnet|Access|Function|Network|Key|Rule|Nested|Instance|Policy|User|Template|Module|Resource|Stack|Value|Property|Variable)\b/;

/**
 * A finding whose `message` is plain prose (a syntax error, a configuration problem) as a
 * headline: its first sentence, composed with the owner and concern, and the rest as the detail.
 * A message that already starts with its headline prefix is returned as it is.
 */
export function asHeadline(finding: Finding): Finding {
  if (finding.message.startsWith(headlinePrefix(finding.owner, finding.concern))) return finding;
  const { first, rest } = firstSentence(finding.message);
  const { message, detail } = composeHeadline(
    finding.owner,
    finding.concern,
    first,
    joinSentences(rest, finding.detail),
  );
  const result: Finding = { ...finding, message };
  if (detail === undefined) delete result.detail;
  else result.detail = detail;
  return result;
}

/** Two texts as one, either possibly empty. */
export function joinSentences(a: string | undefined, b: string | undefined): string | undefined {
  const parts = [a, b].map((t) => t?.trim()).filter((t): t is string => !!t);
  return parts.length === 0 ? undefined : parts.join(' ');
}

function withDetail(message: string, detail: string | undefined): Headline {
  return detail?.trim() ? { message, detail: detail.trim() } : { message };
}

/**
 * The first sentence of a text and the rest: up to the first full stop that ends a word and is
 * followed by a space and a capital letter or a digit (outside quotes), or up to the first line break.
 */
function firstSentence(text: string): { first: string; rest: string } {
  const line = text.indexOf('\n');
  let quote: string | undefined;
  const end = line === -1 ? text.length : line;
  for (let i = 0; i < end; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if ((c === "'" || c === '"') && (i === 0 || /[\s(:=]/.test(text[i - 1]))) quote = c;
    else if (c === '.' && text[i + 1] === ' ' && /[A-Z0-9(]/.test(text[i + 2] ?? '') && /\w/.test(text[i - 1] ?? ''))
      return { first: text.slice(0, i + 1), rest: text.slice(i + 2) };
  }
  return { first: text.slice(0, end), rest: text.slice(end + 1) };
}

/** Syntax problems are the author's to fix: they stop CloudFormation or Terraform from deploying anything. */
export function parseErrorFinding(diagnostic: ParseDiagnostic): Finding {
  return asHeadline({
    ruleId: PARSE_ERROR_RULE_ID,
    severity: diagnostic.severity,
    concern: 'configuration',
    owner: 'customer',
    tier: 'unclassified',
    service: '',
    resource: '',
    resourceType: '',
    file: diagnostic.file,
    range: diagnostic.range,
    message: diagnostic.message,
    fixable: false,
  });
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** At or above: `atLeast('warning', 'error')` is true. */
export function severityAtLeast(severity: Severity, threshold: Severity): boolean {
  return SEVERITY_RANK[severity] <= SEVERITY_RANK[threshold];
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.file < b.file
    ? -1
    : a.file > b.file
      ? 1
      : compareRanges(a.range, b.range) || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}
