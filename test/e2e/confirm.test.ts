// Browser check: a charged order is never one keystroke away. "Submit Order to Production…" shows
// the summary with the account charged; Enter on it leads to the typed confirmation, where Enter
// without the certificate's name cancels (nothing reaches the sandbox, no panel), and Escape
// cancels too. Typing the name places the order: the same steps with the name typed do open the
// panel, so the cancelled runs' missing panel means something.
import * as assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { screenshot } from '../support/editorSession';
import { openFile, openWorkbench, runCommand, type Workbench } from './workbench';

let wb: Workbench;

before(
  async () => {
    wb = await openWorkbench({
      sandbox: true,
      env: { CERT_ORDER_COMODO_LOGIN_PASSWORD: 'e2e-secret' },
      sandboxUserSettings: (origin) => ({
        'certOrder.comodo.productionUrl': `${origin}/products/!AutoApplySSL`,
      }),
    });
  },
  { timeout: 180_000 },
);

after(async () => {
  await wb?.close();
});

const dialog = (page: Page) => page.locator('.monaco-dialog-box', { hasText: 'PRODUCTION' });
const typedBox = (page: Page) =>
  page.locator('.quick-input-widget:visible', { hasText: 'Send to Production: a charged order' });
const toast = (page: Page, text: string) => page.locator('.notification-toast:visible', { hasText: text });
const panelFrame = (page: Page) => page.locator('iframe.webview.ready');

async function startProduction(page: Page): Promise<void> {
  await openFile(page, 'comodo-autoapplyssl.order.json');
  await runCommand(page, 'Certificate Orders: Submit Order to Production');
  await dialog(page).waitFor({ timeout: 60_000 });
}

async function clearToasts(page: Page): Promise<void> {
  await runCommand(page, 'Notifications: Clear All Notifications');
}

test('Enter on the production confirmation never places the order', { timeout: 180_000 }, async () => {
  const { page } = wb;
  await startProduction(page);
  const text = (await dialog(page).textContent()) ?? '';
  assert.match(text, /Account charged: loginName example-reseller/);
  assert.match(text, /charged to example-reseller/);
  assert.match(text, /type www\.example\.com to place the order/);
  assert.equal(text.includes('e2e-secret'), false, 'the secret is never shown');
  await screenshot(page, 'production-confirmation');

  // Enter on the summary: on to the typed confirmation, not to sending.
  await page.keyboard.press('Enter');
  await typedBox(page).waitFor();
  await screenshot(page, 'production-type-to-confirm');
  // Enter without the name: cancelled.
  await page.keyboard.press('Enter');
  await toast(page, 'Not sent: nothing was typed').waitFor();
  await clearToasts(page);

  // Escape on the summary cancels at once; Escape on the typed confirmation too.
  await startProduction(page);
  await page.keyboard.press('Escape');
  await dialog(page).waitFor({ state: 'hidden' });
  assert.equal(await typedBox(page).count(), 0);
  await startProduction(page);
  await page.keyboard.press('Enter');
  await typedBox(page).waitFor();
  await page.keyboard.type('www.example.org');
  await page.keyboard.press('Enter');
  await toast(page, '"www.example.org" is not www.example.com').waitFor();
  assert.equal(await panelFrame(page).count(), 0, 'nothing was sent: no panel');
  await clearToasts(page);

  // The deliberate act: typing the name sends, and the panel shows the production order.
  await startProduction(page);
  await page.keyboard.press('Enter');
  await typedBox(page).waitFor();
  await page.keyboard.type('www.example.com');
  await page.keyboard.press('Enter');
  const panel = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  await panel.locator('#order-number').waitFor({ timeout: 60_000 });
  assert.match((await panel.locator('#summary').textContent()) ?? '', /^Placed: .*production/);
});
