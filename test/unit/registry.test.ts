/** A meta-test over the whole rule registry: every rule is complete, documented and tested. */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync } from 'node:fs';
import { ruleMetadata } from '../../src/engine/catalog';
import { isConcernId, knownTypes } from '../../src/knowledge';
import { RULES } from '../../src/rules';
import { ALL_TYPES } from '../../src/rules/rule';
import { ALL_CASES } from '../rules';

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

  it('offers a quick fix for at least 60% of rules', () => {
    const fixable = RULES.filter((r) => r.fix || r.fixUnit).length;
    console.log(
      `      ${fixable} of ${RULES.length} rules have a quick fix (${Math.round((100 * fixable) / RULES.length)}%)`,
    );
    assert.ok(fixable / RULES.length >= 0.6);
  });
});
