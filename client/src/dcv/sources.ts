// Where the DCV commands get their values: a submission (the CSR as sent and the CA's answer), or
// an order file (its CSR, inline or `file:` inside the workspace, and the newest placed answer in
// the history for that same CSR). No vscode import.
import * as path from 'node:path';
import { catalogues } from '../../../common/src/catalogue';
import { analyseCsrText, csrTextFromBytes, dcvPlan, type DcvPlan } from '../../../common/src/csr';
import {
  answerHashes,
  csrReference,
  csrTextOfRecord,
  latestPlacedRecord,
  MAX_CSR_FILE_BYTES,
  readOrder,
  resolveCsrFile,
  type SubmissionRecord,
} from '../../../common/src/protocol';
import { readCsrFileInside } from '../submission/localFile';

export type DcvSource = { ok: true; plan: DcvPlan; name: string } | { ok: false; problem: string };

function planOf(name: string, csrText: string, record: SubmissionRecord | undefined): DcvSource {
  const a = analyseCsrText(csrText);
  if (a.kind !== 'decoded')
    return { ok: false, problem: `${name}: the CSR cannot be decoded, so it has no DCV values.` };
  // The answer belongs to the CSR that was sent: another CSR's unique value or hashes do not apply.
  const sameCsr = record?.dcv?.csrHashes?.md5 === a.hashes.md5;
  const plan = dcvPlan(a, sameCsr ? answerHashes(record) : undefined) as DcvPlan;
  if (plan.domains.length === 0)
    return {
      ok: false,
      problem: `${name}: the CSR names no domain that domain-control validation applies to.`,
    };
  return { ok: true, plan, name };
}

/** The values of a placed TLS submission (the panel's record). */
export function sourceFromRecord(record: SubmissionRecord | undefined): DcvSource {
  if (!record || record.parsed?.kind !== 'success')
    return { ok: false, problem: 'DCV values come from a placed order: this submission was not placed.' };
  if (catalogues.find((c) => c.id === record.apiId)?.certificateKind === 'smime')
    return { ok: false, problem: 'An S/MIME order has no domain-control validation.' };
  const csr = csrTextOfRecord(record);
  if (!csr) return { ok: false, problem: 'The submission holds no CSR.' };
  return planOf(path.basename(record.orderFile), csr, record);
}

/** The values of an order's CSR, with the newest placed answer of that file and CSR, if any. */
export async function sourceFromOrder(
  orderFile: string,
  text: string,
  root: string,
  records: readonly SubmissionRecord[],
): Promise<DcvSource> {
  const name = path.basename(orderFile);
  const read = readOrder(text);
  if (!read.ok) return { ok: false, problem: `${name}: ${read.problem}` };
  if (read.order.api.certificateKind === 'smime')
    return { ok: false, problem: `${name} is an S/MIME order: it has no domain-control validation.` };
  const ref = csrReference(read.order);
  let csr = ref?.inline;
  if (ref?.file !== undefined) {
    const where = resolveCsrFile(orderFile, ref.file, root);
    if (!where.ok) return { ok: false, problem: `${name}: ${where.problem}` };
    try {
      csr = csrTextFromBytes(await readCsrFileInside(where.path, root, MAX_CSR_FILE_BYTES));
    } catch (err) {
      return { ok: false, problem: `${name}: the CSR file ${where.path} ${(err as Error).message}.` };
    }
  }
  if (!csr?.trim()) return { ok: false, problem: `${name} has no CSR yet.` };
  return planOf(name, csr, latestPlacedRecord(records, orderFile));
}
