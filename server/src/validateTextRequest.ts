// The "validate this text" request between the submission and the server: the diagnostics the
// service gives for exactly the text about to be sent, so the error check before a submission
// never reads diagnostics published for an older version. Plain types and a method name only:
// the client bundle imports this file, so it imports nothing.

export const VALIDATE_TEXT_REQUEST = 'certOrder/validateText';

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
}

/** The service's diagnostics for the text; null when the validation failed (see the server log). */
export type ValidateTextResult = ValidateTextDiagnostic[] | null;
