/**
 * The web extension in a browser's web worker extension host (`launcher.js --web`).
 *
 * The launcher loads a copy of the extension whose package.json has `browser` and no `main`: VS Code
 * can then run it only in the web worker extension host, exactly as on vscode.dev and github.dev
 * (code-server runs everything else in its Node extension host). The browser opens a CloudFormation
 * template and a Terraform module with known findings (test/integration/web-workspace/), and the
 * steps assert, through the workbench, that the rules report them (for Terraform that means the
 * grammar's wasm was read from the extension URI inside the worker), that the workspace scan
 * finds a template nobody opened, that a hover shows who owns what, that a quick fix applies, that
 * the Responsibility Matrix lists the resources, that a Node-only command answers with the web
 * build's message, and that VS Code's Running Extensions view lists the extension as running in
 * the web worker host.
 */
import { strict as assert } from 'node:assert';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from './common';
import { openFile, runCommand, stepRunner } from './ui-smoke';

export const WEB_FIXTURE = path.join(ROOT, 'test', 'integration', 'web-workspace');
const STEP_TIMEOUT = 30_000;
/** How many steps a complete run has (fewer means a step failed and the rest did not run). */
export const WEB_STEP_COUNT = 9;

export interface WebSmokeResult {
  steps: { name: string; ok: boolean; ms: number; error?: string }[];
}

/**
 * A copy of the extension as a web-only extension: the package.json without `main`, the browser
 * bundle, the wasm files and the static assets the manifest points at. Returns its folder.
 */
export function makeWebExtension(parent: string): string {
  const target = path.join(parent, 'web-extension');
  const built = path.join(ROOT, 'dist', 'web', 'extension.js');
  if (!existsSync(built)) throw new Error('dist/web/extension.js is missing; run `node esbuild.mjs` first');
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
  delete pkg.main;
  mkdirSync(path.join(target, 'dist', 'web'), { recursive: true });
  writeFileSync(path.join(target, 'package.json'), JSON.stringify(pkg, null, 2));
  cpSync(built, path.join(target, 'dist', 'web', 'extension.js'));
  for (const name of readdirSync(path.join(ROOT, 'dist'))) {
    if (name.endsWith('.wasm')) cpSync(path.join(ROOT, 'dist', name), path.join(target, 'dist', name));
  }
  for (const item of ['syntaxes', 'snippets', 'media', 'README.md', 'CHANGELOG.md', 'LICENSE']) {
    const from = path.join(ROOT, item);
    if (existsSync(from))
      cpSync(from, path.join(target, item), {
        recursive: true,
        filter: (src) => !src.includes(`${path.sep}screenshots`),
      });
  }
  return target;
}

export async function runWebSmoke(page: Page, screenshotDir: string): Promise<WebSmokeResult> {
  const steps: WebSmokeResult['steps'] = [];
  const step = stepRunner(page, screenshotDir, steps);

  try {
    await step('workbench loads', async () => {
      await page.waitForSelector('.monaco-workbench .part.editor', { timeout: 60_000 });
    });

    await step('CloudFormation: the rules report the template', async () => {
      await openFile(page, 'template.yaml');
      await page.waitForSelector('.monaco-editor .squiggly-error', { timeout: STEP_TIMEOUT });
      await expectProblems(page, ['rds-publicly-accessible', 'rds-storage-encryption']);
    });

    await step('Terraform: the rules report the module (wasm read from the extension URI)', async () => {
      await openFile(page, 'main.tf');
      await page.waitForSelector('.monaco-editor .squiggly-error', { timeout: STEP_TIMEOUT });
      await expectProblems(page, ['ec2-security-group-admin-ports-open', 'ebs-volume-encryption']);
    });

    await step('the workspace scan reports a template nobody opened', async () => {
      await expectProblems(page, ['sqs-queue-encryption']);
    });

    await step('hover a resource: who owns what', async () => {
      await page.locator('.tabs-container .tab', { hasText: 'template.yaml' }).first().click();
      const token = page.locator('.monaco-editor .view-line span', { hasText: /^Database$/ }).first();
      await token.waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
      await token.click();
      await runCommand(page, 'Show or Focus Hover');
      const hover = page.locator('.monaco-hover-content', { hasText: 'Amazon RDS' }).first();
      await hover.waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
      const text = (await hover.textContent()) ?? '';
      assert.match(text, /Container/);
      assert.match(text, /You|Shared/);
      await page.keyboard.press('Escape');
    });

    await step('apply a quick fix through the lightbulb', async () => {
      const token = page.locator('.monaco-editor .view-line span', { hasText: 'AWS::RDS::DBInstance' }).first();
      await token.click();
      await page.keyboard.press('Control+.');
      await page.locator('.action-widget').first().waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
      for (let i = 0; i < 12; i++) {
        const focused =
          (await page
            .locator('.action-widget .monaco-list-row.focused')
            .first()
            .textContent()
            .catch(() => '')) ?? '';
        if (focused.includes('StorageEncrypted')) break;
        await page.keyboard.press('ArrowDown');
      }
      await page.keyboard.press('Enter');
      await page
        .locator('.monaco-editor .view-line', { hasText: /StorageEncrypted:\s*true/ })
        .first()
        .waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
    });

    await step('the Responsibility Matrix shows the open resources', async () => {
      await runCommand(page, 'Show Responsibility Matrix');
      // The webview's document is in an iframe inside an iframe: look in every frame.
      const deadline = Date.now() + STEP_TIMEOUT;
      const shows = async (text: string) => {
        for (const frame of page.frames()) {
          const body = await frame
            .locator('body')
            .textContent({ timeout: 1_000 })
            .catch(() => null);
          if (body?.includes(text)) return true;
        }
        return false;
      };
      while (!((await shows('Database')) && (await shows('aws_security_group.admin')))) {
        if (Date.now() > deadline)
          throw new Error('the matrix webview never listed Database and aws_security_group.admin');
        await page.waitForTimeout(250);
      }
      // Keys typed in a webview stay there: give the focus back to an editor.
      await page.locator('.tabs-container .tab', { hasText: 'template.yaml' }).first().click();
    });

    await step('the Node-only commands say they need the desktop', async () => {
      for (const command of ['AWS: Show Identity', 'ISMS: Export Report']) {
        await runCommand(page, command);
        const toast = page
          .locator('.notifications-toasts .notification-list-item', {
            hasText: `${command} is not available in the web version`,
          })
          .first();
        await toast.waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
      }
    });

    await step('the extension runs in the web worker extension host', async () => {
      // The Running Extensions editor labels each extension with its host: the remote's address
      // for code-server's Node extension host, "web worker" for the browser's.
      await runCommand(page, 'View: Hide Panel');
      await runCommand(page, 'Developer: Show Running Extensions');
      const row = page
        .locator('.runtime-extensions-editor .monaco-list-row', {
          hasText: /shared-responsibility-lens|Shared Responsibility Lens/,
        })
        .first();
      await row.waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
      const text = (await row.textContent()) ?? '';
      assert.match(text, /web worker/i, text);
    });
  } catch {
    // The failing step is recorded; the caller reports and fails the run.
  }
  return { steps };
}

/** Filters the Problems panel by each rule id in turn and waits for a row naming it. */
async function expectProblems(page: Page, ruleIds: string[]): Promise<void> {
  if (
    !(await page
      .locator('.markers-panel')
      .isVisible()
      .catch(() => false))
  )
    await page.keyboard.press('Control+Shift+M');
  const filter = page.locator('.markers-panel-container .viewpane-filter input, .panel .viewpane-filter input').first();
  await filter.waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
  for (const id of ruleIds) {
    await filter.fill(id);
    await page
      .locator('.markers-panel .monaco-list-row', { hasText: id })
      .first()
      .waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
  }
  await filter.fill('');
}
