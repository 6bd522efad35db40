/**
 * `srlens scan --format json` is written in chunks (`findingsJsonChunks`). Joined, they must be
 * exactly the report made in one piece: `JSON.stringify` of `{ version, files, findings }`,
 * indented by two, each finding with its controls and its fix. The table crosses the chunk
 * boundaries (64 findings per chunk) with real findings of a real analysis.
 */
import { strict as assert } from 'node:assert';
import { Analyzer } from '../../../src/engine/analyzer';
import { findingControls } from '../../../src/engine/controls';
import type { Finding } from '../../../src/engine/finding';
import type { Fix } from '../../../src/fixes/types';
import { findingsJsonChunks } from '../../../src/cli/reporters/json';

const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Queue:
    Type: AWS::SQS::Queue
  Volume:
    Type: AWS::EC2::Volume
    Properties:
      AvailabilityZone: eu-west-1a
      Size: 10
      Encrypted: false
  Open:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: "Ünïcode … and a quote \\" in it"
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIp: 0.0.0.0/0
`;

/** The report as one `JSON.stringify`, built here without the reporter's code. */
function whole(files: number, findings: Finding[], fixOf: (f: Finding) => Fix | undefined): string {
  const enriched = findings.map((finding) => {
    const fix = finding.fixable ? fixOf(finding) : undefined;
    return {
      ...finding,
      controls: findingControls(finding),
      ...(fix
        ? { fix: { title: fix.title, edits: fix.edits.map(({ file, range, newText }) => ({ file, range, newText })) } }
        : {}),
    };
  });
  return JSON.stringify({ version: 1, files, findings: enriched }, null, 2);
}

describe('the JSON report in chunks', () => {
  let findings: Finding[] = [];
  let analyzer: Analyzer;

  before(() => {
    analyzer = new Analyzer({ retain: false, fixes: true });
    findings = analyzer.analyzeCloudFormation('/w/template.yaml', TEMPLATE).findings;
    assert.ok(findings.length >= 3, `the template has findings (${findings.length})`);
    assert.ok(
      findings.some((f) => f.fixable),
      'some are fixable',
    );
  });

  /** `n` findings: the real ones again and again, each copy of another resource. */
  const many = (n: number): Finding[] =>
    Array.from({ length: n }, (_, i) => {
      const f = findings[i % findings.length];
      return i < findings.length ? f : { ...f, resource: `${f.resource}${i}`, message: `${f.message} (${i})` };
    });
  const fixOf = (f: Finding): Fix | undefined => {
    const original = findings.find((o) => o.ruleId === f.ruleId && o.resourceType === f.resourceType);
    return original ? analyzer.fixFor(original) : undefined;
  };

  for (const n of [0, 1, 3, 63, 64, 65, 128, 129, 200]) {
    it(`${n} findings: the chunks joined are the whole report`, () => {
      const list = many(n);
      const chunks = [...findingsJsonChunks(7, list, fixOf)];
      const text = chunks.join('');
      assert.equal(text, whole(7, list, fixOf));
      assert.equal(chunks.length, Math.floor(n / 64) + 1);
      const parsed = JSON.parse(text) as { version: number; files: number; findings: unknown[] };
      assert.equal(parsed.findings.length, n);
      assert.equal(parsed.files, 7);
    });
  }

  it('a finding with a fix carries it, one without has none', () => {
    const list = many(3);
    const parsed = JSON.parse([...findingsJsonChunks(1, list, fixOf)].join('')) as {
      findings: { fixable: boolean; fix?: { edits: unknown[] } }[];
    };
    for (const [i, f] of parsed.findings.entries()) {
      if (list[i].fixable && fixOf(list[i])) assert.ok(f.fix && f.fix.edits.length > 0, `finding ${i} has its fix`);
      else assert.equal(f.fix, undefined);
    }
  });
});
