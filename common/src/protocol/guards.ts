// The two guards against sending twice: a file already in flight, and a production order that
// already succeeded (or may have: no answer came back) in production.
import { createHash } from 'node:crypto';
import { findField } from '../catalogue';
import { valueOf, type Order } from './order';
import { orderNumberOf, outcomeOf, type SubmissionRecord } from './record';
import { hashedKey } from './redact';

/** Keys (order file paths) with a submission under way. */
export class InFlightRegistry {
  private readonly keys = new Set<string>();

  /** A release function, or undefined when the key is already in flight. */
  tryBegin(key: string): (() => void) | undefined {
    if (this.keys.has(key)) return undefined;
    this.keys.add(key);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.keys.delete(key);
    };
  }

  isInFlight(key: string): boolean {
    return this.keys.has(key);
  }
}

/** The CSR's base64 without armour or whitespace, so line wrapping does not make a new order. */
function normaliseCsr(text: string): string {
  return text
    .replace(/\\n/g, '\n')
    .replace(/-----[^-]+-----/g, '')
    .replace(/\s+/g, '');
}

/** `"36, 24"` and `"24,36"` name the same products. */
function normaliseList(text: string): string {
  if (!/^\s*\d+(\s*,\s*\d+)*\s*$/.test(text)) return text.trim();
  return text
    .split(',')
    .map((c) => Number(c.trim()))
    .sort((a, b) => a - b)
    .join(',');
}

/**
 * The key that identifies the order (catalogue `duplicateKeyFields`; the CSR field by a SHA-256
 * of its base64), or undefined when the API has none or a field is missing.
 */
export function duplicateKey(order: Order): string | undefined {
  const names = order.api.duplicateKeyFields;
  if (!names || names.length === 0) return undefined;
  const parts: string[] = [];
  for (const name of names) {
    const spec = findField(order.api.fields, name, order.api.caseInsensitiveNames);
    const value = valueOf(order, name);
    if (value === undefined || value === null || value === '') return undefined;
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    const norm = spec?.csr
      ? `sha256:${createHash('sha256').update(normaliseCsr(text)).digest('hex')}`
      : normaliseList(text);
    parts.push(`${spec?.name ?? name}=${norm}`);
  }
  return `${order.api.id}|${parts.join('|')}`;
}

export interface EarlierSubmission {
  record: SubmissionRecord;
  /** `success`: it was placed; `uncertain`: no documented answer came back, it may have been. */
  certainty: 'success' | 'uncertain';
  orderNumber?: string;
}

/**
 * The latest production submission of the same order that succeeded or may have (no answer,
 * or an undocumented one). Errors the CA answered do not count: they placed nothing.
 */
export function findEarlierProductionSubmission(
  records: readonly SubmissionRecord[],
  key: string | undefined,
): EarlierSubmission | undefined {
  if (key === undefined) return undefined;
  // A key that held a secret is kept as its hash (redact.ts `secretFreeKey`).
  const keys = [key, hashedKey(key)];
  const candidates = records
    .filter((r) => r.environment === 'production' && keys.includes(r.duplicateKey ?? ''))
    .sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  for (const record of candidates) {
    const outcome = outcomeOf(record);
    if (outcome === 'success') {
      const orderNumber = orderNumberOf(record);
      return { record, certainty: 'success', ...(orderNumber ? { orderNumber } : {}) };
    }
  }
  const uncertain = candidates.find((r) => ['maybe-placed', 'unexpected'].includes(outcomeOf(r)));
  return uncertain ? { record: uncertain, certainty: 'uncertain' } : undefined;
}

/** The question asked before re-sending, naming the earlier order. */
export function duplicateQuestion(earlier: EarlierSubmission): string {
  const when = earlier.record.startedAt;
  if (earlier.certainty === 'success')
    return (
      `This order already succeeded in production on ${when}` +
      (earlier.orderNumber ? ` as order number ${earlier.orderNumber}` : '') +
      '. Sending it again may place and pay for a second order.'
    );
  return (
    `This order was sent to production on ${when} and no documented answer came back: it may have been placed. ` +
    "Check the order history and the reseller's dashboard before sending it again."
  );
}
