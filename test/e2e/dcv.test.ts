// Browser check: after a demo submission to the sandbox, the panel's "Create DCV File…" and "Copy
// DNS Record" buttons beside the convention, and at 320 px both in view. (Clicking through
// code-server's folder dialog is not checked here: the in-editor suite checks the command's writes.)
import * as assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { screenshot } from '../support/editorSession';
import { openWorkbench, panelFrame, panelLayoutAt, submitToSandbox, type Workbench } from './workbench';

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
    await submitToSandbox(page, 'comodo-autoapplyssl.order.json');
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
