// One submission as it is kept in the history and shown in the panel: the request with secrets
// masked, what came back, where it went, when, and how long it took.
import type {
  Environment,
  HttpRequestSpec,
  HttpResponseData,
  ParsedResponse,
  TransportFailure,
} from './types';

export const RECORD_FORMAT = 'cert-order-submission/1';

/** Domain-control validation values, from the CA's answer and from the CSR itself. */
export interface DcvValues {
  /** Where the hashes come from, e.g. "the MD5 and SHA1 the CA returned". */
  basis: string;
  filePath: string;
  fileContent: string;
  cnameHost: string;
  cnameTarget: string;
}

export interface DcvView {
  /** Which convention is shown (case, suffix): the panel states it. */
  convention: string;
  domain?: string;
  /** Values built from the hashes the CA returned (SSL2Buy MD5/SHA1/UniqueValue). */
  fromResponse?: DcvValues;
  /** Values built from the CSR's own hashes (MD5 and SHA-256 of its DER). */
  fromCsr?: DcvValues;
  /** The CSR's own hashes, hex. */
  csrHashes?: { md5: string; sha1: string; sha256: string };
}

export interface SubmissionRecord {
  format: typeof RECORD_FORMAT;
  id: string;
  apiId: string;
  apiTitle: string;
  environment: Environment;
  endpoint: string;
  /** Absolute path of the order file. */
  orderFile: string;
  /** ISO time the request was started. */
  startedAt: string;
  durationMs: number;
  /** The request as sent, secrets masked. */
  request: HttpRequestSpec;
  /** What came back (secrets masked, should the peer echo one). */
  response?: HttpResponseData;
  /** Why nothing (complete) came back. */
  failure?: TransportFailure;
  parsed?: ParsedResponse;
  /** Identifies the same order across submissions (catalogue `duplicateKeyFields`). */
  duplicateKey?: string;
  dcv?: DcvView;
}

export type Outcome = 'success' | 'error' | 'unexpected' | 'not-sent' | 'maybe-placed';

export function outcomeOf(record: SubmissionRecord): Outcome {
  if (record.failure) return record.failure.kind === 'not-sent' ? 'not-sent' : 'maybe-placed';
  return record.parsed?.kind ?? 'unexpected';
}

export function orderNumberOf(record: SubmissionRecord): string | undefined {
  return record.parsed?.kind === 'success' ? record.parsed.orderNumber : undefined;
}

// What the outcome means for the order, first (the panel's heading, the history list).
const OUTCOME_TEXT: Record<Outcome, string> = {
  success: 'Placed',
  error: 'Refused by the CA',
  unexpected: 'May have been placed (unexpected answer)',
  'not-sent': 'Not placed',
  'maybe-placed': 'May have been placed (no answer)',
};

export function outcomeText(outcome: Outcome): string {
  return OUTCOME_TEXT[outcome];
}

/** `2024-05-01T10-00-00-000Z-production-comodo-autoapplyssl-1a2b3c.json` */
export function recordFileName(record: SubmissionRecord): string {
  const time = record.startedAt.replace(/[:.]/g, '-');
  const suffix = record.id.split('-').pop() ?? record.id;
  return `${time}-${record.environment}-${record.apiId}-${suffix}.json`;
}

export function newRecordId(nowMs: number, random: () => number = Math.random): string {
  const rand = Math.floor(random() * 0xffffff)
    .toString(16)
    .padStart(6, '0');
  return `${nowMs.toString(36)}-${rand}`;
}

// --- Reading a history file back: every part the panel and the guards read is checked, so a
// hand-edited or damaged file is skipped instead of breaking the list or the panel. ---

type Check = (v: unknown) => boolean;
const isString: Check = (v) => typeof v === 'string';
const isNumber: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const optional =
  (check: Check): Check =>
  (v) =>
    v === undefined || check(v);
const object =
  (shape: Record<string, Check>): Check =>
  (v) =>
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    Object.entries(shape).every(([k, check]) => check((v as Record<string, unknown>)[k]));
const stringRecord: Check = (v) =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every(isString);
const oneOf =
  (...values: string[]): Check =>
  (v) =>
    typeof v === 'string' && values.includes(v);

const isRequest = object({ url: isString, method: isString, headers: stringRecord, body: isString });
const isResponse = object({
  status: isNumber,
  headers: stringRecord,
  body: isString,
  truncated: optional((v) => typeof v === 'boolean'),
});
const isFailure = object({
  kind: oneOf('not-sent', 'maybe-sent'),
  code: isString,
  message: isString,
  partial: optional(isResponse),
});
const isField = object({
  name: isString,
  label: isString,
  value: isString,
  meaning: optional(isString),
  copy: optional((v) => typeof v === 'boolean'),
});
const isFields: Check = (v) => Array.isArray(v) && v.every(isField);
const isParsed: Check = (v) => {
  const kind = (v as { kind?: unknown } | null)?.kind;
  if (kind === 'unexpected') return object({ reason: isString })(v);
  const coded = object({ statusCode: isNumber, statusMeaning: isString, fields: isFields });
  if (kind === 'success')
    return (
      coded(v) &&
      object({
        orderNumber: optional(isString),
        hashes: optional(
          object({
            md5: optional(isString),
            sha1: optional(isString),
            uniqueValue: optional(isString),
            domainName: optional(isString),
          }),
        ),
      })(v)
    );
  if (kind === 'error')
    return (
      coded(v) &&
      object({ message: isString, fieldError: optional(object({ field: isString, message: isString })) })(v)
    );
  return false;
};
const isDcvValues = object({
  basis: isString,
  filePath: isString,
  fileContent: isString,
  cnameHost: isString,
  cnameTarget: isString,
});
const isDcv = object({
  convention: isString,
  domain: optional(isString),
  fromResponse: optional(isDcvValues),
  fromCsr: optional(isDcvValues),
  csrHashes: optional(object({ md5: isString, sha1: isString, sha256: isString })),
});
const isRecordShape = object({
  format: (v) => v === RECORD_FORMAT,
  id: isString,
  apiId: isString,
  apiTitle: isString,
  environment: oneOf('demo', 'production'),
  endpoint: isString,
  orderFile: isString,
  startedAt: isString,
  durationMs: isNumber,
  request: isRequest,
  response: optional(isResponse),
  failure: optional(isFailure),
  parsed: optional(isParsed),
  duplicateKey: optional(isString),
  dcv: optional(isDcv),
});

/** Reads a history file; undefined for anything that is not a whole record (such files are skipped). */
export function parseRecord(text: string): SubmissionRecord | undefined {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return undefined;
  }
  return isRecordShape(v) ? (v as SubmissionRecord) : undefined;
}
