// Browser check: on a fresh profile (as `npm start` has the first time, and a user after installing
// the VSIX), VS Code opens the extension's Getting Started walkthrough by itself.
import { after, before, test } from 'node:test';
import { screenshot } from '../support/editorSession';
import { openWorkbench, type Workbench } from './workbench';

let wb: Workbench;

before(
  async () => {
    wb = await openWorkbench({ userSettings: { 'workbench.welcomePage.walkthroughs.openOnInstall': true } });
  },
  { timeout: 180_000 },
);

after(async () => {
  await wb?.close();
});

test(
  'the Getting Started walkthrough opens on a fresh profile, its four steps listed',
  { timeout: 120_000 },
  async () => {
    const { page } = wb;
    await page.locator('.tab[aria-label*="Walkthrough: Certificate Orders"]').waitFor({ timeout: 60_000 });
    for (const step of [
      'Write an order',
      'Look inside the CSR',
      'Send it to the demo endpoint',
      'See what was sent',
    ])
      await page.locator('.getting-started-step', { hasText: step }).first().waitFor();
    await screenshot(page, 'walkthrough');
  },
);
