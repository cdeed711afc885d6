// Browser check: "Submit Order to Demo" from the command palette, against the sandbox, and the
// order number read from the webview panel.
import * as assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { screenshot } from '../support/editorSession';
import { openFile, openWorkbench, runCommand, type Workbench } from './workbench';

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
    const panel = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    const orderNumber = panel.locator('#order-number');
    await orderNumber.waitFor({ timeout: 60_000 });
    assert.match((await orderNumber.textContent()) ?? '', /\d/);
    assert.match((await panel.locator('#summary').textContent()) ?? '', /demo/i);
    await screenshot(page, 'submission-panel');
  },
);
