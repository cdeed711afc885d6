// The parsed order: the JSON tree (from vscode-json-languageservice) bound to the catalogue.
// Built once per document version; views are computed on first use and shared by every feature
// and rule, so that the rules together cost little next to the schema validation.
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
  /** The object field it is a member of (SSL2Buy `PACOrderInfo`), none at the root. */
  parent?: FieldSpec;
  /** `PACOrderInfo.` inside a nested object, '' at the root: for messages. */
  prefix: string;
}

export type BoundField = BoundProperty & { field: FieldSpec };

/** An object of the order (the root, or a nested one) with the fields it may hold. */
export interface OrderObject {
  object: ObjectASTNode;
  fields: readonly FieldSpec[];
  bound: BoundProperty[];
  prefix: string;
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
  private apiMemo?: { api?: ApiCatalogue };
  private objectsMemo?: OrderObject[];
  private boundMemo?: BoundField[];
  private byPropertyMemo?: Map<PropertyASTNode, BoundProperty>;
  private productsMemo?: { list?: ProductList };
  private factsMemo?: { facts?: OrderFacts };
  private nodesMemo?: Map<number, ASTNode>;

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
    if (!this.apiMemo) {
      const value = this.apiProperty?.valueNode;
      this.apiMemo = { api: value?.type === 'string' ? findCatalogue(value.value) : undefined };
    }
    return this.apiMemo.api;
  }

  range(offset: number, length: number): Range {
    return { start: this.document.positionAt(offset), end: this.document.positionAt(offset + length) };
  }

  rangeOf(node: ASTNode): Range {
    return this.range(node.offset, node.length);
  }

  /** The root and every nested object field, bound to the catalogue (one pass, shared). */
  get objects(): OrderObject[] {
    if (!this.objectsMemo) {
      this.objectsMemo = [];
      this.boundMemo = [];
      const root = this.root;
      const api = this.api;
      if (root && api) this.bindObject(root, api.fields, undefined, '');
    }
    return this.objectsMemo;
  }

  private bindObject(
    object: ObjectASTNode,
    fields: readonly FieldSpec[],
    parent: FieldSpec | undefined,
    prefix: string,
  ) {
    const ci = this.api?.caseInsensitiveNames ?? false;
    const bound: BoundProperty[] = [];
    this.objectsMemo!.push({ object, fields, bound, prefix });
    for (const property of object.properties) {
      const key = property.keyNode.value;
      const field = key.charCodeAt(0) === 36 /* $ */ ? undefined : findField(fields, key, ci);
      const b: BoundProperty = { property, key, field, parent, prefix };
      bound.push(b);
      if (field) this.boundMemo!.push(b as BoundField);
      const value = property.valueNode;
      if (field?.fields && value?.type === 'object')
        this.bindObject(value, field.fields, field, `${prefix}${field.name}.`);
    }
  }

  /** Every property that holds a catalogue field, at any depth (collected while binding). */
  get bound(): BoundField[] {
    if (!this.objectsMemo) void this.objects;
    return this.boundMemo!;
  }

  /** The root's properties bound to the API's fields. */
  get top(): BoundProperty[] {
    const first = this.objects[0];
    return first ? first.bound : [];
  }

  /** The properties of an order object bound to the fields that object may hold. */
  properties(object: ObjectASTNode, fields: readonly FieldSpec[]): BoundProperty[] {
    const known = this.objects.find((o) => o.object === object);
    if (known) return known.bound;
    const ci = this.api?.caseInsensitiveNames ?? false;
    return object.properties.map((property) => {
      const key = property.keyNode.value;
      return {
        property,
        key,
        field: key.startsWith('$') ? undefined : findField(fields, key, ci),
        prefix: '',
      };
    });
  }

  /** The first property holding `field` in `object` (default: the root). */
  find(field: FieldSpec, object?: ObjectASTNode, fields?: readonly FieldSpec[]): BoundProperty | undefined {
    if (!object) {
      for (const b of this.top) if (b.field === field) return b;
      return undefined;
    }
    return this.properties(object, fields ?? []).find((b) => b.field === field);
  }

  /** The field a property holds (SSL2Buy nests objects: with the object field it is in). */
  fieldOf(property: PropertyASTNode): { field: FieldSpec; parent?: FieldSpec } | undefined {
    if (!this.byPropertyMemo) {
      this.byPropertyMemo = new Map();
      for (const o of this.objects) for (const b of o.bound) this.byPropertyMemo.set(b.property, b);
    }
    const b = this.byPropertyMemo.get(property);
    return b?.field ? { field: b.field, parent: b.parent } : undefined;
  }

  /** The key, value or object node that starts at `offset` (where diagnostics' ranges start). */
  nodeAt(offset: number): ASTNode | undefined {
    if (!this.nodesMemo) {
      const nodes = new Map<number, ASTNode>();
      const stack: ASTNode[] = this.json?.root ? [this.json.root] : [];
      for (let n = stack.pop(); n; n = stack.pop()) {
        if (n.type === 'property') {
          nodes.set(n.keyNode.offset, n.keyNode);
          if (n.valueNode) stack.push(n.valueNode);
        } else {
          if (!nodes.has(n.offset)) nodes.set(n.offset, n);
          const children: ASTNode[] = n.type === 'object' ? n.properties : n.type === 'array' ? n.items : [];
          for (const c of children) stack.push(c);
        }
      }
      this.nodesMemo = nodes;
    }
    return this.nodesMemo.get(offset) ?? this.json?.getNodeFromOffset(offset);
  }

  /** Comodo `product` read as comma-separated integers; undefined when absent. */
  get products(): ProductList | undefined {
    this.productsMemo ??= { list: this.readProducts() };
    return this.productsMemo.list;
  }

  private readProducts(): ProductList | undefined {
    const bound = this.top.find((b) => b.field?.format === 'integer-list');
    const node = bound?.property.valueNode;
    if (!node) return undefined;
    if (node.type === 'number') {
      // A negative integer is read as a code too, so that the unknown-code rule names it.
      const ok = node.isInteger;
      return {
        node,
        wellFormed: ok,
        codes: ok ? [{ code: node.value, offset: node.offset, length: node.length }] : [],
      };
    }
    if (node.type !== 'string') return { node, wellFormed: false, codes: [] };
    // Digits separated by single commas; offsets of each code in the text, unless escapes make
    // the text differ from the value.
    const value = node.value;
    const exact = node.length === value.length + 2;
    const codes: ProductCode[] = [];
    let start = 0;
    for (let i = 0; i <= value.length; i++) {
      const c = i < value.length ? value.charCodeAt(i) : 44; /* , */
      if (c >= 48 && c <= 57) continue;
      if (c !== 44 || i === start) return { node, wellFormed: false, codes: [] };
      const offset = exact ? node.offset + 1 + start : node.offset;
      codes.push({ code: Number(value.slice(start, i)), offset, length: exact ? i - start : node.length });
      start = i + 1;
    }
    return { node, wellFormed: true, codes };
  }

  /** Plain values for rules outside this service (the CSR participant). */
  get facts(): OrderFacts | undefined {
    if (!this.factsMemo) {
      const api = this.api;
      let facts: OrderFacts | undefined;
      if (api) {
        const values: Record<string, unknown> = {};
        for (const b of this.top) {
          const v = b.property.valueNode;
          if (b.field && v && !(b.field.name in values)) values[b.field.name] = plainValue(v, 0);
        }
        facts = { api, products: this.products?.codes.map((c) => c.code) ?? [], values };
      }
      this.factsMemo = { facts };
    }
    return this.factsMemo.facts;
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
