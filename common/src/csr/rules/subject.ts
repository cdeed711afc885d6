// Subject rules from the Comodo document's `csr` row: required fields (-8), the country (-7),
// maximum lengths and ASN.1 string types (no status code given), fields the CA ignores.
import { COMODO_SUBJECT_FIELDS, comodoSubjectField } from '../comodoCsrSpec';
import { COUNTRY_SUGGESTIONS, isIso3166Alpha2 } from '../../countries';
import { OID } from '../oids';
import { charLength, isAscii } from '../strings';
import { attributeRef, quote, statusFor, vendorSays, type CsrContentRule, type CsrFinding } from './types';

export const csrMissingSubjectField: CsrContentRule = {
  code: 'csr-missing-subject-field',
  statusCode: -8,
  description:
    'The subject lacks a field the document requires: Common Name, Organization Name, Country Name.',
  check(csr, ctx) {
    return COMODO_SUBJECT_FIELDS.filter((f) => f.required && !csr.subject.some((a) => a.oid === f.oid)).map(
      (f): CsrFinding => ({
        code: this.code,
        statusCode: statusFor(ctx, this.statusCode),
        severity: 'error',
        message:
          `The CSR's subject has no ${f.description.replace(/ \(.*\)$/, '')} (OID ${f.oid}). The document's ` +
          `subject MUST include Common Name (CN), Organization Name (O) and Country Name (C).` +
          vendorSays(ctx, this.statusCode),
      }),
    );
  },
};

export const csrCountryInvalid: CsrContentRule = {
  code: 'csr-country-invalid',
  statusCode: -7,
  description: 'The Country Name is not an ISO 3166-1 alpha-2 code.',
  check(csr, ctx) {
    return csr.subject
      .filter((a) => a.oid === OID.countryName && !isIso3166Alpha2(a.value))
      .map((a): CsrFinding => {
        const suggestion = COUNTRY_SUGGESTIONS[a.value.toUpperCase()];
        const upper = a.value.toUpperCase();
        const hint = suggestion
          ? ` Did you mean ${suggestion}?`
          : upper !== a.value && isIso3166Alpha2(upper)
            ? ` Write it in capitals: ${upper}.`
            : '';
        const says = vendorSays(ctx, this.statusCode).replace("'xx'", `'${a.value}'`);
        return {
          code: this.code,
          statusCode: statusFor(ctx, this.statusCode),
          severity: 'error',
          message: `The Country Name ${quote(a.value)} is not an ISO 3166-1 alpha-2 country code (two capitals, e.g. DE, GB, US).${hint}${says}`,
          attribute: attributeRef(a),
        };
      });
  },
};

export const csrSubjectTooLong: CsrContentRule = {
  code: 'csr-subject-too-long',
  description: "A subject value is longer than the document's maximum for its field.",
  check(csr) {
    const out: CsrFinding[] = [];
    for (const a of csr.subject) {
      const spec = comodoSubjectField(a.oid);
      if (!spec) continue;
      const length = charLength(a.value);
      if (length <= spec.maxLength) continue;
      out.push({
        code: this.code,
        severity: 'error',
        message: `${a.shortName} (${spec.description.replace(/ \(.*\)$/, '')}) is ${length} characters; the Comodo document allows at most ${spec.maxLength}.`,
        attribute: attributeRef(a),
      });
    }
    return out;
  },
};

export const csrSubjectType: CsrContentRule = {
  code: 'csr-subject-string-type',
  description: 'A subject value uses an ASN.1 string type the document does not list for its field.',
  check(csr, ctx) {
    const out: CsrFinding[] = [];
    for (const a of csr.subject) {
      const spec = comodoSubjectField(a.oid);
      if (!spec) continue;
      const listed = spec.types.includes(a.type);
      const bmpNonAscii = listed && a.type === 'BMPString' && spec.bmpAsciiOnly && !isAscii(a.value);
      if (listed && !bmpNonAscii) continue;
      const allowed = spec.types.map((t) =>
        t === 'BMPString' && spec.bmpAsciiOnly ? 'BMPString (ASCII chars only)' : t,
      );
      const what = bmpNonAscii
        ? `${a.shortName} is a BMPString with non-ASCII characters`
        : `${a.shortName} is a ${a.type}`;
      // UTF8String is what RFC 5280 (4.1.2.4) asks for and OpenSSL writes by default: today's
      // practice accepts it, so it is only a hint unless the document's rule is chosen.
      // A BMPString beyond ASCII breaks the document's explicit restriction under either policy.
      const severity = ctx.policy === 'document' || bmpNonAscii ? 'warning' : 'hint';
      const modern =
        a.type === 'UTF8String'
          ? ' UTF8String is what RFC 5280 asks for and what "openssl req" writes by default (string_mask = utf8only); with string_mask = default, OpenSSL writes PrintableString where it can.'
          : '';
      out.push({
        code: this.code,
        severity,
        message: `${what}; the Comodo document lists ${allowed.join(', ')} for ${spec.description.replace(/ \(.*\)$/, '')}.${modern}`,
        attribute: attributeRef(a),
      });
    }
    return out;
  },
};

export const csrSubjectIgnored: CsrContentRule = {
  code: 'csr-subject-field-ignored',
  description:
    'A subject field the document does not list: "Any other fields MAY be present, but will be ignored."',
  check(csr) {
    return csr.subject
      .filter((a) => !comodoSubjectField(a.oid))
      .map((a): CsrFinding => ({
        code: this.code,
        severity: 'hint',
        message: `${a.shortName} (${a.oid}) is not among the document's subject fields; it says "Any other fields MAY be present, but will be ignored."`,
        attribute: attributeRef(a),
      }));
  },
};
