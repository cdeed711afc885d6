// The "Decode CSR" request between the client's command and the server. Plain types and a method
// name only: the client bundle imports this file, so it imports nothing.

export const DECODE_CSR_REQUEST = 'certOrder/decodeCsr';

export interface DecodeCsrParams {
  /** The document (an order, a `.csr`/`.pem` file), open or not. */
  uri?: string;
  /** In an order: the CSR under (or nearest to) this position. */
  position?: { line: number; character: number };
  /** Text to decode instead: the selection, or a document the server does not hold. */
  text?: string;
}

export type DecodeCsrResult =
  /** `text`: the plain-text report (the hover's facts), `title` first. */
  { ok: true; title: string; text: string } | { ok: false; message: string };
