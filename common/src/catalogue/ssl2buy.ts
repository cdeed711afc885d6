// SSL2Buy Sectigo PAC Enterprise (S/MIME) full order, from SSL2Buy's document "Sectigo PAC Enterprise
// (SMIME)": its service URLs, "Request Parameters for ComodoPositiveSSLFullOrderRequest" and
// "Response Parameters for ComodoPositiveSSLFullOrderResponse".
import { CSR_ITSELF_RULES } from './csrRules';
import type { ApiCatalogue, FieldSpec, SpecRef } from './types';

const DOC = 'SSL2Buy Sectigo PAC Enterprise (SMIME) full order document';
const reqRef = (row: string): SpecRef => ({
  document: DOC,
  section: `Request Parameters for "ComodoPositiveSSLFullOrderRequest": ${row}`,
});
const resRef = (row: string): SpecRef => ({
  document: DOC,
  section: `Response Parameters for "ComodoPositiveSSLFullOrderResponse": ${row}`,
});

const str = (name: string, description: string, required: boolean, parent?: string): FieldSpec => ({
  name,
  type: 'string',
  maxLength: 200,
  required,
  description,
  source: reqRef(parent ? `${parent}.${name}` : name),
});

const hashValueNote =
  'This value is used to approve certificate when HTTPCSRHASH Or CNAMECSRHASH Approval method is used.';

export const ssl2buySectigoPacEnterprise: ApiCatalogue = {
  id: 'ssl2buy-sectigo-pac-enterprise',
  title: 'SSL2Buy Sectigo PAC Enterprise (S/MIME)',
  settingsPrefix: 'ssl2buy',
  envPrefix: 'SSL2BUY',
  snippet: { prefix: 'order-ssl2buy' },
  document: DOC,
  caseInsensitiveNames: false,
  certificateKind: 'smime',
  // The document states no rule on the CSR: what any CA checks. Its S/MIME orders get today's key practice.
  csrRules: { codes: CSR_ITSELF_RULES },
  // The partner's own order number names the order.
  duplicateKeyFields: ['PartnerOrderID'],
  endpoints: {
    production:
      'https://api.ssl2buy.com/queryservice/ComodoFullOrder/SectigoPersonalAuthenticationEnterprise',
    demo: 'https://demo-api.ssl2buy.com/queryservice/ComodoFullOrder/SectigoPersonalAuthenticationEnterprise',
    demoMode: 'url',
    method: 'POST',
    encoding: 'json',
  },
  fields: [
    {
      ...str('PartnerEmail', 'SSL2Buy login Email', true),
      credential: 'user',
      format: 'email',
      notes: 'May be written in the order or in the `certOrder.ssl2buy.partnerEmail` setting.',
    },
    {
      name: 'ApiKey',
      type: 'string',
      maxLength: 100,
      required: true,
      description: 'SSL2Buy API KEY',
      credential: 'secret',
      notes: 'Never written in an order: it is kept in VS Code SecretStorage and added at submission.',
      source: reqRef('ApiKey'),
    },
    {
      name: 'Year',
      type: 'integer',
      required: true,
      description: 'Validity of certificate',
      placeholder: 1,
      summary: 'validity-years',
      source: reqRef('Year'),
    },
    {
      name: 'PartnerOrderID',
      type: 'string',
      required: true,
      description: 'Partner should pass the Partner order number.',
      placeholder: 'ORDER-0001',
      summary: 'order-id',
      source: reqRef('PartnerOrderID'),
    },
    {
      name: 'CSR',
      type: 'string',
      required: true,
      description: 'CSR to place full order',
      notes: 'In an order file it may also be `file:relative/path.csr`.',
      csr: true,
      placeholder: 'file:smime.csr',
      source: reqRef('CSR'),
    },
    {
      name: 'PACOrderInfo',
      type: 'object',
      required: true,
      description: 'Object with Order Information about the PAC',
      source: reqRef('PACOrderInfo'),
      fields: [
        { ...str('Title', 'Contact Title', true, 'PACOrderInfo'), summary: 'contact-name' },
        { ...str('FirstName', 'Contact First Name', true, 'PACOrderInfo'), summary: 'contact-name' },
        { ...str('LastName', 'Contact Last Name', true, 'PACOrderInfo'), summary: 'contact-name' },
      ],
    },
    {
      name: 'OrganisationInfo',
      type: 'object',
      required: true,
      description: 'Object with information about the organisation',
      source: reqRef('OrganisationInfo'),
      fields: [
        { ...str('OrgName', 'Organisation Name', true, 'OrganisationInfo'), summary: 'organisation' },
        str('OrgDuns', 'Organisation Duns', false, 'OrganisationInfo'),
        str('OrgCompanyRegNumber', 'Organisation Reg. No.', false, 'OrganisationInfo'),
        { ...str('Email', 'Organisation Email', true, 'OrganisationInfo'), format: 'email' },
        str('Address1', 'Organisation Address1', true, 'OrganisationInfo'),
        str('Address2', 'Organisation Address2', false, 'OrganisationInfo'),
        str('City', 'Organisation City', true, 'OrganisationInfo'),
        str('State', 'Organisation State', true, 'OrganisationInfo'),
        {
          ...str('CountryName', 'Organisation Country Name', true, 'OrganisationInfo'),
          format: 'iso3166-country',
        },
        str('PostalCode', 'Organisation Postal Code', true, 'OrganisationInfo'),
        str('PhoneNo', 'Organisation Phone number', true, 'OrganisationInfo'),
        str('Fax', 'Organisation Fax', false, 'OrganisationInfo'),
      ],
    },
  ],
  responseFields: [
    {
      name: 'SSL2BuyOrderNumber',
      type: 'integer',
      required: false,
      description: 'SSL2Buy Order number',
      copyable: true,
      orderNumber: true,
      source: resRef('SSL2BuyOrderNumber'),
    },
    {
      name: 'ComodoOrderNumber',
      type: 'string',
      required: false,
      description: 'Comodo Order Number',
      copyable: true,
      orderNumber: true,
      source: resRef('ComodoOrderNumber'),
    },
    {
      name: 'ApprovalEmail',
      type: 'string',
      required: false,
      description: 'Approval Email',
      format: 'email',
      source: resRef('ApprovalEmail'),
    },
    {
      name: 'DomainName',
      type: 'string',
      required: false,
      description: 'Domain Name',
      dcv: 'domainName',
      source: resRef('DomainName'),
    },
    {
      name: 'MD5',
      type: 'string',
      required: false,
      description: 'MD5 Unique value',
      copyable: true,
      dcv: 'md5',
      notes: hashValueNote,
      source: resRef('MD5'),
    },
    {
      name: 'SHA1',
      type: 'string',
      required: false,
      description: 'SHA1 Unique Value',
      copyable: true,
      dcv: 'sha1',
      notes: hashValueNote,
      source: resRef('SHA1'),
    },
    {
      name: 'UniqueValue',
      type: 'string',
      required: false,
      description: 'Unique Value',
      copyable: true,
      dcv: 'uniqueValue',
      notes: hashValueNote,
      source: resRef('UniqueValue'),
    },
    {
      name: 'APIError',
      type: 'object',
      required: false,
      description: 'Error details',
      source: resRef('APIError'),
      fields: [
        {
          name: 'ErrorNumber',
          type: 'integer',
          required: false,
          description: 'Error Number',
          source: resRef('APIError.ErrorNumber'),
        },
        {
          name: 'ErrorField',
          type: 'string',
          required: false,
          description: 'Error Field',
          source: resRef('APIError.ErrorField'),
        },
        {
          name: 'ErrorMessage',
          type: 'string',
          required: false,
          description: 'Description of errors',
          source: resRef('APIError.ErrorMessage'),
        },
      ],
    },
    {
      name: 'StatusCode',
      type: 'integer',
      required: true,
      description: 'Status Code of Response',
      source: resRef('StatusCode'),
    },
  ],
  statusCodes: [
    { code: 0, meaning: 'Method is executed successfully.', success: true },
    { code: -1, meaning: 'There is an Error in Response.', success: false },
  ],
};
