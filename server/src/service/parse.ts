// Parsing, once per document version. Inputs past the limits (a 10 MB paste, 10,000 nested
// brackets) are not handed to the recursive validator and features: they get one diagnostic.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ASTNode, JSONDocument, LanguageService } from 'vscode-json-languageservice';
import { OrderModel, type LimitProblem } from './model';
import type { OrderLimits } from './types';

const INTERESTING = /["{}[\]]/g;

/** The first offset where nesting passes `maxDepth`, skipping strings; -1 when it never does. */
export function findExcessiveNesting(text: string, maxDepth: number): number {
  // A regular expression finds the next bracket or quote, indexOf the end of a string: an order
  // is mostly string (a PEM), so this is far quicker than a loop over every character.
  let depth = 0;
  const re = new RegExp(INTERESTING);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const c = text.charCodeAt(m.index);
    if (c === 34 /* " */) {
      let end = m.index;
      do {
        end = text.indexOf('"', end + 1);
        if (end < 0) return -1;
      } while (isEscaped(text, end));
      re.lastIndex = end + 1;
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > maxDepth) return m.index;
    } else if (depth > 0) {
      depth--;
    }
  }
  return -1;
}

/** Whether the quote at `at` is preceded by an odd number of backslashes. */
function isEscaped(text: string, at: number): boolean {
  let n = 0;
  while (text.charCodeAt(at - 1 - n) === 92 /* \ */) n++;
  return n % 2 === 1;
}

function tooLarge(text: string, limits: OrderLimits): LimitProblem {
  return {
    code: 'file-too-large',
    offset: 0,
    message: `This file is ${Math.round(text.length / 1024)} KB: past ${Math.round(limits.maxLength / 1024)} KB it is not checked. An order is a few KB; is this the right file?`,
  };
}

function tooDeep(offset: number, limits: OrderLimits): LimitProblem {
  return {
    code: 'file-too-deep',
    offset: Math.max(0, offset),
    message: `Nesting deeper than ${limits.maxDepth} levels starts here: the file is not checked further. An order nests at most two levels.`,
  };
}

/** The first object or array nested deeper than `maxDepth`, walking without recursion. */
export function excessiveDepth(root: ASTNode | undefined, maxDepth: number): ASTNode | undefined {
  // The common case, a flat order: nothing to walk.
  if (root?.type === 'object' && maxDepth >= 2) {
    let flat = true;
    for (const p of root.properties) {
      const t = p.valueNode?.type;
      if (t === 'object' || t === 'array') flat = false;
    }
    if (flat) return undefined;
  }
  const containers: ASTNode[] = [];
  const depths: number[] = [];
  const push = (node: ASTNode | undefined, depth: number) => {
    if (node?.type === 'object' || node?.type === 'array') {
      containers.push(node);
      depths.push(depth);
    }
  };
  push(root, 1);
  for (let node = containers.pop(); node; node = containers.pop()) {
    const depth = depths.pop()!;
    if (depth > maxDepth) return node;
    // Only containers are pushed: an order's scalar values cost nothing here.
    if (node.type === 'object') for (const p of node.properties) push(p.valueNode, depth + 1);
    else if (node.type === 'array') for (const item of node.items) push(item, depth + 1);
  }
  return undefined;
}

/** Parses each document version once; the model is shared by every feature. */
export class OrderParser {
  private readonly cache = new WeakMap<TextDocument, OrderModel>();

  constructor(
    private readonly json: LanguageService,
    private readonly limits: OrderLimits,
  ) {}

  parse(document: TextDocument): OrderModel {
    const cached = this.cache.get(document);
    if (cached && cached.version === document.version) return cached;
    const model = this.build(document);
    this.cache.set(document, model);
    return model;
  }

  private build(document: TextDocument): OrderModel {
    const text = document.getText();
    if (text.length > this.limits.maxLength)
      return new OrderModel(document, undefined, tooLarge(text, this.limits));
    let json: JSONDocument;
    try {
      json = this.json.parseJSONDocument(document);
    } catch (err) {
      // The parser recurses: a few thousand nested brackets exhaust the stack.
      if (!(err instanceof RangeError)) throw err;
      return new OrderModel(
        document,
        undefined,
        tooDeep(findExcessiveNesting(text, this.limits.maxDepth), this.limits),
      );
    }
    // The validator and the other features recurse too: stop well before they would.
    const deep = excessiveDepth(json.root, this.limits.maxDepth);
    if (deep) return new OrderModel(document, undefined, tooDeep(deep.offset, this.limits));
    return new OrderModel(document, json);
  }
}
