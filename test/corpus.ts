/**
 * What some tests read from beside the repository, never copied into it: `../shared/corpus` (the
 * public template corpus) and `../shared/peer-fixtures` (a peer tool's own test fixtures).
 *
 * A fresh clone has neither, so every test that reads them asks `needsShared` (or `hasShared`)
 * first: without the folder the test is skipped with one line saying what it needs; with
 * `SRLENS_REQUIRE_CORPUS=1` (set by CI, which has `../shared`) a missing folder fails it instead.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { sourceKindOf } from '../src/iac/detect';

export const SHARED = path.resolve(process.cwd(), '..', 'shared');
export const CORPUS = path.join(SHARED, 'corpus');
export const PEER_FIXTURES = path.join(SHARED, 'peer-fixtures');
/** AWS's Security Hub controls catalog (OSCAL), which scripts/generate-security-hub.mjs reads. */
export const SECURITY_HUB_CATALOG = path.join(SHARED, 'data', 'security-hub');

/** The variable that turns a missing shared folder into a failure. */
export const REQUIRE_ENV = 'SRLENS_REQUIRE_CORPUS';

const NEEDS = {
  corpus: { dir: CORPUS, what: 'the public template corpus' },
  'peer-fixtures': { dir: PEER_FIXTURES, what: "a peer tool's test fixtures, with manifest.json" },
  'security-hub': { dir: SECURITY_HUB_CATALOG, what: "AWS's Security Hub controls catalog, with its README" },
} as const;
export type SharedNeed = keyof typeof NEEDS;

/** The folder's marker: the corpus is a folder, the peer fixtures are usable only with their manifest. */
function present(need: SharedNeed): boolean {
  if (need === 'security-hub') return existsSync(path.join(SECURITY_HUB_CATALOG, 'README.md'));
  return need === 'peer-fixtures' ? existsSync(path.join(PEER_FIXTURES, 'manifest.json')) : existsSync(CORPUS);
}

/**
 * True when `need` is there. When it is not: throws under SRLENS_REQUIRE_CORPUS=1, otherwise prints
 * one line (`part` says which part of a test goes without it) and returns false.
 */
export function hasShared(need: SharedNeed, part = ''): boolean {
  if (present(need)) return true;
  const { dir, what } = NEEDS[need];
  const needs = `needs ../shared/${path.relative(SHARED, dir).split(path.sep).join('/')} (${what})`;
  if (process.env[REQUIRE_ENV] === '1') {
    throw new Error(`${needs}, and ${REQUIRE_ENV}=1 says it must be there: ${dir} is missing`);
  }
  console.log(`      skipped${part ? ` ${part}` : ''}: ${needs}`);
  return false;
}

/**
 * For a mocha `before` or `it` (a `function`, not an arrow): skips the suite or test when `need` is
 * missing, with one line saying so; fails it under SRLENS_REQUIRE_CORPUS=1.
 */
export function needsShared(context: Mocha.Context, need: SharedNeed): void {
  // Named, since two mocha jobs (npm run test:unit) print it away from the suite's own lines.
  const runnable = context.test;
  const hook = (runnable as { type?: string } | undefined)?.type === 'hook';
  const title = hook ? runnable?.parent?.fullTitle() : runnable?.fullTitle();
  if (!hasShared(need, title ? `'${title}'` : '')) context.skip();
}

/**
 * `npm run test:unit` (the edit-test loop) sets SRLENS_QUICK=1: the long walks over the whole
 * corpus then check a fixed sample, about one module or file in eight chosen by name, and the
 * property tests do a quarter of their runs (`runs` in test/hardening/support.ts). `npm test`
 * checks everything.
 */
export const QUICK = process.env.SRLENS_QUICK === '1';

/**
 * For a test that walks the whole corpus and cannot sample it (a snapshot of every file, a property
 * over every file): under SRLENS_QUICK=1 it is skipped with one line; `npm test` runs it.
 */
export function wholeCorpus(context: Mocha.Context): void {
  if (!QUICK) return;
  console.log(
    `      skipped '${(context.currentTest ?? context.test)?.fullTitle() ?? ''}' in the quick run (SRLENS_QUICK=1): npm test runs it`,
  );
  context.skip();
}

/** True for every name, or under SRLENS_QUICK=1 for the same one in eight names on every run. */
export function inQuickSample(name: string): boolean {
  return !QUICK || createHash('sha256').update(name).digest()[0] % 8 === 0;
}

/** Every file under `dir` the engine would analyse (CloudFormation or Terraform by name), sorted. */
export function corpusFiles(dir = CORPUS, found: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) corpusFiles(full, found);
    else if (sourceKindOf(name)) found.push(full);
  }
  return found;
}
