// The sandbox's JSON full order, the wire format of SSL2Buy's documents (the "Sectigo PAC
// Enterprise (SMIME)" document's request and response parameters): a JSON body checked against
// the API's catalogue, a JSON answer with StatusCode 0 or -1 and APIError. Any API whose
// catalogue says `encoding: 'json'` is answered here, from its own fields and response fields.
// The document lists no error numbers: the sandbox's own are in SANDBOX_ERRORS.
import type { ApiCatalogue, FieldSpec } from '../../common/src/catalogue';
import { csrEmail } from '../../common/src/protocol/csrFacts';
import type { SandboxAnswer, SandboxRequest } from './answer';
import type { AnswerOptions } from './comodo';
import { readSandboxCsr, type SandboxCsr } from './csr';
import { digest, orderNumber } from './numbers';

/** The sandbox's ErrorNumber values (SSL2Buy's own are not documented). */
export const SANDBOX_ERRORS = {
  notJson: { number: 1, message: 'The request body is not a JSON object.' },
  missing: { number: 2, message: (f: string) => `${f} is required.` },
  invalid: { number: 3, message: (f: string) => `${f} is invalid.` },
  tooLong: { number: 4, message: (f: string, max: number) => `${f} must be at most ${max} characters.` },
  csr: { number: 5, message: (detail: string) => `The CSR is not valid: ${detail}` },
  method: { number: 6, message: 'Only POST is supported.' },
  injected: { number: 99, message: 'An error injected by the sandbox (code=-1).' },
} as const;

const json = (status: number, value: unknown): SandboxAnswer => ({
  status,
  contentType: 'application/json; charset=utf-8',
  body: JSON.stringify(value),
});

export function jsonOrderError(number: number, field: string, message: string, status = 200): SandboxAnswer {
  return json(status, {
    StatusCode: -1,
    APIError: { ErrorNumber: number, ErrorField: field, ErrorMessage: message },
  });
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function integerInvalid(spec: FieldSpec, value: unknown): boolean {
  if (!Number.isInteger(value)) return true;
  if (spec.values) return !spec.values.some((v) => v.value === value);
  // A validity in years with no listed values (PAC Enterprise's Year): the sandbox takes 1 to 3.
  return spec.summary === 'validity-years' && ((value as number) < 1 || (value as number) > 3);
}

/** The first problem of the fields at one level, as an error answer; undefined when all are fine. */
function checkFields(
  specs: readonly FieldSpec[],
  obj: Record<string, unknown>,
  prefix: string,
): SandboxAnswer | undefined {
  for (const spec of specs) {
    const path = prefix + spec.name;
    const value = obj[spec.name];
    if (value === undefined || value === null || value === '') {
      if (spec.required === true)
        return jsonOrderError(SANDBOX_ERRORS.missing.number, path, SANDBOX_ERRORS.missing.message(path));
      continue;
    }
    if (spec.type === 'object') {
      if (!isRecord(value))
        return jsonOrderError(SANDBOX_ERRORS.invalid.number, path, SANDBOX_ERRORS.invalid.message(path));
      const inner = checkFields(spec.fields ?? [], value, `${path}.`);
      if (inner) return inner;
      continue;
    }
    const bad = spec.type === 'integer' ? integerInvalid(spec, value) : typeof value !== 'string';
    if (bad) return jsonOrderError(SANDBOX_ERRORS.invalid.number, path, SANDBOX_ERRORS.invalid.message(path));
    if (spec.maxLength !== undefined && typeof value === 'string' && value.length > spec.maxLength)
      return jsonOrderError(
        SANDBOX_ERRORS.tooLong.number,
        path,
        SANDBOX_ERRORS.tooLong.message(path, spec.maxLength),
      );
  }
  return undefined;
}

/** The first e-mail the order gives (not the account's), depth first in the table's order. */
function orderEmail(specs: readonly FieldSpec[], obj: Record<string, unknown>): string | undefined {
  for (const spec of specs) {
    const value = obj[spec.name];
    if (spec.format === 'email' && !spec.credential && typeof value === 'string') return value;
    if (spec.fields && isRecord(value)) {
      const inner = orderEmail(spec.fields, value);
      if (inner) return inner;
    }
  }
  return undefined;
}

type DecodedSandboxCsr = Extract<SandboxCsr, { ok: true }>;

/** The success answer: each response field the catalogue lists, by what it is. */
function successBody(
  api: ApiCatalogue,
  body: Record<string, unknown>,
  csr: DecodedSandboxCsr,
): Record<string, unknown> {
  const key = (api.duplicateKeyFields ?? []).map((name) => JSON.stringify(body[name] ?? '')).join(',');
  const email = csrEmail(csr.csr) ?? orderEmail(api.fields, body) ?? '';
  const commonName = csr.csr.subject.find((a) => a.shortName === 'CN')?.value ?? '';
  const domain =
    api.certificateKind === 'smime' ? email.slice(email.indexOf('@') + 1) : commonName.replace(/^\*\./, '');
  const out: Record<string, unknown> = {};
  let numbers = 0;
  for (const spec of api.responseFields) {
    if (spec.name === 'StatusCode' || spec.name === 'APIError') continue;
    if (spec.orderNumber) {
      // Deterministic, one length per order-number field: 7 digits, then 9, ...
      const n = orderNumber(7 + 2 * numbers++, api.id, spec.name, csr.der, key);
      out[spec.name] = spec.type === 'integer' ? n : String(n);
    } else if (spec.dcv === 'md5' || spec.dcv === 'sha1') {
      // Hashes over the CSR's DER (the CSR module), upper case as SSL2Buy shows them.
      out[spec.name] = csr.hashes[spec.dcv].toUpperCase();
    } else if (spec.dcv === 'uniqueValue') {
      out[spec.name] = digest('unique', csr.der).toString('hex').slice(0, 10);
    } else if (spec.dcv === 'domainName') {
      out[spec.name] = domain;
    } else if (spec.format === 'email') {
      out[spec.name] = email;
    }
  }
  return { ...out, APIError: null, StatusCode: 0 };
}

export function answerJsonOrder(
  api: ApiCatalogue,
  req: SandboxRequest,
  options: AnswerOptions = {},
): SandboxAnswer {
  if (req.method !== 'POST')
    return jsonOrderError(SANDBOX_ERRORS.method.number, '', SANDBOX_ERRORS.method.message, 405);
  let body: unknown;
  try {
    body = JSON.parse(req.body);
  } catch {
    body = undefined;
  }
  if (!isRecord(body))
    return jsonOrderError(SANDBOX_ERRORS.notJson.number, '', SANDBOX_ERRORS.notJson.message);
  const problem = checkFields(api.fields, body, '');
  if (problem) return problem;
  const csrField = api.fields.find((f) => f.csr);
  const csr = readSandboxCsr(String(csrField ? body[csrField.name] : ''), {
    api: api.id,
    policy: options.csrPolicy ?? 'current',
  });
  if (!csr.ok)
    return jsonOrderError(
      SANDBOX_ERRORS.csr.number,
      csrField?.name ?? '',
      SANDBOX_ERRORS.csr.message(csr.detail),
    );
  if (options.statusCode !== undefined && options.statusCode !== 0)
    return jsonOrderError(SANDBOX_ERRORS.injected.number, '', SANDBOX_ERRORS.injected.message);
  return json(200, successBody(api, body, csr));
}
