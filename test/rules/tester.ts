/**
 * A small rule tester in the spirit of table-driven linters: valid cases give no finding of the
 * rule; invalid cases give exactly the listed findings at exact positions, and fixing them gives
 * exactly the listed output. Every fix is also checked generically: the result parses without new
 * errors, the finding is gone, no other finding appears, and fixing again changes nothing.
 *
 * A finding names the message it prints by `messageId` (one of the rule's `messages`), optionally
 * with the placeholder values it expects in `data`; `message` pins the headline and `detail` the
 * explanation behind it, exactly (a string) or in part (a regular expression), where the words
 * themselves are what a case is about.
 */
import type { TextEdit } from '../../src/fixes/types';
import { strict as assert } from 'node:assert';
import { Analyzer, type SourceFile } from '../../src/engine/analyzer';
import { DEFAULT_CONFIG } from '../../src/engine/config';
import type { Finding } from '../../src/engine/finding';
import { LineIndex } from '../../src/iac/line-index';
import type { AccountFacts, Rule, RuleReport } from '../../src/rules/rule';
import { renderReport, type RenderedMessage } from '../../src/rules/toolkit/messages';

export type CaseSyntax = 'yaml' | 'json' | 'terraform';

export interface ValidCase {
  name?: string;
  syntax: CaseSyntax;
  /** One file's text, or for Terraform a module as `{ 'main.tf': …, 'storage.tf': … }`. */
  code: string | Record<string, string>;
  /** The account's settings from its last check (`srlens aws check`), as the front end passes them. */
  account?: AccountFacts;
}

export interface ExpectedFinding {
  /** 1-based, as editors show them. */
  line: number;
  column: number;
  /** For multi-file modules: the file name. */
  file?: string;
  /** The id of the rule's message the finding prints. */
  messageId?: string;
  /** Placeholder values the report must carry (the ones listed; others are not compared). */
  data?: Record<string, string | number>;
  /** The headline (`Finding.message`): exactly (a string) or a part of it (a regular expression). */
  message?: string | RegExp;
  /** The detail behind the headline: exactly (a string) or a part of it (a regular expression). */
  detail?: string | RegExp;
  severity?: Finding['severity'];
}

export interface InvalidCase extends ValidCase {
  findings: ExpectedFinding[];
  /** The code after applying every fix of this rule; omit when the rule has no fix for this case. */
  output?: string | Record<string, string>;
}

export interface RuleCases {
  rule: Rule;
  valid: ValidCase[];
  invalid: InvalidCase[];
}

const DIR = '/virtual/module';

export function sourcesOf(c: ValidCase): SourceFile[] {
  if (typeof c.code !== 'string')
    return Object.entries(c.code).map(([name, text]) => ({ path: `${DIR}/${name}`, text }));
  const name = c.syntax === 'yaml' ? 'template.yaml' : c.syntax === 'json' ? 'template.json' : 'main.tf';
  return [{ path: `${DIR}/${name}`, text: c.code }];
}

function asRecord(files: SourceFile[]): string | Record<string, string> {
  if (files.length === 1) return files[0].text;
  return Object.fromEntries(files.map((f) => [f.path.slice(DIR.length + 1), f.text]));
}

function name(c: ValidCase, index: number): string {
  return `${c.syntax} #${index + 1}${c.name ? `: ${c.name}` : ''}`;
}

export function applyEdits(text: string, edits: TextEdit[]): string {
  const lines = new LineIndex(text);
  const sorted = edits
    .map((e) => ({ start: lines.offset(e.range.start), end: lines.offset(e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start);
  let result = text;
  for (const e of sorted) result = result.slice(0, e.start) + e.newText + result.slice(e.end);
  return result;
}

/** Applies the rule's fixes one finding at a time until none is left (bounded). */
export async function fixAll(rule: Rule, files: SourceFile[]): Promise<SourceFile[]> {
  let current = files;
  for (let round = 0; round < 20; round++) {
    const analyzer = new Analyzer({ rules: [rule] });
    const { findings } = await analyzer.analyze(current);
    const fixable = findings.find((f) => f.ruleId === rule.id && f.fixable);
    if (!fixable) return current;
    const fix = analyzer.fixFor(fixable);
    assert.ok(
      fix,
      `finding at ${fixable.range.start.line + 1}:${fixable.range.start.character + 1} says fixable but has no fix`,
    );
    current = current.map((f) => {
      const edits = fix.edits.filter((e) => e.file === f.path);
      return edits.length > 0 ? { path: f.path, text: applyEdits(f.text, edits) } : f;
    });
  }
  assert.fail('fixes did not converge in 20 rounds');
}

/** A finding of the rule with the report it was rendered from. */
export interface ReportedFinding {
  finding: Finding;
  report: RuleReport;
}

/**
 * Analyses the files with the rule alone and pairs each of its findings with the report behind it
 * (same resource or subject, file and range, and the report's text within the finding's message).
 */
export async function reportedFindings(
  rule: Rule,
  files: SourceFile[],
  requiredTags: string[] = [],
  account?: AccountFacts,
): Promise<{ findings: Finding[]; reported: ReportedFinding[] }> {
  const made: { resource: string; file: string; report: RuleReport }[] = [];
  const recording: Rule = {
    ...rule,
    check(resource, context) {
      const reports = rule.check(resource, context);
      for (const report of reports) made.push({ resource: resource.id, file: resource.file, report });
      return reports;
    },
    checkUnit: rule.checkUnit
      ? (unit, context) => {
          const reports = rule.checkUnit!(unit, context);
          for (const report of reports) made.push({ resource: report.subject ?? '', file: report.file, report });
          return reports;
        }
      : undefined,
  };
  const config = { ...DEFAULT_CONFIG, requiredTags };
  const { findings } = await new Analyzer({ rules: [recording], config, account }).analyze(files);
  const reported = findings
    .filter((f) => f.ruleId === rule.id)
    .map((finding) => {
      const index = made.findIndex(
        (m) =>
          m.resource === finding.resource &&
          m.file === finding.file &&
          JSON.stringify(m.report.range) === JSON.stringify(finding.range) &&
          rendersAs(finding, renderReport(rule.messages, m.report)),
      );
      assert.ok(index !== -1, `no report behind the finding: ${finding.message}`);
      const [{ report }] = made.splice(index, 1);
      return { finding, report };
    });
  return { findings, reported };
}

/** The finding carries the report's text: its headline (in the message, or whole in the detail) and its detail. */
function rendersAs(finding: Finding, rendered: RenderedMessage): boolean {
  const text = `${finding.message} ${finding.detail ?? ''}`.toLowerCase();
  const headline = rendered.whole.replace(/\.$/, '').toLowerCase();
  return text.includes(headline) && (rendered.detail === undefined || (finding.detail ?? '').includes(rendered.detail));
}

function key(f: Finding): string {
  return `${f.ruleId}\u0000${f.resource}`;
}

export function runRuleTests(cases: RuleCases): void {
  const { rule } = cases;
  describe(rule.id, () => {
    cases.valid.forEach((c, i) => {
      it(`valid ${name(c, i)}`, async () => {
        const { findings } = await new Analyzer({ rules: [rule], account: c.account }).analyze(sourcesOf(c));
        const own = findings.filter((f) => f.ruleId === rule.id);
        assert.deepEqual(
          own.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.message}`),
          [],
        );
        assert.deepEqual(
          findings.filter((f) => f.ruleId === 'parse-error').map((f) => f.message),
          [],
          'the case itself must parse',
        );
      });
    });
    cases.invalid.forEach((c, i) => {
      it(`invalid ${name(c, i)}`, async () => {
        const files = sourcesOf(c);
        const { findings, reported } = await reportedFindings(rule, files, [], c.account);
        assert.deepEqual(
          findings.filter((f) => f.ruleId === 'parse-error').map((f) => f.message),
          [],
          'the case itself must parse',
        );
        const own = findings.filter((f) => f.ruleId === rule.id);
        const actual = own.map((f) => ({
          line: f.range.start.line + 1,
          column: f.range.start.character + 1,
          file: f.file.slice(DIR.length + 1),
        }));
        const expected = c.findings.map((e) => ({
          line: e.line,
          column: e.column,
          file: e.file ?? files[0].path.slice(DIR.length + 1),
        }));
        assert.deepEqual(actual, expected, own.map((f) => f.message).join('\n'));
        c.findings.forEach((e, j) => {
          if (e.messageId !== undefined) assert.equal(reported[j].report.messageId, e.messageId, own[j].message);
          if (e.data) {
            const data = reported[j].report.data ?? {};
            assert.deepEqual(Object.fromEntries(Object.keys(e.data).map((k) => [k, data[k]])), e.data);
          }
          if (typeof e.message === 'string') assert.equal(own[j].message, e.message);
          else if (e.message) assert.match(own[j].message, e.message);
          if (typeof e.detail === 'string') assert.equal(own[j].detail, e.detail);
          else if (e.detail) assert.match(own[j].detail ?? '', e.detail);
          assert.ok(own[j].message.length <= 120, own[j].message);
          if (e.severity) assert.equal(own[j].severity, e.severity);
          assert.ok(own[j].message.length > 20 && !/undefined|\[object Object\]/.test(own[j].message), own[j].message);
        });
        const anyFixable = own.some((f) => f.fixable);
        if (c.output !== undefined) assert.ok(anyFixable, 'an output is given but no finding is fixable');
        if (!anyFixable) return;

        const fixed = await fixAll(rule, files);
        if (c.output !== undefined) assert.deepEqual(asRecord(fixed), c.output);
        // Generic checks: parses with no new errors, this rule's fixable findings are gone, no
        // finding of any rule appears that was not there before, and fixing again changes nothing.
        const before = await new Analyzer().analyze(files);
        const after = await new Analyzer().analyze(fixed);
        assert.deepEqual(
          after.findings.filter((f) => f.ruleId === 'parse-error').map((f) => f.message),
          [],
          'the fixed code must parse',
        );
        assert.deepEqual(
          after.findings.filter((f) => f.ruleId === rule.id && f.fixable).map((f) => f.message),
          [],
        );
        const known = new Set(before.findings.map(key));
        const added = after.findings.filter((f) => !known.has(key(f)));
        assert.deepEqual(
          added.map((f) => `${f.ruleId} ${f.resource}: ${f.message}`),
          [],
          'the fix must not introduce other findings',
        );
        const again = await fixAll(rule, fixed);
        assert.deepEqual(asRecord(again), asRecord(fixed), 'fixing again changes nothing');
      });
    });
  });
}
