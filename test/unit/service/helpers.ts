// Test helpers for the order language service: documents from text, a cursor marker, the
// examples, and the codes of a document's diagnostics.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Position } from 'vscode-languageserver-types';
import { getOrderLanguageService, type OrderLanguageServiceParams } from '../../../server/src/service';
import type { OrderDiagnosticData } from '../../../server/src/service/types';

export const ROOT = path.join(__dirname, '..', '..', '..');
export const EXAMPLES = path.join(ROOT, 'examples');

let counter = 0;

export function makeDocument(
  text: string,
  uri = `file:///orders/test-${++counter}.order.json`,
): TextDocument {
  return TextDocument.create(uri, 'cert-order', 1, text);
}

/** `caretPosition('{ "a|" }')`: the text without the `|`, and the position where it was. */
export function caretPosition(marked: string): { text: string; position: Position; offset: number } {
  const offset = marked.indexOf('|');
  if (offset < 0) throw new Error('no | in the text');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const position = TextDocument.create('file:///x', 'cert-order', 1, text).positionAt(offset);
  return { text, position, offset };
}

export function service(params: OrderLanguageServiceParams = {}) {
  return getOrderLanguageService(params);
}

const shared = service();

export async function diagnostics(text: string, params?: OrderLanguageServiceParams): Promise<Diagnostic[]> {
  return (params ? service(params) : shared).doValidation(makeDocument(text));
}

export async function codes(text: string, params?: OrderLanguageServiceParams): Promise<string[]> {
  return (await diagnostics(text, params)).map((d) => String(d.code));
}

export function fixTitles(d: Diagnostic): string[] {
  return ((d.data as OrderDiagnosticData | undefined)?.fixes ?? []).map((f) => f.title);
}

export function example(name: string): { text: string; uri: string } {
  const file = path.join(EXAMPLES, name);
  return { text: readFileSync(file, 'utf8'), uri: pathToFileURL(file).href };
}

/** A valid order of each API, as one object to change in tests. */
export function comodoOrder(changes: Record<string, unknown> = {}, drop: string[] = []): string {
  const order: Record<string, unknown> = {
    $api: 'comodo-autoapplyssl',
    loginName: 'example-reseller',
    product: '24,36',
    years: 1,
    serverSoftware: 2,
    csr: '-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----\n',
    isCustomerValidated: 'N',
    ...changes,
  };
  for (const k of drop) delete order[k];
  return JSON.stringify(order, null, 2);
}

export function ssl2buyOrder(changes: Record<string, unknown> = {}, drop: string[] = []): string {
  const order: Record<string, unknown> = {
    $api: 'ssl2buy-sectigo-pac-enterprise',
    PartnerEmail: 'partner@example.com',
    Year: 1,
    PartnerOrderID: 'ORDER-0001',
    CSR: 'MIIBMTCB2QIBADA9MQswCQYDVQQGEwJVUzEU',
    PACOrderInfo: { Title: 'Ms', FirstName: 'Alice', LastName: 'Example' },
    OrganisationInfo: {
      OrgName: 'Example Ltd',
      Email: 'pki@example.com',
      Address1: '1 Example Street',
      City: 'London',
      State: 'Greater London',
      CountryName: 'GB',
      PostalCode: 'EC1A 1AA',
      PhoneNo: '+44 20 7946 0000',
    },
    ...changes,
  };
  for (const k of drop) delete order[k];
  return JSON.stringify(order, null, 2);
}
