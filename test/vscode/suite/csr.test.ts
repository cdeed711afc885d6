// CSR decode in VS Code: hover over an order's CSR (here a `file:` reference) and over a .csr
// file shows the verdict, CN and the SHA-256 (which the test computes itself from the file), and
// its links run the full decode and copy the SHA-256.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { closeAllEditors, exampleUri, openExample, positionOf, waitFor } from './helpers';

/** SHA-256 of the CSR's DER bytes, lower-case hex. */
function csrSha256(name: string): string {
  const pem = readFileSync(exampleUri(name).fsPath, 'utf8');
  const base64 = pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
  return createHash('sha256').update(Buffer.from(base64, 'base64')).digest('hex');
}

/** The hover text at a position, once the server has one (it decodes the CSR first). */
async function hoverText(uri: vscode.Uri, at: vscode.Position): Promise<string> {
  return waitFor(async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      uri,
      at,
    );
    const text = hovers
      .flatMap((h) => h.contents)
      .map((c) => (typeof c === 'string' ? c : c.value))
      .join('\n')
      // Markdown escapes (`SHA\-256`) are not part of what the reader sees.
      .replace(/\\(.)/g, '$1');
    return text.includes('www.example.com') ? text : undefined;
  }, 'a hover naming the CSR subject');
}

/** The short hover: the CA's verdict first, then CN, key and signature, SHA-256. */
function assertSummary(text: string, sha256: string): void {
  assert.match(text, /^\*\*✓ /, `the verdict first:\n${text}`);
  assert.match(text, /\*\*CN\*\* www\.example\.com/);
  assert.match(text, /\*\*Key\*\* RSA 2048-bit ✓/);
  assert.match(text, /SHA-256/);
  assert.ok(text.replace(/[:\s]/g, '').toLowerCase().includes(sha256), `SHA-256 ${sha256} in:\n${text}`);
}

/** The hover's command links, `[title](command:id?args)`, as VS Code would run them. */
function commandLinks(markdown: string): Map<string, { command: string; args: unknown[] }> {
  const out = new Map<string, { command: string; args: unknown[] }>();
  for (const m of markdown.matchAll(/\[([^\]]*)\]\(command:([\w.]+)\?([^ )]*)/g))
    out.set(m[1], { command: m[2], args: JSON.parse(decodeURIComponent(m[3])) as unknown[] });
  return out;
}

suite('CSR', () => {
  suiteTeardown(closeAllEditors);

  test("hover over an order's CSR reference: the verdict first, CN, key and SHA-256", async () => {
    const { document } = await openExample('comodo-autoapplyssl.order.json');
    const text = await hoverText(document.uri, positionOf(document, 'file:www.example.com.csr', 8));
    assertSummary(text, csrSha256('www.example.com.csr'));
  });

  test('the hover\'s links: "Open full decode" decodes this CSR, "Copy SHA-256" copies it', async () => {
    const { document } = await openExample('comodo-autoapplyssl.order.json');
    const at = positionOf(document, 'file:www.example.com.csr', 8);
    await hoverText(document.uri, at);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      document.uri,
      at,
    );
    const markdown = hovers
      .flatMap((h) => h.contents)
      .find((c): c is vscode.MarkdownString => typeof c !== 'string' && /command:/.test(c.value));
    assert.ok(markdown, 'a hover with command links');
    const links = commandLinks(markdown.value);
    assert.deepEqual([...links.keys()], ['Open full decode', 'Copy SHA-256']);
    const sha256 = csrSha256('www.example.com.csr');
    const copy = links.get('Copy SHA-256')!;
    await vscode.env.clipboard.writeText('');
    assert.equal(await vscode.commands.executeCommand(copy.command, ...copy.args), true);
    assert.equal(await vscode.env.clipboard.readText(), sha256);
    const open = links.get('Open full decode')!;
    const result = await vscode.commands.executeCommand<{ ok: boolean; title?: string; text?: string }>(
      open.command,
      ...open.args,
    );
    assert.ok(result?.ok, JSON.stringify(result));
    assert.match(result.title ?? '', /www\.example\.com\.csr.*comodo-autoapplyssl\.order\.json/);
    assert.ok(result.text?.replace(/[:\s]/g, '').toLowerCase().includes(sha256));
  });

  test('"Decode CSR" on an order opens the report of its CSR in a new tab', async () => {
    const { document } = await openExample('comodo-wildcard.order.json');
    const result = await vscode.commands.executeCommand<{ ok: boolean; text?: string }>(
      'certOrder.decodeCsr',
    );
    assert.ok(result?.ok, JSON.stringify(result));
    const report = await waitFor(
      () =>
        vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === 'cert-order-decode')?.document,
      'the report tab',
    );
    assert.equal(report.getText(), result.text);
    const csrFile = /"file:([^"]+)"/.exec(document.getText())?.[1];
    assert.ok(csrFile, 'the wildcard example references its CSR file');
    assert.ok(
      report.getText().replace(/[:\s]/g, '').toLowerCase().includes(csrSha256(csrFile)),
      "the report gives the CSR file's SHA-256",
    );
  });

  test('hover in a .csr file: the verdict first, CN, key and SHA-256', async () => {
    const { document } = await openExample('www.example.com.csr');
    assert.equal(document.languageId, 'cert-csr');
    const text = await hoverText(document.uri, new vscode.Position(1, 5));
    assertSummary(text, csrSha256('www.example.com.csr'));
  });
});
