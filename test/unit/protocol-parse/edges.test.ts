// Answers as real servers send them: line endings, a byte-order mark, trailing blanks, more
// lines than documented, a status the document does not have.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  parseAutoApplyResponse,
  parseSsl2BuyResponse,
  type HttpResponseData,
} from '../../../common/src/protocol';

const text = (body: string): HttpResponseData => ({
  status: 200,
  headers: { 'content-type': 'text/plain' },
  body,
});
const json = (body: string): HttpResponseData => ({
  status: 200,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body,
});

describe('Comodo lines, as servers write them', () => {
  for (const [title, body] of [
    ['CRLF', '0\r\n12345678\r\n49.50\r\n1\r\n'],
    ['bare CR', '0\r12345678\r49.50\r1\r'],
    ['a byte-order mark', '\uFEFF0\n12345678\n49.50\n1\n'],
    ['trailing blanks and blank lines', '0 \n12345678\t\n49.50  \n1 \n\n \n'],
    ['lines after line 4 (the removed line 5)', '0\n12345678\n49.50\n1\nextra\n'],
  ])
    it(`success with ${title}`, () => {
      const r = parseAutoApplyResponse(text(body));
      assert.equal(r.kind, 'success', JSON.stringify(r));
      assert.equal(r.kind === 'success' && r.orderNumber, '12345678');
    });

  it('status 1: successful, payment required, amount required', () => {
    const r = parseAutoApplyResponse(text('1\n12345678\n49.50\n24\n'));
    assert.ok(r.kind === 'success' && r.statusMeaning === 'Successful, Payment Required');
  });

  for (const [title, body] of [
    ['-0', '-0\n1\n2\n1\n'],
    ['007', '007\n1\n2\n1\n'],
    ['+0', '+0\n1\n2\n1\n'],
    ['an undocumented status', '2\n1\n2\n1\n'],
    ['HTML sent as text/plain', '<html><body>0</body></html>'],
  ])
    it(`unexpected: ${title}`, () => assert.equal(parseAutoApplyResponse(text(body)).kind, 'unexpected'));
});

describe('SSL2Buy JSON, as servers write it', () => {
  it('a byte-order mark before the JSON', () => {
    const r = parseSsl2BuyResponse(json('\uFEFF{"StatusCode":0,"SSL2BuyOrderNumber":1234567}'));
    assert.equal(r.kind, 'success', JSON.stringify(r));
    assert.equal(r.kind === 'success' && r.orderNumber, '1234567');
  });
  it('an error with a byte-order mark and CRLF', () => {
    const r = parseSsl2BuyResponse(
      json(
        '\uFEFF{\r\n"StatusCode": -1,\r\n"APIError": {"ErrorField": "CSR", "ErrorMessage": "bad"}\r\n}\r\n',
      ),
    );
    assert.equal(r.kind === 'error' && r.fieldError?.field, 'CSR');
  });
});
