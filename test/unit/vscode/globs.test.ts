import { strict as assert } from 'node:assert';
import { escapeGlob, expandBraces, globToRegExp, isExcluded } from '../../../src/vscode/globs';

describe('exclusion globs for single files (workspace scan file events)', () => {
  it('expands braces, nested ones too, and drops unbalanced patterns', () => {
    assert.deepEqual(expandBraces('**/node_modules'), ['**/node_modules']);
    assert.deepEqual(expandBraces('a/{b,c}/*.{d,e}'), ['a/b/*.d', 'a/b/*.e', 'a/c/*.d', 'a/c/*.e']);
    assert.deepEqual(expandBraces('{x,{y,z}}'), ['x', 'y', 'z']);
    assert.deepEqual(expandBraces('a/{b'), []);
  });

  it('matches **, *, ? and character classes like VS Code', () => {
    assert.ok(globToRegExp('**/node_modules').test('node_modules'));
    assert.ok(globToRegExp('**/node_modules').test('a/b/node_modules'));
    assert.ok(!globToRegExp('**/node_modules').test('a/node_modules_x'));
    assert.ok(globToRegExp('*.yaml').test('x.yaml'));
    assert.ok(!globToRegExp('*.yaml').test('a/x.yaml'));
    assert.ok(globToRegExp('legacy/**').test('legacy/a/b.tf'));
    assert.ok(globToRegExp('file?.json').test('file1.json'));
    assert.ok(globToRegExp('v[0-9].yaml').test('v3.yaml'));
    assert.ok(!globToRegExp('v[!0-9].yaml').test('v3.yaml'));
    assert.ok(globToRegExp('a.b(c)+.yaml').test('a.b(c)+.yaml'), 'regular expression characters are literal');
    assert.ok(!globToRegExp('a.yaml').test('aXyaml'));
  });

  it('excludes a file when it or a folder above it matches', () => {
    assert.equal(isExcluded('scan/excluded/hidden.yaml', ['scan/excluded']), true);
    assert.equal(isExcluded('scan/unopened.yaml', ['scan/excluded']), false);
    assert.equal(isExcluded('deep/node_modules/pkg/x.json', ['**/node_modules']), true);
    assert.equal(isExcluded('build/out.yaml', ['**/*.code-search', 'build/']), true);
    assert.equal(isExcluded('src/template.yaml', []), false);
  });

  it('escapes a path so that it matches only itself', () => {
    const path = 'odd [name]/{a,b}*.yaml';
    assert.ok(globToRegExp(escapeGlob(path)).test(path));
    assert.ok(!globToRegExp(escapeGlob(path)).test('odd n/a*.yaml'));
  });
});
