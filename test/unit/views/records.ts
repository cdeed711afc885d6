// Submission records for the Orders view's tests and its benchmark: each outcome the view tells
// apart, in the shape the history keeps (parseRecord accepts every one).
import { RECORD_FORMAT, type Environment, type SubmissionRecord } from '../../../common/src/protocol';

export type TestOutcome = 'placed' | 'refused' | 'maybe-placed' | 'unexpected' | 'not-sent';

export interface RecordOptions {
  id: string;
  orderFile: string;
  /** Seconds after 2026-12-01T00:00:00Z. */
  second: number;
  environment?: Environment;
  outcome?: TestOutcome;
  orderNumber?: string;
}

export function testRecord(o: RecordOptions): SubmissionRecord {
  const base: SubmissionRecord = {
    format: RECORD_FORMAT,
    id: o.id,
    apiId: 'comodo-autoapplyssl',
    apiTitle: 'Comodo !AutoApplySSL',
    environment: o.environment ?? 'demo',
    endpoint: 'http://127.0.0.1:1/products/!AutoApplySSL',
    orderFile: o.orderFile,
    startedAt: new Date(Date.UTC(2026, 11, 1, 0, 0, o.second)).toISOString(),
    durationMs: 12,
    request: {
      url: 'http://127.0.0.1:1/products/!AutoApplySSL',
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'loginName=alice&loginPassword=********&product=24&years=1',
    },
  };
  const response = { status: 200, headers: {}, body: '' };
  switch (o.outcome ?? 'placed') {
    case 'placed':
      return {
        ...base,
        response,
        parsed: {
          kind: 'success',
          statusCode: 0,
          statusMeaning: 'Success',
          fields: [],
          ...(o.orderNumber ? { orderNumber: o.orderNumber } : {}),
        },
      };
    case 'refused':
      return {
        ...base,
        response,
        parsed: {
          kind: 'error',
          statusCode: -4,
          statusMeaning: 'bad value',
          message: 'years is invalid',
          fields: [],
        },
      };
    case 'unexpected':
      return { ...base, response, parsed: { kind: 'unexpected', reason: 'an HTML page' } };
    case 'maybe-placed':
      return { ...base, failure: { kind: 'maybe-sent', code: 'ETIMEDOUT', message: 'no answer in 60 s' } };
    case 'not-sent':
      return { ...base, failure: { kind: 'not-sent', code: 'ECONNREFUSED', message: 'connection refused' } };
  }
}
