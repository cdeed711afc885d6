// The request sent and its answer kept: everything between sending and the history write. None
// of it may throw, or the answer (an order perhaps placed) would be lost: each step that reads
// the answer (parse, DCV values, masking, the log line) falls back to a plainer record instead.
// No vscode import.
import {
  dcvView,
  hashedKey,
  MASK,
  newRecordId,
  outcomeOf,
  parseResponse,
  RECORD_FORMAT,
  redactRecord,
  type BuiltRequest,
  type ParsedResponse,
  type SendOutcome,
  type SubmissionRecord,
} from '../../../common/src/protocol';
import type { Prepared, SubmissionDeps, SubmitRequest } from './deps';

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** `fn()`, or `fallback(error)` should it throw. */
function settle<T>(fn: () => T, fallback: (err: unknown) => T): T {
  try {
    return fn();
  } catch (err) {
    return fallback(err);
  }
}

async function send(deps: SubmissionDeps, built: BuiltRequest): Promise<SendOutcome> {
  try {
    return await deps.send(built);
  } catch (err) {
    // The sender reports failures as values; anything thrown is unknown, so assume it was sent.
    return { kind: 'failure', failure: { kind: 'maybe-sent', code: 'UNKNOWN', message: messageOf(err) } };
  }
}

export async function sendAndRecord(
  deps: SubmissionDeps,
  req: SubmitRequest,
  p: Prepared,
  built: BuiltRequest,
  secrets: string[],
  log: (line: string) => void,
): Promise<SubmissionRecord> {
  const { environment } = req;
  const { name, order, endpoint } = p;
  const api = order.api;
  const startedMs = deps.now();
  log(`${new Date(startedMs).toISOString()} ${environment} ${api.id}: POST ${endpoint.url} (${name})`);
  const outcome = await send(deps, built);
  // From here on nothing throws until the record is on disk.
  const durationMs = settle(
    () => Math.max(0, deps.now() - startedMs),
    () => 0,
  );
  const record = settle(
    () => redactRecord(answerRecord(req, p, built, outcome, startedMs, durationMs), secrets),
    (err) => {
      settle(
        () => log(`  masking the answer failed (${messageOf(err)}): only its status is kept`),
        () => undefined,
      );
      return plainRecord(req, p, built, outcome, startedMs, durationMs);
    },
  );
  settle(
    () =>
      log(
        `  -> ${outcomeOf(record)} in ${durationMs} ms${outcome.kind === 'response' ? ` (HTTP ${outcome.response.status})` : ''}`,
      ),
    () => undefined,
  );
  return record;
}

function baseRecord(
  req: SubmitRequest,
  p: Prepared,
  built: BuiltRequest,
  startedMs: number,
  durationMs: number,
): SubmissionRecord {
  const api = p.order.api;
  return {
    format: RECORD_FORMAT,
    id: newRecordId(startedMs),
    apiId: api.id,
    apiTitle: api.title,
    environment: req.environment,
    endpoint: p.endpoint.url,
    orderFile: req.orderFile,
    startedAt: new Date(startedMs).toISOString(),
    durationMs,
    request: built.redacted,
    ...(p.key ? { duplicateKey: p.key } : {}),
  };
}

/** The whole record: the answer parsed (an answer the parser cannot read is unexpected) and DCV values. */
function answerRecord(
  req: SubmitRequest,
  p: Prepared,
  built: BuiltRequest,
  outcome: SendOutcome,
  startedMs: number,
  durationMs: number,
): SubmissionRecord {
  const record = baseRecord(req, p, built, startedMs, durationMs);
  if (outcome.kind === 'failure') return { ...record, failure: outcome.failure };
  const response = outcome.response;
  const parsed = settle<ParsedResponse>(
    () => parseResponse(p.order.api, response),
    (err) => ({ kind: 'unexpected', reason: `The answer could not be read: ${messageOf(err)}` }),
  );
  const dcv =
    parsed.kind === 'success'
      ? settle(
          () => dcvView(p.csr, parsed),
          () => undefined,
        )
      : undefined;
  return { ...record, response, parsed, ...(dcv ? { dcv } : {}) };
}

/**
 * Should masking fail: the record without anything the answer said (status and outcome kept), so
 * that the history still has it and no secret can be in it.
 */
function plainRecord(
  req: SubmitRequest,
  p: Prepared,
  built: BuiltRequest,
  outcome: SendOutcome,
  startedMs: number,
  durationMs: number,
): SubmissionRecord {
  const record = baseRecord(req, p, built, startedMs, durationMs);
  const plain: SubmissionRecord = {
    ...record,
    // Hashed: compared the same by the duplicate guard, and it may hold the secret.
    ...(p.key ? { duplicateKey: hashedKey(p.key) } : {}),
    endpoint: MASK,
    request: { ...record.request, url: MASK, headers: {}, body: MASK },
  };
  const withheld = 'The answer was not kept: masking the secret in it failed (see the output channel).';
  if (outcome.kind === 'failure')
    return {
      ...plain,
      failure: { kind: outcome.failure.kind, code: outcome.failure.code, message: withheld },
    };
  return {
    ...plain,
    response: { status: outcome.response.status, headers: {}, body: MASK },
    parsed: { kind: 'unexpected', reason: withheld },
  };
}
