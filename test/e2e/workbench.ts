// What a person does in the workbench, as Playwright steps (selectors of VS Code 1.100, see
// ../shared/notes/real-vscode-offline.md). Each step waits for what it expects to see.
import { writeFileSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import type { Browser, FrameLocator, Locator, Page } from 'playwright-core';
import {
  launchBrowser,
  screenshot,
  startEditorSession,
  type EditorSession,
  type SessionOptions,
} from '../support/editorSession';

export interface Workbench {
  session: EditorSession;
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

/** code-server with the installed VSIX on a copy of examples/, and Chromium showing it. */
export async function openWorkbench(
  options: SessionOptions & { files?: Record<string, string> } = {},
): Promise<Workbench> {
  const session = await startEditorSession(options);
  for (const [name, text] of Object.entries(options.files ?? {})) {
    mkdirSync(path.dirname(path.join(session.workspace, name)), { recursive: true });
    writeFileSync(path.join(session.workspace, name), text);
  }
  let browser: Browser | undefined;
  try {
    const launched = await launchBrowser();
    browser = launched.browser;
    const page = launched.page;
    await page.goto(session.url());
    await page.locator('div.monaco-workbench').waitFor({ timeout: 60_000 });
    // The explorer shows the workspace once the remote file system answers.
    await page.locator('.explorer-folders-view').waitFor({ timeout: 60_000 });
    const b = browser;
    return {
      session,
      browser: b,
      page,
      async close() {
        await b.close().catch(() => undefined);
        await session.close();
      },
    };
  } catch (err) {
    await browser?.close().catch(() => undefined);
    await session.close();
    throw err;
  }
}

/** Quick Open (Ctrl+P): types `name` and opens the first match; waits for its editor tab. */
export async function openFile(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(name);
  // The list is filled as the search answers: wait until the focused (first) row is the file.
  await page
    .locator('.quick-input-list .monaco-list-row.focused', { hasText: path.basename(name) })
    .waitFor();
  await input.press('Enter');
  await page.locator(`.tab.active[aria-label^="${path.basename(name)}"]`).waitFor();
  await page.locator('.monaco-editor .view-lines').first().waitFor();
}

/** Command palette (F1): runs the command with this title. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await input.press('Enter');
}

/**
 * "Show or Focus Hover" at the cursor (Ctrl+K Ctrl+I) until a hover holding `text` is visible.
 * The first request can come before the language server answers (a loaded machine, a server
 * still starting) and then shows nothing: it is asked again every few seconds, not waited on
 * once. On timeout, a screenshot `hover-failed.png` shows what was on screen.
 */
export async function showHoverWith(page: Page, text: string, timeoutMs = 60_000): Promise<Locator> {
  const hover = page.locator('.monaco-hover:visible', { hasText: text });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    try {
      await hover.waitFor({ timeout: Math.max(1, Math.min(5_000, deadline - Date.now())) });
      return hover;
    } catch (err) {
      if (Date.now() >= deadline) {
        await screenshot(page, 'hover-failed').catch(() => undefined);
        throw err;
      }
    }
  }
}

/** Puts the cursor on the first occurrence of `text` in the active editor (Ctrl+F, Escape). */
export async function moveCursorTo(page: Page, text: string): Promise<void> {
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+F');
  const find = page.locator('.find-widget textarea, .find-widget input').first();
  await find.waitFor();
  await find.fill(text);
  await page.locator('.find-widget .matchesCount', { hasNotText: 'No results' }).waitFor();
  await page.keyboard.press('Escape');
}

/** Hovers the mouse over `text` in the active editor until a hover holding `expect` shows. */
export async function hoverMouseOver(page: Page, text: string, expect: string): Promise<Locator> {
  const target = page.locator('.monaco-editor .view-lines span', { hasText: text }).last();
  const hover = page.locator('.monaco-hover:visible', { hasText: expect });
  const deadline = Date.now() + 60_000;
  for (;;) {
    // Off the text, then onto it: a fresh hover, as a user moving the mouse gets.
    await page.mouse.move(5, 5);
    await target.hover();
    try {
      await hover.waitFor({ timeout: 5_000 });
      return hover;
    } catch (err) {
      if (Date.now() > deadline) {
        await screenshot(page, 'hover-failed').catch(() => undefined);
        throw err;
      }
    }
  }
}

/** Whether `inner` lies wholly inside `outer` on screen. */
export async function isInView(inner: Locator, outer: Locator): Promise<boolean> {
  const [a, b] = [await inner.boundingBox(), await outer.boundingBox()];
  return !!a && !!b && a.y >= b.y - 1 && a.y + a.height <= b.y + b.height + 1;
}

/** Polls `probe` until it holds (a condition, not a fixed sleep); fails after `timeoutMs`. */
export async function waitUntil(probe: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The document inside the extension's webview panel (the active one). */
export function panelFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}

export interface PanelLayout {
  /** The panel document's scroll width and its window's inner width, in px. */
  scrollWidth: number;
  width: number;
  /** The right edge of each element that `selector` matches. */
  rights: number[];
}

/**
 * The panel at `width` px, as a narrow editor group makes it: sets the webview frame's width,
 * waits until the panel's window has it, scrolls `scrollTo` into view if given, and measures the
 * right edges of what `selector` matches.
 */
export async function panelLayoutAt(
  page: Page,
  width: number,
  selector: string,
  scrollTo?: string,
): Promise<PanelLayout> {
  const panel = panelFrame(page);
  await page.locator('iframe.webview.ready').evaluate((el, w) => {
    (el as HTMLElement).style.width = `${w}px`;
  }, width);
  await waitUntil(async () => (await panel.locator('body').evaluate(() => window.innerWidth)) === width);
  if (scrollTo) await panel.locator(scrollTo).scrollIntoViewIfNeeded();
  return panel.locator('body').evaluate(
    (_, sel) => ({
      scrollWidth: document.documentElement.scrollWidth,
      width: window.innerWidth,
      rights: Array.from(document.querySelectorAll(sel)).map((b) => b.getBoundingClientRect().right),
    }),
    selector,
  );
}

/**
 * Opens `file`, runs Submit Order to Demo and answers the question a demo URL on loopback asks
 * ("Send There"): the workbench's settings point the demo URL at the sandbox.
 */
export async function submitToSandbox(page: Page, file: string): Promise<void> {
  await openFile(page, file);
  await runCommand(page, 'Certificate Orders: Submit Order to Demo');
  const question = page.locator('.monaco-dialog-box', { hasText: 'on this machine' });
  await question.waitFor({ timeout: 60_000 });
  await question.getByRole('button', { name: 'Send There' }).click();
}
