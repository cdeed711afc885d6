// Browser check: the Orders view in its own activity bar container. An order is submitted to the
// sandbox, the panel closed, then the order's submission is clicked in the view: the panel opens
// again with that order number. The screenshot is the README's.
import * as assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { screenshot } from '../support/editorSession';
import { openWorkbench, panelFrame, runCommand, submitToSandbox, type Workbench } from './workbench';

let wb: Workbench;

before(
  async () => {
    wb = await openWorkbench({ sandbox: true, env: { CERT_ORDER_COMODO_LOGIN_PASSWORD: 'e2e-secret' } });
  },
  { timeout: 180_000 },
);

after(async () => {
  await wb?.close();
});

test(
  'clicking an order’s submission in the Orders view shows it in the panel',
  { timeout: 180_000 },
  async () => {
    const { page } = wb;
    await submitToSandbox(page, 'comodo-autoapplyssl.order.json');
    const number = panelFrame(page).locator('#order-number');
    await number.waitFor({ timeout: 60_000 });
    const placed = ((await number.textContent()) ?? '').trim();
    assert.match(placed, /\d/);
    await runCommand(page, 'View: Close All Editors');
    await page.locator('iframe.webview').waitFor({ state: 'detached', timeout: 30_000 });

    await page.locator('.activitybar [aria-label^="Certificate Orders"]').first().click();
    const view = page.locator('.pane', { hasText: 'Orders' });
    const order = view.locator('.monaco-list-row', { hasText: 'comodo-autoapplyssl.order.json' });
    await order.waitFor({ timeout: 60_000 });
    assert.match((await order.textContent()) ?? '', /InstantSSL \(24\)/);
    // Its twistie shows its submissions (a click on the row opens the order and may take the focus
    // to the editor, where a Right arrow would not reach the view).
    await order.locator('.monaco-tl-twistie').click();
    const submission = view.locator('.monaco-list-row', { hasText: `placed, order ${placed}` });
    await submission.waitFor({ timeout: 30_000 });
    await screenshot(page, 'orders-view');
    await submission.click();
    await panelFrame(page).locator('#order-number', { hasText: placed }).waitFor({ timeout: 30_000 });
  },
);
