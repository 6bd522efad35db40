/**
 * Every statement of the knowledge base carries a source (an AWS documentation page or the seed)
 * and the day it was last checked: the tier cells, the profile cells, the service cells, the
 * catalog's overrides and notes, the retirements; and `srlens explain` prints one for every concern
 * of every published type. A statement without a source fails here.
 */
import { strict as assert } from 'node:assert';
import { formatExplainJson, formatExplainText } from '../../../src/cli/explain';
import { explainType } from '../../../src/engine/explain';
import { sourceLink } from '../../../src/features/responsibility';
import {
  CONCERNS,
  PROFILES,
  PROFILE_SOURCES,
  RETIREMENTS,
  SEED,
  SERVICE_CELLS,
  TIER_OWNERSHIP,
  classifyType,
  knownTypes,
  sourceLine,
  type Source,
} from '../../../src/knowledge';
import { assertSource } from '../../source-check';

/** A statement that names a year is a dated default: it must rest on an AWS page, never on the seed. */
const DATED = /\b(19|20)\d\d\b/;

function assertDated(reason: string, source: Source, what: string): void {
  if (DATED.test(reason)) assert.notEqual(source.url, SEED, `${what}: a dated statement cites the seed`);
}

describe('knowledge: every statement has a source', () => {
  it('gives every tier cell a source', () => {
    for (const [tier, cells] of Object.entries(TIER_OWNERSHIP)) {
      for (const { id } of CONCERNS) {
        const cell = cells[id];
        assertSource(cell.source, `${tier}.${id}`);
        assertDated(cell.reason, cell.source, `${tier}.${id}`);
      }
    }
  });

  it('gives every profile a source, and every cell its own or the profile one', () => {
    assert.deepEqual(Object.keys(PROFILE_SOURCES).sort(), Object.keys(PROFILES).sort());
    for (const [id, profile] of Object.entries(PROFILES)) {
      assertSource(PROFILE_SOURCES[id as keyof typeof PROFILES], id);
      for (const [concern, cell] of Object.entries(profile)) {
        const source = cell.source ?? PROFILE_SOURCES[id as keyof typeof PROFILES];
        assertSource(source, `${id}.${concern}`);
        assertDated(cell.reason, source, `${id}.${concern}`);
      }
    }
  });

  it('gives every service cell and retirement an AWS page', () => {
    for (const [service, cells] of Object.entries(SERVICE_CELLS)) {
      for (const [concern, cell] of Object.entries(cells ?? {})) {
        assertSource(cell.source, `${service}.${concern}`);
        assert.notEqual(cell.source.url, SEED, `${service}.${concern}`);
      }
    }
    for (const r of RETIREMENTS) {
      assertSource(r.source, r.serviceId);
      assert.notEqual(r.source.url, SEED);
      assert.ok(r.quote.length > 20, r.serviceId);
    }
  });

  it('explains every published type with a source for every concern and for its note', () => {
    const { cloudformation, terraform } = knownTypes();
    let withNote = 0;
    for (const type of [...cloudformation, ...terraform]) {
      const e = explainType(type);
      assert.equal(e.concerns.length, CONCERNS.length, type);
      for (const c of e.concerns) {
        assertSource(c.source, `${type} ${c.concern}`);
        assertDated(c.reason, c.source, `${type} ${c.concern}`);
      }
      if (e.note) {
        withNote++;
        assertSource(e.noteSource, `${type} note`);
      }
    }
    assert.ok(withNote > 50, `${withNote} types with a note`);
  });

  it('gives hint-driven classifications a source too', () => {
    for (const launchType of ['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES'])
      assertSource(classifyType('AWS::ECS::Service', { launchType }).source, launchType);
    assertSource(classifyType('aws_lambda_function', { packageType: 'Image' }).source, 'Image');
    assertSource(classifyType('AWS::Deadline::Fleet', { hosting: 'customer-managed' }).source, 'fleet');
  });

  it('prints the sources in srlens explain: a number on every row, the list with dates at the end', () => {
    const text = formatExplainText('AWS::SQS::Queue');
    const rows = text.split('\n').filter((l) => /^[a-z-]+\s+(AWS|You|Shared)\s/.test(l));
    assert.equal(rows.length, CONCERNS.length);
    for (const row of rows) assert.match(row, / \[\d+\]$/, row);
    const list = text.slice(text.indexOf('\nSources:\n'));
    assert.match(
      list,
      /\[\d+\] https:\/\/docs\.aws\.amazon\.com\/AWSSimpleQueueService\/latest\/SQSDeveloperGuide\/sqs-server-side-encryption\.html \(checked \d{4}-\d{2}-\d{2}\)/,
    );
    assert.match(list, /\[\d+\] the Shared Responsibility Model seed \(checked /);
    const numbers = new Set(rows.map((r) => /\[(\d+)\]$/.exec(r)?.[1]));
    assert.equal(list.split('\n').filter((l) => /^\[\d+\] /.test(l)).length, numbers.size);
    const json = JSON.parse(formatExplainJson('AWS::SQS::Queue'));
    assert.equal(
      json.concerns.find((c: { concern: string }) => c.concern === 'data-at-rest').source.url.slice(0, 8),
      'https://',
    );
    assert.equal(
      sourceLine({ url: SEED, checked: '2026-12-07' }),
      'the Shared Responsibility Model seed (checked 2026-12-07)',
    );
  });

  it('renders a source as a link named after its page in the hover, the seed as words', () => {
    assert.equal(
      sourceLink({ url: 'https://docs.aws.amazon.com/efs/latest/ug/encryption.html', checked: '2026-12-07' }),
      '[encryption](https://docs.aws.amazon.com/efs/latest/ug/encryption.html)',
    );
    assert.equal(sourceLink({ url: SEED, checked: '2026-12-07' }), 'Shared Responsibility Model seed');
  });
});
