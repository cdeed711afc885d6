// Browser check: after a demo submission to the sandbox, the panel's "Create DCV File…" and "Copy
// DNS Record" buttons beside the convention, and at 320 px both in view. (Clicking through VS
// Code's folder dialog is not checked here yet; the in-editor suite checks the command's writes.)
import * as assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { screenshot } from '../support/editorSession';
import { openFile, openWorkbench, panelFrame, panelLayoutAt, runCommand, type Workbench } from './workbench';

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
    const panel = panelFrame(page);
    await panel.locator('#create-dcv-file').waitFor({ timeout: 60_000 });
    assert.match((await panel.locator('#dcv-convention').textContent()) ?? '', /comodoca\.com/);

    assert.ok(await panel.locator('#copy-dns-record').isVisible());
    await screenshot(page, 'dcv-panel');
  },
);

test('at 320 px both buttons and the convention stay in view', { timeout: 60_000 }, async () => {
  const { page } = wb;
  await panelFrame(page).locator('#dcv-actions').waitFor();
  const layout = await panelLayoutAt(page, 320, '#dcv-actions button', '#dcv-actions');
  assert.equal(layout.rights.length, 2);
  assert.ok(layout.scrollWidth <= layout.width, `no horizontal scrolling: ${layout.scrollWidth}`);
  for (const right of layout.rights) assert.ok(right <= layout.width, `a button at ${right} px`);
  await screenshot(page, 'dcv-panel-320');
});
