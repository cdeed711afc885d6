// Browser checks of starting an order as a user does: "New Order..." from the command palette (pick
// the API, type a name, Enter) and the read-only Decode CSR tab, which refuses typing.
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { screenshot } from '../support/editorSession';
import { openFile, openWorkbench, runCommand, type Workbench } from './workbench';

let wb: Workbench;

before(
  async () => {
    wb = await openWorkbench();
  },
  { timeout: 180_000 },
);

after(async () => {
  await wb?.close();
});

test(
  'New Order...: pick the API, type a name, Enter: the order opens filled in',
  { timeout: 120_000 },
  async () => {
    const { page } = wb;
    await openFile(page, 'comodo-autoapplyssl.order.json');
    await runCommand(page, 'Certificate Orders: New Order…');
    const input = page.locator('.quick-input-widget input');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Comodo' }).first().waitFor();
    await input.fill('Comodo');
    await input.press('Enter');
    // The name box: its default is selected, so typing replaces it.
    await page.locator('.quick-input-widget', { hasText: '.order.json is added' }).waitFor();
    await page.keyboard.type('shop.example.com');
    await page.keyboard.press('Enter');
    await page.locator('.tab.active[aria-label^="shop.example.com.order.json"]').waitFor();
    const lines = page.locator('.monaco-editor .view-lines').first();
    await lines.filter({ hasText: '"$api": "comodo-autoapplyssl"' }).waitFor();
    await lines.filter({ hasText: '"serverSoftware"' }).waitFor();
    await screenshot(page, 'new-order');
    // The first placeholder (the product) is selected: typing replaces it.
    await page.keyboard.type('7');
    await lines.filter({ hasText: '"product": "7"' }).waitFor();
    await page.keyboard.press('Control+S');
    await page.locator('.tab.active:not(.dirty)[aria-label^="shop.example.com.order.json"]').waitFor();
    assert.ok(existsSync(path.join(wb.session.workspace, 'shop.example.com.order.json')));
  },
);

test(
  'Decode CSR opens a read-only tab named after the CN that refuses typing',
  { timeout: 120_000 },
  async () => {
    const { page } = wb;
    await openFile(page, 'www.example.com.csr');
    await runCommand(page, 'Certificate Orders: Decode CSR');
    const tab = page.locator('.tab.active[aria-label*="www.example.com (decoded).txt"]');
    await tab.waitFor();
    const lines = page.locator('.editor-group-container.active .monaco-editor .view-lines');
    await lines.filter({ hasText: 'SHA-256' }).first().waitFor();
    await lines.first().click();
    await page.keyboard.type('x');
    await page.locator('.monaco-editor-overlaymessage', { hasText: /read-only/i }).waitFor();
    await screenshot(page, 'decode-csr-tab');
    assert.ok(!(await page.locator('.tab.active.dirty').count()), 'the tab is not dirty');
  },
);
