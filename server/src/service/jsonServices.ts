// vscode-json-languageservice does the generic JSON work: parsing, syntax errors, schema
// validation, property completion, symbols, folding, formatting. One instance per API, each
// with that API's generated schema in memory for every document (and for any `$schema` the
// file names: the server validates by `$api`, a rule reports a `$schema` that disagrees), plus
// one whose schema only asks for `$api`.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  getLanguageService,
  type ClientCapabilities,
  type Diagnostic,
  type DocumentLanguageSettings,
  type JSONDocument,
  type LanguageService,
  type JSONSchema,
} from 'vscode-json-languageservice';
import { catalogues, type ApiCatalogue } from '../../../common/src/catalogue';
import {
  buildApiSelectorSchema,
  buildOrderSchema,
  schemaFileName,
  type JsonSchema,
} from './schema/orderSchema';

const capabilities: ClientCapabilities = {
  textDocument: {
    completion: { completionItem: { documentationFormat: ['markdown', 'plaintext'] } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
  },
};

function createInstance(name: string, schema: JsonSchema): LanguageService {
  const text = JSON.stringify(schema);
  const service = getLanguageService({
    schemaRequestService: () => Promise.resolve(text),
    clientCapabilities: capabilities,
  });
  service.configure({
    validate: true,
    allowComments: false,
    schemas: [{ uri: `cert-order://schemas/${name}`, fileMatch: ['*'], schema: schema as JSONSchema }],
  });
  return service;
}

/**
 * The name every document is validated under. The schema service looks a document's schema up by
 * its URI (parsing it, then matching `fileMatch`) and remembers only the last URI's answer; every
 * URI matches `*` (its glob is `**\/*`, which any string matches), so one name for all gives the
 * same schema, found once instead of once per document (a folder of 10,000 orders is 10,000 URIs).
 * The URI is used for nothing else by validation: a `$schema` in the file is read without it (no
 * workspace context is given), and the problems carry ranges, not URIs.
 */
const VALIDATED_AS = 'cert-order://order.json';

/** The document under VALIDATED_AS, its text and positions its own. */
function validatedAs(document: TextDocument): TextDocument {
  return {
    uri: VALIDATED_AS,
    languageId: document.languageId,
    version: document.version,
    get lineCount() {
      return document.lineCount;
    },
    getText: (range) => document.getText(range),
    positionAt: (offset) => document.positionAt(offset),
    offsetAt: (position) => document.offsetAt(position),
    getLineRange: (line) => document.getLineRange(line),
    getEOLCharacters: (line) => document.getEOLCharacters(line),
  };
}

interface ApiInstances {
  service: LanguageService;
  /**
   * The same schema without the root's `patternProperties` (the other spellings of Comodo's
   * case-insensitive names), for an order whose every root key is a property the schema lists:
   * the validator tries those patterns only on keys `properties` did not take, so for such an order
   * they find nothing, yet it builds each pattern's RegExp again for every document.
   */
  exact?: { service: LanguageService; names: ReadonlySet<string> };
}

export interface JsonServices {
  /** The instance for an API, or the `$api`-only one. */
  forApi(api: ApiCatalogue | undefined): LanguageService;
  /** forApi(api).doValidation(document, json, settings), the same problems, found for less. */
  doValidation(
    api: ApiCatalogue | undefined,
    document: TextDocument,
    json: JSONDocument,
    settings: DocumentLanguageSettings,
  ): PromiseLike<Diagnostic[]>;
}

export function createJsonServices(apis: readonly ApiCatalogue[] = catalogues): JsonServices {
  const selector: ApiInstances = {
    service: createInstance('order.schema.json', buildApiSelectorSchema(apis)),
  };
  const byId = new Map<string, ApiInstances>();
  const instances = (api: ApiCatalogue | undefined): ApiInstances => {
    if (!api) return selector;
    let found = byId.get(api.id);
    if (!found) {
      const schema = buildOrderSchema(api);
      found = { service: createInstance(schemaFileName(api), schema) };
      if (schema.patternProperties) {
        const { patternProperties: _, ...rest } = schema;
        const names = new Set(Object.keys(schema.properties as JsonSchema));
        found.exact = { service: createInstance(schemaFileName(api), rest), names };
      }
      byId.set(api.id, found);
    }
    return found;
  };
  return {
    forApi: (api) => instances(api).service,
    doValidation(api, document, json, settings) {
      const { service, exact } = instances(api);
      const root = json.root;
      const onlyListed =
        exact && (root?.type !== 'object' || root.properties.every((p) => exact.names.has(p.keyNode.value)));
      return (onlyListed ? exact.service : service).doValidation(validatedAs(document), json, settings);
    },
  };
}
