// The parsed order: the JSON tree (from vscode-json-languageservice) bound to the catalogue.
// Built once per document version; views are computed on first use and shared by every feature.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  ASTNode,
  JSONDocument,
  ObjectASTNode,
  PropertyASTNode,
  Range,
} from 'vscode-json-languageservice';
import {
  API_KEY,
  findCatalogue,
  findField,
  type ApiCatalogue,
  type FieldSpec,
} from '../../../common/src/catalogue';
import type { OrderFacts } from './types';

export interface LimitProblem {
  code: 'file-too-large' | 'file-too-deep';
  offset: number;
  message: string;
}

/** A property of an order object, with its catalogue field when it has one. */
export interface BoundProperty {
  property: PropertyASTNode;
  /** The key as written. */
  key: string;
  field?: FieldSpec;
}

export interface ProductCode {
  code: number;
  /** Where the code is written (the whole value when the text has escapes). */
  offset: number;
  length: number;
}

/** Comodo `product`, read as the document says: comma-separated integers. */
export interface ProductList {
  node: ASTNode;
  /** Integers separated by commas (or one JSON integer). Only then are `codes` read. */
  wellFormed: boolean;
  codes: ProductCode[];
}

export class OrderModel {
  readonly version: number;
  private readonly bound = new WeakMap<ObjectASTNode, BoundProperty[]>();
  private productList?: ProductList | null;

  constructor(
    readonly document: TextDocument,
    /** Undefined when the input is past the limits. */
    readonly json: JSONDocument | undefined,
    readonly limit?: LimitProblem,
  ) {
    this.version = document.version;
  }

  get root(): ObjectASTNode | undefined {
    const root = this.json?.root;
    return root?.type === 'object' ? root : undefined;
  }

  get apiProperty(): PropertyASTNode | undefined {
    return this.root?.properties.find((p) => p.keyNode.value === API_KEY);
  }

  get api(): ApiCatalogue | undefined {
    const value = this.apiProperty?.valueNode;
    return value?.type === 'string' ? findCatalogue(value.value) : undefined;
  }

  range(offset: number, length: number): Range {
    return { start: this.document.positionAt(offset), end: this.document.positionAt(offset + length) };
  }

  rangeOf(node: ASTNode): Range {
    return this.range(node.offset, node.length);
  }

  /** The properties of an order object bound to the fields that object may hold. */
  properties(object: ObjectASTNode, fields: readonly FieldSpec[]): BoundProperty[] {
    let result = this.bound.get(object);
    if (!result) {
      const ci = this.api?.caseInsensitiveNames ?? false;
      result = object.properties.map((property) => {
        const key = property.keyNode.value;
        return { property, key, field: key.startsWith('$') ? undefined : findField(fields, key, ci) };
      });
      this.bound.set(object, result);
    }
    return result;
  }

  /** The root's properties bound to the API's fields. */
  get top(): BoundProperty[] {
    const root = this.root;
    const api = this.api;
    return root && api ? this.properties(root, api.fields) : [];
  }

  /** The first property holding `field` in `object` (default: the root). */
  find(field: FieldSpec, object?: ObjectASTNode, fields?: readonly FieldSpec[]): BoundProperty | undefined {
    const list = object ? this.properties(object, fields ?? []) : this.top;
    return list.find((b) => b.field === field);
  }

  /** The field a property holds, following the path from the root (SSL2Buy nests objects). */
  fieldOf(property: PropertyASTNode): { field: FieldSpec; parent?: FieldSpec } | undefined {
    const api = this.api;
    if (!api) return undefined;
    const object = property.parent;
    if (object?.type !== 'object') return undefined;
    if (object === this.root) {
      const field = this.properties(object, api.fields).find((b) => b.property === property)?.field;
      return field ? { field } : undefined;
    }
    const outer = object.parent;
    if (outer?.type !== 'property') return undefined;
    const parent = this.fieldOf(outer)?.field;
    if (!parent?.fields) return undefined;
    const field = this.properties(object, parent.fields).find((b) => b.property === property)?.field;
    return field ? { field, parent } : undefined;
  }

  /** Comodo `product` read as comma-separated integers; undefined when absent. */
  get products(): ProductList | undefined {
    if (this.productList === undefined) this.productList = this.readProducts() ?? null;
    return this.productList ?? undefined;
  }

  private readProducts(): ProductList | undefined {
    const bound = this.top.find((b) => b.field?.format === 'integer-list');
    const node = bound?.property.valueNode;
    if (!node) return undefined;
    if (node.type === 'number') {
      const ok = node.isInteger && node.value >= 0;
      return {
        node,
        wellFormed: ok,
        codes: ok ? [{ code: node.value, offset: node.offset, length: node.length }] : [],
      };
    }
    if (node.type !== 'string' || !/^[0-9]+(,[0-9]+)*$/.test(node.value)) {
      return { node, wellFormed: false, codes: [] };
    }
    // Offsets of each code in the text, unless escapes make the text differ from the value.
    const raw = this.document.getText().slice(node.offset + 1, node.offset + node.length - 1);
    const exact = raw === node.value;
    let at = node.offset + 1;
    const codes = node.value.split(',').map((part) => {
      const code = {
        code: Number(part),
        offset: exact ? at : node.offset,
        length: exact ? part.length : node.length,
      };
      at += part.length + 1;
      return code;
    });
    return { node, wellFormed: true, codes };
  }

  /** Plain values for rules outside this service (the CSR participant). */
  get facts(): OrderFacts | undefined {
    const api = this.api;
    if (!api) return undefined;
    const values: Record<string, unknown> = {};
    for (const b of this.top) {
      const v = b.property.valueNode;
      if (b.field && v && !(b.field.name in values)) values[b.field.name] = plainValue(v, 0);
    }
    return { api, products: this.products?.codes.map((c) => c.code) ?? [], values };
  }
}

/** The JSON value of a node, with nesting bounded (the tree is already bounded by the limits). */
export function plainValue(node: ASTNode, depth: number): unknown {
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      if (depth < 8)
        for (const p of node.properties)
          if (p.valueNode) out[p.keyNode.value] = plainValue(p.valueNode, depth + 1);
      return out;
    }
    case 'array':
      return depth < 8 ? node.items.map((i) => plainValue(i, depth + 1)) : [];
    default:
      return node.value;
  }
}

/** The property whose key or value `node` is. */
export function enclosingProperty(node: ASTNode | undefined): PropertyASTNode | undefined {
  if (!node) return undefined;
  if (node.type === 'property') return node;
  const parent = node.parent;
  return parent?.type === 'property' ? parent : undefined;
}

/** Whether `node` is the key of its property (rather than the value). */
export function isKey(node: ASTNode): boolean {
  const parent = node.parent;
  return parent?.type === 'property' && parent.keyNode === node;
}
