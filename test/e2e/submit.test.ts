// Browser check: "Submit Order to Demo" from the command palette, against the sandbox, and the
// order number read from the webview panel. The workspace's settings point the demo URL at the
// sandbox on loopback: the first submission asks (naming host and port), the second does not.
import * as assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { screenshot } from '../support/editorSession';
import {
  openFile,
  openWorkbench,
  panelFrame,
  panelLayoutAt,
  runCommand,
  waitUntil,
  type Workbench,
} from './workbench';

let wb: Workbench;

before(
  async () => {
    wb = await openWorkbench({
      sandbox: true,
      // The headless route for secrets, so that no prompt asks for the password.
      env: { CERT_ORDER_COMODO_LOGIN_PASSWORD: 'e2e-secret' },
    });
  },
  { timeout: 180_000 },
);

after(async () => {
  await wb?.close();
});

test(
  'Submit Order to Demo from the command palette shows the order number',
  { timeout: 120_000 },
  async () => {
    const { page } = wb;
    await openFile(page, 'comodo-autoapplyssl.order.json');
    await runCommand(page, 'Certificate Orders: Submit Order to Demo');
    const question = page.locator('.monaco-dialog-box', { hasText: 'on this machine' });
    await question.waitFor({ timeout: 60_000 });
    const port = new URL(wb.session.sandboxOrigin ?? 'http://127.0.0.1:0').port;
    assert.match(
      (await question.textContent()) ?? '',
      new RegExp(`127\\.0\\.0\\.1 port ${port} on this machine`),
    );
    await question.getByRole('button', { name: 'Send There' }).click();
    const panel = panelFrame(page);
    const orderNumber = panel.locator('#order-number');
    await orderNumber.waitFor({ timeout: 60_000 });
    assert.match((await orderNumber.textContent()) ?? '', /\d/);
    assert.match((await panel.locator('#summary').textContent()) ?? '', /demo/i);
    await screenshot(page, 'submission-panel');

    // Asked once for this workspace and URL: the second submission goes without the question.
    // The panel was scrolled to its bottom: the new result opens at its heading.
    const first = (await panel.locator('#record-id').textContent()) ?? '';
    await panel.locator('#response-raw').scrollIntoViewIfNeeded();
    assert.ok((await panel.locator('body').evaluate(() => window.scrollY)) > 0, 'scrolled down');
    await runCommand(page, 'Certificate Orders: Submit Order to Demo');
    await panel.locator('#record-id', { hasNotText: first }).waitFor({ timeout: 60_000 });
    assert.equal(await question.count(), 0, 'not asked again');
    await waitUntil(async () => (await panel.locator('body').evaluate(() => window.scrollY)) === 0);
    assert.ok(await panel.locator('#summary').isVisible());
  },
);

test(
  'in a narrow panel (320 px) the values wrap and every Copy button stays in view',
  { timeout: 120_000 },
  async () => {
    const { page } = wb;
    const panel = panelFrame(page);
    await panel.locator('#order-number').waitFor({ timeout: 60_000 });
    const layout = await panelLayoutAt(page, 320, 'button.copy');
    assert.ok(layout.rights.length > 0, 'the panel has Copy buttons');
    assert.ok(
      layout.scrollWidth <= layout.width,
      `no horizontal scrolling: ${layout.scrollWidth} > ${layout.width}`,
    );
    for (const right of layout.rights)
      assert.ok(right <= layout.width, `a Copy button at ${right} px of ${layout.width}`);
    await screenshot(page, 'submission-panel-320');
  },
);
