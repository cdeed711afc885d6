// Completion: field names from the schema, ranked from the catalogue; values from the catalogue.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CompletionItem } from 'vscode-languageserver-types';
import { caretPosition, makeDocument, service } from './helpers';

const svc = service();

async function complete(marked: string): Promise<CompletionItem[]> {
  const { text, position } = caretPosition(marked);
  return (await svc.doComplete(makeDocument(text), position)).items;
}

const sorted = (items: CompletionItem[]) =>
  [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label)).map((i) => i.label);

describe('completion', () => {
  it('offers $api first in an empty order, and its known values', async () => {
    assert.equal(sorted(await complete('{ | }'))[0], '$api');
    const apis = await complete('{ "$api": "|" }');
    assert.deepEqual(
      apis.map((i) => i.textEdit && 'newText' in i.textEdit && i.textEdit.newText),
      ['"comodo-autoapplyssl"', '"ssl2buy-sectigo-pac-enterprise"'],
    );
    assert.match(apis[0].label, /Comodo !AutoApplySSL/);
  });

  it('field names: required first, no credentials, none already present in any case', async () => {
    const labels = sorted(await complete('{ "$api": "comodo-autoapplyssl", "Product": "24", | }'));
    assert.deepEqual(labels.slice(0, 2), ['serverSoftware', 'csr']);
    assert.ok(!labels.includes('product'), 'Product is present');
    assert.ok(!labels.includes('loginPassword'), 'a credential is never offered');
    assert.ok(labels.includes('loginName') && labels.includes('isCustomerValidated'));
    const item = (await complete('{ "$api": "comodo-autoapplyssl", | }')).find((i) => i.label === 'product')!;
    assert.match(item.detail ?? '', /required/);
    assert.match(JSON.stringify(item.documentation), /exactly ONE base product/);
  });

  it('SSL2Buy: nested members of PACOrderInfo, no ApiKey', async () => {
    assert.deepEqual(
      sorted(
        await complete('{ "$api": "ssl2buy-sectigo-pac-enterprise", "PACOrderInfo": { "Title": "Ms", | } }'),
      ),
      ['FirstName', 'LastName'],
    );
    const top = sorted(await complete('{ "$api": "ssl2buy-sectigo-pac-enterprise", | }'));
    assert.ok(!top.includes('ApiKey'));
    assert.deepEqual(top.slice(0, 3), ['Year', 'PartnerOrderID', 'CSR']);
  });

  it('serverSoftware ids with their names', async () => {
    const items = await complete('{ "$api": "comodo-autoapplyssl", "serverSoftware": | }');
    assert.equal(items.length, 29);
    const apache = items.find((i) => i.label === '2 - Apache/ModSSL')!;
    assert.ok(apache.textEdit && 'newText' in apache.textEdit);
    assert.equal(apache.textEdit.newText, '2');
    assert.ok(items.some((i) => i.label === '-1 - OTHER'));
  });

  it('product combinations that obey the rules, with names', async () => {
    const labels = (await complete('{ "$api": "comodo-autoapplyssl", "product": "|" }')).map((i) => i.label);
    assert.ok(labels.includes('24 - InstantSSL'));
    assert.ok(labels.includes('24,36 - InstantSSL + TrustLogo'));
    assert.ok(labels.includes('35,36,37 - PremiumSSL Wildcard + TrustLogo + Card Payment TrustLogo'));
    assert.ok(labels.includes('43 - Trial SSL'));
    assert.ok(!labels.some((l) => l.startsWith('43,') || l.startsWith('44,')), 'no add-ons on 43 or 44');
    assert.equal(labels.length, 10 + 8 * 3);
  });

  it('Y/N, years, days, servers 1-10', async () => {
    const yn = await complete('{ "$api": "comodo-autoapplyssl", "isCustomerValidated": | }');
    assert.deepEqual(
      yn.map((i) => i.label),
      ['Y - Yes', 'N - No'],
    );
    const years = await complete('{ "$api": "comodo-autoapplyssl", "years": | }');
    assert.deepEqual(
      years.map((i) => i.textEdit && 'newText' in i.textEdit && i.textEdit.newText),
      ['1', '2', '3'],
    );
    const days = await complete('{ "$api": "comodo-autoapplyssl", "days": | }');
    assert.deepEqual(
      days.map((i) => i.label),
      ['365 - 365 days (1 year)', '730 - 730 days (2 years)', '1095 - 1095 days (3 years)'],
    );
    assert.equal((await complete('{ "$api": "comodo-autoapplyssl", "servers": | }')).length, 10);
  });

  it('adds a comma when another member follows', async () => {
    const items = await complete('{ "$api": "comodo-autoapplyssl", "test": |\n  "years": 1 }');
    const y = items.find((i) => i.label === 'Y - Yes')!;
    assert.ok(y.textEdit && 'newText' in y.textEdit);
    assert.equal(y.textEdit.newText, '"Y",');
  });

  it('replaces the value being edited', async () => {
    const { text, offset } = caretPosition('{ "$api": "comodo-autoapplyssl", "serverSoftware": 1| }');
    const items = await svc.doComplete(makeDocument(text), makeDocument(text).positionAt(offset));
    const edit = items.items[0].textEdit!;
    assert.ok('range' in edit);
    assert.equal(edit.range.end.character - edit.range.start.character, 1);
  });

  it('ISO-3166 countries with names for OrganisationInfo.CountryName', async () => {
    const items = await complete(
      '{ "$api": "ssl2buy-sectigo-pac-enterprise", "OrganisationInfo": { "CountryName": "|" } }',
    );
    assert.ok(items.length > 240);
    const gb = items.find((i) => i.label.startsWith('GB - '))!;
    assert.match(gb.label, /United Kingdom/);
    assert.ok(gb.textEdit && 'newText' in gb.textEdit);
    assert.equal(gb.textEdit.newText, '"GB"');
  });

  it('values are found by name: "apache", "tomcat", "premium"', async () => {
    const software = await complete('{ "$api": "comodo-autoapplyssl", "serverSoftware": | }');
    const byName = (items: CompletionItem[], word: string) =>
      items.filter((i) => (i.filterText ?? i.label).toLowerCase().includes(word)).map((i) => i.label);
    assert.deepEqual(byName(software, 'apache'), [
      '2 - Apache/ModSSL',
      '3 - Apache-SSL (Ben-SSL, not Stronghold)',
    ]);
    assert.deepEqual(byName(software, 'tomcat'), ['24 - Tomcat']);
    assert.ok(
      software.every((i) => i.filterText?.startsWith(`${i.textEdit!.newText} `)),
      'the value first',
    );
    const products = await complete('{ "$api": "comodo-autoapplyssl", "product": "|" }');
    const premium = byName(products, 'premium').map((l) => l.split(' ')[0]);
    assert.ok(premium.includes('7') && premium.includes('35'), premium.join(' '));
    assert.ok(
      premium.every((code) => /^(7|35)(,|$)/.test(code)),
      premium.join(' '),
    );
    assert.ok(
      products.every((i) => i.filterText?.startsWith('"')),
      'a string value: the quote the user typed',
    );
  });

  it('a field name inserts an empty value and opens the value list, with no placeholder', async () => {
    const items = await complete('{ "$api": "comodo-autoapplyssl", | }');
    const insert = (label: string) => {
      const it = items.find((i) => i.label === label)!;
      return { text: it.insertText ?? it.textEdit?.newText, command: it.command?.command };
    };
    const suggest = 'editor.action.triggerSuggest';
    assert.deepEqual(insert('product'), { text: '"product": "$1"', command: suggest });
    assert.deepEqual(insert('csr'), { text: '"csr": "$1"', command: suggest });
    assert.deepEqual(insert('serverSoftware'), { text: '"serverSoftware": $1', command: suggest });
    assert.deepEqual(insert('loginName'), { text: '"loginName": "$1"', command: undefined });
    const ssl2buy = await complete('{ "$api": "ssl2buy-sectigo-pac-enterprise", | }');
    for (const it of ssl2buy)
      assert.doesNotMatch(it.insertText ?? it.textEdit?.newText ?? '', /\$\{\d+:/, it.label);
    assert.equal(ssl2buy.find((i) => i.label === 'PACOrderInfo')?.command?.command, suggest);
    const api = (await complete('{ | }')).find((i) => i.label === '$api')!;
    assert.equal(api.command?.command, suggest);
  });
});
