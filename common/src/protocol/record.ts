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

const OUTCOME_TEXT: Record<Outcome, string> = {
  success: 'Success',
  error: 'Error',
  unexpected: 'Unexpected response',
  'not-sent': 'Not sent',
  'maybe-placed': 'No answer: the order may have been placed',
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

/** Reads a history file; undefined for anything that is not a record (malformed files are skipped). */
export function parseRecord(text: string): SubmissionRecord | undefined {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof v !== 'object' || v === null) return undefined;
  const r = v as Partial<SubmissionRecord>;
  const ok =
    r.format === RECORD_FORMAT &&
    typeof r.id === 'string' &&
    typeof r.apiId === 'string' &&
    typeof r.apiTitle === 'string' &&
    (r.environment === 'demo' || r.environment === 'production') &&
    typeof r.endpoint === 'string' &&
    typeof r.orderFile === 'string' &&
    typeof r.startedAt === 'string' &&
    typeof r.durationMs === 'number' &&
    typeof r.request === 'object' &&
    r.request !== null &&
    typeof r.request.body === 'string';
  return ok ? (r as SubmissionRecord) : undefined;
}
