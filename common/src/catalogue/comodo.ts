// Comodo !AutoApplySSL, from Comodo's document "!AutoApplySSL" (https://secure.comodo.net/products/!AutoApplySSL,
// version 1.11): section 1 Request (the argument rows), section 2 Response (status codes and lines).
// The tables are in their own files: comodoProducts.ts, comodoServerSoftware.ts, comodoFields.ts.
import { COMODO_DOC as DOC, COMODO_FIELDS as fields } from './comodoFields';
import { CSR_ITSELF_RULES } from './csrRules';
import type { ApiCatalogue, ValueSpec } from './types';

export * from './comodoProducts';
export { COMODO_ADDRESS_ARGUMENTS } from './comodoFields';
export { COMODO_SERVER_SOFTWARE } from './comodoServerSoftware';

const status = (code: number, meaning: string, namesField = false): ComodoStatus => ({
  code,
  meaning,
  success: code >= 0,
  ...(namesField ? { namesField } : {}),
});
type ComodoStatus = ApiCatalogue['statusCodes'][number];

/** Line 4 of a successful response: expected delivery time in hours (2.2.2). */
export const COMODO_DELIVERY_TIMES: ValueSpec[] = [
  {
    value: 0,
    label: 'Issued immediately',
    description:
      'This order has been automatically validated and the certificate has been issued immediately (not yet implemented by Comodo).',
  },
  {
    value: 1,
    label: 'Within the hour',
    description:
      'This order has been automatically validated and the certificate will be issued as soon as possible (almost definitely within the next hour).',
  },
  {
    value: 24,
    label: 'Awaiting account manager',
    description:
      'This order, although marked as validated by the Web Host, is awaiting final approval by an account manager.',
  },
  {
    value: 48,
    label: 'Awaiting documents',
    description:
      'This order was not marked as validated by the Web Host and could not be automatically validated by Comodo: the 48 hours starts when Comodo has received various documents from the end-user.',
  },
];

export const comodoAutoApplySsl: ApiCatalogue = {
  id: 'comodo-autoapplyssl',
  title: 'Comodo !AutoApplySSL',
  settingsPrefix: 'comodo',
  envPrefix: 'COMODO',
  // years or days is required for most products (their rows' "required" column); a new order gives days.
  snippet: { prefix: 'order-comodo', alsoFields: ['days'] },
  document: DOC,
  caseInsensitiveNames: true,
  certificateKind: 'tls',
  // The `csr` row and the status codes -5 to -20 (section 2.1): the subject it must and may hold,
  // the common name per product, the address arguments the CSR may stand in for.
  csrRules: {
    codes: [
      ...CSR_ITSELF_RULES,
      'csr-missing-subject-field',
      'csr-country-invalid',
      'csr-cn-not-fqdn',
      'csr-cn-wildcard-not-allowed',
      'csr-cn-wildcard-required',
      'csr-intranet-fqdn',
      'csr-intranet-public-ip',
      'csr-subject-too-long',
      'csr-subject-string-type',
      'csr-subject-field-ignored',
      'csr-order-field-required',
      'csr-order-field-differs',
    ],
    quoteStatusCodes: true,
    documentKeyPolicy: true,
  },
  problemStatus: { unknownField: -2, missingField: -3, invalidValue: -4 },
  // The same CSR for the same products is the same certificate.
  duplicateKeyFields: ['csr', 'product'],
  endpoints: {
    production: 'https://secure.comodo.net/products/!AutoApplySSL',
    demoMode: 'testFlag',
    method: 'POST',
    encoding: 'form',
  },
  fields,
  // 2.2.2: lines of a successful response, as fields for the panel.
  responseFields: [
    {
      name: 'statusCode',
      type: 'integer',
      required: true,
      description: 'Line 1: Status Code',
      source: { document: DOC, section: '2.1 Line 1' },
    },
    {
      name: 'errorMessage',
      type: 'string',
      required: 'conditional',
      requiredWhen: 'if Status Code < 0',
      description: 'Line 2: Error Message',
      source: { document: DOC, section: '2.2.1 Line 2' },
    },
    {
      name: 'orderNumber',
      type: 'integer',
      required: 'conditional',
      requiredWhen: 'if Status Code >= 0',
      description: 'Line 2: Order Number',
      copyable: true,
      orderNumber: true,
      source: { document: DOC, section: '2.2.2 Line 2' },
    },
    {
      name: 'amount',
      type: 'string',
      required: 'conditional',
      requiredWhen: 'if Status Code >= 0',
      description:
        'Line 3: Amount Debited (status 0) or Amount Required, not including UK VAT (status 1), in USD without a leading $',
      source: { document: DOC, section: '2.2.2 Line 3' },
    },
    {
      name: 'expectedDeliveryHours',
      type: 'integer',
      required: 'conditional',
      requiredWhen: 'if Status Code >= 0',
      description: 'Line 4: Expected Delivery Time (hours)',
      values: COMODO_DELIVERY_TIMES,
      source: { document: DOC, section: '2.2.2 Line 4' },
    },
  ],
  statusCodes: [
    status(1, 'Successful, Payment Required'),
    status(0, 'Successful'),
    status(-1, 'Request was not made over https!'),
    status(-2, 'Unrecognised argument!'),
    status(-3, "The 'xxxx' argument is missing!", true),
    status(-4, "The value of the 'xxxx' argument is invalid!", true),
    status(-5, "The CSR's Common Name may NOT contain a wildcard!"),
    status(-6, "The CSR's Common Name MUST contain ONE wildcard!"),
    status(-7, "'xx' is not a valid ISO-3166 country!"),
    status(-8, 'The CSR is missing a required field!'),
    status(-9, 'The CSR is not valid Base-64 data!'),
    status(-10, 'The CSR cannot be decoded!'),
    status(-11, 'The CSR uses an unsupported algorithm!'),
    status(-12, 'The CSR has an invalid signature!'),
    status(-13, 'The CSR uses an unsupported key size!'),
    status(-14, 'An unknown error occurred!'),
    status(-15, 'Not enough credit!'),
    status(-16, 'Permission denied! Contact Comodo Support to have your account enabled for !AutoApplySSL'),
    status(-17, 'Request used GET rather than POST!'),
    status(-18, 'The Intranet Server Name may not be a Fully-Qualified Domain Name!'),
    status(-19, 'The Intranet Server Name may not be an Internet-accessible IP Address!'),
  ],
};
