/**
 * Renders a report's message from its rule's metadata: the message named by `messageId`, its
 * headline then (after one space) its detail, with each `{placeholder}` replaced by the value of
 * that name in the report's `data`, verbatim. An unknown message id, a placeholder without a value
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

function fill(text: string, data: Readonly<Record<string, unknown>>, where: string): string {
  return text.replace(PLACEHOLDER, (_, name: string) => {
    const value = data[name];
    if (typeof value === 'string') return value;
    if (typeof value === 'number') return String(value);
    throw new MessageError(
      value === undefined
        ? `${where}: no value for placeholder {${name}}`
        : `${where}: placeholder {${name}} has a ${typeof value} value, not a string or a number`,
    );
  });
}

/** The text of one report, from its rule's `messages`. */
export function renderMessage(messages: RuleMessages, report: Pick<RuleReport, 'messageId' | 'data'>): string {
  const message = Object.prototype.hasOwnProperty.call(messages, report.messageId)
    ? messages[report.messageId]
    : undefined;
  if (!message) throw new MessageError(`unknown message id '${report.messageId}'`);
  const data = report.data ?? {};
  const where = `message '${report.messageId}'`;
  const headline = fill(message.headline, data, where);
  return message.detail === undefined ? headline : `${headline} ${fill(message.detail, data, where)}`;
}
