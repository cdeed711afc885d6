// The sandbox's SSL2Buy Sectigo PAC Enterprise full order (SSL2Buy's "Sectigo PAC Enterprise
// (SMIME)" document, its request and response parameters): a JSON body checked against the
// catalogue, a JSON answer with StatusCode 0 or -1 and APIError. The document lists no error
// numbers: the sandbox's own are in SANDBOX_ERRORS.
import { ssl2buySectigoPacEnterprise as api, type FieldSpec } from '../../common/src/catalogue';
import type { SandboxAnswer, SandboxRequest } from './answer';
import type { AnswerOptions } from './comodo';
import { csrEmail } from '../../common/src/protocol/csrFacts';
import { readSandboxCsr } from './csr';
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

export function ssl2buyError(number: number, field: string, message: string, status = 200): SandboxAnswer {
  return json(status, {
    StatusCode: -1,
    APIError: { ErrorNumber: number, ErrorField: field, ErrorMessage: message },
  });
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

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
        return ssl2buyError(SANDBOX_ERRORS.missing.number, path, SANDBOX_ERRORS.missing.message(path));
      continue;
    }
    if (spec.type === 'object') {
      if (!isRecord(value))
        return ssl2buyError(SANDBOX_ERRORS.invalid.number, path, SANDBOX_ERRORS.invalid.message(path));
      const inner = checkFields(spec.fields ?? [], value, `${path}.`);
      if (inner) return inner;
      continue;
    }
    // Year: the document says Integer; the sandbox takes 1 to 3.
    const bad =
      spec.type === 'integer'
        ? !(Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 3)
        : typeof value !== 'string';
    if (bad) return ssl2buyError(SANDBOX_ERRORS.invalid.number, path, SANDBOX_ERRORS.invalid.message(path));
    if (spec.maxLength !== undefined && typeof value === 'string' && value.length > spec.maxLength)
      return ssl2buyError(
        SANDBOX_ERRORS.tooLong.number,
        path,
        SANDBOX_ERRORS.tooLong.message(path, spec.maxLength),
      );
  }
  return undefined;
}

export function answerSsl2Buy(req: SandboxRequest, options: AnswerOptions = {}): SandboxAnswer {
  if (req.method !== 'POST')
    return ssl2buyError(SANDBOX_ERRORS.method.number, '', SANDBOX_ERRORS.method.message, 405);
  let body: unknown;
  try {
    body = JSON.parse(req.body);
  } catch {
    body = undefined;
  }
  if (!isRecord(body)) return ssl2buyError(SANDBOX_ERRORS.notJson.number, '', SANDBOX_ERRORS.notJson.message);
  const problem = checkFields(api.fields, body, '');
  if (problem) return problem;
  const csr = readSandboxCsr(String(body.CSR), { api: 'ssl2buy-sectigo-pac-enterprise' });
  if (!csr.ok) return ssl2buyError(SANDBOX_ERRORS.csr.number, 'CSR', SANDBOX_ERRORS.csr.message(csr.detail));
  if (options.statusCode !== undefined && options.statusCode !== 0)
    return ssl2buyError(SANDBOX_ERRORS.injected.number, '', SANDBOX_ERRORS.injected.message);

  const partnerOrderId = String(body.PartnerOrderID);
  const org = body.OrganisationInfo as Record<string, unknown>;
  const email = csrEmail(csr.csr) ?? String(org.Email);
  return json(200, {
    SSL2BuyOrderNumber: orderNumber(7, 'ssl2buy', csr.der, partnerOrderId),
    ComodoOrderNumber: String(orderNumber(9, 'sectigo', csr.der, partnerOrderId)),
    ApprovalEmail: email,
    DomainName: email.includes('@') ? email.slice(email.indexOf('@') + 1) : email,
    // Hashes over the CSR's DER (the CSR module), upper case as SSL2Buy shows them.
    MD5: csr.hashes.md5.toUpperCase(),
    SHA1: csr.hashes.sha1.toUpperCase(),
    UniqueValue: digest('unique', csr.der).toString('hex').slice(0, 10),
    APIError: null,
    StatusCode: 0,
  });
}
