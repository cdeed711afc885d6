// What the Comodo !AutoApplySSL document (version 1.11, section 1 Request, the `csr` row)
// says about a CSR, as data. The rules read this table; the hover cites it.
import type { AsnStringType } from './types';

export interface ComodoSubjectField {
  oid: string;
  /** The document's description. */
  description: string;
  /** MUST include (CN, O, C) or MAY include. */
  required: boolean;
  /** "Supported ASN.1 Type(s)". */
  types: readonly AsnStringType[];
  /** "BMPString (ASCII chars only)". */
  bmpAsciiOnly?: boolean;
  /** "Max. Length", in characters. */
  maxLength: number;
  /**
   * The request argument that may carry the same value (prioritiseCSRValues), and which of several
   * occurrences maps to it (street addresses 1-3 are the CSR's first, second and third).
   */
  orderField?: { names: readonly string[] };
}

/** The `csr` row's subject table, in the document's order. */
export const COMODO_SUBJECT_FIELDS: readonly ComodoSubjectField[] = [
  {
    oid: '2.5.4.3',
    description: 'Common Name (MUST contain the Fully-Qualified Domain Name)',
    required: true,
    types: ['PrintableString', 'TeletexString', 'BMPString'],
    bmpAsciiOnly: true,
    maxLength: 64,
  },
  {
    oid: '2.5.4.10',
    description: 'Organization Name',
    required: true,
    types: ['PrintableString', 'TeletexString', 'BMPString'],
    bmpAsciiOnly: true,
    maxLength: 64,
  },
  {
    oid: '2.5.4.6',
    description: 'Country Name (ISO-3166 2-char code)',
    required: true,
    types: ['PrintableString'],
    maxLength: 2,
  },
  {
    oid: '2.5.4.11',
    description: 'Organizational Unit Name',
    required: false,
    types: ['PrintableString'],
    maxLength: 64,
    orderField: { names: ['organizationalUnitName'] },
  },
  {
    oid: '2.5.4.18',
    description: 'Post Office Box',
    required: false,
    types: ['PrintableString'],
    maxLength: 40,
    orderField: { names: ['postOfficeBox'] },
  },
  {
    oid: '2.5.4.9',
    description: 'Street Address',
    required: false,
    types: ['PrintableString'],
    maxLength: 128,
    orderField: { names: ['streetAddress1', 'streetAddress2', 'streetAddress3'] },
  },
  {
    oid: '2.5.4.7',
    description: 'Locality Name',
    required: false,
    types: ['PrintableString'],
    maxLength: 128,
    orderField: { names: ['localityName'] },
  },
  {
    oid: '2.5.4.8',
    description: 'State or Province Name',
    required: false,
    types: ['PrintableString'],
    maxLength: 128,
    orderField: { names: ['stateOrProvinceName'] },
  },
  {
    oid: '2.5.4.17',
    description: 'Postal Code',
    required: false,
    types: ['PrintableString'],
    maxLength: 40,
    orderField: { names: ['postalCode'] },
  },
];

export function comodoSubjectField(oid: string): ComodoSubjectField | undefined {
  return COMODO_SUBJECT_FIELDS.find((f) => f.oid === oid);
}

/** "Subject Public Key Info: Algorithm OID = rsaEncryption (PKCS#1). Size = 512 to 1024 bits." */
export const COMODO_DOCUMENT_KEY = { algorithm: 'rsaEncryption', minBits: 512, maxBits: 1024 } as const;

/** "Signature Algorithm: md5WithRSAEncryption (PKCS#1) or sha1WithRSAEncryption (PKCS#1)." */
export const COMODO_DOCUMENT_SIGNATURES: readonly string[] = [
  'md5WithRSAEncryption',
  'sha1WithRSAEncryption',
];

/** "prioritiseCSRValues ... If omitted, it's value defaults to Y." */
export const PRIORITISE_CSR_VALUES_DEFAULT = 'Y';
