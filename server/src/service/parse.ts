// Parsing, once per document version. Inputs past the limits (a 10 MB paste, 10,000 nested
// brackets) are not handed to the recursive JSON parser and validator: they get one diagnostic.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService } from 'vscode-json-languageservice';
import { OrderModel, type LimitProblem } from './model';
import type { OrderLimits } from './types';

/** The first offset where nesting passes `maxDepth`, skipping strings; -1 when it never does. */
export function findExcessiveNesting(text: string, maxDepth: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) {
      inString = true;
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > maxDepth) return i;
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      if (depth > 0) depth--;
    }
  }
  return -1;
}

export function checkLimits(text: string, limits: OrderLimits): LimitProblem | undefined {
  if (text.length > limits.maxLength) {
    return {
      code: 'file-too-large',
      offset: 0,
      message: `This file is ${Math.round(text.length / 1024)} KB: past ${Math.round(limits.maxLength / 1024)} KB it is not checked. An order is a few KB; is this the right file?`,
    };
  }
  const deep = findExcessiveNesting(text, limits.maxDepth);
  if (deep >= 0) {
    return {
      code: 'file-too-deep',
      offset: deep,
      message: `Nesting deeper than ${limits.maxDepth} levels starts here: the file is not checked further. An order nests at most two levels.`,
    };
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
    const text = document.getText();
    const limit = checkLimits(text, this.limits);
    const model = new OrderModel(document, limit ? undefined : this.json.parseJSONDocument(document), limit);
    this.cache.set(document, model);
    return model;
  }
}
