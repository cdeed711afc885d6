// "Create DCV File…" and "Copy DNS Record" in VS Code, after a demo submission to the sandbox (the
// panel's record) and from the active order: the file written under the web root, the web root
// remembered, a different file not replaced unless the answer says so, the clipboard's lines.
// The expected values are computed here with node:crypto over the example CSR's DER.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { closeAllEditors, demoUrlsToUserSettings, exampleUri, openExample } from './helpers';

interface DcvResult {
  status: string;
  message: string;
  file?: string;
  webRoot?: string;
  text?: string;
}

const pem = readFileSync(exampleUri('www.example.com.csr').fsPath, 'utf8');
const der = Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
const md5 = createHash('md5').update(der).digest('hex');
const sha256 = createHash('sha256').update(der).digest('hex');
const relative = path.join('.well-known', 'pki-validation', `${md5.toUpperCase()}.txt`);
const content = `${sha256.toUpperCase()}\nsectigo.com`;
const target = `${sha256.slice(0, 32)}.${sha256.slice(32)}.sectigo.com.`;

const run = (command: string, ...args: unknown[]) =>
  vscode.commands.executeCommand<DcvResult>(command, ...args);

suite('DCV file and DNS record', function () {
  let restore: (() => Promise<void>) | undefined;
  suiteSetup(async function () {
    if (!process.env.CERT_ORDER_VSCODE_SANDBOX) this.skip();
    restore = await demoUrlsToUserSettings();
    const { document } = await openExample('comodo-autoapplyssl.order.json');
    const sent = await vscode.commands.executeCommand<{ outcome?: string }>(
      'certOrder.submitToDemo',
      document.uri,
      { interactive: false },
    );
    assert.equal(sent.outcome, 'success', JSON.stringify(sent));
  });
  suiteTeardown(async () => {
    await restore?.();
    await closeAllEditors();
  });

  test('from the panel: writes <MD5>.txt under the web root, then says it is already there (root remembered)', async () => {
    const webRoot = mkdtempSync(path.join(tmpdir(), 'dcv-root-'));
    const first = await run('certOrder.createDcvFile', { source: 'panel', webRoot });
    assert.equal(first.status, 'written', first.message);
    assert.equal(first.file, path.join(webRoot, relative));
    assert.equal(readFileSync(path.join(webRoot, relative), 'utf8'), content);
    assert.match(
      first.message,
      /same file serves every domain of this CSR \(www\.example\.com, example\.com\)/,
    );
    assert.match(first.message, /older Sectigo\/Comodo documents use SHA-1 and comodoca\.com/);
    const again = await run('certOrder.createDcvFile', { source: 'panel', reuseWebRoot: true });
    assert.equal(again.status, 'same', again.message);
    assert.equal(again.webRoot, webRoot, 'the remembered web root');
    assert.match(again.message, /already there/);
  });

  test('a different file at that place is kept unless the answer is yes', async () => {
    const webRoot = mkdtempSync(path.join(tmpdir(), 'dcv-root-'));
    const file = path.join(webRoot, relative);
    assert.equal((await run('certOrder.createDcvFile', { source: 'panel', webRoot })).status, 'written');
    writeFileSync(file, 'another site\n');
    const kept = await run('certOrder.createDcvFile', {
      source: 'panel',
      reuseWebRoot: true,
      replace: false,
    });
    assert.equal(kept.status, 'kept', kept.message);
    assert.equal(readFileSync(file, 'utf8'), 'another site\n');
    const replaced = await run('certOrder.createDcvFile', {
      source: 'panel',
      reuseWebRoot: true,
      replace: true,
    });
    assert.equal(replaced.status, 'replaced', replaced.message);
    assert.equal(readFileSync(file, 'utf8'), content);
  });

  test('Copy DNS Record: one zone-file CNAME line per domain on the clipboard', async () => {
    await vscode.env.clipboard.writeText('');
    const copied = await run('certOrder.copyDnsRecord', { source: 'panel' });
    assert.equal(copied.status, 'copied', copied.message);
    const expected = `_${md5}.www.example.com. 3600 IN CNAME ${target}\n_${md5}.example.com. 3600 IN CNAME ${target}\n`;
    assert.equal(await vscode.env.clipboard.readText(), expected);
    assert.match(copied.message, /2 DNS records, one per domain/);
    assert.match(copied.message, /comodoca\.com/, 'the caveat');
  });

  test('from the active order; an S/MIME order has none', async () => {
    const { document } = await openExample('comodo-autoapplyssl.order.json');
    const webRoot = mkdtempSync(path.join(tmpdir(), 'dcv-root-'));
    const written = await run('certOrder.createDcvFile', document.uri, { webRoot });
    assert.equal(written.status, 'written', written.message);
    assert.equal(readFileSync(path.join(webRoot, relative), 'utf8'), content);
    const smime = await openExample('ssl2buy-sectigo-pac-enterprise.order.json');
    const refused = await run('certOrder.copyDnsRecord', smime.document.uri);
    assert.equal(refused.status, 'unavailable');
    assert.match(refused.message, /S\/MIME/);
  });
});
