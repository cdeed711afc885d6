// "Open Order as Sent": a submission's request as an order-like JSON document, read-only. The
// request is the record's, in which every secret was masked before it was kept (the history never
// holds one), so nothing is unmasked or masked again here. No vscode import.
import * as path from 'node:path';
import type { SubmissionRecord } from '../../../common/src/protocol';

/** The body's fields as JSON: an SSL2Buy body is JSON already, a Comodo one is a form. */
export function sentOrderText(record: SubmissionRecord): string {
  const { body, headers } = record.request;
  const type = Object.entries(headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? '';
  let fields: unknown;
  if (type.includes('json')) {
    try {
      fields = JSON.parse(body);
    } catch {
      fields = undefined;
    }
  } else if (type.includes('x-www-form-urlencoded')) {
    fields = Object.fromEntries(new URLSearchParams(body));
  }
  return fields === undefined ? body : JSON.stringify(fields, null, 2) + '\n';
}

/** The tab's name: the order's, when and where it went. */
export function sentOrderName(record: SubmissionRecord): string {
  const time = record.startedAt.slice(0, 19).replace(/:/g, '-');
  return `${path.basename(record.orderFile)} (sent to ${record.environment} ${time})`;
}
