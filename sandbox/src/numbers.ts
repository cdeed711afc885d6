// Deterministic numbers and values from the CSR and the order: the same order gets the same
// order number, so tests and documentation can quote them.
import { createHash } from 'node:crypto';

export function digest(...parts: (string | Uint8Array)[]): Buffer {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\0');
  return h.digest();
}

/** An integer of `digits` digits (no leading zero) from the parts. */
export function orderNumber(digits: number, ...parts: (string | Uint8Array)[]): number {
  const d = digest(...parts);
  const low = 10 ** (digits - 1);
  return low + ((d.readUInt32BE(0) * 0x10000 + d.readUInt16BE(4)) % (9 * low));
}
