// Browser check: after a demo submission to the sandbox, the panel's "Create DCV File…" and "Copy
// DNS Record" buttons beside the convention, and at 320 px both in view. (Clicking through VS
// Code's folder dialog is not checked here yet; the in-editor suite checks the command's writes.)
import * as assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { screenshot } from '../support/editorSession';
import { openFile, openWorkbench, runCommand, type Workbench } from './workbench';

let wb: Workbench;

before(
  async () => {
    wb = await openWorkbench({
      sandbox: true,
      env: { CERT_ORDER_COMODO_LOGIN_PASSWORD: 'e2e-secret' },
    });
  },
  { timeout: 180_000 },
);

after(async () => {
  await wb?.close();
});

async function waitUntil(probe: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

test(
  'after a placed TLS order the panel shows "Create DCV File…" and "Copy DNS Record" beside the convention',
  { timeout: 180_000 },
  async () => {
    const { page } = wb;
    await openFile(page, 'comodo-autoapplyssl.order.json');
    await runCommand(page, 'Certificate Orders: Submit Order to Demo');
    const question = page.locator('.monaco-dialog-box', { hasText: 'on this machine' });
    await question.waitFor({ timeout: 60_000 });
    await question.getByRole('button', { name: 'Send There' }).click();
    const panel = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await panel.locator('#create-dcv-file').waitFor({ timeout: 60_000 });
    assert.match((await panel.locator('#dcv-convention').textContent()) ?? '', /comodoca\.com/);

    assert.ok(await panel.locator('#copy-dns-record').isVisible());
    await screenshot(page, 'dcv-panel');
  },
);

test('at 320 px both buttons and the convention stay in view', { timeout: 60_000 }, async () => {
  const { page } = wb;
  const panel = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  await panel.locator('#dcv-actions').waitFor();
  await page.locator('iframe.webview.ready').evaluate((el) => {
    (el as HTMLElement).style.width = '320px';
  });
  await waitUntil(async () => (await panel.locator('body').evaluate(() => window.innerWidth)) === 320);
  await panel.locator('#dcv-actions').scrollIntoViewIfNeeded();
  const layout = await panel.locator('body').evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    width: window.innerWidth,
    right: Array.from(document.querySelectorAll('#dcv-actions button')).map(
      (b) => b.getBoundingClientRect().right,
    ),
  }));
  assert.equal(layout.right.length, 2);
  assert.ok(layout.scrollWidth <= layout.width, `no horizontal scrolling: ${layout.scrollWidth}`);
  for (const right of layout.right) assert.ok(right <= layout.width, `a button at ${right} px`);
  await screenshot(page, 'dcv-panel-320');
});
