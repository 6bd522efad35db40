/**
 * The resource table of the matrix webview keeps only the rows in view (and a margin) in the page.
 * In a real browser (headless Chromium, when the machine has one), scrolling down and up in steps
 * of every size, jumping, filtering and clearing the filter must always leave exactly the rows of
 * the window, in order, between two spacers whose heights keep the scroll height: the rows are
 * added and removed at the edges as the window moves, and nothing may be lost or doubled.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Analyzer } from '../../../src/engine/analyzer';
import { buildMatrix } from '../../../src/engine/matrix';
import { matrixHtml } from '../../../src/engine/matrix-html';
import { matrixView } from '../../../src/engine/matrix-view';
import { buildStack, stackScope } from '../../../src/engine/stack';

// The functions given to page.evaluate run in the page; what they use of it, typed here (the
// project's TypeScript has no DOM library).
interface PageElement {
  readonly children: ArrayLike<PageElement>;
  readonly classList: { contains(name: string): boolean };
  readonly textContent: string | null;
  scrollTop: number;
  querySelector(selector: string): PageElement | null;
  getBoundingClientRect(): { top: number; bottom: number; height: number };
  dispatchEvent(event: Event): boolean;
  click(): void;
}
declare const document: { getElementById(id: string): PageElement | null };
declare const window: { dispatchEvent(event: Event): boolean };
declare function requestAnimationFrame(callback: () => void): number;

const ORIGIN = 'https://matrix.test.invalid';
const CHROMIUM = [process.env.SRLENS_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (p): p is string => !!p && existsSync(p),
);

/** 30 templates of 40 queues, buckets and topics: 1,200 rows. */
function model(): unknown {
  const analyzer = new Analyzer();
  const analyses = [];
  for (let f = 0; f < 30; f++) {
    const lines = ['Resources:'];
    for (let i = 0; i < 40; i++) {
      const type = ['AWS::SQS::Queue', 'AWS::S3::Bucket', 'AWS::SNS::Topic'][i % 3];
      lines.push(`  R${f}x${i}:`, `    Type: ${type}`);
    }
    analyses.push(analyzer.analyzeCloudFormation(`/ws/stack-${f}.yaml`, `${lines.join('\n')}\n`));
  }
  const matrix = buildMatrix(analyses);
  const stack = buildStack(matrix);
  return matrixView(matrix, stack, {
    scope: stackScope(stack, 'whole workspace'),
    emptyMessage: '',
    fileLabel: (file) => file.replace('/ws/', ''),
  });
}

describe('matrix resource table in a browser: the window of rows', function () {
  this.timeout(120_000);

  it('keeps exactly the rows in view, in order, through scrolling, jumps and filters', async function () {
    let playwright: typeof import('playwright-core') | undefined;
    try {
      playwright = await import('playwright-core');
    } catch {
      playwright = undefined;
    }
    if (!CHROMIUM || !playwright) {
      console.log('      skipped: no Chromium (set SRLENS_CHROMIUM) or playwright-core');
      return this.skip();
    }
    const root = path.resolve(__dirname, '../../../..');
    const files: Record<string, [string, string]> = {
      '/index.html': [
        'text/html',
        matrixHtml({
          cspSource: ORIGIN,
          nonce: 'C'.repeat(32),
          styleUri: `${ORIGIN}/matrix.css`,
          scriptUri: `${ORIGIN}/matrix.js`,
        }),
      ],
      '/matrix.css': ['text/css', readFileSync(path.join(root, 'media/matrix.css'), 'utf8')],
      '/matrix.js': ['text/javascript', readFileSync(path.join(root, 'media/matrix.js'), 'utf8')],
    };
    const browser = await playwright.chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.route(`${ORIGIN}/**`, (route) => {
        const file = files[new URL(route.request().url()).pathname];
        return file ? route.fulfill({ contentType: file[0], body: file[1] }) : route.fulfill({ status: 404 });
      });
      await page.addInitScript(() => {
        const w = window as unknown as { posted: unknown[]; acquireVsCodeApi: () => unknown };
        w.posted = [];
        w.acquireVsCodeApi = () => ({
          postMessage: (m: unknown) => w.posted.push(m),
          getState: () => undefined,
          setState: () => undefined,
        });
      });
      await page.goto(`${ORIGIN}/index.html`);
      await page.waitForFunction(() =>
        (window as unknown as { posted: { type: string }[] }).posted.some((m) => m.type === 'ready'),
      );
      await page.evaluate((data) => {
        window.dispatchEvent(new MessageEvent('message', { data: { type: 'model', model: data } }));
        document.getElementById('view-table')!.click();
      }, model());

      // Each check: the rows in the page are consecutive rows of the table, cover the viewport, and
      // with the spacers add up to the whole table's height.
      const check = () =>
        page.evaluate(async () => {
          await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
          const scroller = document.getElementById('table-scroll')!;
          const body = document.getElementById('matrix-body')!;
          const children = Array.from(body.children);
          const rows = children.filter((tr) => !tr.classList.contains('spacer'));
          const spacers = children.filter((tr) => tr.classList.contains('spacer'));
          const ids = rows.map((tr) => tr.querySelector('th.col-resource')?.textContent ?? '');
          const first = rows[0]?.getBoundingClientRect();
          const last = rows.at(-1)?.getBoundingClientRect();
          const view = scroller.getBoundingClientRect();
          const spacerHeight = spacers.reduce((n, s) => n + s.getBoundingClientRect().height, 0);
          return {
            ids,
            order: children.map((tr) => (tr.classList.contains('spacer') ? 's' : 'r')).join(''),
            unique: new Set(ids).size === ids.length,
            covers: rows.length === 0 || (first!.top <= view.top + 40 && last!.bottom >= view.bottom),
            height: Math.round(spacerHeight + rows.reduce((n, r) => n + r.getBoundingClientRect().height, 0)),
            summary: document.getElementById('summary')?.textContent ?? '',
            scrollTop: scroller.scrollTop,
          };
        });
      const scrollBy = (by: number) =>
        page.evaluate((delta) => {
          const scroller = document.getElementById('table-scroll')!;
          scroller.scrollTop = Math.max(0, scroller.scrollTop + delta);
          scroller.dispatchEvent(new Event('scroll'));
        }, by);

      const start = await check();
      const total = start.height;
      assert.equal(total, 1200 * 26, 'the spacers and rows make the height of 1,200 rows');
      const order: string[] = [];
      const steps = [13, 26, 100, 700, 3000, -26, -700, -50, 20_000, -13, 900, -5000, 260, -100_000];
      for (const step of steps) {
        await scrollBy(step);
        const state = await check();
        assert.ok(state.unique, `no row twice after a step of ${step}`);
        assert.match(state.order, /^sr+s$/, `spacer, rows, spacer after a step of ${step}`);
        assert.ok(state.covers, `the rows cover the view after a step of ${step}`);
        assert.equal(state.height, total, `the table keeps its height after a step of ${step}`);
        // Consecutive rows: the ids of the window are a slice of the table's order (checked below).
        order.push(state.ids.join('\n'));
      }
      // The table's own order, rendered in full windows from the top: every window seen is a slice of it.
      const all: string[] = [];
      await page.evaluate(() => {
        const scroller = document.getElementById('table-scroll')!;
        scroller.scrollTop = 0;
        scroller.dispatchEvent(new Event('scroll'));
      });
      for (let top = 0; top < total; top += 600) {
        await page.evaluate((at) => {
          const scroller = document.getElementById('table-scroll')!;
          scroller.scrollTop = at;
          scroller.dispatchEvent(new Event('scroll'));
        }, top);
        for (const id of (await check()).ids) if (!all.includes(id)) all.push(id);
      }
      assert.equal(all.length, 1200, 'scrolling through shows every row once');
      const sequence = all.join('\n');
      for (const window of order) assert.ok(sequence.includes(window), 'each window is consecutive rows of the table');

      // A filter, then clearing it, from the middle of the table.
      await scrollBy(12_000);
      await page.fill('#filter-text', 'stack-7');
      await page.evaluate(() =>
        document.getElementById('filter-text')!.dispatchEvent(new Event('input', { bubbles: true })),
      );
      await page.waitForFunction(() =>
        /Showing 40 of 1200 resources/.test(document.getElementById('summary')?.textContent ?? ''),
      );
      const filtered = await check();
      assert.match(filtered.order, /^sr+s$/);
      assert.equal(filtered.height, 40 * 26);
      assert.ok(
        filtered.ids.every((id) => id.startsWith('R7x')),
        filtered.ids.join(', '),
      );
      await page.fill('#filter-text', '');
      await page.evaluate(() =>
        document.getElementById('filter-text')!.dispatchEvent(new Event('input', { bubbles: true })),
      );
      await page.waitForFunction(() =>
        /All 1200 resources/.test(document.getElementById('summary')?.textContent ?? ''),
      );
      const cleared = await check();
      assert.equal(cleared.height, total);
      assert.ok(cleared.covers && cleared.unique);
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
    }
  });
});
