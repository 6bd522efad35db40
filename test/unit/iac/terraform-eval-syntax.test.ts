/**
 * The evaluator's syntax trees (src/iac/terraform/eval-syntax.ts): a reference such as `var.x` or
 * `aws_s3_bucket.logs.arn` is built without the parser, and must be exactly the tree the grammar
 * gives. Every input is built both ways; the shapes the shortcut must refuse are listed too.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { loadTerraformLanguage } from '../../../src/iac/terraform';
import {
  dottedReference,
  parseExpression,
  parseWithGrammar,
  simpleTemplate,
} from '../../../src/iac/terraform/eval-syntax';
import { corpusFiles, inQuickSample, needsShared } from '../../corpus';

before(() => loadTerraformLanguage());

/** Builds `source` both ways; true when a shortcut built it. */
function bothWays(source: string): boolean {
  const fast = dottedReference(source) ?? simpleTemplate(source);
  if (fast)
    assert.deepStrictEqual(fast, parseWithGrammar(source), `${JSON.stringify(source)}: shortcut and grammar differ`);
  return fast !== undefined;
}

describe('eval-syntax: references built without the parser', () => {
  it('builds names and attribute chains as the grammar does', () => {
    for (const source of [
      'x',
      '_x',
      'var.region',
      'local.common_tags',
      'each.value',
      'count.index',
      'aws_s3_bucket.logs.arn',
      'module.vpc.private_subnets',
      'data.aws_iam_policy_document.assume.json',
      'var.name-with-dashes',
      'a1.b_2.c-3',
      'var.true_value',
    ])
      assert.ok(bothWays(source), `${source} is built by the shortcut`);
  });

  it('leaves everything else to the grammar', () => {
    for (const source of [
      '',
      'true',
      'null',
      'var.x[0]',
      'aws_instance.web.0.id',
      'var.list[*].id',
      'var.x.*',
      'var.x ',
      ' var.x',
      'var..x',
      'var.',
      '1abc',
      'var.x + 1',
      'f(x)',
      '"s"',
      'local.ñame',
      'var.for',
      'for',
    ])
      assert.equal(dottedReference(source), undefined, JSON.stringify(source));
  });

  it('builds quoted templates of plain text and references as the grammar does', () => {
    for (const source of [
      '""',
      '"plain"',
      '"${var.prefix}"',
      '"${var.prefix}-data-17"',
      '"/app/${var.prefix}/7"',
      '"${aws_s3_bucket.data_3.arn}/*"',
      '"${var.a}${local.b}"',
      '"a ${var.b} c ${each.key} d"',
      '"{}: ${var.x} }"',
      '"arn:aws:s3:::${var.bucket}"',
      '"ñ ${var.x}"',
    ])
      assert.ok(bothWays(source), `${source} is built by the shortcut`);
    for (const source of [
      '"${var.x[0]}"',
      '"${ var.x }"',
      '"${var.x}',
      '"a\\nb"',
      '"$${x}"',
      '"%{if true}x%{endif}"',
      '"5$"',
      '"${"inner"}"',
      '"${var.x}"x',
      '"${f(x)}"',
    ])
      assert.equal(simpleTemplate(source), undefined, source);
  });

  it('gives parseExpression the same tree either way', () => {
    assert.deepStrictEqual(parseExpression('var.some_region'), parseWithGrammar('var.some_region'));
    assert.deepStrictEqual(parseExpression('var.list[0].x'), parseWithGrammar('var.list[0].x'));
  });

  it('builds generated names as the grammar does', () => {
    const name = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_-]{0,8}$/);
    let built = 0;
    fc.assert(
      fc.property(fc.array(name, { minLength: 1, maxLength: 5 }), (parts) => {
        if (bothWays(parts.join('.'))) built++;
      }),
      { numRuns: 300, seed: 13 },
    );
    assert.ok(built > 200, `the shortcut built ${built} of 300`);
  });

  it('builds generated templates as the grammar does', () => {
    const name = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_-]{0,6}$/);
    const reference = fc.array(name, { minLength: 1, maxLength: 3 }).map((parts) => `\${${parts.join('.')}}`);
    const text = fc.stringMatching(/^[A-Za-z0-9 :/*{}._-]{1,8}$/);
    let built = 0;
    fc.assert(
      fc.property(fc.array(fc.oneof(reference, text), { maxLength: 5 }), (parts) => {
        if (bothWays(`"${parts.join('')}"`)) built++;
      }),
      { numRuns: 300, seed: 17 },
    );
    assert.ok(built > 150, `the shortcut built ${built} of 300`);
  });

  it('builds the references and templates of the corpus as the grammar does', function () {
    needsShared(this, 'corpus');
    const reference = /(?<![\w.-])(?:var|local|each|count|module|data|aws_[a-z0-9_]+)(?:\.[A-Za-z_][\w-]*)+/g;
    let built = 0;
    const seen = new Set<string>();
    const template = /"(?:[^"\\\n$%]|\$\{[^}"\n]*\})*"/g;
    for (const file of corpusFiles().filter((f) => f.endsWith('.tf') && inQuickSample(f)))
      for (const [source] of [
        ...readFileSync(file, 'utf8').matchAll(reference),
        ...readFileSync(file, 'utf8').matchAll(template),
      ]) {
        if (seen.has(source)) continue;
        seen.add(source);
        if (bothWays(source)) built++;
      }
    assert.ok(built > 100, `the shortcut built ${built} of ${seen.size} references`);
  });
});
