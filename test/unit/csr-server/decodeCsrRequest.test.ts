// The "Decode CSR" request: the selection (PEM, JSON-escaped, a file: reference), the CSR of an
// order under the cursor, a CSR document, a file that is not open.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CsrCache } from '../../../common/src/csr';
import { defaultSettings } from '../../../common/src/settings';
import { decodeCsrRequest, type DecodeEnvironment } from '../../../server/src/csr/decodeCsrRequest';
import { createCsrParticipant } from '../../../server/src/csr/participant';
import type { DecodeCsrParams, DecodeCsrResult } from '../../../common/src/lsp/requests';
import { getOrderLanguageService, type ReadFile } from '../../../server/src/service';
import { fixture, opensslDer, opensslDigest, readFixture } from '../csr/openssl';

const readFile: ReadFile = async (uri) => new Uint8Array(readFileSync(new URL(uri)));
const orderUri = pathToFileURL(path.join(path.dirname(fixture('x')), 'decode.order.json')).href;
const sha256 = (name: string) => opensslDigest(opensslDer(fixture(name)), 'sha256');

function decode(params: DecodeCsrParams, document?: TextDocument): Promise<DecodeCsrResult> {
  const cache = new CsrCache();
  const env: DecodeEnvironment = {
    cache,
    document,
    settings: defaultSettings,
    service: getOrderLanguageService({ readFile, csr: createCsrParticipant(cache) }),
    readFile,
  };
  return decodeCsrRequest(params, env);
}

function ok(result: DecodeCsrResult): { title: string; text: string } {
  assert.ok(result.ok, result.ok ? '' : result.message);
  return result;
}

function wildcardOrder(): TextDocument {
  const text = JSON.stringify(
    { $api: 'comodo-autoapplyssl', product: '24', csr: readFixture('wildcard.csr') },
    null,
    2,
  );
  return TextDocument.create(orderUri, 'cert-order', 1, text);
}

describe('Decode CSR request', () => {
  it('the CSR of an order under the cursor: the report with the order findings and all DCV values', async () => {
    const document = wildcardOrder();
    const position = document.positionAt(document.getText().indexOf('-----END') - 10);
    const { title, text } = ok(await decode({ uri: orderUri, position }, document));
    assert.equal(title, 'Decoded CSR: the csr of decode.order.json');
    assert.ok(text.startsWith(`${title}\n${'='.repeat(title.length)}\n`));
    assert.ok(text.includes(sha256('wildcard.csr')));
    assert.match(text, /CN\s+2\.5\.4\.3\s+TeletexString\s+\*\.example\.com/);
    assert.match(text, /error -5\s+The Common Name "\*\.example\.com" holds a wildcard/);
    assert.match(text, /example\.com CNAME/);
  });

  it('a file: reference: the file, named in the title', async () => {
    const document = TextDocument.create(
      orderUri,
      'cert-order',
      1,
      JSON.stringify({ $api: 'comodo-autoapplyssl', product: '24', csr: 'file:ec-p256.csr' }),
    );
    const { title, text } = ok(
      await decode({ uri: orderUri, position: { line: 0, character: 0 } }, document),
    );
    assert.equal(title, 'Decoded CSR: ec-p256.csr (the csr of decode.order.json)');
    assert.ok(text.includes(sha256('ec-p256.csr')));
    const missing = TextDocument.create(
      orderUri,
      'cert-order',
      1,
      JSON.stringify({ $api: 'comodo-autoapplyssl', csr: 'file:nope.csr' }),
    );
    const failed = await decode({ uri: orderUri }, missing);
    assert.deepEqual(failed, { ok: false, message: 'Cannot read the CSR file nope.csr: no such file.' });
  });

  it('a selection: PEM, a JSON string with \\n escapes, a file: reference', async () => {
    const pem = readFixture('ec-p384.csr');
    assert.ok(ok(await decode({ text: pem })).text.includes(sha256('ec-p384.csr')));
    const json = JSON.stringify(pem);
    const fromJson = ok(await decode({ text: `${json},` }));
    assert.ok(fromJson.text.includes(sha256('ec-p384.csr')));
    assert.match(fromJson.text, /Checked on its own/);
    const document = wildcardOrder();
    const ref = ok(await decode({ uri: orderUri, text: '"file:ec-p384.csr"' }, document));
    assert.ok(ref.text.includes(sha256('ec-p384.csr')));
    const notCsr = await decode({ text: 'hello world' });
    assert.equal(notCsr.ok, false);
    assert.match(notCsr.ok ? '' : notCsr.message, /^The selection is not a CSR: /);
    const text = await decode({ text: 'hello, world' });
    assert.match(
      text.ok ? '' : text.message,
      /^The selection is not a CSR: Not base64 data: "," is not a base64 character/,
    );
  });

  it('a CSR document, and a file that is not open', async () => {
    const uri = pathToFileURL(fixture('rsa2048-full.csr')).href;
    const document = TextDocument.create(uri, 'cert-csr', 1, readFixture('rsa2048-full.csr'));
    const open = ok(await decode({ uri }, document));
    assert.equal(open.title, 'Decoded CSR: rsa2048-full.csr');
    assert.ok(open.text.includes(sha256('rsa2048-full.csr')));
    const closed = ok(await decode({ uri: pathToFileURL(fixture('ec-p256.csr')).href }));
    assert.ok(closed.text.includes(sha256('ec-p256.csr')));
    assert.equal((await decode({})).ok, false);
  });
});
