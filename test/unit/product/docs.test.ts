/** Generated documentation must match the rules and package.json: run `npm run docs` after changing either. */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import {
  COMMANDS_END,
  COMMANDS_START,
  SETTINGS_END,
  SETTINGS_START,
  commandsTable,
  settingsTable,
  type Manifest,
} from '../../../scripts/manifest-docs';
import { README_END, README_START, generateDocs } from '../../../scripts/rule-docs';

describe('generated docs', () => {
  const readme = readFileSync('README.md', 'utf8');
  const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as Manifest;
  const files = generateDocs(readme, manifest);

  it('docs/rules and the README rules, commands and settings tables are current (run `npm run docs`)', () => {
    const stale = [...files]
      .filter(([file, content]) => !existsSync(file) || readFileSync(file, 'utf8') !== content)
      .map(([file]) => file);
    assert.deepEqual(stale, []);
  });

  it('has no page for a rule that does not exist', () => {
    const pages = readdirSync('docs/rules').map((name) => `docs/rules/${name}`);
    assert.deepEqual(
      pages.filter((page) => !files.has(page)),
      [],
    );
  });

  it('the README has each generated section once, so none can silently go missing', () => {
    for (const marker of [README_START, README_END, COMMANDS_START, COMMANDS_END, SETTINGS_START, SETTINGS_END]) {
      assert.equal(readme.split(marker).length - 1, 1, marker);
    }
  });

  describe('the commands and settings tables', () => {
    const sample: Manifest = {
      contributes: {
        commands: [
          { command: 'x.open', title: 'Open | Close', category: 'X' },
          { command: 'x.hidden', title: 'Hidden', category: 'X' },
          { command: 'x.refresh', title: 'Refresh', category: 'X' },
        ],
        menus: {
          commandPalette: [{ command: 'x.hidden', when: 'false' }],
          'view/title': [
            { command: 'x.refresh', when: 'view == x.tree', group: 'navigation@1' },
            { command: 'x.refresh', when: 'view == x.tree', group: 'more@1' },
          ],
          'view/item/context': [{ command: 'x.hidden', when: 'view == x.tree && viewItem == a' }],
        },
        views: { x: [{ id: 'x.tree', name: 'Tree' }] },
        configuration: [
          {
            title: 'Second',
            order: 2,
            properties: {
              'x.b': { type: 'array', items: { type: 'string' }, default: [], markdownDescription: 'Uses `#x.a#`.' },
            },
          },
          {
            title: 'First',
            order: 1,
            properties: {
              'x.level': {
                type: 'string',
                enum: ['error', 'info'],
                default: 'info',
                order: 2,
                markdownDescription: 'Line one\nline two.',
              },
              'x.a': {
                type: 'integer',
                default: 300,
                minimum: 0,
                maximum: 5000,
                order: 1,
                description: 'Plain description.',
              },
            },
          },
        ],
      },
    };

    it('lists each command with its category, id and where it can be run', () => {
      assert.deepEqual(commandsTable(sample).split('\n').slice(4, 7), [
        '| X: Open \\| Close | `x.open` | Command Palette |',
        '| X: Hidden | `x.hidden` | items of the Tree view |',
        '| X: Refresh | `x.refresh` | Command Palette, title bar of the Tree view, … menu of the Tree view |',
      ]);
    });

    it('lists each setting by section and order, with its type, default and description', () => {
      assert.deepEqual(settingsTable(sample).split('\n').slice(4, 7), [
        '| `x.a` | integer (0–5000) | `300` | Plain description. |',
        '| `x.level` | `error`, `info` | `"info"` | Line one line two. |',
        '| `x.b` | string[] | `[]` | Uses `x.a`. |',
      ]);
    });
  });
});
