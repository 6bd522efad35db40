/**
 * The manifest and the changelog. Which folder may import what is checked by `npm run lint`
 * (.dependency-cruiser.cjs), and strings are never evaluated as code (ESLint's no-eval, no-new-func).
 */
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
    const sections = Array.isArray(pkg.contributes.configuration)
      ? pkg.contributes.configuration
      : [pkg.contributes.configuration];
    for (const section of sections) {
      for (const [name, setting] of Object.entries(
        section.properties as Record<string, { markdownDescription?: string }>,
      )) {
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
});

describe('the walkthrough', () => {
  /** VS Code's own commands that walkthrough steps may link to. */
  const BUILT_IN_COMMANDS = new Set([
    'workbench.action.quickOpen',
    'workbench.action.files.openFile',
    'workbench.action.files.openFolder',
    'workbench.action.files.openFileFolder',
    'workbench.action.showCommands',
    'workbench.action.openSettings',
    'workbench.actions.view.problems',
    'editor.action.quickFix',
  ]);
  /** Contributed commands, and the ones the extension registers without a palette entry (`export const X_COMMAND = 'srlens.…'`). */
  const ours = new Set<string>(pkg.contributes.commands.map((c: { command: string }) => c.command));
  for (const file of sources(path.join('src', 'vscode'))) {
    for (const match of readFileSync(file, 'utf8').matchAll(/\bconst [A-Z_]+_COMMAND = '(srlens\.[\w.]+)'/g))
      ours.add(match[1]);
  }
  const walkthroughs: {
    id: string;
    steps: { id: string; description: string; media: Record<string, unknown>; completionEvents?: string[] }[];
  }[] = pkg.contributes.walkthroughs ?? [];
  const steps = walkthroughs.flatMap((w) => w.steps);

  function known(command: string): boolean {
    return ours.has(command) || BUILT_IN_COMMANDS.has(command);
  }

  it('has four or five steps, each with a markdown file that exists under media/walkthrough/', () => {
    assert.equal(walkthroughs.length, 1);
    assert.ok(steps.length >= 4 && steps.length <= 5, `${steps.length} steps`);
    assert.equal(new Set(steps.map((s) => s.id)).size, steps.length, 'step ids are unique');
    for (const step of steps) {
      const media = step.media.markdown;
      assert.equal(typeof media, 'string', step.id);
      assert.match(media as string, /^media\/walkthrough\/[a-z-]+\.md$/, step.id);
      assert.ok(statSync(media as string).isFile(), `${step.id}: ${media} is missing`);
    }
  });

  it('links only to commands that exist, in step descriptions, completion events and media', () => {
    for (const step of steps) {
      const texts = [step.description, readFileSync(step.media.markdown as string, 'utf8')];
      const linked = texts.flatMap((text) => [...text.matchAll(/\(command:([\w.-]+)/g)].map((m) => m[1]));
      const events = (step.completionEvents ?? [])
        .filter((e) => e.startsWith('onCommand:'))
        .map((e) => e.slice('onCommand:'.length));
      for (const command of [...linked, ...events]) assert.ok(known(command), `${step.id}: unknown command ${command}`);
      for (const view of (step.completionEvents ?? [])
        .filter((e) => e.startsWith('onView:'))
        .map((e) => e.slice('onView:'.length))) {
        assert.ok(
          Object.values(pkg.contributes.views as Record<string, { id: string }[]>)
            .flat()
            .some((v) => v.id === view),
          `${step.id}: unknown view ${view}`,
        );
      }
    }
    const all = steps.map((s) => s.description).join('\n');
    assert.match(all, /\(command:srlens\.isms\.open\)/, 'a step opens the ISMS checklist');
    assert.match(all, /docs\/ci\.md\)/, 'a step links the CI guide');
  });

  it('links the CI guide at the repository, since docs/ is not in the VSIX', () => {
    const repository = String(pkg.repository.url).replace(/\.git$/, '');
    for (const step of steps) {
      for (const [, target] of step.description.matchAll(/\]\(([^)]+)\)/g)) {
        if (target.startsWith('command:')) continue;
        assert.ok(target.startsWith(`${repository}/blob/main/`), `${step.id}: ${target}`);
        const file = target.slice(`${repository}/blob/main/`.length);
        assert.ok(statSync(file).isFile(), `${step.id}: ${file} does not exist in this repository`);
      }
    }
  });
});
