// A third order API that exists only in tests: an SSL2Buy-style JSON full order for a TLS
// certificate. It shares its vendor part (`ssl2buy-`) and its wire format with the shipped PAC
// Enterprise catalogue, so that anything still keyed by the vendor part of `$api`, or by a
// shipped catalogue, sends it to the wrong place and a test sees it. Registering it
// (`registerSyntheticApi`) is the only step: no shipped file names it.
import {
  CSR_ITSELF_RULES,
  registerCatalogue,
  type ApiCatalogue,
  type FieldSpec,
  type SpecRef,
} from '../../common/src/catalogue';

const DOC = 'synthetic-positivessl (a test fixture: test/support/syntheticApi.ts)';
const ref = (row: string): SpecRef => ({ document: DOC, section: row });

const text = (name: string, description: string, required: boolean, parent?: string): FieldSpec => ({
  name,
  type: 'string',
  maxLength: 100,
  required,
  description,
  source: ref(parent ? `${parent}.${name}` : name),
});

export const syntheticApi: ApiCatalogue = {
  id: 'ssl2buy-synthetic-positivessl',
  title: 'Synthetic PositiveSSL (test API)',
  settingsPrefix: 'syntheticPositiveSsl',
  envPrefix: 'SYNTHETIC_POSITIVESSL',
  snippet: { prefix: 'order-synthetic' },
  document: DOC,
  caseInsensitiveNames: false,
  certificateKind: 'tls',
  // The CSR itself (encoding, key, signature); none of Comodo's subject rules.
  csrRules: { codes: CSR_ITSELF_RULES },
  duplicateKeyFields: ['PartnerOrderID'],
  endpoints: {
    production: 'https://api.synthetic-positivessl.example/order/PositiveSSL',
    demo: 'https://demo.synthetic-positivessl.example/order/PositiveSSL',
    demoMode: 'url',
    method: 'POST',
    encoding: 'json',
  },
  fields: [
    { ...text('PartnerEmail', 'Partner login e-mail', true), credential: 'user', format: 'email' },
    { ...text('ApiKey', 'Partner API key', true), credential: 'secret' },
    {
      name: 'Year',
      type: 'integer',
      required: true,
      description: 'Validity in years',
      values: [
        { value: 1, label: '1 year' },
        { value: 2, label: '2 years' },
      ],
      placeholder: 1,
      summary: 'validity-years',
      source: ref('Year'),
    },
    {
      ...text('PartnerOrderID', 'Partner order number', true),
      placeholder: 'SYN-0001',
      summary: 'order-id',
    },
    {
      name: 'CSR',
      type: 'string',
      required: true,
      description: 'Certificate signing request',
      csr: true,
      placeholder: 'file:server.csr',
      source: ref('CSR'),
    },
    {
      name: 'WebServerType',
      type: 'integer',
      required: true,
      description: 'Web server software',
      values: [
        { value: 1, label: 'Apache' },
        { value: 2, label: 'nginx' },
      ],
      placeholder: 1,
      source: ref('WebServerType'),
    },
    {
      name: 'AdminContact',
      type: 'object',
      required: true,
      description: 'The administrative contact',
      source: ref('AdminContact'),
      fields: [
        { ...text('FirstName', 'First name', true, 'AdminContact'), summary: 'contact-name' },
        { ...text('LastName', 'Last name', true, 'AdminContact'), summary: 'contact-name' },
        { ...text('Email', 'E-mail', true, 'AdminContact'), format: 'email' },
        { ...text('OrgName', 'Organisation', false, 'AdminContact'), summary: 'organisation' },
        { ...text('Country', 'Country', false, 'AdminContact'), format: 'iso3166-country' },
      ],
    },
  ],
  responseFields: [
    {
      name: 'OrderNumber',
      type: 'integer',
      required: false,
      description: 'Synthetic order number',
      copyable: true,
      orderNumber: true,
      source: ref('response OrderNumber'),
    },
    {
      name: 'MD5',
      type: 'string',
      required: false,
      description: 'MD5 hash of the CSR',
      copyable: true,
      dcv: 'md5',
      source: ref('response MD5'),
    },
    {
      name: 'SHA1',
      type: 'string',
      required: false,
      description: 'SHA1 hash of the CSR',
      copyable: true,
      dcv: 'sha1',
      source: ref('response SHA1'),
    },
    {
      name: 'APIError',
      type: 'object',
      required: false,
      description: 'Error details',
      source: ref('response APIError'),
      fields: [
        {
          name: 'ErrorNumber',
          type: 'integer',
          required: false,
          description: 'Error number',
          source: ref('response APIError.ErrorNumber'),
        },
        { ...text('ErrorField', 'Error field', false, 'response APIError') },
        { ...text('ErrorMessage', 'Error message', false, 'response APIError') },
      ],
    },
    {
      name: 'StatusCode',
      type: 'integer',
      required: true,
      description: 'Status code',
      source: ref('response StatusCode'),
    },
  ],
  statusCodes: [
    { code: 0, meaning: 'The order was placed.', success: true },
    { code: -1, meaning: 'The order has an error.', success: false },
  ],
};

/** Adds the synthetic API to this process's registry; returns the function that removes it. */
export function registerSyntheticApi(): () => void {
  return registerCatalogue(syntheticApi);
}
