// Completion. Field names come from vscode-json-languageservice's schema completion (it knows
// where commas and colons go), re-ranked from the catalogue: required first, credentials and
// fields already present (in any case, for Comodo) left out. Values come from the catalogue:
// coded values with their names ("2 - Apache/ModSSL"), product combinations the rules allow,
// ISO-3166 countries, the known `$api` ids, and (through the injected directory listing) the
// `file:` CSRs next to the order and the shipped `$schema`.
import {
  CompletionItemKind,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type Position,
  type Range,
} from 'vscode-languageserver-types';
import type { ASTNode, ObjectASTNode, PropertyASTNode } from 'vscode-json-languageservice';
import {
  API_KEY,
  catalogues,
  findField,
  type ApiCatalogue,
  type FieldSpec,
  type ValueSpec,
} from '../../../common/src/catalogue';
import { csrFileValues, schemaPathValue } from './completionFiles';
import { newOrderItems } from './newOrder';
import { allCountries } from '../../../common/src/countries';
import { apiMarkdown, fieldTypeText, requirementText, valueLabel, valueMarkdown } from './docs';
import type { JsonServices } from './jsonServices';
import type { OrderModel } from './model';
import { SCHEMA_KEY } from './schema/orderSchema';
import type { OrderLanguageServiceParams } from './types';

const EMPTY: CompletionList = { isIncomplete: false, items: [] };

interface ValueTarget {
  property: PropertyASTNode;
  range: Range;
  /** `,` when the value is followed by another member without one. */
  separator: string;
}

export async function completeOrder(
  model: OrderModel,
  position: Position,
  json: JsonServices,
  params: OrderLanguageServiceParams = {},
): Promise<CompletionList> {
  // An empty file or `{ }`: a whole order of each API first, then what the schema offers there.
  const newOrders = newOrderItems(model.document, position);
  const list = await completeInOrder(model, position, json, params);
  return newOrders.length > 0 ? { ...list, items: [...newOrders, ...list.items] } : list;
}

async function completeInOrder(
  model: OrderModel,
  position: Position,
  json: JsonServices,
  params: OrderLanguageServiceParams,
): Promise<CompletionList> {
  if (!model.json) return EMPTY;
  const offset = model.document.offsetAt(position);
  const target = valueTarget(model, offset);
  if (target) {
    const items = await valueItems(model, target, params);
    if (items) return { isIncomplete: false, items };
  }
  const list = (await json.forApi(model.api).doComplete(model.document, position, model.json)) ?? EMPTY;
  return refineFieldNames(model, offset, list);
}

function isScalar(node: ASTNode | undefined): boolean {
  return !!node && node.type !== 'object' && node.type !== 'array' && node.type !== 'property';
}

/** The property whose value the cursor is on, and the text a value replaces. */
function valueTarget(model: OrderModel, offset: number): ValueTarget | undefined {
  const node = model.json?.getNodeFromOffset(offset, true);
  let property: PropertyASTNode | undefined;
  if (isScalar(node) && node!.parent?.type === 'property' && node!.parent.valueNode === node) {
    property = node!.parent;
  } else if (
    node?.type === 'property' &&
    node.colonOffset !== undefined &&
    node.colonOffset >= 0 &&
    offset > node.colonOffset
  ) {
    if (!node.valueNode || isScalar(node.valueNode)) property = node;
  }
  if (!property) return undefined;
  const text = model.document.getText();
  const value = property.valueNode;
  let start: number;
  let end: number;
  if (value && offset >= value.offset && offset <= value.offset + value.length) {
    start = value.offset;
    end = value.offset + value.length;
  } else {
    // A word typed without quotes (`Y`, `tru`) is replaced too.
    start = offset;
    while (start > 0 && /[^\s,:{}[\]]/.test(text[start - 1])) start--;
    end = offset;
  }
  const next = /\S/.exec(text.slice(end, end + 200));
  const separator = next && !/[,}\]]/.test(next[0]) ? ',' : '';
  return { property, range: model.range(start, end - start), separator };
}

async function valueItems(
  model: OrderModel,
  target: ValueTarget,
  params: OrderLanguageServiceParams,
): Promise<CompletionItem[] | undefined> {
  const { property } = target;
  if (property.keyNode.value === SCHEMA_KEY && property.parent === model.root) {
    // The shipped schema of the order's API, not the JSON Schema meta-schemas the engine offers.
    const path = await schemaPathValue(model, model.api, params.listDirectory);
    return path
      ? [
          item(
            target,
            path,
            path,
            0,
            `JSON Schema of ${model.api!.title} orders`,
            undefined,
            CompletionItemKind.File,
          ),
        ]
      : [];
  }
  if (property.keyNode.value === API_KEY && property.parent === model.root) {
    return catalogues.map((api, i) =>
      item(
        target,
        api.id,
        `${api.id} - ${api.title}`,
        i,
        api.title,
        apiMarkdown(api),
        CompletionItemKind.Module,
      ),
    );
  }
  const bound = model.fieldOf(property);
  if (!bound) return undefined;
  const { field } = bound;
  if (field.format === 'integer-list') return integerListItems(field, target);
  if (field.values?.length) {
    return field.values.map((v, i) => ({
      ...item(target, v.value, valueLabel(v), i, v.description ?? v.label, valueMarkdown(v)),
      filterText: byName(v.value, v.label),
    }));
  }
  if (field.csr) {
    const files = await csrFileValues(model, params.listDirectory);
    if (files.length)
      return files.map((f, i) =>
        item(target, f.value, f.value, i, f.detail, undefined, CompletionItemKind.File),
      );
  }
  if (field.format === 'iso3166-country') {
    return allCountries().map((c, i) => ({
      ...item(target, c.code, `${c.code} - ${c.name}`, i, c.name),
      filterText: byName(c.code, c.name),
    }));
  }
  return undefined;
}

/**
 * The editor filters by the text from the start of the replaced range to the cursor (`"` and
 * what follows, or a bare word): the value as written, then its name, so that typing "apache"
 * finds 2 and "premium" finds 7 and 35.
 */
function byName(value: string | number, name: string): string {
  return `${JSON.stringify(value)} ${name}`;
}

function item(
  target: ValueTarget,
  value: string | number,
  label: string,
  index: number,
  detail?: string,
  markdown?: string,
  kind: CompletionItemKind = CompletionItemKind.EnumMember,
): CompletionItem {
  const text = JSON.stringify(value);
  return {
    label,
    kind,
    detail,
    ...(markdown ? { documentation: { kind: MarkupKind.Markdown, value: markdown } } : {}),
    filterText: text,
    sortText: String(index).padStart(4, '0'),
    textEdit: { range: target.range, newText: text + target.separator },
  };
}

/**
 * Every list an integer-list field's table allows (Comodo `product`): one base, then any set of
 * the add-ons in the table's order, none with a base that takes none. A table without roles is
 * a list of single values.
 */
export function integerListCombinations(field: FieldSpec): { value: string; label: string }[] {
  const values = field.values ?? [];
  const addons = values.filter((v) => v.listRole === 'addon');
  const bases = values.filter((v) => v.listRole !== 'addon');
  // Subsets in the table's order, by size: [], [a], [b], [a, b].
  const sets: ValueSpec[][] = [[]];
  for (const addon of addons) sets.push(...sets.map((s) => [...s, addon]));
  sets.sort((a, b) => a.length - b.length);
  const out: { value: string; label: string }[] = [];
  for (const base of bases) {
    for (const set of base.noAddons ? [[]] : sets) {
      const parts = [base, ...set];
      out.push({ value: parts.map((p) => p.value).join(','), label: parts.map((p) => p.label).join(' + ') });
    }
  }
  return out;
}

function integerListItems(field: FieldSpec, target: ValueTarget): CompletionItem[] {
  return integerListCombinations(field).map((p, i) => ({
    ...item(target, p.value, `${p.value} - ${p.label}`, i, p.label),
    filterText: byName(p.value, p.label),
  }));
}

/** The object whose member names the cursor is on, and the member being written. */
function objectAt(
  model: OrderModel,
  offset: number,
): { object: ObjectASTNode; current?: PropertyASTNode } | undefined {
  const node = model.json?.getNodeFromOffset(offset, true);
  if (node?.type === 'object') return { object: node };
  if (node?.type === 'string' && node.parent?.type === 'property' && node.parent.keyNode === node) {
    const object = node.parent.parent;
    return object?.type === 'object' ? { object, current: node.parent } : undefined;
  }
  return undefined;
}

function fieldsOf(
  model: OrderModel,
  api: ApiCatalogue,
  object: ObjectASTNode,
): readonly FieldSpec[] | undefined {
  if (object === model.root) return api.fields;
  const property = object.parent;
  return property?.type === 'property' ? model.fieldOf(property)?.field.fields : undefined;
}

function rank(field: FieldSpec): number {
  if (field.required === true && !field.credential) return 1;
  if (field.required === 'conditional') return 2;
  return 3;
}

/** Fields whose value list completion offers (valueItems), or whose members it lists. */
function offersValues(field: FieldSpec): boolean {
  return !!(
    field.values?.length ||
    field.format === 'integer-list' ||
    field.format === 'iso3166-country' ||
    field.csr ||
    field.fields
  );
}

const TRIGGER_SUGGEST = { title: 'Suggest', command: 'editor.action.triggerSuggest' };

/**
 * A field name inserts an empty value with the cursor in it (`"csr": "|"`, `"years": |`), as VS
 * Code's JSON support does after a key, and opens the value list at once when there is one. The
 * schema's example (`${1:24}`, `${1:file:server.csr}`) is dropped: left as a placeholder it would
 * filter the value list down to itself.
 */
function emptyValue(it: CompletionItem, opensList: boolean): CompletionItem {
  const empty = (text: string) => text.replace(/\$\{1:[^}]*\}/g, () => '$1');
  const out: CompletionItem = { ...it };
  if (out.insertText !== undefined) out.insertText = empty(out.insertText);
  if (out.textEdit) out.textEdit = { ...out.textEdit, newText: empty(out.textEdit.newText) };
  if (opensList) out.command = TRIGGER_SUGGEST;
  else delete out.command;
  return out;
}

function refineFieldNames(model: OrderModel, offset: number, list: CompletionList): CompletionList {
  const api = model.api;
  const at = objectAt(model, offset);
  if (!at) return list;
  const fields = api ? fieldsOf(model, api, at.object) : undefined;
  const ci = api?.caseInsensitiveNames ?? false;
  const norm = (s: string) => (ci ? s.toLowerCase() : s);
  const present = new Set(
    at.object.properties.filter((p) => p !== at.current).map((p) => norm(p.keyNode.value)),
  );
  const items: CompletionItem[] = [];
  for (const it of list.items) {
    if (it.kind !== CompletionItemKind.Property) {
      items.push(it);
      continue;
    }
    if (it.label === API_KEY || it.label === SCHEMA_KEY) {
      // `$api` lists the known APIs; `$schema` has a value only when a shipped schema is found.
      const opensList = it.label === API_KEY && at.object === model.root;
      items.push({ ...emptyValue(it, opensList), sortText: it.label === API_KEY ? '0' : '9' });
      continue;
    }
    const field = fields ? findField(fields, it.label, ci) : undefined;
    if (!field) {
      items.push(it);
      continue;
    }
    if (field.credential === 'secret' || present.has(norm(field.name))) continue;
    const index = fields!.indexOf(field);
    items.push({
      ...emptyValue(it, offersValues(field)),
      sortText: `${rank(field)}${String(index).padStart(3, '0')}`,
      detail: `${requirementText(field)} · ${fieldTypeText(field)}`,
    });
  }
  return { ...list, items };
}
