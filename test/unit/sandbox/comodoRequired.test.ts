// Issue 8 on the wire: the sandbox answers -3 for an address argument (streetAddress1,
// localityName, stateOrProvinceName, postalCode) exactly when the language server's rule says the
// order lacks it (neither the order nor the CSR gives it), and for a missing or empty
// isCustomerValidated. Each case is sent to a real sandbox over HTTP and checked by the order
// language service with the CSR participant on the same fields.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { request } from 'undici';
import { CsrCache } from '../../../common/src/csr';
import { createCsrParticipant } from '../../../server/src/csr/participant';
import { getOrderLanguageService } from '../../../server/src/service';
import { startSandbox, type RunningSandbox } from '../../../sandbox/src/server';
import { readFixture } from '../csr/openssl';

const ADDRESS = {
  streetAddress1: 'Example Street 1',
  localityName: 'Berlin',
  stateOrProvinceName: 'Berlin',
  postalCode: '10115',
};

interface Case {
  name: string;
  csr: string;
  fields: Record<string, string>;
  /** The sandbox's whole answer when it is an error; undefined: the order is placed (status 0). */
  answer?: string;
}

const base = { loginName: 'x', loginPassword: 'y', product: '24', days: '365', serverSoftware: '2' };
const missing = (name: string) => `-3\nThe '${name}' argument is missing!\n`;

const cases: Case[] = [
  {
    name: 'a CSR with L, ST, street and postal code, no address arguments: placed',
    csr: 'rsa2048-full.csr',
    fields: { isCustomerValidated: 'N' },
  },
  {
    name: 'a CSR without an address, no arguments: -3 streetAddress1 (the first in the table)',
    csr: 'ec-p256.csr',
    fields: { isCustomerValidated: 'N' },
    answer: missing('streetAddress1'),
  },
  {
    name: 'a CSR without an address, the street given: -3 localityName',
    csr: 'ec-p256.csr',
    fields: { isCustomerValidated: 'N', streetAddress1: 'Example Street 1' },
    answer: missing('localityName'),
  },
  {
    name: 'a CSR without an address, all four given: placed',
    csr: 'ec-p256.csr',
    fields: { isCustomerValidated: 'N', ...ADDRESS },
  },
  {
    name: 'a CSR with only a Locality Name: the other three are asked for, localityName is not',
    csr: 'utf8.csr',
    fields: {
      isCustomerValidated: 'N',
      streetAddress1: 'Domplatz 1',
      stateOrProvinceName: 'NRW',
      postalCode: '50667',
    },
  },
  {
    name: 'an address argument written as "": -3, as if absent',
    csr: 'ec-p256.csr',
    fields: { isCustomerValidated: 'N', ...ADDRESS, postalCode: '' },
    answer: missing('postalCode'),
  },
  {
    name: 'isCustomerValidated missing: -3',
    csr: 'rsa2048-full.csr',
    fields: {},
    answer: missing('isCustomerValidated'),
  },
  {
    name: 'isCustomerValidated written as "": -3',
    csr: 'rsa2048-full.csr',
    fields: { isCustomerValidated: '' },
    answer: missing('isCustomerValidated'),
  },
];

/** The order file for a case, and the -3 argument names its diagnostics give, in the file's order. */
async function languageServerSays(c: Case): Promise<{ errors: string[]; missing: string[] }> {
  // The same arguments as the form, the integers as JSON integers, the secret left out.
  const { loginPassword: _, days, serverSoftware, ...inFile } = base;
  const order = {
    $api: 'comodo-autoapplyssl',
    ...inFile,
    days: Number(days),
    serverSoftware: Number(serverSoftware),
    csr: readFixture(c.csr),
    ...c.fields,
  };
  const document = TextDocument.create(
    'file:///orders/case.order.json',
    'cert-order',
    1,
    JSON.stringify(order, null, 2),
  );
  const service = getOrderLanguageService({ csr: createCsrParticipant(new CsrCache()) });
  const diagnostics = await service.doValidation(document);
  const errors = diagnostics.filter((d) => d.severity === 1);
  return {
    errors: errors.map((d) => String(d.code)),
    missing: errors.flatMap((d) => /^-3: '?([A-Za-z0-9]+)'? is (missing|empty)/.exec(d.message)?.[1] ?? []),
  };
}

describe('Comodo -3 for the address arguments and isCustomerValidated, sandbox and language server alike', () => {
  let sandbox: RunningSandbox;
  let url = '';
  before(async () => {
    sandbox = await startSandbox({ port: 0 });
    url = sandbox.urls['comodo-autoapplyssl'];
  });
  after(() => sandbox.close());

  for (const c of cases) {
    it(c.name, async () => {
      const body = new URLSearchParams({ ...base, csr: readFixture(c.csr), ...c.fields }).toString();
      const res = await request(url, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      const text = await res.body.text();
      const says = await languageServerSays(c);
      if (c.answer === undefined) {
        assert.match(text, /^0\n\d+\n/, 'placed');
        assert.deepEqual(says.errors, [], 'and no error in the editor');
      } else {
        assert.equal(text, c.answer);
        const named = /'(\w+)'/.exec(c.answer)![1];
        assert.equal(says.missing[0], named, `the editor's first -3 names ${named}: ${says.errors.join()}`);
      }
    });
  }
});
