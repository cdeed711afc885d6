// Formatting in bounded time and size. jsonc-parser's formatter indents every line by its nesting
// and breaks a line after every bracket and comma: `{"a":1,` then 10,000 `[` took 10 s and gave
// 101 MB of edits. A file past the depth limit, or whose edits could pass the size cap, is not
// formatted, and the answer says why (the server shows it to the user).
import { createScanner, type SyntaxKind } from 'jsonc-parser';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FormattingOptions, Range, TextEdit } from 'vscode-languageserver-types';
import type { LanguageService } from 'vscode-json-languageservice';
import type { OrderModel } from './model';
import type { OrderLimits } from './types';

export interface FormatResult {
  edits: TextEdit[];
  /** Why nothing is formatted, for the user (the edits are then empty). */
  refused?: string;
}

/** Bytes of edits (as sent, JSON) one formatting answer may carry. */
export const MAX_FORMAT_EDIT_BYTES = 2 * 1024 * 1024;
/** Past this bound on what the formatter could write, it is not run at all (its cost is its output). */
const MAX_FORMAT_WORK_BYTES = 4 * MAX_FORMAT_EDIT_BYTES;
/** What one edit costs in the answer besides its text: `{"range":{"start":{"line":...`. */
const EDIT_OVERHEAD = 100;
const MAX_TAB_SIZE = 16;

// jsonc-parser's SyntaxKind is a const enum, which isolated modules cannot read: its values.
const OPEN_BRACE = 1 satisfies SyntaxKind.OpenBraceToken;
const CLOSE_BRACE = 2 satisfies SyntaxKind.CloseBraceToken;
const OPEN_BRACKET = 3 satisfies SyntaxKind.OpenBracketToken;
const CLOSE_BRACKET = 4 satisfies SyntaxKind.CloseBracketToken;
const LINE_BREAK = 14 satisfies SyntaxKind.LineBreakTrivia;
const TRIVIA = 15 satisfies SyntaxKind.Trivia;
const EOF = 17 satisfies SyntaxKind.EOF;

/**
 * The client's options as the formatter may take them: tabSize an integer 1..16 (4 when not a
 * number; a tabSize of 10^9 is a 1 GB indent), the flags booleans, nothing else.
 */
export function clampFormattingOptions(options: unknown): FormattingOptions {
  const o = (options !== null && typeof options === 'object' ? options : {}) as Record<string, unknown>;
  const tab = typeof o.tabSize === 'number' && Number.isFinite(o.tabSize) ? Math.round(o.tabSize) : 4;
  return {
    tabSize: Math.min(MAX_TAB_SIZE, Math.max(1, tab)),
    insertSpaces: o.insertSpaces === true,
    insertFinalNewline: o.insertFinalNewline === true,
    keepLines: o.keepLines === true,
  };
}

export interface FormatScan {
  /** Offset of the first bracket past the depth limit, when there is one. */
  tooDeepAt?: number;
  /** More than the formatter could write for the lines it formats, overhead of each edit included. */
  bound: number;
}

/**
 * One pass of jsonc-parser's scanner (the formatter's own tokens): the nesting of the whole
 * file, and a bound on the formatter's output for `[from, to)` as sent (JSON, where a line break
 * or a tab is two bytes): per token at most its line breaks (at least one) and the indent of its
 * level, plus the edit's overhead.
 */
export function scanForFormatting(
  text: string,
  from: number,
  to: number,
  options: FormattingOptions,
  maxDepth: number,
): FormatScan {
  // Bytes of one level of indent in JSON: tabSize spaces, or `\t`.
  const unit = options.insertSpaces ? options.tabSize : 2;
  // Range formatting indents from the first line's own indent (jsonc-parser's computeIndentLevel).
  let width = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) width++;
    else if (c === 9) width += options.tabSize;
    else break;
  }
  const initial = Math.floor(width / options.tabSize) * unit;
  let bound = EDIT_OVERHEAD + initial;
  let depth = 0;
  let inner = 0;
  let breaks = 0;
  const scanner = createScanner(text, false);
  for (;;) {
    const token: number = scanner.scan();
    if (token === LINE_BREAK) {
      breaks++;
      continue;
    }
    if (token === TRIVIA) continue;
    const at = scanner.getTokenOffset();
    const inside = at >= from && at <= to;
    if (inside) bound += EDIT_OVERHEAD + 2 * Math.max(1, breaks) + initial + inner * unit;
    breaks = 0;
    if (token === EOF) return { bound };
    if (token === OPEN_BRACE || token === OPEN_BRACKET) {
      if (++depth > maxDepth) return { tooDeepAt: at, bound };
      if (inside) inner++;
    } else if (token === CLOSE_BRACE || token === CLOSE_BRACKET) {
      depth = Math.max(0, depth - 1);
      if (inside) inner = Math.max(0, inner - 1);
    }
  }
}

function lineStart(text: string, offset: number): number {
  while (offset > 0 && text[offset - 1] !== '\n' && text[offset - 1] !== '\r') offset--;
  return offset;
}

function lineEnd(text: string, offset: number): number {
  while (offset < text.length && text[offset] !== '\n' && text[offset] !== '\r') offset++;
  return offset;
}

function fileName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1)) || uri;
}

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/** The document (or the lines of `range`) formatted, or nothing and why. */
export function formatOrder(
  model: OrderModel,
  json: LanguageService,
  range: Range | undefined,
  clientOptions: unknown,
  limits: OrderLimits,
): FormatResult {
  const document: TextDocument = model.document;
  const name = `"${fileName(document.uri)}" is not formatted`;
  if (model.limit?.code === 'file-too-large')
    return {
      edits: [],
      refused: `${name}: past ${Math.round(limits.maxLength / 1024)} KB a file is not checked.`,
    };
  const tooDeep = (offset: number) => ({
    edits: [],
    refused: `${name}: it nests deeper than ${limits.maxDepth} levels (line ${document.positionAt(offset).line + 1}). An order nests at most two levels.`,
  });
  if (model.limit) return tooDeep(model.limit.offset);
  const options = clampFormattingOptions(clientOptions);
  const text = document.getText();
  let from = 0;
  let to = text.length;
  if (range) {
    const a = document.offsetAt(range.start);
    const b = document.offsetAt(range.end);
    range = { start: document.positionAt(Math.min(a, b)), end: document.positionAt(Math.max(a, b)) };
    from = lineStart(text, Math.min(a, b));
    to = lineEnd(text, Math.max(a, b));
  }
  const scan = scanForFormatting(text, from, to, options, limits.maxDepth);
  if (scan.tooDeepAt !== undefined) return tooDeep(scan.tooDeepAt);
  const tooLarge = (what: string) => ({
    edits: [],
    refused: `${name}: its edits ${what}, past the ${megabytes(MAX_FORMAT_EDIT_BYTES)} a formatting answer may carry. An order is a few KB; is this the right file?`,
  });
  if (scan.bound > MAX_FORMAT_WORK_BYTES) return tooLarge('could be larger');
  const edits = json.format(document, range, options);
  if (scan.bound <= MAX_FORMAT_EDIT_BYTES) return { edits };
  // Edits are whitespace: a string's length is its size in bytes.
  const size = JSON.stringify(edits).length;
  return size > MAX_FORMAT_EDIT_BYTES ? tooLarge(`would be ${megabytes(size)}`) : { edits };
}
