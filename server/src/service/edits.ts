// Text edits for quick fixes: rename a key, replace a value, remove a property, add properties.
import type { ASTNode, ObjectASTNode, PropertyASTNode } from 'vscode-json-languageservice';
import type { FieldSpec } from '../../../common/src/catalogue';
import type { OrderModel } from './model';
import type { QuickFix } from './types';

type Edit = QuickFix['edits'][number];

export function renameKey(model: OrderModel, property: PropertyASTNode, name: string): Edit {
  return { range: model.rangeOf(property.keyNode), newText: JSON.stringify(name) };
}

export function replaceValue(model: OrderModel, node: ASTNode, value: unknown): Edit {
  return { range: model.rangeOf(node), newText: JSON.stringify(value) };
}

/** Removes a property with its comma, leaving the neighbours' layout as it was. */
export function removeProperty(model: OrderModel, property: PropertyASTNode): Edit {
  const siblings = property.parent?.type === 'object' ? property.parent.properties : [property];
  const i = siblings.indexOf(property);
  const end = property.offset + property.length;
  if (i >= 0 && i < siblings.length - 1) {
    return { range: model.range(property.offset, siblings[i + 1].offset - property.offset), newText: '' };
  }
  if (i > 0) {
    const prev = siblings[i - 1];
    const prevEnd = prev.offset + prev.length;
    return { range: model.range(prevEnd, end - prevEnd), newText: '' };
  }
  return { range: model.range(property.offset, property.length), newText: '' };
}

/** A value to start from: the catalogue's placeholder, or an empty one of the field's type. */
export function placeholderValue(field: FieldSpec): unknown {
  if (field.placeholder !== undefined) return field.placeholder;
  if (field.type === 'integer') return 0;
  if (field.type === 'object') {
    const members = (field.fields ?? []).filter((f) => f.required === true && !f.credential);
    return Object.fromEntries(members.map((f) => [f.name, placeholderValue(f)]));
  }
  return '';
}

function lineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset))?.[0] ?? '';
}

/** Adds properties at the end of an object, indented like its other members. */
export function addProperties(model: OrderModel, object: ObjectASTNode, entries: [string, unknown][]): Edit {
  const text = model.document.getText();
  const last = object.properties[object.properties.length - 1];
  const objectIndent = lineIndent(text, object.offset);
  const indent = last ? lineIndent(text, last.offset) : `${objectIndent}  `;
  const render = ([name, value]: [string, unknown]) =>
    `${indent}${JSON.stringify(name)}: ${JSON.stringify(value, null, 2).replace(/\n/g, `\n${indent}`)}`;
  const body = entries.map(render).join(',\n');
  if (last) {
    const end = last.offset + last.length;
    return { range: model.range(end, 0), newText: `,\n${body}` };
  }
  // An empty object: replace its inside.
  return {
    range: model.range(object.offset + 1, Math.max(0, object.length - 2)),
    newText: `\n${body}\n${objectIndent}`,
  };
}
