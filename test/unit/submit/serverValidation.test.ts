// The error check asks the language server about exactly the text to be sent (validateText),
// instead of trusting published diagnostics that may be of an older version.
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { Bed, comodoOrder } from './harness';

describe('the language server validates the text to be sent', () => {
  const bed = new Bed();
  before(async () => {
    await bed.start();
    await bed.copyFixture('www.example.com.csr');
  });
  after(() => bed.stop());

  it('its errors refuse the send even when no published diagnostics are left', async () => {
    const file = await bed.writeOrder('stale.order.json', comodoOrder());
    const asked: { text: string; timeoutMs: number }[] = [];
    bed.errorDiagnostics = [];
    bed.validateText = async (_file, text, timeoutMs) => {
      asked.push({ text, timeoutMs });
      return [
        { severity: 2, message: 'a warning does not block' },
        { severity: 1, message: 'years is not allowed for this product' },
      ];
    };
    const sent = bed.sent;
    const result = await bed.submit(file, 'production');
    bed.validateText = undefined;
    assert.equal(result.status, 'refused');
    assert.match(
      result.status === 'refused' ? result.reason : '',
      /has 1 error \(first: years is not allowed for this product\)/,
    );
    assert.equal(bed.sent, sent);
    assert.equal(bed.lastUi('blocked')?.message, result.status === 'refused' ? result.reason : '');
    assert.deepEqual(asked, [{ text: await fs.readFile(file, 'utf8'), timeoutMs: 10000 }]);
  });

  it('no errors from the server: sent, even with stale published errors', async () => {
    const file = await bed.writeOrder('clean.order.json', comodoOrder());
    bed.errorDiagnostics = ['stale error of an older version'];
    const timeouts: number[] = [];
    bed.validateText = async (_file, _text, timeoutMs) => {
      timeouts.push(timeoutMs);
      return [{ severity: 3, message: 'information only' }];
    };
    const result = await bed.submit(file, 'demo');
    bed.validateText = undefined;
    bed.errorDiagnostics = [];
    assert.equal(result.status, 'sent');
    assert.deepEqual(timeouts, [3000]);
  });

  it('no answer in time: production refused, demo checks the published errors and logs', async () => {
    const file = await bed.writeOrder('unanswered.order.json', comodoOrder());
    bed.validateText = async () => undefined;
    const production = await bed.submit(file, 'production');
    assert.equal(production.status, 'refused');
    assert.match(production.status === 'refused' ? production.reason : '', /not checked this version/);
    bed.errorDiagnostics = ['published error'];
    const blocked = await bed.submit(file, 'demo');
    assert.match(blocked.status === 'refused' ? blocked.reason : '', /first: published error/);
    bed.errorDiagnostics = [];
    assert.equal((await bed.submit(file, 'demo')).status, 'sent');
    assert.ok(bed.logLines.some((l) => l.includes('without up-to-date diagnostics')));
    bed.validateText = undefined;
  });
});
