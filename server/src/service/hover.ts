// Hover: a field's documentation from the catalogue (the same Markdown as the schema's), and
// on a value its meaning: coded values, each product of a `product` list, a country, a CSR
// (where the CSR participant adds its decode).
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import type { ASTNode } from 'vscode-json-languageservice';
import { API_KEY, catalogues, type FieldSpec } from '../../../common/src/catalogue';
import { countryName } from '../../../common/src/countries';
import { apiListText, apiMarkdown, fieldMarkdown, valueMarkdown } from './docs';
import type { JsonServices } from './jsonServices';
import { isKey, type OrderModel } from './model';
import type { OrderLanguageServiceParams, OrderSettings } from './types';
import { readCsrValues } from './csrFields';

export async function hoverOrder(
  model: OrderModel,
  position: Position,
  json: JsonServices,
  settings: OrderSettings,
  params: OrderLanguageServiceParams,
): Promise<Hover | null> {
  if (!model.json) return null;
  const node = model.json.getNodeFromOffset(model.document.offsetAt(position));
  const property = node?.parent?.type === 'property' ? node.parent : undefined;
  const onKey = !!node && isKey(node);
  const onValue = !!node && property?.valueNode === node && node.type !== 'object' && node.type !== 'array';
  if (!node || !property || (!onKey && !onValue)) return schemaHover(model, position, json);
  const sections: string[] = [];
  const api = model.api;
  if (property.keyNode.value === API_KEY && property.parent === model.root) {
    sections.push(
      api ? apiMarkdown(api) : `\`${API_KEY}\` names the API of this order: ${apiListText(catalogues)}.`,
    );
  } else {
    const bound = model.fieldOf(property);
    if (!api || !bound) return schemaHover(model, position, json);
    // On a value, its meaning first; then the field's documentation. On a decoded CSR the hover is
    // its summary alone, short enough to read without scrolling: the field is documented on its key.
    const csr = onValue && bound.field.csr ? await csrSections(model, node, settings, params) : undefined;
    if (csr) sections.push(...csr.sections);
    else if (onValue) sections.push(...valueSections(model, bound.field, node));
    if (!csr?.summary) sections.push(fieldMarkdown(api, bound.field, bound.parent?.name));
  }
  return {
    contents: { kind: MarkupKind.Markdown, value: sections.join('\n\n---\n\n') },
    range: model.rangeOf(node),
  };
}

/** vscode-json-languageservice's hover from the schema, when it has something to say. */
async function schemaHover(model: OrderModel, position: Position, json: JsonServices): Promise<Hover | null> {
  const hover = await json.forApi(model.api).doHover(model.document, position, model.json!);
  const contents = hover?.contents;
  const empty =
    !contents ||
    (Array.isArray(contents) && contents.every((c) => (typeof c === 'string' ? c : c.value) === ''));
  return empty ? null : (hover as Hover);
}

function valueSections(model: OrderModel, field: FieldSpec, node: ASTNode): string[] {
  if (field.format === 'integer-list') {
    const list = model.products;
    if (!list?.wellFormed) return [];
    return [
      list.codes
        .map((c) => {
          const label = field.values?.find((v) => v.value === c.code)?.label;
          return `- \`${c.code}\` ${label ?? 'is not a listed value'}`;
        })
        .join('\n'),
    ];
  }
  if (field.values) {
    const raw = String(node.value);
    const value = field.values.find(
      (v) =>
        String(v.value) === raw ||
        (field.valuesCaseInsensitive && String(v.value).toLowerCase() === raw.toLowerCase()),
    );
    return value ? [valueMarkdown(value)] : [];
  }
  if (field.format === 'iso3166-country' && typeof node.value === 'string') {
    const name = countryName(node.value.trim());
    return name ? [`\`${node.value.trim().toUpperCase()}\` — ${name}`] : [];
  }
  return [];
}

/** The CSR participant's summary (`summary`), or why a `file:` reference cannot be read. */
async function csrSections(
  model: OrderModel,
  node: ASTNode,
  settings: OrderSettings,
  params: OrderLanguageServiceParams,
): Promise<{ sections: string[]; summary: boolean }> {
  const csr = (await readCsrValues(model, settings, params)).find((c) => c.node === node);
  if (!csr) return { sections: [], summary: false };
  const { source } = csr.input;
  if (source.kind === 'file' && csr.unreadable !== undefined) {
    const where = source.uri ? decodeURIComponent(source.uri) : 'unresolved';
    return {
      sections: [`CSR file \`${source.reference}\` (${where}): cannot be read, ${csr.unreadable}.`],
      summary: false,
    };
  }
  try {
    const summary = await params.csr?.hover?.(csr.input);
    if (summary) return { sections: [summary], summary: true };
  } catch {
    // The field's documentation is still worth showing.
  }
  return { sections: [], summary: false };
}
