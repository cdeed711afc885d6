import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  fieldNamedInMessage,
  parseAutoApplyResponse,
  parseSsl2BuyResponse,
  type HttpResponseData,
} from '../../../common/src/protocol';

const text = (body: string, status = 200, type = 'text/plain; charset=utf-8'): HttpResponseData => ({
  status,
  headers: { 'content-type': type },
  body,
});
const json = (body: unknown, status = 200): HttpResponseData => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

describe('parseAutoApplyResponse (document section 2)', () => {
  it('status 0: order number, amount debited, delivery time with its documented meaning', () => {
    const r = parseAutoApplyResponse(text('0\r\n12345678\r\n49.50\r\n1\r\n'));
    assert.equal(r.kind, 'success');
    if (r.kind !== 'success') return;
    assert.equal(r.statusMeaning, 'Successful');
    assert.equal(r.orderNumber, '12345678');
    assert.deepEqual(
      r.fields.map((f) => [f.name, f.value]),
      [
        ['statusCode', '0'],
        ['orderNumber', '12345678'],
        ['amount', '49.50'],
        ['expectedDeliveryHours', '1'],
      ],
    );
    assert.match(r.fields[2].label, /Amount Debited/);
    assert.match(r.fields[3].meaning ?? '', /within the next hour/);
    assert.equal(r.fields[1].copy, true);
  });
  it('status 1: amount required, not including UK VAT; an undocumented delivery time is said so', () => {
    const r = parseAutoApplyResponse(text('1\n99\n10\n7'));
    assert.equal(r.kind, 'success');
    if (r.kind !== 'success') return;
    assert.equal(r.statusMeaning, 'Successful, Payment Required');
    assert.match(r.fields[2].label, /Amount Required.*UK VAT/);
    assert.match(r.fields[3].meaning ?? '', /Not a value the document describes/);
  });
  it('errors: the message, and the field named in -3/-4 (straight or curly quotes)', () => {
    const r = parseAutoApplyResponse(text("-3\nThe 'csr' argument is missing!\n"));
    assert.equal(r.kind, 'error');
    if (r.kind !== 'error') return;
    assert.equal(r.statusMeaning, "The 'xxxx' argument is missing!");
    assert.deepEqual(r.fieldError, { field: 'csr', message: "The 'csr' argument is missing!" });
    assert.equal(fieldNamedInMessage('The value of the ‘years’ argument is invalid!'), 'years');
    const r2 = parseAutoApplyResponse(text("-7\n'ZZ' is not a valid ISO-3166 country!"));
    assert.equal(r2.kind === 'error' && r2.fieldError, undefined);
  });
  const unexpected: [string, HttpResponseData, RegExp][] = [
    ['HTML page', text('<html>oops</html>', 502, 'text/html'), /text\/html/],
    ['empty body', text(''), /empty/],
    ['unknown status', text('5\n1\n2\n3'), /not in the document/],
    ['not a status', text('OK\n'), /not a status code/],
    ['success cut after two lines', text('0\n12345678\n'), /2 of the 4/],
    ['error without its message', text('-15\n'), /without the error message/],
    ['order number not a number', text('0\nabc\n1\n1'), /not an order number/],
    ['amount with a $', text('0\n1\n$5\n1'), /not an amount/],
    ['HTTP 500 with plain text', text('-14\nAn unknown error occurred!', 500), /HTTP 500/],
    ['no content type', { status: 200, headers: {}, body: '0\n1\n1\n1' }, /no declared type/],
    ['cut at the size cap', { ...text('0\n1\n1\n1'), truncated: true }, /cut off/],
  ];
  for (const [title, response, reason] of unexpected) {
    it(`unexpected: ${title}`, () => {
      const r = parseAutoApplyResponse(response);
      assert.equal(r.kind, 'unexpected');
      assert.match(r.kind === 'unexpected' ? r.reason : '', reason);
    });
  }
});

describe('parseSsl2BuyResponse', () => {
  it('StatusCode 0: documented fields labelled, order number and hashes', () => {
    const r = parseSsl2BuyResponse(
      json({
        StatusCode: 0,
        SSL2BuyOrderNumber: 123,
        ComodoOrderNumber: '456',
        MD5: 'AB',
        SHA1: 'CD',
        UniqueValue: 'u1',
        DomainName: 'example.com',
        APIError: null,
        Extra: 1,
      }),
    );
    assert.equal(r.kind, 'success');
    if (r.kind !== 'success') return;
    assert.equal(r.orderNumber, '123');
    assert.deepEqual(r.hashes, { md5: 'AB', sha1: 'CD', uniqueValue: 'u1', domainName: 'example.com' });
    assert.equal(r.fields.find((f) => f.name === 'SSL2BuyOrderNumber')?.label, 'SSL2Buy Order number');
    assert.equal(
      r.fields.some((f) => f.name === 'Extra'),
      false,
    );
  });
  it('StatusCode -1: APIError fields and the named field, at any HTTP status', () => {
    const r = parseSsl2BuyResponse(
      json(
        {
          StatusCode: -1,
          APIError: { ErrorNumber: 12, ErrorField: 'PartnerOrderID', ErrorMessage: 'Duplicate order id' },
        },
        400,
      ),
    );
    assert.equal(r.kind, 'error');
    if (r.kind !== 'error') return;
    assert.equal(r.message, 'Duplicate order id');
    assert.deepEqual(r.fieldError, { field: 'PartnerOrderID', message: 'Duplicate order id' });
    assert.ok(r.fields.some((f) => f.name === 'httpStatus' && f.value === '400'));
  });
  const unexpected: [string, HttpResponseData][] = [
    ['HTML', { status: 200, headers: { 'content-type': 'text/html' }, body: '<p>hi</p>' }],
    ['truncated JSON', json('{"StatusCode": 0, "SSL2Buy')],
    ['array', json([1])],
    ['no StatusCode', json({ SSL2BuyOrderNumber: 1 })],
    ['unknown StatusCode', json({ StatusCode: 3 })],
    ['success with HTTP 500', json({ StatusCode: 0 }, 500)],
    ['empty', json('')],
  ];
  for (const [title, response] of unexpected) {
    it(`unexpected: ${title}`, () => assert.equal(parseSsl2BuyResponse(response).kind, 'unexpected'));
  }
});
