// Every diagnostic code: an order that triggers it and a near miss that does not. Run in English
// (validation.test.ts) and under a German bundle of vscode-json-languageservice's messages
// (schemaLocale.test.ts): the codes and our messages do not depend on the service's language.
import assert from 'node:assert/strict';
import { codes, comodoOrder, diagnostics, ssl2buyOrder } from './helpers';

export interface Case {
  code: string;
  bad: string;
  good: string;
  /** Words the message must contain. */
  says?: string[];
  /** `says` are vscode-json-languageservice's own words (a syntax error): English only. */
  serviceWords?: boolean;
  /** How the message starts: the status code the CA would answer. */
  leads?: string;
}

export const cases: Case[] = [
  // generic JSON and the order's frame
  { code: 'json-syntax', bad: '{ "$api": "comodo-autoapplyssl", }', good: comodoOrder() },
  {
    code: 'json-syntax',
    bad: comodoOrder().replace('{', '{ // note\n'),
    good: comodoOrder(),
    says: ['Comments'],
    serviceWords: true,
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

export function caseTitle(c: Case): string {
  return `${c.code}: ${c.bad.replace(/\s+/g, ' ').slice(0, 70)}`;
}

/** The case's order has the code (with its words and status lead), and its near miss does not. */
export async function checkCase(c: Case, english = true): Promise<void> {
  const bad = await diagnostics(c.bad);
  const hit = bad.filter((d) => d.code === c.code);
  assert.ok(
    hit.length > 0,
    `expected ${c.code}, got ${bad.map((d) => `${d.code}: ${d.message}`).join('\n')}`,
  );
  for (const word of english || !c.serviceWords ? (c.says ?? []) : []) {
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
}
