// Browser check of "Create Key and CSR for This Order…" as a user runs it: from the palette, Enter
// on the key type and the names (the CN is the order's file name), the two subject fields a Comodo
// order cannot give (O, C) typed in, Enter on the key path and an empty passphrase; then the CSR
// file is on disk, the key beside it with mode 0600, and the order in the editor points at the CSR.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { screenshot } from '../support/editorSession';
import { openFile, openWorkbench, runCommand, type Workbench } from './workbench';

const ORDER = `{
  "$api": "comodo-autoapplyssl",
  "product": "24",
  "years": 1,
  "serverSoftware": 2,
  "csr": "",
  "streetAddress1": "100 Example Avenue",
  "localityName": "Mountain View",
  "stateOrProvinceName": "California",
  "postalCode": "94043",
  "isCustomerValidated": "N"
}
`;

let wb: Workbench;

before(
  async () => {
    wb = await openWorkbench({ files: { 'shop.example.com.order.json': ORDER } });
  },
  { timeout: 180_000 },
);

after(async () => {
  await wb?.close();
});

/** Waits for the quick input whose title holds `title`, then presses Enter. */
async function enterOn(page: Page, title: string): Promise<void> {
  await page.locator('.quick-input-widget:visible', { hasText: title }).waitFor();
  await page.keyboard.press('Enter');
}

/** In the subject list: down to the row of `attribute` (e.g. `O:`), its new value, back to the list. */
async function setField(page: Page, attribute: string, value: string): Promise<void> {
  await page.locator('.quick-input-widget:visible', { hasText: 'subject' }).waitFor();
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Continue' }).waitFor();
  const focused = page.locator('.quick-input-list .monaco-list-row.focused');
  for (let i = 0; i < 12 && !(await focused.innerText()).trim().startsWith(attribute); i++) {
    await page.keyboard.press('ArrowDown');
    await focused.waitFor();
  }
  assert.ok((await focused.innerText()).trim().startsWith(attribute), `no row ${attribute}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget:visible', { hasText: 'Empty leaves the field out' }).waitFor();
  await page.keyboard.type(value);
  await page.keyboard.press('Enter');
}

test(
  'Create Key and CSR from the palette: Enter through the questions, the CSR written and the order pointing at it',
  { timeout: 150_000 },
  async () => {
    const { page } = wb;
    await openFile(page, 'shop.example.com.order.json');
    // The order has no CSR yet: a code lens offers the command on its CSR field.
    await page.locator('.codelens-decoration', { hasText: 'Create Key and CSR' }).waitFor();
    await runCommand(page, 'Certificate Orders: Create Key and CSR for This Order…');
    await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'EC P-256' }).waitFor();
    await screenshot(page, 'create-csr-key-type');
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () =>
        document.querySelector<HTMLInputElement>('.quick-input-widget input')?.value === 'shop.example.com',
    );
    await enterOn(page, 'common name');
    await enterOn(page, 'further DNS names');
    // The subject list says at once what the order's rules miss: O and C, which no Comodo field gives.
    // It is a row of its own, under Continue, and picking it shows the whole message.
    const problem = page.locator('.quick-input-list .monaco-list-row', { hasText: 'no Organization Name' });
    await problem.waitFor();
    await screenshot(page, 'create-csr-subject');
    await problem.click();
    const whole = page.locator('.monaco-dialog-box', { hasText: 'Organization' });
    await whole.waitFor();
    await whole.getByRole('button', { name: 'OK' }).click();
    await setField(page, 'O:', 'Example Inc');
    await setField(page, 'C:', 'us');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'C: US' }).waitFor();
    await page.keyboard.press('Enter');
    await enterOn(page, 'where the private key goes');
    await enterOn(page, 'passphrase');
    const done = page.locator('.notification-toast', { hasText: 'Created shop.example.com.csr' });
    await done.waitFor({ timeout: 60_000 });
    await page
      .locator('.monaco-editor .view-lines', { hasText: 'file:shop.example.com.csr' })
      .first()
      .waitFor();
    // The code lens offered while the order had no CSR goes once the file is there.
    await page
      .locator('.codelens-decoration', { hasText: 'Create Key and CSR' })
      .waitFor({ state: 'detached' });
    await screenshot(page, 'create-csr-done');
    const csr = path.join(wb.session.workspace, 'shop.example.com.csr');
    const key = path.join(wb.session.workspace, 'shop.example.com.key');
    assert.match(readFileSync(csr, 'utf8'), /^-----BEGIN CERTIFICATE REQUEST-----/);
    assert.ok(existsSync(key));
    assert.equal(statSync(key).mode & 0o777, 0o600);
    assert.match(await done.innerText(), /has no problems/);
    await done.locator('.monaco-button', { hasText: 'Open CSR' }).click();
    await page.locator('.tab.active[aria-label^="shop.example.com.csr"]').waitFor();
  },
);
