// What a person does in the workbench, as Playwright steps (selectors of VS Code 1.100, see
// ../shared/notes/real-vscode-offline.md). Each step waits for what it expects to see.
import { writeFileSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  launchBrowser,
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
