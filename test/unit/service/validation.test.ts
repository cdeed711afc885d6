// Every diagnostic code: an order that triggers it and a near miss that does not (the cases are
// in diagnosticCases.ts), and how diagnostics are placed and worded.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { caseTitle, cases, checkCase } from './diagnosticCases';
import { comodoOrder, codes, diagnostics, fixTitles, ssl2buyOrder } from './helpers';

describe('diagnostics: every code triggers, and a near miss does not', () => {
  for (const c of cases) it(caseTitle(c), () => checkCase(c));

  it('a valid order of each API has no diagnostics at all', async () => {
    assert.deepEqual(await diagnostics(comodoOrder()), []);
    assert.deepEqual(await diagnostics(ssl2buyOrder()), []);
  });

  it('Comodo names in any case are accepted, with a hint and a rename', async () => {
    const ds = await diagnostics(comodoOrder({ PRODUCT: '24' }, ['product']));
    assert.deepEqual(
      ds.map((d) => d.code),
      ['field-name-case'],
    );
    assert.deepEqual(fixTitles(ds[0]), ["Rename to 'product'"]);
  });

  it('a JSON integer is a product too; loginName and PartnerEmail may be left to settings', async () => {
    assert.deepEqual(await codes(comodoOrder({ product: 24 }, ['loginName'])), []);
    assert.deepEqual(await codes(ssl2buyOrder({}, ['PartnerEmail'])), []);
  });

  it('an empty required value is an error, as a missing one is, and only that', async () => {
    const org = { ...JSON.parse(ssl2buyOrder()).OrganisationInfo, OrgName: '' };
    for (const text of [
      comodoOrder({ product: '' }),
      comodoOrder({ isCustomerValidated: '' }),
      comodoOrder({ serverSoftware: 2, years: 1, isCustomerValidated: ' ' }),
      ssl2buyOrder({ OrganisationInfo: org }),
    ]) {
      const ds = await diagnostics(text);
      assert.deepEqual(
        ds.map((d) => [d.code, d.severity]),
        [['required-field-empty', 1]],
        text,
      );
    }
    const [orgName] = await diagnostics(ssl2buyOrder({ OrganisationInfo: org }));
    assert.match(orgName.message, /^'OrganisationInfo\.OrgName' is empty\./);
  });

  it('one problem per value: a quoted integer is the wrong type, not also a disallowed value', async () => {
    assert.deepEqual(await codes(comodoOrder({ years: '1' })), ['wrong-type']);
  });

  it('ranges: a missing field on the object, an unknown one on its key, a bad value on the value', async () => {
    const text = comodoOrder({ prodcut: '24' }, ['serverSoftware']);
    const ds = await diagnostics(text);
    const missing = ds.find((d) => d.code === 'missing-field')!;
    assert.deepEqual(missing.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } });
    const unknown = ds.find((d) => d.code === 'unknown-field')!;
    const line = text.split('\n')[unknown.range.start.line];
    assert.equal(line.slice(unknown.range.start.character, unknown.range.end.character), '"prodcut"');
    const addon = (await diagnostics(comodoOrder({ product: '43,37' }))).find(
      (d) => d.code === 'comodo-product-addon-not-allowed',
    )!;
    assert.equal(addon.range.end.character - addon.range.start.character, 2, 'on the add-on code');
  });
});
