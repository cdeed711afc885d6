// The "Decode CSR" request: the selection, the CSR of an order under the cursor (inline or by
// `file:` reference), or a `.csr` file, as a plain-text report with the hover's facts.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';
import {
  csrReportText,
  csrTextFromBytes,
  decodeJsonStringSource,
  OID,
  readCsrText,
  type CsrAnalysis,
  type CsrCache,
  type CsrFinding,
  type CsrReportOptions,
} from '../../../common/src/csr';
import type { OrderSettings } from '../../../common/src/settings';
import type { OrderLanguageService, ReadFile } from '../service';
import { resolveReference } from '../service/csrFields';
import { orderReportOptions } from './context';
import { checkCsrDocument, isCsrDocument, STANDALONE_NOTE } from './csrDocument';
import { checkInput } from './participant';
import type { DecodeCsrParams, DecodeCsrResult } from '../../../common/src/lsp/requests';

export interface DecodeEnvironment {
  cache: CsrCache;
  /** The open document `params.uri` names, if it is open. */
  document?: TextDocument;
  settings: OrderSettings;
  service: Pick<OrderLanguageService, 'getCsrInputs'>;
  readFile: ReadFile;
}

const NOTHING =
  'No CSR to decode here: select one, put the cursor on the CSR of an order, or open a .csr file.';

function baseName(uri: string): string {
  const name = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

function contains(range: Range, p: Position): boolean {
  const afterStart =
    p.line > range.start.line || (p.line === range.start.line && p.character >= range.start.character);
  const beforeEnd =
    p.line < range.end.line || (p.line === range.end.line && p.character <= range.end.character);
  return afterStart && beforeEnd;
}

function report(
  title: string,
  analysis: CsrAnalysis,
  findings: CsrFinding[],
  options: CsrReportOptions,
  note?: string,
): DecodeCsrResult {
  const body = csrReportText(analysis, { ...options, findings });
  const head = [title, '='.repeat(title.length), ...(note ? ['', note] : [])].join('\n');
  const commonName =
    analysis.kind === 'decoded'
      ? analysis.csr.subject.find((a) => a.oid === OID.commonName)?.value
      : undefined;
  return { ok: true, title, text: `${head}\n\n${body}`, ...(commonName ? { commonName } : {}) };
}

/**
 * A CSR with no order around it. `selection`: text the user picked, where anything but a decodable
 * CSR is answered with why (a `.csr` file that does not decode still gets its report).
 */
function standalone(title: string, text: string, env: DecodeEnvironment, selection = false): DecodeCsrResult {
  const what = selection ? 'The selection is not a CSR' : title;
  const checked = checkCsrDocument(env.cache, text, env.settings);
  if (!checked) return { ok: false, message: `${what}: too large for a CSR.` };
  const { analysis, findings } = checked;
  if (
    analysis.kind === 'text-error' &&
    (selection || analysis.text.code === 'empty' || analysis.text.code === 'wrong-label')
  ) {
    return { ok: false, message: `${what}: ${analysis.text.message}` };
  }
  if (analysis.kind === 'decode-error' && selection) {
    return { ok: false, message: `${what}: ${analysis.error.message}.` };
  }
  return report(title, analysis, findings, {}, STANDALONE_NOTE);
}

/** A selection: PEM, bare base64, a JSON string with `\n` escapes, or a `file:` reference. */
async function decodeSelection(selection: string, env: DecodeEnvironment): Promise<DecodeCsrResult> {
  let text = selection.trim().replace(/,$/, '');
  if (!readCsrText(text).ok && text.includes('\\')) {
    const json = decodeJsonStringSource(text);
    if (json) text = json.value;
  }
  const reference = /^"?file:(.*?)"?$/.exec(text)?.[1]?.trim();
  if (reference && env.document) {
    const uri = resolveReference(env.document.uri, reference);
    if (!uri) return { ok: false, message: `Cannot resolve ${reference}: save the order first.` };
    return decodeFile(uri, `Decoded CSR: ${reference}`, env, env.document.uri);
  }
  return standalone('Decoded CSR (selection)', text, env, true);
}

/** `orderUri`: the order whose reference names the file (read only inside its workspace folder). */
async function decodeFile(
  uri: string,
  title: string,
  env: DecodeEnvironment,
  orderUri?: string,
): Promise<DecodeCsrResult> {
  let bytes: Uint8Array;
  try {
    bytes = await env.readFile(uri, orderUri);
  } catch (err) {
    return {
      ok: false,
      message: `Cannot read ${baseName(uri)}: ${err instanceof Error ? err.message : String(err)}`,
    };
  }
  return standalone(title, csrTextFromBytes(bytes), env);
}

async function decodeInOrder(
  document: TextDocument,
  position: Position | undefined,
  env: DecodeEnvironment,
): Promise<DecodeCsrResult> {
  const values = await env.service.getCsrInputs(document, env.settings);
  const chosen = (position && values.find((v) => contains(v.input.range, position))) ?? values[0];
  if (!chosen) return { ok: false, message: NOTHING };
  const { input, unreadable } = chosen;
  const order = baseName(document.uri);
  const source = input.source;
  if (source.kind === 'file' && unreadable !== undefined) {
    return { ok: false, message: `Cannot read the CSR file ${source.reference}: ${unreadable}.` };
  }
  const checked = checkInput(env.cache, input);
  if (!checked) return { ok: false, message: NOTHING };
  const title =
    source.kind === 'file'
      ? `Decoded CSR: ${source.reference} (the ${input.field.name} of ${order})`
      : `Decoded CSR: the ${input.field.name} of ${order}`;
  const note = source.kind === 'file' ? `File: ${decodeURIComponent(source.uri)}` : undefined;
  return report(title, checked.analysis, checked.findings, orderReportOptions(input.order), note);
}

export async function decodeCsrRequest(
  params: DecodeCsrParams,
  env: DecodeEnvironment,
): Promise<DecodeCsrResult> {
  if (params.text !== undefined && params.text.trim() !== '') return decodeSelection(params.text, env);
  const document = env.document;
  if (document && isCsrDocument(document)) {
    return standalone(`Decoded CSR: ${baseName(document.uri)}`, document.getText(), env);
  }
  if (document) return decodeInOrder(document, params.position, env);
  if (params.uri?.startsWith('file:'))
    return decodeFile(params.uri, `Decoded CSR: ${baseName(params.uri)}`, env);
  return { ok: false, message: NOTHING };
}
