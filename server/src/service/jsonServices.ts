// vscode-json-languageservice does the generic JSON work: parsing, syntax errors, schema
// validation, property completion, symbols, folding, formatting. One instance per API, each
// with that API's generated schema in memory for every document (and for any `$schema` the
// file names: the server validates by `$api`, a rule reports a `$schema` that disagrees), plus
// one whose schema only asks for `$api`.
import {
  getLanguageService,
  type ClientCapabilities,
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

export interface JsonServices {
  /** The instance for an API, or the `$api`-only one. */
  forApi(api: ApiCatalogue | undefined): LanguageService;
}

export function createJsonServices(apis: readonly ApiCatalogue[] = catalogues): JsonServices {
  const selector = createInstance('order.schema.json', buildApiSelectorSchema(apis));
  const byId = new Map<string, LanguageService>();
  return {
    forApi(api) {
      if (!api) return selector;
      let service = byId.get(api.id);
      if (!service) {
        service = createInstance(schemaFileName(api), buildOrderSchema(api));
        byId.set(api.id, service);
      }
      return service;
    },
  };
}
