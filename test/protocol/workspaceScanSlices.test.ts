// Workspace diagnostics keep the editor answered (issue 10, "work in slices, the open document
// first"): while a folder of many orders is being checked, an open order's didChange is answered
// before the scan ends, and the scan still reaches every order. Order of events only, no timing:
// the bench (workspace.bench.ts) measures how fast.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { fixture } from '../unit/csr/openssl';
import { LspClient } from './lspClient';
import { ADDRESS, comodoOrder } from './orders';

const ORDERS = 600;

describe('workspace diagnostics in slices', () => {
  let root: string;
  let client: LspClient;
  const uris: string[] = [];

  before(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'cert-order-slices-'));
    for (let i = 0; i < ORDERS; i++) {
      const folder = path.join(root, `batch-${Math.floor(i / 100)}`);
      if (i % 100 === 0) {
        mkdirSync(folder);
        copyFileSync(fixture('ec-p256.csr'), path.join(folder, 'www.csr'));
      }
      const file = path.join(folder, `order-${i}.order.json`);
      // Every other order with a mistake, so that the disk diagnostics are not all empty.
      writeFileSync(file, comodoOrder({ ...ADDRESS, csr: 'file:www.csr', ...(i % 2 ? { years: '1' } : {}) }));
      uris.push(pathToFileURL(file).href);
    }
    client = await LspClient.startOnFolder(root);
  });

  after(() => client.stopAndRemove(root));

  it("answers an open order's didChange while the folder is checked, then reaches every order", async () => {
    const disk = () => uris.filter((u) => client.latest.has(u)).length;
    const open = pathToFileURL(path.join(root, 'open.order.json')).href;
    const text = comodoOrder({ ...ADDRESS, csr: 'file:batch-0/www.csr' });
    // The scan has started: one order of the folder is published.
    await client.waitForDiagnostics(uris[0]);
    await client.open(open, text, 1);
    const changed = await client.change(open, text.replace('"days": 365', '"days": "365"'), 2);
    const seenWhenAnswered = disk();
    assert.ok(
      changed.diagnostics.some((d) => d.code === 'wrong-type'),
      JSON.stringify(changed.diagnostics.map((d) => d.code)),
    );
    assert.ok(
      seenWhenAnswered < ORDERS,
      `the didChange was answered only after all ${ORDERS} orders of the folder were checked`,
    );
    // And the scan goes on to the end: every order, with its own diagnostics.
    for (const [i, uri] of uris.entries()) {
      const p = await client.waitForDiagnostics(uri);
      assert.equal(
        p.diagnostics.some((d) => d.code === 'wrong-type'),
        i % 2 === 1,
        uri,
      );
    }
  });
});
