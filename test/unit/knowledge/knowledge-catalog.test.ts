/**
 * The service catalog's data file (src/knowledge/data/services.json): its shape, its ids and the
 * values it may use, checked on the raw JSON so that a hand edit that breaks it fails here, not at
 * run time. What the catalog says is pinned by knowledge.test.ts and the corpus snapshot.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import catalogFile from '../../../src/knowledge/data/services.json';
import { CATALOG_SECTIONS, OVERRIDE_GROUPS, SERVICES, TYPE_OVERRIDES } from '../../../src/knowledge/catalog';
import { PROFILES, knownTypes } from '../../../src/knowledge';
import { assertSource } from '../../source-check';

const TIERS = ['infrastructure', 'container', 'abstracted'];
const SERVICE_KEYS = ['id', 'name', 'tier', 'profile', 'note', 'source', 'cloudformation', 'terraform'];
const OVERRIDE_KEYS = ['types', 'service', 'tier', 'profile', 'launch', 'note', 'source'];
const raw = catalogFile as unknown as Record<string, unknown>;

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string' && v.length > 0);
}

describe('knowledge: the catalog data file', () => {
  it('has a description, titled sections and titled override groups, and nothing else', () => {
    assert.deepEqual(Object.keys(raw), ['description', 'sections', 'overrides']);
    assert.equal(typeof raw.description, 'string');
    for (const group of [...(raw.sections as unknown[]), ...(raw.overrides as unknown[])]) {
      const g = group as Record<string, unknown>;
      assert.equal(typeof g.title, 'string');
      assert.ok((g.title as string).length > 3, `title ${String(g.title)}`);
    }
    assert.deepEqual(
      CATALOG_SECTIONS.map((s) => s.title),
      [
        'infrastructure',
        'container',
        'abstracted: storage and databases',
        'abstracted: messaging, integration, API',
        'abstracted: compute behind an API',
        'abstracted: network services run by AWS',
        'abstracted: identity, keys, governance',
        'abstracted: security, compliance, operations',
        'abstracted: deployment and developer tools',
        'abstracted: analytics and machine learning',
        'abstracted: end-user, media, IoT',
      ],
    );
  });

  it('gives every service a kebab-case id, a name, a tier and only known keys', () => {
    const ids = new Set<string>();
    for (const section of CATALOG_SECTIONS) {
      assert.ok(section.services.length > 0, `${section.title} is empty`);
      for (const service of section.services) {
        const record = service as unknown as Record<string, unknown>;
        for (const key of Object.keys(record)) assert.ok(SERVICE_KEYS.includes(key), `${service.id}: key ${key}`);
        assert.match(service.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
        assert.ok(!ids.has(service.id), `duplicate id ${service.id}`);
        ids.add(service.id);
        assert.equal(typeof service.name, 'string');
        assert.ok(TIERS.includes(service.tier), `${service.id}: tier ${service.tier}`);
        if (service.profile !== undefined) assert.ok(service.profile in PROFILES, `${service.id}: ${service.profile}`);
        assert.equal(service.note === undefined, service.source === undefined, `${service.id}: a note needs a source`);
        if (service.source) assertSource(service.source, service.id);
        for (const list of ['cloudformation', 'terraform'] as const)
          if (record[list] !== undefined) assert.ok(isStringList(record[list]), `${service.id}.${list}`);
      }
    }
    assert.equal(SERVICES.length, ids.size);
  });

  it('lists each overridden type once, with a known service, tier and profile', () => {
    const seen = new Set<string>();
    const known = new Set([...knownTypes().cloudformation, ...knownTypes().terraform]);
    const serviceIds = new Set(SERVICES.map((s) => s.id));
    for (const group of OVERRIDE_GROUPS) {
      assert.ok(group.overrides.length > 0, `${group.title} is empty`);
      for (const entry of group.overrides) {
        for (const key of Object.keys(entry)) assert.ok(OVERRIDE_KEYS.includes(key), `${group.title}: key ${key}`);
        assert.ok(isStringList(entry.types), `${group.title}: types`);
        assert.ok(Object.keys(entry).length > 1, `${entry.types[0]}: an override that changes nothing`);
        for (const type of entry.types) {
          assert.ok(!seen.has(type), `${type} is overridden twice`);
          seen.add(type);
          assert.ok(known.has(type), `override for unknown type ${type}`);
        }
        if (entry.service !== undefined) assert.ok(serviceIds.has(entry.service), `service ${entry.service}`);
        if (entry.tier !== undefined) assert.ok(TIERS.includes(entry.tier), `tier ${entry.tier}`);
        if (entry.profile !== undefined) assert.ok(entry.profile in PROFILES, `profile ${entry.profile}`);
        if (entry.launch !== undefined) assert.equal(entry.launch, true);
        assertSource(entry.source, entry.types[0]);
      }
    }
    assert.deepEqual(Object.keys(TYPE_OVERRIDES).sort(), [...seen].sort());
  });

  it('keeps hand-written knowledge sources under 800 lines each', () => {
    for (const file of ['catalog.ts', 'services.ts', 'ownership.ts', 'profiles.ts', 'concerns.ts']) {
      const lines = readFileSync(`src/knowledge/${file}`, 'utf8').split('\n').length;
      assert.ok(lines <= 800, `src/knowledge/${file} has ${lines} lines`);
    }
  });
});
