/** The manifest, the changelog and the layering rules that keep the project tidy. */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

function sources(dir: string, found: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) sources(full, found);
    else if (full.endsWith('.ts')) found.push(full);
  }
  return found;
}

describe('package.json and the project layout', () => {
  it('is a real extension manifest that never activates on *', () => {
    assert.equal(pkg.displayName, 'Shared Responsibility Lens');
    assert.equal(pkg.engines.vscode, '^1.100.0');
    assert.match(pkg.devDependencies['@types/vscode'], /^1\.100\./);
    assert.ok(!pkg.activationEvents.includes('*'));
    assert.equal(pkg.bin.srlens, './dist/cli.js');
    assert.equal(pkg.main, './dist/extension.js');
  });

  it('gives every command a category and a title', () => {
    for (const command of pkg.contributes.commands) {
      assert.equal(command.category, 'Shared Responsibility', command.command);
      assert.ok(command.title.length > 3, command.command);
      assert.match(command.command, /^srlens\./);
    }
  });

  it('describes every setting in markdown', () => {
    const sections = Array.isArray(pkg.contributes.configuration) ? pkg.contributes.configuration : [pkg.contributes.configuration];
    for (const section of sections) {
      for (const [name, setting] of Object.entries(section.properties as Record<string, { markdownDescription?: string }>)) {
        assert.ok(setting.markdownDescription && setting.markdownDescription.length > 10, name);
      }
    }
  });

  it('has a changelog whose top entry is this version', () => {
    const changelog = readFileSync('CHANGELOG.md', 'utf8');
    const top = /^## \[([^\]]+)\]/m.exec(changelog);
    assert.equal(top?.[1], pkg.version);
    assert.match(changelog, /### Added/);
  });

  it('imports vscode only in src/vscode, so the engine runs in the CLI, tests and workers', () => {
    const offenders = sources('src')
      .filter((file) => !file.startsWith(path.join('src', 'vscode')))
      .filter((file) => /from ['"]vscode['"]|require\(['"]vscode['"]\)/.test(readFileSync(file, 'utf8')));
    assert.deepEqual(offenders, []);
  });

  it('never evaluates strings as code', () => {
    const offenders = sources('src').filter((file) => /\beval\(|new Function\(/.test(readFileSync(file, 'utf8')));
    assert.deepEqual(offenders, []);
  });
});
