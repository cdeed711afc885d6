// Browser checks: the installed VSIX in code-server, seen and driven through Chromium.
import * as assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { screenshot } from '../support/editorSession';
import { openFile, openWorkbench, type Workbench } from './workbench';

let wb: Workbench;

// A Comodo order with two mistakes the CA would refuse: add-on 36 on the trial product 43, and
// both `years` and `days`.
const MISTAKES = `${JSON.stringify(
  {
    $api: 'comodo-autoapplyssl',
    loginName: 'demo',
    product: '43,36',
    years: 1,
    days: 365,
    serverSoftware: 2,
    csr: 'file:www.example.com.csr',
  },
  null,
  2,
)}\n`;

before(async () => {
  wb = await openWorkbench({
    files: { 'scratch/e2e.order.json': '{\n  "$api": ""\n}\n', 'mistakes.order.json': MISTAKES },
  });
});

after(async () => {
  await wb?.close();
});

test('an *.order.json file opens in the Certificate Order language', { timeout: 120_000 }, async () => {
  await openFile(wb.page, 'e2e.order.json');
  const mode = wb.page.locator('.statusbar-item[id="status.editor.mode"]');
  await mode.filter({ hasText: 'Certificate Order' }).waitFor();
  assert.match((await mode.textContent()) ?? '', /Certificate Order/);
  await screenshot(wb.page, 'order-file-open');
});

test('the Problems panel lists the mistakes of an order', { timeout: 120_000 }, async () => {
  const { page } = wb;
  await openFile(page, 'mistakes.order.json');
  await page.locator('.view-overlays .cdr.squiggly-error').first().waitFor();
  await page.keyboard.press('Control+Shift+M');
  const panel = page.locator('.markers-panel');
  await panel.waitFor();
  for (const code of ['comodo-product-addon-not-allowed', 'comodo-validity-both']) {
    await panel.locator('.monaco-list-row', { hasText: code }).first().waitFor();
  }
  await screenshot(page, 'problems-panel');
});
