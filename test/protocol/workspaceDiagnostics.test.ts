// Every order of the workspace over stdio (issue 10): the server searches the workspace folders
// it is given in `initialize`, publishes each order's diagnostics without it being opened, checks
// again on workspace/didChangeWatchedFiles (an order or a CSR it references), lets an open
// document win, gives the disk's back on close, and clears everything when the setting is off.
// Each test runs twice: diagnostics pushed (a client without pull diagnostics), and pulled as VS
// Code pulls them (textDocument/diagnostic and one held-open workspace/diagnostic).
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { fixture } from '../unit/csr/openssl';
import { LspClient, type Published } from './lspClient';
import { ADDRESS, comodoOrder } from './orders';

const CHANGED = 2;
const DELETED = 3;

/** A complete order whose CSR is `www.csr` beside it, with `fields` over it. */
const order = (fields: Record<string, unknown> = {}) =>
  comodoOrder({ ...ADDRESS, csr: 'file:www.csr', ...fields });

const codes = (p: Published) => p.diagnostics.map((d) => String(d.code)).sort();
const hasCode = (code: string) => (p: Published) => codes(p).includes(code);

for (const pull of [false, true])
  describe(`workspace diagnostics over stdio, ${pull ? 'pulled' : 'pushed'}`, () => {
    let root: string;
    let client: LspClient;
    const file = (name: string) => path.join(root, name);
    const uri = (name: string) => pathToFileURL(file(name)).href;
    const notifyChanged = (changes: { name: string; type: number }[]) =>
      client.connection.sendNotification('workspace/didChangeWatchedFiles', {
        changes: changes.map((c) => ({ uri: uri(c.name), type: c.type })),
      });

    before(async () => {
      root = mkdtempSync(path.join(tmpdir(), 'cert-order-ws-'));
      mkdirSync(file('team/node_modules/pkg'), { recursive: true });
      mkdirSync(file('.git'));
      copyFileSync(fixture('ec-p256.csr'), file('www.csr'));
      copyFileSync(fixture('ec-p256.csr'), file('team/www.csr'));
      writeFileSync(file('clean.order.json'), order());
      writeFileSync(file('mistakes.order.json'), order({ years: '1', serverSoftware: 99 }));
      writeFileSync(file('team/wildcard.order.json'), order({ product: '35', servers: 1 }));
      writeFileSync(file('team/node_modules/pkg/x.order.json'), '{');
      writeFileSync(file('.git/y.order.json'), '{');
      client = await LspClient.startOnFolder(root, { pull });
    });

    after(async () => {
      if (pull) assert.equal(client.pushed, 0, 'a client that pulls is sent no publishDiagnostics');
      await client.stopAndRemove(root);
    });

    it('publishes every order of the folders, unopened, and none under node_modules or .git', async () => {
      assert.deepEqual(codes(await client.waitForDiagnostics(uri('clean.order.json'))), []);
      const mistakes = await client.waitForDiagnostics(uri('mistakes.order.json'));
      assert.deepEqual(codes(mistakes), ['comodo-validity-both', 'value-not-allowed', 'wrong-type']);
      assert.equal(mistakes.version, undefined, 'a disk check has no document version');
      // The wildcard product with a CSR for one name: the CSR rule runs on the referenced file.
      await client.waitForDiagnostics(uri('team/wildcard.order.json'), hasCode('csr-cn-wildcard-required'));
      assert.ok(!client.latest.has(uri('team/node_modules/pkg/x.order.json')));
      assert.ok(!client.latest.has(uri('.git/y.order.json')));
      // The watchers it asked the client for: orders, and the CSR files they may reference.
      const watchers = client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
      assert.deepEqual(
        (watchers?.registerOptions as { watchers: { globPattern: string }[] }).watchers.map(
          (w) => w.globPattern,
        ),
        ['**/*.order.json', '**/*.{csr,pem,der}', '**/*'],
      );
    });

    it('an order changed on disk is checked again; a deleted one is cleared', async () => {
      writeFileSync(file('clean.order.json'), order({ product: '' }));
      await notifyChanged([{ name: 'clean.order.json', type: CHANGED }]);
      await client.waitForDiagnostics(uri('clean.order.json'), hasCode('required-field-empty'));
      rmSync(file('clean.order.json'));
      await notifyChanged([{ name: 'clean.order.json', type: DELETED }]);
      await client.waitForDiagnostics(uri('clean.order.json'), (p) => p.diagnostics.length === 0);
    });

    it('a deleted folder clears the orders that were in it', async () => {
      mkdirSync(file('old'));
      writeFileSync(file('old/gone.order.json'), order({ years: '1' }));
      await notifyChanged([{ name: 'old/gone.order.json', type: 1 }]);
      await client.waitForDiagnostics(uri('old/gone.order.json'), hasCode('wrong-type'));
      rmSync(file('old'), { recursive: true });
      // As VS Code reports it: one event, for the folder.
      await notifyChanged([{ name: 'old', type: DELETED }]);
      await client.waitForDiagnostics(uri('old/gone.order.json'), (p) => p.diagnostics.length === 0);
    });

    it('a created folder is searched: its orders are checked though no event named them', async () => {
      // A file written the moment its folder is made can come before the OS watches the folder:
      // the folder's own creation is then the only event.
      mkdirSync(file('fresh/deeper'), { recursive: true });
      writeFileSync(file('fresh/deeper/new.order.json'), order({ years: '1' }));
      await notifyChanged([{ name: 'fresh', type: 1 }]);
      await client.waitForDiagnostics(uri('fresh/deeper/new.order.json'), hasCode('wrong-type'));
      // A created file that is neither an order nor a folder is nothing to search.
      writeFileSync(file('fresh/notes.txt'), 'x');
      await notifyChanged([{ name: 'fresh/notes.txt', type: 1 }]);
    });

    it('a CSR file that changes checks the orders that reference it again', async () => {
      copyFileSync(fixture('rsa1024-md5.csr'), file('team/www.csr'));
      await notifyChanged([{ name: 'team/www.csr', type: CHANGED }]);
      await client.waitForDiagnostics(uri('team/wildcard.order.json'), hasCode('csr-unsupported-key-size'));
    });

    it('an open order wins over the disk, and gets the disk diagnostics back when closed', async () => {
      const opened = await client.open(uri('mistakes.order.json'), order());
      assert.deepEqual(codes(opened), []);
      // A change on disk while it is open does not replace the editor's diagnostics.
      writeFileSync(file('mistakes.order.json'), order({ years: '2' }));
      await notifyChanged([{ name: 'mistakes.order.json', type: CHANGED }]);
      const edited = await client.change(uri('mistakes.order.json'), order({ serverSoftware: 99 }), 2);
      assert.deepEqual(codes(edited), ['value-not-allowed']);
      assert.deepEqual(codes(client.latest.get(uri('mistakes.order.json'))!), ['value-not-allowed']);
      // Closed: what is on disk (a report without a version) is what the Problems panel shows.
      const closed = await client.close(uri('mistakes.order.json'), (p) => p.version === undefined);
      assert.deepEqual(codes(closed), ['comodo-validity-both', 'wrong-type']);
    });

    it('an order under node_modules, opened then closed, is cleared (it is not searched there)', async () => {
      const ignored = uri('team/node_modules/pkg/x.order.json');
      assert.notDeepEqual(codes(await client.open(ignored, order({ years: '1' }))), []);
      assert.deepEqual(codes(await client.close(ignored)), []);
    });

    it('an order opened from outside the folders is cleared when closed', async () => {
      const outside = pathToFileURL(path.join(tmpdir(), 'elsewhere.order.json')).href;
      await client.open(outside, order({ years: '1' }));
      assert.deepEqual(codes(await client.close(outside)), []);
    });

    it(
      'an order closed with unsaved edits and deleted before its disk check is cleared',
      { timeout: 20_000 },
      async () => {
        writeFileSync(file('brief.order.json'), order());
        await notifyChanged([{ name: 'brief.order.json', type: 1 }]);
        await client.waitForDiagnostics(uri('brief.order.json'), (p) => p.version === undefined);
        await client.open(uri('brief.order.json'), order({ years: '1' }));
        // Deleted the moment it closes: the editor's problems must not outlive the file.
        const closing = client.close(uri('brief.order.json'));
        rmSync(file('brief.order.json'));
        await notifyChanged([{ name: 'brief.order.json', type: DELETED }]);
        await closing;
        await client.waitForDiagnostics(uri('brief.order.json'), (p) => p.diagnostics.length === 0);
        // Once an order written after it is checked, the deleted one is settled for good.
        writeFileSync(file('after.order.json'), order({ years: '1' }));
        await notifyChanged([{ name: 'after.order.json', type: 1 }]);
        await client.waitForDiagnostics(uri('after.order.json'), hasCode('wrong-type'));
        assert.deepEqual(codes(client.latest.get(uri('brief.order.json'))!), []);
      },
    );

    it('a settings change checks the unopened orders again', async () => {
      // The CSR beside the root orders is EC P-256: the Comodo document's key policy refuses it.
      client.settings = { diagnostics: { workspace: true }, csr: { keyPolicy: 'document' } };
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await client.waitForDiagnostics(uri('after.order.json'), hasCode('csr-unsupported-key-algorithm'));
      client.settings = { diagnostics: { workspace: true } };
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await client.waitForDiagnostics(
        uri('after.order.json'),
        (p) => !hasCode('csr-unsupported-key-algorithm')(p),
      );
    });

    it('certOrder.diagnostics.workspace off clears the disk diagnostics; on brings them back', async () => {
      client.settings = { diagnostics: { workspace: false } };
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await client.waitForDiagnostics(uri('team/wildcard.order.json'), (p) => p.diagnostics.length === 0);
      await client.waitForDiagnostics(uri('mistakes.order.json'), (p) => p.diagnostics.length === 0);
      assert.ok(client.sections.includes('certOrder.diagnostics'));
      client.settings = { diagnostics: { workspace: true } };
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await client.waitForDiagnostics(uri('mistakes.order.json'), hasCode('wrong-type'));
    });

    it("a folder taken out of the workspace takes its orders' problems; put back, they return", async () => {
      const folder = pathToFileURL(root).href;
      await client.waitForDiagnostics(uri('mistakes.order.json'), hasCode('wrong-type'));
      await client.changeFolders([], [folder]);
      await client.waitForDiagnostics(uri('mistakes.order.json'), (p) => p.diagnostics.length === 0);
      await client.waitForDiagnostics(uri('team/wildcard.order.json'), (p) => p.diagnostics.length === 0);
      await client.changeFolders([folder], []);
      await client.waitForDiagnostics(uri('mistakes.order.json'), hasCode('wrong-type'));
    });
  });
