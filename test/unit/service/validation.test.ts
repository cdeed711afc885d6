// Every diagnostic code: an order that triggers it and a near miss that does not.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { comodoOrder, codes, diagnostics, fixTitles, ssl2buyOrder } from './helpers';

interface Case {
  code: string;
  bad: string;
  good: string;
  /** Words the message must contain. */
  says?: string[];
  /** How the message starts: the status code the CA would answer. */
  leads?: string;
}

const cases: Case[] = [
  // generic JSON and the order's frame
  { code: 'json-syntax', bad: '{ "$api": "comodo-autoapplyssl", }', good: comodoOrder() },
  {
    code: 'json-syntax',
    bad: comodoOrder().replace('{', '{ // note\n'),
    good: comodoOrder(),
    says: ['Comments'],
  },
  {
    code: 'api-missing',
    bad: '{ "product": "24" }',
    good: comodoOrder(),
    says: ['comodo-autoapplyssl', 'ssl2buy-sectigo-pac-enterprise'],
  },
  {
    code: 'api-unknown',
    bad: '{ "$api": "comodo" }',
    good: comodoOrder(),
    says: ['Did you mean "comodo-autoapplyssl"'],
  },
  { code: 'wrong-type', bad: '[]', good: comodoOrder(), says: ['JSON object'] },
  // schema problems, reworded with the vendor's rule
  {
    code: 'missing-field',
    bad: comodoOrder({}, ['serverSoftware']),
    good: comodoOrder(),
    leads: '-3: ',
    says: ["'serverSoftware'", `Comodo would answer: "The 'serverSoftware' argument is missing!"`],
  },
  {
    code: 'missing-field',
    bad: ssl2buyOrder({ PACOrderInfo: { Title: 'Ms' } }),
    good: ssl2buyOrder(),
    says: ["'PACOrderInfo.FirstName'", 'SSL2Buy document'],
  },
  {
    code: 'unknown-field',
    bad: comodoOrder({ prodcut: '24' }),
    good: comodoOrder({ Product: '24' }, ['product']),
    leads: '-2: ',
    says: ["Did you mean 'product'?", `Comodo would answer: "Unrecognised argument!"`],
  },
  {
    code: 'unknown-field',
    bad: ssl2buyOrder({ Yaer: 1 }),
    good: ssl2buyOrder(),
    says: ["Did you mean 'Year'?"],
  },
  {
    code: 'wrong-type',
    bad: comodoOrder({ years: '1' }),
    good: comodoOrder({ years: 2 }),
    leads: '-4: ',
    says: ['JSON integer', `Comodo would answer: "The value of the 'years' argument is invalid!"`],
  },
  {
    code: 'wrong-type',
    bad: ssl2buyOrder({ Year: 1.5 }),
    good: ssl2buyOrder({ Year: 2 }),
    says: ['SSL2Buy document: Year is integer'],
  },
  {
    code: 'too-long',
    bad: comodoOrder({ loginName: 'x'.repeat(65) }),
    good: comodoOrder({ loginName: 'x'.repeat(64) }),
    says: [
      '65 characters',
      'at most 64',
      `Comodo would answer: "The value of the 'loginName' argument is invalid!"`,
    ],
  },
  {
    code: 'too-long',
    bad: ssl2buyOrder({
      OrganisationInfo: { ...JSON.parse(ssl2buyOrder()).OrganisationInfo, OrgName: 'x'.repeat(201) },
    }),
    good: ssl2buyOrder({
      OrganisationInfo: { ...JSON.parse(ssl2buyOrder()).OrganisationInfo, OrgName: 'x'.repeat(200) },
    }),
    says: ['SSL2Buy document: OrgName is string, max. 200 chars'],
  },
  {
    code: 'too-long',
    bad: comodoOrder({ dunsNumber: '1'.repeat(33) }),
    good: comodoOrder({ dunsNumber: '1'.repeat(32) }),
  },
  {
    code: 'too-long',
    bad: comodoOrder({ companyNumber: '1'.repeat(26) }),
    good: comodoOrder({ companyNumber: '1'.repeat(25) }),
  },
  {
    code: 'value-not-allowed',
    bad: comodoOrder({ serverSoftware: 29 }),
    good: comodoOrder({ serverSoftware: -1 }),
    leads: '-4: ',
    says: ['1-28, -1', `Comodo would answer: "The value of the 'serverSoftware' argument is invalid!"`],
  },
  {
    code: 'value-not-allowed',
    bad: comodoOrder({ years: 4 }),
    good: comodoOrder({ years: 3 }),
    says: ['1 (1 year)'],
  },
  {
    code: 'value-not-allowed',
    bad: comodoOrder({ days: 366 }, ['years']),
    good: comodoOrder({ days: 1095 }, ['years']),
  },
  {
    code: 'value-not-allowed',
    bad: comodoOrder({ product: '35', servers: 11 }),
    good: comodoOrder({ product: '35', servers: 10 }),
  },
  {
    code: 'value-not-allowed',
    bad: comodoOrder({ isCustomerValidated: 'yes' }),
    good: comodoOrder({ isCustomerValidated: 'Y' }),
  },
  {
    code: 'value-not-allowed',
    bad: comodoOrder({ prioritiseCSRValues: 'X' }),
    good: comodoOrder({ prioritiseCSRValues: 'N' }),
  },
  {
    code: 'invalid-format',
    bad: comodoOrder({ product: '24, 36' }),
    good: comodoOrder({ product: 24 }),
    says: ['integers separated by commas'],
  },
  {
    code: 'invalid-email',
    bad: comodoOrder({ emailAddress: 'admin' }),
    good: comodoOrder({ emailAddress: 'admin@example.com' }),
  },
  { code: 'invalid-email', bad: ssl2buyOrder({ PartnerEmail: 'partner' }), good: ssl2buyOrder() },
  // rules
  {
    code: 'duplicate-field',
    bad: comodoOrder({ Product: '24' }),
    good: comodoOrder(),
    says: ['case-insensitive'],
  },
  {
    code: 'duplicate-field',
    bad: ssl2buyOrder().replace('"Year": 1,', '"Year": 1, "Year": 2,'),
    good: ssl2buyOrder(),
  },
  {
    code: 'field-name-case',
    bad: comodoOrder({ ServerSoftware: 2 }, ['serverSoftware']),
    good: comodoOrder(),
  },
  {
    code: 'credential-in-file',
    bad: comodoOrder({ loginPassword: 'secret' }),
    good: comodoOrder(),
    says: ['SecretStorage', 'Certificate Orders: Set Credentials', 'never sent'],
  },
  { code: 'credential-in-file', bad: ssl2buyOrder({ ApiKey: 'k' }), good: ssl2buyOrder() },
  {
    code: 'credential-in-file',
    bad: comodoOrder({ LOGINPASSWORD: 'secret' }),
    good: comodoOrder({ loginName: 'me' }),
  },
  {
    code: 'required-field-empty',
    bad: ssl2buyOrder({ PartnerOrderID: ' ' }),
    good: ssl2buyOrder(),
    says: ["'PartnerOrderID' is empty.", 'SSL2Buy document: PartnerOrderID is'],
  },
  {
    code: 'required-field-empty',
    bad: comodoOrder({ product: '' }),
    good: comodoOrder(),
    leads: "-3: 'product' is empty.",
    says: [`Comodo would answer: "The 'product' argument is missing!"`],
  },
  {
    code: 'required-field-empty',
    bad: comodoOrder({ isCustomerValidated: '' }),
    good: comodoOrder(),
    leads: '-3: \'isCustomerValidated\' is empty. Write "Y" or "N"',
  },
  { code: 'value-case', bad: comodoOrder({ test: 'y' }), good: comodoOrder({ test: 'Y' }) },
  {
    code: 'country-not-iso3166',
    bad: ssl2buyOrder({
      OrganisationInfo: { ...JSON.parse(ssl2buyOrder()).OrganisationInfo, CountryName: 'Atlantis' },
    }),
    good: ssl2buyOrder({
      OrganisationInfo: { ...JSON.parse(ssl2buyOrder()).OrganisationInfo, CountryName: 'DE' },
    }),
  },
  {
    code: 'schema-mismatch',
    bad: comodoOrder({ $schema: '../schemas/ssl2buy-sectigo-pac-enterprise.schema.json' }),
    good: comodoOrder({ $schema: '../schemas/comodo-autoapplyssl.schema.json' }),
  },
  { code: 'csr-empty', bad: comodoOrder({ csr: '' }), good: comodoOrder(), says: ['-3'] },
  {
    code: 'csr-file-unreadable',
    bad: comodoOrder({ csr: 'file:' }),
    good: comodoOrder({ csr: 'file:a.csr' }),
  },
  {
    code: 'comodo-product-unknown-code',
    bad: comodoOrder({ product: '24,99' }),
    good: comodoOrder({ product: '24,37' }),
    leads: '-4: ',
    says: [
      '99 is not a Comodo product code',
      `Comodo would answer: "The value of the 'product' argument is invalid!"`,
    ],
  },
  {
    code: 'comodo-product-base-count',
    bad: comodoOrder({ product: '36' }),
    good: comodoOrder({ product: '34,36' }),
    says: ['no base product'],
  },
  {
    code: 'comodo-product-base-count',
    bad: comodoOrder({ product: '24,7' }),
    good: comodoOrder({ product: '7' }),
    says: ['exactly ONE'],
  },
  {
    code: 'comodo-product-addon-not-allowed',
    bad: comodoOrder({ product: '44,37' }),
    good: comodoOrder({ product: '65,37', servers: 1 }),
    says: ['never with 43 or 44'],
  },
  {
    code: 'comodo-product-duplicate-code',
    bad: comodoOrder({ product: '24,36,36' }),
    good: comodoOrder({ product: '24,36,37' }),
  },
  {
    code: 'comodo-validity-missing',
    bad: comodoOrder({}, ['years']),
    good: comodoOrder({ product: '43' }, ['years']),
    says: ["'days'", "'years'"],
  },
  {
    code: 'comodo-validity-both',
    bad: comodoOrder({ days: 730 }),
    good: comodoOrder({ days: 730 }, ['years']),
    says: ['disagree'],
  },
  {
    code: 'comodo-servers-missing',
    bad: comodoOrder({ product: '35,36' }),
    good: comodoOrder({ product: '35,36', servers: 2 }),
    leads: '-3: ',
    says: ["'servers'", `Comodo would answer: "The 'servers' argument is missing!"`],
  },
  {
    code: 'comodo-servers-ignored',
    bad: comodoOrder({ servers: 2 }),
    good: comodoOrder({ product: '65', servers: 2 }),
  },
];

describe('diagnostics: every code triggers, and a near miss does not', () => {
  for (const c of cases) {
    it(`${c.code}: ${c.bad.replace(/\s+/g, ' ').slice(0, 70)}`, async () => {
      const bad = await diagnostics(c.bad);
      const hit = bad.filter((d) => d.code === c.code);
      assert.ok(
        hit.length > 0,
        `expected ${c.code}, got ${bad.map((d) => `${d.code}: ${d.message}`).join('\n')}`,
      );
      for (const word of c.says ?? []) {
        assert.ok(
          hit.some((d) => d.message.includes(word)),
          `"${word}" not in: ${hit.map((d) => d.message).join(' / ')}`,
        );
      }
      if (c.leads)
        assert.ok(
          hit.every((d) => d.message.startsWith(c.leads!)),
          hit.map((d) => d.message).join(' / '),
        );
      for (const d of hit) {
        assert.equal(d.source, 'cert-order');
        assert.notDeepEqual(d.range.start, d.range.end, 'a range on the key or value');
      }
      assert.ok(!(await codes(c.good)).includes(c.code), `${c.code} on the near miss`);
    });
  }

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
