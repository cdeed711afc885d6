// Hover: field documentation, and the meaning of coded values.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { caretPosition, makeDocument, service } from './helpers';

const svc = service();

async function hover(marked: string): Promise<string> {
  const { text, position } = caretPosition(marked);
  const h = await svc.doHover(makeDocument(text), position);
  if (!h) return '';
  const c = h.contents;
  return typeof c === 'string' ? c : 'value' in c ? c.value : JSON.stringify(c);
}

describe('hover', () => {
  it('a field: description, type, max length, required-ness, notes, the document section', async () => {
    const text = await hover('{ "$api": "comodo-autoapplyssl", "pro|duct": "24" }');
    for (const part of [
      'Products required',
      'max. 64 chars',
      'required',
      'exactly ONE base product',
      '1. Request: product',
    ]) {
      assert.ok(text.includes(part), `${part} in ${text}`);
    }
  });

  it('a field written in another case still gets its documentation', async () => {
    assert.match(await hover('{ "$api": "comodo-autoapplyssl", "PRO|DUCT": "24" }'), /Products required/);
  });

  it('serverSoftware 2 is Apache/ModSSL', async () => {
    const text = await hover('{ "$api": "comodo-autoapplyssl", "serverSoftware": |2 }');
    assert.ok(text.startsWith('`2` — **Apache/ModSSL**'), text);
  });

  it('"24,36" lists each product', async () => {
    const text = await hover('{ "$api": "comodo-autoapplyssl", "product": "24,|36" }');
    assert.ok(text.startsWith('- `24` InstantSSL\n- `36` TrustLogo'), text);
  });

  it('Y/N in lower case, a country code, $api, a nested SSL2Buy field', async () => {
    assert.match(await hover('{ "$api": "comodo-autoapplyssl", "test": "|y" }'), /\*\*Yes\*\*/);
    assert.match(
      await hover(
        '{ "$api": "ssl2buy-sectigo-pac-enterprise", "OrganisationInfo": { "CountryName": "|GB" } }',
      ),
      /United Kingdom/,
    );
    assert.match(await hover('{ "$a|pi": "ssl2buy-sectigo-pac-enterprise" }'), /demo-api\.ssl2buy\.com/);
    assert.match(
      await hover('{ "$api": "ssl2buy-sectigo-pac-enterprise", "PACOrderInfo": { "First|Name": "A" } }'),
      /PACOrderInfo\.FirstName.*Contact First Name[\s\S]*max\. 200 chars/,
    );
  });

  it('an unknown field or the inside of an object: nothing of ours', async () => {
    assert.equal(await hover('{ "$api": "comodo-autoapplyssl", "nob|ody": 1 }'), '');
    assert.equal(await hover('{ "$api": "comodo-autoapplyssl",   |   "product": "24" }'), '');
  });
});
