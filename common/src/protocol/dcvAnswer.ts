// The CA's answer that DCV values of an order come from: the newest successful submission of that
// order file in the history (its SSL2Buy MD5/SHA1/UniqueValue, when the CA returned them).
import type { SubmissionRecord } from './record';
import type { ReturnedHashes } from './types';

/** The newest placed record of `orderFile` (absolute path) in `records` (any order), if any. */
export function latestPlacedRecord(
  records: readonly SubmissionRecord[],
  orderFile: string,
): SubmissionRecord | undefined {
  let best: SubmissionRecord | undefined;
  for (const r of records) {
    if (r.orderFile !== orderFile || r.parsed?.kind !== 'success' || r.failure) continue;
    if (!best || r.startedAt > best.startedAt) best = r;
  }
  return best;
}

/** The DCV part of a record's answer, if the CA returned any. */
export function answerHashes(record: SubmissionRecord | undefined): ReturnedHashes | undefined {
  return record?.parsed?.kind === 'success' ? record.parsed.hashes : undefined;
}

/** The CSR as it was sent (the request body's `csr` / `CSR` field: Comodo form, SSL2Buy JSON). */
export function csrTextOfRecord(record: SubmissionRecord): string | undefined {
  const { headers, body } = record.request;
  let fields: [string, unknown][];
  if (headers['content-type']?.includes('json')) {
    try {
      const parsed: unknown = JSON.parse(body);
      fields = parsed && typeof parsed === 'object' ? Object.entries(parsed) : [];
    } catch {
      return undefined;
    }
  } else fields = [...new URLSearchParams(body)];
  const value = fields.find(([k]) => k.toLowerCase() === 'csr')?.[1];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
