// Browser check: the Orders view in its own activity bar container. An order is submitted to the
// sandbox, the panel closed, then the order's submission is clicked in the view: the panel opens
// again with that order number. The screenshot is the README's. Then the same code-server opens an
// empty folder (a second workspace costs a page load, not a second editor): the view shows its
// welcome, each of its buttons runs its command, and the welcome comes back when the one order
// written there is deleted.
import * as assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { loadCodeServerModule, screenshot } from '../support/editorSession';
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

test(
  'an empty workspace: the Orders view shows its welcome, and its buttons run New Order… and the README',
  { timeout: 180_000 },
  async () => {
    const { page, session } = wb;
    const empty = path.join(session.tmp, 'empty-workspace');
    mkdirSync(empty);
    const cs = await loadCodeServerModule();
    await page.goto(cs.workbenchUrl(session.port, empty));
    await page.locator('.explorer-folders-view').waitFor({ timeout: 60_000 });
    try {
      await page.locator('.activitybar [aria-label^="Certificate Orders"]').first().click();
      const welcome = page.locator('.pane .welcome-view-content', {
        hasText: 'No certificate orders (*.order.json) in this workspace yet.',
      });
      await welcome.waitFor({ timeout: 60_000 });
      const button = (name: string) => welcome.locator('.monaco-button', { hasText: name });
      assert.equal(await button('New Order…').count(), 1);
      assert.equal(await button('Open README').count(), 1);

      await button('New Order…').click();
      const picker = page.locator('.quick-input-widget', { hasText: 'New Order: which API?' });
      await picker.waitFor({ timeout: 30_000 });
      await picker.locator('.quick-input-list .monaco-list-row', { hasText: 'Comodo' }).first().waitFor();
      await page.keyboard.press('Escape');
      await picker.waitFor({ state: 'hidden' });

      await button('Open README').click();
      await page.locator('.tab[aria-label^="Preview README.md"]').waitFor({ timeout: 30_000 });

      // The welcome above may be VS Code's before the extension gave the view its tree. An order
      // written now is listed (the tree is the extension's, and live); deleted, the welcome is back:
      // it is what the extension's empty tree shows.
      const order = path.join(empty, 'shop.order.json');
      copyFileSync(path.join(session.workspace, 'comodo-inline-csr.order.json'), order);
      const view = page.locator('.pane', { hasText: 'Orders' });
      const row = view.locator('.monaco-list-row', { hasText: 'shop.order.json' });
      await row.waitFor({ timeout: 60_000 });
      await welcome.waitFor({ state: 'hidden' });
      rmSync(order);
      await welcome.waitFor({ timeout: 60_000 });
      assert.equal(await button('Open README').count(), 1);
      await row.waitFor({ state: 'detached' });
    } catch (err) {
      await screenshot(page, 'orders-view-welcome-failed');
      throw err;
    }
  },
);
