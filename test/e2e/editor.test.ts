// Browser checks: the installed VSIX in code-server, seen and driven through Chromium.
import * as assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { screenshot } from '../support/editorSession';
import {
  moveCursorTo,
  openFile,
  openWorkbench,
  runCommand,
  showHoverWith,
  type Workbench,
} from './workbench';

let wb: Workbench;

before(
  async () => {
    wb = await openWorkbench({
      files: { 'scratch/e2e.order.json': '{\n  "$api": ""\n}\n' },
    });
  },
  { timeout: 180_000 },
);

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

test('the Problems panel lists the mistakes of the example order', { timeout: 120_000 }, async () => {
  const { page } = wb;
  await openFile(page, 'comodo-mistakes.order.json');
  await page.locator('.view-overlays .cdr.squiggly-error').first().waitFor();
  await page.keyboard.press('Control+Shift+M');
  const panel = page.locator('.markers-panel');
  await panel.waitFor();
  // The panel names each diagnostic's code; a few of the example's typical mistakes.
  for (const code of [
    'credential-in-file',
    'comodo-product-addon-not-allowed',
    'comodo-validity-both',
    'unknown-field',
  ]) {
    await panel.locator('.monaco-list-row', { hasText: code }).first().waitFor();
  }
  await screenshot(page, 'problems-panel');
});

test("hovering an order's CSR shows its decoded subject and SHA-256", { timeout: 120_000 }, async () => {
  const { page } = wb;
  await runCommand(page, 'View: Hide Panel');
  await openFile(page, 'comodo-autoapplyssl.order.json');
  await moveCursorTo(page, 'www.example.com.csr');
  const hover = await showHoverWith(page, 'SHA-256');
  const text = (await hover.textContent()) ?? '';
  assert.match(text, /www\.example\.com/);
  assert.match(text, /Example Inc/);
  assert.match(text.toLowerCase(), /eff007b5eda1dd29064d74ccc36735a434af684256cab28b6807a8c4fa2eb638/);
  await screenshot(page, 'csr-hover');
});
