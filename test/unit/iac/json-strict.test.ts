/**
 * The one-pass strict JSON reader and the tolerant jsonc-parser path build the same model: for
 * every JSON file of the corpus, every JSON rule fixture, generated JSON values and mutations of
 * them. The strict reader either gives exactly what the tolerant path gives, or gives up.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parseStrictJson, parseTolerantJson } from '../../../src/iac/cloudformation';
import { ALL_CASES } from '../../rules';
import { corpusFiles, needsShared } from '../../corpus';

function sameAsTolerant(file: string, text: string): boolean {
  const strict = parseStrictJson(file, text);
  if (!strict) return false;
  assert.deepEqual(strict, parseTolerantJson(file, text), `${file}: the strict and tolerant readers differ`);
  return true;
}

describe('strict JSON reader', () => {
  it('reads every valid JSON file of the corpus exactly as the tolerant path does', function () {
    needsShared(this, 'corpus');
    const files = corpusFiles().filter((f) => f.toLowerCase().endsWith('.json'));
    assert.ok(files.length > 100, `the corpus has JSON files (${files.length})`);
    let strict = 0;
    for (const file of files) if (sameAsTolerant(file, readFileSync(file, 'utf8'))) strict++;
    // Nearly all real files are plain JSON; the few that are not (comments, errors) take the other path.
    assert.ok(strict >= files.length * 0.9, `${strict} of ${files.length} read by the strict path`);
  });

  it('reads every JSON rule fixture as the tolerant path does', () => {
    let count = 0;
    for (const { valid, invalid } of ALL_CASES) {
      for (const c of [...valid, ...invalid]) {
        if (c.syntax !== 'json') continue;
        const texts = typeof c.code === 'string' ? [c.code] : Object.values(c.code);
        const outputs =
          'output' in c && c.output ? (typeof c.output === 'string' ? [c.output] : Object.values(c.output)) : [];
        for (const text of [...texts, ...outputs]) if (sameAsTolerant('/fixture/template.json', text)) count++;
      }
    }
    assert.ok(count > 100, `${count} fixtures read by the strict path`);
  });

  it('agrees on generated JSON, pretty or compact, with CRLF, a BOM, escapes and duplicate keys', () => {
    const layouts = fc.record({ indent: fc.constantFrom(0, 2, 4, '\t'), crlf: fc.boolean(), bom: fc.boolean() });
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), layouts, (value, { indent, crlf, bom }) => {
        let text = JSON.stringify(
          { AWSTemplateFormatVersion: '2010-09-09', Resources: { R: { Type: 'AWS::S3::Bucket', Properties: value } } },
          null,
          indent,
        );
        if (crlf) text = text.replace(/\n/g, '\r\n');
        if (bom) text = `\ufeff${text}`;
        assert.ok(sameAsTolerant('/g/template.json', text), 'valid JSON is read by the strict path');
      }),
      { numRuns: 300 },
    );
    const duplicate = '{"Resources": {"A": {"Type": "AWS::SQS::Queue"}, "A": {"Type": "AWS::SNS::Topic"}}}';
    assert.ok(sameAsTolerant('/d/template.json', duplicate));
    assert.equal(
      parseStrictJson('/d/template.json', duplicate)?.diagnostics.length,
      1,
      'the duplicate key is reported',
    );
  });

  it('gives up on anything that is not plain JSON, and the tolerant path reports it', () => {
    const bad = [
      '{"Resources": {}, }',
      '{"Resources": {} // comment\n}',
      '{"Resources": {"A": 01}}',
      '{"Resources": {"A": "tab\tinside"}}',
      '{"Resources": {"A": "bad \\x escape"}}',
      '{"Resources": {"A": tru}}',
      '{"Resources": {"A": "unterminated}}',
      '{"Resources": {}} {}',
      '',
      `{"Resources": ${'['.repeat(600)}${']'.repeat(600)}}`,
    ];
    for (const text of bad) {
      assert.equal(parseStrictJson('/b/template.json', text), undefined, JSON.stringify(text.slice(0, 40)));
      assert.doesNotThrow(() => parseTolerantJson('/b/template.json', text));
    }
  });

  it('never disagrees on mutated templates: either the same model or a hand-over', () => {
    const base = JSON.stringify(
      {
        Resources: {
          Q: {
            Type: 'AWS::SQS::Queue',
            Properties: { KmsMasterKeyId: { Ref: 'Key' }, Tags: [{ Key: 'a', Value: 'b\\"c' }] },
          },
        },
      },
      null,
      2,
    );
    fc.assert(
      fc.property(fc.nat(base.length), fc.nat(8), fc.string({ maxLength: 3 }), (at, cut, insert) => {
        const text = base.slice(0, at) + insert + base.slice(Math.min(base.length, at + cut));
        sameAsTolerant('/m/template.json', text);
      }),
      { numRuns: 500 },
    );
  });
});
