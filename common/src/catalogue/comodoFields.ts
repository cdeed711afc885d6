// Comodo !AutoApplySSL's arguments (section 1 Request of the document, version 1.11), one entry
// per row, with the reading of the rows whose meaning is not plain next to them.
import { COMODO_ADDON_PRODUCTS, COMODO_BASE_PRODUCTS } from './comodoProducts';
import { COMODO_SERVER_SOFTWARE } from './comodoServerSoftware';
import type { FieldSpec, SpecRef, ValueSpec } from './types';

export const COMODO_DOC = 'Comodo !AutoApplySSL document, version 1.11';
const req = (row: string): SpecRef => ({ document: COMODO_DOC, section: `1. Request: ${row}` });

const YES_NO = (yes: string, no: string): ValueSpec[] => [
  { value: 'Y', label: 'Yes', description: yes },
  { value: 'N', label: 'No', description: no },
];

/**
 * The address arguments, each required unless the CSR has that subject field (the CSR's OID).
 *
 * The `1. Request` table names each of them twice, e.g. `streetAddress1` and `streetAddress1 (if
 * there is a Street Address in the CSR)`. The original marks required names in bold and optional
 * ones in italics ("Required variables are in bold. Optional variables are in italics."), which the
 * text lost. The same two-line construct is written for `years` / `years (if days is specified, or
 * there is only one possible value - e.g. Trial SSL)`, which reads "required unless days is given":
 * the parenthesised line is the case in which the argument becomes optional. Read the same way, each
 * address argument is required unless the CSR has that field. The rows' descriptions agree: when a
 * value is given both here and in the CSR, prioritiseCSRValues chooses between them, so either one
 * alone is legitimate, and requiring a copy of what the CSR holds would make no sense. (`servers` /
 * `servers (PremiumSSL Wildcard and GoldSSL Wildcard)` is the other way round, required for 35/65,
 * because its row says "otherwise: ignored".) A missing one is answered -3 "The 'xxxx' argument is
 * missing!". Only the first street address is required (streetAddress2 and 3 have one row each).
 * The CSR rule `csr-order-field-required` and the sandbox read this table.
 */
export const COMODO_ADDRESS_ARGUMENTS: readonly { field: string; oid: string; description: string }[] = [
  { field: 'streetAddress1', oid: '2.5.4.9', description: 'Street Address' },
  { field: 'localityName', oid: '2.5.4.7', description: 'Locality Name' },
  { field: 'stateOrProvinceName', oid: '2.5.4.8', description: 'State or Province Name' },
  { field: 'postalCode', oid: '2.5.4.17', description: 'Postal Code' },
];

/** Fields that may be given both in the CSR and as a separate argument (`prioritiseCSRValues`). */
const csrDuplicate = (name: string, maxLength: number, description: string): FieldSpec => {
  const address = COMODO_ADDRESS_ARGUMENTS.find((a) => a.field === name);
  const duplicate = `If a ${address?.description ?? description} is specified here and in the csr, prioritiseCSRValues indicates which value will be used.`;
  return {
    name,
    type: 'string',
    maxLength,
    required: address ? 'conditional' : false,
    ...(address
      ? {
          requiredWhen: `unless the CSR has a ${address.description} (${address.oid})`,
          notes:
            `Missing from both the order and the CSR, Comodo answers -3. The document's second row, ` +
            `"${name} (if there is a ${address.description} in the CSR)", is the case in which it may be left out. ${duplicate}`,
        }
      : { notes: duplicate }),
    description,
    source: req(name),
  };
};

/** The arguments of section 1 Request, in the document's order. */
export const COMODO_FIELDS: FieldSpec[] = [
  {
    name: 'loginName',
    type: 'string',
    maxLength: 64,
    required: true,
    description: 'Account Username (case sensitive)',
    credential: 'user',
    notes: 'May be written in the order or in the `certOrder.comodo.loginName` setting.',
    source: req('loginName'),
  },
  {
    name: 'loginPassword',
    type: 'string',
    maxLength: 128,
    required: true,
    description: 'Account Password (case sensitive)',
    credential: 'secret',
    notes: 'Never written in an order: it is kept in VS Code SecretStorage and added at submission.',
    source: req('loginPassword'),
  },
  {
    name: 'product',
    type: 'string',
    maxLength: 64,
    required: true,
    description: 'Products required',
    notes:
      'A comma-separated string of integers with exactly ONE base product (43, 44, 24, 34, 7, 35, 62, 63, 64, 65). ' +
      'With 24, 34, 7, 35, 62, 63, 64 or 65 the add-ons 36 (TrustLogo) and 37 (Card Payment TrustLogo) are optional; ' +
      'with 43 or 44 they must NOT be specified. Examples: `24`, `34,36`, `35,36,37`.',
    values: [...COMODO_BASE_PRODUCTS, ...COMODO_ADDON_PRODUCTS],
    format: 'integer-list',
    placeholder: '24',
    summary: 'products',
    source: req('product'),
  },
  {
    name: 'years',
    type: 'integer',
    required: 'conditional',
    requiredWhen: 'unless days is specified, or there is only one possible value (e.g. Trial SSL)',
    description: 'Validity Period (in years)',
    notes:
      'For most products: 1, 2 or 3. years is superseded by days, but is retained for backwards compatibility.',
    values: [
      { value: 1, label: '1 year' },
      { value: 2, label: '2 years' },
      { value: 3, label: '3 years' },
    ],
    placeholder: 1,
    summary: 'validity-years',
    source: req('years'),
  },
  {
    name: 'days',
    type: 'integer',
    required: 'conditional',
    requiredWhen: 'unless years is specified, or there is only one possible value (e.g. Trial SSL)',
    description: 'Validity Period (in days)',
    notes: 'For most products: 365, 730 or 1095.',
    values: [
      { value: 365, label: '365 days (1 year)' },
      { value: 730, label: '730 days (2 years)' },
      { value: 1095, label: '1095 days (3 years)' },
    ],
    placeholder: 365,
    summary: 'validity-days',
    source: req('days'),
  },
  {
    name: 'servers',
    type: 'integer',
    required: 'conditional',
    requiredWhen: 'for PremiumSSL Wildcard (35) and GoldSSL Wildcard (65)',
    description: 'Number of Server Licenses',
    notes: 'PremiumSSL Wildcard or GoldSSL Wildcard: 1 to 10; otherwise: ignored.',
    values: Array.from({ length: 10 }, (_, i) => ({
      value: i + 1,
      label: `${i + 1} server licence${i ? 's' : ''}`,
    })),
    placeholder: 1,
    summary: 'servers',
    source: req('servers'),
  },
  {
    name: 'serverSoftware',
    type: 'integer',
    required: true,
    description: 'Server software the certificate will be installed on',
    values: COMODO_SERVER_SOFTWARE,
    placeholder: 2,
    source: req('serverSoftware'),
  },
  {
    name: 'csr',
    type: 'string',
    maxLength: 32767,
    required: true,
    description: 'Certificate Signing Request',
    notes:
      'Base-64 encoded, with or without the -----BEGIN xxxxx----- and -----END xxxxx----- header and footer. ' +
      'In an order file it may also be `file:relative/path.csr`. Subject MUST include CN (the fully-qualified domain name), O and C.',
    csr: true,
    placeholder: 'file:server.csr',
    source: req('csr'),
  },
  {
    name: 'prioritiseCSRValues',
    type: 'char',
    maxLength: 1,
    required: false,
    description:
      'Which values to use if there are duplicates (e.g. a Postal Code in both the CSR and a separate variable)',
    notes: 'If omitted, its value defaults to Y.',
    values: YES_NO('Use the values in the CSR.', 'Use the values given as separate variables.'),
    source: req('prioritiseCSRValues'),
  },
  csrDuplicate('organizationalUnitName', 64, 'Organizational Unit Name'),
  csrDuplicate('postOfficeBox', 40, 'Post Office Box'),
  csrDuplicate('streetAddress1', 128, 'Street Address 1'),
  csrDuplicate('streetAddress2', 128, 'Street Address 2'),
  csrDuplicate('streetAddress3', 128, 'Street Address 3'),
  csrDuplicate('localityName', 128, 'Locality Name'),
  csrDuplicate('stateOrProvinceName', 128, 'State or Province Name'),
  csrDuplicate('postalCode', 40, 'Postal Code'),
  {
    name: 'dunsNumber',
    type: 'string',
    maxLength: 32,
    required: false,
    description: 'DUN and Bradstreet Number',
    source: req('dunsNumber'),
  },
  {
    name: 'companyNumber',
    type: 'string',
    maxLength: 25,
    required: false,
    description: 'Company Registration Number',
    source: req('companyNumber'),
  },
  {
    name: 'emailAddress',
    type: 'string',
    maxLength: 255,
    required: false,
    description: 'Alternative issuance email address',
    format: 'email',
    notes:
      'If specified, the certificate will be emailed to this email address rather than the applicant’s admin email address.',
    source: req('emailAddress'),
  },
  {
    // Required: unlike `test` and `prioritiseCSRValues`, whose rows say what they default to when
    // omitted, this row gives no default, and Sectigo's current documentation of the API lists it
    // among the required parameters. Missing: Comodo -3. The quick fix writes "N" (Comodo
    // validates the customer), the choice that claims nothing on the customer's behalf.
    name: 'isCustomerValidated',
    type: 'char',
    maxLength: 1,
    required: true,
    description: 'Whether the Web Host has validated the customer',
    notes:
      'If Y (or y), the Web Host has validated the customer; if N (or n), Comodo will validate the customer. ' +
      'The row gives no default (unlike test and prioritiseCSRValues), so it is required.',
    valuesCaseInsensitive: true,
    values: YES_NO('The Web Host has validated the customer.', 'Comodo will validate the customer.'),
    placeholder: 'N',
    source: req('isCustomerValidated'),
  },
  {
    name: 'test',
    type: 'char',
    maxLength: 1,
    required: false,
    description: 'Test order',
    notes:
      'If Y, the account will not be charged and the order will be processed as a test order. If omitted, its value defaults to N. ' +
      'The extension sets it to Y when submitting to the demo endpoint.',
    valuesCaseInsensitive: true,
    values: YES_NO('Process as a test order; the account is not charged.', 'A real order.'),
    testFlag: true,
    source: req('test'),
  },
];
