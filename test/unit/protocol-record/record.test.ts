// History files read back: a damaged or hand-edited file that is still JSON is skipped, never
// handed to the panel (which would throw on it) or to the duplicate guard.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseRecord, RECORD_FORMAT, type SubmissionRecord } from '../../../common/src/protocol';
import { renderSubmissionHtml } from '../../../client/src/panel/html';

const good: SubmissionRecord = {
  format: RECORD_FORMAT,
  id: 'lxyz-abc123',
  apiId: 'comodo-autoapplyssl',
  apiTitle: 'Comodo !AutoApplySSL',
  environment: 'production',
  endpoint: 'https://secure.comodo.net/products/!AutoApplySSL',
  orderFile: '/work/a.order.json',
  startedAt: '2024-05-01T10:00:00.000Z',
  durationMs: 42,
  request: { url: 'https://x', method: 'POST', headers: { accept: 'text/plain' }, body: 'a=b' },
  response: { status: 200, headers: { 'content-type': 'text/plain' }, body: '0\n1\n2\n1\n' },
  parsed: {
    kind: 'success',
    statusCode: 0,
    statusMeaning: 'Successful',
    orderNumber: '1',
    fields: [{ name: 'orderNumber', label: 'Line 2', value: '1', copy: true }],
  },
  duplicateKey: 'k',
  dcv: { convention: 'c', csrHashes: { md5: 'a', sha1: 'b', sha256: 'c' } },
};

const withPath = (path: string[], value: unknown): unknown => {
  const copy = structuredClone(good) as unknown as Record<string, unknown>;
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string, unknown>;
  at[path[path.length - 1]] = value;
  return copy;
};

describe('parseRecord', () => {
  it('reads a whole record, and one with a failure instead of a response', () => {
    assert.deepEqual(parseRecord(JSON.stringify(good)), good);
    const lost = {
      ...good,
      response: undefined,
      parsed: undefined,
      failure: { kind: 'maybe-sent', code: 'X', message: 'm' },
    };
    assert.ok(parseRecord(JSON.stringify(lost)));
  });

  const damaged: [string, string[], unknown][] = [
    ['fields not a list', ['parsed', 'fields'], 5],
    ['a field value not text', ['parsed', 'fields'], [{ name: 'n', label: 'l', value: 7 }]],
    ['an unknown parsed kind', ['parsed', 'kind'], 'maybe'],
    ['request headers missing', ['request', 'headers'], null],
    ['response headers missing', ['response', 'headers'], undefined],
    ['response status not a number', ['response', 'status'], '200'],
    ['an unknown failure kind', ['failure'], { kind: 'lost', code: 'X', message: 'm' }],
    ['DCV values incomplete', ['dcv', 'fromCsr'], { basis: 'b' }],
    ['CSR hashes not text', ['dcv', 'csrHashes'], { md5: 1, sha1: 2, sha256: 3 }],
    ['durationMs not a number', ['durationMs'], 'soon'],
  ];
  for (const [title, path, value] of damaged)
    it(`skips a record with ${title}`, () => {
      const text = JSON.stringify(withPath(path, value));
      assert.equal(parseRecord(text), undefined);
    });

  it('whatever it accepts, the panel can render', () => {
    for (const [, path, value] of damaged) {
      const r = parseRecord(JSON.stringify(withPath(path, value)));
      if (r) assert.doesNotThrow(() => renderSubmissionHtml(r, { nonce: 'n', cspSource: 's' }));
    }
    assert.doesNotThrow(() => renderSubmissionHtml(good, { nonce: 'n', cspSource: 's' }));
  });
});
