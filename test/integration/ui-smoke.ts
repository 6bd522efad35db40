/**
 * A UI smoke test, driven through the workbench as a user would: open a template from examples/,
 * hover a resource, open the Problems panel, apply a quick fix through the lightbulb. Each step
 * asserts what a user should see and takes a screenshot (media/screenshots/ when
 * SRLENS_UPDATE_SCREENSHOTS=1, else the run's temporary folder).
 */
import { strict as assert } from 'node:assert';
import path from 'node:path';
import type { Page } from 'playwright-core';

export interface UiSmokeResult {
  steps: { name: string; ok: boolean; ms: number; error?: string }[];
}

const STEP_TIMEOUT = 30_000;

/**
 * A runner of named steps that records each one's outcome and time in `steps`, and on a failure
 * leaves a screenshot (`failed-<step>.png`) beside the others before rethrowing.
 */
export function stepRunner(
  page: Page,
  screenshotDir: string,
  steps: UiSmokeResult['steps'],
): (name: string, body: () => Promise<void>) => Promise<void> {
  return async (name, body) => {
    const started = Date.now();
    try {
      await body();
      steps.push({ name, ok: true, ms: Date.now() - started });
    } catch (error) {
      steps.push({ name, ok: false, ms: Date.now() - started, error: (error as Error).message });
      await page
        .screenshot({ path: path.join(screenshotDir, `failed-${name.replace(/\W+/g, '-')}.png`) })
        .catch(() => undefined);
      throw error;
    }
  };
}

export async function runUiSmoke(page: Page, screenshotDir: string): Promise<UiSmokeResult> {
  const steps: UiSmokeResult['steps'] = [];
  const step = stepRunner(page, screenshotDir, steps);
  const shot = (name: string) => page.screenshot({ path: path.join(screenshotDir, `${name}.png`) });

  try {
    await step('workbench loads', async () => {
      await page.waitForSelector('.monaco-workbench .part.editor', { timeout: 60_000 });
    });

    await step('open a template and see its findings', async () => {
      await openFile(page, 'web-app.yaml');
      await page.waitForSelector('.monaco-editor .squiggly-error', { timeout: STEP_TIMEOUT });
    });

    await step('hover a resource: who owns what', async () => {
      await goToLine(page, 44);
      // The logical id carries no diagnostic, so the hover shows the ownership table alone.
      const token = page.locator('.monaco-editor .view-line span', { hasText: /^Database$/ }).first();
      await token.scrollIntoViewIfNeeded();
      // Cursor on the type, then "Show or Focus Hover" from the Command Palette.
      await token.click();
      await runCommand(page, 'Show or Focus Hover');
      const hover = page.locator('.monaco-hover-content', { hasText: 'Container' }).first();
      await hover.waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
      // The hover fades in: take the picture once it is fully opaque.
      await page.waitForFunction(
        "[...document.querySelectorAll('.monaco-hover')].some((el) => el.textContent.includes('Container') && getComputedStyle(el).opacity === '1')",
        undefined,
        { timeout: STEP_TIMEOUT },
      );
      const text = (await hover.textContent()) ?? '';
      assert.match(text, /Amazon RDS/);
      assert.match(text, /Shared|You/);
      await shot('hover');
      await page.keyboard.press('Escape');
    });

    await step('the Problems panel lists findings with owners', async () => {
      await page.keyboard.press('Control+Shift+M');
      const problems = page.locator('.markers-panel .monaco-list-row').first();
      await problems.waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
      const text = (await page.locator('.markers-panel').textContent()) ?? '';
      assert.match(text, /srlens/);
      assert.match(text, /(You|Shared) · [A-Z][a-z]+/);
      await shot('problems');
    });

    await step('apply a quick fix through the lightbulb', async () => {
      const before = await page.locator('.monaco-editor .squiggly-error').count();
      const token = page.locator('.monaco-editor .view-line span', { hasText: 'AWS::RDS::DBInstance' }).first();
      await token.click();
      await page.keyboard.press('Control+.');
      const menu = page.locator('.action-widget').first();
      await menu.waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
      await shot('quick-fix');
      // Keyboard through the menu to the fix, as the lightbulb menu is used.
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
      await page.waitForFunction(
        `document.querySelectorAll('.monaco-editor .squiggly-error').length < ${before}`,
        undefined,
        { timeout: STEP_TIMEOUT },
      );
      // The finding leaves the Problems panel (the inserted line itself may be below the fold).
      await page.waitForFunction(
        "!/rds-storage-encryption/.test(document.querySelector('.markers-panel')?.textContent ?? '')",
        undefined,
        { timeout: STEP_TIMEOUT },
      );
    });
  } catch {
    // The failing step is recorded; the caller reports and fails the run.
  }
  return { steps };
}

/** Runs a command from the Command Palette (F1), as a user does. */
export async function runCommand(page: Page, title: string): Promise<void> {
  const input = page.locator('.quick-input-widget input').first();
  // A key press can be lost while the workbench moves focus (a notification appearing, the last
  // command's palette closing): press F1 again until the palette opens, within the step's time.
  const attempts = 6;
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('F1');
    try {
      await input.waitFor({ state: 'visible', timeout: STEP_TIMEOUT / attempts });
      break;
    } catch (error) {
      if (attempt === attempts) throw error;
      await page.keyboard.press('Escape');
    }
  }
  await input.fill(`>${title}`);
  await page
    .locator('.quick-input-widget .monaco-list-row', { hasText: title })
    .first()
    .waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
  await page.keyboard.press('Enter');
}

/** Go to Line: the editor only renders the lines in view. */
async function goToLine(page: Page, line: number): Promise<void> {
  // Quick Open with a `:` prefix is Go to Line (Ctrl+G itself belongs to the browser in some setups).
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input').first();
  await input.waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
  await input.fill(`:${line}`);
  await page.keyboard.press('Enter');
  await page
    .locator('.monaco-editor .view-line', { hasText: 'AWS::RDS::DBInstance' })
    .first()
    .waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
}

/** Quick Open (Ctrl+P), as a user opens a file. */
export async function openFile(page: Page, name: string): Promise<void> {
  await page
    .locator('.monaco-workbench')
    .click({ position: { x: 600, y: 300 } })
    .catch(() => undefined);
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input').first();
  await input.waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
  await input.fill(name);
  await page
    .locator('.quick-input-widget .monaco-list-row', { hasText: name })
    .first()
    .waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
  await page.keyboard.press('Enter');
  await page.locator('.monaco-editor .view-line').first().waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
}
