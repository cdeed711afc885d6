// The subject of a new request, DER-encoded with the string types the order's API accepts. Under
// today's practice: PrintableString where the value allows it, UTF8String otherwise (RFC 5280
// 4.1.2.4; what OpenSSL writes with string_mask = default, UTF8String where it must). Under the
// Comodo document (!AutoApplySSL v1.11, 1. Request, the `csr` row): only the types its subject
// table lists for the field, and a CsrInputError for a value none of them can hold.
import { isIso3166Alpha2, COUNTRY_SUGGESTIONS } from '../../countries';
import { comodoSubjectField } from '../comodoCsrSpec';
import { OID } from '../oids';
import { charLength, isAscii, isPrintableStringValue } from '../strings';
import { characterString, objectIdentifier, sequence, setOf, type WrittenStringType } from './der';

/** The subject fields a new request may carry; empty or blank values are left out. */
export interface SubjectInput {
  commonName?: string;
  organization?: string;
  organizationalUnit?: string;
  locality?: string;
  state?: string;
  /** ISO 3166-1 alpha-2, e.g. `DE`. */
  country?: string;
  emailAddress?: string;
  /** Street address lines (Comodo streetAddress1-3). */
  streetAddress?: string[];
  postalCode?: string;
  postOfficeBox?: string;
}

/** A value that cannot be encoded, or is not valid for its field; `field` names the input field. */
export class CsrInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'CsrInputError';
  }
}

/**
 * Which string types a value may get. `table`: the API's document lists the types per field (the
 * Comodo subject table), so a listed type that holds the value is preferred to UTF8String, which
 * the table does not list. `strict`: only listed types, else CsrInputError (csr.keyPolicy
 * "document"); otherwise UTF8String is the last resort, as RFC 5280 and today's CAs accept.
 */
export interface StringPolicy {
  table: boolean;
  strict: boolean;
}

interface FieldDef {
  key: keyof SubjectInput;
  oid: string;
  label: string;
}

/** In the order `openssl req` configurations conventionally write them: C first, CN near the end. */
const FIELDS: readonly FieldDef[] = [
  { key: 'country', oid: OID.countryName, label: 'Country (C)' },
  { key: 'state', oid: OID.stateOrProvinceName, label: 'State or Province (ST)' },
  { key: 'locality', oid: OID.localityName, label: 'Locality (L)' },
  { key: 'streetAddress', oid: OID.streetAddress, label: 'Street Address (street)' },
  { key: 'postalCode', oid: OID.postalCode, label: 'Postal Code (postalCode)' },
  { key: 'postOfficeBox', oid: OID.postOfficeBox, label: 'Post Office Box (postOfficeBox)' },
  { key: 'organization', oid: OID.organizationName, label: 'Organization (O)' },
  { key: 'organizationalUnit', oid: OID.organizationalUnitName, label: 'Organizational Unit (OU)' },
  { key: 'commonName', oid: OID.commonName, label: 'Common Name (CN)' },
  { key: 'emailAddress', oid: '1.2.840.113549.1.9.1', label: 'E-mail Address (emailAddress)' },
];

/** RFC 5280 Appendix A upper bounds (ub-emailaddress-length 255); the Comodo table gives the rest. */
const EMAIL_MAX = 255;

/** One attribute as it will be encoded. */
export interface EncodedAttribute {
  oid: string;
  field: keyof SubjectInput;
  value: string;
  type: WrittenStringType;
}

/** The attributes in encoding order, each with its string type. Throws CsrInputError. */
export function subjectAttributes(subject: SubjectInput, policy: StringPolicy): EncodedAttribute[] {
  const out: EncodedAttribute[] = [];
  for (const f of FIELDS) {
    const raw = subject[f.key];
    const values = (Array.isArray(raw) ? raw : [raw]).map((v) => (v ?? '').trim()).filter((v) => v !== '');
    if (f.key === 'streetAddress' && values.length > 3) {
      throw new CsrInputError(
        f.key,
        `${f.label}: at most three lines (the Comodo document's streetAddress1 to 3).`,
      );
    }
    for (const value of values)
      out.push({ oid: f.oid, field: f.key, value, type: typeFor(f, value, policy) });
  }
  return out;
}

function typeFor(f: FieldDef, value: string, policy: StringPolicy): WrittenStringType {
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(value)) {
    throw new CsrInputError(
      f.key,
      `${f.label} holds a control character (a line break or tab?): ${JSON.stringify(value)}.`,
    );
  }
  if (f.key === 'country') {
    if (!isIso3166Alpha2(value)) {
      const suggestion =
        COUNTRY_SUGGESTIONS[value.toUpperCase()] ??
        (isIso3166Alpha2(value.toUpperCase()) ? value.toUpperCase() : undefined);
      throw new CsrInputError(
        f.key,
        `${f.label} ${JSON.stringify(value)} is not an ISO 3166-1 alpha-2 country code (two capitals, e.g. DE, GB, US).` +
          (suggestion ? ` Did you mean ${suggestion}?` : ''),
      );
    }
    // X.520 countryName is a PrintableString of two characters.
    return 'PrintableString';
  }
  if (f.key === 'emailAddress') {
    // PKCS#9 (RFC 2985) emailAddress is an IA5String: ASCII only.
    if (!isAscii(value)) {
      throw new CsrInputError(
        f.key,
        `${f.label} ${JSON.stringify(value)} is not ASCII; PKCS#9 emailAddress is an IA5String.`,
      );
    }
    if (value.length > EMAIL_MAX)
      throw new CsrInputError(f.key, `${f.label} is longer than ${EMAIL_MAX} characters (RFC 5280).`);
    return 'IA5String';
  }
  const spec = comodoSubjectField(f.oid);
  const length = charLength(value);
  if (spec && length > spec.maxLength) {
    throw new CsrInputError(
      f.key,
      `${f.label} is ${length} characters; at most ${spec.maxLength} (the Comodo document's Max. Length, and RFC 5280's upper bound).`,
    );
  }
  if (isPrintableStringValue(value)) return 'PrintableString';
  if (!policy.table) return 'UTF8String';
  const types = spec?.types ?? ['PrintableString'];
  // "BMPString (ASCII chars only)": the one other listed type that holds an ASCII value exactly.
  // TeletexString is not written: its T.61 repertoire is neither ASCII nor Latin-1, and readers differ.
  if (types.includes('BMPString') && isAscii(value)) return 'BMPString';
  if (!policy.strict) return 'UTF8String';
  const listed = types.map((t) =>
    t === 'BMPString' && spec?.bmpAsciiOnly ? 'BMPString (ASCII chars only)' : t,
  );
  const bad = [...value].filter((c) => !isPrintableStringValue(c));
  throw new CsrInputError(
    f.key,
    `${f.label} ${JSON.stringify(value)} cannot be encoded as the Comodo document asks: it lists ${listed.join(', ')} ` +
      `for this field, and ${[...new Set(bad)].map((c) => JSON.stringify(c)).join(', ')} ` +
      `${bad.length === 1 ? 'is' : 'are'} outside ${types.includes('BMPString') ? 'ASCII' : "PrintableString's alphabet (A-Z a-z 0-9 space ' ( ) + , - . / : = ?)"}. ` +
      `Write the value without ${bad.length === 1 ? 'it' : 'them'}, or choose csr.keyPolicy "current" (UTF8String).`,
  );
}

/** Name ::= SEQUENCE OF RelativeDistinguishedName, one attribute per RDN. */
export function encodeName(attributes: readonly EncodedAttribute[]): Uint8Array {
  return sequence(
    ...attributes.map((a) => setOf(sequence(objectIdentifier(a.oid), characterString(a.type, a.value)))),
  );
}
