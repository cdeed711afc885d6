// CSR intelligence in the language server (issue 3): the order service's CSR participant,
// `.csr`/`.pem` documents of their own, and the "Decode CSR" request. One CsrCache shared by all:
// the same CSR inline, in a file and in its hover is decoded once.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Hover, Position } from 'vscode-languageserver-types';
import { CsrCache } from '../../../common/src/csr';
import type { OrderSettings } from '../../../common/src/settings';
import type { CsrParticipant } from '../service';
import { hoverCsrDocument, isCsrDocument, validateCsrDocument } from './csrDocument';
import { decodeCsrRequest, type DecodeEnvironment } from './decodeCsrRequest';
import { createCsrParticipant } from './participant';
import type { DecodeCsrParams, DecodeCsrResult } from '../../../common/src/lsp/requests';

export { CSR_LANGUAGE_ID, isCsrDocument } from './csrDocument';

export interface CsrFeatures {
  /** For getOrderLanguageService({ csr }). */
  participant: CsrParticipant;
  isCsrDocument(document: TextDocument): boolean;
  validateDocument(document: TextDocument, settings: OrderSettings): Diagnostic[];
  hoverDocument(document: TextDocument, position: Position, settings: OrderSettings): Hover | null;
  decode(params: DecodeCsrParams, env: Omit<DecodeEnvironment, 'cache'>): Promise<DecodeCsrResult>;
}

export function createCsrFeatures(cache: CsrCache = new CsrCache()): CsrFeatures {
  return {
    participant: createCsrParticipant(cache),
    isCsrDocument,
    validateDocument: (document, settings) => validateCsrDocument(cache, document, settings),
    hoverDocument: (document, position, settings) => hoverCsrDocument(cache, document, position, settings),
    decode: (params, env) => decodeCsrRequest(params, { ...env, cache }),
  };
}
