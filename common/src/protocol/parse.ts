// Response parsers: the documented response in, labelled fields out. The catalogue's response
// fields give the labels and say which values get a copy button (`copyable`), which is the order
// number (`orderNumber`) and which are DCV values (`dcv`). Anything that is not the documented shape (an HTML error page, an empty body, an unknown status, missing lines, the
// wrong content type) is `unexpected`, and the panel shows its raw body instead of fields.
import {
  comodoAutoApplySsl,
  ssl2buySectigoPacEnterprise,
  type ApiCatalogue,
  type FieldSpec,
} from '../catalogue';
import { isRecord } from './order';
import type { FieldError, HttpResponseData, ParsedField, ParsedResponse, ReturnedHashes } from './types';

const unexpected = (reason: string): ParsedResponse => ({ kind: 'unexpected', reason });

function responseField(api: ApiCatalogue, name: string): FieldSpec | undefined {
  return api.responseFields.find((f) => f.name === name);
}

/** A parsed value labelled by its catalogue entry, with a copy button when the entry is `copyable`. */
function labelled(api: ApiCatalogue, name: string, value: string, meaning?: string): ParsedField {
  const spec = responseField(api, name);
  return {
    name,
    label: spec?.description ?? name,
    value,
    ...(meaning !== undefined ? { meaning } : {}),
    ...(spec?.copyable ? { copy: true } : {}),
  };
}

function commonProblem(
  response: HttpResponseData,
  mimeTest: (type: string) => boolean,
  mime: string,
): string | undefined {
  if (response.truncated)
    return 'The response was larger than certOrder.http.maxResponseBytes and was cut off; it is shown as received.';
  if (response.body.trim() === '') return `The response body is empty (HTTP ${response.status}).`;
  const type = (response.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (!mimeTest(type))
    return `The response is ${type || 'of no declared type'}, not ${mime} (HTTP ${response.status}).`;
  return undefined;
}

const isSuccessHttp = (status: number): boolean => status >= 200 && status < 300;

// --- Comodo !AutoApplySSL: text/plain lines (document section 2) ---------------------------

/** The field named in Comodo's -3/-4 messages: `The 'xxxx' argument is missing!` (straight or curly quotes). */
export function fieldNamedInMessage(message: string): string | undefined {
  const m = /['‘’]([^'‘’]+)['‘’]/.exec(message);
  return m ? m[1] : undefined;
}

export function parseAutoApplyResponse(
  response: HttpResponseData,
  api: ApiCatalogue = comodoAutoApplySsl,
): ParsedResponse {
  const problem = commonProblem(response, (t) => t === 'text/plain', 'text/plain');
  if (problem) return unexpected(problem);
  if (!isSuccessHttp(response.status))
    return unexpected(`HTTP ${response.status}: not a documented response.`);
  // CRLF, LF or a bare CR; trailing blank lines dropped (trim also takes a leading BOM).
  const lines = response.body.replace(/[\r\n\s]+$/, '').split(/\r\n|\r|\n/);
  const first = lines[0].trim();
  // An integer as the document writes them: no `+`, no leading zeros, and `-0` is not 0.
  if (!/^(0|-?[1-9]\d*)$/.test(first))
    return unexpected(`Line 1 is not a status code: "${first.slice(0, 80)}".`);
  const code = Number(first);
  const status = api.statusCodes.find((s) => s.code === code);
  if (!status) return unexpected(`Status code ${code} is not in the document.`);
  const statusField = labelled(api, 'statusCode', String(code), status.meaning);

  if (!status.success) {
    // 2.2.1: line 2 is the error message.
    const message = (lines[1] ?? '').trim();
    if (message === '') return unexpected(`Status ${code} without the error message of line 2 (truncated?).`);
    const named = status.namesField ? fieldNamedInMessage(message) : undefined;
    const fieldError: FieldError | undefined = named ? { field: named, message } : undefined;
    return {
      kind: 'error',
      statusCode: code,
      statusMeaning: status.meaning,
      message,
      fields: [statusField, labelled(api, 'errorMessage', message)],
      ...(fieldError ? { fieldError } : {}),
    };
  }

  // 2.2.2: order number, amount debited/required (USD), expected delivery time (hours).
  if (lines.length < 4)
    return unexpected(`Status ${code} with ${lines.length} of the 4 documented lines (truncated?).`);
  const [orderNumber, amount, delivery] = lines.slice(1, 4).map((l) => l.trim());
  if (!/^\d+$/.test(orderNumber))
    return unexpected(`Line 2 is not an order number: "${orderNumber.slice(0, 80)}".`);
  if (!/^\d+(\.\d+)?$/.test(amount))
    return unexpected(`Line 3 is not an amount in USD: "${amount.slice(0, 80)}".`);
  if (!/^\d+$/.test(delivery))
    return unexpected(`Line 4 is not a number of hours: "${delivery.slice(0, 80)}".`);
  const deliveryValue = responseField(api, 'expectedDeliveryHours')?.values?.find(
    (v) => v.value === Number(delivery),
  );
  return {
    kind: 'success',
    statusCode: code,
    statusMeaning: status.meaning,
    orderNumber,
    fields: [
      statusField,
      labelled(api, 'orderNumber', orderNumber),
      {
        name: 'amount',
        label:
          code === 1 ? 'Line 3: Amount Required, USD (not including UK VAT)' : 'Line 3: Amount Debited, USD',
        value: amount,
      },
      labelled(
        api,
        'expectedDeliveryHours',
        delivery,
        deliveryValue
          ? `${deliveryValue.label}: ${deliveryValue.description ?? ''}`.trim()
          : 'Not a value the document describes.',
      ),
    ],
  };
}

// --- SSL2Buy: JSON ---------------------------------------------------------------------------

/** A member of a JSON object, by exact name or else case-insensitively. */
function member(obj: Record<string, unknown>, name: string): unknown {
  if (name in obj) return obj[name];
  const key = Object.keys(obj).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : obj[key];
}

function scalar(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

export function parseSsl2BuyResponse(
  response: HttpResponseData,
  api: ApiCatalogue = ssl2buySectigoPacEnterprise,
): ParsedResponse {
  const problem = commonProblem(
    response,
    (t) => t === 'application/json' || t.endsWith('+json') || t === 'text/json',
    'JSON',
  );
  if (problem) return unexpected(problem);
  let body: unknown;
  try {
    // JSON.parse rejects a byte-order mark, which .NET services often write.
    body = JSON.parse(response.body.replace(/^\uFEFF/, ''));
  } catch {
    return unexpected(`The body is not valid JSON (HTTP ${response.status}; truncated or malformed).`);
  }
  if (!isRecord(body)) return unexpected('The JSON body is not an object.');
  const rawCode = member(body, 'StatusCode');
  if (typeof rawCode !== 'number' || !Number.isInteger(rawCode))
    return unexpected('The JSON has no integer StatusCode.');
  const status = api.statusCodes.find((s) => s.code === rawCode);
  if (!status) return unexpected(`StatusCode ${rawCode} is not in the document.`);
  const statusField = labelled(api, 'StatusCode', String(rawCode), status.meaning);
  const httpNote: ParsedField[] = isSuccessHttp(response.status)
    ? []
    : [{ name: 'httpStatus', label: 'HTTP status', value: String(response.status) }];

  if (!status.success) {
    const apiErrorSpec = responseField(api, 'APIError');
    const apiError = member(body, 'APIError');
    const fields: ParsedField[] = [statusField, ...httpNote];
    let message = status.meaning;
    let fieldError: FieldError | undefined;
    if (isRecord(apiError)) {
      for (const spec of apiErrorSpec?.fields ?? []) {
        const value = scalar(member(apiError, spec.name));
        if (value !== undefined)
          fields.push({ name: `APIError.${spec.name}`, label: spec.description, value });
      }
      const errorMessage = scalar(member(apiError, 'ErrorMessage'));
      const errorField = scalar(member(apiError, 'ErrorField'));
      if (errorMessage) message = errorMessage;
      if (errorField && errorField.trim() !== '') fieldError = { field: errorField.trim(), message };
    }
    return {
      kind: 'error',
      statusCode: rawCode,
      statusMeaning: status.meaning,
      message,
      fields,
      ...(fieldError ? { fieldError } : {}),
    };
  }

  if (!isSuccessHttp(response.status))
    return unexpected(
      `StatusCode ${rawCode} (success) with HTTP ${response.status}: not a documented response.`,
    );
  const fields: ParsedField[] = [statusField];
  const hashes: ReturnedHashes = {};
  let orderNumber: string | undefined;
  for (const spec of api.responseFields) {
    if (spec.name === 'StatusCode' || spec.type === 'object') continue;
    const value = scalar(member(body, spec.name));
    if (value === undefined || value === '') continue;
    fields.push(labelled(api, spec.name, value));
    if (spec.dcv) hashes[spec.dcv] = value;
    if (spec.orderNumber) orderNumber ??= value;
  }
  return {
    kind: 'success',
    statusCode: rawCode,
    statusMeaning: status.meaning,
    fields,
    ...(orderNumber ? { orderNumber } : {}),
    ...(Object.keys(hashes).length > 0 ? { hashes } : {}),
  };
}

/** The parser for an API, by its catalogue's encoding. */
export function parseResponse(api: ApiCatalogue, response: HttpResponseData): ParsedResponse {
  return api.endpoints.encoding === 'form'
    ? parseAutoApplyResponse(response, api)
    : parseSsl2BuyResponse(response, api);
}
