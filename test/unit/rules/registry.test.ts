/** A meta-test over the whole rule registry: every rule is complete, documented and tested. */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync } from 'node:fs';
import { ruleMetadata } from '../../../src/engine/catalog';
import { isConcernId, knownTypes } from '../../../src/knowledge';
import { RULES } from '../../../src/rules';
import { ALL_TYPES, type RuleMessages } from '../../../src/rules/rule';
import { composeHeadline, HEADLINE_LIMIT } from '../../../src/engine/finding';
import {
  MessageError,
  messageText,
  placeholdersOf,
  renderMessage,
  renderReport,
} from '../../../src/rules/toolkit/messages';
import { rule as taggingRequiredTags } from '../../../src/rules/tagging-required-tags';
import { ALL_CASES } from '../../rules';
import { withRequiredTags } from '../../rules/tagging-required-tags.cases';
import { reportedFindings, sourcesOf } from '../../rules/tester';

describe('the rule registry', () => {
  const known = new Set([...knownTypes().cloudformation, ...knownTypes().terraform]);

  it('lists every rule file once, in id order, with unique ids', () => {
    const ids = RULES.map((r) => r.id);
    assert.deepEqual(ids, [...ids].sort(), 'sorted by id');
    assert.equal(new Set(ids).size, ids.length, 'unique ids');
    const builtIns = ruleMetadata()
      .map((m) => m.id)
      .filter((id) => !ids.includes(id));
    for (const id of builtIns) assert.ok(!ids.includes(id), `${id} collides with a built-in check`);
    const support = new Set(['rule', 'index', 'values', 'edits', 'policy']);
    const files = readdirSync('src/rules')
      .filter((f) => f.endsWith('.ts'))
      .map((f) => f.slice(0, -3))
      .filter((f) => !support.has(f));
    assert.deepEqual(files.sort(), [...ids].sort(), 'every rule file is registered, and nothing else');
  });

  for (const rule of RULES) {
    describe(rule.id, () => {
      it('has complete metadata', () => {
        assert.match(rule.id, /^[a-z0-9]+(-[a-z0-9]+)+$/);
        assert.ok(isConcernId(rule.concern), rule.concern);
        assert.ok(['error', 'warning', 'info'].includes(rule.severity));
        assert.ok(rule.title.length > 10 && rule.rationale.length > 40 && rule.remediation.length > 20);
        assert.ok(rule.appliesTo.length > 0 || rule.checkUnit, 'applies to something');
        for (const type of rule.appliesTo)
          assert.ok(type === ALL_TYPES || known.has(type), `${type} is not a known resource type`);
      });

      it('has docs and a test table with valid and invalid cases for every language it covers', () => {
        assert.ok(existsSync(`docs/rules/${rule.id}.md`));
        const cases = ALL_CASES.find((c) => c.rule === rule);
        assert.ok(cases, 'registered in test/rules/index.ts');
        const languages = new Set<string>();
        for (const type of rule.appliesTo) {
          if (type.startsWith('aws_')) languages.add('terraform');
          else if (type !== ALL_TYPES) languages.add('yaml').add('json');
        }
        for (const language of languages) {
          assert.ok(
            cases.valid.some((c) => c.syntax === language),
            `a valid ${language} case`,
          );
          assert.ok(
            cases.invalid.some((c) => c.syntax === language),
            `an invalid ${language} case`,
          );
        }
      });

      it('declares its messages, reports only those, prints each in its table, and fills every placeholder', async () => {
        const declared = Object.keys(rule.messages);
        assert.ok(declared.length > 0, 'at least one message');
        for (const id of declared) {
          const message = rule.messages[id];
          assert.match(id, /^[a-z][A-Za-z0-9]*$/, `message id '${id}' is camelCase`);
          assert.ok(message.headline.trim() !== '' && message.detail?.trim() !== '', `${id}: empty text`);
          assert.doesNotMatch(messageText(message), /\$\{|\{\s*\}/, `${id}: a template leftover`);
        }
        const cases = ALL_CASES.find((c) => c.rule === rule)!;
        const printed = new Set<string>();
        // Required tags are configured per case (the rule is off without them): test/unit/rules/identity-rules.test.ts.
        const tagCases = rule === taggingRequiredTags ? [...withRequiredTags.valid, ...withRequiredTags.invalid] : [];
        for (const c of [...cases.valid, ...cases.invalid, ...tagCases]) {
          const tags = 'requiredTags' in c ? (c.requiredTags as string[]) : [];
          const { findings, reported } = await reportedFindings(rule, sourcesOf(c), tags, c.account);
          assert.deepEqual(
            findings.filter((f) => f.ruleId === 'rule-error').map((f) => f.message),
            [],
            'no report fails to render',
          );
          for (const { report } of reported) {
            assert.ok(declared.includes(report.messageId), `'${report.messageId}' is not among the rule's messages`);
            const message = rule.messages[report.messageId];
            for (const name of placeholdersOf(message)) {
              const value = report.data?.[name];
              assert.ok(
                typeof value === 'string' || typeof value === 'number',
                `'${report.messageId}' uses {${name}}, which the report does not supply`,
              );
            }
            printed.add(report.messageId);
          }
        }
        assert.deepEqual(
          declared.filter((id) => !printed.has(id)),
          [],
          'every declared message is printed by at least one case of the table',
        );
      });

      it('is fixable exactly when it has a fix', () => {
        const cases = ALL_CASES.find((c) => c.rule === rule)!;
        const hasFix = rule.fix !== undefined || rule.fixUnit !== undefined;
        assert.equal(
          hasFix,
          cases.invalid.some((c) => c.output !== undefined),
          hasFix ? 'a fix needs at least one case with its output' : 'outputs without a fix',
        );
      });
    });
  }

  it('has headlines that fit: every message, with the data its table reports, is at most 120 characters as a headline', async () => {
    // The first report of each message in the rule's table gives realistic values (names from the cases).
    const samples = new Map<string, Record<string, unknown>>();
    let checked = 0;
    let longest = '';
    const tooLong: string[] = [];
    for (const rule of RULES) {
      const cases = ALL_CASES.find((c) => c.rule === rule)!;
      const tagCases = rule === taggingRequiredTags ? withRequiredTags.invalid : [];
      for (const c of [...cases.invalid, ...tagCases]) {
        const tags = 'requiredTags' in c ? (c.requiredTags as string[]) : [];
        const account = 'account' in c ? c.account : undefined;
        for (const { report } of (await reportedFindings(rule, sourcesOf(c), tags, account)).reported) {
          const key = `${rule.id}.${report.messageId}`;
          if (!samples.has(key)) samples.set(key, report.data ?? {});
        }
      }
      for (const id of Object.keys(rule.messages)) {
        const data = samples.get(`${rule.id}.${id}`);
        assert.ok(data, `${rule.id}.${id} has sample data from its table`);
        const { headline, whole } = renderReport(rule.messages, { messageId: id, data });
        assert.equal(headline, whole);
        assert.doesNotMatch(whole, /\n/, `${rule.id}.${id}: one line`);
        // Whoever owns the concern of a finding of this rule, its headline fits whole.
        for (const owner of ['customer', 'shared', 'aws'] as const) {
          const composed = composeHeadline(owner, rule.concern, whole);
          if (composed.message.length > HEADLINE_LIMIT || composed.message.endsWith('…'))
            tooLong.push(`${rule.id}.${id}: ${composed.message}`);
          if (composed.message.length > longest.length) longest = composed.message;
        }
        checked++;
      }
    }
    console.log(`      ${checked} messages of ${RULES.length} rules; longest headline ${longest.length}: ${longest}`);
    assert.deepEqual([...new Set(tooLong)], []);
  });

  it('offers a quick fix for at least 60% of rules', () => {
    const fixable = RULES.filter((r) => r.fix || r.fixUnit).length;
    console.log(
      `      ${fixable} of ${RULES.length} rules have a quick fix (${Math.round((100 * fixable) / RULES.length)}%)`,
    );
    assert.ok(fixable / RULES.length >= 0.6);
  });
});

describe('rule messages', () => {
  const messages: RuleMessages = {
    plain: { headline: 'Nothing to fill in.' },
    open: { headline: "Bucket '{bucket}' is open to {who}.", detail: 'Close it; {who} keeps {count} objects.' },
    braces: { headline: 'Policy { "Effect": "Allow" } and {notAName!} stay as written for {bucket}.' },
  };

  it('renders the headline, then the detail after one space, with placeholder values inserted verbatim', () => {
    assert.equal(renderMessage(messages, { messageId: 'plain' }), 'Nothing to fill in.');
    assert.equal(
      renderMessage(messages, { messageId: 'open', data: { bucket: "a{b}'$&", who: '{bucket}', count: 3 } }),
      "Bucket 'a{b}'$&' is open to {bucket}. Close it; {bucket} keeps 3 objects.",
    );
    assert.equal(
      renderMessage(messages, { messageId: 'braces', data: { bucket: 'Logs' } }),
      'Policy { "Effect": "Allow" } and {notAName!} stay as written for Logs.',
    );
  });

  it('lists the placeholders a message uses, once each, in order', () => {
    assert.deepEqual(placeholdersOf(messages.open), ['bucket', 'who', 'count']);
    assert.deepEqual(placeholdersOf(messages.plain), []);
    assert.equal(
      messageText(messages.open),
      "Bucket '{bucket}' is open to {who}. Close it; {who} keeps {count} objects.",
    );
  });

  it('refuses an unknown id, a missing placeholder value and a value that is not text', () => {
    const cases: [string, Record<string, unknown> | undefined, RegExp][] = [
      ['nope', undefined, /unknown message id 'nope'/],
      ['toString', undefined, /unknown message id 'toString'/],
      ['open', { bucket: 'b', count: 1 }, /no value for placeholder \{who\}/],
      ['open', { bucket: 'b', who: ['x'], count: 1 }, /placeholder \{who\} has a object value/],
      ['open', { bucket: 'b', who: 'x', count: undefined }, /no value for placeholder \{count\}/],
    ];
    for (const [messageId, data, error] of cases)
      assert.throws(
        () => renderMessage(messages, { messageId, data }),
        (e: unknown) => e instanceof MessageError && error.test(e.message),
        messageId,
      );
  });
});
