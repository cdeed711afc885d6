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

/** The file's indentation step: the first indented line's (a tab, or its spaces), else two spaces. */
function indentUnit(text: string): string {
  const first = /\n([ \t]+)\S/.exec(text.slice(0, 10_000))?.[1];
  if (!first) return '  ';
  return first.startsWith('\t') ? '\t' : first;
}

/**
 * Adds properties at the end of an object, formatted as the file is: one per line, indented like
 * the other members with the file's indentation step (tabs or spaces), nested values too; on the
 * same line when the object is written on one line.
 */
export function addProperties(model: OrderModel, object: ObjectASTNode, entries: [string, unknown][]): Edit {
  const text = model.document.getText();
  const last = object.properties[object.properties.length - 1];
  const objectIndent = lineIndent(text, object.offset);
  const oneLine = !text.slice(object.offset, object.offset + object.length).includes('\n');
  if (last && oneLine) {
    const body = entries.map(([name, value]) => `${JSON.stringify(name)}: ${JSON.stringify(value)}`);
    return { range: model.range(last.offset + last.length, 0), newText: `, ${body.join(', ')}` };
  }
  const memberIndent = last ? lineIndent(text, last.offset) : '';
  const unit =
    last && memberIndent.startsWith(objectIndent) && memberIndent.length > objectIndent.length
      ? memberIndent.slice(objectIndent.length)
      : indentUnit(text);
  const indent = last ? memberIndent : objectIndent + unit;
  const render = ([name, value]: [string, unknown]) =>
    `${indent}${JSON.stringify(name)}: ${JSON.stringify(value, null, unit).replace(/\n/g, `\n${indent}`)}`;
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
