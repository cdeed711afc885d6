// The panel's "Create DCV File…" and "Copy DNS Record" buttons: shown for a placed TLS order with a
// domain, beside the convention; a message asks only for one of those two commands.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RECORD_FORMAT, type SubmissionRecord } from '../../../common/src/protocol';
import { panelAction, renderSubmissionHtml } from '../../../client/src/panel/html';

const tls: SubmissionRecord = {
  format: RECORD_FORMAT,
  id: 'r1',
  apiId: 'comodo-autoapplyssl',
  apiTitle: 'Comodo AutoApplySSL',
  environment: 'demo',
  endpoint: 'https://127.0.0.1/x',
  orderFile: '/work/a.order.json',
  startedAt: '2024-05-01T10:00:00.000Z',
  durationMs: 1,
  request: { url: 'https://127.0.0.1/x', method: 'POST', headers: {}, body: 'csr=x' },
  parsed: { kind: 'success', statusCode: 0, statusMeaning: 'Successful', orderNumber: '1', fields: [] },
  dcv: {
    convention: 'the convention',
    domain: 'example.com',
    fromCsr: { basis: 'b', filePath: 'p', fileContent: 'c', cnameHost: 'h', cnameTarget: 't' },
  },
};
const html = (r: SubmissionRecord) => renderSubmissionHtml(r, { nonce: 'n', cspSource: 's' });

describe('panel DCV actions', () => {
  it('a placed TLS order: both buttons, right after the convention', () => {
    const page = html(tls);
    const convention = page.indexOf('id="dcv-convention"');
    const actions = page.indexOf('id="dcv-actions"');
    assert.ok(convention > 0 && actions > convention, 'after the convention');
    assert.ok(actions < page.indexOf('id="dcv-from-csr"'), 'before the values');
    assert.match(page, /data-action="createDcvFile"[^>]*>Create DCV File…</);
    assert.match(page, /data-action="copyDnsRecord"[^>]*>Copy DNS Record</);
  });

  it('no buttons for an S/MIME order, an order not placed, or no domain', () => {
    assert.doesNotMatch(html({ ...tls, apiId: 'ssl2buy-sectigo-pac-enterprise' }), /dcv-actions/);
    assert.doesNotMatch(html({ ...tls, dcv: { ...tls.dcv!, domain: undefined } }), /dcv-actions/);
    assert.doesNotMatch(
      html({
        ...tls,
        parsed: { kind: 'error', statusCode: -4, statusMeaning: 'm', message: 'm', fields: [] },
      }),
      /dcv-actions/,
    );
  });

  it('panelAction: only the two actions, nothing else', () => {
    assert.equal(panelAction({ type: 'action', action: 'createDcvFile' }), 'createDcvFile');
    assert.equal(panelAction({ type: 'action', action: 'copyDnsRecord' }), 'copyDnsRecord');
    assert.equal(panelAction({ type: 'action', action: 'workbench.action.terminal.new' }), undefined);
    assert.equal(panelAction({ type: 'copy', action: 'createDcvFile' }), undefined);
    assert.equal(panelAction(null), undefined);
  });
});
