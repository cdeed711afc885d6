// "Decode CSR" in VS Code: the command opens its report in a new editor tab, for a `.csr` file and
// for a CSR selected in an order. The test checks the subject, attribute by attribute in order with
// its OID, and the SHA-256 of the DER bytes, which it computes itself from the PEM.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as vscode from 'vscode';
import { closeAllEditors, openExample, waitFor } from './helpers';

type DecodeResult =
  { ok: true; title: string; text: string; commonName?: string } | { ok: false; message: string };

const REPORT_SCHEME = 'cert-order-decode';

/** SHA-256 of the DER bytes of the PEM (or bare base64) in `text`, lower-case hex. */
function sha256OfPem(text: string): string {
  const base64 = text.replace(/-----[^-]+-----/g, '').replace(/\\n|\s+/g, '');
  return createHash('sha256').update(Buffer.from(base64, 'base64')).digest('hex');
}

/** Runs the command and returns its result and the read-only report tab it opened. */
async function decode(...args: unknown[]): Promise<{ result: DecodeResult; report: vscode.TextDocument }> {
  const before = new Set(vscode.workspace.textDocuments.filter((d) => d.uri.scheme === REPORT_SCHEME));
  const result = await vscode.commands.executeCommand<DecodeResult>('certOrder.decodeCsr', ...args);
  assert.ok(result?.ok, `Decode CSR failed: ${JSON.stringify(result)}`);
  const report = await waitFor(
    () =>
      vscode.window.visibleTextEditors.find(
        (e) => e.document.uri.scheme === REPORT_SCHEME && !before.has(e.document),
      )?.document,
    'the report tab',
  );
  return { result, report };
}

/** The subject lines of the report, `C 2.5.4.6 DE`, in order. */
function subjectRows(report: string): string[] {
  const block = /^Subject\n-+\n([\s\S]*?)\n\n/m.exec(report)?.[1] ?? '';
  return block.split('\n').map((line) => {
    const [, name, oid, , value] = /^\s*\d+\.\s+(\S+)\s+(\S+)\s+(\S+)\s+(.*)$/.exec(line) ?? [];
    return `${name} ${oid} ${value}`;
  });
}

suite('Decode CSR command', () => {
  setup(closeAllEditors);
  suiteTeardown(closeAllEditors);

  test('Decode CSR on a .csr file opens a report tab with its subject and SHA-256', async () => {
    const { document } = await openExample('www.example.com-ec-p256.csr');
    const { result, report } = await decode();
    assert.ok(result.ok);
    const text = report.getText();
    assert.equal(text, result.text);
    assert.match(text, /^Decoded CSR: www\.example\.com-ec-p256\.csr$/m);
    assert.deepEqual(subjectRows(text), [
      'C 2.5.4.6 US',
      'O 2.5.4.10 Example Inc',
      'CN 2.5.4.3 www.example.com',
    ]);
    assert.match(text, /EC P-256/);
    assert.match(text, /verifies with the public key/);
    assert.match(text, new RegExp(`^SHA-256\\s+${sha256OfPem(document.getText())}$`, 'm'));
    assert.equal(report.languageId, 'plaintext');
    // Named after the CN, not untitled, on a read-only file system: the editor takes no typing and
    // closing it asks nothing.
    assert.equal(result.commonName, 'www.example.com');
    assert.match(report.uri.path, /^\/www\.example\.com \(decoded\)\.txt$/);
    assert.equal(report.isUntitled, false);
    assert.equal(vscode.workspace.fs.isWritableFileSystem(REPORT_SCHEME), false);
    assert.equal(report.isDirty, false);
    assert.equal(report.getText(), result.text);
    // A second decode of the same CSR is a second tab; the first keeps its text.
    const second = await decode(document.uri);
    assert.notEqual(second.report.uri.toString(), report.uri.toString());
    assert.equal(report.getText(), result.text);
  });

  test('Decode CSR on a CSR selected in an order decodes the selection', async () => {
    const editor = await openExample('comodo-inline-csr.order.json');
    const doc = editor.document;
    const all = doc.getText();
    const start = all.indexOf('-----BEGIN');
    const endMarker = '-----END CERTIFICATE REQUEST-----';
    const end = all.indexOf(endMarker, start) + endMarker.length;
    assert.ok(start > 0 && end > start, 'the inline example holds a PEM CSR');
    editor.selection = new vscode.Selection(doc.positionAt(start), doc.positionAt(end));
    const { result, report } = await decode();
    assert.ok(result.ok);
    assert.match(result.title, /selection/);
    const text = report.getText();
    const rows = subjectRows(text);
    assert.ok(
      rows.some((r) => /^CN 2\.5\.4\.3 \S+/.test(r)),
      rows.join('\n'),
    );
    assert.match(text, new RegExp(`^SHA-256\\s+${sha256OfPem(all.slice(start, end))}$`, 'm'));
  });
});
