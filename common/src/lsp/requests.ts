// The extension's own LSP requests, typed once for both ends: the client sends them with
// `client.sendRequest(TYPE, params)` and the server answers with `connection.onRequest(TYPE, ...)`,
// so a change to a request's params or result is a type error on both sides. Types only (and the
// protocol package's RequestType): the client bundle imports this module.
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';

// --- certOrder/decodeCsr: the "Decode CSR" command ---

export interface DecodeCsrParams {
  /** The document (an order, a `.csr`/`.pem` file), open or not. */
  uri?: string;
  /** In an order: the CSR under (or nearest to) this position. */
  position?: { line: number; character: number };
  /** Text to decode instead: the selection, or a document the server does not hold. */
  text?: string;
}

export type DecodeCsrResult =
  /**
   * `text`: the plain-text report (the hover's facts), `title` first; `commonName`: the subject's
   * first CN when the CSR decodes and has one (the report tab is named after it).
   */
  { ok: true; title: string; text: string; commonName?: string } | { ok: false; message: string };

/** The selection, the CSR of an order under the cursor (inline or `file:`), or a `.csr` file, decoded. */
export const DecodeCsrRequest = new RequestType<DecodeCsrParams, DecodeCsrResult, void>(
  'certOrder/decodeCsr',
);

// --- certOrder/validateText: the submission's error check ---

export interface ValidateTextParams {
  /** The order's URI: its settings, and the base of `file:` CSR references. */
  uri: string;
  /** The order's text as it will be sent. */
  text: string;
}

export interface ValidateTextDiagnostic {
  /** LSP DiagnosticSeverity: 1 is Error. */
  severity?: number;
  message: string;
  /** The rule's code (`csr-missing-subject-field`); the server answers whole LSP diagnostics. */
  code?: string | number;
}

/** The service's diagnostics for the text; null when the validation failed (see the server log). */
export type ValidateTextResult = ValidateTextDiagnostic[] | null;

/**
 * The diagnostics the service gives for exactly the text about to be sent, so the error check
 * before a submission never reads diagnostics published for an older version.
 */
export const ValidateTextRequest = new RequestType<ValidateTextParams, ValidateTextResult, void>(
  'certOrder/validateText',
);

// --- certOrder/workspaceTrusted: trust granted while the server runs ---

/**
 * Sent by the client when the user trusts the workspace (`onDidGrantWorkspaceTrust`); the trust at
 * start comes in `initializationOptions.workspaceTrusted`. The server then reads `file:` references
 * of orders outside the workspace folders (in the order's own folder) and checks every order again.
 */
export const WorkspaceTrustedNotification = new NotificationType<{ trusted: boolean }>(
  'certOrder/workspaceTrusted',
);
