// The request sent and its answer kept: everything between sending and the history write.
// No vscode import.
import {
  dcvView,
  newRecordId,
  outcomeOf,
  parseResponse,
  redactDeep,
  RECORD_FORMAT,
  type BuiltRequest,
  type SendOutcome,
  type SubmissionRecord,
} from '../../../common/src/protocol';
import type { Prepared, SubmissionDeps, SubmitRequest } from './deps';

export async function sendAndRecord(
  deps: SubmissionDeps,
  req: SubmitRequest,
  p: Prepared,
  built: BuiltRequest,
  secrets: string[],
  log: (line: string) => void,
): Promise<SubmissionRecord> {
  const { environment } = req;
  const { name, order, csr, endpoint, key } = p;
  const api = order.api;
  const startedMs = deps.now();
  log(`${new Date(startedMs).toISOString()} ${environment} ${api.id}: POST ${endpoint.url} (${name})`);
  let outcome: SendOutcome;
  try {
    outcome = await deps.send(built);
  } catch (err) {
    // The sender reports failures as values; anything thrown is unknown, so assume it was sent.
    outcome = {
      kind: 'failure',
      failure: { kind: 'maybe-sent', code: 'UNKNOWN', message: (err as Error).message },
    };
  }
  const durationMs = Math.max(0, deps.now() - startedMs);

  const response = outcome.kind === 'response' ? outcome.response : undefined;
  const parsed = response ? parseResponse(api, response) : undefined;
  const record: SubmissionRecord = redactDeep(
    {
      format: RECORD_FORMAT,
      id: newRecordId(startedMs),
      apiId: api.id,
      apiTitle: api.title,
      environment,
      endpoint: endpoint.url,
      orderFile: req.orderFile,
      startedAt: new Date(startedMs).toISOString(),
      durationMs,
      request: built.redacted,
      ...(response ? { response } : {}),
      ...(outcome.kind === 'failure' ? { failure: outcome.failure } : {}),
      ...(parsed ? { parsed } : {}),
      ...(key ? { duplicateKey: key } : {}),
      ...(parsed?.kind === 'success' ? { dcv: dcvView(csr, parsed) } : {}),
    } satisfies SubmissionRecord,
    secrets,
  );
  log(`  -> ${outcomeOf(record)} in ${durationMs} ms${response ? ` (HTTP ${response.status})` : ''}`);
  return record;
}
