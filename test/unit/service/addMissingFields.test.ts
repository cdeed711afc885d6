// "Add the missing required fields": every field the order needs in its case (Comodo's validity
// and servers too), and the result formatted as the file is.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { makeDocument, service } from './helpers';

const svc = service();

async function addAll(text: string): Promise<{ fixed: string; after: string[] }> {
  const doc = makeDocument(text);
  const diagnostics = await svc.doValidation(doc);
  const range = { start: { line: 0, character: 0 }, end: doc.positionAt(text.length) };
  const list = svc.doCodeActions(doc, range, { diagnostics });
  const action = list.find((a) => /^Add the missing required field/.test(a.title));
  assert.ok(action, `no "add missing" among ${list.map((a) => a.title).join(', ')}`);
  const fixed = TextDocument.applyEdits(doc, action.edit!.changes![doc.uri]);
  JSON.parse(fixed);
  const after = (await svc.doValidation(makeDocument(fixed))).map((d) => String(d.code));
  return { fixed, after };
}

describe('add the missing required fields', () => {
  it('Comodo: the validity (days) is added with product, serverSoftware and csr: no error left', async () => {
    const { fixed, after } = await addAll('{\n  "$api": "comodo-autoapplyssl"\n}');
    assert.deepEqual(after, []);
    assert.equal(
      fixed,
      '{\n  "$api": "comodo-autoapplyssl",\n  "product": "24",\n  "serverSoftware": 2,\n  "csr": "file:server.csr",\n  "isCustomerValidated": "N",\n  "days": 365\n}',
    );
  });

  it('Comodo wildcard: servers is added too', async () => {
    const { fixed, after } = await addAll('{\n\t"$api": "comodo-autoapplyssl",\n\t"product": "35"\n}');
    assert.deepEqual(after, []);
    assert.match(fixed, /\n\t"servers": 1/);
  });

  it('a tab-indented file gets tabs in nested objects too', async () => {
    const { fixed } = await addAll('{\n\t"$api": "ssl2buy-sectigo-pac-enterprise",\n\t"Year": 1\n}');
    assert.match(fixed, /\n\t"PACOrderInfo": \{\n\t\t"Title": "",\n/);
    assert.ok(!/^ +/m.test(fixed), fixed);
  });

  it('an empty nested object in a four-space file gets four-space steps', async () => {
    const text =
      '{\n    "$api": "ssl2buy-sectigo-pac-enterprise",\n    "Year": 1,\n    "PartnerOrderID": "x",\n    "CSR": "x",\n' +
      '    "PACOrderInfo": {},\n    "OrganisationInfo": { "OrgName": "x" }\n}';
    const doc = makeDocument(text);
    const diagnostics = await svc.doValidation(doc);
    const range = { start: { line: 0, character: 0 }, end: doc.positionAt(text.length) };
    const titles = svc.doCodeActions(doc, range, { diagnostics });
    const pac = titles.find((a) => /Title, FirstName, LastName/.test(a.title))!;
    const fixed = TextDocument.applyEdits(doc, pac.edit!.changes![doc.uri]);
    assert.match(
      fixed,
      /"PACOrderInfo": \{\n {8}"Title": "",\n {8}"FirstName": "",\n {8}"LastName": ""\n {4}\}/,
    );
    // An object written on one line stays on one line.
    const org = titles.find((a) => /Email, Address1/.test(a.title))!;
    const fixedOrg = TextDocument.applyEdits(doc, org.edit!.changes![doc.uri]);
    assert.match(
      fixedOrg,
      /"OrganisationInfo": \{ "OrgName": "x", "Email": "", "Address1": "", .*"PhoneNo": "" \}\n\}$/,
    );
  });

  it('a one-line order stays one line', async () => {
    const { fixed, after } = await addAll('{ "$api": "comodo-autoapplyssl", "days": 365 }');
    assert.equal(
      fixed,
      '{ "$api": "comodo-autoapplyssl", "days": 365, "product": "24", "serverSoftware": 2, "csr": "file:server.csr", "isCustomerValidated": "N" }',
    );
    assert.deepEqual(after, []);
  });

  it('isCustomerValidated alone missing: the fix writes "N" and says what it means', async () => {
    const text =
      '{\n  "$api": "comodo-autoapplyssl",\n  "product": "24",\n  "days": 365,\n  "serverSoftware": 2,\n  "csr": "x"\n}';
    const doc = makeDocument(text);
    const diagnostics = await svc.doValidation(doc);
    const [missing] = diagnostics.filter((d) => d.code === 'missing-field');
    assert.match(
      missing.message,
      /^-3: 'isCustomerValidated' is missing \(Whether the Web Host has validated the customer\)/,
    );
    assert.match(missing.message, /The quick fix writes "N": Comodo will validate the customer\./);
    assert.match(missing.message, /Comodo would answer: "The 'isCustomerValidated' argument is missing!"$/);
    const [action] = svc.doCodeActions(doc, missing.range, { diagnostics });
    assert.equal(
      action.title,
      'Add the missing required field isCustomerValidated as "N": Comodo will validate the customer',
    );
    assert.match(
      TextDocument.applyEdits(doc, action.edit!.changes![doc.uri]),
      /"csr": "x",\n {2}"isCustomerValidated": "N"\n\}$/,
    );
  });

  it('validity alone missing: its own fixes, no "add all" duplicate', async () => {
    const text =
      '{\n  "$api": "comodo-autoapplyssl",\n  "product": "24",\n  "serverSoftware": 2,\n  "csr": "x",\n  "isCustomerValidated": "N"\n}';
    const doc = makeDocument(text);
    const diagnostics = await svc.doValidation(doc);
    const titles = svc.doCodeActions(doc, diagnostics[0].range, { diagnostics }).map((a) => a.title);
    assert.deepEqual(titles, ['Add "days": 365', 'Add "years": 1']);
  });
});
