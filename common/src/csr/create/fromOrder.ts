// What a new request's subject can take from the order, and where the order keeps its CSR. The
// order's own values, each one the vendor document's field for the same thing: SSL2Buy's
// OrganisationInfo (Sectigo PAC Enterprise full order document, "Request Parameters") and the
// person's name in PACOrderInfo; Comodo's address arguments (!AutoApplySSL v1.11, 1. Request:
// organizationalUnitName, streetAddress1-3, localityName, ...), which the document pairs with
// the CSR's own fields through prioritiseCSRValues.
import { parse, type JSONPath } from 'jsonc-parser';
import { findCatalogue } from '../../catalogue';
import { countryCodeOfName } from '../../countries';
import { isIso3166Alpha2 } from '../../countries';
import type { SubjectInput } from './subject';

type Source = { path: readonly string[] } | { join: readonly (readonly string[])[] };
type SubjectKey = Exclude<keyof SubjectInput, 'streetAddress'>;

interface SubjectMap {
  fields: Partial<Record<SubjectKey, Source>>;
  streetAddress?: readonly (readonly string[])[];
}

const MAPS: Readonly<Record<string, SubjectMap>> = {
  'ssl2buy-sectigo-pac-enterprise': {
    fields: {
      commonName: {
        join: [
          ['PACOrderInfo', 'FirstName'],
          ['PACOrderInfo', 'LastName'],
        ],
      },
      organization: { path: ['OrganisationInfo', 'OrgName'] },
      locality: { path: ['OrganisationInfo', 'City'] },
      state: { path: ['OrganisationInfo', 'State'] },
      country: { path: ['OrganisationInfo', 'CountryName'] },
      postalCode: { path: ['OrganisationInfo', 'PostalCode'] },
    },
    streetAddress: [
      ['OrganisationInfo', 'Address1'],
      ['OrganisationInfo', 'Address2'],
    ],
  },
  'comodo-autoapplyssl': {
    fields: {
      organizationalUnit: { path: ['organizationalUnitName'] },
      locality: { path: ['localityName'] },
      state: { path: ['stateOrProvinceName'] },
      postalCode: { path: ['postalCode'] },
      postOfficeBox: { path: ['postOfficeBox'] },
    },
    streetAddress: [['streetAddress1'], ['streetAddress2'], ['streetAddress3']],
  },
};

/** The order as an object: parsed JSONC text, or the value already parsed. */
function orderObject(order: unknown): Record<string, unknown> {
  const value =
    typeof order === 'string' ? (parse(order, [], { allowTrailingComma: true }) as unknown) : order;
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** A member by name, case-insensitively when the API's names are (Comodo). */
function member(obj: unknown, name: string, caseInsensitive: boolean): unknown {
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) return undefined;
  const record = obj as Record<string, unknown>;
  if (name in record || !caseInsensitive) return record[name];
  const key = Object.keys(record).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : record[key];
}

function text(order: Record<string, unknown>, path: readonly string[], ci: boolean): string | undefined {
  let v: unknown = order;
  for (const p of path) v = member(v, p, ci);
  if (typeof v === 'number') return String(v);
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/** The subject fields the order has values for; the country as its ISO 3166-1 alpha-2 code. */
export function subjectFromOrder(api: string, order: unknown): SubjectInput {
  const map = MAPS[api];
  const ci = findCatalogue(api)?.caseInsensitiveNames ?? false;
  if (!map) return {};
  const obj = orderObject(order);
  const out: SubjectInput = {};
  for (const [key, source] of Object.entries(map.fields) as [SubjectKey, Source][]) {
    const value =
      'path' in source
        ? text(obj, source.path, ci)
        : source.join
            .map((p) => text(obj, p, ci))
            .filter((v) => v !== undefined)
            .join(' ') || undefined;
    if (value !== undefined) out[key] = value;
  }
  // The order's country may be its English name ("iso3166-country": code or name).
  if (out.country && !isIso3166Alpha2(out.country)) {
    const code =
      countryCodeOfName(out.country) ??
      (isIso3166Alpha2(out.country.toUpperCase()) ? out.country.toUpperCase() : undefined);
    if (code) out.country = code;
  }
  const street = (map.streetAddress ?? []).map((p) => text(obj, p, ci)).filter((v) => v !== undefined);
  if (street.length) out.streetAddress = street;
  return out;
}

/**
 * The JSON path of the order's CSR field (the catalogue's `csr: true` field): as the order
 * writes it when it has the field (Comodo names are case-insensitive), else the vendor's spelling.
 */
export function csrFieldPath(api: string, order?: unknown): JSONPath {
  const catalogue = findCatalogue(api);
  const field = catalogue?.fields.find((f) => f.csr);
  if (!catalogue || !field) return [];
  if (order !== undefined && catalogue.caseInsensitiveNames) {
    const written = Object.keys(orderObject(order)).find((k) => k.toLowerCase() === field.name.toLowerCase());
    if (written) return [written];
  }
  return [field.name];
}
