import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RECORD_FORMAT, type SubmissionRecord } from '../../../common/src/protocol';
import { escapeHtml, fieldId, renderSubmissionHtml } from '../../../client/src/panel/html';

const base: SubmissionRecord = {
  format: RECORD_FORMAT,
  id: 'lxyz-abc123',
  apiId: 'ssl2buy-sectigo-pac-enterprise',
  apiTitle: 'SSL2Buy Sectigo PAC Enterprise (S/MIME)',
  environment: 'demo',
  endpoint:
    'https://demo-api.ssl2buy.com/queryservice/ComodoFullOrder/SectigoPersonalAuthenticationEnterprise',
  orderFile: '/work/a.order.json',
  startedAt: '2024-05-01T10:00:00.000Z',
  durationMs: 42,
  request: {
    url: 'https://demo-api.ssl2buy.com/x',
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"PartnerEmail":"a@b","ApiKey":"********"}',
  },
};
const opts = { nonce: 'N0nce', cspSource: 'https://webview.example' };

describe('renderSubmissionHtml', () => {
  it('has a strict CSP: nothing by default, scripts and styles only with the nonce', () => {
    const html = renderSubmissionHtml(base, opts);
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'nonce-N0nce'/);
    assert.match(csp, /style-src https:\/\/webview\.example 'nonce-N0nce'/);
    const scripts = html.match(/<script[^>]*>/g) ?? [];
    assert.deepEqual(scripts, ['<script nonce="N0nce">']);
    assert.equal(/ on[a-z]+=/i.test(html), false, 'no inline event handlers');
  });

  it('escapes every value from a response: a <script> in a field and in the raw body shows as text', () => {
    const evil = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const html = renderSubmissionHtml(
      {
        ...base,
        response: {
          status: 200,
          headers: { 'content-type': 'application/json', 'x-evil': evil },
          body: evil,
        },
        parsed: {
          kind: 'error',
          statusCode: -1,
          statusMeaning: 'There is an Error in Response.',
          message: evil,
          fields: [
            { name: 'APIError.ErrorMessage', label: 'Description of errors', value: evil },
            { name: `"><b>${evil}`, label: evil, value: evil, meaning: evil, copy: true },
          ],
          fieldError: { field: evil, message: evil },
        },
      },
      opts,
    );
    assert.equal(html.includes('<script>alert'), false);
    assert.equal(html.includes('<img'), false);
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.equal((html.match(/<script/g) ?? []).length, 1);
  });

  it('labels each field, gives order numbers and validation values copy buttons and stable ids', () => {
    const html = renderSubmissionHtml(
      {
        ...base,
        parsed: {
          kind: 'success',
          statusCode: 0,
          statusMeaning: 'Method is executed successfully.',
          orderNumber: '1234567',
          fields: [
            { name: 'StatusCode', label: 'Status Code of Response', value: '0' },
            { name: 'SSL2BuyOrderNumber', label: 'SSL2Buy Order number', value: '1234567', copy: true },
          ],
          hashes: { md5: 'FFFF' },
        },
        dcv: {
          convention: 'Sectigo hash-based DCV',
          domain: 'example.com',
          csrHashes: { md5: 'aaaa', sha1: 'bbbb', sha256: 'cccc' },
          fromCsr: {
            basis: 'the CSR',
            filePath: 'http://example.com/.well-known/pki-validation/AAAA.txt',
            fileContent: 'CCCC\nsectigo.com',
            cnameHost: '_aaaa.example.com',
            cnameTarget: 'cc.cc.sectigo.com',
          },
        },
      },
      opts,
    );
    assert.match(html, /<h1 id="summary" class="outcome-success">/);
    assert.match(
      html,
      /id="order-number" class="value">1234567<\/code> <button class="copy" type="button" data-copy-target="order-number"/,
    );
    assert.match(html, /<tr data-field="SSL2BuyOrderNumber"><th>SSL2Buy Order number<\/th>/);
    assert.match(html, /data-copy-target="field-SSL2BuyOrderNumber"/);
    assert.match(html, /id="dcv-csr-file-content" class="value">CCCC\nsectigo.com<\/pre>/);
    assert.match(html, /data-copy-target="dcv-csr-cname-target"/);
    assert.match(html, /id="dcv-mismatch"/);
    for (const id of [
      'endpoint',
      'environment',
      'time',
      'duration',
      'request-body',
      'response-none',
      'record-id',
    ])
      assert.match(html, new RegExp(`id="${id}"`), id);
    assert.equal(fieldId('APIError.ErrorField'), 'field-APIError-ErrorField');
  });

  it("labels which DCV values to publish: the CA's, the CSR's folded as reference; the CSR's when the CA gave none", () => {
    const values = (basis: string, v: string) => ({
      basis,
      filePath: `http://example.com/.well-known/pki-validation/${v}.txt`,
      fileContent: `${v}\nsectigo.com`,
      cnameHost: `_${v}.example.com`,
      cnameTarget: `${v}.sectigo.com`,
    });
    const success = {
      kind: 'success' as const,
      statusCode: 0,
      statusMeaning: 'ok',
      orderNumber: '1',
      fields: [],
    };
    const both = renderSubmissionHtml(
      {
        ...base,
        parsed: success,
        dcv: {
          convention: 'c',
          domain: 'example.com',
          fromResponse: values('the MD5 and SHA-1 the CA returned', 'CA'),
          fromCsr: values('the CSR', 'CSR'),
        },
      },
      opts,
    );
    assert.match(
      both,
      /<section id="dcv-from-response" class="dcv-set dcv-publish">\s*<h3>Publish these: the values the CA returned<\/h3>/,
    );
    assert.match(
      both,
      /<details id="dcv-from-csr" class="dcv-set dcv-reference">\s*<summary>For reference only, do not publish: [^<]*<\/summary>/,
    );
    assert.ok(both.indexOf('dcv-from-response') < both.indexOf('dcv-from-csr'), "the CA's first");
    const csrOnly = renderSubmissionHtml(
      { ...base, parsed: success, dcv: { convention: 'c', fromCsr: values('the CSR', 'CSR') } },
      opts,
    );
    assert.match(
      csrOnly,
      /<section id="dcv-from-csr" class="dcv-set dcv-publish">\s*<h3>Publish these: the values computed from the CSR<\/h3>/,
    );
    assert.doesNotMatch(csrOnly, /<details/);
  });

  it('shows a lost answer as "may have been placed", and an empty panel without a record', () => {
    const html = renderSubmissionHtml(
      { ...base, failure: { kind: 'maybe-sent', code: 'UND_ERR_HEADERS_TIMEOUT', message: 'Timed out' } },
      opts,
    );
    assert.match(html, /class="outcome-maybe-placed"/);
    assert.match(html, /id="failure" class="failure-maybe-sent"/);
    assert.match(html, /May have been placed/);
    assert.match(renderSubmissionHtml(undefined, opts), /No submission to show/);
  });

  it('escapeHtml escapes the five characters', () => {
    assert.equal(
      escapeHtml(`<a href="x" title='y'>&</a>`),
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});
