/**
 * Renders a report's message from its rule's metadata: the message named by `messageId`, its
 * headline and its detail, with each `{placeholder}` replaced by the value of that name in the
 * report's `data`, verbatim (`renderReport`; the engine puts the owner and concern in front of the
 * headline). A headline too long for the room it has shortens the names in its values in the
 * middle (`module.network.aws_…_group.this["bastion"]`) and, failing that, is cut at a word; the
 * whole headline then opens the detail, so nothing is lost. An unknown message id, a placeholder without a value
 * or a value that is not a string or a number is a bug in the rule: `renderMessage` throws, the
 * engine turns the throw into a `rule-error` finding, and the registry meta-test finds it first.
 */
import type { RuleMessage, RuleMessages, RuleReport } from '../rule';

/** `{bucket}`, `{property}`: a name of letters and digits in braces. */
const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

export class MessageError extends Error {}

/** The placeholder names a message uses, in order of first appearance. */
export function placeholdersOf(message: RuleMessage): string[] {
  const names = [message.headline, message.detail ?? ''].flatMap((text) =>
    [...text.matchAll(PLACEHOLDER)].map((m) => m[1]),
  );
  return [...new Set(names)];
}

/** The message text alone, placeholders left as written: `headline detail`. */
export function messageText(message: RuleMessage): string {
  return message.detail === undefined ? message.headline : `${message.headline} ${message.detail}`;
}

/**
 * A message text split at its placeholders (`literal, name, literal, …, literal`), once per text:
 * messages are the rules' own constants, so there are only as many as the rules have.
 */
const compiledTexts = new Map<string, string[]>();

function partsOf(text: string): string[] {
  let parts = compiledTexts.get(text);
  if (!parts) {
    parts = text.split(PLACEHOLDER_SPLIT);
    compiledTexts.set(text, parts);
  }
  return parts;
}

/** `PLACEHOLDER` for `split`: its one group puts each name between the texts around it. */
const PLACEHOLDER_SPLIT = new RegExp(PLACEHOLDER.source);

function fill(
  text: string,
  data: Readonly<Record<string, unknown>>,
  messageId: string,
  shorter?: ReadonlyMap<string, string>,
): string {
  const parts = partsOf(text);
  let result = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i];
    const value = data[name];
    if (typeof value === 'string') result += shorter?.get(name) ?? value;
    else if (typeof value === 'number') result += String(value);
    else
      throw new MessageError(
        value === undefined
          ? `message '${messageId}': no value for placeholder {${name}}`
          : `message '${messageId}': placeholder {${name}} has a ${typeof value} value, not a string or a number`,
      );
    result += parts[i + 1];
  }
  return result;
}

/** A report's text: the headline (without the owner and concern), the detail, and the headline before shortening. */
export interface RenderedMessage {
  headline: string;
  detail?: string;
  /** The headline with every value whole; differs from `headline` when a value was shortened. */
  whole: string;
}

/** A name (in quotes within a value, or a value without spaces) is never shortened below this. */
const SHORTEST_NAME = 20;

/** `module.network.aws_security_group.this["bastion"]` as `module.networ…his["bastion"]`. */
export function middleEllipsis(value: string, length: number): string {
  if (value.length <= length) return value;
  const tail = Math.ceil((length - 1) / 2);
  return `${value.slice(0, length - 1 - tail)}…${value.slice(value.length - tail)}`;
}

/**
 * A value made shorter by up to `by` characters, or undefined when it cannot be: the longest name
 * in quotes within it (`RDS database 'module.db.aws_db_instance.this[0]'`), else the whole value
 * when it is one word (an address, an id); prose is never cut in the middle.
 */
function shorten(value: string, by: number): string | undefined {
  const quoted = [...value.matchAll(/'([^']+)'/g)].sort((a, b) => b[1].length - a[1].length).at(0);
  if (quoted !== undefined && quoted[1].length > SHORTEST_NAME) {
    const name = middleEllipsis(quoted[1], Math.max(SHORTEST_NAME, quoted[1].length - by));
    const start = quoted.index! + 1;
    return value.slice(0, start) + name + value.slice(start + quoted[1].length);
  }
  if (!/\s/.test(value) && value.length > SHORTEST_NAME)
    return middleEllipsis(value, Math.max(SHORTEST_NAME, value.length - by));
  return undefined;
}

/**
 * The headline and detail of one report, from its rule's `messages`. With `room`, a headline
 * longer than that shortens the names in its values in the middle (`shorten`), the one that
 * gains most first, until it fits;
 * `whole` keeps the headline as written. A headline that still does not fit is left to the
 * engine, which cuts it at a word (`composeHeadline`).
 */
export function renderReport(
  messages: RuleMessages,
  report: Pick<RuleReport, 'messageId' | 'data'>,
  room = Infinity,
): RenderedMessage {
  const message = Object.prototype.hasOwnProperty.call(messages, report.messageId)
    ? messages[report.messageId]
    : undefined;
  if (!message) throw new MessageError(`unknown message id '${report.messageId}'`);
  const data = report.data ?? {};
  const whole = fill(message.headline, data, report.messageId);
  const detail = message.detail === undefined ? undefined : fill(message.detail, data, report.messageId);
  const length = (text: string) => (text.endsWith('.') ? text.length - 1 : text.length);
  const shorter = new Map<string, string>();
  let headline = whole;
  let used: Set<string> | undefined;
  while (length(headline) > room) {
    used ??= new Set([...message.headline.matchAll(PLACEHOLDER)].map((m) => m[1]));
    const over = length(headline) - room;
    const candidates = [...used]
      .map((name) => {
        const value = shorter.get(name) ?? data[name];
        const short = typeof value === 'string' ? shorten(value, over) : undefined;
        return { name, short, gain: typeof value === 'string' && short ? value.length - short.length : 0 };
      })
      .filter((c): c is { name: string; short: string; gain: number } => c.gain > 0)
      .sort((a, b) => b.gain - a.gain);
    if (candidates.length === 0) break;
    shorter.set(candidates[0].name, candidates[0].short);
    headline = fill(message.headline, data, report.messageId, shorter);
  }
  // Names shortened for nothing help nobody: a headline that cannot fit is cut at a word instead.
  if (length(headline) > room) headline = whole;
  return detail === undefined ? { headline, whole } : { headline, detail, whole };
}

/** The text of one report, from its rule's `messages`: the headline, then the detail after one space. */
export function renderMessage(messages: RuleMessages, report: Pick<RuleReport, 'messageId' | 'data'>): string {
  const { headline, detail } = renderReport(messages, report);
  return detail === undefined ? headline : `${headline} ${detail}`;
}
