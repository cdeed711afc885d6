// The completion items that offer a new order of each API (common/src/catalogue/newOrder.ts), only
// where a new order starts: an empty file, or an empty top-level object. VS Code offers a contributed snippets
// file in every list of a language (keys and values alike), so the language server offers them
// instead, where they make sense. The same snippet fills the file of "New Order...".
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CompletionItemKind,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  type CompletionItem,
  type Position,
} from 'vscode-languageserver-types';
import { catalogues } from '../../../common/src/catalogue';
import { orderSnippet } from '../../../common/src/catalogue/newOrder';

/** Past this, a document is not a new order (and is not scanned for being one). */
const NEW_ORDER_MAX_LENGTH = 4096;

/**
 * The new-order items at `position`, when the document is empty or an empty top-level object
 * (`{ }`, the cursor inside), apart from the word being typed there; otherwise none. Each inserts
 * at the cursor: the whole order in an empty file, its members inside the braces.
 */
export function newOrderItems(document: TextDocument, position: Position): CompletionItem[] {
  const text = document.getText();
  if (text.length > NEW_ORDER_MAX_LENGTH) return [];
  const offset = document.offsetAt(position);
  let start = offset;
  while (start > 0 && /[\w$-]/.test(text[start - 1])) start--;
  let end = offset;
  while (end < text.length && /[\w$-]/.test(text[end])) end++;
  const before = text.slice(0, start);
  const after = text.slice(end);
  const emptyFile = /^\s*$/.test(before) && /^\s*$/.test(after);
  const inEmptyObject = /^\s*\{\s*$/.test(before) && /^\s*\}\s*$/.test(after);
  if (!emptyFile && !inEmptyObject) return [];
  // On a line of its own inside the braces, the members go there; `{|}` gets lines of their own.
  const ownLine = inEmptyObject && /(^|\n)[ \t]*$/.test(before) && /^[ \t]*(\r?\n|$)/.test(after);
  const range = {
    start: document.positionAt(start),
    end: document.positionAt(end),
  };
  return catalogues.map((api, i) => {
    const snippet = orderSnippet(api);
    const members = snippet.body.slice(1, -1).map((line) => line.replace(/^\t/, ''));
    const newText = emptyFile
      ? snippet.body.join('\n')
      : ownLine
        ? members.join('\n')
        : `\n\t${members.join('\n\t')}\n`;
    return {
      label: snippet.prefix[0],
      kind: CompletionItemKind.Snippet,
      detail: `New ${api.title} order`,
      documentation: { kind: MarkupKind.PlainText, value: snippet.description },
      filterText: snippet.prefix.join(' '),
      sortText: `0${i}`,
      insertTextFormat: InsertTextFormat.Snippet,
      insertTextMode: InsertTextMode.adjustIndentation,
      textEdit: { range, newText },
    };
  });
}
