// The sandbox's !AutoApplySSL (Comodo's !AutoApplySSL document v1.11, sections 1 and 2), the
// wire format of an API whose catalogue says `encoding: 'form'`: form arguments checked against
// that catalogue, text/plain lines back with its status codes. The product, validity and servers
// checks are the !AutoApplySSL rows' (its product tables). Any credentials are accepted, but they
// must be there (-3). Prices are the sandbox's own.
import {
  COMODO_ADDON_PRODUCTS,
  COMODO_BASE_PRODUCTS,
  COMODO_NO_ADDON_PRODUCTS,
  COMODO_SINGLE_VALIDITY_PRODUCTS,
  COMODO_WILDCARD_PRODUCTS,
} from '../../common/src/catalogue/comodo';
import { findField, statusMeaning, type ApiCatalogue, type FieldSpec } from '../../common/src/catalogue';
import type { SandboxAnswer, SandboxRequest } from './answer';
import { readSandboxCsr, type CsrPolicy } from './csr';
import { orderNumber } from './numbers';

/** The sandbox's price per year of each base product, USD (not Comodo's prices). */
const SANDBOX_PRICE_USD: Record<number, number> = {
  43: 0,
  44: 20,
  24: 50,
  34: 80,
  7: 100,
  35: 300,
  62: 150,
  63: 200,
  64: 250,
  65: 400,
};
const ADDON_PRICE_USD = 10;

const lines = (...l: (string | number)[]): SandboxAnswer => ({
  status: 200,
  contentType: 'text/plain; charset=utf-8',
  body: l.join('\n') + '\n',
});

/** The documented answer for a status code < 0: the code, then its message (2.2.1). */
export function comodoError(api: ApiCatalogue, code: number, field?: string): SandboxAnswer {
  const meaning = statusMeaning(api, code) ?? 'An unknown error occurred!';
  return lines(code, field ? meaning.replace('xxxx', field) : meaning);
}

function productCodes(value: string): number[] | undefined {
  if (!/^\s*\d+(\s*,\s*\d+)*\s*$/.test(value)) return undefined;
  return value.split(',').map((c) => Number(c.trim()));
}

/** The `product` row: exactly one base product; add-ons 36/37 only with 24, 34, 7, 35, 62-65. */
function productValid(codes: number[]): boolean {
  const bases = codes.filter((c) => COMODO_BASE_PRODUCTS.some((p) => p.value === c));
  const addons = codes.filter((c) => COMODO_ADDON_PRODUCTS.some((p) => p.value === c));
  if (bases.length !== 1 || bases.length + addons.length !== codes.length) return false;
  if (new Set(codes).size !== codes.length) return false;
  return addons.length === 0 || !COMODO_NO_ADDON_PRODUCTS.includes(bases[0]);
}

/** The value breaks the field's type, length or listed values. */
function valueInvalid(spec: FieldSpec, value: string, base: number | undefined): boolean {
  if (spec.maxLength !== undefined && value.length > spec.maxLength) return true;
  if (spec.type === 'integer' && !/^-?\d+$/.test(value)) return true;
  if (spec.type === 'char' && spec.values)
    return !spec.values.some((v) => String(v.value).toUpperCase() === value.toUpperCase());
  if (spec.name === 'servers')
    return (
      base !== undefined &&
      COMODO_WILDCARD_PRODUCTS.includes(base) &&
      !(Number(value) >= 1 && Number(value) <= 10)
    );
  // years/days: "for most products" 1-3 / 365-1095; Trial SSL has its own single value.
  if ((spec.name === 'years' || spec.name === 'days') && spec.values)
    return (
      base !== undefined &&
      !COMODO_SINGLE_VALIDITY_PRODUCTS.includes(base) &&
      !spec.values.some((v) => String(v.value) === value)
    );
  if (spec.name === 'serverSoftware' && spec.values)
    return !spec.values.some((v) => String(v.value) === value);
  return false;
}

export interface AnswerOptions {
  /** Answer with this documented status code once the request is valid (fault `code=N`). */
  statusCode?: number;
  /** The CSR key and signature rules: today's practice (default) or the Comodo document's. */
  csrPolicy?: CsrPolicy;
}

export function answerAutoApply(
  api: ApiCatalogue,
  req: SandboxRequest,
  options: AnswerOptions = {},
): SandboxAnswer {
  const error = (code: number, field?: string): SandboxAnswer => comodoError(api, code, field);
  const missing = (name: string): SandboxAnswer => error(-3, name);
  const invalid = (name: string): SandboxAnswer => error(-4, name);
  if (req.method === 'GET') return error(-17);
  if (req.method !== 'POST') return error(-14);
  // Arguments are case-insensitive (1. Request): keyed by lower case, first occurrence wins.
  const args = new Map<string, { name: string; value: string }>();
  const form = req.contentType.toLowerCase().startsWith('application/x-www-form-urlencoded')
    ? new URLSearchParams(req.body)
    : new URLSearchParams();
  for (const [name, value] of form) {
    const spec = findField(api.fields, name, true);
    if (!spec) return error(-2);
    if (!args.has(spec.name.toLowerCase())) args.set(spec.name.toLowerCase(), { name, value });
  }
  const get = (name: string): string | undefined => args.get(name.toLowerCase())?.value;

  const product = get('product');
  const codes = product === undefined ? undefined : productCodes(product);
  const base = codes?.find((c) => COMODO_BASE_PRODUCTS.some((p) => p.value === c));
  for (const spec of api.fields) {
    const value = get(spec.name);
    if (value === undefined || value === '') {
      if (spec.required === true) return missing(spec.name);
      continue;
    }
    if (spec.name === 'product') {
      if (!codes || !productValid(codes)) return invalid(spec.name);
      continue;
    }
    if (valueInvalid(spec, value, base)) return invalid(spec.name);
  }
  if (base !== undefined && !COMODO_SINGLE_VALIDITY_PRODUCTS.includes(base) && !get('years') && !get('days'))
    return missing('years');
  if (base !== undefined && COMODO_WILDCARD_PRODUCTS.includes(base) && !get('servers'))
    return missing('servers');

  const orderFields = Object.fromEntries([...args.values()].map((a) => [a.name, a.value]));
  const csrField = api.fields.find((f) => f.csr);
  const csr = readSandboxCsr(get(csrField?.name ?? 'csr') ?? '', {
    api: api.id,
    ...(codes ? { products: codes } : {}),
    policy: options.csrPolicy ?? 'current',
    orderFields,
    ...(get('prioritiseCSRValues') ? { prioritiseCSRValues: get('prioritiseCSRValues') } : {}),
  });
  if (!csr.ok) return error(csr.code, csr.field ?? (csr.code === -4 ? 'csr' : undefined));

  const code = options.statusCode ?? 0;
  if (code < 0) return error(code);
  const years = Number(get('years') ?? 0) || Math.round(Number(get('days') ?? 365) / 365) || 1;
  const addons = (codes ?? []).length - 1;
  const test = (get('test') ?? 'N').toUpperCase() === 'Y';
  const price = ((SANDBOX_PRICE_USD[base ?? 0] ?? 0) * years + ADDON_PRICE_USD * addons).toFixed(2);
  // 2.2.2: order number, amount debited (0) or required (1), expected delivery in hours.
  const delivery = (get('isCustomerValidated') ?? 'N').toUpperCase() === 'Y' ? 1 : 48;
  return lines(
    code,
    orderNumber(8, api.id, csr.der, (codes ?? []).join(','), String(years)),
    test && code === 0 ? '0.00' : price,
    delivery,
  );
}
