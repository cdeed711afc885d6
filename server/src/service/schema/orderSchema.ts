// The JSON Schema of an order file, generated from the catalogue. The language server validates
// with it (through vscode-json-languageservice) and the same schemas are shipped in `schemas/`
// for other tools (`npm run generate:schemas` writes them; a unit test keeps them in step).
// Besides standard draft-07 keywords it carries VS Code's annotations (`markdownDescription`,
// `markdownEnumDescriptions`, `deprecationMessage`, `doNotSuggest`); validators ignore them.
import { API_KEY, catalogues, type ApiCatalogue, type FieldSpec } from '../../../../common/src/catalogue';
import { requiredInFile } from '../../../../common/src/catalogue/newOrder';
import { apiMarkdown, fieldMarkdown, valueMarkdown } from '../docs';

export type JsonSchema = { [key: string]: unknown };

const DRAFT = 'http://json-schema.org/draft-07/schema#';
export const SCHEMA_KEY = '$schema';

/** The string form of an integer-list field (Comodo `product`): integers separated by commas. */
export const INTEGER_LIST_PATTERN = '^[0-9]+(,[0-9]+)*$';

/** Where the schema of an API is shipped, relative to the repository root. */
export function schemaFileName(api: ApiCatalogue): string {
  return `${api.id}.schema.json`;
}

/** `^(?!product$)[Pp][Rr][Oo][Dd][Uu][Cc][Tt]$`: the other spellings of a case-insensitive name. */
export function otherCasesPattern(name: string): string {
  const escape = (c: string) => c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
  const letters = [...name]
    .map((c) => (c.toLowerCase() !== c.toUpperCase() ? `[${c.toUpperCase()}${c.toLowerCase()}]` : escape(c)))
    .join('');
  return `^(?!${escape(name)}$)${letters}$`;
}

export { requiredInFile };

function fieldSchema(api: ApiCatalogue, field: FieldSpec, parent?: string): JsonSchema {
  const schema: JsonSchema = {
    description: field.description,
    markdownDescription: fieldMarkdown(api, field, parent),
  };
  if (field.type === 'object') {
    Object.assign(schema, objectSchema(api, field.fields ?? [], field.name));
  } else if (field.format === 'integer-list') {
    // A JSON integer (`24`) is accepted too; the string must be integers separated by commas.
    schema.type = ['string', 'integer'];
    schema.pattern = INTEGER_LIST_PATTERN;
  } else {
    schema.type = field.type === 'integer' ? 'integer' : 'string';
  }
  if (field.maxLength !== undefined) schema.maxLength = field.maxLength;
  if (field.format === 'email') schema.format = 'email';
  if (field.values && field.format !== 'integer-list') {
    const values = field.values.flatMap((v) =>
      field.valuesCaseInsensitive && typeof v.value === 'string' && v.value.toLowerCase() !== v.value
        ? [v, { ...v, value: v.value.toLowerCase() }]
        : [v],
    );
    schema.enum = values.map((v) => v.value);
    schema.markdownEnumDescriptions = values.map((v) => valueMarkdown(v));
  }
  if (field.placeholder !== undefined) schema.examples = [field.placeholder];
  if (field.credential === 'secret') {
    schema.deprecated = true;
    schema.deprecationMessage = `${field.name} is a credential: it belongs in SecretStorage ("Certificate Orders: Set Credentials"), not in an order file.`;
    schema.doNotSuggest = true;
  }
  return schema;
}

function objectSchema(api: ApiCatalogue, fields: readonly FieldSpec[], parent?: string): JsonSchema {
  const properties: JsonSchema = {};
  for (const f of fields) properties[f.name] = fieldSchema(api, f, parent);
  const schema: JsonSchema = {
    type: 'object',
    properties,
    required: requiredInFile(fields).map((f) => f.name),
    additionalProperties: false,
  };
  if (api.caseInsensitiveNames) {
    const pointer = parent ? `#/properties/${parent}/properties` : '#/properties';
    schema.patternProperties = Object.fromEntries(
      fields.map((f) => [otherCasesPattern(f.name), { $ref: `${pointer}/${f.name}` }]),
    );
  }
  return schema;
}

/** The schema of one API's order files. */
export function buildOrderSchema(api: ApiCatalogue): JsonSchema {
  const body = objectSchema(api, api.fields);
  return {
    $schema: DRAFT,
    title: `${api.title} order`,
    description: `An order file (*.order.json) for ${api.title}, read from the ${api.document}. Fields use the vendor's own names.`,
    type: 'object',
    properties: {
      [SCHEMA_KEY]: { type: 'string', description: 'The JSON Schema of this file (optional).' },
      [API_KEY]: {
        const: api.id,
        description: `The API this order is for.`,
        markdownDescription: apiMarkdown(api),
      },
      ...(body.properties as JsonSchema),
    },
    ...(body.patternProperties ? { patternProperties: body.patternProperties } : {}),
    required: [API_KEY, ...(body.required as string[])],
    additionalProperties: false,
  };
}

/** The schema of a file whose `$api` is missing or unknown: it can only ask for `$api`. */
export function buildApiSelectorSchema(apis: readonly ApiCatalogue[] = catalogues): JsonSchema {
  return {
    $schema: DRAFT,
    title: 'Certificate order',
    type: 'object',
    properties: {
      [SCHEMA_KEY]: { type: 'string', description: 'The JSON Schema of this file (optional).' },
      [API_KEY]: {
        type: 'string',
        description: 'The API this order is for.',
        enum: apis.map((a) => a.id),
        markdownEnumDescriptions: apis.map((a) => apiMarkdown(a)),
      },
    },
    required: [API_KEY],
  };
}
