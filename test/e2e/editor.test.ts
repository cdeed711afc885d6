// Browser checks: the installed VSIX in code-server, seen and driven through Chromium.
import * as assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { screenshot } from '../support/editorSession';
import {
  hoverMouseOver,
  isInView,
  moveCursorTo,
  openFile,
  openWorkbench,
  runCommand,
  type Workbench,
} from './workbench';

let wb: Workbench;

before(
  async () => {
    wb = await openWorkbench({
      files: {
        'scratch/e2e.order.json': '{\n  "$api": ""\n}\n',
        'scratch/complete.order.json': '{\n  "$api": "comodo-autoapplyssl",\n  "serverSoftware": \n}\n',
      },
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

test('completion finds serverSoftware by name: tomcat, apache', { timeout: 120_000 }, async () => {
  const { page } = wb;
  await openFile(page, 'complete.order.json');
  await moveCursorTo(page, '"serverSoftware": ');
  await page.keyboard.press('End');
  await page.keyboard.type('tomc');
  await page.keyboard.press('Control+Space');
  const rows = page.locator('.suggest-widget .monaco-list-row');
  await rows.first().waitFor();
  await page.locator('.suggest-widget .monaco-list-row', { hasText: '24 - Tomcat' }).waitFor();
  const codes = async () => (await rows.allTextContents()).map((l) => l.trim().split(/\s+/)[0]);
  assert.deepEqual(await codes(), ['24']);
  await page.keyboard.press('Escape');
  for (let i = 0; i < 4; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type('apache');
  await page.keyboard.press('Control+Space');
  await page.locator('.suggest-widget .monaco-list-row', { hasText: '3 - Apache-SSL' }).waitFor();
  assert.deepEqual(await codes(), ['2', '3']);
  await page.keyboard.press('Escape');
});

test(
  "hovering an order's CSR: the verdict first, without scrolling; its links work",
  { timeout: 180_000 },
  async () => {
    // Last of the checks: the full decode it opens takes an editor group of its own.
    const { page } = wb;
    await runCommand(page, 'View: Hide Panel');
    await openFile(page, 'comodo-autoapplyssl.order.json');
    // Twice, as a user hovers again: each time it opens at the top, the verdict in view.
    for (let i = 0; i < 2; i++) {
      const hover = await hoverMouseOver(page, 'www.example.com.csr', 'SHA-256');
      const text = (await hover.textContent()) ?? '';
      assert.match(text, /^\s*✓ OK for this order/);
      assert.match(text, /www\.example\.com/);
      assert.match(text.toLowerCase(), /eff007b5eda1dd29064d74ccc36735a434af684256cab28b6807a8c4fa2eb638/);
      for (const seen of ['OK for this order', 'SHA-256', 'Open full decode', 'Copy SHA-256'])
        assert.ok(
          await isInView(hover.getByText(seen).first(), hover),
          `${seen} is in view without scrolling`,
        );
    }
    await screenshot(page, 'csr-hover');
    // The trusted link runs the command: the full decode opens beside the order.
    const hover = await hoverMouseOver(page, 'www.example.com.csr', 'Open full decode');
    await hover.getByRole('link', { name: 'Open full decode' }).click();
    await page
      .locator('.monaco-editor .view-lines', { hasText: 'Domain-control validation' })
      .first()
      .waitFor();
  },
);
