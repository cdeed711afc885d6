// Finding the field an error names in the order's text, for a diagnostic on it.
import { parseTree, type Node } from 'jsonc-parser';
import { API_KEY } from '../catalogue';

export interface TextSpan {
  offset: number;
  length: number;
  /** False when the field is not in the order: the span is the `$api` property (or the start). */
  found: boolean;
}

function properties(node: Node | undefined): Node[] {
  return node?.type === 'object' ? (node.children ?? []) : [];
}

function keyName(prop: Node): string | undefined {
  const key = prop.children?.[0];
  return typeof key?.value === 'string' ? key.value : undefined;
}

function findProperty(obj: Node | undefined, name: string, caseInsensitive: boolean): Node | undefined {
  const props = properties(obj);
  return (
    props.find((p) => keyName(p) === name) ??
    (caseInsensitive ? props.find((p) => keyName(p)?.toLowerCase() === name.toLowerCase()) : undefined)
  );
}

/** Depth-first search for a property of that name at any depth (SSL2Buy may name `FirstName` alone). */
function findAnywhere(obj: Node | undefined, name: string): Node | undefined {
  const direct = findProperty(obj, name, true);
  if (direct) return direct;
  for (const p of properties(obj)) {
    const found = findAnywhere(p.children?.[1], name);
    if (found) return found;
  }
  return undefined;
}

function spanOf(prop: Node): TextSpan {
  const value = prop.children?.[1];
  const target =
    value && value.type !== 'object' && value.type !== 'array' ? value : (prop.children?.[0] ?? prop);
  return { offset: target.offset, length: target.length, found: true };
}

/**
 * The span of the field an error names: its value (or its key, for objects). A dotted name is a
 * path (`PACOrderInfo.FirstName`). Comodo's names are case-insensitive; SSL2Buy's are tried
 * exactly first, then case-insensitively, then anywhere in the order.
 */
export function locateField(text: string, field: string, caseInsensitive: boolean): TextSpan {
  const root = parseTree(text);
  const parts = field.split('.');
  let node: Node | undefined = root;
  let parent: Node | undefined;
  let complete = true;
  for (const part of parts) {
    const next = findProperty(node, part, caseInsensitive);
    if (!next) {
      complete = false;
      break;
    }
    parent = next;
    node = next.children?.[1];
  }
  if (complete && parent) return spanOf(parent);
  const anywhere = findAnywhere(root, parts[parts.length - 1]);
  if (anywhere) return spanOf(anywhere);
  // The field is not in the order (e.g. a credential added at submission): point at the nearest
  // parent found, or at `$api`.
  const key = (parent ?? findProperty(root, API_KEY, false))?.children?.[0];
  return key
    ? { offset: key.offset, length: key.length, found: false }
    : { offset: 0, length: 0, found: false };
}
