// Browser check: after a demo submission to the sandbox, the panel's "Create DCV File…" and "Copy
// DNS Record" buttons beside the convention, at 320 px both in view, and Create DCV File… through
// code-server's folder dialog to the file written under the web root typed there.
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { screenshot } from '../support/editorSession';
import {
  openWorkbench,
  panelFrame,
  panelLayoutAt,
  submitToSandbox,
  waitUntil,
  type Workbench,
} from './workbench';

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

test(
  'Create DCV File…: the folder dialog, a web root typed and accepted, the file written there',
  { timeout: 120_000 },
  async () => {
    const { page } = wb;
    const webRoot = path.join(wb.session.workspace, 'public');
    mkdirSync(webRoot, { recursive: true });
    await panelFrame(page).locator('#create-dcv-file').click();
    // code-server's own folder dialog: a quick input holding a path.
    const dialog = page.locator('.quick-input-widget:visible', { hasText: 'web root' });
    await dialog.waitFor({ timeout: 60_000 });
    const input = dialog.locator('input');
    await input.fill(`${webRoot}/`);
    await page.locator('.quick-input-list .monaco-list-row').first().waitFor();
    await screenshot(page, 'dcv-web-root');
    await dialog.getByRole('button', { name: 'Use as Web Root' }).click();
    const done = page.locator('.notification-toast', { hasText: 'pki-validation' });
    await done.waitFor({ timeout: 60_000 });
    const folder = path.join(webRoot, '.well-known', 'pki-validation');
    await waitUntil(() => existsSync(folder) && readdirSync(folder).length === 1);
    const [name] = readdirSync(folder);
    assert.match(name ?? '', /^[0-9A-F]{32}\.txt$/);
    const content = readFileSync(path.join(folder, name!), 'utf8');
    assert.match(content, /^[0-9A-F]{64}\r?\n(sectigo|comodoca)\.com/);
    assert.match((await done.innerText()) ?? '', new RegExp(name!.replace('.', '\\.')));
  },
);
