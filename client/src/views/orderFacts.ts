// What the Orders view says about one order file: its API and a one-line summary (products and
// validity, the CSR's CN or e-mail), read with the production confirmation's summary
// (summariseOrder) so the view and the confirmation never disagree. No vscode import.
import {
  MAX_CSR_FILE_BYTES,
  csrReference,
  csrSubjectSummary,
  formatSummary,
  readOrder,
  resolveCsrFile,
  type CsrSubjectSummary,
  type ReadOrderResult,
  summariseOrder,
} from '../../../common/src/protocol';
import { csrTextFromBytes } from '../../../common/src/csr';
import { readCsrFileInside, readRegularFile } from '../submission/localFile';

/** An order is a few KB; a larger file is named, not read. */
const MAX_ORDER_BYTES = 1024 * 1024;

export interface OrderFacts {
  /** The API's title; undefined when the file names none this extension knows. */
  api?: string;
  /** One line: products (when the API has a product field), validity, CN; or why it cannot be read. */
  summary: string;
  /** The summary's lines, for the tooltip. */
  details: string;
  /**
   * The `file:` CSR the order names, resolved inside its folder, whether or not it could be read:
   * the view reads the order again when that file changes (the CN is the CSR's).
   */
  csrFile?: string;
}

/** The summary lines the one-line summary takes, in this order. */
const ONE_LINE = ['Products', 'Validity'];

function referenceOf(read: ReadOrderResult): string | undefined {
  return read.ok ? csrReference(read.order)?.file : undefined;
}

/**
 * Subjects by CSR text. Orders of one workspace often share a CSR file, and decoding one checks
 * its signature: a text seen again is not decoded again (the same text, the same subject).
 */
const subjects = new Map<string, CsrSubjectSummary | undefined>();
const MAX_SUBJECTS = 256;
/** Longer texts (a CSR is 1-3 KB; a file may hold up to 1 MiB) are decoded each time, not kept. */
const MAX_KEPT_TEXT = 16 * 1024;

function subjectOf(csr: string): CsrSubjectSummary | undefined {
  if (subjects.has(csr)) return subjects.get(csr);
  const subject = csrSubjectSummary(csr);
  if (csr.length > MAX_KEPT_TEXT) return subject;
  if (subjects.size >= MAX_SUBJECTS) subjects.clear();
  subjects.set(csr, subject);
  return subject;
}

/**
 * @param csrText the CSR of a `file:` reference, when it could be read (an inline CSR is taken from
 *   the order itself)
 */
export function orderFacts(text: string, csrText?: string): OrderFacts {
  return factsOf(readOrder(text), csrText);
}

function factsOf(read: ReadOrderResult, csrText?: string): OrderFacts {
  if (!read.ok) return { summary: read.problem, details: read.problem };
  const { order } = read;
  const csr = csrReference(order)?.inline ?? csrText;
  const subject = csr === undefined ? undefined : subjectOf(csr);
  const lines = summariseOrder(order, subject);
  const parts = ONE_LINE.flatMap((label) => {
    const value = lines.find((l) => l.label === label)?.value;
    // An API without a product field (S/MIME) gives its own title as the product: said once.
    return value === undefined || value === order.api.title ? [] : [value];
  });
  const who = subject?.commonName ?? subject?.email;
  if (who) parts.push(who);
  return { api: order.api.title, summary: parts.join(' · '), details: formatSummary(lines) };
}

/**
 * The facts of an order file on disk. A `file:` CSR is read as the submission reads it: only
 * inside `root` (the order's workspace folder), its real path too, and no more than a CSR's size.
 * The order is parsed once.
 */
export async function readOrderFacts(file: string, root: string): Promise<OrderFacts> {
  let text: string;
  try {
    text = Buffer.from(await readRegularFile(file, MAX_ORDER_BYTES)).toString('utf8');
  } catch (err) {
    const why = `The order file ${(err as Error).message}.`;
    return { summary: why, details: why };
  }
  const read = readOrder(text);
  const reference = referenceOf(read);
  if (reference === undefined) return factsOf(read);
  const where = resolveCsrFile(file, reference, root);
  if (!where.ok) return factsOf(read);
  let csrText: string | undefined;
  try {
    csrText = csrTextFromBytes(await readCsrFileInside(where.path, root, MAX_CSR_FILE_BYTES));
  } catch {
    csrText = undefined;
  }
  return { ...factsOf(read, csrText), csrFile: where.path };
}
