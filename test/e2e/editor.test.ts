// Browser checks: the installed VSIX in code-server, seen and driven through Chromium.
import * as assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { screenshot } from '../support/editorSession';
import { openFile, openWorkbench, type Workbench } from './workbench';

let wb: Workbench;

before(async () => {
  wb = await openWorkbench({ files: { 'scratch/e2e.order.json': '{\n  "api": ""\n}\n' } });
});

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
