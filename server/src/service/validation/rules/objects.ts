// The order's objects with the fields each may hold: the root, then nested objects (SSL2Buy).
import type { ObjectASTNode } from 'vscode-json-languageservice';
import type { FieldSpec } from '../../../../../common/src/catalogue';
import type { BoundProperty, OrderModel } from '../../model';

export interface OrderObject {
  object: ObjectASTNode;
  fields: readonly FieldSpec[];
  bound: BoundProperty[];
  /** `PACOrderInfo.` inside a nested object, '' at the root. */
  prefix: string;
}

export function orderObjects(model: OrderModel): OrderObject[] {
  const root = model.root;
  const api = model.api;
  if (!root || !api) return [];
  const out: OrderObject[] = [];
  const visit = (object: ObjectASTNode, fields: readonly FieldSpec[], prefix: string) => {
    const bound = model.properties(object, fields);
    out.push({ object, fields, bound, prefix });
    for (const b of bound) {
      const value = b.property.valueNode;
      if (b.field?.fields && value?.type === 'object')
        visit(value, b.field.fields, `${prefix}${b.field.name}.`);
    }
  };
  visit(root, api.fields, '');
  return out;
}

/** Every property bound to a field, at any depth. */
export function boundFields(model: OrderModel): (BoundProperty & { field: FieldSpec; prefix: string })[] {
  return orderObjects(model).flatMap((o) =>
    o.bound.flatMap((b) => (b.field ? [{ ...b, field: b.field, prefix: o.prefix }] : [])),
  );
}
