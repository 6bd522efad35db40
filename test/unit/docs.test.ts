/** Generated documentation must match the rules: run `npm run docs` after changing a rule. */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { generateDocs } from '../../scripts/rule-docs';

describe('generated docs', () => {
  const files = generateDocs(readFileSync('README.md', 'utf8'));

  it('docs/rules and the README rules table are current (run `npm run docs`)', () => {
    const stale = [...files].filter(([file, content]) => !existsSync(file) || readFileSync(file, 'utf8') !== content).map(([file]) => file);
    assert.deepEqual(stale, []);
  });

  it('has no page for a rule that does not exist', () => {
    const pages = readdirSync('docs/rules').map((name) => `docs/rules/${name}`);
    assert.deepEqual(pages.filter((page) => !files.has(page)), []);
  });
});
