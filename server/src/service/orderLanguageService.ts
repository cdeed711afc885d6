// The order language service, after vscode-json-languageservice's `getLanguageService`: a pure
// object (text in, LSP types out) whose features share one parse per document version.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CodeAction,
  CodeActionContext,
  CompletionList,
  Diagnostic,
  DocumentLink,
  DocumentSymbol,
  FoldingRange,
  Hover,
  LocationLink,
  Position,
  Range,
  SelectionRange,
} from 'vscode-languageserver-types';
import { defaultSettings } from '../../../common/src/settings';
import { orderCodeActions } from './codeActions';
import { completeOrder } from './completion';
import { hoverOrder } from './hover';
import { formatOrder, type FormatResult } from './format';
import { createJsonServices } from './jsonServices';
import { findDefinition, findDocumentLinks } from './links';
import type { OrderModel } from './model';
import { OrderParser } from './parse';
import {
  defaultLimits,
  type CsrInput,
  type OrderFacts,
  type OrderLanguageServiceParams,
  type OrderSettings,
} from './types';
import { csrFileReferences, readCsrValues } from './csrFields';
import { orderRules } from './validation/rules';
import { validateOrder } from './validation/validate';

export interface OrderLanguageService {
  doValidation(document: TextDocument, settings?: OrderSettings): Promise<Diagnostic[]>;
  doComplete(document: TextDocument, position: Position): Promise<CompletionList>;
  doHover(document: TextDocument, position: Position, settings?: OrderSettings): Promise<Hover | null>;
  doCodeActions(document: TextDocument, range: Range, context: CodeActionContext): CodeAction[];
  findDocumentSymbols(document: TextDocument): DocumentSymbol[];
  /** Each readable `file:` CSR reference, linked to its file. */
  findDocumentLinks(document: TextDocument): Promise<DocumentLink[]>;
  /** On a `file:` CSR reference: the file it names. */
  findDefinition(document: TextDocument, position: Position): Promise<LocationLink[]>;
  getFoldingRanges(document: TextDocument): FoldingRange[];
  getSelectionRanges(document: TextDocument, positions: Position[]): SelectionRange[];
  /**
   * The document's (or the range's lines') formatting edits; none, and why, past the depth limit
   * or when they would be too large. `options` are the client's, clamped here.
   */
  format(document: TextDocument, range: Range | undefined, options: unknown): FormatResult;
  /** The API and values of an order (for the CSR participant and other layers); undefined without a known `$api`. */
  getOrderFacts(document: TextDocument): OrderFacts | undefined;
  /**
   * The URIs of the order's `file:` CSR references, resolved, not read (no I/O: the document's
   * one parse), for the server to check the order again when one changes on disk.
   */
  getCsrFileReferences(document: TextDocument): string[];
  /** The order's CSR values as the participant gets them (files read), for the "Decode CSR" request. */
  getCsrInputs(
    document: TextDocument,
    settings?: OrderSettings,
  ): Promise<{ input: CsrInput; unreadable?: string }[]>;
}

export function getOrderLanguageService(params: OrderLanguageServiceParams = {}): OrderLanguageService {
  const json = createJsonServices();
  const limits = { ...defaultLimits, ...params.limits };
  const parser = new OrderParser(json.forApi(undefined), limits);
  const parse = (document: TextDocument): OrderModel => parser.parse(document);
  // Symbols and folding of a file past the limits would walk 10,000 nested levels: skip them.
  const checked = (document: TextDocument) => !parse(document).limit;

  return {
    doValidation: (document, settings = defaultSettings) =>
      validateOrder(parse(document), json, orderRules, settings, params),
    doComplete: (document, position) => completeOrder(parse(document), position, json, params),
    doHover: (document, position, settings = defaultSettings) =>
      hoverOrder(parse(document), position, json, settings, params),
    doCodeActions: (document, _range, context) => orderCodeActions(parse(document), context),
    findDocumentLinks: (document) => findDocumentLinks(parse(document), params),
    findDefinition: (document, position) => findDefinition(parse(document), position, params),
    findDocumentSymbols(document) {
      const model = parse(document);
      return model.json
        ? json.forApi(model.api).findDocumentSymbols2(document, model.json, { resultLimit: 5000 })
        : [];
    },
    getFoldingRanges: (document) =>
      checked(document) ? json.forApi(undefined).getFoldingRanges(document, { rangeLimit: 5000 }) : [],
    getSelectionRanges(document, positions) {
      const model = parse(document);
      return model.json ? json.forApi(model.api).getSelectionRanges(document, positions, model.json) : [];
    },
    format: (document, range, options) =>
      formatOrder(parse(document), json.forApi(undefined), range, options, limits),
    getOrderFacts: (document) => parse(document).facts,
    getCsrFileReferences: (document) => csrFileReferences(parse(document)),
    getCsrInputs: async (document, settings = defaultSettings) =>
      (await readCsrValues(parse(document), settings, params)).map(({ input, unreadable }) => ({
        input,
        unreadable,
      })),
  };
}
